/**
 * Rank agreement: how far a structural measure and simulated influence pick the same leaders.
 * The top-20 overlap, Spearman's rank correlation over all accounts, and a scatter chart of the
 * two ranks (all accounts on small graphs; the union of both top lists on large ones).
 */
import { averageRanks, orderBy, overlapOfOrders, rankCorrelation } from './ranking.ts';

export const OVERLAP_K = 20;
/** Accounts plotted at most: all of them below this, else the union of both top lists. */
const MAX_POINTS = 2000;

export interface Agreement {
  overlap: number;
  k: number;
  rho: number | null;
  points: { x: number; y: number }[];
}

export function agreement(metric: Float64Array, influence: Float64Array, k = OVERLAP_K): Agreement {
  const n = metric.length;
  // Two sorts serve everything: the ranks, the top lists and the plotted subset.
  const om = orderBy(metric);
  const oi = orderBy(influence);
  const rm = averageRanks(metric, om);
  const ri = averageRanks(influence, oi);
  let nodes: Iterable<number>;
  if (n <= MAX_POINTS) nodes = rm.keys();
  else nodes = new Set([...om.subarray(0, MAX_POINTS / 2), ...oi.subarray(0, MAX_POINTS / 2)]);
  const points: { x: number; y: number }[] = [];
  for (const v of nodes) points.push({ x: rm[v], y: ri[v] });
  return {
    overlap: overlapOfOrders(om, oi, k),
    k: Math.min(k, n),
    rho: n < 2 ? null : rankCorrelation(rm, ri),
    points,
  };
}
