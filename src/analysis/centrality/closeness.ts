/**
 * Closeness centrality in networkx's default conventions (`closeness_centrality`,
 * wf_improved=True): for a node u reaching r nodes (itself included) at total distance D,
 *   closeness(u) = ((r-1)/D) * ((r-1)/(n-1)),   0 when u reaches nobody,
 * the inverse mean distance scaled down by the share of the graph reached (Wasserman and Faust,
 * Social Network Analysis, 1994, p. 201), so a node in a small component does not score 1.
 *
 * Direction. networkx measures *incoming* distance on a DiGraph. We apply that to the attention
 * graph (an arc v -> u whenever u's posts reach v, the graph a follows-file describes), which makes
 * closeness(u) the outgoing reach distance: how few hops u's posts need to reach everyone. It equals
 * networkx's closeness_centrality of a follows-file read as nx.DiGraph, or of G.reverse() for an
 * influences-file read as G. Undirected graphs are unaffected.
 *
 * Exact (one search per node) while n * arcs stays below `exactWork`; above it, sampled after
 * Eppstein and Wang (Fast approximation of centrality, 2001): k random pivots, one search each
 * against the reach direction, give every node its distances to the pivots. With c of the k'
 * pivots other than v reached at total distance S, r - 1 ~ c (n-1)/k' and D ~ S (n-1)/k', so
 *   closeness(v) ~ (c / S) * (c / k').
 * Each node gets a 95% interval by the delta method on the two sample means (reached share and
 * mean distance), finite-population corrected.
 */
import type { Csr } from '../../graph/types.ts';
import { strongComponents } from '../distance/components.ts';
import { LANES } from './distances.ts';
import { allNodes, batchSources, laneBatchSize, sampleSize, sampleWithoutReplacement } from './plan.ts';

export interface ClosenessOptions {
  /** Pivots to sample; 0 or >= n means exact [chosen from exactWork]. */
  samples?: number;
  /** Largest n * arcs computed exactly when `samples` is not given [2e9, as betweenness]. */
  exactWork?: number;
  /** Seed of the sampled pivots [1]. */
  rngSeed?: number;
  /** Sources per worker job [0: sized to about 100 ms]. */
  batchSources?: number;
}

export const CLOSENESS_DEFAULTS: Required<ClosenessOptions> = {
  samples: 0,
  exactWork: 2e9,
  rngSeed: 1,
  batchSources: 0,
};

/** Random stream of the sampled pivots ("clos"). */
const CLOSENESS_STREAM = 0x636c6f73;

export interface ClosenessBatch {
  sources: Uint32Array;
}

/** Exact: the closeness of each source of the batch, in batch order. */
export interface ClosenessPartial {
  scores: Float64Array;
}

/** Sampled: per node, pivots reached and the sum (and sum of squares) of distances to them. */
export interface PivotPartial {
  reached: Float64Array;
  distanceSum: Float64Array;
  distanceSumSq: Float64Array;
}

export interface ClosenessResult {
  scores: Float64Array;
  approximate: boolean;
  /** Pivots used (n when exact). */
  samples: number;
  /** Per-node half-width of a 95% interval (sampled only). */
  halfWidth95: Float64Array | null;
}

export interface ClosenessPlan {
  kind: 'closenessBatch' | 'closenessPivots';
  inputs: ClosenessBatch[];
  finish(outputs: readonly unknown[]): ClosenessResult;
}

export function closenessOf(n: number, reached: number, distanceSum: number): number {
  if (distanceSum <= 0 || n <= 1) return 0;
  return ((reached - 1) / distanceSum) * ((reached - 1) / (n - 1));
}

/**
 * The sources grouped by strong component (stable within one), so the searches run together
 * (distances.ts) mostly cover the same nodes: on a graph of many small components and one large
 * one, the searches from the large one share their sweeps instead of each sweeping alone. The
 * results do not depend on the order.
 */
function byComponent(csr: Csr, sources: Uint32Array): Uint32Array {
  const { label, count } = strongComponents(csr);
  if (count <= 1) return sources;
  const start = new Uint32Array(count + 1);
  for (const s of sources) start[label[s] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const sorted = new Uint32Array(sources.length);
  for (const s of sources) sorted[start[label[s]]++] = s;
  return sorted;
}

export function closenessSamples(csr: Csr, options: ClosenessOptions = {}): number {
  const { samples, exactWork } = { ...CLOSENESS_DEFAULTS, ...options };
  return sampleSize(csr.n, csr.arcs, samples, exactWork, 'closeness');
}

export function planCloseness(csr: Csr, options: ClosenessOptions = {}): ClosenessPlan {
  const resolved = { ...CLOSENESS_DEFAULTS, ...options };
  const n = csr.n;
  const k = closenessSamples(csr, resolved);
  const exact = k >= n;
  const sources = byComponent(
    csr,
    exact ? allNodes(n) : sampleWithoutReplacement(n, k, resolved.rngSeed, CLOSENESS_STREAM),
  );
  const size = resolved.batchSources > 0 ? resolved.batchSources : laneBatchSize(n, csr.arcs, !exact, LANES);
  const inputs = batchSources(sources, size);
  if (exact) {
    return {
      kind: 'closenessBatch',
      inputs,
      finish(outputs) {
        const scores = new Float64Array(n);
        for (let b = 0; b < inputs.length; b++) {
          const batch = inputs[b].sources;
          const part = (outputs[b] as ClosenessPartial).scores;
          for (let i = 0; i < batch.length; i++) scores[batch[i]] = part[i];
        }
        return { scores, approximate: false, samples: n, halfWidth95: null };
      },
    };
  }
  const isPivot = new Uint8Array(n);
  for (const s of sources) isPivot[s] = 1;
  return {
    kind: 'closenessPivots',
    inputs,
    finish(outputs) {
      const reached = new Float64Array(n);
      const sum = new Float64Array(n);
      const sumSq = new Float64Array(n);
      for (const output of outputs) {
        const part = output as PivotPartial;
        for (let v = 0; v < n; v++) {
          reached[v] += part.reached[v];
          sum[v] += part.distanceSum[v];
          sumSq[v] += part.distanceSumSq[v];
        }
      }
      const scores = new Float64Array(n);
      const halfWidth95 = new Float64Array(n);
      for (let v = 0; v < n; v++) {
        const m = k - isPivot[v]; // pivots other than v
        if (m <= 0 || reached[v] === 0 || sum[v] <= 0) continue;
        const a = reached[v] / m; // share of pivots reached
        const b = sum[v] / m; // mean distance, 0 for pivots not reached
        const f = (a * a) / b;
        scores[v] = f;
        if (m < 2) continue;
        // Delta method for f(a, b) = a^2 / b with per-pivot indicator I and distance d (I d = d).
        const varI = a * (1 - a);
        const varD = Math.max(0, sumSq[v] / m - b * b);
        const cov = b * (1 - a);
        const ga = (2 * a) / b;
        const gb = -(a * a) / (b * b);
        const variance = Math.max(0, ga * ga * varI + gb * gb * varD + 2 * ga * gb * cov) * (m / (m - 1));
        const population = n - 1;
        const fpc = population > 1 ? Math.sqrt(Math.max(0, population - m) / (population - 1)) : 0;
        halfWidth95[v] = 1.96 * Math.sqrt(variance / m) * fpc;
      }
      return { scores, approximate: true, samples: k, halfWidth95 };
    },
  };
}
