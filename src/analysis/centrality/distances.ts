/**
 * Breadth-first distance kernels for closeness, with scratch allocated once per graph and reset
 * only where the last search went.
 * - createDistanceSummer: from one source along the reach direction (out-arcs): how many nodes it
 *   reaches and at what total distance (exact closeness of that source).
 * - createPivotDistances: from one pivot *against* the reach direction (in-arcs), which gives every
 *   node's distance *to* the pivot: one search adds a sample to every node (sampled closeness).
 */
import type { Csr } from '../../graph/types.ts';

/** Exact: from one source along the reach direction, nodes reached (itself included) and total distance. */
export interface DistanceSummer {
  fromSource(source: number): { reached: number; distanceSum: number };
}

export function createDistanceSummer(csr: Csr): DistanceSummer {
  const { n, outOffsets, outTargets } = csr;
  const dist = new Int32Array(n).fill(-1);
  const order = new Uint32Array(n);
  return {
    fromSource(source) {
      let head = 0;
      let tail = 0;
      let distanceSum = 0;
      dist[source] = 0;
      order[tail++] = source;
      while (head < tail) {
        const v = order[head++];
        const next = dist[v] + 1;
        for (let k = outOffsets[v]; k < outOffsets[v + 1]; k++) {
          const w = outTargets[k];
          if (dist[w] < 0) {
            dist[w] = next;
            distanceSum += next;
            order[tail++] = w;
          }
        }
      }
      for (let i = 0; i < tail; i++) dist[order[i]] = -1;
      return { reached: tail, distanceSum };
    },
  };
}

export interface PivotDistances {
  /**
   * Add, for every node v != pivot that reaches the pivot, 1 to reached[v], dist(v, pivot) to
   * distanceSum[v] and its square to distanceSumSq[v].
   */
  addPivot(
    pivot: number,
    reached: Float64Array,
    distanceSum: Float64Array,
    distanceSumSq: Float64Array,
  ): void;
}

export function createPivotDistances(csr: Csr): PivotDistances {
  const { n, inOffsets, inSources } = csr;
  const dist = new Int32Array(n).fill(-1);
  const order = new Uint32Array(n);
  return {
    addPivot(pivot, reached, distanceSum, distanceSumSq) {
      let head = 0;
      let tail = 0;
      dist[pivot] = 0;
      order[tail++] = pivot;
      while (head < tail) {
        const v = order[head++];
        const next = dist[v] + 1;
        for (let k = inOffsets[v]; k < inOffsets[v + 1]; k++) {
          const w = inSources[k];
          if (dist[w] < 0) {
            dist[w] = next;
            order[tail++] = w;
            reached[w] += 1;
            distanceSum[w] += next;
            distanceSumSq[w] += next * next;
          }
        }
      }
      for (let i = 0; i < tail; i++) dist[order[i]] = -1;
    },
  };
}
