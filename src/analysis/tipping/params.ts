/**
 * The tipping-point sweep's parameters as data (src/util/param-spec.ts): what is swept and
 * over which range, the grid, how k seeds are chosen, the reach target and the refinement.
 */
import { enumParam, integerParam, numberParam } from '../../util/param-spec.ts';
import { MAX_STEPS } from './plan.ts';
import { RANK_BY, type RankBy } from './rank.ts';
import { REFINE_DEFAULTS, VARIES, type Vary } from './types.ts';

export const VARY = enumParam<Vary>({
  name: 'vary',
  flag: 'vary',
  metavar: 'V',
  required: true,
  label: { en: 'Sweep', zh: '扫描对象' },
  help: {
    en: 'what to sweep: p spread probability (ic, sir), k number of seeds (any model), phi adoption threshold (threshold)',
    zh: '扫描哪个量：p 传播概率（ic、sir），k 种子数（任意模型），phi 采纳阈值（threshold）',
  },
  values: VARIES,
  labels: {
    p: { en: 'spread probability p', zh: '传播概率 p' },
    k: { en: 'number of seed accounts k', zh: '种子账号数 k' },
    phi: { en: 'adoption threshold phi', zh: '采纳阈值 phi' },
  },
});

export const FROM = numberParam({
  name: 'from',
  flag: 'from',
  metavar: 'A',
  required: true,
  label: { en: 'From', zh: '起点' },
  help: {
    en: 'first value swept (p, phi: from 0 to 1; k: a whole number >= 1)',
    zh: '扫描的第一个值（p、phi：0 到 1；k：不小于 1 的整数）',
  },
  min: 0,
  max: null,
});

export const TO = numberParam({
  name: 'to',
  flag: 'to',
  metavar: 'B',
  required: true,
  label: { en: 'To', zh: '终点' },
  help: {
    en: 'last value swept (p, phi: at most 1; k: at most the number of nodes)',
    zh: '扫描的最后一个值（p、phi：不超过 1；k：不超过节点数）',
  },
  min: 0,
  max: null,
});

export const STEPS = integerParam({
  name: 'steps',
  flag: 'steps',
  metavar: 'S',
  label: { en: 'Points', zh: '取点数' },
  help: {
    en: 'evenly spaced points before refinement (k: rounded, duplicates merged)',
    zh: '细化之前均匀分布的取点数（k：取整并合并重复值）',
  },
  default: 11,
  min: 2,
  max: MAX_STEPS,
});

export const BY = enumParam<RankBy | 'random', 'degree'>({
  name: 'by',
  flag: 'by',
  metavar: 'B',
  label: { en: 'Seeds of a k sweep', zh: 'k 扫描的种子' },
  help: {
    en: 'k sweeps: the top k by out-degree or PageRank, or k random seeds per run',
    zh: 'k 扫描：按出度或 PageRank 排名前 k 的账号，或每次模拟随机 k 个',
  },
  default: 'degree',
  values: [...RANK_BY, 'random'],
  labels: {
    degree: { en: 'top k by audience (degree)', zh: '按受众（度）排名前 k' },
    pagerank: { en: 'top k by PageRank', zh: '按 PageRank 排名前 k' },
    random: { en: 'k random accounts per run', zh: '每次模拟随机 k 个账号' },
  },
});

export const TARGET = numberParam({
  name: 'target',
  flag: 'target',
  metavar: 'SHARE',
  label: { en: 'Reach target (share of the nodes)', zh: '触达目标（占节点的比例）' },
  help: {
    en: 'k sweeps: also find the fewest seeds whose mean reach passes this share of the nodes',
    zh: 'k 扫描：同时找出平均触达超过这一节点比例所需的最少种子数',
  },
  absent: { en: 'no search', zh: '不做此搜索' },
  min: 0,
  max: 1,
  minExclusive: true,
  step: 0.05,
});

export const REFINE = integerParam({
  name: 'refine',
  flag: 'refine',
  metavar: 'N',
  label: { en: 'Refinement rounds', zh: '细化轮数' },
  help: {
    en: 'refinement rounds: each adds points around the detected transition and detects again',
    zh: '细化轮数：每轮在检测到的转变点附近加点并重新检测',
  },
  default: REFINE_DEFAULTS.rounds,
  min: 0,
  max: 100,
});

export const TIPPING_PARAMS = {
  vary: VARY,
  from: FROM,
  to: TO,
  steps: STEPS,
  by: BY,
  target: TARGET,
  refine: REFINE,
} as const;
