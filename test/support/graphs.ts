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
