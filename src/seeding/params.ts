/**
 * Seed finding's parameters as data (src/util/param-spec.ts): the budget k, the method, IMM's
 * epsilon, CELF's runs per estimate, and the reverse-reachable sets of the influence ranking.
 * Their defaults are the algorithms' own (IMM_DEFAULTS, CELF_DEFAULTS, ...), declared beside them.
 */
import { enumParam, integerParam, numberParam } from '../util/param-spec.ts';
import { CELF_DEFAULTS } from './celf.ts';
import { FIND_SEEDS_DEFAULTS, SEED_METHODS, type SeedMethod } from './find-seeds.ts';
import { IMM_DEFAULTS } from './imm.ts';
import { INFLUENCE_DEFAULTS } from './influence.ts';

export const K = integerParam({
  name: 'k',
  flag: 'k',
  metavar: 'K',
  label: { en: 'Budget K (seed accounts)', zh: '预算 K（种子账号数）' },
  help: { en: 'number of seed accounts to choose', zh: '要选出的种子账号数' },
  min: 1,
  max: null,
});

export const METHOD = enumParam<SeedMethod, typeof FIND_SEEDS_DEFAULTS.method>({
  name: 'method',
  flag: 'method',
  metavar: 'M',
  label: { en: 'Method', zh: '方法' },
  help: { en: 'how to choose the seeds', zh: '如何选出种子' },
  default: FIND_SEEDS_DEFAULTS.method,
  values: SEED_METHODS,
  labels: {
    imm: { en: 'IMM (near-optimal, with a guarantee)', zh: 'IMM（近似最优，有理论保证）' },
    celf: { en: 'CELF greedy (small graphs)', zh: 'CELF 贪心（仅限小图）' },
    degree: { en: 'Largest audience (degree)', zh: '受众最多（度）' },
    'degree-discount': { en: 'Degree discount', zh: '度折扣' },
    pagerank: { en: 'PageRank', zh: 'PageRank' },
    community: { en: 'Spread over communities', zh: '分散到各社群' },
    random: { en: 'Random accounts', zh: '随机账号' },
  },
});

export const EPSILON = numberParam({
  name: 'epsilon',
  flag: 'epsilon',
  metavar: 'E',
  label: { en: 'IMM accuracy epsilon', zh: 'IMM 精度 epsilon' },
  help: {
    en: "imm: the seeds' spread is at least (1 - 1/e - E) of the best possible, with probability 1 - 1/n",
    zh: 'imm：所选种子的传播范围至少达到最优值的 (1 - 1/e - E)，成立的概率为 1 - 1/n',
  },
  default: IMM_DEFAULTS.epsilon,
  min: 0,
  max: 1,
  minExclusive: true,
  maxExclusive: true,
  step: 0.05,
});

export const CELF_RUNS = integerParam({
  name: 'celfRuns',
  flag: 'celf-runs',
  metavar: 'R',
  label: { en: 'CELF runs per estimate', zh: 'CELF 每次估计的模拟次数' },
  help: {
    en: 'celf: Monte Carlo runs per spread estimate while choosing',
    zh: 'celf：挑选过程中每次估计传播范围所用的蒙特卡洛次数',
  },
  default: CELF_DEFAULTS.runs,
  min: 1,
  max: 1_000_000_000,
});

export const SETS = integerParam({
  name: 'sets',
  flag: 'sets',
  metavar: 'N',
  label: { en: 'Sampled sets', zh: '抽样集合数' },
  help: {
    en: 'influence: reverse-reachable sets to draw (intervals narrow as 1/sqrt(N))',
    zh: 'influence：抽取的反向可达集合数（区间宽度按 1/sqrt(N) 缩小）',
  },
  default: INFLUENCE_DEFAULTS.sets,
  min: 1,
  max: 0xffffffff,
});

export const SEEDING_PARAMS = {
  k: K,
  method: METHOD,
  epsilon: EPSILON,
  celfRuns: CELF_RUNS,
  sets: SETS,
} as const;
