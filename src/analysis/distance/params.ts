/** The distance analysis' and six-degrees report's parameters as data (src/util/param-spec.ts). */
import { enumParam, integerParam } from '../../util/param-spec.ts';
import { DISTANCE_MODES, type DistanceMode } from './analyze.ts';
import { SIX_DEGREES } from './seed-reach.ts';

export const DISTANCES = enumParam<DistanceMode, 'auto'>({
  name: 'distances',
  flag: 'distances',
  metavar: 'D',
  label: { en: 'Distances', zh: '距离分析' },
  help: {
    en: 'hop plot, diameter and clustering: exact (all-sources BFS), approx (HyperANF), auto (exact while quick), none',
    zh: '跳数分布、直径与聚类系数：exact（从所有源点做 BFS）、approx（HyperANF）、auto（能很快算完时精确计算）、none（不计算）',
  },
  default: 'auto',
  values: DISTANCE_MODES,
  labels: {
    auto: { en: 'exact while quick, else estimated', zh: '能很快算完时精确，否则估计' },
    exact: { en: 'exact', zh: '精确' },
    approx: { en: 'estimated (HyperANF)', zh: '估计（HyperANF）' },
    none: { en: 'skip', zh: '跳过' },
  },
});

export const REGISTERS = integerParam({
  name: 'registers',
  flag: 'registers',
  metavar: 'M',
  label: { en: 'HyperANF registers', zh: 'HyperANF 寄存器数' },
  help: {
    en: 'HyperANF registers per node (relative error 1.04/sqrt(M); time and memory grow with M)',
    zh: '每个节点的 HyperANF 寄存器数（相对误差 1.04/sqrt(M)；时间和内存随 M 增长）',
  },
  absent: {
    en: 'the most, up to 256, that the graph size allows (64 at 10M arcs)',
    zh: '图规模允许的最大值，至多 256（1000 万条边时为 64）',
  },
  min: 16,
  max: 4096,
  powerOfTwo: true,
});

export const HOPS = integerParam({
  name: 'hops',
  flag: 'hops',
  metavar: 'H',
  label: { en: 'Hops', zh: '跳数' },
  help: { en: 'report hops 0..H', zh: '报告第 0 到 H 跳' },
  default: SIX_DEGREES,
  min: 0,
  max: 1000,
});

export const DISTANCE_PARAMS = { distances: DISTANCES, registers: REGISTERS, hops: HOPS } as const;
