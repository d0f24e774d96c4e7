/**
 * Statistics of one sweep point from its per-run cascade sizes: the mean with its confidence
 * interval, the share of runs that went global (more than GLOBAL_SHARE of the nodes), and the
 * mean size of the runs that stayed small (see smallCut). The mean size of the small runs is the finite-size susceptibility: it
 * grows as the transition nears and falls after it, as the large finite cascades join the global
 * ones (Stauffer & Aharony, "Introduction to percolation theory", ch. 2).
 */
import type { CurvePoint } from './types.ts';

/** A cascade is global when it reaches more than this share of the nodes. */
export const GLOBAL_SHARE = 0.1;

/**
 * The size up to which a run counts as small for the susceptibility: n^(2/3), the size of the
 * largest clusters inside the critical window of percolation on random graphs (Bollobás 1984,
 * Łuczak 1990), capped at the global cut. A fixed share would keep counting the young giant
 * cascade as small until it passes that share, which pulls the peak past p_c (with 10%, by about
 * 5% on Erdős–Rényi graphs, whatever their size); n^(2/3) shrinks that shift as n grows.
 */
export function smallCut(nodes: number): number {
  return Math.min(GLOBAL_SHARE * nodes, nodes ** (2 / 3));
}

const Z95 = 1.959963984540054;

export function pointStats(x: number, sizes: ArrayLike<number>, nodes: number, refined: boolean): CurvePoint {
  const runs = sizes.length;
  const cut = GLOBAL_SHARE * nodes;
  const smallMax = smallCut(nodes);
  let sum = 0;
  let smallSum = 0;
  let small = 0;
  let globalSum = 0;
  for (let i = 0; i < runs; i++) {
    const s = sizes[i];
    sum += s;
    if (s > cut) globalSum += s;
    if (s <= smallMax) {
      smallSum += s;
      small++;
    }
  }
  const mean = runs > 0 ? sum / runs : 0;
  let squares = 0;
  for (let i = 0; i < runs; i++) squares += (sizes[i] - mean) ** 2;
  const std = runs > 1 ? Math.sqrt(squares / (runs - 1)) : 0;
  const half = runs > 0 ? (Z95 * std) / Math.sqrt(runs) : 0;
  let global = 0;
  for (let i = 0; i < runs; i++) if (sizes[i] > cut) global++;
  return {
    x,
    mean,
    ci95: [mean - half, mean + half],
    globalFraction: runs > 0 ? global / runs : 0,
    smallMean: small > 0 ? smallSum / small : null,
    smallRuns: small,
    globalShare: global > 0 ? globalSum / global / nodes : null,
    runs,
    refined,
  };
}
