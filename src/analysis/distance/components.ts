/**
 * Weakly and strongly connected components of a CSR graph, in O(n + m) and without recursion.
 *
 * Weak components ignore direction (union-find with path halving over the out-arcs, which list
 * every arc once). Strong components follow the reach direction: Tarjan's algorithm (R. Tarjan,
 * Depth-first search and linear graph algorithms, SIAM J. Computing 1(2), 1972) with an explicit
 * call stack, so a long path of a million nodes cannot overflow the JavaScript stack.
 * For undirected graphs every arc is stored both ways, so strong components equal weak ones.
 */
import type { Csr } from '../../graph/types.ts';

export interface Components {
  /** Number of components. */
  count: number;
  /** Component of each node, 0..count-1, numbered in order of their smallest node index. */
  label: Int32Array;
  /** Nodes in each component. */
  sizes: Uint32Array;
  /** The largest component (the first one in numbering order on ties). */
  largest: number;
  largestSize: number;
}

function finish(label: Int32Array, count: number): Components {
  const sizes = new Uint32Array(count);
  for (let v = 0; v < label.length; v++) sizes[label[v]]++;
  let largest = 0;
  for (let c = 1; c < count; c++) if (sizes[c] > sizes[largest]) largest = c;
  return { count, label, sizes, largest, largestSize: count > 0 ? sizes[largest] : 0 };
}

/** Relabel arbitrary component ids so components are numbered by their smallest node. */
function renumber(raw: Int32Array): { label: Int32Array; count: number } {
  const n = raw.length;
  const map = new Int32Array(n).fill(-1);
  const label = new Int32Array(n);
  let count = 0;
  for (let v = 0; v < n; v++) {
    const r = raw[v];
    if (map[r] < 0) map[r] = count++;
    label[v] = map[r];
  }
  return { label, count };
}

/** Weakly connected components (direction ignored). */
export function weakComponents(csr: Csr): Components {
  const { n, outOffsets, outTargets } = csr;
  const parent = new Int32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let u = 0; u < n; u++) {
    for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) {
      const a = find(u);
      const b = find(outTargets[k]);
      if (a !== b) {
        if (a < b) parent[b] = a;
        else parent[a] = b;
      }
    }
  }
  const raw = new Int32Array(n);
  for (let v = 0; v < n; v++) raw[v] = find(v);
  const { label, count } = renumber(raw);
  return finish(label, count);
}

/** Strongly connected components along the reach direction (iterative Tarjan). */
export function strongComponents(csr: Csr): Components {
  const { n, outOffsets, outTargets } = csr;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const calls = new Int32Array(n);
  const edge = new Uint32Array(n);
  const raw = new Int32Array(n);
  let sp = 0;
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let cp = 0;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    edge[root] = outOffsets[root];
    calls[cp++] = root;
    while (cp > 0) {
      const v = calls[cp - 1];
      if (edge[v] < outOffsets[v + 1]) {
        const w = outTargets[edge[v]++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          edge[w] = outOffsets[w];
          calls[cp++] = w;
        } else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      cp--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          raw[w] = components;
        } while (w !== v);
        components++;
      }
      if (cp > 0) {
        const u = calls[cp - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  const { label, count } = renumber(raw);
  return finish(label, count);
}

/** The component summary `ripple stats` prints. */
export interface ComponentSummary {
  weak: number;
  largestWeak: number;
  strong: number;
  largestStrong: number;
}

export function componentSummary(weak: Components, strong: Components): ComponentSummary {
  return {
    weak: weak.count,
    largestWeak: weak.largestSize,
    strong: strong.count,
    largestStrong: strong.largestSize,
  };
}
