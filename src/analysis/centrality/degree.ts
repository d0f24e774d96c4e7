/**
 * Degree counts, in the reach direction (an arc u -> v: u's posts reach v).
 * - outdegree: how many accounts a node's posts reach directly (its audience; for a follows-file,
 *   its followers).
 * - indegree: how many accounts a node hears from directly (for a follows-file, whom it follows).
 * - degree: neighbours in an undirected graph; in + out for a directed one (networkx's
 *   DiGraph.degree, so a mutual tie counts twice).
 */
import type { Csr } from '../../graph/types.ts';

export function outdegreeCounts(csr: Csr): Float64Array {
  const scores = new Float64Array(csr.n);
  for (let v = 0; v < csr.n; v++) scores[v] = csr.outOffsets[v + 1] - csr.outOffsets[v];
  return scores;
}

export function indegreeCounts(csr: Csr): Float64Array {
  const scores = new Float64Array(csr.n);
  for (let v = 0; v < csr.n; v++) scores[v] = csr.inOffsets[v + 1] - csr.inOffsets[v];
  return scores;
}

export function degreeCounts(csr: Csr): Float64Array {
  const scores = outdegreeCounts(csr);
  if (csr.directed) for (let v = 0; v < csr.n; v++) scores[v] += csr.inOffsets[v + 1] - csr.inOffsets[v];
  return scores;
}
