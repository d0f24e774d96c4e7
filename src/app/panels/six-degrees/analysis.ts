/**
 * The six-degrees figures of the graph on screen, entirely in the worker pool: the largest weak
 * component (one job), then its hop plot by exact all-sources BFS batches or one HyperANF job
 * (componentHopPlot, the conventions of `ripple stats`); and the structural reach of a seed set.
 */

import {
  type ComponentHopPlot,
  componentHopPlot,
  type HopPlotMode,
} from '../../../analysis/distance/component-hop-plot.ts';
import { poolDistanceRunner } from '../../../analysis/distance/pool-runner.ts';
import { type SeedReach, SIX_DEGREES } from '../../../analysis/distance/seed-reach.ts';
import type { EnginePool, RunOptions } from '../../../engine/pool.ts';
import type { Csr } from '../../../graph/types.ts';

export async function graphDistances(
  pool: EnginePool,
  csr: Csr,
  mode: HopPlotMode,
  run: RunOptions,
): Promise<ComponentHopPlot> {
  const [component] = await pool.runJobs('sixLargestComponent', [null], run);
  return componentHopPlot(csr, component, poolDistanceRunner(pool, run), { mode, seed: 1 });
}

export async function seedsReach(
  pool: EnginePool,
  seeds: readonly number[],
  run: RunOptions,
  maxHops = SIX_DEGREES,
): Promise<SeedReach> {
  const [reach] = await pool.runJobs('sixSeedReach', [{ seeds: Uint32Array.from(seeds), maxHops }], run);
  return reach;
}

/** Simulated mean active within h hops, h = 0..maxHops, from a summary's reachByHop (as `ripple reach`). */
export function simulatedByHop(reachByHop: readonly number[], maxHops = SIX_DEGREES): number[] {
  const out: number[] = [];
  for (let h = 0; h <= maxHops; h++)
    out.push(reachByHop.length === 0 ? 0 : reachByHop[Math.min(h, reachByHop.length - 1)]);
  return out;
}
