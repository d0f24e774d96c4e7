/**
 * Heuristic seed choices (baselines.ts, degree-discount.ts) together with the order a budget curve
 * reads them in: an order whose every prefix of length j is the method's own answer for budget j
 * (or, for random seeds, a uniformly random j-set), so the curve at k = j shows what that method
 * buys with j accounts.
 *   degree, pagerank, degree discount   picked one at a time: the selection order
 *   community                           the order in which D'Hondt hands out the seats (it is house
 *                                       monotone: k + 1 seats = k seats plus one)
 *   random                              the chosen set shuffled (a prefix of a random permutation
 *                                       of a uniform K-set is a uniform j-set)
 * Also the per-set first hit of an order on RR sets, from which the curve is read.
 */
import { louvainCommunities } from '../analysis/communities.ts';
import type { Csr } from '../graph/types.ts';
import { Rng } from '../util/rng.ts';
import { apportion, degreeSeeds, pagerankSeeds, randomSeeds, spreadAcrossCommunities } from './baselines.ts';
import { degreeDiscount, discountProbability } from './degree-discount.ts';
import { phaseSeed } from './imm.ts';
import type { RrBatch, RrParams } from './rr-sets.ts';

export type HeuristicMethod = 'degree' | 'degree-discount' | 'pagerank' | 'community' | 'random';
export const HEURISTIC_METHODS: readonly HeuristicMethod[] = [
  'degree',
  'degree-discount',
  'pagerank',
  'community',
  'random',
];

export interface OrderedChoice {
  /** The seeds exactly as the method returns them. */
  seeds: number[];
  /** The same nodes in budget-curve order (see the file header). */
  order: number[];
  /** Method details for reports (e.g. the p degree discount used, the number of communities). */
  details: Record<string, unknown>;
}

/**
 * The order in which seats go to communities of the given sizes (apportion's D'Hondt rule), each
 * seat filled with the community's next account by score (ties by lower index).
 */
export function seatOrder(
  community: Uint32Array,
  sizes: readonly number[],
  score: ArrayLike<number>,
  k: number,
): number[] {
  const byScore = Array.from({ length: community.length }, (_, i) => i);
  byScore.sort((a, b) => score[b] - score[a] || a - b);
  const members: number[][] = sizes.map(() => []);
  for (const v of byScore) members[community[v]].push(v);
  const out: number[] = [];
  let before = sizes.map(() => 0);
  for (let j = 1; j <= k; j++) {
    const seats = apportion(sizes, j);
    const c = seats.findIndex((s, i) => s > before[i]);
    if (c < 0) break;
    out.push(members[c][before[c]]);
    before = seats;
  }
  return out;
}

/** A seeded Fisher–Yates shuffle of a copy of `items`. */
export function shuffled(items: readonly number[], rngSeed: number): number[] {
  const out = [...items];
  const rng = new Rng(rngSeed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The seeds of a heuristic method for budget k, and their budget-curve order. */
export function orderedHeuristicSeeds(
  csr: Csr,
  method: HeuristicMethod,
  k: number,
  rngSeed: number,
  rr: RrParams,
): OrderedChoice {
  switch (method) {
    case 'degree': {
      const seeds = degreeSeeds(csr, k);
      return { seeds, order: seeds, details: {} };
    }
    case 'pagerank': {
      const seeds = pagerankSeeds(csr, k);
      return { seeds, order: seeds, details: {} };
    }
    case 'degree-discount': {
      const p = discountProbability(csr, rr);
      const seeds = degreeDiscount(csr, k, p);
      return { seeds, order: seeds, details: { degreeDiscount: { p } } };
    }
    case 'community': {
      // As communitySeeds (baselines.ts), keeping the communities for the seat order.
      if (!Number.isInteger(k) || k < 1 || k > csr.n)
        throw new RangeError(`k: expected a whole number from 1 to ${csr.n} (the number of nodes), got ${k}`);
      const { community, sizes, count } = louvainCommunities(csr, { rngSeed });
      const degree = new Float64Array(csr.n);
      for (let v = 0; v < csr.n; v++) degree[v] = csr.outOffsets[v + 1] - csr.outOffsets[v];
      const seeds = spreadAcrossCommunities(community, sizes, degree, k);
      return { seeds, order: seatOrder(community, sizes, degree, k), details: { communities: count } };
    }
    case 'random': {
      const seeds = randomSeeds(csr.n, k, rngSeed);
      return { seeds, order: shuffled(seeds, phaseSeed(rngSeed, 9)), details: {} };
    }
  }
}

/**
 * For each position i of `order`, how many sets of the batch contain order[i] and no earlier
 * node of the order (the sets the prefix of length i + 1 newly covers).
 */
export function firstHits(batch: RrBatch, order: readonly number[], n: number): Float64Array {
  const NONE = 0xffffffff;
  const rank = new Uint32Array(n).fill(NONE);
  order.forEach((v, i) => {
    if (rank[v] === NONE) rank[v] = i;
  });
  const hits = new Float64Array(order.length);
  const { offsets, nodes } = batch;
  for (let j = 0; j < batch.count; j++) {
    let best = NONE;
    for (let i = offsets[j]; i < offsets[j + 1]; i++) {
      const r = rank[nodes[i]];
      if (r < best) best = r;
    }
    if (best !== NONE) hits[best]++;
  }
  return hits;
}
