/**
 * `ripple reach`: six degrees from chosen seeds. Per hop h = 0..6, the share of the network
 * within h hops of the seeds (structure: how far content could travel if everyone passed it on)
 * beside the share the simulated content actually reached within h hops (behaviour: the mean
 * over Monte Carlo runs of the chosen cascade model).
 */

import { reachableCount, SIX_DEGREES, seedReach } from '../../analysis/distance/seed-reach.ts';
import { summarize } from '../../diffusion/summary.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import { describeSeeds, parseSeedSpec } from '../../seeding/seed-spec.ts';
import { type OptionSpec, type ParsedOptions, UsageError } from '../args.ts';
import type { CommandContext } from '../context.ts';
import { loadGraphOption, modelParamsOption, rngSeed, wholeAtLeast, workerCount } from '../graph-options.ts';
import { progressBar } from '../progress.ts';
import { SIMULATE_OPTIONS } from './simulate.ts';

export const REACH_OPTIONS: OptionSpec[] = [
  ...SIMULATE_OPTIONS.filter((o) => o.name !== 'trace' && o.name !== 'seeds'),
  {
    name: 'seeds',
    kind: 'string',
    value: 'LIST',
    help: "ids 'a,b,c' | top:degree:K; staggered groups 'a,b;c@3' count all seeds at hop 0",
  },
  { name: 'hops', kind: 'integer', value: 'H', help: 'report hops 0..H', default: String(SIX_DEGREES) },
];

export async function reachCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const loaded = await loadGraphOption(options);
  const { csr, ids } = loaded;
  const params = modelParamsOption(options, csr);
  if (typeof options.seeds !== 'string') throw new UsageError('reach: --seeds LIST is required');
  const seeds = parseSeedSpec(options.seeds, { csr, ids });
  if (seeds.kind === 'random')
    throw new UsageError(
      'reach: --seeds random:K draws new seeds every run, so there is no one seed set to measure hops from; give ids or top:degree:K',
    );
  const hops = (options.hops as number | undefined) ?? SIX_DEGREES;
  if (hops < 0 || hops > 1000)
    throw new UsageError(`--hops: expected a whole number from 0 to 1000, got ${hops}`);
  const runs = wholeAtLeast(options, 'runs', 1, 1000);
  const workers = workerCount(options);
  const seed = rngSeed(options);

  const seedNodes = seeds.groups.flatMap((g) => g.nodes);
  const structure = seedReach(csr, seedNodes, hops);
  const ever = reachableCount(csr, seedNodes);

  const pool = createNodePool(ctx.workerFile, workers);
  const bar = progressBar(ctx.stderr, 'simulating');
  const started = performance.now();
  try {
    pool.setGraph(csr);
    const result = await pool.simulate(
      { params, seeds, runs, rngSeed: seed, traceRun: null },
      { onProgress: (p) => bar.update(p), signal: ctx.signal },
    );
    bar.done();
    const summary = summarize(result);
    const byHop = summary.reachByHop;
    const simulatedAt = (h: number) => (byHop.length === 0 ? 0 : byHop[Math.min(h, byHop.length - 1)]);
    const n = csr.n;
    const output = {
      seeds: describeSeeds(seeds, ids),
      nodes: n,
      hops: structure.within.map((within, hop) => ({
        hop,
        structural: within,
        structuralShare: within / n,
        simulated: simulatedAt(hop),
        simulatedShare: simulatedAt(hop) / n,
      })),
      reachable: ever,
      reachableShare: ever / n,
      simulatedTotal: summary.mean,
      simulatedTotalShare: summary.mean / n,
      ci95: summary.ci95,
      model: params.model,
      params,
      runs,
      rng: seed,
      workers,
      seconds: (performance.now() - started) / 1000,
    };
    if (options.json) {
      ctx.stdout.write(`${JSON.stringify(output)}\n`);
      return;
    }
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
    const lines = [
      `${loaded.report.file}: ${n} accounts; ${seedNodes.length} seed${seedNodes.length === 1 ? '' : 's'}; ${params.model}, ${runs} runs`,
      'hop   could reach (structure)      did reach (simulated mean)',
      ...output.hops.map(
        (h) =>
          `${String(h.hop).padStart(3)}   ${String(h.structural).padStart(9)} ${pct(h.structuralShare)}          ${h.simulated.toFixed(1).padStart(11)} ${pct(h.simulatedShare)}`,
      ),
      `ever  ${String(ever).padStart(9)} ${pct(ever / n)}          ${summary.mean.toFixed(1).padStart(11)} ${pct(summary.mean / n)}  (95% CI ${summary.ci95[0].toFixed(1)}-${summary.ci95[1].toFixed(1)})`,
    ];
    ctx.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    bar.done();
    pool.terminate();
  }
}
