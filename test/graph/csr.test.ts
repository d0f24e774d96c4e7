/**
 * compileCsr on a graph small enough to work out by hand: seven records with a duplicate arc, a
 * self-loop and an edge given both ways, in every direction, with and without values, and with
 * the caller's arrays given up (`reuse`, which takes the two-loop scatters) or kept.
 */
import { describe, expect, it } from 'vitest';
import { compileCsr } from '../../src/graph/csr.ts';
import type { Direction } from '../../src/graph/types.ts';

// 0->1, 0->2, 1->2, 2->0, 0->1 (duplicate), 1->1 (self-loop), 2->1
const SRC = [0, 0, 1, 2, 0, 1, 2];
const DST = [1, 2, 2, 0, 1, 1, 1];
const VALUES = [0.5, 0.2, 0.3, 0.4, 0.5, 0.9, 0.1];

function compile(direction: Direction, reuse: boolean, values: boolean) {
  const src = Uint32Array.from(SRC);
  const dst = Uint32Array.from(DST);
  const compiled = compileCsr(
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

  for (const reuse of [false, true]) {
    describe(reuse ? 'with the records given up' : 'with the records kept', () => {
      it('influences: rows by source, the duplicate merged, in-lists ascending', () => {
        expect(compile('influences', reuse, false)).toEqual({
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
        expect(compile('follows', reuse, false)).toMatchObject({
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
        expect(compile('undirected', reuse, false)).toMatchObject({
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
        expect(compile('influences', reuse, true)).toEqual({
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
