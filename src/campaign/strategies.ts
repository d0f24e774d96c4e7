/**
 * The rule-of-thumb campaigns a strategist would otherwise buy, each within the same budget:
 *   biggest    the accounts with the most followers first, each bought when it still fits
 *   small      many small accounts: the cheapest per follower first (free ones first, then more
 *              followers first), each bought when it still fits
 *   community  one seed per Louvain community, communities largest first: in each, the member
 *              with the most followers among those within an even share of the budget left
 *              (budget left / communities left), else its cheapest member if that still fits
 * followers(u) = out-arcs of u. Ties go to the lower node index (first appearance in the file).
 */
import type { Csr } from '../graph/types.ts';
import { fits } from './costs.ts';

export type Baseline = 'biggest' | 'small' | 'community';
export const BASELINES: readonly Baseline[] = ['biggest', 'small', 'community'];

export interface BaselinePick {
  seeds: number[];
  cost: number;
}

function followers(csr: Csr, u: number): number {
  return csr.outOffsets[u + 1] - csr.outOffsets[u];
}

/** Buy accounts in `order`, skipping those that no longer fit (biggest, small). */
export function buyInOrder(order: Iterable<number>, costs: Float64Array, budget: number): BaselinePick {
  const pick: BaselinePick = { seeds: [], cost: 0 };
  for (const u of order) {
    if (!fits(pick.cost, costs[u], budget)) continue;
    pick.seeds.push(u);
    pick.cost += costs[u];
  }
  return pick;
}

/** Accounts by followers, most first. */
export function biggestFirst(csr: Csr): Uint32Array {
  const order = Uint32Array.from({ length: csr.n }, (_, i) => i);
  return order.sort((a, b) => followers(csr, b) - followers(csr, a) || a - b);
}

/** Accounts with followers, cheapest per follower first (free first, then more followers). */
export function cheapestPerFollower(csr: Csr, costs: Float64Array): Uint32Array {
  const withFollowers: number[] = [];
  for (let u = 0; u < csr.n; u++) if (followers(csr, u) > 0) withFollowers.push(u);
  return Uint32Array.from(withFollowers).sort(
    (a, b) =>
      costs[a] / followers(csr, a) - costs[b] / followers(csr, b) ||
      followers(csr, b) - followers(csr, a) ||
      a - b,
  );
}

/** One seed per community (see the file's comment); `community[u]` in 0..sizes.length-1. */
export function communitySeeds(
  csr: Csr,
  costs: Float64Array,
  budget: number,
  community: Uint32Array,
  sizes: readonly number[],
): BaselinePick {
  const members: number[][] = sizes.map(() => []);
  for (let u = 0; u < csr.n; u++) members[community[u]].push(u);
  const byBig = (a: number, b: number) => followers(csr, b) - followers(csr, a) || a - b;
  const order = sizes.map((_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const pick: BaselinePick = { seeds: [], cost: 0 };
  order.forEach((c, i) => {
    const left = budget - pick.cost;
    const share = left / (order.length - i);
    const group = members[c];
    let best = -1;
    let cheapest = -1;
    for (const u of group) {
      if (costs[u] <= share && (best < 0 || byBig(u, best) < 0)) best = u;
      if (
        cheapest < 0 ||
        costs[u] < costs[cheapest] ||
        (costs[u] === costs[cheapest] && byBig(u, cheapest) < 0)
      )
        cheapest = u;
    }
    const u = best >= 0 ? best : cheapest;
    if (u >= 0 && fits(pick.cost, costs[u], budget)) {
      pick.seeds.push(u);
      pick.cost += costs[u];
    }
  });
  return pick;
}
