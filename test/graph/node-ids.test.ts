/**
 * Node ids read one at a time (src/graph/node-ids.ts): each kind of table gives the id of a node
 * and the node of an id exactly as the array of ids would, including ids that look like numbers
 * but are not canonical and ids named like Object.prototype's keys; a snapshot's integer ids are
 * not made into strings until `ids` is read, nor a text file's when all its ids are integers, and
 * reading it gives the file's ids.
 */
import { describe, expect, it } from 'vitest';
import { withInArcs } from '../../src/graph/csr.ts';
import { parseEdgeList } from '../../src/graph/edge-list.ts';
import {
  arrayIds,
  indexIds,
  integerIds,
  lazyIds,
  lazyIdTable,
  type NodeIds,
  nodeIds,
} from '../../src/graph/node-ids.ts';
import { decodeSnapshot, encodeSnapshot, loadedFromSnapshot } from '../../src/graph/snapshot.ts';

/** Every lookup of `table` against the plain array `ids`, and ids that are not there. */
function expectLike(table: NodeIds, ids: readonly string[], absent: readonly string[]): void {
  expect(table.length).toBe(ids.length);
  ids.forEach((id, v) => {
    expect(table.id(v)).toBe(id);
    expect(table.index(id)).toBe(v);
  });
  for (const id of absent) expect(table.index(id), id).toBe(-1);
}

/** Look-alikes of integer ids that name no node: other spellings, other numbers, prototype keys. */
const NOT_INTEGERS = ['', ' 7', '7 ', '07', '+7', '7.0', '7e0', '0x7', '-0', '-7', 'NaN', 'Infinity'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'length', 'valueOf'];

describe('node id tables', () => {
  it('integer codes: each id is its code in decimal, found by its canonical spelling only', () => {
    const codes = Uint32Array.of(7, 0, 4294967295, 12, 100000, 3);
    const ids = ['7', '0', '4294967295', '12', '100000', '3'];
    expectLike(integerIds(codes), ids, [...NOT_INTEGERS, ...PROTOTYPE_KEYS, '4294967296', '1', '99999']);
  });

  it('integer codes: lookups agree with the array on a large scattered table', () => {
    const n = 5000;
    const codes = new Uint32Array(n);
    for (let v = 0; v < n; v++) codes[v] = (v * 2654435761) >>> 0; // distinct: an odd multiplier
    const ids = Array.from(codes, String);
    const table = integerIds(codes);
    expectLike(table, ids, ['1', '2', '4294967294']);
  });

  it('indices: node v is "v", and only 0..n-1 are found', () => {
    expectLike(indexIds(4), ['0', '1', '2', '3'], [...NOT_INTEGERS, ...PROTOTYPE_KEYS, '4', '4294967295']);
  });

  it('arrays: any text, prototype keys included', () => {
    const ids = ['__proto__', 'constructor', 'a b', '07', '7', '', 'toString'];
    expectLike(arrayIds(ids), ids, ['hasOwnProperty', 'valueOf', ' 7', 'A B']);
  });

  it('lazyIds makes the array on first read, once, and nodeIds reads the table before that', () => {
    const made: number[] = [];
    const table: NodeIds = {
      length: 3,
      id: (v) => {
        made.push(v);
        return ['x', 'y', 'z'][v];
      },
      index: (id) => ['x', 'y', 'z'].indexOf(id),
    };
    const graph = lazyIds({ n: 3 }, table);
    expect(nodeIds(graph)).toBe(table);
    expect(nodeIds(graph).id(2)).toBe('z');
    expect(made).toEqual([2]);
    const ids = graph.ids;
    expect(ids).toEqual(['x', 'y', 'z']);
    expect(graph.ids).toBe(ids);
    expect(made).toEqual([2, 0, 1, 2]);
    expect(Object.keys(graph)).toEqual(['n', 'ids']);
    expect(JSON.parse(JSON.stringify(graph))).toEqual({ n: 3, ids: ['x', 'y', 'z'] });
  });

  it('assigning ids replaces the table', () => {
    const graph = lazyIds({}, indexIds(2));
    graph.ids = ['a', 'b'];
    expect(lazyIdTable(graph)).toBeUndefined();
    expect(nodeIds(graph).index('b')).toBe(1);
    expect(nodeIds(graph).index('1')).toBe(-1);
  });

  it('nodeIds of a graph with an array keeps one table per graph', () => {
    const graph = { ids: ['p', 'q'] };
    expect(nodeIds(graph)).toBe(nodeIds(graph));
    expect(nodeIds(graph).index('q')).toBe(1);
  });
});

describe('snapshot ids', () => {
  // A path 0 -> 1 -> 2 -> 3 whose nodes have these ids.
  const offsets = Uint32Array.of(0, 1, 2, 3, 3);
  const targets = Uint32Array.of(1, 2, 3);
  const csr = withInArcs({
    n: 4,
    directed: true,
    outOffsets: offsets,
    outTargets: targets,
    outValues: null,
    values: null,
  });

  it('integer ids stay codes until read', () => {
    const ids = ['40', '3', '4294967295', '0'];
    const loaded = loadedFromSnapshot(decodeSnapshot(encodeSnapshot({ csr, ids }), 'g'), 'g');
    const table = lazyIdTable(loaded);
    expect(table).toBeDefined();
    expect(nodeIds(loaded)).toBe(table);
    expectLike(nodeIds(loaded), ids, ['1', '040', '__proto__']);
    expect(loaded.ids).toEqual(ids);
  });

  it('text ids are the array itself', () => {
    const ids = ['__proto__', '07', 'b', '7'];
    const loaded = loadedFromSnapshot(decodeSnapshot(encodeSnapshot({ csr, ids }), 'g'), 'g');
    expect(lazyIdTable(loaded)).toBeUndefined();
    expect(loaded.ids).toEqual(ids);
    expectLike(nodeIds(loaded), ids, ['0', '1', 'constructor']);
  });

  it('without an id table the ids are the indices', () => {
    const loaded = loadedFromSnapshot(decodeSnapshot(encodeSnapshot({ csr }), 'g'), 'g');
    expectLike(nodeIds(loaded), ['0', '1', '2', '3'], ['4', '00']);
    expect(loaded.ids).toEqual(['0', '1', '2', '3']);
  });
});

describe('edge-list ids', () => {
  const load = (text: string) =>
    parseEdgeList(new TextEncoder().encode(text), {
      file: 'g.txt',
      direction: 'influences',
      edgeValues: 'probability',
      header: 'auto',
      gzip: false,
    });

  it('integer ids stay codes until read, in the order the file names them', () => {
    const loaded = load('# a comment\n40 3\n3 2147483647\n0 40\n');
    const ids = ['40', '3', '2147483647', '0'];
    expect(lazyIdTable(loaded)).toBeDefined();
    expectLike(nodeIds(loaded), ids, ['1', '040', '+3', '__proto__']);
    expect(loaded.ids).toEqual(ids);
  });

  it('string ids stay bytes until read: one at a time, or all at once, as the file writes them', () => {
    const text = '40 03\n03 __proto__\n7 40\n2147483648 "user 1"\n';
    const ids = ['40', '03', '__proto__', '7', '2147483648', 'user 1'];
    const one = load(text);
    expect(lazyIdTable(one)).toBeDefined();
    // Each id read on its own first, then the array.
    expectLike(nodeIds(one), ids, ['3', '040', 'constructor', 'user', '2147483647']);
    expect(one.ids).toEqual(ids);
    // The array first, then the lookups.
    const all = load(text);
    expect(all.ids).toEqual(ids);
    expectLike(nodeIds(all), ids, ['3', 'constructor']);
  });

  it('string ids that are not ASCII, one of them led by a BOM, read one at a time as all at once', () => {
    const text = 'é 甲\n\ufeffx 乙\n1 é\n';
    const ids = ['é', '甲', 'x', '乙', '1']; // a BOM leading an id is dropped, as the decoder does
    expectLike(nodeIds(load(text)), ids, ['\ufeffx', 'e']);
    expect(load(text).ids).toEqual(ids);
  });
});
