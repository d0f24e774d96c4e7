/**
 * Whole-graph analyses as single worker jobs, so the app never computes them on the main thread:
 * a light centrality metric (degree, PageRank, eigenvector, HITS, k-core: one pass or a power
 * iteration, src/analysis/centrality) and Louvain communities (src/analysis/communities.ts).
 * Both are deterministic in their input (Louvain takes its rng seed), so the result is the one the
 * CLI prints for the same options.
 */

import { registerJobs } from '../engine/jobs.ts';
import type { JobContext } from '../engine/types.ts';
import { computeMetric, METRICS, type MetricName } from './centrality/index.ts';
import { louvainCommunities } from './communities.ts';

export interface LightMetricInput {
  metric: MetricName;
}

export interface LightMetricOutput {
  scores: Float64Array;
  /** HITS hub scores, else null. */
  hubs: Float64Array | null;
  /** Power iterations: whether they converged (null for one-pass metrics). */
  converged: boolean | null;
}

export interface LouvainInput {
  rngSeed: number;
  resolution: number;
}

export interface LouvainOutput {
  community: Uint32Array;
  count: number;
  modularity: number;
  sizes: number[];
}

export const graphMetricJobs = {
  /** One light metric over the whole graph (heavy ones are planned as batches instead). */
  lightMetric(ctx: JobContext, input: LightMetricInput): LightMetricOutput {
    const info = METRICS[input.metric];
    if (!info || info.heavy) throw new Error(`lightMetric: '${input.metric}' is not a light metric`);
    const result = computeMetric(ctx.csr, input.metric);
    return {
      scores: result.scores,
      hubs: result.hubs ?? null,
      converged: result.iteration ? result.iteration.converged : null,
    };
  },

  /** Louvain communities of the undirected simple view, renumbered by decreasing size. */
  louvain(ctx: JobContext, input: LouvainInput): LouvainOutput {
    const found = louvainCommunities(ctx.csr, { rngSeed: input.rngSeed, resolution: input.resolution });
    return {
      community: found.community,
      count: found.count,
      modularity: found.modularity,
      sizes: found.sizes,
    };
  },
};
registerJobs(graphMetricJobs);
type GraphMetricJobs = typeof graphMetricJobs;
declare module '../engine/jobs.ts' {
  interface JobTypes extends GraphMetricJobs {}
}
