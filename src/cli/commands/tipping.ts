/**
 * `ripple tipping`: sweep the spread probability, the number of seeds or the adoption threshold,
 * and find where cascades tip from local to global (src/analysis/tipping), beside theory.
 */

import { RANK_BY, type RankBy, seedRanking } from '../../analysis/tipping/rank.ts';
import { tippingSweep } from '../../analysis/tipping/sweep.ts';
import { type KSeeds, type TippingResult, VARIES, type Vary } from '../../analysis/tipping/types.ts';
import { resolveParams } from '../../diffusion/defaults.ts';
import { MODEL_NAMES, type ModelName, type SeedPlan } from '../../diffusion/types.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import { describeSeeds, parseSeedSpec } from '../../seeding/seed-spec.ts';
import { type OptionSpec, type ParsedOptions, UsageError } from '../args.ts';
import type { CommandContext } from '../context.ts';
import { GRAPH_OPTIONS, loadGraphOption, RNG_OPTION, rngSeed, workerCount } from '../graph-options.ts';
import { progressBar } from '../progress.ts';

const BY: readonly string[] = [...RANK_BY, 'random'];

export const TIPPING_OPTIONS: OptionSpec[] = [
  ...GRAPH_OPTIONS,
  RNG_OPTION,
  { name: 'model', kind: 'string', value: MODEL_NAMES.join('|'), help: 'cascade model', default: 'ic' },
  {
    name: 'vary',
    kind: 'string',
    value: VARIES.join('|'),
    help: 'what to sweep: p spread probability (ic, sir), k number of seeds, phi adoption threshold (threshold)',
  },
  { name: 'from', kind: 'number', value: 'A', help: 'first value of the swept parameter' },
  { name: 'to', kind: 'number', value: 'B', help: 'last value of the swept parameter' },
  {
    name: 'steps',
    kind: 'integer',
    value: 'S',
    help: 'evenly spaced points before refinement',
    default: '11',
  },
  { name: 'runs', kind: 'integer', value: 'R', help: 'Monte Carlo runs per point', default: '1000' },
  {
    name: 'seeds',
    kind: 'string',
    value: 'LIST',
    help: "p and phi sweeps: seeds as in simulate ('a,b', top:degree:K, random:K)",
    default: 'random:1',
  },
  {
    name: 'by',
    kind: 'string',
    value: BY.join('|'),
    help: 'k sweeps: the top k by out-degree or PageRank, or k random seeds per run',
    default: 'degree',
  },
  {
    name: 'target',
    kind: 'number',
    value: 'SHARE',
    help: 'k sweeps: also find the fewest seeds whose mean reach passes this share of the nodes',
  },
  {
    name: 'p',
    kind: 'number',
    value: 'P',
    help: 'ic/sir transmission probability when not swept',
    default: '0.1',
  },
  { name: 'gamma', kind: 'number', value: 'G', help: 'sir recovery probability per step', default: '0.2' },
  {
    name: 'phi',
    kind: 'number',
    value: 'F',
    help: 'threshold: adoption threshold when not swept',
    default: '0.18',
  },
  {
    name: 'max-steps',
    kind: 'integer',
    value: 'S',
    help: 'stop every cascade after this step',
    default: 'until it dies out',
  },
  {
    name: 'refine',
    kind: 'integer',
    value: 'N',
    help: 'refinement rounds around the transition',
    default: '4',
  },
  { name: 'workers', kind: 'integer', value: 'W', help: 'worker threads', default: 'all cores' },
];

function required(options: ParsedOptions, name: string): number {
  const value = options[name];
  if (typeof value !== 'number') throw new UsageError(`tipping: --${name} is required`);
  return value;
}

export async function tippingCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const vary = options.vary as Vary | undefined;
  if (vary === undefined) throw new UsageError(`tipping: --vary ${VARIES.join('|')} is required`);
  if (!VARIES.includes(vary))
    throw new UsageError(`--vary: expected one of ${VARIES.join(', ')}, got '${vary}'`);
  const from = required(options, 'from');
  const to = required(options, 'to');
  const model = (options.model ?? 'ic') as ModelName;
  if (vary === 'p' && options.p !== undefined)
    throw new UsageError('tipping: --p is swept by --vary p; drop --p');
  if (vary === 'phi' && options.phi !== undefined)
    throw new UsageError('tipping: --phi is swept by --vary phi; drop --phi');
  if (vary === 'k' && options.seeds !== undefined)
    throw new UsageError('tipping: --vary k chooses the seeds itself; use --by instead of --seeds');
  if (vary !== 'k' && options.by !== undefined)
    throw new UsageError('tipping: --by applies to --vary k only');
  if (vary !== 'k' && options.target !== undefined)
    throw new UsageError('tipping: --target (fewest seeds reaching a share) needs --vary k');
  const by = (options.by ?? 'degree') as string;
  if (!BY.includes(by)) throw new UsageError(`--by: expected one of ${BY.join(', ')}, got '${by}'`);
  const refineRounds = (options.refine as number | undefined) ?? 4;
  if (refineRounds < 0) throw new UsageError(`--refine: expected a whole number >= 0, got ${refineRounds}`);
  const workers = workerCount(options);
  const seed = rngSeed(options);

  const loaded = await loadGraphOption(options);
  const { csr, ids } = loaded;
  const params = resolveParams(
    {
      model,
      // The swept value is replaced at every point; start from a valid one.
      ...(vary === 'p' ? { p: from } : options.p !== undefined ? { p: options.p as number } : {}),
      ...(options.gamma !== undefined ? { gamma: options.gamma as number } : {}),
      ...(vary === 'phi' ? { phi: from } : options.phi !== undefined ? { phi: options.phi as number } : {}),
      ...(options['max-steps'] !== undefined ? { maxSteps: options['max-steps'] as number } : {}),
    },
    csr,
  );
  let seeds: SeedPlan | undefined;
  let kSeeds: KSeeds | undefined;
  if (vary === 'k')
    kSeeds = by === 'random' ? { kind: 'random' } : { kind: 'top', order: seedRanking(csr, by as RankBy) };
  else seeds = parseSeedSpec(typeof options.seeds === 'string' ? options.seeds : 'random:1', { csr, ids });

  const pool = createNodePool(ctx.workerFile, workers);
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
        steps: (options.steps as number | undefined) ?? 11,
        runs: (options.runs as number | undefined) ?? 1000,
        seeds,
        kSeeds,
        rngSeed: seed,
        refine: { rounds: refineRounds },
        target: (options.target as number | undefined) ?? null,
      },
      { signal: ctx.signal, onProgress: (p) => bar.update(p) },
    );
    bar.done();
    const seconds = (performance.now() - started) / 1000;
    const output = {
      ...result,
      model: params.model,
      seeds: seeds ? describeSeeds(seeds, ids) : by === 'random' ? 'random:k' : `top:${by}:k`,
      rng: seed,
      workers,
      seconds,
    };
    if (options.json) ctx.stdout.write(`${JSON.stringify(output)}\n`);
    else ctx.stdout.write(formatSweep(result, loaded.report.file, seconds));
  } finally {
    bar.done();
    pool.terminate();
  }
}

function formatSweep(r: TippingResult, file: string, seconds: number): string {
  const num = (x: number | null) => (x === null ? 'none' : Number(x.toPrecision(4)).toString());
  const lines = [
    `${file}: ${r.params.model}, sweeping ${r.vary} over ${r.pointsEvaluated} points (${r.runsTotal} runs) in ${seconds.toFixed(2)} s`,
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
