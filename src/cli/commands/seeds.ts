/**
 * `ripple seeds`: choose k seed accounts that maximise expected spread (IMM, CELF, degree
 * discount, or a baseline), then measure the chosen set's spread with fresh Monte Carlo runs on a
 * random stream of their own, never with the samples used to choose it.
 */

import { resolveParams } from '../../diffusion/defaults.ts';
import { MODEL, P, RNG_SEED, RUNS } from '../../diffusion/params.ts';
import type { ModelParams } from '../../diffusion/types.ts';
import { JSON_OUTPUT, WORKERS } from '../../engine/run-params.ts';
import { nodeIds } from '../../graph/node-ids.ts';
import type { Csr } from '../../graph/types.ts';
import type { BudgetPoint } from '../../seeding/budget-curve.ts';
import { FIND_SEEDS_DEFAULTS, findSeeds, type SeedPhase } from '../../seeding/find-seeds.ts';
import { CELF_RUNS, EPSILON, K, METHOD, SETS } from '../../seeding/params.ts';
import { RR_MODELS, type RrModel } from '../../seeding/rr-sets.ts';
import { adapt, parseParam } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import { type Command, ParamUsageError, type ParsedOptions, UsageError } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import {
  GRAPH_OPTIONS,
  loadGraphOption,
  OUTPUT_OPTIONS,
  warn,
  workerCount,
} from '../common/graph-options.ts';
import { progressBar } from '../common/progress.ts';
import { CLUSTER_OPTIONS, createRunner } from '../common/runner.ts';

export { SEED_METHODS, type SeedMethod } from '../../seeding/find-seeds.ts';

export const SEEDS_DEFAULTS = FIND_SEEDS_DEFAULTS;

/** The cascade models seed finding works with (live-edge worlds): ic, wc, lt. */
export const RR_MODEL = adapt(MODEL, {
  only: RR_MODELS,
  default: FIND_SEEDS_DEFAULTS.model,
  help: { en: 'cascade model (seed finding needs live-edge worlds)', zh: '传播模型（选种子需要活边模型）' },
});

export const RR_P = adapt(P, {
  help: { en: 'ic transmission probability per arc', zh: 'ic 模型中每条边的传播概率' },
});

export const MEASURE_RUNS = adapt(RUNS, {
  default: FIND_SEEDS_DEFAULTS.runs,
  help: {
    en: "Monte Carlo runs measuring the chosen seeds' spread",
    zh: '衡量所选种子传播范围的蒙特卡洛次数',
  },
});

export const SEEDS_COMMAND: Command = {
  summary: 'choose k seed accounts that maximise expected spread (IMM, CELF, heuristics)',
  usage: '--graph FILE --k K [options]',
  options: [
    ...GRAPH_OPTIONS,
    adapt(K, { required: true }),
    METHOD,
    RR_MODEL,
    RR_P,
    EPSILON,
    MEASURE_RUNS,
    CELF_RUNS,
    WORKERS,
    RNG_SEED,
    ...CLUSTER_OPTIONS,
    ...OUTPUT_OPTIONS,
  ],
  examples: ['ripple seeds --graph datasets/NetHEPT.txt --k 50 --model wc --method imm --json'],
  run: seedsCommand,
};

/** k may not exceed the number of nodes. */
export function checkK(k: number, nodes: number): number {
  const checked = parseParam(K, String(k), {
    max: nodes,
    maxReason: { en: 'the number of nodes', zh: '节点数' },
  });
  if (!checked.ok) throw new ParamUsageError(checked.error);
  return checked.value;
}

/** The model; --p applies to ic only (the other models set their own probabilities). */
function rrModel(options: ParsedOptions): RrModel {
  const model = options.need(RR_MODEL) as RrModel;
  if (options.has(RR_P) && model !== 'ic')
    throw new UsageError(`--p: applies to --model ic only (${model} sets its own probabilities)`);
  return model;
}

export function rrModelParams(options: ParsedOptions, csr: Csr): ModelParams {
  const p = options.given(RR_P);
  return resolveParams({ model: rrModel(options), ...(p !== undefined ? { p } : {}) }, csr);
}

export async function seedsCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const method = options.need(METHOD);
  const model = rrModel(options);
  const kGiven = options.need(K);
  const epsilon = options.need(EPSILON);
  const runs = options.need(MEASURE_RUNS);
  const celfRuns = options.need(CELF_RUNS);
  const workers = workerCount(options, ctx);
  const seed = options.need(RNG_SEED);

  const loaded = await loadGraphOption(options);
  const { csr } = loaded;
  const ids = nodeIds(loaded);
  const k = checkK(kGiven, csr.n);
  const params = rrModelParams(options, csr);

  const pool = await createRunner(options, ctx, workers);
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
      seeds: found.seeds.map((v) => ids.id(v)),
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
      workers: pool.size,
      warnings: found.warnings,
    };
    if (options.get(JSON_OUTPUT)) ctx.stdout.write(`${JSON.stringify(output)}\n`);
    else {
      for (const w of found.warnings) warn(ctx, w);
      ctx.stdout.write(formatSeeds(output, loaded.report.file));
    }
  } finally {
    bar.done();
    await pool.terminate();
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
    `${printable(file)}: ${s.method} chose ${s.seeds.length} seeds under ${s.model} in ${s.seconds.toFixed(2)} s (${s.workers} workers)`,
    `expected spread ${s.spread.toFixed(1)} of ${s.nodes} (${(100 * s.share).toFixed(2)}%), 95% CI [${s.ci95[0].toFixed(1)}, ${s.ci95[1].toFixed(1)}] from ${s.runs} fresh runs`,
    `seeds ${s.seeds.map(printable).join(' ')}`,
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

/** Options `ripple rank --metric influence` adds: the cascade model, p and the number of RR sets. */
export const INFLUENCE_RANK_OPTIONS = [
  adapt(RR_MODEL, { help: { en: 'influence: cascade model', zh: 'influence：传播模型' } }),
  adapt(RR_P, {
    help: {
      en: 'influence, ic: transmission probability per arc',
      zh: 'influence，ic 模型：每条边的传播概率',
    },
  }),
  SETS,
] as const;

/** Model parameters and RR-set count of `rank --metric influence`, checked as `seeds` checks them. */
export function influenceSettings(options: ParsedOptions, csr: Csr): { params: ModelParams; sets: number } {
  return { params: rrModelParams(options, csr), sets: options.need(SETS) };
}
