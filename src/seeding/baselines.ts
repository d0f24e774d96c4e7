/**
 * Simple seed choices to compare the optimisers against:
 *   degree     the k accounts with the largest audience (out-arcs in the reach direction)
 *   pagerank   the k accounts with the highest PageRank along attention (analysis/centrality)
 *   random     k distinct accounts uniformly at random
 *   community  the largest-audience accounts spread over Louvain communities: seats are given to
 *              communities in proportion to their size (D'Hondt), each community filling its seats
 *              with its own top accounts by audience, so no single community soaks up the budget
 * Ties always go to the lower node index (first appearance in the file).
 */

import { pagerank } from '../analysis/centrality/pagerank.ts';
import { louvainCommunities } from '../analysis/communities.ts';
import { topByOutDegree } from '../graph/csr.ts';
import type { Csr } from '../graph/types.ts';
import { Rng } from '../util/rng.ts';
import { phaseSeed } from './imm.ts';

function checkK(n: number, k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`k: expected a whole number from 1 to ${n} (the number of nodes), got ${k}`);
}

/** Indices of the k largest scores, ties by lower index. */
export function topK(scores: ArrayLike<number>, k: number): number[] {
  checkK(scores.length, k);
  const order = Array.from({ length: scores.length }, (_, i) => i);
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order.slice(0, k);
}

export function degreeSeeds(csr: Csr, k: number): number[] {
  checkK(csr.n, k);
  return topByOutDegree(csr, k);
}

export function pagerankSeeds(csr: Csr, k: number): number[] {
  checkK(csr.n, k);
  return topK(pagerank(csr), k);
}

/** k distinct nodes uniformly at random (Floyd's algorithm), reproducible from rngSeed. */
export function randomSeeds(n: number, k: number, rngSeed: number): number[] {
  checkK(n, k);
  const rng = new Rng(phaseSeed(rngSeed, 4));
  const picked = new Set<number>();
  const out: number[] = [];
  for (let j = n - k; j < n; j++) {
    const t = rng.below(j + 1);
    const pick = picked.has(t) ? j : t;
    picked.add(pick);
    out.push(pick);
  }
  return out;
}

/**
 * Seats for communities of the given sizes by D'Hondt (highest size / (seats + 1) next; ties to
 * the larger, then lower-numbered community), never more seats than members.
 */
export function apportion(sizes: readonly number[], k: number): number[] {
  const seats = sizes.map(() => 0);
  for (let s = 0; s < k; s++) {
    let best = -1;
    for (let c = 0; c < sizes.length; c++) {
      if (seats[c] >= sizes[c]) continue;
      if (best < 0 || sizes[c] / (seats[c] + 1) > sizes[best] / (seats[best] + 1)) best = c;
    }
    if (best < 0) break;
    seats[best]++;
  }
  return seats;
}

/** Top accounts by `score` spread across communities (community[v] in 0..sizes.length-1). */
export function spreadAcrossCommunities(
  community: Uint32Array,
  sizes: readonly number[],
  score: ArrayLike<number>,
  k: number,
): number[] {
  checkK(community.length, k);
  const seats = apportion(sizes, k);
  const order = Array.from({ length: community.length }, (_, i) => i);
  order.sort((a, b) => score[b] - score[a] || a - b);
  const out: number[] = [];
  for (const v of order) {
    const c = community[v];
    if (seats[c] > 0) {
      seats[c]--;
      out.push(v);
      if (out.length === k) break;
    }
  }
  return out;
}

export function communitySeeds(
  csr: Csr,
  k: number,
  rngSeed: number,
): { seeds: number[]; communities: number } {
  checkK(csr.n, k);
  const { community, sizes, count } = louvainCommunities(csr, { rngSeed });
  const degree = new Float64Array(csr.n);
  for (let v = 0; v < csr.n; v++) degree[v] = csr.outOffsets[v + 1] - csr.outOffsets[v];
  return { seeds: spreadAcrossCommunities(community, sizes, degree, k), communities: count };
}
