/**
 * Exact expected spread on tiny graphs by enumerating every live-edge world (Kempe, Kleinberg,
 * Tardos 2003): the truth Monte Carlo is checked against. Written independently of the engine:
 * plain arrays, recursion, no CSR kernels.
 */
import type { Csr } from '../../src/graph/types.ts';
import { arcsOf } from './graphs.ts';

export interface ExactSpread {
  /** Expected number of active nodes. */
  mean: number;
  /** Expected number of exposed nodes (active, or an out-neighbour of an active node). */
  exposed: number;
  /** reach[h] = expected number of nodes within live-edge distance h of the seeds (IC only). */
  reach: number[];
}

function bfsDistances(n: number, live: [number, number][], seeds: number[]): number[] {
  const dist = new Array<number>(n).fill(-1);
  const queue = [...new Set(seeds)];
  for (const s of queue) dist[s] = 0;
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i];
    for (const [a, b] of live) {
      if (a === u && dist[b] < 0) {
        dist[b] = dist[u] + 1;
        queue.push(b);
      }
    }
  }
  return dist;
}

function accumulate(
  total: ExactSpread,
  n: number,
  arcs: [number, number][],
  live: [number, number][],
  seeds: number[],
  weight: number,
): void {
  const dist = bfsDistances(n, live, seeds);
  const active = dist.filter((d) => d >= 0).length;
  const exposedSet = new Set<number>();
  for (let v = 0; v < n; v++) if (dist[v] >= 0) exposedSet.add(v);
  for (const [a, b] of arcs) if (dist[a] >= 0) exposedSet.add(b);
  total.mean += weight * active;
  total.exposed += weight * exposedSet.size;
  for (let h = 0; h < n; h++) {
    total.reach[h] += weight * dist.filter((d) => d >= 0 && d <= h).length;
  }
}

/** Independent cascade with probability prob(k) on the k-th arc (CSR order). */
export function exactIc(csr: Csr, seeds: number[], prob: (k: number) => number): ExactSpread {
  const arcs = arcsOf(csr);
  if (arcs.length > 20) throw new Error('exactIc: too many arcs to enumerate');
  const total: ExactSpread = { mean: 0, exposed: 0, reach: new Array(csr.n).fill(0) };
  for (let mask = 0; mask < 1 << arcs.length; mask++) {
    let weight = 1;
    const live: [number, number][] = [];
    arcs.forEach((arc, k) => {
      const p = prob(k);
      if (mask & (1 << k)) {
        weight *= p;
        live.push(arc);
      } else weight *= 1 - p;
    });
    if (weight > 0) accumulate(total, csr.n, arcs, live, seeds, weight);
  }
  return total;
}

/**
 * Linear threshold: every node v keeps at most one in-arc, arc (u,v) with probability w(u,v) and
 * none with 1 - sum of its in-weights; the active set is what the seeds reach in that world.
 */
export function exactLt(csr: Csr, seeds: number[], weight: (k: number) => number): ExactSpread {
  const arcs = arcsOf(csr);
  const inArcs: number[][] = Array.from({ length: csr.n }, () => []);
  arcs.forEach(([, b], k) => {
    inArcs[b].push(k);
  });
  const total: ExactSpread = { mean: 0, exposed: 0, reach: new Array(csr.n).fill(0) };
  const choose = (v: number, live: [number, number][], w: number): void => {
    if (w === 0) return;
    if (v === csr.n) {
      accumulate(total, csr.n, arcs, live, seeds, w);
      return;
    }
    let none = 1;
    for (const k of inArcs[v]) {
      none -= weight(k);
      choose(v + 1, [...live, arcs[k]], w * weight(k));
    }
    choose(v + 1, live, w * Math.max(0, none));
  };
  choose(0, [], 1);
  return total;
}
