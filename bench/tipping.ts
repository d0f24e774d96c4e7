/**
 * Tipping sweep on ego-Facebook (issue 3, sections 2 and 5): independent cascade from one random
 * seed per run, p swept over [0.002, 0.05] on 13 points with adaptive refinement around the
 * transition, on all workers. Reports the wall time, the points and runs simulated, and the
 * detected tipping point beside the branching threshold <k>/(<k^2>-<k>) of the degrees (which
 * ignores clustering, so the clustered ego networks tip later than it says).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { tippingSweep } from '../src/analysis/tipping/sweep.ts';
import { readGraphFile } from '../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../src/diffusion/defaults.ts';
import { createNodePool } from '../src/engine/spawn-node.ts';
import type { BenchContext } from './context.ts';

export async function benchTipping(ctx: BenchContext): Promise<Record<string, unknown>> {
  const { csr } = await readGraphFile(join(ctx.root, 'datasets', 'facebook_combined.txt'), {
    direction: 'undirected',
  });
  const workers = availableParallelism();
  const pool = createNodePool(ctx.workerFile, workers);
  const runs = ctx.quick ? 500 : 1000;
  try {
    pool.setGraph(csr);
    const params = resolveParams({ model: 'ic', p: 0.01 }, csr);
    const options = { params, vary: 'p' as const, from: 0.002, to: 0.05, steps: 13, runs, rngSeed: 1 };
    // Warm up the workers (graph transfer, JIT) on a short sweep.
    await tippingSweep(pool, csr, { ...options, runs: 50, refine: { rounds: 0 } });
    const times: number[] = [];
    let result = null;
    for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
      const t0 = performance.now();
      result = await tippingSweep(pool, csr, options);
      times.push((performance.now() - t0) / 1000);
    }
    if (!result) throw new Error('no sweep ran');
    const seconds = [...times].sort((a, b) => a - b)[times.length >> 1];
    const line = {
      graph: 'ego-Facebook tipping (ic, vary p)',
      seconds,
      workers,
      runsPerPoint: runs,
      pointsEvaluated: result.pointsEvaluated,
      runsTotal: result.runsTotal,
      critical: result.critical,
      detector: result.detection.detector,
      globalOnset: result.detection.globalOnset,
      theory: result.theory,
      criticalOverTheory:
        result.critical !== null && result.theory !== null ? result.critical / result.theory : null,
    };
    const fmt = (x: number | null) => (x === null ? 'none' : x.toFixed(4));
    console.log(
      `\nego-Facebook tipping sweep (ic, p in [0.002, 0.05], ${runs} runs/point, ${workers} workers): ${seconds.toFixed(2)} s for ${result.pointsEvaluated} points (${result.runsTotal} runs); p_c detected ${fmt(result.critical)} (${result.detection.detector}), global onset ${fmt(result.detection.globalOnset)}, theory ${fmt(result.theory)}`,
    );
    return line;
  } finally {
    pool.terminate();
  }
}
