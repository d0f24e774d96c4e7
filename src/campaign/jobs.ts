/**
 * Campaign-planning jobs for the engine workers (registered with src/engine/jobs.ts):
 *   budgetedCover     budgeted max coverage (both greedy rules) on a collection of RR sets, at
 *                     one or several budgets (the budget curve reuses one inverted index)
 *   setsCovered       how many sets of a collection each of several seed lists covers
 *   baselinePicks     the rule-of-thumb strategies at each budget (Louvain runs here, cached)
 *   campaignRuns      reach, exposure and impressions of runs [first, first + count)
 *   campaignSpreads   the mean objective of base + {c} for candidates c (the CELF path)
 * All deterministic in their input, so results never depend on which worker ran them.
 */
import { louvainCommunities } from '../analysis/communities.ts';
import type { ModelParams, SeedGroup } from '../diffusion/types.ts';
import { cached, registerJobs } from '../engine/jobs.ts';
import type { JobContext } from '../engine/types.ts';
import { simulator } from '../seeding/jobs.ts';
import type { RrCollection } from '../seeding/rr-sets.ts';
import { type CollectionInput, collection } from '../seeding/seed-finding-jobs.ts';
import { type BudgetedCoverage, BudgetedCoverer, type Enumeration } from './budgeted-coverage.ts';
import { type CampaignMeter, type CampaignRuns, createCampaignMeter } from './figures.ts';
import {
  type Baseline,
  type BaselinePick,
  biggestFirst,
  buyInOrder,
  cheapestPerFollower,
  communitySeeds,
} from './strategies.ts';

/** What a campaign is judged by while choosing: accounts activated, or accounts that saw it. */
export type CampaignTarget = 'reach' | 'exposure';

function meter(ctx: JobContext, params: ModelParams): CampaignMeter {
  return cached(ctx, `campaign:${JSON.stringify(params)}`, () =>
    createCampaignMeter(ctx.csr, params, simulator(ctx, params)),
  );
}

export interface CampaignRunsInput {
  params: ModelParams;
  groups: SeedGroup[];
  rngSeed: number;
  first: number;
  count: number;
}

export interface CampaignSpreadsInput {
  params: ModelParams;
  target: CampaignTarget;
  base: number[];
  candidates: number[];
  rngSeed: number;
  runs: number;
}

/**
 * Sets covered by each of several seed lists, in one pass over the sets per 32 lists: each
 * account carries a bit per list it belongs to, and a set is covered by the lists whose bits
 * appear among its accounts.
 */
export function coveredByEach(sets: RrCollection, seedLists: readonly (readonly number[])[]): number[] {
  const out = new Array<number>(seedLists.length).fill(0);
  const bits = new Uint32Array(sets.n);
  const { offsets, nodes, count } = sets;
  for (let from = 0; from < seedLists.length; from += 32) {
    const group = seedLists.slice(from, from + 32);
    bits.fill(0);
    group.forEach((list, b) => {
      for (const v of list) bits[v] |= 1 << b;
    });
    const hits = new Float64Array(32);
    for (let j = 0; j < count; j++) {
      let seen = 0;
      for (let i = offsets[j]; i < offsets[j + 1]; i++) seen |= bits[nodes[i]];
      while (seen !== 0) {
        const b = 31 - Math.clz32(seen & -seen);
        hits[b]++;
        seen &= seen - 1;
      }
    }
    group.forEach((_, b) => {
      out[from + b] = hits[b];
    });
  }
  return out;
}

export const campaignJobs = {
  budgetedCover(
    _ctx: JobContext,
    input: CollectionInput & { costs: Float64Array; budgets: number[]; enumeration?: Enumeration },
  ): BudgetedCoverage[] {
    const coverer = new BudgetedCoverer(collection(input), input.costs);
    return input.budgets.map((b) => coverer.cover(b, input.enumeration));
  },
  setsCovered(_ctx: JobContext, input: CollectionInput & { seedLists: number[][] }): number[] {
    return coveredByEach(collection(input), input.seedLists);
  },
  baselinePicks(
    ctx: JobContext,
    input: { costs: Float64Array; budgets: number[]; rngSeed: number },
  ): Record<Baseline, BaselinePick>[] {
    const { csr } = ctx;
    const big = cached(ctx, 'campaign:biggest', () => biggestFirst(csr));
    const small = cheapestPerFollower(csr, input.costs);
    const { community, sizes } = cached(ctx, `campaign:louvain:${input.rngSeed}`, () =>
      louvainCommunities(csr, { rngSeed: input.rngSeed }),
    );
    return input.budgets.map((b) => ({
      biggest: buyInOrder(big, input.costs, b),
      small: buyInOrder(small, input.costs, b),
      community: communitySeeds(csr, input.costs, b, community, sizes),
    }));
  },
  campaignRuns(ctx: JobContext, input: CampaignRunsInput): CampaignRuns {
    return meter(ctx, input.params).runs(input.groups, input.rngSeed, input.first, input.count);
  },
  campaignSpreads(ctx: JobContext, input: CampaignSpreadsInput): Float64Array {
    const m = meter(ctx, input.params);
    const out = new Float64Array(input.candidates.length);
    input.candidates.forEach((c, i) => {
      const nodes = c < 0 ? [...input.base] : [...input.base, c];
      if (nodes.length === 0) return;
      const runs = m.runs([{ nodes, start: 0 }], input.rngSeed, 0, input.runs);
      const values = input.target === 'exposure' ? runs.exposure : runs.reach;
      let sum = 0;
      for (let r = 0; r < values.length; r++) sum += values[r];
      out[i] = sum / input.runs;
    });
    return out;
  },
};
registerJobs(campaignJobs);
type CampaignJobs = typeof campaignJobs;
declare module '../engine/jobs.ts' {
  interface JobTypes extends CampaignJobs {}
}
