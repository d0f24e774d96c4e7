/**
 * Strong and weak ties as data (src/util/param-spec.ts): how ties are classified, the
 * probabilities per tie kind, groups, strong-only thresholds and the removal experiment.
 */
import { enumParam, flagParam, integerParam, probabilityParam, stringParam } from '../util/param-spec.ts';
import { PLATFORMS, type Platform } from './presets.ts';

export const STRONG_BY = stringParam({
  name: 'strongBy',
  flag: 'strong-by',
  metavar: 'RULE',
  label: { en: 'Strong ties are', zh: '强关系的判定' },
  help: {
    en: "'mutual': an arc is strong when it is reciprocated (mutual follow); 'embeddedness:X': when at least a share X of the two ends' neighbours are shared",
    zh: '“mutual”：互相关注的边为强关系；“embeddedness:X”：两端共同邻居所占比例不低于 X 的边为强关系',
  },
  default: 'mutual',
});

/** The X of `--strong-by embeddedness:X`, as the app's form field for it (no flag of its own). */
export const EMBEDDEDNESS = probabilityParam({
  name: 'embeddedness',
  label: { en: 'Shared neighbours at least', zh: '共同邻居比例至少为' },
  help: {
    en: "embeddedness:X: an arc is strong when at least a share X of its two ends' neighbours are shared",
    zh: 'embeddedness:X：两端共同邻居所占比例不低于 X 的边为强关系',
  },
  default: 0.1,
  step: 0.05,
});

export const P_STRONG = probabilityParam({
  name: 'pStrong',
  flag: 'p-strong',
  metavar: 'P',
  label: { en: 'Probability on strong ties', zh: '强关系上的传播概率' },
  help: { en: 'ic: transmission probability on strong arcs', zh: 'ic 模型：强关系边上的传播概率' },
  absent: { en: 'the value of --p', zh: '取 --p 的值' },
});

export const P_WEAK = probabilityParam({
  name: 'pWeak',
  flag: 'p-weak',
  metavar: 'P',
  label: { en: 'Probability on weak ties', zh: '弱关系上的传播概率' },
  help: { en: 'ic: transmission probability on weak arcs', zh: 'ic 模型：弱关系边上的传播概率' },
  absent: { en: 'the value of --p', zh: '取 --p 的值' },
});

export const GROUPS = stringParam({
  name: 'groups',
  flag: 'groups',
  metavar: 'FILE',
  label: { en: 'Groups', zh: '群组' },
  help: {
    en: "ic: groups file, 'group member' per line (or a CSV with a header group,member); 'communities' uses the Louvain communities as groups",
    zh: 'ic 模型：群组文件，每行“群组 成员”（也可用表头为 group,member 的 CSV）；写“communities”则以 Louvain 社群为群组',
  },
});

export const P_GROUP = probabilityParam({
  name: 'pGroup',
  flag: 'p-group',
  metavar: 'Q',
  label: { en: 'Probability per group post', zh: '群内传播概率' },
  help: {
    en: 'ic: when an account adopts, each other member of each of its groups is reached with this probability (one chance per shared group)',
    zh: 'ic 模型：账号采纳后，它所在每个群的其他成员各以此概率被触达（每个共同群一次机会）',
  },
  absent: { en: 'the value of --p', zh: '取 --p 的值' },
});

export const STRONG_ONLY = flagParam({
  name: 'strongOnly',
  flag: 'strong-only',
  label: { en: 'Count strong ties only', zh: '只计强关系' },
  help: {
    en: 'threshold: only strong in-neighbours count, for the need and for the adopters (complex contagion through close ties)',
    zh: 'threshold 模型：只计强关系的上游账号，无论是所需数量还是已采纳数量（复杂传染靠亲密关系）',
  },
});

export const PLATFORM = enumParam<Platform>({
  name: 'platform',
  flag: 'platform',
  metavar: 'KIND',
  label: { en: 'Platform', zh: '平台类型' },
  help: {
    en: "ic: a preset of the tie options. 'closed' (strong ties only, plus groups): --strong-by mutual --p-weak 0 --groups communities (or the --groups FILE given), p-strong and p-group the value of --p; 'open' (every follow arc, one repost chance): --p-strong and --p-weak the value of --p, no groups. Tie options given explicitly win",
    zh: 'ic 模型：关系选项的预设。“closed”（封闭平台：只走强关系，外加群组）：--strong-by mutual --p-weak 0 --groups communities（或所给的 --groups 文件），p-strong 与 p-group 取 --p 的值；“open”（开放平台：每条关注边，一次转发机会）：--p-strong 与 --p-weak 取 --p 的值，没有群组。明确给出的关系选项优先',
  },
  values: PLATFORMS,
  labels: {
    closed: { en: 'Closed (strong ties and groups)', zh: '封闭（强关系与群组）' },
    open: { en: 'Open (every follow, one repost chance)', zh: '开放（每条关注，一次转发机会）' },
  },
});

export const REMOVAL = flagParam({
  name: 'removal',
  flag: 'removal',
  label: { en: 'Removal experiment', zh: '移除实验' },
  help: {
    en: 'remove ties weakest first and strongest first; report the largest component and the mean reach against the share removed',
    zh: '分别从最弱和最强的关系开始移除；报告最大连通分量和平均触达随移除比例的变化',
  },
});

export const REMOVAL_STEPS = integerParam({
  name: 'removalSteps',
  flag: 'removal-steps',
  metavar: 'S',
  label: { en: 'Removal steps', zh: '移除步数' },
  help: {
    en: 'removal experiment: shares removed 0, 1/S, ..., (S-1)/S',
    zh: '移除实验：移除比例取 0、1/S、……、(S-1)/S',
  },
  default: 10,
  min: 1,
  max: 100,
});

export const TIES_PARAMS = {
  strongBy: STRONG_BY,
  pStrong: P_STRONG,
  pWeak: P_WEAK,
  groups: GROUPS,
  pGroup: P_GROUP,
  strongOnly: STRONG_ONLY,
  platform: PLATFORM,
  removal: REMOVAL,
  removalSteps: REMOVAL_STEPS,
} as const;
