/**
 * compileCsr on a graph small enough to work out by hand: seven records with a duplicate arc, a
 * self-loop and an edge given both ways, in every direction, with and without values, and with
 * the caller's arrays given up (`reuse`, which takes the two-loop scatters) or kept; graphs without
 * values both through the JS loops and the WebAssembly ones (csr-wasm.ts, which compileCsr takes
 * only from COMPILED_CSR_MIN_RECORDS records on). Then random graphs, the two ways alike.
 */
import { describe, expect, it } from 'vitest';
import { type CompiledGraph, compileCsr, type EdgeRecords } from '../../src/graph/csr.ts';
import {
  COMPILED_CSR_MIN_RECORDS,
  COMPILED_CSR_RECORDS,
  compileCsrCompiled,
} from '../../src/graph/csr-wasm.ts';
import type { Direction } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';

// 0->1, 0->2, 1->2, 2->0, 0->1 (duplicate), 1->1 (self-loop), 2->1
const SRC = [0, 0, 1, 2, 0, 1, 2];
const DST = [1, 2, 2, 0, 1, 1, 1];
const VALUES = [0.5, 0.2, 0.3, 0.4, 0.5, 0.9, 0.1];

/** compileCsr, or with `wasm` (and no values) the WebAssembly loops whatever the size. */
function compileWith(records: EdgeRecords, direction: Direction, wasm: boolean): CompiledGraph {
  if (!wasm || records.values) return compileCsr(records, direction);
  const compiled = compileCsrCompiled(records, direction, 0);
  if (!compiled) throw new Error('the WebAssembly loops declined');
  return compiled;
}

function compile(direction: Direction, reuse: boolean, values: boolean, wasm: boolean) {
  const src = Uint32Array.from(SRC);
  const dst = Uint32Array.from(DST);
  const compiled = compileWith(
    {
      n: 3,
      count: SRC.length,
      src,
      dst,
      values: values ? Float64Array.from(VALUES) : null,
      valueKind: values ? 'probability' : null,
      reuse,
    },
    direction,
    wasm,
  );
  const { csr } = compiled;
  return {
    counts: [compiled.selfLoops, compiled.duplicateEdges, compiled.edges, csr.arcs],
    out: [Array.from(csr.outOffsets), Array.from(csr.outTargets)],
    in: [Array.from(csr.inOffsets), Array.from(csr.inSources)],
    outValues: csr.outValues && Array.from(csr.outValues, (v) => +v.toFixed(12)),
    inValues: csr.inValues && Array.from(csr.inValues, (v) => +v.toFixed(12)),
  };
}

describe('compileCsr', () => {
  it('with no self-loop or duplicate, the given-up records hold the in-arcs and the places at once', () => {
    // 0->1, 1->2, 2->0, 0->2: src has exactly one entry per arc (it becomes the in-arc sources)
    const src = Uint32Array.from([0, 1, 2, 0]);
    const dst = Uint32Array.from([1, 2, 0, 2]);
    const { csr } = compileCsr(
      { n: 3, count: 4, src, dst, values: null, valueKind: null, reuse: true },
      'influences',
    );
    expect([Array.from(csr.outOffsets), Array.from(csr.outTargets)]).toEqual([
      [0, 2, 3, 4],
      [1, 2, 2, 0],
    ]);
    expect([Array.from(csr.inOffsets), Array.from(csr.inSources)]).toEqual([
      [0, 1, 2, 4],
      [2, 0, 0, 1],
    ]);
  });

  for (const [reuse, wasm] of [
    [false, true],
    [true, true],
    [false, false],
    [true, false],
  ]) {
    describe(`${reuse ? 'with the records given up' : 'with the records kept'}, ${wasm ? 'WebAssembly loops' : 'JS loops'}`, () => {
      it('influences: rows by source, the duplicate merged, in-lists ascending', () => {
        expect(compile('influences', reuse, false, wasm)).toEqual({
          counts: [1, 1, 5, 5],
          out: [
            [0, 2, 3, 5],
            [1, 2, 2, 0, 1],
          ],
          in: [
            [0, 1, 3, 5],
            [2, 0, 2, 0, 1],
          ],
          outValues: null,
          inValues: null,
        });
      });

      it('follows: every arc reversed', () => {
        expect(compile('follows', reuse, false, wasm)).toMatchObject({
          counts: [1, 1, 5, 5],
          out: [
            [0, 1, 3, 5],
            [2, 0, 2, 0, 1],
          ],
          in: [
            [0, 2, 3, 5],
            [1, 2, 2, 0, 1],
          ],
        });
      });

      it('undirected: three edges, stored both ways', () => {
        expect(compile('undirected', reuse, false, wasm)).toMatchObject({
          counts: [1, 3, 3, 6],
          out: [
            [0, 2, 4, 6],
            [1, 2, 0, 2, 0, 1],
          ],
          in: [
            [0, 2, 4, 6],
            [1, 2, 0, 2, 0, 1],
          ],
        });
      });

      it('values: duplicates merge as independent chances, in-values follow their arcs', () => {
        expect(compile('influences', reuse, true, wasm)).toEqual({
          counts: [1, 1, 5, 5],
          out: [
            [0, 2, 3, 5],
            [1, 2, 2, 0, 1],
          ],
          in: [
            [0, 1, 3, 5],
            [2, 0, 2, 0, 1],
          ],
          outValues: [0.75, 0.2, 0.3, 0.4, 0.1],
          inValues: [0.4, 0.75, 0.1, 0.2, 0.3],
        });
      });
    });
  }
});

describe('compileCsr, WebAssembly and JS loops alike', () => {
  const graph = (seed: number) => {
    const r = new Rng(seed);
    const n = 1 + r.below(seed % 3 === 0 ? 5 : 300);
    const count = 1 + r.below(2000);
    const src = Uint32Array.from({ length: count }, () => r.below(n));
    const dst = Uint32Array.from({ length: count }, (_, i) => (r.below(4) === 0 ? src[i] : r.below(n)));
    return { n, count, src, dst };
  };
  const compiled = (seed: number, direction: Direction, reuse: boolean, wasm: boolean) => {
    const { n, count, src, dst } = graph(seed);
    const c = compileWith({ n, count, src, dst, values: null, valueKind: null, reuse }, direction, wasm);
    const { csr } = c;
    return [
      c.selfLoops,
      c.duplicateEdges,
      c.edges,
      csr.arcs,
      csr.directed,
      [...csr.outOffsets],
      [...csr.outTargets],
      [...csr.inOffsets],
      [...csr.inSources],
      csr.outValues,
      csr.inValues,
      // Arrays of their own (transferable), exactly as long as they say.
      csr.outTargets.buffer.byteLength === 4 * csr.arcs && csr.inSources.buffer.byteLength === 4 * csr.arcs,
    ];
  };

  it('give the same arrays on random graphs with self-loops and duplicates, in every direction', () => {
    for (let seed = 1; seed <= 120; seed++) {
      for (const direction of ['influences', 'follows', 'undirected'] as const) {
        const reuse = seed % 2 === 0;
        const fast = compiled(seed, direction, reuse, true);
        const plain = compiled(seed, direction, reuse, false);
        // The JS loops may hand out views of larger arrays: compare all but that flag.
        expect(fast.slice(0, -1), `seed ${seed} ${direction}`).toEqual(plain.slice(0, -1));
        expect(fast.at(-1), `seed ${seed} ${direction}`).toBe(true);
      }
    }
  });

  it('takes graphs of COMPILED_CSR_MIN_RECORDS to COMPILED_CSR_RECORDS records, others the JS loops', () => {
    // Distinct arcs, with every 100th record repeating the one before it.
    const csrOf = (count: number) => {
      const at = (i: number) => (i % 100 === 99 ? i - 1 : i);
      const src = new Uint32Array(count).map((_, i) => at(i) % 1000);
      const dst = new Uint32Array(count).map((_, i) => Math.floor(at(i) / 1000));
      return compileCsr({ n: 1000, count, src, dst, values: null, valueKind: null }, 'influences').csr;
    };
    // The compiled path copies out exactly the arcs; the JS one keeps its targets array when few
    // records were duplicates.
    for (const count of [COMPILED_CSR_MIN_RECORDS, COMPILED_CSR_RECORDS]) {
      const csr = csrOf(count);
      expect(csr.outTargets.buffer.byteLength).toBe(4 * csr.arcs);
    }
    for (const count of [COMPILED_CSR_MIN_RECORDS - 1, COMPILED_CSR_RECORDS + 1]) {
      const csr = csrOf(count);
      expect(csr.outTargets.buffer.byteLength).toBeGreaterThan(4 * csr.arcs);
    }
  });
});
