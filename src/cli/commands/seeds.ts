/**
 * `ripple seeds`: choose k seed accounts that maximise expected spread (IMM, CELF, degree
 * discount, or a baseline), then measure the chosen set's spread with fresh Monte Carlo runs on a
 * random stream of their own, never with the samples used to choose it.
 */

import { resolveParams } from '../../diffusion/defaults.ts';
import type { ModelParams } from '../../diffusion/types.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import type { Csr } from '../../graph/types.ts';
import type { BudgetPoint } from '../../seeding/budget-curve.ts';
import { CELF_DEFAULTS } from '../../seeding/celf.ts';
import { FIND_SEEDS_DEFAULTS, findSeeds, SEED_METHODS, type SeedPhase } from '../../seeding/find-seeds.ts';
import { IMM_DEFAULTS } from '../../seeding/imm.ts';
import { INFLUENCE_DEFAULTS } from '../../seeding/influence.ts';
import { RR_MODELS, type RrModel } from '../../seeding/rr-sets.ts';
import { type OptionSpec, type ParsedOptions, UsageError } from '../args.ts';
import type { CommandContext } from '../context.ts';
import {
  GRAPH_OPTIONS,
  loadGraphOption,
  RNG_OPTION,
  rngSeed,
  wholeAtLeast,
  workerCount,
} from '../graph-options.ts';
import { progressBar } from '../progress.ts';

export { SEED_METHODS, type SeedMethod } from '../../seeding/find-seeds.ts';

export const SEEDS_DEFAULTS = FIND_SEEDS_DEFAULTS;

export const SEEDS_OPTIONS: OptionSpec[] = [
  ...GRAPH_OPTIONS,
  RNG_OPTION,
  { name: 'k', kind: 'integer', value: 'K', help: 'number of seed accounts to choose (required)' },
  {
    name: 'method',
    kind: 'string',
    value: SEED_METHODS.join('|'),
    help: 'how to choose them',
    default: SEEDS_DEFAULTS.method,
  },
  {
    name: 'model',
    kind: 'string',
    value: RR_MODELS.join('|'),
    help: 'cascade model',
    default: SEEDS_DEFAULTS.model,
  },
  {
    name: 'p',
    kind: 'number',
    value: 'P',
    help: 'ic transmission probability (the file’s probabilities if omitted and present)',
    default: '0.1',
  },
  {
    name: 'epsilon',
    kind: 'number',
    value: 'E',
    help: 'imm: spread >= (1 - 1/e - E) x optimum with probability 1 - 1/n',
    default: String(IMM_DEFAULTS.epsilon),
  },
  {
    name: 'runs',
    kind: 'integer',
    value: 'R',
    help: 'Monte Carlo runs measuring the chosen seeds’ spread',
    default: String(SEEDS_DEFAULTS.runs),
  },
  {
    name: 'celf-runs',
    kind: 'integer',
    value: 'R',
    help: 'celf: Monte Carlo runs per spread estimate while choosing',
    default: String(CELF_DEFAULTS.runs),
  },
  { name: 'workers', kind: 'integer', value: 'W', help: 'worker threads', default: 'all cores' },
];

function oneOf<T extends string>(value: unknown, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T))
    throw new UsageError(`--${option}: expected one of ${allowed.join(', ')}, got '${String(value)}'`);
  return value as T;
}

export async function seedsCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const method = oneOf(options.method, SEED_METHODS, 'method', SEEDS_DEFAULTS.method);
  const model = oneOf<RrModel>(options.model, RR_MODELS, 'model', SEEDS_DEFAULTS.model);
  if (options.k === undefined) throw new UsageError('--k K is required (how many seed accounts to choose)');
  if (options.p !== undefined && model !== 'ic')
    throw new UsageError(`--p: applies to --model ic only (${model} sets its own probabilities)`);
  const epsilon = (options.epsilon as number | undefined) ?? IMM_DEFAULTS.epsilon;
  if (!(epsilon > 0 && epsilon < 1))
    throw new UsageError(`--epsilon: expected a number between 0 and 1 (exclusive), got ${epsilon}`);
  const runs = wholeAtLeast(options, 'runs', 1, SEEDS_DEFAULTS.runs);
  const celfRuns = wholeAtLeast(options, 'celf-runs', 1, CELF_DEFAULTS.runs);
  const workers = workerCount(options);
  const seed = rngSeed(options);

  const loaded = await loadGraphOption(options);
  const { csr, ids } = loaded;
  const k = options.k as number;
  if (k < 1 || k > csr.n)
    throw new UsageError(`--k: expected a whole number from 1 to ${csr.n} (the number of nodes), got ${k}`);
  const params = resolveParams(
    { model, ...(options.p !== undefined ? { p: options.p as number } : {}) },
    csr,
  );

  const pool = createNodePool(ctx.workerFile, workers);
  let bar = progressBar(ctx.stderr, 'choosing seeds');
  const onPhase = (phase: SeedPhase) => {
    const label = phaseLabel(phase);
    if (label === null) return;
    bar.done();
    bar = progressBar(ctx.stderr, label);
  };
  try {
    pool.setGraph(csr);
    const found = await findSeeds(
      pool,
      csr,
      { method, params, k, epsilon, celfRuns, rngSeed: seed, runs },
      { signal: ctx.signal, onProgress: (p) => bar.update(p), onPhase },
    );
    bar.done();
    const output = {
      seeds: found.seeds.map((v) => ids[v]),
      spread: found.spread,
      ci95: found.ci95,
      std: found.std,
      runs,
      seconds: found.seconds,
      evaluationSeconds: found.evaluationSeconds,
      method,
      model,
      params,
      k,
      nodes: csr.n,
      share: found.spread / csr.n,
      ...(found.budgetCurve ? { budgetCurve: found.budgetCurve } : {}),
      ...found.details,
      rng: seed,
      workers,
      warnings: found.warnings,
    };
    if (options.json) ctx.stdout.write(`${JSON.stringify(output)}\n`);
    else {
      for (const w of found.warnings) ctx.stderr.write(`ripple seeds: warning: ${w}\n`);
      ctx.stdout.write(formatSeeds(output, loaded.report.file));
    }
  } finally {
    bar.done();
    pool.terminate();
  }
}

/** The progress bar's label for a phase (null: keep the current bar). */
function phaseLabel(phase: SeedPhase): string | null {
  switch (phase.name) {
    case 'choosing':
      return null;
    case 'sampling':
      return `sampling: ${phase.sets} RR sets`;
    case 'selection':
      return `selecting: ${phase.sets} RR sets`;
    case 'celf':
      return phase.first ? 'celf: evaluating every node' : 'celf: seeds chosen';
    case 'budget':
      return 'budget curve';
    case 'measuring':
      return 'measuring spread';
  }
}

function formatSeeds(
  s: {
    seeds: string[];
    spread: number;
    ci95: [number, number];
    runs: number;
    seconds: number;
    method: string;
    model: string;
    nodes: number;
    share: number;
    workers: number;
    budgetCurve?: BudgetPoint[];
  },
  file: string,
): string {
  const lines = [
    `${file}: ${s.method} chose ${s.seeds.length} seeds under ${s.model} in ${s.seconds.toFixed(2)} s (${s.workers} workers)`,
    `expected spread ${s.spread.toFixed(1)} of ${s.nodes} (${(100 * s.share).toFixed(2)}%), 95% CI [${s.ci95[0].toFixed(1)}, ${s.ci95[1].toFixed(1)}] from ${s.runs} fresh runs`,
    `seeds ${s.seeds.join(' ')}`,
  ];
  if (s.budgetCurve) {
    lines.push('budget curve (expected spread of the first k seeds):');
    const steps = s.budgetCurve.filter(
      (p, _i, all) =>
        all.length <= 12 || p.k === 1 || p.k === all.length || p.k % Math.ceil(all.length / 10) === 0,
    );
    for (const p of steps) lines.push(`  k=${String(p.k).padStart(4)}  ${p.spread.toFixed(1)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Options `ripple rank --metric influence` adds: the cascade model and the number of RR sets. */
export const INFLUENCE_RANK_OPTIONS: OptionSpec[] = [
  {
    name: 'model',
    kind: 'string',
    value: RR_MODELS.join('|'),
    help: 'influence: cascade model',
    default: SEEDS_DEFAULTS.model,
  },
  {
    name: 'p',
    kind: 'number',
    value: 'P',
    help: 'influence, ic: transmission probability (the file’s probabilities if omitted and present)',
    default: '0.1',
  },
  {
    name: 'sets',
    kind: 'integer',
    value: 'N',
    help: 'influence: reverse-reachable sets to draw (intervals narrow as 1/sqrt(N))',
    default: String(INFLUENCE_DEFAULTS.sets),
  },
];

/** Model parameters and RR-set count of `rank --metric influence`, checked as `seeds` checks them. */
export function influenceSettings(options: ParsedOptions, csr: Csr): { params: ModelParams; sets: number } {
  const model = oneOf<RrModel>(options.model, RR_MODELS, 'model', SEEDS_DEFAULTS.model);
  if (options.p !== undefined && model !== 'ic')
    throw new UsageError(`--p: applies to --model ic only (${model} sets its own probabilities)`);
  const sets = (options.sets as number | undefined) ?? INFLUENCE_DEFAULTS.sets;
  if (sets < 1 || sets > 0xffffffff)
    throw new UsageError(`--sets: expected a whole number from 1 to 4294967295, got ${sets}`);
  const params = resolveParams(
    { model, ...(options.p !== undefined ? { p: options.p as number } : {}) },
    csr,
  );
  return { params, sets };
}
