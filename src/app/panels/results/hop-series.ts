/**
 * What the reach chart plots, h = 1..5 and "6+" (everything): the simulated reach by graph
 * distance from the seeds (from per-account counts) or by generation (hand-offs along the
 * cascade), beside the structural reach (every account within h links of a seed).
 */
import {
  reachableOf,
  reachedWithin,
  seedDistances,
  withinCounts,
} from '../../../analysis/distance/seed-reach.ts';
import type { Csr } from '../../../graph/types.ts';
import type { RunResult } from '../../state/types.ts';

export const MAX_HOP = 6;

/** Simulated reach within h hand-offs for h = 1..5 and "6+" (everything), from the summary. */
export function generationSeries(reachByHop: number[], mean: number): number[] {
  const out: number[] = [];
  for (let h = 1; h < MAX_HOP; h++) out.push(reachByHop[Math.min(h, reachByHop.length - 1)] ?? 0);
  out.push(mean);
  return out;
}

export interface HopSeries {
  /** Simulated reach by graph distance, or null without per-account counts. */
  distance: number[] | null;
  generations: number[];
  structural: number[];
}

export function hopSeries(csr: Csr, result: RunResult): HopSeries {
  const s = result.summary;
  const seeds = result.seedGroups.flatMap((g) => g.nodes);
  // One search from the seeds: the structural ceiling within each hop and at any distance, and
  // the distances that turn per-account counts into the simulated reach within each hop.
  const hops = seedDistances(csr, seeds);
  const structural = [...withinCounts(hops, MAX_HOP - 1).slice(1), reachableOf(hops)];
  const counts = result.shard.nodeCounts;
  let distance: number[] | null = null;
  if (counts) {
    const within = reachedWithin(hops, counts, result.shard.runCount, MAX_HOP - 1);
    distance = [...within.slice(1), s.mean];
  }
  return { distance, generations: generationSeries(s.reachByHop, s.mean), structural };
}
