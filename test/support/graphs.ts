/** Tiny graphs for tests, compiled through the real CSR compiler. */
import { compileCsr } from '../../src/graph/csr.ts';
import type { Csr, Direction } from '../../src/graph/types.ts';

export function csrOf(
  n: number,
  pairs: [number, number][],
  direction: Direction = 'influences',
  values: number[] | null = null,
  valueKind: 'probability' | 'weight' = 'probability',
): Csr {
  return compileCsr(
    {
      n,
      count: pairs.length,
      src: Uint32Array.from(pairs.map((p) => p[0])),
      dst: Uint32Array.from(pairs.map((p) => p[1])),
      values: values ? Float64Array.from(values) : null,
      valueKind: values ? valueKind : null,
    },
    direction,
  ).csr;
}

/** Arcs of a CSR as [u, v] pairs in CSR order. */
export function arcsOf(csr: Csr): [number, number][] {
  const out: [number, number][] = [];
  for (let u = 0; u < csr.n; u++) {
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) out.push([u, csr.outTargets[k]]);
  }
  return out;
}

/** A graph of n nodes and m arcs whose ends are drawn one after the other by `draw(n)`. */
export function randomArcsGraph(
  n: number,
  m: number,
  draw: (n: number) => number,
  direction: Direction = 'influences',
): Csr {
  const pairs: [number, number][] = [];
  for (let i = 0; i < m; i++) pairs.push([draw(n), draw(n)]);
  return csrOf(n, pairs, direction);
}

/** A tiny LCG drawing integers in [0, n): test graphs fixed by one number. */
export function lcgDraw(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % n;
  };
}

/** Plain queue BFS from s along out-arcs: the distance of every node, -1 if unreachable. */
export function referenceBfs(csr: Csr, s: number): Int32Array {
  const dist = new Int32Array(csr.n).fill(-1);
  const queue = [s];
  dist[s] = 0;
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i];
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) {
      const v = csr.outTargets[k];
      if (dist[v] < 0) {
        dist[v] = dist[u] + 1;
        queue.push(v);
      }
    }
  }
  return dist;
}
