/** Messages of panels/ties/, in English and Simplified Chinese (see src/app/i18n/messages.ts). */
import { defineMessages } from '../../i18n/messages.ts';

export const t = defineMessages({
  en: {
    'ties.tab': 'Ties',
    'ties.intro':
      'Strong ties (mutual follows, or many shared neighbours) hold circles together; weak ties carry news between circles. See which ties your graph has, what closed and open platforms do with them, and whether the graph falls apart without its weak ties.',
    'ties.lens': 'Ties lens',
    'ties.lens.title': 'Colour the edges by kind of tie: strong, weak, or a bridge between communities',
    'ties.lens.strong': 'Strong tie',
    'ties.lens.weak': 'Weak tie',
    'ties.lens.bridge': 'Bridge between communities',
    'ties.lens.computing': 'Classifying ties…',
    'ties.kinds.job': 'Classifying ties (strong, weak, bridges)',
    'ties.kinds.title': 'Ties of this graph',
    'ties.kinds.rule.mutual': 'Strong ties are mutual follows.',
    'ties.kinds.rule.embeddedness': 'Strong ties share at least {min} of their neighbours.',
    'ties.kinds.strong': 'Strong',
    'ties.kinds.weak': 'Weak',
    'ties.kinds.bridges': 'Bridges',
    'ties.kinds.arcs': '{count, plural, one {# arc} other {# arcs}} ({share})',
    'ties.kinds.bridgesValue':
      '{between, plural, one {# arc} other {# arcs}} between {communities, plural, one {# community} other {# communities}} ({weak} of them weak); {splitting, plural, one {# arc splits} other {# arcs split}} a component when removed',
    'ties.kinds.mutualPairs': '{pairs, plural, one {# pair follows} other {# pairs follow}} each other.',
    'ties.note.noMutual':
      'No arc of this graph is reciprocated, so every tie is weak under mutual follows: tell strong ties by shared neighbours (embeddedness) instead.',
    'ties.note.undirected':
      'This graph is undirected, so every tie is mutual and strong under mutual follows: tell close ties from loose ones by shared neighbours (embeddedness).',
    'ties.note.useEmbeddedness': 'Use embeddedness 0.1',
    'ties.kinds.cancelled': 'Cancelled: the ties were not classified.',
    'ties.kinds.failed': 'Could not classify the ties: {message}',
    'ties.groups.title': 'Groups',
    'ties.groups.intro':
      'Closed platforms pass posts in groups: when an account adopts, every other member of its groups gets a chance. A groups file lists one "group member" per line, or is a CSV with the header group,member.',
    'ties.groups.choose': 'Open a groups file',
    'ties.groups.drop': 'or drop it here.',
    'ties.groups.loaded':
      '{name}: {groups, plural, one {# group} other {# groups}}, {members, plural, one {# member} other {# members}} found in the graph.',
    'ties.groups.unknown':
      '{count, plural, one {# member is not an account} other {# members are not accounts}} of the graph and {count, plural, one {is} other {are}} left out: {names}{more}.',
    'ties.groups.more': ' and {count} more',
    'ties.groups.none': 'No groups file open.',
    'ties.groups.needed':
      'This scenario takes its groups from "{name}", which a link cannot carry: open that file here.',
    'ties.groups.linkNote':
      'A link keeps only the file\u2019s name: whoever opens it is asked for the file again.',
    'ties.groups.using': 'The groups of {name} are used (ic with tie-aware diffusion).',
    'ties.groups.useCommunities': 'Use the communities as groups',
    'ties.groups.communitiesUsed': 'The Louvain communities are used as groups.',
    'ties.presets.title': 'Closed and open platforms',
    'ties.presets.closed': 'Closed platform',
    'ties.presets.closedHelp':
      'Strong ties only, plus groups: weak ties carry nothing; strong ties and groups (the open groups file, else the communities) have chance p.',
    'ties.presets.open': 'Open platform',
    'ties.presets.openHelp':
      'Every follow arc gets one repost chance p; no groups. The result says how much went through strong and weak ties.',
    'ties.presets.compare': 'Compare runs both side by side on this graph and these seeds.',
    'ties.preset.applied.closed': 'Closed platform set in the Model tab: press Run.',
    'ties.preset.applied.open': 'Open platform set in the Model tab: press Run.',
    'ties.removal.title': 'Without the weak ties',
    'ties.removal.intro':
      'Remove ties weakest first, or strongest first, and follow the largest connected part and the mean reach of a cascade (independent cascade with the scenario\u2019s p, seeds and random seed). If removing weak ties breaks the graph first, your message depends on them.',
    'ties.removal.steps': 'Points per order',
    'ties.removal.runs': 'Runs per point',
    'ties.removal.run': 'Run the removal experiment',
    'ties.removal.job': 'Removing ties: {steps} shares, weakest and strongest first',
    'ties.removal.cancelled': 'Cancelled: the chart shows the last finished experiment.',
    'ties.removal.failed': 'The removal experiment failed: {message}',
    'ties.removal.needP':
      "The removal experiment runs independent cascade with p, but p is the file's per-edge probabilities: set p in the Model tab.",
    'ties.removal.component': 'Largest connected part',
    'ties.removal.reach': 'Mean cascade reach (95% CI)',
    'ties.removal.weakFirst': 'weakest first',
    'ties.removal.strongFirst': 'strongest first',
    'ties.removal.band': '95% CI, {order}',
    'ties.removal.axis.share': 'share of ties removed',
    'ties.removal.axis.component': 'share of the accounts',
    'ties.removal.axis.reach': 'accounts reached (mean)',
    'ties.removal.about.seeds':
      '{ties, plural, one {# tie} other {# ties}}; ic with p = {p} from {seeds, plural, one {# seed} other {# seeds}}, {runs, plural, one {# run} other {# runs}} per point.',
    'ties.removal.about.random':
      '{ties, plural, one {# tie} other {# ties}}; ic with p = {p} from {k} random seeds drawn in every run (no seeds chosen), {runs, plural, one {# run} other {# runs}} per point.',
  },
  zh: {
    'ties.tab': '关系',
    'ties.intro':
      '强关系（互相关注，或共同邻居很多）把圈子维系在一起；弱关系在圈子之间传递消息。在这里查看图中有哪些关系、封闭平台与开放平台如何利用它们，以及去掉弱关系后图是否会分崩离析。',
    'ties.lens': '关系透镜',
    'ties.lens.title': '按关系类型为边着色：强关系、弱关系，或社群之间的桥',
    'ties.lens.strong': '强关系',
    'ties.lens.weak': '弱关系',
    'ties.lens.bridge': '社群之间的桥',
    'ties.lens.computing': '正在区分关系…',
    'ties.kinds.job': '正在区分关系（强、弱、桥）',
    'ties.kinds.title': '此图的关系',
    'ties.kinds.rule.mutual': '强关系为互相关注。',
    'ties.kinds.rule.embeddedness': '强关系的两端至少共享 {min} 的邻居。',
    'ties.kinds.strong': '强关系',
    'ties.kinds.weak': '弱关系',
    'ties.kinds.bridges': '桥',
    'ties.kinds.arcs': '{count} 条边（{share}）',
    'ties.kinds.bridgesValue':
      '{between} 条边连接 {communities} 个社群中的不同社群（其中 {weak} 条为弱关系）；移除后会使连通分量断开的边有 {splitting} 条',
    'ties.kinds.mutualPairs': '{pairs} 对账号互相关注。',
    'ties.note.noMutual':
      '此图没有任何互相关注的边，因此按“互相关注”判定时所有关系都是弱关系：请改用共同邻居（嵌入度）来判定强关系。',
    'ties.note.undirected':
      '此图是无向图，因此按“互相关注”判定时所有关系都是互相的、都是强关系：请用共同邻居（嵌入度）区分亲密关系与松散关系。',
    'ties.note.useEmbeddedness': '改用嵌入度 0.1',
    'ties.kinds.cancelled': '已取消：关系未区分。',
    'ties.kinds.failed': '无法区分关系：{message}',
    'ties.groups.title': '群组',
    'ties.groups.intro':
      '封闭平台在群里传递内容：一个账号采纳后，它所在群的其他成员都会得到一次机会。群组文件每行一个“群组 成员”，也可以是带表头的 CSV（两列：群组、成员）。',
    'ties.groups.choose': '打开群组文件',
    'ties.groups.drop': '或把文件拖放到这里。',
    'ties.groups.loaded': '{name}：{groups} 个群组，图中找到 {members} 个成员。',
    'ties.groups.unknown': '有 {count} 个成员不是图中的账号，已略去：{names}{more}。',
    'ties.groups.more': ' 等另外 {count} 个',
    'ties.groups.none': '尚未打开群组文件。',
    'ties.groups.needed': '此情景的群组来自“{name}”，链接无法携带该文件：请在这里打开它。',
    'ties.groups.linkNote': '链接只保存文件名：打开链接的人需要重新提供该文件。',
    'ties.groups.using': '正在使用 {name} 中的群组（独立级联模型，区分关系强弱）。',
    'ties.groups.useCommunities': '以社群作为群组',
    'ties.groups.communitiesUsed': '已把 Louvain 社群用作群组。',
    'ties.presets.title': '封闭平台与开放平台',
    'ties.presets.closed': '封闭平台',
    'ties.presets.closedHelp':
      '只走强关系，外加群组：弱关系不传播；强关系和群组（已打开的群组文件，否则为社群）的概率为 p。',
    'ties.presets.open': '开放平台',
    'ties.presets.openHelp':
      '每条关注边都有一次概率为 p 的转发机会；没有群组。结果会显示有多少经由强关系、多少经由弱关系。',
    'ties.presets.compare': '“对比”标签页可在此图和这些种子上把两者并排运行。',
    'ties.preset.applied.closed': '已在“模型”标签页设为封闭平台：请点击“运行”。',
    'ties.preset.applied.open': '已在“模型”标签页设为开放平台：请点击“运行”。',
    'ties.removal.title': '去掉弱关系之后',
    'ties.removal.intro':
      '从最弱的关系开始移除，或从最强的开始，观察最大连通部分和一次传播的平均触达（独立级联，使用情景中的 p、种子和随机种子）。如果先移除弱关系会先让图断开，你的信息就依赖弱关系。',
    'ties.removal.steps': '每种顺序的点数',
    'ties.removal.runs': '每个点的运行次数',
    'ties.removal.run': '运行移除实验',
    'ties.removal.job': '正在移除关系：{steps} 个比例，分别从最弱和最强开始',
    'ties.removal.cancelled': '已取消：图表显示上一次完成的实验。',
    'ties.removal.failed': '移除实验失败：{message}',
    'ties.removal.needP':
      '移除实验使用概率为 p 的独立级联，但 p 现在使用文件中每条边的概率：请在“模型”标签页设定 p。',
    'ties.removal.component': '最大连通部分',
    'ties.removal.reach': '平均传播触达（95% 置信区间）',
    'ties.removal.weakFirst': '从最弱开始',
    'ties.removal.strongFirst': '从最强开始',
    'ties.removal.band': '95% 置信区间，{order}',
    'ties.removal.axis.share': '已移除关系的比例',
    'ties.removal.axis.component': '占账号的比例',
    'ties.removal.axis.reach': '触达账号数（平均）',
    'ties.removal.about.seeds': '共 {ties} 条关系；独立级联，p = {p}，{seeds} 个种子，每个点运行 {runs} 次。',
    'ties.removal.about.random':
      '共 {ties} 条关系；独立级联，p = {p}，每次运行随机抽取 {k} 个种子（未选种子），每个点运行 {runs} 次。',
  },
});
