/**
 * Graph snapshots (src/graph/snapshot.ts): a snapshot decodes to the graph it was made from, array
 * for array, for every kind of graph the loaders produce; `--graph G.rsnap` gives every command
 * the same answers as the text file; and each kind of damage is one LoadError naming the file,
 * including damage made to look valid (the content hash recomputed).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { withInArcs } from '../../src/graph/csr.ts';
import { LoadError } from '../../src/graph/load-error.ts';
import {
  arcChecksAsRead,
  arcPassSums,
  decodeSnapshot,
  decodeSnapshotWith,
  encodeSnapshot,
  hash128,
  isSnapshot,
  loadedFromSnapshot,
  SNAPSHOT_MAGIC,
  type SnapshotArcs,
  sha256Js,
  snapshotArcProblem,
  snapshotScratchBytes,
  useSha256,
} from '../../src/graph/snapshot.ts';
import { snapshotMemory } from '../../src/graph/snapshot-arc-hash.ts';
import type { Csr, LoadedGraph } from '../../src/graph/types.ts';
import { json, ROOT, ripple, scratchFiles } from '../support/cli.ts';
import { FIXTURES, load } from './support.ts';

const write = scratchFiles('ripple-snapshot-');

function snapshotOf(g: LoadedGraph): Uint8Array {
  const { file: _file, ...report } = g.report;
  return encodeSnapshot({ csr: g.csr, ids: g.ids, labels: g.labels, positions: g.positions, report });
}

function expectSameCsr(a: Csr, b: Csr): void {
  expect(b.n).toBe(a.n);
  expect(b.arcs).toBe(a.arcs);
  expect(b.directed).toBe(a.directed);
  expect(b.values).toBe(a.values);
  for (const key of [
    'outOffsets',
    'outTargets',
    'inOffsets',
    'inSources',
    'outValues',
    'inValues',
  ] as const) {
    const x = a[key];
    const y = b[key];
    expect(y === null ? null : Array.from(y), key).toEqual(x === null ? null : Array.from(x));
  }
}

/** Rewrite the content hash after an edit, so the damage is only what the edit did. */
function rehash(bytes: Uint8Array): Uint8Array {
  bytes.set(hash128(bytes, 64, bytes.length), 40);
  return bytes;
}

const u32 = (bytes: Uint8Array, at: number) =>
  new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);
const setU32 = (bytes: Uint8Array, at: number, value: number) =>
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value, true);

/** Every damaged snapshot problem() saw, for the two-thread decoder to be checked on. */
const damaged: Uint8Array[] = [];

function problem(bytes: Uint8Array): string {
  damaged.push(bytes.slice());
  try {
    decodeSnapshot(bytes, 'g.rsnap');
  } catch (e) {
    expect(e).toBeInstanceOf(LoadError);
    expect((e as LoadError).file).toBe('g.rsnap');
    return (e as Error).message;
  }
  throw new Error('decoded');
}

describe('snapshot round trip', () => {
  const cases: [string, () => Promise<LoadedGraph>][] = [
    [
      'karate (undirected, integer ids)',
      () => readGraphFile('datasets/karate.txt', { direction: 'undirected' }),
    ],
    [
      'weights (directed, probabilities merged)',
      () =>
        readGraphFile(new URL('weights.txt', FIXTURES).pathname, {
          direction: 'influences',
          edgeValues: 'weight',
        }),
    ],
    ['GEXF with labels and positions', () => readGraphFile(new URL('small.gexf', FIXTURES).pathname)],
    ['JSON', () => readGraphFile(new URL('small.json', FIXTURES).pathname)],
    [
      'string ids with odd characters',
      () =>
        load(
          '{"nodes":[{"key":"a\\u0000b"},{"key":"\u00e9t\u00e9 \\"q\\""},{"key":"7"}],"edges":[{"source":"7","target":"a\\u0000b"}]}',
          {
            file: 'odd.json',
          },
        ),
    ],
    [
      'an isolated node',
      () =>
        load('{"nodes":[{"key":"solo"},{"key":"a"},{"key":"b"}],"edges":[{"source":"a","target":"b"}]}', {
          file: 'one.json',
        }),
    ],
  ];
  for (const [name, make] of cases) {
    it(name, async () => {
      const g = await make();
      const bytes = snapshotOf(g);
      expect(isSnapshot(bytes)).toBe(true);
      const decoded = decodeSnapshot(bytes, 'g.rsnap');
      expectSameCsr(g.csr, decoded.csr);
      expect(decoded.ids).toEqual(g.ids);
      expect(decoded.labels).toEqual(g.labels);
      expect(decoded.positions === null ? null : Array.from(decoded.positions)).toEqual(
        g.positions === null ? null : Array.from(g.positions),
      );
      const { file: _file, ...report } = g.report;
      expect(decoded.report).toEqual(report);
      expect(loadedFromSnapshot(decoded, 'g.rsnap').report).toEqual({ ...report, file: 'g.rsnap' });
      // The same graph gives the same bytes, so the hash names the content.
      expect(snapshotOf(g)).toEqual(bytes);
      // A copy at an odd byte offset decodes the same (typed-array views need alignment).
      const odd = new Uint8Array(bytes.length + 3);
      odd.set(bytes, 3);
      expectSameCsr(g.csr, decodeSnapshot(odd.subarray(3), 'g.rsnap').csr);
    });
  }

  it('a CSR-only snapshot (what cluster workers receive) decodes with index ids', async () => {
    const g = await readGraphFile('datasets/karate.txt', { direction: 'undirected' });
    const decoded = decodeSnapshot(encodeSnapshot({ csr: g.csr }), 'worker');
    expectSameCsr(g.csr, decoded.csr);
    expect(decoded.ids).toBeNull();
    expect(loadedFromSnapshot(decoded, 'worker').ids[5]).toBe('5');
  });
});

describe('damaged snapshots are one LoadError naming the file', () => {
  let good: Uint8Array;
  let directed: Uint8Array;
  const fresh = () => good.slice();
  it('setup', async () => {
    good = snapshotOf(await readGraphFile('datasets/karate.txt', { direction: 'undirected' }));
    directed = snapshotOf(
      await readGraphFile(new URL('weights.txt', FIXTURES).pathname, {
        direction: 'influences',
        edgeValues: 'weight',
      }),
    );
  });

  it('wrong magic, truncated, trailing data, wrong version', () => {
    const magic = fresh();
    magic[1] = 0x41;
    expect(problem(magic)).toMatch(/^g\.rsnap: graph snapshot: not a Ripple graph snapshot/);
    expect(problem(good.subarray(0, 30))).toMatch(/truncated: 30 bytes/);
    expect(problem(good.subarray(0, good.length - 8))).toMatch(/truncated: \d+ bytes of the \d+ expected/);
    const longer = new Uint8Array(good.length + 8);
    longer.set(good);
    expect(problem(longer)).toMatch(/8 bytes of unexpected data after the end/);
    const version = fresh();
    setU32(version, 8, 3);
    expect(problem(version)).toMatch(/format version 3; this Ripple reads version 2/);
    const flags = fresh();
    setU32(flags, 12, u32(flags, 12) | 0x100);
    expect(problem(flags)).toMatch(/unknown flags/);
  });

  it('a changed byte fails the content hash', () => {
    const bytes = fresh();
    bytes[200] ^= 1;
    expect(problem(bytes)).toMatch(/content hash mismatch/);
  });

  it('sizes that disagree with the length are caught before any allocation', () => {
    const huge = fresh();
    setU32(huge, 16, 0xfffffff0); // n
    expect(problem(rehash(huge))).toMatch(/header says \d+ body bytes/);
  });

  // Offsets of the sections of karate's snapshot (n = 34, arcs = 156, integer ids, meta).
  const n = 34;
  const arcs = 156;
  const outOffsets = 64;
  const outTargets = outOffsets + ((4 * (n + 1) + 7) & ~7);
  const inOffsets = outTargets + 4 * arcs;
  const inSources = inOffsets + ((4 * (n + 1) + 7) & ~7);
  const ids = inSources + 4 * arcs;

  it('offsets not monotone, or not ending at the arc count', () => {
    const bytes = fresh();
    setU32(bytes, outOffsets + 4 * 5, 200);
    expect(problem(rehash(bytes))).toMatch(/out-offsets are not monotone at node 5/);
    const last = fresh();
    setU32(last, outOffsets, 1);
    expect(problem(rehash(last))).toMatch(/first out-offset is 1/);
  });

  it('targets out of range, self-loops, unsorted or foreign in-arcs', () => {
    const range = fresh();
    setU32(range, outTargets + 8, 34);
    expect(problem(rehash(range))).toMatch(/arc 2 points to node 34, beyond the 34 nodes/);
    const loop = fresh();
    setU32(loop, outTargets, 0);
    expect(problem(rehash(loop))).toMatch(/node 0 has a self-loop/);
    const order = fresh();
    const a = u32(order, inSources);
    setU32(order, inSources, u32(order, inSources + 4));
    setU32(order, inSources + 4, a);
    expect(problem(rehash(order))).toMatch(/in-arcs of node 0 are not in ascending order/);
    const foreign = fresh();
    setU32(foreign, inSources, u32(foreign, inSources) === 0 ? 1 : 0);
    expect(problem(rehash(foreign))).toMatch(/not in ascending order|not the reverse of the out-arcs/);
  });

  it('an undirected graph whose arcs are not symmetric', () => {
    // Point arc 0 (0 -> 1) at 2 instead, and rebuild the in-arrays so only the symmetry breaks.
    const g = decodeSnapshot(good, 'g');
    const targets = g.csr.outTargets.slice();
    const row0 = Array.from(targets.subarray(0, g.csr.outOffsets[1]));
    const spare = [...Array(n).keys()].find((v) => v > 0 && !row0.includes(v)) as number;
    targets[0] = spare;
    const broken = encodeSnapshot({
      csr: {
        ...g.csr,
        outTargets: targets,
        ...inArrays(n, g.csr.outOffsets, targets),
      },
    });
    expect(problem(broken)).toMatch(/undirected, but the arcs are not symmetric/);
  });

  it('values out of range', () => {
    const d = decodeSnapshot(directed, 'g');
    const values = (d.csr.outValues as Float64Array).slice();
    values[0] = -1;
    const bytes = encodeSnapshot({ csr: { ...d.csr, outValues: values } });
    expect(problem(bytes)).toMatch(/arc 0 has value -1, expected a weight >= 0/);
    values[0] = 0.5;
    const inValues = (d.csr.inValues as Float64Array).slice();
    inValues[0] += 1;
    expect(problem(encodeSnapshot({ csr: { ...d.csr, inValues } }))).toMatch(
      /not the reverse of the out-arcs/,
    );
  });

  it('a bad id table', () => {
    const twice = fresh();
    setU32(twice, ids + 4, u32(twice, ids));
    expect(problem(rehash(twice))).toMatch(/id \d+ appears twice in the id table/);
    const g = decodeSnapshot(good, 'g');
    const named = encodeSnapshot({ csr: g.csr, ids: (g.ids as string[]).map((id) => `n${id}`) });
    // A byte offset (decoding the binary parts as text would shift character indices).
    const at = Buffer.from(named.buffer, named.byteOffset, named.length).indexOf('"n1"');
    named.set(new TextEncoder().encode('"n0"'), at);
    expect(problem(rehash(named))).toMatch(/id "n0" appears twice/);
    named.set(new TextEncoder().encode('{n0"'), at);
    expect(problem(rehash(named))).toMatch(/the id table is not valid JSON/);
  });

  it('an arc problem is reported before an id table problem', () => {
    const both = fresh();
    setU32(both, outTargets, 0); // a self-loop
    setU32(both, ids + 4, u32(both, ids));
    expect(problem(rehash(both))).toMatch(/node 0 has a self-loop/);
  });

  it('readGraphFile (arc passes run as the file is read) fails each damaged snapshot the same way', async () => {
    const path = write('damaged.rsnap', '');
    const cases = damaged.filter(isSnapshot); // the others are read as text files
    expect(cases.length).toBeGreaterThan(15);
    for (const bytes of cases) {
      let expected = 'decoded';
      try {
        decodeSnapshot(bytes, path);
      } catch (e) {
        expected = (e as Error).message;
      }
      writeFileSync(path, bytes);
      const error = await readGraphFile(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LoadError);
      expect((error as LoadError).message).toBe(expected);
    }
  });

  it('the two-thread decoder (arc checks elsewhere) fails each damaged snapshot the same way', async () => {
    // As on a worker thread: the checks see a copy of the arcs (a structured clone).
    const elsewhere = async (arcs: SnapshotArcs) => ({ problem: snapshotArcProblem(structuredClone(arcs)) });
    const failed = async () => undefined; // a worker that died: the checks run here
    expect(damaged.length).toBeGreaterThan(15);
    for (const bytes of damaged.splice(0)) {
      const expected = problem(bytes);
      for (const checkArcs of [elsewhere, failed]) {
        const error = await decodeSnapshotWith(bytes, 'g.rsnap', checkArcs).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LoadError);
        expect((error as LoadError).message).toBe(expected);
      }
    }
    const decoded = await decodeSnapshotWith(good, 'g.rsnap', elsewhere);
    expect(decoded).toEqual(decodeSnapshot(good, 'g.rsnap'));
  });
});

/** The in-arrays of out-arrays, sorted by source (what withInArcs builds). */
function inArrays(n: number, offsets: Uint32Array, targets: Uint32Array) {
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (let u = 0; u < n; u++) for (let k = offsets[u]; k < offsets[u + 1]; k++) lists[targets[k]].push(u);
  const inOffsets = new Uint32Array(n + 1);
  lists.forEach((l, v) => {
    inOffsets[v + 1] = inOffsets[v] + l.length;
  });
  return { inOffsets, inSources: Uint32Array.from(lists.flat()) };
}

describe('--graph G.rsnap', () => {
  it('ripple snapshot writes what every command reads, with the answers of the text file', () => {
    const out = write('facebook.rsnap', '');
    const made = json('snapshot', '--graph', 'datasets/facebook_combined.txt', '--out', out);
    expect(made).toMatchObject({ file: out, nodes: 4039, arcs: 176468 });
    expect(made.hash).toMatch(/^[0-9a-f]{32}$/);
    expect(isSnapshot(readFileSync(out))).toBe(true);
    const drop = ({ file: _f, loadSeconds: _l, distanceSeconds: _d, ...rest }: Record<string, unknown>) =>
      rest;
    expect(drop(json('stats', '--graph', out))).toEqual(
      drop(json('stats', '--graph', 'datasets/facebook_combined.txt')),
    );
    const sim = [
      'simulate',
      '--p',
      '0.05',
      '--seeds',
      'top:degree:3',
      '--runs',
      '200',
      '--rng',
      '9',
      '--workers',
      '1',
    ];
    const drop2 = ({ seconds: _s, ...rest }: Record<string, unknown>) => rest;
    expect(drop2(json(...sim, '--graph', out))).toEqual(
      drop2(json(...sim, '--graph', 'datasets/facebook_combined.txt')),
    );
  });

  it('hashed and arc-checked on a worker thread: the same answers and the same errors', () => {
    const out = write('karate-worker.rsnap', '');
    json('snapshot', '--graph', 'datasets/karate.txt', '--direction', 'undirected', '--out', out);
    // RIPPLE_SNAPSHOT_WORKER_BYTES: the smallest snapshot checked on a worker (0: none).
    const stats = (path: string, worker: boolean) => {
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'bin/ripple.mjs'), 'stats', '--graph', path, '--json'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, RIPPLE_SNAPSHOT_WORKER_BYTES: worker ? '1' : '0' },
        },
      );
      const stdout = r.stdout.replace(/"(load|distance)Seconds":[0-9.e-]+/g, '"$1Seconds":0');
      return { code: r.status, stdout, stderr: r.stderr };
    };
    const one = stats(out, false);
    expect(one.code).toBe(0);
    expect(stats(out, true)).toEqual(one);
    const bytes = new Uint8Array(readFileSync(out));
    setU32(bytes, 64 + ((4 * 35 + 7) & ~7), 0); // the first arc (from node 0) made a self-loop
    const bad = write('karate-loop.rsnap', '');
    writeFileSync(bad, rehash(bytes));
    const failed = stats(bad, false);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/graph snapshot: node 0 has a self-loop/);
    expect(stats(bad, true)).toEqual(failed);
    // The worker hashes the bytes too: a changed byte is a hash mismatch, reported first.
    bytes[bytes.length - 200] ^= 1;
    writeFileSync(bad, bytes);
    const changed = stats(bad, false);
    expect(changed.stderr).toMatch(/graph snapshot: content hash mismatch/);
    expect(stats(bad, true)).toEqual(changed);
  });

  it('a damaged snapshot: one line naming the file, exit 1', () => {
    const bad = write('bad.rsnap', '');
    writeFileSync(bad, Buffer.concat([Buffer.from(SNAPSHOT_MAGIC), Buffer.alloc(100)]));
    const r = ripple('stats', '--graph', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `ripple: ${bad}: graph snapshot: format version 0; this Ripple reads version 2 (make the snapshot again with ripple snapshot)\n`,
    );
  });
});

describe('content hash and id table (format version 2)', () => {
  const native = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

  it('the JavaScript SHA-256 gives the native bytes, at every length around a block and unaligned', () => {
    for (const length of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 65_537]) {
      const bytes = new Uint8Array(length + 3).subarray(3);
      for (let i = 0; i < length; i++) bytes[i] = (i * 131 + length) & 255;
      expect(Array.from(sha256Js(bytes)), `length ${length}`).toEqual(Array.from(native(bytes)));
    }
    expect(Buffer.from(sha256Js(new TextEncoder().encode('abc'))).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('a snapshot made with either SHA-256 decodes with the other', async () => {
    const g = await readGraphFile('datasets/karate.txt', { direction: 'undirected' });
    try {
      useSha256(sha256Js);
      const js = snapshotOf(g);
      useSha256(native);
      expect(Array.from(snapshotOf(g))).toEqual(Array.from(js));
      useSha256(sha256Js);
      expect(decodeSnapshot(js, 'g').csr.arcs).toBe(g.csr.arcs);
    } finally {
      useSha256(native);
    }
  });

  it('a flipped bit anywhere in the payload fails the content hash', async () => {
    const good = snapshotOf(await readGraphFile('datasets/karate.txt', { direction: 'undirected' }));
    const step = Math.max(1, Math.floor((good.length - 64) / 200));
    for (let at = 64; at < good.length; at += step) {
      for (const bit of [0, 7]) {
        const bad = good.slice();
        bad[at] ^= 1 << bit;
        expect(problem(bad), `byte ${at} bit ${bit}`).toMatch(/content hash mismatch/);
      }
    }
    const last = good.slice();
    last[last.length - 1] ^= 0x80;
    expect(problem(last)).toMatch(/content hash mismatch/);
    const stored = good.slice();
    stored[40] ^= 1;
    expect(problem(stored)).toMatch(/content hash mismatch/);
  });

  it('a version 1 snapshot asks to be rewritten', async () => {
    const g = snapshotOf(await readGraphFile('datasets/karate.txt', { direction: 'undirected' }));
    setU32(g, 8, 1);
    expect(problem(g)).toMatch(/format version 1, from an older Ripple; .*rewrite it with ripple snapshot/);
  });

  it('a repeated integer id is found wherever it is, in dense and in sparse id tables', () => {
    const n = 2000;
    const csr: Csr = {
      n,
      arcs: 0,
      directed: true,
      outOffsets: new Uint32Array(n + 1),
      outTargets: new Uint32Array(0),
      inOffsets: new Uint32Array(n + 1),
      inSources: new Uint32Array(0),
      outValues: null,
      inValues: null,
      values: null,
    };
    // Dense codes (a bitmap), sparse ones (the hash table), and ones including 2^32 - 1.
    const tables = [
      (v: number) => v,
      (v: number) => (v * 2_654_435_761) % 2 ** 32,
      (v: number) => (v === 0 ? 2 ** 32 - 1 : v * 1_000_003),
    ];
    // As read from a file: in a memory with scratch room after it (full of 0xff), where the
    // bitmap of dense codes goes.
    const inPlace = (bytes: Uint8Array) => {
      const scratch = snapshotScratchBytes(bytes, bytes.length);
      expect(scratch).toBe(4 * n + 2 ** 20); // integer ids: their bitmap's room
      const huge = bytes.slice(0, 64);
      setU32(huge, 16, 2 ** 31); // never more than the file's size, whatever the header says
      expect(snapshotScratchBytes(huge, bytes.length)).toBe(bytes.length + 2 ** 20);
      const memory = snapshotMemory(bytes.length, false, scratch);
      const all = new Uint8Array(memory.buffer).fill(0xff);
      all.set(bytes);
      return all.subarray(0, bytes.length);
    };
    const textIds = encodeSnapshot({ csr, ids: Array.from({ length: n }, (_, v) => `n${v}`) });
    expect(snapshotScratchBytes(textIds, textIds.length)).toBe(0);
    for (const code of tables) {
      const ids = Array.from({ length: n }, (_, v) => String(code(v)));
      expect(decodeSnapshot(encodeSnapshot({ csr, ids }), 'g').ids).toEqual(ids);
      expect(decodeSnapshot(inPlace(encodeSnapshot({ csr, ids })), 'g').ids).toEqual(ids);
      for (const [a, b] of [
        [0, 1],
        [0, n - 1],
        [n - 2, n - 1],
        [700, 1300],
        [1999, 5],
      ]) {
        const twice = ids.slice();
        twice[b] = twice[a];
        // Encoded as integer ids (u32), not as text: the integer table's check is what runs.
        const bytes = encodeSnapshot({ csr, ids: twice });
        expect(u32(bytes, 12) & 128, 'integer ids').toBe(128);
        expect(problem(bytes), `${a}, ${b}`).toMatch(new RegExp(`id ${twice[a]} appears twice`));
        expect(() => decodeSnapshot(inPlace(bytes), 'g.rsnap')).toThrow(problem(bytes));
      }
    }
  });
});

describe('the fast load path (version 2 files, Node)', () => {
  /** A random directed graph in the loaders' shape (in-lists ascending), ids "0".."n-1". */
  function randomGraph(n: number, arcsPerNode: number, values: 'probability' | 'weight' | null, seed = 1) {
    let s = seed;
    const next = () => {
      s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
      return s;
    };
    const outOffsets = new Uint32Array(n + 1);
    const targets: number[] = [];
    for (let u = 0; u < n; u++) {
      const row = new Set<number>();
      for (let j = 0; j < arcsPerNode; j++) {
        const v = next() % n;
        if (v !== u) row.add(v);
      }
      targets.push(...row);
      outOffsets[u + 1] = targets.length;
    }
    const outTargets = Uint32Array.from(targets);
    const outValues = values ? Float64Array.from(targets, (_, k) => ((k * 37) % 100) / 100) : null;
    const csr = withInArcs({ n, directed: true, outOffsets, outTargets, outValues, values });
    return { csr, ids: Array.from({ length: n }, (_, v) => String(v)) };
  }

  it('two in-arcs trading sources (the same arcs per node and per source) are caught', () => {
    for (const values of [null, 'weight'] as const) {
      const g = randomGraph(300, 6, values);
      const { inOffsets, inSources } = g.csr;
      // Nodes a and b whose in-lists hold sources x (in a's only) and y (in b's only), x < y, and
      // such that swapping keeps both lists ascending: a gets y, b gets x.
      let forged: Uint32Array | null = null;
      for (let a = 0; a < g.csr.n && !forged; a++)
        for (let b = a + 1; b < g.csr.n && !forged; b++) {
          const la = Array.from(inSources.subarray(inOffsets[a], inOffsets[a + 1]));
          const lb = Array.from(inSources.subarray(inOffsets[b], inOffsets[b + 1]));
          for (let i = 0; i < la.length && !forged; i++)
            for (let j = 0; j < lb.length && !forged; j++) {
              const x = la[i];
              const y = lb[j];
              const fitsA = (i === 0 || la[i - 1] < y) && (i === la.length - 1 || y < la[i + 1]);
              const fitsB = (j === 0 || lb[j - 1] < x) && (j === lb.length - 1 || x < lb[j + 1]);
              if (x !== y && !la.includes(y) && !lb.includes(x) && y !== a && x !== b && fitsA && fitsB) {
                forged = inSources.slice();
                forged[inOffsets[a] + i] = y;
                forged[inOffsets[b] + j] = x;
              }
            }
        }
      expect(forged, 'a swap exists').not.toBeNull();
      const bytes = encodeSnapshot({ csr: { ...g.csr, inSources: forged as Uint32Array }, ids: g.ids });
      expect(problem(bytes), String(values)).toMatch(/not the reverse of the out-arcs/);
      expect(decodeSnapshot(encodeSnapshot(g), 'g').csr.arcs).toBe(g.csr.arcs);
    }
  });

  it('readGraphFile hashes a snapshot of many chunks as it reads: same graph, any changed byte caught', async () => {
    const g = randomGraph(60_000, 8, 'probability', 7);
    const bytes = encodeSnapshot(g);
    expect(bytes.length).toBeGreaterThan(3 * 2 ** 20); // several 1 MiB chunks
    const path = write('many-chunks.rsnap', '');
    writeFileSync(path, bytes);
    const loaded = await readGraphFile(path);
    expectSameCsr(g.csr, loaded.csr);
    expect(loaded.ids).toEqual(g.ids);
    for (const at of [64, 2 ** 20 - 1, 2 ** 20, 2 * 2 ** 20 + 5, bytes.length - 1]) {
      const bad = bytes.slice();
      bad[at] ^= 4;
      writeFileSync(path, bad);
      await expect(readGraphFile(path), `byte ${at}`).rejects.toThrow(/content hash mismatch/);
    }
    writeFileSync(path, bytes.subarray(0, bytes.length - 100));
    await expect(readGraphFile(path)).rejects.toThrow(/truncated/);
  });

  it('arc passes run as the bytes arrive read none that has not arrived: the sums of one pass over all', async () => {
    const edges: string[] = [];
    for (let k = 0; k < 150_000; k++) edges.push(`${(k * 7919) % 40_000} ${(k * 104_729 + 13) % 40_007}`);
    const undirected = await load(edges.join('\n'), { file: 'u.txt', direction: 'undirected' });
    const graphs = [
      randomGraph(40_000, 6, null, 3),
      randomGraph(40_000, 6, 'probability', 5),
      { csr: undirected.csr, ids: undirected.ids },
    ];
    for (const g of graphs) {
      expect(g.csr.n).toBeGreaterThan(2 * 16_384); // several blocks of rows per pass
      const bytes = encodeSnapshot(g);
      let expected: Int32Array | null = null;
      await decodeSnapshotWith(bytes, 'g', async (arcs) => {
        expected = arcPassSums(arcs);
        return { problem: null };
      });
      expect(expected).not.toBeNull();
      // Bytes not read yet are 0xff, so a pass that read one would give other sums or fail.
      const target = new Uint8Array(snapshotMemory(bytes.length, false).buffer, 0, bytes.length).fill(0xff);
      const checks = arcChecksAsRead(bytes.subarray(0, 64), target);
      expect(checks).not.toBeNull();
      for (let at = 0; at < bytes.length; at += 7919) {
        const to = Math.min(bytes.length, at + 7919);
        target.set(bytes.subarray(at, to), at);
        checks?.advance(to);
        // Time for the module to compile in the background, so that blocks run as bytes arrive.
        if (at === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const sums = await checks?.sums();
      expect(sums).toEqual(expected);
      expect(decodeSnapshot(target, 'g', { arcPassSums: sums }).csr.arcs).toBe(g.csr.arcs);
    }
    // A header that changed between its read and the rest's: the decoder runs the passes itself.
    const bytes = encodeSnapshot(graphs[0]);
    const target = new Uint8Array(snapshotMemory(bytes.length, false).buffer, 0, bytes.length);
    const checks = arcChecksAsRead(bytes.subarray(0, 64), target);
    target.set(bytes);
    target[12] ^= 2; // the values flag
    checks?.advance(bytes.length);
    expect(await checks?.sums()).toBeUndefined();
    // No checks from a header the decoder refuses or that gives another size.
    expect(arcChecksAsRead(bytes.subarray(0, 40), target)).toBeNull();
    expect(arcChecksAsRead(bytes.subarray(0, 64), target.subarray(0, bytes.length - 8))).toBeNull();
    const refused = bytes.slice(0, 64);
    refused[36] = 1; // the reserved field
    expect(arcChecksAsRead(refused, target)).toBeNull();
  });
});
