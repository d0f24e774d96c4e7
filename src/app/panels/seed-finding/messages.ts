/** Messages of panels/seed-finding/, in English and Simplified Chinese (see src/app/i18n/messages.ts). */
import { defineMessages } from '../../i18n/messages.ts';

export const t = defineMessages({
  en: {
    'seedfind.title': 'Suggest seeds',
    'seedfind.intro':
      'Which K accounts should launch a post so it travels furthest? Pick a budget and a method; the suggested accounts are measured with fresh simulations.',
    'seedfind.method': 'Method',
    'seedfind.model': 'Model',
    'seedfind.useFile': "Use the file's per-edge probabilities",
    'seedfind.run': 'Suggest seeds',
    'seedfind.cancelled': 'Cancelled; the previous suggestion is kept.',
    'seedfind.error': 'Could not suggest seeds: {message}',
    'seedfind.method.imm': 'IMM (near-optimal, with a guarantee)',
    'seedfind.method.celf': 'CELF greedy (small graphs)',
    'seedfind.method.degree': 'Largest audience (degree)',
    'seedfind.method.degreeDiscount': 'Degree discount',
    'seedfind.method.pagerank': 'PageRank',
    'seedfind.method.community': 'Spread over communities',
    'seedfind.method.random': 'Random accounts',
    'seedfind.help.imm':
      'IMM samples "who could have reached whom" sets and picks the accounts covering most of them: with high probability its reach is at least 63% − epsilon of the best possible.',
    'seedfind.help.celf':
      'CELF adds, one at a time, the account that raises the simulated reach most, re-checking only the promising candidates.',
    'seedfind.help.celfRuns':
      'Each estimate uses {runs} simulations, and the first round simulates every account.',
    'seedfind.help.degree':
      'The accounts that reach the most people directly. Simple, but their audiences often overlap.',
    'seedfind.help.degreeDiscount':
      'Like degree, but an account counts less once a neighbour is chosen, since that audience is partly covered already.',
    'seedfind.help.pagerank': 'The accounts whose attention flows in from other well-connected accounts.',
    'seedfind.help.community':
      'The biggest accounts of each community, seats shared out by community size, so no single group takes the whole budget.',
    'seedfind.help.random': 'K accounts drawn at random: the baseline every method should beat.',
    'seedfind.celfDisabled':
      'CELF is off for this graph: it simulates each of its {nodes} accounts many times, too slow above {limit} accounts. IMM gives the same quality far faster.',
    'seedfind.phase.starting': 'Starting…',
    'seedfind.phase.choosing': 'Choosing the seeds…',
    'seedfind.phase.sampling': 'Estimating the best reach: {sets} sampled sets',
    'seedfind.phase.selection': 'Selecting the seeds: {sets} sampled sets',
    'seedfind.phase.celfFirst': 'CELF: simulating every account as a seed',
    'seedfind.phase.celf': 'CELF: seeds chosen',
    'seedfind.phase.budget': 'Budget curve: reach of the first k seeds',
    'seedfind.phase.measuring': 'Measuring the reach with fresh simulations',
    'seedfind.heading': '{method}: {k} suggested accounts',
    'seedfind.spread':
      'Expected reach {mean} accounts (95% CI {lo} – {hi}), {share}% of the network, from {runs} fresh simulations.',
    'seedfind.details.imm':
      'Chosen on {sets} sampled sets in {seconds} s; guaranteed at least {guarantee}% of the best possible reach (with high probability).',
    'seedfind.details.community': 'Seats shared over {communities} communities.',
    'seedfind.details.time': 'Chosen in {seconds} s.',
    'seedfind.audience': 'audience {degree}',
    'seedfind.use': 'Use as seeds',
    'seedfind.used': 'The scenario now starts from these {k} accounts; press Run to simulate.',
    'seedfind.highlight': 'Highlight on the graph',
    'seedfind.announce': '{method} suggested {k} accounts.',
    'seedfind.curve.title': 'Budget curve: expected reach of the first k seeds',
    'seedfind.curve.x': 'seed accounts k',
    'seedfind.curve.y': 'expected reach (accounts)',
    'seedfind.curve.table': 'The curves as a table (expected reach, 95% CI)',
    'seedfind.curve.tooltip': '{method}, k = {k}: {spread} (95% CI {lo} – {hi})',
    'seedfind.curve.marginal':
      '{method}: the first account reaches about {first}; going from {prev} to {k} accounts adds about {gain} more.',
    'seedfind.model.ic': 'Independent cascade',
    'seedfind.model.wc': 'Weighted cascade',
    'seedfind.model.lt': 'Linear threshold',
    'seedfind.estimate.pending': 'Measuring this computer to estimate the time…',
    'seedfind.estimate.imm':
      'Estimated time: about {time} ({sets} sampled sets of about {size} accounts each, then {runs} simulations).',
    'seedfind.estimate.celf':
      'Estimated time: about {time} ({cascades} simulations, every account alone {celfRuns} times first).',
    'seedfind.estimate.other':
      'Estimated time: about {time} ({sets} sampled sets for the budget curve, then {runs} simulations).',
    'seedfind.estimate.instant': 'under a second',
    'seedfind.estimate.slow': 'That is long: IMM would take about {time} for a set as good.',
    'seedfind.estimate.none': 'The time could not be estimated: {message}',
    'seedfind.legend': 'Suggested seeds',
  },
  zh: {
    'seedfind.title': '推荐种子',
    'seedfind.intro': '让哪 K 个账号首发，内容才能传得最远？选好预算和方法；推荐的账号会用全新的模拟来衡量。',
    'seedfind.method': '方法',
    'seedfind.model': '模型',
    'seedfind.useFile': '使用文件中每条边的概率',
    'seedfind.run': '推荐种子',
    'seedfind.cancelled': '已取消；保留上一次的推荐。',
    'seedfind.error': '无法推荐种子：{message}',
    'seedfind.method.imm': 'IMM（近似最优，有理论保证）',
    'seedfind.method.celf': 'CELF 贪心（仅限小图）',
    'seedfind.method.degree': '受众最多（度）',
    'seedfind.method.degreeDiscount': '度折扣',
    'seedfind.method.pagerank': 'PageRank',
    'seedfind.method.community': '分散到各社群',
    'seedfind.method.random': '随机账号',
    'seedfind.help.imm':
      'IMM 抽样“谁可能影响到谁”的集合，并挑选覆盖其中最多集合的账号：它的传播范围以很高概率不低于最优值的 63% − epsilon。',
    'seedfind.help.celf': 'CELF 每次加入一个能让模拟传播范围增加最多的账号，只重新检查有希望的候选者。',
    'seedfind.help.celfRuns': '每次估计使用 {runs} 次模拟，第一轮要模拟每一个账号。',
    'seedfind.help.degree': '直接触达人数最多的账号。简单，但它们的受众常常重叠。',
    'seedfind.help.degreeDiscount':
      '与度类似，但当某个邻居已被选中时，该账号的分值会降低，因为那部分受众已被部分覆盖。',
    'seedfind.help.pagerank': '关注度从其他高连接账号流入的账号。',
    'seedfind.help.community': '每个社群中最大的账号，名额按社群规模分配，避免某一个群体占用全部预算。',
    'seedfind.help.random': '随机抽取 K 个账号：每种方法都应胜过的基准。',
    'seedfind.celfDisabled':
      '此图上无法使用 CELF：它要把全部 {nodes} 个账号逐一模拟多次，超过 {limit} 个账号就太慢了。IMM 能快得多地给出同样质量的结果。',
    'seedfind.phase.starting': '正在开始…',
    'seedfind.phase.choosing': '正在选择种子…',
    'seedfind.phase.sampling': '估计最佳传播范围：{sets} 个抽样集合',
    'seedfind.phase.selection': '选择种子：{sets} 个抽样集合',
    'seedfind.phase.celfFirst': 'CELF：将每个账号作为种子进行模拟',
    'seedfind.phase.celf': 'CELF：已选种子',
    'seedfind.phase.budget': '预算曲线：前 k 个种子的传播范围',
    'seedfind.phase.measuring': '用全新的模拟衡量传播范围',
    'seedfind.heading': '{method}：推荐 {k} 个账号',
    'seedfind.spread':
      '预期传播 {mean} 个账号（95% 置信区间 {lo} – {hi}），占网络的 {share}%，基于 {runs} 次全新模拟。',
    'seedfind.details.imm':
      '基于 {sets} 个抽样集合选出，用时 {seconds} 秒；以很高概率保证不低于最佳传播范围的 {guarantee}%。',
    'seedfind.details.community': '名额分配到 {communities} 个社群。',
    'seedfind.details.time': '用时 {seconds} 秒选出。',
    'seedfind.audience': '受众 {degree}',
    'seedfind.use': '设为种子',
    'seedfind.used': '场景现在从这 {k} 个账号开始；点击“运行”进行模拟。',
    'seedfind.highlight': '在图上高亮',
    'seedfind.announce': '{method} 推荐了 {k} 个账号。',
    'seedfind.curve.title': '预算曲线：前 k 个种子的预期传播范围',
    'seedfind.curve.x': '种子账号数量 k',
    'seedfind.curve.y': '预期传播（账号数）',
    'seedfind.curve.table': '曲线数据表（预期传播范围，95% 置信区间）',
    'seedfind.curve.tooltip': '{method}，k = {k}：{spread}（95% 置信区间 {lo} – {hi}）',
    'seedfind.curve.marginal':
      '{method}：第一个账号约触达 {first}；从 {prev} 个增加到 {k} 个账号约再多触达 {gain}。',
    'seedfind.model.ic': '独立级联',
    'seedfind.model.wc': '加权级联',
    'seedfind.model.lt': '线性阈值',
    'seedfind.estimate.pending': '正在测量本机速度以估计所需时间…',
    'seedfind.estimate.imm':
      '预计用时：约 {time}（抽样 {sets} 个集合，每个约 {size} 个账号，然后模拟 {runs} 次）。',
    'seedfind.estimate.celf':
      '预计用时：约 {time}（共 {cascades} 次模拟，先把每个账号单独模拟 {celfRuns} 次）。',
    'seedfind.estimate.other': '预计用时：约 {time}（为预算曲线抽样 {sets} 个集合，然后模拟 {runs} 次）。',
    'seedfind.estimate.instant': '不到一秒',
    'seedfind.estimate.slow': '这需要很久：IMM 找到同样好的种子约需 {time}。',
    'seedfind.estimate.none': '无法估计所需时间：{message}',
    'seedfind.legend': '推荐的种子',
  },
});
