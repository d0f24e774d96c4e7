/**
 * Six degrees from a seed set: how many accounts lie within 1, 2, ..., 6 hops of the seeds along
 * out-arcs (the reach direction), i.e. how far content could travel in h steps if every account
 * passed it on. One multi-source breadth-first search, O(n + m), stopped at maxHops; its distances
 * give the counts within each hop, and with per-node activation counts, the simulated reach within
 * each hop.
 */
import type { Csr } from '../../graph/types.ts';

export interface SeedReach {
  /** within[h] = distinct nodes at most h hops from some seed, h = 0..maxHops (within[0] = seeds). */
  within: number[];
  /** within[h] / n. */
  share: number[];
  nodes: number;
}

export const SIX_DEGREES = 6;

export function seedReach(csr: Csr, seeds: ArrayLike<number>, maxHops = SIX_DEGREES): SeedReach {
  if (!Number.isInteger(maxHops) || maxHops < 0)
    throw new Error(`maxHops: expected a whole number >= 0, got ${maxHops}`);
  return seedReachOf(seedDistances(csr, seeds, maxHops), maxHops);
}

/** The SeedReach of distances already measured (seedDistances up to at least maxHops). */
export function seedReachOf(distance: Int32Array, maxHops: number): SeedReach {
  const within = withinCounts(distance, maxHops);
  const n = distance.length;
  return { within, share: within.map((x) => (n > 0 ? x / n : 0)), nodes: n };
}

/** Nodes reachable from the seeds at any distance (the ceiling of any cascade from them). */
export function reachableCount(csr: Csr, seeds: ArrayLike<number>): number {
  return reachableOf(seedDistances(csr, seeds));
}

/** Nodes at a known distance (reached by the search that measured them). */
export function reachableOf(distance: Int32Array): number {
  let count = 0;
  for (let v = 0; v < distance.length; v++) if (distance[v] >= 0) count++;
  return count;
}

/** within[h] = nodes at distance at most h, h = 0..maxHops. */
export function withinCounts(distance: Int32Array, maxHops: number): number[] {
  const at = new Array<number>(maxHops + 1).fill(0);
  for (let v = 0; v < distance.length; v++) {
    const d = distance[v];
    if (d >= 0 && d <= maxHops) at[d]++;
  }
  for (let h = 1; h <= maxHops; h++) at[h] += at[h - 1];
  return at;
}

/**
 * Hop distance of every node from the nearest seed along out-arcs: 0 for seeds, -1 beyond
 * maxHops or unreachable. With per-node activation counts of a simulation, it turns "how many
 * were reached" into "how many were reached within h hops of the seeds" by graph distance.
 */
export function seedDistances(
  csr: Csr,
  seeds: ArrayLike<number>,
  maxHops = Number.POSITIVE_INFINITY,
): Int32Array {
  const { n, outOffsets, outTargets } = csr;
  const distance = new Int32Array(n).fill(-1);
  const queue = new Uint32Array(n);
  let tail = 0;
  for (let i = 0; i < seeds.length; i++) {
    const v = seeds[i];
    if (!Number.isInteger(v) || v < 0 || v >= n)
      throw new Error(`seeds: node index ${v} is not in the graph (0..${n - 1})`);
    if (distance[v] < 0) {
      distance[v] = 0;
      queue[tail++] = v;
    }
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head];
    const d = distance[u] + 1;
    if (d > maxHops) break;
    for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) {
      const w = outTargets[k];
      if (distance[w] < 0) {
        distance[w] = d;
        queue[tail++] = w;
      }
    }
  }
  return distance;
}

/**
 * Expected accounts reached within h hops (graph distance) of the seeds, h = 0..maxHops, from
 * per-node activation counts over `runs` runs: sum of counts[v] / runs over nodes at distance <= h.
 */
export function reachedWithin(
  distance: Int32Array,
  counts: ArrayLike<number>,
  runs: number,
  maxHops: number,
): number[] {
  const atDistance = new Float64Array(maxHops + 1);
  for (let v = 0; v < distance.length; v++) {
    const d = distance[v];
    if (d >= 0 && d <= maxHops) atDistance[d] += counts[v];
  }
  const out: number[] = [];
  let sum = 0;
  for (let h = 0; h <= maxHops; h++) {
    sum += atDistance[h];
    out.push(runs > 0 ? sum / runs : 0);
  }
  return out;
}
