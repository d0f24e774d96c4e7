/**
 * Seed-finding jobs for the engine workers (registered with the engine, src/engine/jobs.ts), beside the RR-set and
 * CELF jobs of src/seeding/jobs.ts:
 *   heuristicSeeds  the seeds of a heuristic method (degree, degree discount, PageRank, community
 *                   spread, random) and their budget-curve order (src/seeding/seed-order.ts), so
 *                   PageRank and Louvain never run on the page's main thread
 *   rrFirstHits     RR sets [first, first + count) of a stream, reduced in the worker to how many
 *                   of them each prefix of a seed order newly covers (a budget curve without
 *                   sending the sets back)
 *   maxCoverage     IMM's greedy max coverage over a collection of RR sets (imm.ts), and
 *   budgetCurve     the spread of every prefix of a seed list on a collection (budget-curve.ts),
 *                   so the page's main thread never blocks on large collections
 *   prefixCoverage  the sets of a collection each prefix of a seed list hits (IMM's check on R2)
 * Both are deterministic in their input: set i of stream s is the same set in every worker.
 */

import { cached, registerJobs } from '../engine/jobs.ts';
import type { JobContext } from '../engine/types.ts';
import { type BudgetPoint, budgetCurve } from './budget-curve.ts';
import { type Coverage, maxCoverage } from './imm.ts';
import { createRrSampler, RrCollection, type RrParams, type RrSampler, rrKey } from './rr-sets.ts';
import { firstHits, type HeuristicMethod, type OrderedChoice, orderedHeuristicSeeds } from './seed-order.ts';

export interface HeuristicSeedsInput {
  method: HeuristicMethod;
  k: number;
  rngSeed: number;
  rr: RrParams;
}

export interface FirstHitsInput {
  params: RrParams;
  rngSeed: number;
  first: number;
  count: number;
  order: number[];
}

/** A collection of RR sets as plain arrays (shared memory where allowed): see collectionInput. */
export interface CollectionInput {
  n: number;
  count: number;
  /** count + 1 offsets into nodes (exactly, no spare capacity). */
  offsets: Uint32Array;
  nodes: Uint32Array;
}

/** The collection a CollectionInput describes (its arrays, not copies). */
export function collection(input: CollectionInput): RrCollection {
  const sets = new RrCollection(input.n);
  sets.count = input.count;
  sets.size = input.nodes.length;
  sets.offsets = input.offsets;
  sets.nodes = input.nodes;
  return sets;
}

export interface FirstHitsOutput {
  hits: Float64Array;
  count: number;
  examined: number;
}

function sampler(ctx: JobContext, params: RrParams): RrSampler {
  return cached(ctx, `rr-order:${rrKey(params)}`, () => createRrSampler(ctx.csr, params));
}

export const seedFindingJobs = {
  heuristicSeeds(ctx: JobContext, input: HeuristicSeedsInput): OrderedChoice {
    return orderedHeuristicSeeds(ctx.csr, input.method, input.k, input.rngSeed, input.rr);
  },
  rrFirstHits(ctx: JobContext, input: FirstHitsInput): FirstHitsOutput {
    const batch = sampler(ctx, input.params).generate(input.rngSeed, input.first, input.count);
    return { hits: firstHits(batch, input.order, ctx.csr.n), count: batch.count, examined: batch.examined };
  },
  maxCoverage(_ctx: JobContext, input: CollectionInput & { k: number }): Coverage {
    return maxCoverage(collection(input), input.k);
  },
  budgetCurve(_ctx: JobContext, input: CollectionInput & { seeds: number[] }): BudgetPoint[] {
    return budgetCurve(collection(input), input.seeds);
  },
  prefixCoverage(_ctx: JobContext, input: CollectionInput & { seeds: number[] }): number[] {
    return collection(input).prefixCoverage(input.seeds);
  },
};
registerJobs(seedFindingJobs);
type SeedFindingJobs = typeof seedFindingJobs;
declare module '../engine/jobs.ts' {
  interface JobTypes extends SeedFindingJobs {}
}
