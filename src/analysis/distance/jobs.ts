/**
 * Worker jobs of the distance analysis (registered with the engine, src/engine/jobs.ts):
 * - distanceBfs: bit-parallel BFS from a batch of sources -> pairs at each distance;
 *   batches sum exactly (integer counts), so the hop plot never depends on the split.
 * - distanceHyperAnf: the whole HyperANF estimate in one worker (it is memory-bound and fast).
 */

import { registerJobs } from '../../engine/jobs.ts';
import type { JobContext } from '../../engine/types.ts';
import { createBitParallelBfs, distanceCounts } from './bfs.ts';
import { type HyperAnfResult, hyperAnf } from './hyperanf.ts';

export interface BfsJobInput {
  sources: Uint32Array;
}

export interface BfsJobOutput {
  /** counts[d] = (source, node) pairs at distance d. */
  counts: Float64Array;
}

export interface HyperAnfJobInput {
  registers: number;
  seed: number;
  /** Count only sources with mask[v] = 1, or null for all nodes. */
  mask: Uint8Array | null;
}

type Search = ReturnType<typeof createBitParallelBfs>;

export const distanceJobs = {
  distanceBfs(ctx: JobContext, input: BfsJobInput): BfsJobOutput {
    let search = ctx.cache.get('distance.bfs') as Search | undefined;
    if (!search) {
      search = createBitParallelBfs(ctx.csr);
      ctx.cache.set('distance.bfs', search);
    }
    return { counts: Float64Array.from(distanceCounts(ctx.csr, input.sources, search)) };
  },
  distanceHyperAnf(ctx: JobContext, input: HyperAnfJobInput): HyperAnfResult {
    return hyperAnf(ctx.csr, { registers: input.registers, seed: input.seed, mask: input.mask });
  },
};
registerJobs(distanceJobs);
type DistanceJobs = typeof distanceJobs;
declare module '../../engine/jobs.ts' {
  interface JobTypes extends DistanceJobs {}
}
