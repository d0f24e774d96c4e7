/** Messages of panels/data/, in English and Simplified Chinese (see src/app/i18n/messages.ts). */
import { defineMessages } from '../../i18n/messages.ts';

export const t = defineMessages({
  en: {
    'tab.data': 'Data',
    'data.dataset': 'Bundled dataset',
    'data.open': 'Open a graph file…',
    'data.drop':
      'or drop a file on the graph. Edge lists (.txt .csv .tsv .edges, optionally .gz), GEXF, GraphML, graphology JSON.',
    'data.citation': 'Cite: {citation}',
    'data.source': 'Source: {source}',
    'data.loadingName': 'Loading {name}…',
    'data.summary':
      '{name}: {nodes, plural, one {# node} other {# nodes}}, {edges, plural, one {# edge} other {# edges}}, {directed}, {components, plural, one {# component} other {# components}} (largest {largest}).',
    'data.dropped': 'Dropped while loading: self-loops {selfLoops}, duplicate edges {duplicates}.',
    'data.directed': 'directed',
    'data.undirected': 'undirected',
    'data.warnings': 'Notes from the loader: {warnings}',
    'data.direction': 'How edges are read',
    'data.direction.help': 'Changing it reloads the graph: who can reach whom depends on it.',
    'data.loaded': 'Loaded',
    'data.pickFile': 'Your file',
    'direction.title': 'Which way do the edges of {file} point?',
    'direction.firstLines': 'First lines of the file',
    'direction.undirected': 'Undirected: a line "a b" is a mutual tie',
    'direction.influences': "a b: a's posts reach b",
    'direction.follows': "a b: a follows b (b's posts reach a)",
    'direction.guess.header-follows': 'Guess: the column names mention following.',
    'direction.guess.header-influences': 'Guess: the column names say source and target.',
    'direction.guess.reciprocal': 'Guess: most pairs appear both ways, so ties look mutual.',
    'direction.guess.default-follows': 'Guess: follower exports usually mean "a follows b".',
    'direction.values': 'Third column',
    'direction.values.probability': 'transmission probability (0 to 1)',
    'direction.values.weight': 'tie strength (weight)',
    'direction.values.ignore': 'ignore it',
    'direction.named.undirected': 'Undirected: {a} and {b} are mutual ties',
    'direction.named.influences': '{b} follows {a}: posts flow {a} → {b}',
    'direction.named.follows': '{a} follows {b}: posts flow {b} → {a}',
    'direction.load': 'Load graph',
    'direction.cancel': 'Cancel',
    'data.datasetOption': '{name} ({nodes} nodes)',
    'dataset.about.karate':
      'Friendships between 34 members of a university karate club (1970-72); the club later split in two. The classic small graph for classroom demonstrations.',
    'dataset.about.smallWorld':
      'A ring of 100 people, each tied to the 4 nearest, with each tie rewired at random with probability 0.1 (Watts-Strogatz): the shortcuts, drawn as chords, make the ring a small world. For classroom demonstrations.',
    'dataset.about.facebook':
      "Facebook friendships from 10 users' ego networks, combined (SNAP). Undirected: friends see each other's posts.",
    'dataset.about.email':
      "Internal e-mail of a European research institution (SNAP). Line 'a b': a sent mail to b, so a's messages reach b. Directed, 642 self-loops.",
    'dataset.about.wikiVote':
      "Wikipedia adminship votes up to January 2008 (SNAP). Line 'a b': a voted on b, read here as a paying attention to b, so b's posts reach a. Directed.",
    'dataset.about.netHept':
      "arXiv hep-th co-authorship, the classic influence-maximization benchmark. First line is the 'n m' header; third column is the weighted-cascade probability 1/indeg(v) for arc u -> v.",
    'dataset.about.slashdot':
      "Slashdot Zoo friend/foe tags, February 2009 (SNAP). Line 'a b': a tagged b, read as a following b, so b's posts reach a. Directed, 78,303 self-loops.",
  },
  zh: {
    'tab.data': '数据',
    'data.dataset': '内置数据集',
    'data.open': '打开图文件…',
    'data.drop':
      '或把文件拖到图上。支持边列表（.txt .csv .tsv .edges，可为 .gz 压缩）、GEXF、GraphML、graphology JSON。',
    'data.citation': '引用：{citation}',
    'data.source': '来源：{source}',
    'data.loadingName': '正在加载 {name}…',
    'data.summary':
      '{name}：{nodes} 个节点，{edges} 条边，{directed}，{components} 个连通分量（最大 {largest}）。',
    'data.dropped': '加载时丢弃：自环 {selfLoops} 条，重复边 {duplicates} 条。',
    'data.directed': '有向',
    'data.undirected': '无向',
    'data.warnings': '加载器提示：{warnings}',
    'data.direction': '边的读取方向',
    'data.direction.help': '更改后会重新加载图：谁能触达谁取决于它。',
    'data.loaded': '已加载',
    'data.pickFile': '你的文件',
    'direction.title': '{file} 中的边指向哪个方向？',
    'direction.firstLines': '文件的前几行',
    'direction.undirected': '无向：一行“a b”表示相互关系',
    'direction.influences': 'a b：a 的帖子会传到 b',
    'direction.follows': 'a b：a 关注 b（b 的帖子会传到 a）',
    'direction.guess.header-follows': '推测：列名提到了关注。',
    'direction.guess.header-influences': '推测：列名写的是起点和终点。',
    'direction.guess.reciprocal': '推测：大多数账号对双向出现，关系看起来是相互的。',
    'direction.guess.default-follows': '推测：粉丝导出文件通常表示“a 关注 b”。',
    'direction.values': '第三列',
    'direction.values.probability': '传播概率（0 到 1）',
    'direction.values.weight': '关系强度（权重）',
    'direction.values.ignore': '忽略',
    'direction.named.undirected': '无向：{a} 与 {b} 互为关系',
    'direction.named.influences': '{b} 关注 {a}：内容从 {a} 流向 {b}',
    'direction.named.follows': '{a} 关注 {b}：内容从 {b} 流向 {a}',
    'direction.load': '加载图',
    'direction.cancel': '取消',
    'data.datasetOption': '{name}（{nodes} 个节点）',
    'dataset.about.karate':
      '某大学空手道俱乐部 34 名成员之间的友谊关系（1970–72 年）；俱乐部后来一分为二。课堂演示用的经典小图。',
    'dataset.about.smallWorld':
      '100 人围成一圈，每人与最近的 4 人相连，每条连接以 0.1 的概率随机改连（Watts-Strogatz 模型）：这些捷径画成弦，让这个圈变成“小世界”。适合课堂演示。',
    'dataset.about.facebook':
      '10 位用户的 Facebook 自我中心网络中的好友关系，合并而成（SNAP）。无向：好友彼此能看到对方的帖子。',
    'dataset.about.email':
      '欧洲某研究机构的内部电子邮件（SNAP）。一行“a b”：a 给 b 发过邮件，所以 a 的消息会传到 b。有向，含 642 个自环。',
    'dataset.about.wikiVote':
      '截至 2008 年 1 月的维基百科管理员选举投票（SNAP）。一行“a b”：a 对 b 投了票，这里理解为 a 关注 b，所以 b 的帖子会传到 a。有向。',
    'dataset.about.netHept':
      'arXiv hep-th 合著网络，影响力最大化的经典基准。第一行是“n m”表头；第三列是弧 u -> v 的加权级联概率 1/indeg(v)。',
    'dataset.about.slashdot':
      'Slashdot Zoo 的朋友/敌人标记，2009 年 2 月（SNAP）。一行“a b”：a 标记了 b，理解为 a 关注 b，所以 b 的帖子会传到 a。有向，含 78,303 个自环。',
  },
});
