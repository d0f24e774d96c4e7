/**
 * Six degrees from a seed set: how many accounts lie within 1, 2, ..., 6 hops of the seeds along
 * out-arcs (the reach direction), i.e. how far content could travel in h steps if every account
 * passed it on. One multi-source breadth-first search, O(n + m), stopped at maxHops.
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
  const within = levels(csr, seeds, maxHops);
  while (within.length <= maxHops) within.push(within[within.length - 1]);
  const n = csr.n;
  return { within, share: within.map((x) => (n > 0 ? x / n : 0)), nodes: n };
}

/** Nodes reachable from the seeds at any distance (the ceiling of any cascade from them). */
export function reachableCount(csr: Csr, seeds: ArrayLike<number>): number {
  const within = levels(csr, seeds, Number.POSITIVE_INFINITY);
  return within[within.length - 1];
}

/** Cumulative level sizes of a BFS from the seeds, up to maxHops or until no new node is found. */
function levels(csr: Csr, seeds: ArrayLike<number>, maxHops: number): number[] {
  const { n, outOffsets, outTargets } = csr;
  const seen = new Uint8Array(n);
  const queue = new Uint32Array(n);
  let tail = 0;
  for (let i = 0; i < seeds.length; i++) {
    const v = seeds[i];
    if (!Number.isInteger(v) || v < 0 || v >= n)
      throw new Error(`seeds: node index ${v} is not in the graph (0..${n - 1})`);
    if (!seen[v]) {
      seen[v] = 1;
      queue[tail++] = v;
    }
  }
  const within = [tail];
  let head = 0;
  for (let h = 1; h <= maxHops && head < tail; h++) {
    const levelEnd = tail;
    for (; head < levelEnd; head++) {
      const u = queue[head];
      for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) {
        const w = outTargets[k];
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    within.push(tail);
  }
  return within;
}
