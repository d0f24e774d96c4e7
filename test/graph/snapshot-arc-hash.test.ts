/**
 * The snapshot arc pass in WebAssembly (src/graph/snapshot-arc-hash.ts), on hand-laid arrays: a
 * sound CSR passes with equal sums on both sides, and each kind of damage it checks arc by arc
 * fails its pass (values out of range or not finite, offsets decreasing or beyond the arcs, arcs
 * out of range, self-loops, in-lists out of order); an arc moved so that every check still holds
 * changes the sums. The same in a memory the bytes were read into, in a shared one, and in a copy.
 */
import { describe, expect, it } from 'vitest';
import { type ArcSections, arcHashSums, snapshotMemory } from '../../src/graph/snapshot-arc-hash.ts';

interface Arrays {
  n: number;
  outOffsets: number[];
  outTargets: number[];
  inOffsets: number[];
  inSources: number[];
  outValues?: number[];
  inValues?: number[];
  directed?: boolean;
  probability?: boolean;
}

/** The arrays laid out one after another (8-byte aligned) in `bytes`, at `base`. */
function lay(a: Arrays, into: (size: number) => Uint8Array, base = 0): ArcSections {
  const arcs = a.outTargets.length;
  const pad = (x: number) => Math.ceil(x / 8) * 8;
  let at = base;
  const place = (bytes: number) => {
    const start = at;
    at += pad(bytes);
    return start;
  };
  const outOffsets = place(4 * (a.n + 1));
  const outTargets = place(4 * arcs);
  const outValues = a.outValues ? place(8 * arcs) : at;
  const inOffsets = place(4 * (a.n + 1));
  const inSources = place(4 * arcs);
  const inValues = a.inValues ? place(8 * arcs) : at;
  const bytes = into(at);
  const buffer = bytes.buffer;
  new Uint32Array(buffer, outOffsets, a.n + 1).set(a.outOffsets);
  new Uint32Array(buffer, outTargets, arcs).set(a.outTargets);
  new Uint32Array(buffer, inOffsets, a.n + 1).set(a.inOffsets);
  new Uint32Array(buffer, inSources, arcs).set(a.inSources);
  if (a.outValues) new Float64Array(buffer, outValues, arcs).set(a.outValues);
  if (a.inValues) new Float64Array(buffer, inValues, arcs).set(a.inValues);
  return {
    buffer,
    n: a.n,
    arcs,
    directed: a.directed ?? true,
    probability: a.outValues ? (a.probability ?? true) : null,
    outOffsets,
    outTargets,
    outValues,
    inOffsets,
    inSources,
    inValues,
  };
}

const plain = (size: number) => new Uint8Array(size + 16);
const memory = (size: number) => new Uint8Array(snapshotMemory(size + 16, false).buffer);
const sharedMemory = (size: number) => new Uint8Array(snapshotMemory(size + 16, true).buffer);

// 0 -> 1, 0 -> 2, 1 -> 2, 3 -> 0: in-lists 0: [3], 1: [0], 2: [0, 1].
const directed: Arrays = {
  n: 4,
  outOffsets: [0, 2, 3, 3, 4],
  outTargets: [1, 2, 2, 0],
  inOffsets: [0, 1, 2, 4, 4],
  inSources: [3, 0, 0, 1],
};
const valued: Arrays = { ...directed, outValues: [0.5, 1, 0, 0.25], inValues: [0.25, 0.5, 1, 0] };
// The undirected edges 0-1, 1-2: out-lists 0: [1], 1: [0, 2], 2: [1], and the same in-lists.
const undirected: Arrays = {
  n: 3,
  directed: false,
  outOffsets: [0, 1, 3, 4],
  outTargets: [1, 0, 2, 1],
  inOffsets: [0, 1, 3, 4],
  inSources: [1, 0, 2, 1],
};

function sums(a: Arrays, into = memory, base = 0): Int32Array | null {
  return arcHashSums(lay(a, into, base));
}

/** A sound graph's sums: in-arcs the same multiset as out-arcs (and their reverse, undirected). */
function expectSound(a: Arrays, into = memory, base = 0): Int32Array {
  const s = sums(a, into, base);
  expect(s).not.toBeNull();
  const got = s as Int32Array;
  expect([got[2], got[3]]).toEqual([got[0], got[1]]);
  if (a.directed === false) expect([got[4], got[5]]).toEqual([got[0], got[1]]);
  expect(got[0] === 0 && got[1] === 0).toBe(false);
  return got;
}

describe('snapshot arc pass (WebAssembly)', () => {
  it('passes sound graphs, in a memory read into, a shared one, or a copy at any 8-byte offset', () => {
    for (const a of [directed, valued, undirected, { ...valued, probability: false }]) {
      const first = expectSound(a);
      expect(expectSound(a, sharedMemory)).toEqual(first);
      expect(expectSound(a, plain, 8)).toEqual(first);
    }
  });

  const damages: [string, Arrays][] = [
    ['an out-offset decreasing', { ...directed, outOffsets: [0, 2, 1, 3, 4] }],
    ['an out-offset beyond the arcs', { ...directed, outOffsets: [0, 2, 5, 3, 4] }],
    ['an in-offset decreasing', { ...directed, inOffsets: [0, 1, 0, 4, 4] }],
    ['a target beyond the nodes', { ...directed, outTargets: [1, 4, 2, 0] }],
    ['a source beyond the nodes', { ...directed, inSources: [3, 0, 0, 7] }],
    ['a self-loop', { ...directed, outTargets: [0, 2, 2, 0] }],
    ['an in-list out of order', { ...directed, inSources: [3, 0, 1, 0] }],
    ['an in-list with a repeated source', { ...directed, inSources: [3, 0, 0, 0] }],
    ['a value NaN', { ...valued, outValues: [0.5, Number.NaN, 0, 0.25] }],
    ['a value infinite', { ...valued, probability: false, inValues: [0.25, Number.POSITIVE_INFINITY, 1, 0] }],
    ['a weight below 0', { ...valued, probability: false, outValues: [0.5, 1, -0.001, 0.25] }],
    ['a probability above 1', { ...valued, inValues: [0.25, 0.5, 1.5, 0] }],
  ];
  for (const [what, a] of damages)
    it(`fails a pass on ${what}`, () => {
      expect(sums(a)).toBeNull();
      expect(sums(a, plain, 8)).toBeNull();
    });

  it('rows of four arcs and more (taken four at a time): sound, and each damage caught in any lane', () => {
    // 0 -> 1..9 and 2 -> 0, 3 -> 0, 5 -> 0, 7 -> 0, 9 -> 0: out-list of 0 nine long (two quads and one
    // more), in-list of 0 five long (a quad and one more).
    const n = 10;
    const outTargets = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0, 0, 0];
    const outOffsets = [0, 9, 9, 10, 11, 11, 12, 12, 13, 13, 14];
    const inSources = [2, 3, 5, 7, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const inOffsets = [0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
    const star: Arrays = { n, outOffsets, outTargets, inOffsets, inSources };
    expectSound(star);
    expectSound({ ...star, directed: false, ...undirectedStar() });
    const at = (list: number[], k: number, x: number) => list.map((y, i) => (i === k ? x : y));
    for (let k = 0; k < 9; k++) {
      expect(sums({ ...star, outTargets: at(outTargets, k, n) }), `target ${k} beyond`).toBeNull();
      expect(sums({ ...star, outTargets: at(outTargets, k, 0) }), `self-loop at ${k}`).toBeNull();
    }
    for (let j = 0; j < 5; j++)
      expect(sums({ ...star, inSources: at(inSources, j, 10) }), `source ${j}`).toBeNull();
    // Out of order inside the quad, across the quad and the arc after it, and repeated.
    expect(sums({ ...star, inSources: [3, 2, 5, 7, 9, ...inSources.slice(5)] })).toBeNull();
    expect(sums({ ...star, inSources: [2, 3, 5, 7, 6, ...inSources.slice(5)] })).toBeNull();
    expect(sums({ ...star, inSources: [2, 3, 5, 5, 9, ...inSources.slice(5)] })).toBeNull();
    expect(sums({ ...star, inSources: [2, 3, 5, 9, 9, ...inSources.slice(5)] })).toBeNull();
    // Sound arcs in other places: in-range, ascending, but not the transpose.
    const moved = sums({ ...star, inSources: [2, 3, 5, 7, 8, ...inSources.slice(5)] }) as Int32Array;
    expect([moved[2], moved[3]]).not.toEqual([moved[0], moved[1]]);
  });

  it('accepts weights above 1', () => {
    expectSound({ ...valued, probability: false, outValues: [5, 1, 0, 0.25], inValues: [0.25, 5, 1, 0] });
  });

  it('threads sharing a counter take the blocks left; one that meets a problem takes them all', () => {
    // An undirected path of 40,000 nodes: 3 blocks of rows per pass, three passes, 9 blocks.
    const n = 40000;
    const offsets = [0];
    const targets: number[] = [];
    for (let v = 0; v < n; v++) {
      if (v > 0) targets.push(v - 1);
      if (v < n - 1) targets.push(v + 1);
      offsets.push(targets.length);
    }
    const path: Arrays = {
      n,
      directed: false,
      outOffsets: offsets,
      outTargets: targets,
      inOffsets: offsets,
      inSources: targets,
    };
    const sections = lay(path, sharedMemory);
    const alone = expectSound(path, sharedMemory);
    const blocks = new Int32Array(new SharedArrayBuffer(4));
    expect(arcHashSums(sections, blocks)).toEqual(alone);
    expect(Atomics.load(blocks, 0)).toBe(10); // 9 blocks taken, then one look past the end
    expect(arcHashSums(sections, blocks)).toEqual(new Int32Array(6)); // none left for a second thread
    Atomics.store(blocks, 0, 6); // another thread took the first 6 (the out and in passes)
    const rest = arcHashSums(sections, blocks) as Int32Array;
    expect(Array.from(rest.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(Array.from(rest.subarray(4))).toEqual(Array.from(alone.subarray(4)));
    const bad = lay({ ...path, outTargets: targets.map((t, k) => (k === 5 ? n : t)) }, sharedMemory);
    const stop = new Int32Array(new SharedArrayBuffer(4));
    expect(arcHashSums(bad, stop)).toBeNull();
    expect(Atomics.load(stop, 0)).toBeGreaterThanOrEqual(9);
  });

  it('sums differ when an arc is moved and every arc-by-arc check still holds', () => {
    // In-list of 2 names 0 and 3 instead of 0 and 1: in range, ascending, no self-loop.
    const s = sums({ ...directed, inSources: [3, 0, 0, 3] }) as Int32Array;
    expect(s).not.toBeNull();
    expect([s[2], s[3]]).not.toEqual([s[0], s[1]]);
    // A value moved to another arc.
    const v = sums({ ...valued, inValues: [0.5, 0.25, 1, 0] }) as Int32Array;
    expect([v[2], v[3]]).not.toEqual([v[0], v[1]]);
    // Undirected, one direction of an edge replaced: 2 -> 0 instead of 2 -> 1 (in-lists to match).
    const u = sums({
      ...undirected,
      outTargets: [1, 0, 2, 0],
      inOffsets: [0, 2, 3, 4],
      inSources: [1, 2, 0, 1],
    }) as Int32Array;
    expect([u[2], u[3]]).toEqual([u[0], u[1]]);
    expect([u[4], u[5]]).not.toEqual([u[0], u[1]]);
  });
});

/** The star 0 - 1..9 as an undirected graph: out-lists and in-lists the same. */
function undirectedStar(): Pick<Arrays, 'outOffsets' | 'outTargets' | 'inOffsets' | 'inSources'> {
  const outTargets = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const outOffsets = [0, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
  return { outOffsets, outTargets, inOffsets: outOffsets, inSources: outTargets };
}
