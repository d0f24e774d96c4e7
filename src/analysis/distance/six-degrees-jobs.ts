/**
 * Worker jobs of the app's six-degrees panel, so none of its graph work runs on the page's thread:
 * - sixLargestComponent: the largest weak component (nodes, mask, arcs) for componentHopPlot;
 * - sixSeedReach: accounts within 0..maxHops hops of a seed set (one multi-source BFS), and how
 *   many are reachable at any distance (the ceiling of any cascade from the seeds).
 * The hop plot itself uses the distance capability's jobs (distanceBfs, distanceHyperAnf).
 */

import { registerJobs } from '../../engine/jobs.ts';
import type { JobContext } from '../../engine/types.ts';
import { type LargestComponent, largestComponent } from './component-hop-plot.ts';
import { reachableOf, type SeedReach, seedDistances, seedReachOf } from './seed-reach.ts';

export interface SeedReachJobInput {
  seeds: Uint32Array;
  maxHops: number;
}

export interface SeedReachJobOutput extends SeedReach {
  /** Accounts reachable from the seeds at any distance. */
  reachable: number;
}

export const sixDegreesJobs = {
  sixLargestComponent(ctx: JobContext, _input: null): LargestComponent {
    return largestComponent(ctx.csr);
  },
  sixSeedReach(ctx: JobContext, input: SeedReachJobInput): SeedReachJobOutput {
    // One search from the seeds gives both the counts within each hop and the ceiling.
    const distance = seedDistances(ctx.csr, input.seeds);
    return { ...seedReachOf(distance, input.maxHops), reachable: reachableOf(distance) };
  },
};
registerJobs(sixDegreesJobs);
type SixDegreesJobs = typeof sixDegreesJobs;
declare module '../../engine/jobs.ts' {
  interface JobTypes extends SixDegreesJobs {}
}
