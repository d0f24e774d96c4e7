/**
 * The plain kernels the CSR centralities were first written as, kept as references for the
 * faster ones (src/analysis/centrality/brandes.ts and distances.ts): Brandes' dependencies from one
 * source with a single top-down search and push-style accumulation over the in-arcs, and one
 * breadth-first search per source or pivot.
 */
import type { Csr } from '../../src/graph/types.ts';

/** Brandes (2001): add every node's dependency on `source` to sum (and its square to sumSq). */
export function referenceDependencies(
  csr: Csr,
  source: number,
  sum: Float64Array,
  sumSq: Float64Array | null,
) {
  const { n, outOffsets, outTargets, inOffsets, inSources } = csr;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Uint32Array(n);
  let head = 0;
  let tail = 0;
  dist[source] = 0;
  sigma[source] = 1;
  order[tail++] = source;
  while (head < tail) {
    const v = order[head++];
    for (let k = outOffsets[v]; k < outOffsets[v + 1]; k++) {
      const w = outTargets[k];
      if (dist[w] < 0) {
        dist[w] = dist[v] + 1;
        order[tail++] = w;
      }
      if (dist[w] === dist[v] + 1) sigma[w] += sigma[v];
    }
  }
  for (let i = tail - 1; i > 0; i--) {
    const w = order[i];
    for (let k = inOffsets[w]; k < inOffsets[w + 1]; k++) {
      const v = inSources[k];
      if (dist[v] === dist[w] - 1) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
    }
    sum[w] += delta[w];
    if (sumSq) sumSq[w] += delta[w] * delta[w];
  }
}

/** Distances from `source` along the out-arcs (reach direction), -1 where unreached. */
export function referenceDistances(csr: Csr, source: number, against = false): Int32Array {
  const offsets = against ? csr.inOffsets : csr.outOffsets;
  const targets = against ? csr.inSources : csr.outTargets;
  const dist = new Int32Array(csr.n).fill(-1);
  const queue = new Uint32Array(csr.n);
  let head = 0;
  let tail = 0;
  dist[source] = 0;
  queue[tail++] = source;
  while (head < tail) {
    const v = queue[head++];
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const w = targets[k];
      if (dist[w] < 0) {
        dist[w] = dist[v] + 1;
        queue[tail++] = w;
      }
    }
  }
  return dist;
}
