/**
 * Worker jobs of the app's six-degrees panel, so none of its graph work runs on the page's thread:
 * - sixLargestComponent: the largest weak component (nodes, mask, arcs) for componentHopPlot;
 * - sixSeedReach: accounts within 0..maxHops hops of a seed set (one multi-source BFS).
 * The hop plot itself uses the distance capability's jobs (distanceBfs, distanceHyperAnf).
 */
import { type LargestComponent, largestComponent } from '../src/analysis/distance/component-hop-plot.ts';
import { type SeedReach, seedReach } from '../src/analysis/distance/seed-reach.ts';
import type { Csr } from '../src/graph/types.ts';

interface JobContext {
  csr: Csr;
  cache: Map<string, unknown>;
}

export interface SeedReachJobInput {
  seeds: Uint32Array;
  maxHops: number;
}

export const sixDegreesJobs = {
  sixLargestComponent(ctx: JobContext, _input: null): LargestComponent {
    return largestComponent(ctx.csr);
  },
  sixSeedReach(ctx: JobContext, input: SeedReachJobInput): SeedReach {
    return seedReach(ctx.csr, input.seeds, input.maxHops);
  },
};
