/**
 * Shortest-path betweenness (Brandes 2001) in networkx's conventions (`betweenness_centrality`,
 * normalized=True, endpoints=False, unweighted): the share of shortest paths between other pairs
 * that run through a node, divided by (n-1)(n-2) (each ordered pair once for directed graphs; the
 * Brandes sum counts each unordered pair twice for undirected ones, which is networkx's
 * 2/((n-1)(n-2)) per pair). Paths follow the reach direction; reversing every arc would not change
 * the scores.
 *
 * Exact (all n sources) while n * arcs stays below `exactWork`; above it, k sources drawn without
 * replacement and the sum scaled by n/k (networkx's k-pivot estimator; Brandes and Pich 2007).
 * Each source adds X(v) = n * delta_s(v) / ((n-1)(n-2)) in [0, n/(n-1)] to v's estimate, so by
 * Hoeffding's inequality (which holds for sampling without replacement) and a union bound over the
 * n nodes, every score is within
 *   error = n/(n-1) * sqrt(ln(2n / (1 - confidence)) / (2k))
 * of the exact value with probability >= confidence. Each node also gets its own 95% interval from
 * the sample variance (normal approximation, finite-population corrected), much tighter in practice
 * and reliable for the leading nodes; for a low score that comes from a few sources (a leaf
 * neighbour's paths) the sample is too skewed and such intervals are too narrow.
 */
import type { Csr } from '../../graph/types.ts';
import { allNodes, batchSources, sampleSize, sampleWithoutReplacement, sourcesPerBatch } from './plan.ts';

export interface BetweennessOptions {
  /** Sources to sample; 0 or >= n means exact [chosen from exactWork]. */
  samples?: number;
  /** Largest n * arcs computed exactly when `samples` is not given [2e9]. */
  exactWork?: number;
  /** Seed for the sampled sources [1]. */
  rngSeed?: number;
  /** Confidence of the stated simultaneous error [0.95]. */
  confidence?: number;
  /** Sources per worker job [0: sized to about JOB_ARC_VISITS arc visits, ~100 ms]. */
  batchSources?: number;
}

export const BETWEENNESS_DEFAULTS: Required<BetweennessOptions> = {
  samples: 0,
  exactWork: 2e9,
  rngSeed: 1,
  confidence: 0.95,
  batchSources: 0,
};

/** Random stream of the sampled sources ("betw"), distinct from other samplers of the same seed. */
const BETWEENNESS_STREAM = 0x62657477;

export interface BetweennessBatch {
  sources: Uint32Array;
  /** Also return the sum of squared dependencies (for the sampled estimate's variance). */
  squares: boolean;
}

export interface BetweennessPartial {
  sum: Float64Array;
  sumSq: Float64Array | null;
}

export interface BetweennessResult {
  scores: Float64Array;
  approximate: boolean;
  /** Sources used (n when exact). */
  samples: number;
  /** Simultaneous error bound for every node (0 when exact). */
  error: number;
  confidence: number;
  /** Per-node half-width of a 95% interval (sampled only). */
  halfWidth95: Float64Array | null;
}

export interface BetweennessPlan {
  inputs: BetweennessBatch[];
  finish(outputs: readonly BetweennessPartial[]): BetweennessResult;
}

/** How many sources a betweenness computation will use under these options. */
export function betweennessSamples(csr: Csr, options: BetweennessOptions = {}): number {
  const { samples, exactWork } = { ...BETWEENNESS_DEFAULTS, ...options };
  return sampleSize(csr.n, csr.arcs, samples, exactWork, 'betweenness');
}

export function planBetweenness(csr: Csr, options: BetweennessOptions = {}): BetweennessPlan {
  const resolved = { ...BETWEENNESS_DEFAULTS, ...options };
  const { confidence } = resolved;
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`betweenness confidence: expected a number in (0,1), got ${confidence}`);
  const n = csr.n;
  const k = betweennessSamples(csr, resolved);
  const exact = k >= n;
  const sources = exact ? allNodes(n) : sampleWithoutReplacement(n, k, resolved.rngSeed, BETWEENNESS_STREAM);
  const size = resolved.batchSources > 0 ? resolved.batchSources : sourcesPerBatch(n, csr.arcs, true);
  const inputs = batchSources(sources, size).map((b) => ({
    sources: b.sources,
    squares: !exact,
  }));
  return {
    inputs,
    finish(outputs) {
      const sum = new Float64Array(n);
      const sumSq = exact ? null : new Float64Array(n);
      for (const part of outputs) {
        for (let v = 0; v < n; v++) sum[v] += part.sum[v];
        if (sumSq && part.sumSq) for (let v = 0; v < n; v++) sumSq[v] += part.sumSq[v];
      }
      const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
      const scores = new Float64Array(n);
      if (exact || k === 0) {
        for (let v = 0; v < n; v++) scores[v] = sum[v] * scale;
        return { scores, approximate: false, samples: n, error: 0, confidence: 1, halfWidth95: null };
      }
      // Per-source contributions X = n * delta * scale; the estimate is their mean.
      const halfWidth95 = new Float64Array(n);
      const fpc = n > 1 ? Math.sqrt((n - k) / (n - 1)) : 0;
      for (let v = 0; v < n; v++) {
        const mean = (sum[v] / k) * n * scale;
        scores[v] = mean;
        if (sumSq && k > 1) {
          const meanSq = (sumSq[v] / k) * (n * scale) ** 2;
          const variance = Math.max(0, ((meanSq - mean * mean) * k) / (k - 1));
          halfWidth95[v] = 1.96 * Math.sqrt(variance / k) * fpc;
        }
      }
      const range = n / (n - 1);
      const error = range * Math.sqrt(Math.log((2 * n) / (1 - confidence)) / (2 * k));
      return { scores, approximate: true, samples: k, error, confidence, halfWidth95 };
    },
  };
}
