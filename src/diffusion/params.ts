/**
 * The cascade's parameters as data (src/util/param-spec.ts): the model and its p, gamma, phi
 * and step limit, the Monte Carlo runs and random seed, and the seeds. defaults.ts, the command
 * line, docs/cli.md, the app's Model tab and the scenario-link decoder all read them from here.
 */
import { enumParam, flagParam, integerParam, probabilityParam, stringParam } from '../util/param-spec.ts';
import { MODEL_NAMES, type ModelName } from './types.ts';

/** The longest a cascade may be asked to run (--max-steps, a scenario's step limit). */
export const MAX_STEPS = 1_000_000;

/**
 * The latest step a seed group may start at when no step limit is given: every step up to the
 * last start gets a slot in the per-step adoption curve, so a start of 10^9 asked for gigabytes
 * (100,000 steps cost about 100 MB over a whole run).
 */
export const MAX_START_STEP = 100_000;

export const MODEL = enumParam<ModelName, 'ic'>({
  name: 'model',
  flag: 'model',
  metavar: 'M',
  label: { en: 'Model', zh: '模型' },
  help: { en: 'cascade model', zh: '传播模型' },
  default: 'ic',
  values: MODEL_NAMES,
  labels: {
    ic: { en: 'Independent cascade', zh: '独立级联' },
    wc: { en: 'Weighted cascade', zh: '加权级联' },
    lt: { en: 'Linear threshold', zh: '线性阈值' },
    sir: { en: 'SIR (susceptible, infectious, recovered)', zh: 'SIR（易感、感染、康复）' },
    threshold: { en: 'Fractional threshold (complex contagion)', zh: '比例阈值（复杂传染）' },
  },
});

export const P = probabilityParam({
  name: 'p',
  flag: 'p',
  metavar: 'P',
  label: { en: 'Probability p', zh: '概率 p' },
  help: {
    en: 'ic/sir transmission probability per arc and attempt',
    zh: 'ic / sir 模型中每条边每次尝试的传播概率',
  },
  // On ego-Facebook p = 0.1 reaches most of the graph; 0.05 leaves room to see differences.
  default: 0.05,
  absent: {
    en: "ic on a graph with per-edge probabilities: the file's probabilities",
    zh: 'ic 模型且图文件带有每条边的概率时：使用文件中的概率',
  },
  step: 0.01,
});

export const GAMMA = probabilityParam({
  name: 'gamma',
  flag: 'gamma',
  metavar: 'G',
  label: { en: 'Recovery gamma', zh: '康复率 gamma' },
  help: {
    en: 'sir: probability that an infectious account recovers (stops spreading) at each step',
    zh: 'sir 模型：感染中的账号每一步康复（不再传播）的概率',
  },
  default: 0.2,
  step: 0.05,
});

export const PHI = probabilityParam({
  name: 'phi',
  flag: 'phi',
  metavar: 'F',
  label: { en: 'Threshold phi', zh: '阈值 phi' },
  help: {
    en: 'threshold: share of the accounts one hears from that must have adopted first',
    zh: 'threshold 模型：一个账号所关注的账号中须先有多大比例采纳，它才会采纳',
  },
  default: 0.18,
  step: 0.01,
});

export const MAX_STEPS_PARAM = integerParam({
  name: 'maxSteps',
  flag: 'max-steps',
  metavar: 'S',
  label: { en: 'Stop after step', zh: '在第几步后停止' },
  help: {
    en: 'stop every cascade after this step (0: seeds only)',
    zh: '每次传播在这一步之后停止（0：只有种子）',
  },
  absent: { en: 'until the cascade dies out', zh: '直到传播自行停止' },
  min: 0,
  max: MAX_STEPS,
  unit: { en: 'steps', zh: '步' },
});

export const RUNS = integerParam({
  name: 'runs',
  flag: 'runs',
  metavar: 'R',
  label: { en: 'Monte Carlo runs', zh: '蒙特卡洛运行次数' },
  help: { en: 'Monte Carlo runs', zh: '蒙特卡洛模拟的次数' },
  default: 1000,
  min: 1,
  max: 1_000_000_000,
  step: 100,
  unit: { en: 'runs', zh: '次' },
});

export const RNG_SEED = integerParam({
  name: 'rngSeed',
  flag: 'rng',
  metavar: 'N',
  label: { en: 'Random seed', zh: '随机种子' },
  help: {
    en: 'random seed; the same seed gives the same numbers, whatever the number of workers',
    zh: '随机数种子；种子相同，结果就相同，与线程数无关',
  },
  default: 1,
  min: 0,
  max: 0xffffffff,
});

export const SEEDS = stringParam({
  name: 'seeds',
  flag: 'seeds',
  metavar: 'LIST',
  label: { en: 'Seed accounts', zh: '种子账号' },
  help: {
    en: "ids 'a,b,c' or a JSON array '[\"a\",\"b\"]', top:degree:K, random:K; staggered groups 'a,b;c@3' (c starts at step 3)",
    zh: '账号 id：“a,b,c”或 JSON 数组 \'["a","b"]\'，也可写 top:degree:K、random:K；分批发布写作“a,b;c@3”（c 在第 3 步开始）',
  },
});

export const SEEDS_FILE = stringParam({
  name: 'seedsFile',
  flag: 'seeds-file',
  metavar: 'FILE',
  label: { en: 'Seed file', zh: '种子文件' },
  help: {
    en: "seed ids, one per line exactly as written; 'id<TAB>step' starts that seed at a later step",
    zh: '种子 id 文件，每行一个，按原样读取；写作“id<TAB>步数”则该种子在那一步开始',
  },
});

/** Why START's maximum is what it is, for messages about a start step beyond it. */
export const START_CAP_REASON = {
  en: `starts are capped at ${MAX_START_STEP} steps; a step limit lowers the cap`,
  zh: `开始步最多为 ${MAX_START_STEP}；设定步数上限时以上限为准`,
} as const;

export const START = integerParam({
  name: 'start',
  label: { en: 'Start step', zh: '开始步' },
  help: {
    en: 'the step at which a seed group is launched (0: at once)',
    zh: '一组种子在第几步发布（0：立即）',
  },
  default: 0,
  min: 0,
  max: MAX_START_STEP,
  unit: { en: 'steps', zh: '步' },
});

export const TRACE = flagParam({
  name: 'trace',
  flag: 'trace',
  label: { en: 'Record one cascade', zh: '记录一次传播' },
  help: {
    en: 'also report the activations of run 0 (id, step, hop, parent)',
    zh: '同时输出第 0 次模拟的激活过程（id、步、跳数、上游）',
  },
});

/** The parameters each model reads (a form shows these; the others are kept but unused). */
export const MODEL_READS: Record<ModelName, readonly ('p' | 'gamma' | 'phi')[]> = {
  ic: ['p'],
  wc: [],
  lt: [],
  sir: ['p', 'gamma'],
  threshold: ['phi'],
};

/** The Model form's parameters, in the order it shows them. */
export const MODEL_FORM = [MODEL, P, GAMMA, PHI, MAX_STEPS_PARAM, RUNS, RNG_SEED] as const;

export const DIFFUSION_PARAMS = {
  model: MODEL,
  p: P,
  gamma: GAMMA,
  phi: PHI,
  maxSteps: MAX_STEPS_PARAM,
  runs: RUNS,
  rngSeed: RNG_SEED,
  seeds: SEEDS,
  seedsFile: SEEDS_FILE,
  start: START,
  trace: TRACE,
} as const;
