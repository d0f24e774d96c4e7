/**
 * Exact campaign figures on tiny graphs (n <= 12), for every seed set at once, by enumerating the
 * live-edge worlds (Kempe, Kleinberg, Tardos 2003), written independently of src/: bitmasks and
 * plain loops. For each world, reach[u] = the accounts u reaches along live arcs; a seed set S
 * reaches R(S) = OR of reach[u] for u in S; then
 *   reach = |R|, exposure = |R ∪ out-neighbours(R)|, impressions = sum of out-degrees over R,
 * each weighted by the world's probability. Subsets are indexed by bitmask.
 */
import type { Csr } from '../../src/graph/types.ts';
import { arcsOf } from '../support/graphs.ts';

export interface ExactTables {
  n: number;
  reach: Float64Array;
  exposure: Float64Array;
  impressions: Float64Array;
}

interface World {
  weight: number;
  live: [number, number][];
}

/** Every IC world: each arc live with prob(k) independently. */
export function icWorlds(csr: Csr, prob: (k: number) => number): World[] {
  const arcs = arcsOf(csr);
  if (arcs.length > 16) throw new Error('icWorlds: too many arcs to enumerate');
  const worlds: World[] = [];
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
    if (weight > 0) worlds.push({ weight, live });
  }
  return worlds;
}

/** Every LT world: each node keeps at most one in-arc, arc k with weight(k), none with the rest. */
export function ltWorlds(csr: Csr, weight: (k: number) => number): World[] {
  const arcs = arcsOf(csr);
  const inArcs: number[][] = Array.from({ length: csr.n }, () => []);
  arcs.forEach(([, b], k) => {
    inArcs[b].push(k);
  });
  const worlds: World[] = [];
  const choose = (v: number, live: [number, number][], w: number): void => {
    if (w <= 0) return;
    if (v === csr.n) {
      worlds.push({ weight: w, live });
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
  return worlds;
}

const popcount = (x: number) => {
  let c = 0;
  for (let y = x; y !== 0; y &= y - 1) c++;
  return c;
};

export function exactTables(csr: Csr, worlds: World[]): ExactTables {
  const n = csr.n;
  if (n > 12) throw new Error('exactTables: at most 12 accounts');
  const size = 1 << n;
  const outMask = new Uint32Array(n);
  const outDegree = new Float64Array(n);
  for (const [a, b] of arcsOf(csr)) {
    outMask[a] |= 1 << b;
    outDegree[a]++;
  }
  // Per subset, static: out-neighbours and impressions if exactly that subset is reached.
  const neighbours = new Uint32Array(size);
  const shown = new Float64Array(size);
  for (let s = 1; s < size; s++) {
    const low = 31 - Math.clz32(s & -s);
    neighbours[s] = neighbours[s & (s - 1)] | outMask[low];
    shown[s] = shown[s & (s - 1)] + outDegree[low];
  }
  const t: ExactTables = {
    n,
    reach: new Float64Array(size),
    exposure: new Float64Array(size),
    impressions: new Float64Array(size),
  };
  const reached = new Uint32Array(size);
  const from = new Uint32Array(n);
  for (const world of worlds) {
    for (let u = 0; u < n; u++) {
      let mask = 1 << u;
      for (;;) {
        let next = mask;
        for (const [a, b] of world.live) if (mask & (1 << a)) next |= 1 << b;
        if (next === mask) break;
        mask = next;
      }
      from[u] = mask;
    }
    for (let s = 1; s < size; s++) {
      const low = 31 - Math.clz32(s & -s);
      const r = reached[s & (s - 1)] | from[low];
      reached[s] = r;
      t.reach[s] += world.weight * popcount(r);
      t.exposure[s] += world.weight * popcount(r | neighbours[r]);
      t.impressions[s] += world.weight * shown[r];
    }
  }
  return t;
}

export const maskOf = (seeds: readonly number[]) => seeds.reduce((m, v) => m | (1 << v), 0);

/** The best objective over every seed set whose cost fits the budget. */
export function bestAffordable(values: Float64Array, costs: Float64Array, budget: number): number {
  let best = 0;
  const n = costs.length;
  for (let s = 1; s < 1 << n; s++) {
    let cost = 0;
    for (let v = 0; v < n; v++) if (s & (1 << v)) cost += costs[v];
    if (cost <= budget + 1e-9 && values[s] > best) best = values[s];
  }
  return best;
}
