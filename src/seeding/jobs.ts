/**
 * Seed-finding jobs for the engine workers (registered with the engine, src/engine/jobs.ts; the
 * clients that shard them over the pool are in pool-sources.ts):
 *   rrSets       RR sets [first, first + count) of a stream (rr-sets.ts), flat typed arrays
 *   rrCounts     only how many of those sets contain each node (influence scores)
 *   seedSpreads  Monte Carlo spread of base + {c} for a list of candidates c (CELF)
 * Set i of stream s and run r of seed rngSeed are the same whichever worker computes them, so the
 * results never depend on the number of workers or on how the work was split.
 */
import { createSimulator, type Simulator } from '../diffusion/simulator.ts';
import type { ModelParams } from '../diffusion/types.ts';
import { cached, registerJobs } from '../engine/jobs.ts';
import type { JobContext } from '../engine/types.ts';
import { seedSpreads } from './celf.ts';
import { createRrSampler, type RrBatch, type RrParams, type RrSampler, rrKey } from './rr-sets.ts';

export interface RrJobInput {
  params: RrParams;
  rngSeed: number;
  first: number;
  count: number;
}

export interface SeedSpreadsInput {
  params: ModelParams;
  base: number[];
  candidates: number[];
  rngSeed: number;
  runs: number;
}

function sampler(ctx: JobContext, params: RrParams): RrSampler {
  return cached(ctx, `rr:${rrKey(params)}`, () => createRrSampler(ctx.csr, params));
}

/** The simulator of these model parameters, built once per worker (CELF and campaign jobs share it). */
export function simulator(ctx: JobContext, params: ModelParams): Simulator {
  return cached(ctx, `sim:${JSON.stringify(params)}`, () => createSimulator(ctx.csr, params));
}

export const seedingJobs = {
  rrSets(ctx: JobContext, input: RrJobInput): RrBatch {
    return sampler(ctx, input.params).generate(input.rngSeed, input.first, input.count);
  },
  rrCounts(ctx: JobContext, input: RrJobInput): { counts: Uint32Array; examined: number } {
    const counts = new Uint32Array(ctx.csr.n);
    const examined = sampler(ctx, input.params).count(input.rngSeed, input.first, input.count, counts);
    return { counts, examined };
  },
  seedSpreads(ctx: JobContext, input: SeedSpreadsInput): Float64Array {
    return seedSpreads(simulator(ctx, input.params), input.base, input.candidates, input.rngSeed, input.runs);
  },
};
registerJobs(seedingJobs);
type SeedingJobs = typeof seedingJobs;
declare module '../engine/jobs.ts' {
  interface JobTypes extends SeedingJobs {}
}
