/**
 * Single-source shortest-path dependencies (Brandes, A Faster Algorithm for Betweenness
 * Centrality, 2001) on the unweighted CSR, with scratch allocated once per graph (graphology's
 * indexed-brandes habit) and reset only where the last search went.
 *
 * Paths follow the reach direction (out-arcs); predecessors are found again from the in-arcs
 * (v precedes w when v -> w and dist[v] = dist[w] - 1), so no predecessor lists are stored.
 */
import type { Csr } from '../../graph/types.ts';

export interface DependencyAccumulator {
  /** Add the dependencies of every node on `source` to `sum` (and their squares to `sumSq`). */
  addSource(source: number, sum: Float64Array, sumSq: Float64Array | null): void;
}

export function createDependencyAccumulator(csr: Csr): DependencyAccumulator {
  const { n, outOffsets, outTargets, inOffsets, inSources } = csr;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Uint32Array(n);
  return {
    addSource(source, sum, sumSq) {
      let head = 0;
      let tail = 0;
      dist[source] = 0;
      sigma[source] = 1;
      order[tail++] = source;
      while (head < tail) {
        const v = order[head++];
        const next = dist[v] + 1;
        const sv = sigma[v];
        for (let k = outOffsets[v]; k < outOffsets[v + 1]; k++) {
          const w = outTargets[k];
          if (dist[w] < 0) {
            dist[w] = next;
            order[tail++] = w;
          }
          if (dist[w] === next) sigma[w] += sv;
        }
      }
      for (let i = tail - 1; i > 0; i--) {
        const w = order[i];
        const dw = dist[w] - 1;
        const coefficient = (1 + delta[w]) / sigma[w];
        for (let k = inOffsets[w]; k < inOffsets[w + 1]; k++) {
          const v = inSources[k];
          if (dist[v] === dw) delta[v] += sigma[v] * coefficient;
        }
        sum[w] += delta[w];
        if (sumSq) sumSq[w] += delta[w] * delta[w];
      }
      for (let i = 0; i < tail; i++) {
        const v = order[i];
        dist[v] = -1;
        sigma[v] = 0;
        delta[v] = 0;
      }
    },
  };
}
