/**
 * Locality-improving relabellings of a CSR: new node numbers under which a traversal touches
 * nearby memory. Breadth-first order (Cuthill and McKee, "Reducing the bandwidth of sparse
 * symmetric matrices", 1969, without the reversal, which only flips the layout) puts each node's
 * out-neighbours close to each other and to it; degree order packs the hubs, which most arcs point
 * at, into a few cache lines.
 *
 * A relabelling only moves rows: each row keeps its arcs in their original order, so a cascade
 * that walks arcs in row order draws the same random numbers for the same arcs as on the original
 * graph, and its results, mapped back through `toOld`, are identical.
 */
import type { Csr } from './types.ts';

export interface Relabelling {
  /** toNew[old] = new number of node `old`. */
  toNew: Uint32Array;
  /** toOld[new] = original number: the inverse permutation. */
  toOld: Uint32Array;
}

export type RelabelOrder = 'bfs' | 'degree';

function fromOrder(toOld: Uint32Array): Relabelling {
  const toNew = new Uint32Array(toOld.length);
  for (let i = 0; i < toOld.length; i++) toNew[toOld[i]] = i;
  return { toNew, toOld };
}

/** Nodes by decreasing out-degree, ties by index (a counting sort: O(n + max degree)). */
function byDegree(csr: Csr): Uint32Array {
  const { n, outOffsets } = csr;
  let maxDegree = 0;
  for (let v = 0; v < n; v++) maxDegree = Math.max(maxDegree, outOffsets[v + 1] - outOffsets[v]);
  const start = new Uint32Array(maxDegree + 2);
  for (let v = 0; v < n; v++) start[maxDegree - (outOffsets[v + 1] - outOffsets[v]) + 1]++;
  for (let d = 0; d <= maxDegree; d++) start[d + 1] += start[d];
  const order = new Uint32Array(n);
  for (let v = 0; v < n; v++) order[start[maxDegree - (outOffsets[v + 1] - outOffsets[v])]++] = v;
  return order;
}

/** Decreasing out-degree. */
export function degreeOrder(csr: Csr): Relabelling {
  return fromOrder(byDegree(csr));
}

/**
 * Breadth-first order over out-arcs, each new tree rooted at the unvisited node of highest
 * out-degree, neighbours taken in row order: cascades spread along out-arcs, so the nodes one run
 * dequeues one after another sit close together.
 */
export function bfsOrder(csr: Csr): Relabelling {
  const { n, outOffsets, outTargets } = csr;
  const roots = byDegree(csr);
  const visited = new Uint8Array(n);
  const order = new Uint32Array(n);
  let tail = 0;
  let head = 0;
  for (let r = 0; r < n; r++) {
    const root = roots[r];
    if (visited[root]) continue;
    visited[root] = 1;
    order[tail++] = root;
    while (head < tail) {
      const u = order[head++];
      for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) {
        const v = outTargets[k];
        if (visited[v] === 0) {
          visited[v] = 1;
          order[tail++] = v;
        }
      }
    }
  }
  return fromOrder(order);
}

export function relabelling(csr: Csr, order: RelabelOrder): Relabelling {
  return order === 'bfs' ? bfsOrder(csr) : degreeOrder(csr);
}

/**
 * Write the out-rows of `csr` under relabelling `r` into `offsets` (n + 1) and `targets` (arcs),
 * each row's arcs in their original order, and `arcOf[k]` = the original index of new arc k, so
 * per-arc tables can follow (table[arcOf[k]]).
 */
export function relabelRows(
  csr: Csr,
  r: Relabelling,
  offsets: Uint32Array,
  targets: Uint32Array,
  arcOf: Uint32Array | null,
): void {
  const { n, outOffsets, outTargets } = csr;
  const { toNew, toOld } = r;
  let w = 0;
  for (let u = 0; u < n; u++) {
    offsets[u] = w;
    const old = toOld[u];
    const end = outOffsets[old + 1];
    for (let k = outOffsets[old]; k < end; k++) {
      targets[w] = toNew[outTargets[k]];
      if (arcOf) arcOf[w] = k;
      w++;
    }
  }
  offsets[n] = w;
}
