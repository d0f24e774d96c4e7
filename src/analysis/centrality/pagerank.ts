/**
 * PageRank by power iteration on the CSR (Page, Brin, Motwani, Winograd 1999), in networkx's
 * conventions (`networkx.pagerank` with weight=None): damping 0.85, uniform teleport, the rank of
 * dangling nodes spread uniformly, scores summing to 1.
 *
 * Convergence. networkx stops once the L1 change of a step falls below n * 1e-6, which on a
 * million-node graph (n * 1e-6 = 1, while the whole vector sums to 1) stops after a step or two.
 * We stop when the L1 change itself is below `tolerance` (1e-10), so every score is within about
 * 6e-10 of the fixed point (the error is at most damping / (1 - damping) times the last change),
 * whatever the size; on small graphs this differs from networkx's output by its own stopping
 * error (about 1e-5 on the karate club).
 *
 * Direction. Rank flows along *attention*, against the reach direction: an arc u -> v (u's posts
 * reach v) is a link from v to u, as a follower links to whom they follow. So the rank ends up
 * on the nodes whose content reaches well-ranked audiences, which is what an opinion-leader score
 * needs; this is the "reversed graph" PageRank of the influence-maximization literature (Chen,
 * Wang, Yang 2009), and equals networkx's pagerank of a follows-file read as an nx.DiGraph.
 * Undirected graphs count each edge both ways, as networkx does. Arc values are ignored.
 */
import type { Csr } from '../../graph/types.ts';

export interface PagerankOptions {
  /** Probability of following a link rather than teleporting [0.85]. */
  damping?: number;
  /** Stop when the L1 change of one step is below this [1e-10] (an absolute bound, not networkx's n * tol). */
  tolerance?: number;
  /** Iterations at most [1000]; the last iterate is returned (flagged) if not converged. */
  maxIterations?: number;
}

export const PAGERANK_DEFAULTS: Required<PagerankOptions> = {
  damping: 0.85,
  tolerance: 1e-10,
  maxIterations: 1000,
};

/** The PageRank vector (sums to 1) and how the iteration ended. */
export function pagerankDetailed(
  csr: Csr,
  options: PagerankOptions = {},
): { scores: Float64Array; iterations: number; converged: boolean } {
  const { damping, tolerance, maxIterations } = { ...PAGERANK_DEFAULTS, ...options };
  if (!(damping >= 0 && damping <= 1))
    throw new Error(`pagerank damping: expected a number in [0,1], got ${damping}`);
  if (!(tolerance > 0)) throw new Error(`pagerank tolerance: expected a positive number, got ${tolerance}`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1))
    throw new Error(`pagerank maxIterations: expected a whole number >= 1, got ${maxIterations}`);
  const { n, outOffsets, outTargets, inOffsets } = csr;
  if (n === 0) return { scores: new Float64Array(0), iterations: 0, converged: true };

  // A node's attention links are its in-arcs (the sources whose content reaches it).
  const share = new Float64Array(n); // x[v] / attentionDegree(v), recomputed each step
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) {
      const degree = inOffsets[v + 1] - inOffsets[v];
      if (degree === 0) {
        dangling += x[v];
        share[v] = 0;
      } else {
        share[v] = x[v] / degree;
      }
    }
    const base = (damping * dangling + (1 - damping)) / n;
    let change = 0;
    for (let u = 0; u < n; u++) {
      // One sum in arc order: the drawing plan and the bundled layouts (datasets/layouts/) rank
      // accounts by these exact values, ties included (four partial sums reordered NetHEPT's).
      let sum = 0;
      for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) sum += share[outTargets[k]];
      const value = base + damping * sum;
      next[u] = value;
      change += Math.abs(value - x[u]);
    }
    const swap = x;
    x = next;
    next = swap;
    if (change < tolerance) return { scores: x, iterations: iteration, converged: true };
  }
  return { scores: x, iterations: maxIterations, converged: false };
}

/** PageRank scores, summing to 1 (see the file header for direction and conventions). */
export function pagerank(
  csr: Csr,
  options: { damping?: number; tolerance?: number; maxIterations?: number } = {},
): Float64Array {
  return pagerankDetailed(csr, options).scores;
}
