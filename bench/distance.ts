/**
 * Benchmark of the six-degrees analysis: exact distance statistics of ego-Facebook (all-sources
 * bit-parallel BFS in the worker pool, 1 worker and all workers, and in this thread), HyperANF's
 * error against the exact hop plot (ego-Facebook, and soc-Slashdot0902 without --quick), and
 * HyperANF on the generated 1M-node / 10M-arc graph (seconds, memory) without --quick.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  analyzeDistances,
  type DistanceAnalysis,
  type DistanceMode,
  type DistanceRunner,
  localRunner,
} from '../src/analysis/distance/analyze.ts';
import { defaultRegisters } from '../src/analysis/distance/hyperanf.ts';
import { readGraphFile } from '../src/cli/common/read-graph-file.ts';
import { createNodePool } from '../src/engine/spawn-node.ts';
import type { Csr, Direction } from '../src/graph/types.ts';
import type { BenchContext } from './context.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function timed(
  csr: Csr,
  mode: DistanceMode,
  runner: DistanceRunner,
  repeats: number,
): Promise<{ seconds: number; result: DistanceAnalysis }> {
  const times: number[] = [];
  let result: DistanceAnalysis | null = null;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    result = await analyzeDistances(csr, { mode, runner });
    times.push((performance.now() - t0) / 1000);
  }
  return { seconds: median(times), result: result as DistanceAnalysis };
}

/** Exact distance stats on a pool of `workers` (warm: workers started and graph sent first). */
async function exactOnPool(ctx: BenchContext, csr: Csr, workers: number, repeats: number) {
  const pool = createNodePool(ctx.workerFile, workers);
  try {
    pool.setGraph(csr);
    const runner: DistanceRunner = {
      bfs: (inputs) => pool.runJobs('distanceBfs', inputs),
      hyperAnf: async (input) => (await pool.runJobs('distanceHyperAnf', [input]))[0],
    };
    await analyzeDistances(csr, { mode: 'exact', runner });
    return await timed(csr, 'exact', runner, repeats);
  } finally {
    pool.terminate();
  }
}

/** Relative errors of HyperANF (default registers, seed 1) against the exact analysis. */
function errors(exact: DistanceAnalysis, approx: DistanceAnalysis) {
  const truth = exact.hopPlot as number[];
  const plot = approx.hopPlot as number[];
  let worst = 0;
  for (let h = 1; h < truth.length; h++)
    worst = Math.max(worst, Math.abs(plot[Math.min(h, plot.length - 1)] / truth[h] - 1));
  return {
    registers: approx.hyperAnfRegisters,
    statedError: approx.relativeError,
    worstHopPlotError: worst,
    pairsError: (plot[plot.length - 1] as number) / (truth[truth.length - 1] as number) - 1,
    effectiveDiameter: [exact.effectiveDiameter, approx.effectiveDiameter],
    avgDistance: [exact.avgDistance, approx.avgDistance],
    diameter: [exact.diameter, approx.diameter],
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function compare(ctx: BenchContext, name: string, csr: Csr, workers: number) {
  const exact = await exactOnPool(ctx, csr, workers, 1);
  const t0 = performance.now();
  const approx = await analyzeDistances(csr, { mode: 'approx', runner: localRunner(csr) });
  const approxSeconds = (performance.now() - t0) / 1000;
  const e = errors(exact.result, approx);
  console.log(
    `  ${name}: exact ${exact.seconds.toFixed(2)} s on ${workers} workers; HyperANF (${e.registers} registers, stated error ${pct(e.statedError ?? 0)}) ${approxSeconds.toFixed(2)} s: worst hop-plot error ${pct(e.worstHopPlotError)}, connected pairs ${pct(e.pairsError)}, effective diameter ${e.effectiveDiameter.map((x) => x?.toFixed(2)).join(' vs ')}, avg distance ${e.avgDistance.map((x) => x?.toFixed(2)).join(' vs ')}, diameter ${e.diameter.join(' vs ')}`,
  );
  return { exactSeconds: exact.seconds, approxSeconds, ...e };
}

export async function benchDistance(ctx: BenchContext): Promise<Record<string, unknown>> {
  const all = availableParallelism();
  const load = async (file: string, direction: Direction) =>
    (await readGraphFile(join(ctx.root, 'datasets', file), { direction })).csr;
  console.log('\nsix degrees (stats --distances):');
  const line: Record<string, unknown> = { section: 'distance' };

  const facebook = await load('facebook_combined.txt', 'undirected');
  const repeats = ctx.quick ? 3 : 5;
  const inThread = await timed(facebook, 'exact', localRunner(facebook), repeats);
  const one = await exactOnPool(ctx, facebook, 1, repeats);
  const many = await exactOnPool(ctx, facebook, all, repeats);
  line.facebookExactInThread = inThread.seconds;
  line.facebookExact1 = one.seconds;
  line[`facebookExact${all}`] = many.seconds;
  const r = many.result;
  console.log(
    `  ego-Facebook exact (components, clustering, all-sources BFS): in-thread ${inThread.seconds.toFixed(3)} s, 1 worker ${one.seconds.toFixed(3)} s, ${all} workers ${many.seconds.toFixed(3)} s (speedup ${(one.seconds / many.seconds).toFixed(2)}); diameter ${r.diameter}, effective ${r.effectiveDiameter?.toFixed(3)}, clustering ${r.avgClustering?.toFixed(4)}`,
  );
  line.facebookVsExact = await compare(ctx, 'ego-Facebook', facebook, all);
  if (!ctx.quick) {
    const slashdot = await load('soc-Slashdot0902.txt.gz', 'follows');
    line.slashdotVsExact = await compare(ctx, 'soc-Slashdot0902', slashdot, all);
  }

  if (ctx.largeGraph) {
    const csr = (await readGraphFile(ctx.largeGraph, { direction: 'influences' })).csr;
    const registers = defaultRegisters(csr);
    const pool = createNodePool(ctx.workerFile, 1);
    try {
      pool.setGraph(csr);
      const rssBefore = process.memoryUsage().rss;
      const t0 = performance.now();
      const [anf] = await pool.runJobs('distanceHyperAnf', [{ registers, seed: 1, mask: null }]);
      const seconds = (performance.now() - t0) / 1000;
      const peakRssMB = process.resourceUsage().maxRSS / 1024;
      const countersMB = (2 * csr.n * registers) / 2 ** 20;
      line.largeHyperAnf = {
        nodes: csr.n,
        arcs: csr.arcs,
        registers,
        seconds,
        rounds: anf.rounds,
        countersMB,
        rssBeforeMB: rssBefore / 2 ** 20,
        peakRssMB,
      };
      console.log(
        `  power-law 1M/10M HyperANF (${registers} registers, one worker): ${seconds.toFixed(1)} s, ${anf.rounds} rounds, counters ${countersMB.toFixed(0)} MB, process peak RSS ${peakRssMB.toFixed(0)} MB`,
      );
    } finally {
      pool.terminate();
    }
  }
  return line;
}
