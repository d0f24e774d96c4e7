/**
 * How a graph file is read, as parameters (src/util/param-spec.ts): the file, its direction,
 * what a third column means, the header line and the edge limit; and the layout command's own.
 */

import { enumParam, integerParam, stringParam } from '../util/param-spec.ts';
import { DEFAULT_MAX_EDGES, HEADER_OPTIONS, type HeaderOption } from './edge-list.ts';
import { DIRECTIONS, type Direction, EDGE_VALUES, type EdgeValues } from './types.ts';

export const GRAPH = stringParam({
  name: 'graph',
  flag: 'graph',
  metavar: 'FILE',
  required: true,
  label: { en: 'Graph file', zh: '图文件' },
  help: {
    en: 'edge list (.txt/.csv/.tsv/.edges, optionally .gz), .gexf, .graphml or graphology .json',
    zh: '边列表（.txt/.csv/.tsv/.edges，可用 .gz 压缩）、.gexf、.graphml 或 graphology 的 .json',
  },
});

export const DIRECTION = enumParam<Direction>({
  name: 'direction',
  flag: 'direction',
  metavar: 'D',
  label: { en: 'How edges are read', zh: '边的读法' },
  help: {
    en: "how to read a line 'a b' (content flows along the reach direction)",
    zh: '如何理解一行“a b”（内容沿触达方向流动）',
  },
  absent: {
    en: "the file's declaration; bundled datasets: the manifest's; required for other edge lists",
    zh: '按文件自身的声明；内置数据集按清单；其他边列表必须指定',
  },
  values: DIRECTIONS,
  labels: {
    undirected: { en: 'undirected: a and b are a mutual tie', zh: '无向：a 与 b 互相关联' },
    influences: { en: "influences: a's posts reach b", zh: 'influences：a 的帖子能传到 b' },
    follows: {
      en: "follows: a follows b, so b's posts reach a",
      zh: 'follows：a 关注 b，所以 b 的帖子能传到 a',
    },
  },
});

export const EDGE_VALUES_PARAM = enumParam<EdgeValues, 'probability'>({
  name: 'edgeValues',
  flag: 'edge-values',
  metavar: 'V',
  label: { en: 'Third column', zh: '第三列' },
  help: {
    en: "meaning of an edge list's third column or an XML weight attribute",
    zh: '边列表第三列或 XML 中 weight 属性的含义',
  },
  default: 'probability',
  values: EDGE_VALUES,
  labels: {
    probability: { en: 'transmission probability (0 to 1)', zh: '传播概率（0 到 1）' },
    weight: { en: 'tie strength (weight)', zh: '关系强度（权重）' },
    ignore: { en: 'ignore it', zh: '忽略' },
  },
});

export const HEADER = enumParam<HeaderOption, 'auto'>({
  name: 'header',
  flag: 'header',
  metavar: 'H',
  label: { en: 'Header line', zh: '表头行' },
  help: {
    en: 'whether the first data line holds column names',
    zh: '第一行数据是否为列名',
  },
  default: 'auto',
  values: HEADER_OPTIONS,
  labels: {
    auto: { en: 'detect', zh: '自动识别' },
    yes: { en: 'yes', zh: '是' },
    no: { en: 'no', zh: '否' },
  },
});

export const MAX_EDGES = integerParam({
  name: 'maxEdges',
  flag: 'max-edges',
  metavar: 'N',
  label: { en: 'Edge limit', zh: '边数上限' },
  help: {
    en: 'stop with an error after reading this many edge lines (before merging duplicates): a guard against huge or hostile files',
    zh: '读到这么多行边（合并重复边之前）后报错停止：防止超大或恶意文件耗尽内存',
  },
  default: DEFAULT_MAX_EDGES,
  min: 1,
  max: null,
  unit: { en: 'edges', zh: '条边' },
});

/** ForceAtlas2 iterations of `ripple layout`. */
export const ITERATIONS = integerParam({
  name: 'iterations',
  flag: 'iterations',
  metavar: 'N',
  label: { en: 'Layout iterations', zh: '布局迭代次数' },
  help: { en: 'ForceAtlas2 iterations', zh: 'ForceAtlas2 的迭代次数' },
  default: 500,
  min: 1,
  max: 100_000,
});

export const OUT = stringParam({
  name: 'out',
  flag: 'out',
  metavar: 'FILE',
  label: { en: 'Output file', zh: '输出文件' },
  help: {
    en: 'write the layout file here, and a one-line note on stderr',
    zh: '把布局文件写到这里，并在 stderr 上输出一行说明',
  },
  absent: { en: 'stdout', zh: '标准输出' },
});

export const GRAPH_PARAMS = {
  graph: GRAPH,
  direction: DIRECTION,
  edgeValues: EDGE_VALUES_PARAM,
  header: HEADER,
  maxEdges: MAX_EDGES,
  iterations: ITERATIONS,
  out: OUT,
} as const;
