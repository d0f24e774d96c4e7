/** The opinion-leader ranking's parameters as data (src/util/param-spec.ts). */
import { enumParam, integerParam } from '../../util/param-spec.ts';
import { METRIC_NAMES, type MetricName } from './index.ts';

export const METRIC = enumParam<MetricName>({
  name: 'metric',
  flag: 'metric',
  metavar: 'M',
  required: true,
  label: { en: 'Metric', zh: '指标' },
  help: { en: 'what makes an opinion leader', zh: '用什么衡量意见领袖' },
  values: METRIC_NAMES,
  labels: {
    degree: { en: 'Degree', zh: '度' },
    indegree: { en: 'In-degree', zh: '入度' },
    outdegree: { en: 'Out-degree', zh: '出度' },
    pagerank: { en: 'PageRank', zh: 'PageRank' },
    betweenness: { en: 'Betweenness', zh: '介数中心性' },
    closeness: { en: 'Closeness', zh: '接近中心性' },
    eigenvector: { en: 'Eigenvector', zh: '特征向量中心性' },
    hits: { en: 'HITS authority', zh: 'HITS 权威值' },
    kcore: { en: 'k-core', zh: 'k-核' },
    influence: { en: 'Influence (lone seed)', zh: '影响力（单一种子）' },
  },
});

export const TOP = integerParam({
  name: 'top',
  flag: 'top',
  metavar: 'K',
  label: { en: 'Leaders listed', zh: '列出的领袖数' },
  help: {
    en: 'how many leaders to list, best first (equal scores: first in the file first)',
    zh: '列出多少位领袖，得分高者在前（得分相同时按文件中出现的先后）',
  },
  default: 10,
  min: 1,
  max: null,
});

export const SAMPLES = integerParam({
  name: 'samples',
  flag: 'samples',
  metavar: 'S',
  label: { en: 'Sampled sources', zh: '抽样源点数' },
  help: {
    en: 'betweenness, closeness: estimate from S random source accounts (0 = exact)',
    zh: '介数、接近中心性：用 S 个随机源账号估计（0 = 精确计算）',
  },
  absent: {
    en: 'exact while nodes x arcs <= 2e9, else sampled',
    zh: '节点数 × 边数不超过 2e9 时精确计算，否则抽样',
  },
  min: 0,
  max: null,
});

export const CENTRALITY_PARAMS = { metric: METRIC, top: TOP, samples: SAMPLES } as const;
