/**
 * Worker jobs of the centrality metrics: batches of BFS sources (see plan.ts). Pure in their
 * input; the per-worker scratch lives in the job cache, keyed per graph.
 */

import { cached, registerJobs } from '../../engine/jobs.ts';
import type { JobContext } from '../../engine/types.ts';
import type { BetweennessBatch, BetweennessPartial } from './betweenness.ts';
import { createDependencyAccumulator, type DependencyAccumulator } from './brandes.ts';
import { type ClosenessBatch, type ClosenessPartial, closenessOf, type PivotPartial } from './closeness.ts';
import {
  createDistanceSummer,
  createPivotDistances,
  type DistanceSummer,
  type PivotDistances,
} from './distances.ts';

export const centralityJobs = {
  /** Brandes dependencies summed over a batch of sources (betweenness.ts). */
  betweennessBatch(ctx: JobContext, input: BetweennessBatch): BetweennessPartial {
    const n = ctx.csr.n;
    const accumulator = cached<DependencyAccumulator>(ctx, 'centrality:brandes', () =>
      createDependencyAccumulator(ctx.csr),
    );
    const sum = new Float64Array(n);
    const sumSq = input.squares ? new Float64Array(n) : null;
    for (const source of input.sources) accumulator.addSource(source, sum, sumSq);
    return { sum, sumSq };
  },

  /** Closeness of each source of a batch (closeness.ts). */
  closenessBatch(ctx: JobContext, input: ClosenessBatch): ClosenessPartial {
    const summer = cached<DistanceSummer>(ctx, 'centrality:bfs', () => createDistanceSummer(ctx.csr));
    const { reached, distanceSum } = summer.fromSources(input.sources);
    const scores = new Float64Array(input.sources.length);
    for (let i = 0; i < input.sources.length; i++)
      scores[i] = closenessOf(ctx.csr.n, reached[i], distanceSum[i]);
    return { scores };
  },

  /** Sampled closeness: every node's distances to a batch of pivots (closeness.ts). */
  closenessPivots(ctx: JobContext, input: ClosenessBatch): PivotPartial {
    const n = ctx.csr.n;
    const pivots = cached<PivotDistances>(ctx, 'centrality:pivots', () => createPivotDistances(ctx.csr));
    const reached = new Float64Array(n);
    const distanceSum = new Float64Array(n);
    const distanceSumSq = new Float64Array(n);
    pivots.addPivots(input.sources, reached, distanceSum, distanceSumSq);
    return { reached, distanceSum, distanceSumSq };
  },
};
registerJobs(centralityJobs);
type CentralityJobs = typeof centralityJobs;
declare module '../../engine/jobs.ts' {
  interface JobTypes extends CentralityJobs {}
}

export type CentralityJobKind = keyof typeof centralityJobs;
