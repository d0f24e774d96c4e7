/**
 * Rankings for seed-count sweeps: which k accounts a "top k" seed set holds. Out-degree counts the
 * audience an account reaches directly (ties by first appearance, as `top:degree:K` seeds);
 * PageRank the reach-weighted attention (src/analysis/centrality/pagerank.ts; ties by index).
 */

import { topByOutDegree } from '../../graph/csr.ts';
import type { Csr } from '../../graph/types.ts';
import { pagerank } from '../centrality/pagerank.ts';

export type RankBy = 'degree' | 'pagerank';
export const RANK_BY: readonly RankBy[] = ['degree', 'pagerank'];

/** All nodes, best first, by the metric. */
export function seedRanking(csr: Csr, by: RankBy): Uint32Array {
  if (by === 'degree') return Uint32Array.from(topByOutDegree(csr, csr.n));
  const score = pagerank(csr);
  const order = Array.from({ length: csr.n }, (_, i) => i);
  order.sort((a, b) => score[b] - score[a] || a - b);
  return Uint32Array.from(order);
}
