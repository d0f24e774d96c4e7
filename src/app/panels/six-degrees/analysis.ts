/**
 * The six-degrees figures of the graph on screen. In the worker pool: the largest weak component
 * (one job), then its hop plot by exact all-sources BFS batches or one HyperANF job
 * (componentHopPlot, the conventions of `ripple stats`), and the structural reach of a seed set
 * (`ripple reach`'s "could reach"). Pure: what a simulation reached within h hops, counted two
 * ways, as the Results tab counts them (results/hop-series.ts):
 * - by graph distance: an account counts at h when its shortest follower chain to a seed has h
 *   links, however the post got there (per-account counts of the run, seedDistances);
 * - by generation: the post passed through h hand-offs to reach it (the summary's reachByHop, as
 *   `ripple reach` prints it). A cascade can take a longer path than the shortest one, so within
 *   h hand-offs is never more than within h links, which is never more than could be reached.
 */

import {
  type ComponentHopPlot,
  componentHopPlot,
  type HopPlotMode,
} from '../../../analysis/distance/component-hop-plot.ts';
import { poolDistanceRunner } from '../../../analysis/distance/pool-runner.ts';
import { reachedWithin, SIX_DEGREES, seedDistances } from '../../../analysis/distance/seed-reach.ts';
import type { SeedReachJobOutput } from '../../../analysis/distance/six-degrees-jobs.ts';
import type { EnginePool, RunOptions } from '../../../engine/pool.ts';
import type { Csr } from '../../../graph/types.ts';
import type { RunResult } from '../../state/types.ts';

export async function graphDistances(
  pool: EnginePool,
  csr: Csr,
  mode: HopPlotMode,
  run: RunOptions,
): Promise<ComponentHopPlot> {
  const [component] = await pool.runJobs('sixLargestComponent', [null], run);
  return componentHopPlot(csr, component, poolDistanceRunner(pool, run), { mode, seed: 1 });
}

/** Accounts within 0..maxHops hops of the seeds, and at any distance (a worker job). */
export async function seedsReach(
  pool: EnginePool,
  seeds: readonly number[],
  run: RunOptions,
  maxHops = SIX_DEGREES,
): Promise<SeedReachJobOutput> {
  const [reach] = await pool.runJobs('sixSeedReach', [{ seeds: Uint32Array.from(seeds), maxHops }], run);
  return reach;
}

/** Simulated mean active within h hand-offs, h = 0..maxHops, from a summary's reachByHop (as `ripple reach`). */
export function simulatedByHop(reachByHop: readonly number[], maxHops = SIX_DEGREES): number[] {
  const out: number[] = [];
  for (let h = 0; h <= maxHops; h++)
    out.push(reachByHop.length === 0 ? 0 : reachByHop[Math.min(h, reachByHop.length - 1)]);
  return out;
}

/** What a simulation reached within h hops, h = 0..maxHops, counted both ways, and in all. */
export interface SimulatedReach {
  /** Mean reached within h links of a seed (graph distance), or null without per-account counts. */
  distance: number[] | null;
  /** Mean reached within h hand-offs (generations). */
  generations: number[];
  /** Mean reached at any distance (the run's mean reach). */
  total: number;
}

export function simulatedReach(csr: Csr, result: RunResult, maxHops = SIX_DEGREES): SimulatedReach {
  const counts = result.shard.nodeCounts;
  let distance: number[] | null = null;
  if (counts) {
    const seeds = result.seedGroups.flatMap((g) => g.nodes);
    distance = reachedWithin(seedDistances(csr, seeds, maxHops), counts, result.shard.runCount, maxHops);
  }
  return {
    distance,
    generations: simulatedByHop(result.summary.reachByHop, maxHops),
    total: result.summary.mean,
  };
}

/** One line of the reach table: h = 0..maxHops, or null for "any distance". */
export interface ReachRow {
  hop: number | null;
  /** Accounts the seeds could reach (structure), or null while unknown. */
  structural: number | null;
  /** Simulated mean by graph distance, or null. */
  distance: number | null;
  /** Simulated mean by generations, or null. */
  generations: number | null;
}

export function reachRows(
  structural: { within: readonly number[]; reachable: number } | null,
  simulated: SimulatedReach | null,
  maxHops = SIX_DEGREES,
): ReachRow[] {
  const rows: ReachRow[] = [];
  for (let h = 0; h <= maxHops; h++)
    rows.push({
      hop: h,
      structural: structural ? structural.within[h] : null,
      distance: simulated?.distance ? simulated.distance[h] : null,
      generations: simulated ? simulated.generations[h] : null,
    });
  rows.push({
    hop: null,
    structural: structural ? structural.reachable : null,
    distance: simulated?.distance ? simulated.total : null,
    generations: simulated ? simulated.total : null,
  });
  return rows;
}
