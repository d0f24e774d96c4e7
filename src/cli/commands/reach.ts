/**
 * `ripple reach`: six degrees from chosen seeds. Per hop h = 0..6, the share of the network
 * within h hops of the seeds (structure: how far content could travel if everyone passed it on)
 * beside the share the simulated content actually reached within h hops (behaviour: the mean
 * over Monte Carlo runs of the chosen cascade model).
 */

import { HOPS } from '../../analysis/distance/params.ts';
import { reachableOf, seedDistances, seedReachOf } from '../../analysis/distance/seed-reach.ts';
import { RNG_SEED, RUNS, SEEDS, SEEDS_FILE } from '../../diffusion/params.ts';
import { summarize } from '../../diffusion/summary.ts';
import { JSON_OUTPUT } from '../../engine/run-params.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import { nodeIds } from '../../graph/node-ids.ts';
import { describeSeeds } from '../../seeding/seed-spec.ts';
import { adapt } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import { type Command, type ParsedOptions, UsageError } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import {
  GRAPH_OPTIONS,
  loadGraphOption,
  modelParamsOption,
  needSeeds,
  OUTPUT_OPTIONS,
  requiredSeedPlan,
  workerCount,
} from '../common/graph-options.ts';
import { progressBar } from '../common/progress.ts';
import { MODEL_OPTIONS } from './simulate.ts';

const REACH_SEEDS = adapt(SEEDS, {
  help: {
    en: "ids 'a,b,c', a JSON array or top:degree:K; staggered groups 'a,b;c@3' all count at hop 0 (random:K is refused)",
    zh: '账号 id“a,b,c”、JSON 数组或 top:degree:K；分批发布的组“a,b;c@3”都算作第 0 跳（不接受 random:K）',
  },
});

export const REACH: Command = {
  summary: 'six degrees: share of the network within 0..6 hops of seeds, beside the simulated reach by hop',
  usage: '--graph FILE (--seeds LIST | --seeds-file FILE) [options]',
  options: [...GRAPH_OPTIONS, REACH_SEEDS, SEEDS_FILE, HOPS, ...MODEL_OPTIONS, ...OUTPUT_OPTIONS],
  examples: [
    'ripple reach --graph datasets/facebook_combined.txt --seeds top:degree:5 --model ic --p 0.02 --runs 2000 --json',
  ],
  run: reachCommand,
};

export async function reachCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  needSeeds(options);
  const hops = options.need(HOPS);
  const runs = options.need(RUNS);
  const workers = workerCount(options, ctx);
  const seed = options.need(RNG_SEED);
  const loaded = await loadGraphOption(options);
  const { csr } = loaded;
  const params = modelParamsOption(options, csr);
  const seeds = await requiredSeedPlan(options, loaded, ctx, params.maxSteps);
  if (seeds.kind === 'random')
    throw new UsageError(
      '--seeds random:K draws new seeds every run, so there is no one seed set to measure hops from; give ids or top:degree:K',
    );

  const seedNodes = seeds.groups.flatMap((g) => g.nodes);
  const distance = seedDistances(csr, seedNodes);
  const structure = seedReachOf(distance, hops);
  const ever = reachableOf(distance);

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
      seeds: describeSeeds(seeds, nodeIds(loaded)),
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
    if (options.get(JSON_OUTPUT)) {
      ctx.stdout.write(`${JSON.stringify(output)}\n`);
      return;
    }
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
    const lines = [
      `${printable(loaded.report.file)}: ${n} accounts; ${seedNodes.length} seed${seedNodes.length === 1 ? '' : 's'}; ${params.model}, ${runs} runs`,
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
