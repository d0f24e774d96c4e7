/**
 * `ripple tipping`: sweep the spread probability, the number of seeds or the adoption threshold,
 * and find where cascades tip from local to global (src/analysis/tipping), beside theory.
 */

import { BY, FROM, REFINE, STEPS, TARGET, TO, VARY } from '../../analysis/tipping/params.ts';
import { type RankBy, seedRanking } from '../../analysis/tipping/rank.ts';
import { tippingSweep } from '../../analysis/tipping/sweep.ts';
import type { KSeeds, TippingResult } from '../../analysis/tipping/types.ts';
import { resolveParams } from '../../diffusion/defaults.ts';
import {
  GAMMA,
  MAX_STEPS_PARAM,
  MODEL,
  P,
  PHI,
  RNG_SEED,
  RUNS,
  SEEDS,
  SEEDS_FILE,
} from '../../diffusion/params.ts';
import type { SeedPlan } from '../../diffusion/types.ts';
import { JSON_OUTPUT, WORKERS } from '../../engine/run-params.ts';
import { nodeIds } from '../../graph/node-ids.ts';
import { describeSeeds } from '../../seeding/seed-spec.ts';
import { adapt, type NumberParam, parseParam } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import { type Command, ParamUsageError, type ParsedOptions, UsageError } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import {
  GRAPH_OPTIONS,
  loadGraphOption,
  OUTPUT_OPTIONS,
  seedPlanOption,
  workerCount,
} from '../common/graph-options.ts';
import { progressBar } from '../common/progress.ts';
import { CLUSTER_OPTIONS, createRunner } from '../common/runner.ts';

const SWEEP_SEEDS = adapt(SEEDS, {
  default: 'random:1',
  help: {
    en: 'p and phi sweeps: the seeds, as in simulate (one random seed per run defines the branching threshold)',
    zh: 'p 与 phi 扫描：种子，写法同 simulate（每次模拟一个随机种子，正是分支阈值的定义方式）',
  },
});
const SWEEP_SEEDS_FILE = adapt(SEEDS_FILE, {
  help: {
    en: 'p and phi sweeps: the seeds from a file, as in simulate',
    zh: 'p 与 phi 扫描：从文件读取种子，同 simulate',
  },
});
const POINT_RUNS = adapt(RUNS, { help: { en: 'Monte Carlo runs per point', zh: '每个取点的蒙特卡洛次数' } });
const FIXED_P = adapt(P, {
  help: { en: 'ic/sir transmission probability when p is not swept', zh: '不扫描 p 时 ic / sir 的传播概率' },
});
const FIXED_PHI = adapt(PHI, {
  help: {
    en: 'threshold: adoption threshold when phi is not swept',
    zh: '不扫描 phi 时 threshold 模型的采纳阈值',
  },
});

export const TIPPING: Command = {
  summary: 'critical mass: sweep p, the number of seeds or phi and find where cascades go global',
  usage: '--graph FILE --vary p|k|phi --from A --to B [options]',
  options: [
    ...GRAPH_OPTIONS,
    MODEL,
    VARY,
    FROM,
    TO,
    STEPS,
    POINT_RUNS,
    SWEEP_SEEDS,
    SWEEP_SEEDS_FILE,
    BY,
    TARGET,
    FIXED_P,
    GAMMA,
    FIXED_PHI,
    MAX_STEPS_PARAM,
    REFINE,
    WORKERS,
    RNG_SEED,
    ...CLUSTER_OPTIONS,
    ...OUTPUT_OPTIONS,
  ],
  examples: [
    'ripple tipping --graph datasets/facebook_combined.txt --model ic --vary p --from 0.002 --to 0.05 --steps 13 --runs 1000 --json',
    'ripple tipping --graph datasets/facebook_combined.txt --model threshold --phi 0.3 --vary k --from 1 --to 200 --by degree --target 0.5 --runs 100 --json',
  ],
  run: tippingCommand,
};

/** --from and --to for the swept parameter: probabilities for p and phi, whole numbers up to n for k. */
function sweptValue(spec: NumberParam, value: number, vary: string, nodes: number): number {
  const checked =
    vary === 'k'
      ? parseParam({ ...spec, type: 'integer' }, String(value), {
          min: 1,
          max: nodes,
          maxReason: { en: 'the number of nodes', zh: '节点数' },
        })
      : parseParam({ ...spec, type: 'probability', max: 1 }, String(value));
  if (!checked.ok) throw new ParamUsageError(checked.error);
  return checked.value;
}

export async function tippingCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const vary = options.need(VARY);
  const fromGiven = options.need(FROM);
  const toGiven = options.need(TO);
  const model = options.need(MODEL);
  if (vary === 'p' && options.has(FIXED_P)) throw new UsageError('--p is swept by --vary p; drop --p');
  if (vary === 'phi' && options.has(FIXED_PHI))
    throw new UsageError('--phi is swept by --vary phi; drop --phi');
  if (vary === 'k' && (options.has(SWEEP_SEEDS) || options.has(SWEEP_SEEDS_FILE)))
    throw new UsageError('--vary k chooses the seeds itself; use --by instead of --seeds');
  if (vary !== 'k' && options.has(BY)) throw new UsageError('--by applies to --vary k only');
  if (vary !== 'k' && options.has(TARGET))
    throw new UsageError('--target (fewest seeds reaching a share) needs --vary k');
  const by = options.need(BY);
  const refineRounds = options.need(REFINE);
  const steps = options.need(STEPS);
  const runs = options.need(POINT_RUNS);
  const workers = workerCount(options, ctx);
  const seed = options.need(RNG_SEED);

  const loaded = await loadGraphOption(options);
  const { csr } = loaded;
  const from = sweptValue(FROM, fromGiven, vary, csr.n);
  const to = sweptValue(TO, toGiven, vary, csr.n);
  const maxSteps = options.given(MAX_STEPS_PARAM) ?? null;
  const fixedP = options.given(FIXED_P);
  const fixedPhi = options.given(FIXED_PHI);
  const params = resolveParams(
    {
      model,
      // The swept value is replaced at every point; start from a valid one.
      ...(vary === 'p' ? { p: from } : fixedP !== undefined ? { p: fixedP } : {}),
      gamma: options.need(GAMMA),
      ...(vary === 'phi' ? { phi: from } : fixedPhi !== undefined ? { phi: fixedPhi } : {}),
      maxSteps,
    },
    csr,
  );
  let seeds: SeedPlan | undefined;
  let kSeeds: KSeeds | undefined;
  if (vary === 'k')
    kSeeds = by === 'random' ? { kind: 'random' } : { kind: 'top', order: seedRanking(csr, by as RankBy) };
  else seeds = await seedPlanOption(options, loaded, ctx, maxSteps);

  const pool = await createRunner(options, ctx, workers);
  const bar = progressBar(ctx.stderr, 'sweeping');
  const started = performance.now();
  try {
    pool.setGraph(csr);
    const result = await tippingSweep(
      pool,
      csr,
      {
        params,
        vary,
        from,
        to,
        steps,
        runs,
        seeds,
        kSeeds,
        rngSeed: seed,
        refine: { rounds: refineRounds },
        target: options.given(TARGET) ?? null,
      },
      { signal: ctx.signal, onProgress: (p) => bar.update(p) },
    );
    bar.done();
    const seconds = (performance.now() - started) / 1000;
    const output = {
      ...result,
      model: params.model,
      seeds: seeds ? describeSeeds(seeds, nodeIds(loaded)) : by === 'random' ? 'random:k' : `top:${by}:k`,
      rng: seed,
      workers: pool.size,
      seconds,
    };
    if (options.get(JSON_OUTPUT)) ctx.stdout.write(`${JSON.stringify(output)}\n`);
    else ctx.stdout.write(formatSweep(result, loaded.report.file, seconds));
  } finally {
    bar.done();
    await pool.terminate();
  }
}

function formatSweep(r: TippingResult, file: string, seconds: number): string {
  const num = (x: number | null) => (x === null ? 'none' : Number(x.toPrecision(4)).toString());
  const lines = [
    `${printable(file)}: ${r.params.model}, sweeping ${r.vary} over ${r.pointsEvaluated} points (${r.runsTotal} runs) in ${seconds.toFixed(2)} s`,
    `${'x'.padStart(10)} ${'mean reach'.padStart(12)} ${'global'.padStart(7)}`,
  ];
  for (const c of r.curve) {
    const bar = '#'.repeat(Math.round(30 * c.globalFraction));
    lines.push(
      `${num(c.x).padStart(10)} ${c.mean.toFixed(1).padStart(12)} ${`${(100 * c.globalFraction).toFixed(1)}%`.padStart(7)} ${bar}`,
    );
  }
  lines.push(
    `tipping point ${num(r.critical)}${r.detection.detector ? ` (${r.detection.detector})` : ''}; theory ${num(r.theory)}`,
  );
  const f = r.fewestSeeds;
  if (f)
    lines.push(
      `fewest seeds reaching the target: ${f.k} (mean reach ${f.mean.toFixed(1)}, ${(100 * f.share).toFixed(1)}% of ${r.nodes})`,
    );
  return `${lines.join('\n')}\n`;
}
