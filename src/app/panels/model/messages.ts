/** Messages of panels/model/, in English and Simplified Chinese (see src/app/i18n/messages.ts). */
import { defineMessages } from '../../i18n/messages.ts';

export const t = defineMessages({
  en: {
    'tab.model': 'Model',
    'model.ic.help':
      'Each newly active account gets one chance to pass the post to each follower; p is the chance that one follower adopts from one exposure.',
    'model.ic.fileHelp':
      'Each newly active account gets one chance per follower, with the probability the file gives that tie.',
    'model.wc.help':
      'Like independent cascade, but the chance that v adopts from one active account is 1 / (number of accounts v hears from): busy audiences are harder to reach.',
    'model.lt.help':
      'An account adopts when the summed weight of its active sources passes its own random threshold; each source weighs 1 / in-degree (or its tie strength, normalised).',
    'model.sir.help':
      'Each step every infectious account infects each susceptible follower with probability p, then recovers (stops spreading) with probability gamma.',
    'model.threshold.help':
      'An account adopts once at least a fraction phi of the accounts it hears from have adopted: ideas that need social proof.',
    'param.useFile': "Use the file's per-edge probabilities",
    'param.ties': 'Tie strength',
    'param.ties.file': "from the file's weights",
    'param.ties.equal': 'all ties equal',
    'modelTies.legend': 'Strong and weak ties',
    'modelTies.noMutual':
      'No arc of this graph is reciprocated, so every tie is weak under mutual follows: tell strong ties by shared neighbours instead.',
    'modelTies.useEmbeddedness': 'Use embeddedness',
    'modelTies.on': 'Tie-aware diffusion',
    'modelTies.offHelp':
      'Tell strong ties from weak ones (mutual follows, or shared neighbours) and give each its own chance, or count only strong ties; groups pass a post to all their members. Presets: the Ties tab.',
    'modelTies.onlyIcThreshold':
      'Strong and weak ties apply to the independent cascade and threshold models.',
    'modelTies.icHelp':
      'Each kind of tie has its own chance (empty: p). When an account adopts, each other member of each of its groups is reached with the group probability, once per shared group.',
    'modelTies.thresholdHelp':
      'Count only strong ties: an account adopts once enough of its strong ties have adopted (complex contagion through close ties).',
    'modelTies.preset.closed':
      'Closed platform: strong ties only, plus groups (weak ties carry nothing; strong ties and groups have chance p).',
    'modelTies.preset.open':
      'Open platform: every follow gets one repost chance p; the result says how much went through strong and weak ties.',
    'modelTies.rule.mutual': 'mutual follows',
    'modelTies.rule.embeddedness': 'embedded (shared neighbours)',
    'modelTies.groups.none': 'none',
    'modelTies.groups.communities': 'the communities (Louvain)',
    'modelTies.groups.file': 'the file {name}',
    'modelTies.groups.noFile': 'a groups file (open one in the Ties tab)',
  },
  zh: {
    'tab.model': '模型',
    'model.ic.help': '每个新激活的账号对每个粉丝只有一次传递机会；p 是一个粉丝因一次接触而采纳的概率。',
    'model.ic.fileHelp': '每个新激活的账号对每个粉丝只有一次机会，概率取自文件中该关系的值。',
    'model.wc.help':
      '与独立级联类似，但 v 因一个已激活账号而采纳的概率是 1 /（v 关注的账号数）：信息来源越多的受众越难触达。',
    'model.lt.help':
      '当一个账号已激活来源的权重之和超过它自己的随机阈值时，它就会采纳；每个来源的权重为 1 / 入度（或归一化后的关系强度）。',
    'model.sir.help':
      '每一步，每个感染中的账号以概率 p 感染每个易感粉丝，然后以概率 gamma 康复（不再传播）。',
    'model.threshold.help':
      '当一个账号所关注的账号中至少有 phi 比例已采纳时，它才会采纳：需要社会认同的想法。',
    'param.useFile': '使用文件中每条边的概率',
    'param.ties': '关系强度',
    'param.ties.file': '取自文件中的权重',
    'param.ties.equal': '所有关系相同',
    'modelTies.legend': '强关系与弱关系',
    'modelTies.noMutual':
      '此图没有任何互相关注的边，因此按“互相关注”判定时所有关系都是弱关系：请改用共同邻居来判定强关系。',
    'modelTies.useEmbeddedness': '改用嵌入度',
    'modelTies.on': '区分关系强弱的传播',
    'modelTies.offHelp':
      '区分强关系与弱关系（互相关注，或共同邻居），为每种关系设定各自的传播概率，或只计强关系；群组会把内容传给所有成员。预设见“关系”标签页。',
    'modelTies.onlyIcThreshold': '强弱关系只适用于独立级联模型和阈值模型。',
    'modelTies.icHelp':
      '每种关系有各自的传播概率（留空则取 p）。账号采纳后，它所在每个群的其他成员各以群组概率被触达，每个共同群一次机会。',
    'modelTies.thresholdHelp':
      '只计强关系：一个账号的强关系中有足够多已采纳时，它才会采纳（复杂传染靠亲密关系）。',
    'modelTies.preset.closed': '封闭平台：只走强关系，外加群组（弱关系不传播；强关系和群组的概率为 p）。',
    'modelTies.preset.open':
      '开放平台：每条关注都有一次概率为 p 的转发机会；结果会显示有多少经由强关系、多少经由弱关系。',
    'modelTies.rule.mutual': '互相关注',
    'modelTies.rule.embeddedness': '嵌入度（共同邻居）',
    'modelTies.groups.none': '无',
    'modelTies.groups.communities': '社群（Louvain）',
    'modelTies.groups.file': '文件 {name}',
    'modelTies.groups.noFile': '群组文件（请在“关系”标签页中打开）',
  },
});
