/**
 * Pure ranking helpers of the leaders panel: the table's order (best first, ties by the account
 * that appeared first in the file, as `ripple rank` breaks them), search, and how far two rankings
 * agree: the overlap of their top-k lists and Spearman's rank correlation (Pearson correlation of
 * the ranks, tied values sharing their mean rank).
 */

/** Node indices ordered by score, descending (or ascending), ties by lower index; NaN last. */
export function orderBy(scores: ArrayLike<number>, descending = true): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const sign = descending ? -1 : 1;
  return order.sort((a, b) => {
    const x = scores[a];
    const y = scores[b];
    const nx = Number.isNaN(x);
    const ny = Number.isNaN(y);
    if (nx || ny) return nx === ny ? a - b : nx ? 1 : -1;
    return sign * (x - y) || a - b;
  });
}

/** Indices whose id or label contains the query (case-insensitive), in `order`; all when empty. */
export function matching(
  order: Uint32Array,
  ids: readonly string[],
  labels: readonly (string | null)[] | null,
  query: string,
): Uint32Array {
  const q = query.trim().toLowerCase();
  if (q === '') return order;
  const out: number[] = [];
  for (const v of order) {
    if (ids[v].toLowerCase().includes(q) || labels?.[v]?.toLowerCase().includes(q)) out.push(v);
  }
  return Uint32Array.from(out);
}

/** Ranks 1..n (1 = highest score), ties sharing the mean of their ranks; `order` = orderBy(scores). */
export function averageRanks(scores: ArrayLike<number>, order = orderBy(scores, true)): Float64Array {
  const ranks = new Float64Array(scores.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const mean = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = mean;
    i = j + 1;
  }
  return ranks;
}

/** Spearman's rho: Pearson correlation of the average ranks; null when either side is constant. */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  if (a.length !== b.length) throw new Error(`spearman: ${a.length} scores against ${b.length}`);
  return a.length < 2 ? null : rankCorrelation(averageRanks(a), averageRanks(b));
}

/** Pearson correlation of two rank vectors (each a permutation of 1..n with ties averaged). */
export function rankCorrelation(ra: Float64Array, rb: Float64Array): number | null {
  const n = ra.length;
  const mean = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = ra[i] - mean;
    const y = rb[i] - mean;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  if (saa === 0 || sbb === 0) return null;
  return sab / Math.sqrt(saa * sbb);
}

/** How many accounts the top-k lists of two rankings share (ties broken by lower index). */
export function topOverlap(a: ArrayLike<number>, b: ArrayLike<number>, k: number): number {
  return overlapOfOrders(orderBy(a), orderBy(b), k);
}

/** How many nodes the first k entries of two orders share. */
export function overlapOfOrders(oa: Uint32Array, ob: Uint32Array, k: number): number {
  const size = Math.min(k, oa.length, ob.length);
  const topA = new Set(oa.subarray(0, size));
  let common = 0;
  for (const v of ob.subarray(0, size)) if (topA.has(v)) common++;
  return common;
}
