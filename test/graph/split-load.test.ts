/**
 * Split loads (LoadOptions.edgeListTail): a second reader reads the lines from a line start `at`
 * on, and the first appends its records. Whatever the cut point and however the bytes arrive in
 * chunks (lines and multi-byte UTF-8 sequences cut across chunks), the outcome must be exactly
 * that of one reader: the same LoadedGraph, or the same error with the same line and byte offset.
 * Here the tail is read in the same thread (readEdgeListTail), as the Node worker does it.
 */
import { describe, expect, it } from 'vitest';
import { nodeLoadServices } from '../../src/cli/common/read-graph-file.ts';
import type { EdgeListPart } from '../../src/graph/edge-list.ts';
import { readEdgeListTail } from '../../src/graph/edge-list-blocks.ts';
import { type LoadOptions, loadGraph } from '../../src/graph/load.ts';
import type { LoadedGraph } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';

const encoder = new TextEncoder();

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.below(xs.length)];

/** Everything a load gives, as one comparable string: the graph, or the error's message. */
async function outcome(run: () => Promise<LoadedGraph>): Promise<string> {
  try {
    const g = await run();
    const arrays = Object.entries(g.csr).map(([k, v]) => [
      k,
      ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v,
    ]);
    return JSON.stringify({ ids: g.ids, report: g.report, csr: arrays });
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** Bytes in chunks of the given sizes, in turn. */
async function* chunked(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  for (let p = 0, i = 0; p < bytes.length; i++) {
    const n = sizes[i % sizes.length];
    yield bytes.slice(p, p + n);
    p += n;
  }
}

/** Offsets of every line start after the first line. */
function lineStarts(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length - 1; i++) if (bytes[i] === 0x0a) out.push(i + 1);
  return out;
}

interface Split {
  outcome: string;
  /** Whether the tail reader gave records (then they were appended unless refused). */
  gaveRecords: boolean;
}

/** Load with the tail from `at` read by a second reader, both reading in chunks of `sizes`. */
async function splitLoad(
  bytes: Uint8Array,
  options: LoadOptions,
  at: number,
  sizes: number[],
): Promise<Split> {
  let part: EdgeListPart | null = null;
  const read = async () => {
    part = await readEdgeListTail((offset) => chunked(bytes.subarray(offset), sizes), at, {
      file: options.file,
      direction: options.direction ?? 'influences',
      edgeValues: options.edgeValues ?? 'probability',
      header: options.header ?? 'auto',
      gzip: false,
      maxEdges: options.maxEdges,
    });
    return part;
  };
  const result = await outcome(() =>
    loadGraph(chunked(bytes, sizes), { ...nodeLoadServices, ...options, edgeListTail: { at, read } }),
  );
  return { outcome: result, gaveRecords: part !== null };
}

const IDS = [
  '0',
  '1',
  '7',
  '42',
  '2147483648',
  '007',
  'user1',
  'user2',
  'alice',
  '张三',
  '李四',
  'é',
  '__proto__',
];

/** A random edge list; `trouble` adds the lines that make a load fail or warn. */
function randomFile(rng: Rng, lines: number, trouble: boolean): Uint8Array {
  const delimiter = pick(rng, [' ', '\t', ',']);
  const three = rng.float() < 0.2;
  const out: string[] = [];
  if (rng.float() < 0.3)
    out.push(pick(rng, ['source target', 'a b', `${lines} ${lines}`]).replace(' ', delimiter));
  for (let i = 0; i < lines; i++) {
    const r = rng.float();
    if (r < 0.05) out.push(pick(rng, ['# comment', '', '% x', '  ']));
    else if (trouble && r < 0.07)
      out.push(pick(rng, ['x', '1 2 3 4', '"open', `a${delimiter}\u0001b`, '\u0000']));
    else {
      const fields = [pick(rng, IDS), pick(rng, IDS)];
      if (three) fields.push(pick(rng, ['0.5', '1', '0.25', '2']));
      out.push(fields.join(delimiter) + pick(rng, ['', '', '\r', ' ']));
    }
  }
  const bytes = encoder.encode(`${out.join('\n')}\n`);
  if (trouble && rng.float() < 0.3) {
    // A byte that is not UTF-8 somewhere (Latin-1 text or binary, by what follows it).
    const copy = bytes.slice();
    copy[rng.below(copy.length)] = pick(rng, [0xff, 0xe9, 0xc3]);
    return copy;
  }
  return bytes;
}

describe('a split load reads exactly what one reader reads', () => {
  it('clean files, every kind of cut point and chunking, appended and equal', async () => {
    const rng = new Rng(14, 0);
    let appended = 0;
    for (let trial = 0; trial < 40; trial++) {
      const bytes = randomFile(rng, 20 + rng.below(300), false);
      const options: LoadOptions = {
        file: `clean-${trial}.txt`,
        direction: pick(rng, ['influences', 'follows', 'undirected'] as const),
        edgeValues: pick(rng, ['probability', 'weight', 'ignore'] as const),
      };
      const whole = await outcome(() => loadGraph(bytes, { ...nodeLoadServices, ...options }));
      const starts = lineStarts(bytes);
      for (let k = 0; k < 6; k++) {
        const at = starts[rng.below(starts.length)];
        const sizes = [1 + rng.below(9), 1 + rng.below(200), 3];
        const split = await splitLoad(bytes, options, at, sizes);
        expect(split.outcome, `trial ${trial} at ${at}`).toBe(whole);
        if (split.gaveRecords) appended++;
      }
    }
    // Most cut points fall after the lines that settle how lines are read: those are split.
    expect(appended).toBeGreaterThan(150);
  });

  it('files with bad lines, bad bytes and control characters: the same error, line and offset', async () => {
    const rng = new Rng(15, 0);
    let errors = 0;
    for (let trial = 0; trial < 60; trial++) {
      const bytes = randomFile(rng, 20 + rng.below(200), true);
      const options: LoadOptions = { file: `bad-${trial}.txt`, direction: 'influences' };
      const whole = await outcome(() => loadGraph(bytes, { ...nodeLoadServices, ...options }));
      if (whole.startsWith('error')) errors++;
      const starts = lineStarts(bytes);
      for (let k = 0; k < 4; k++) {
        const at = starts[rng.below(starts.length)];
        const split = await splitLoad(bytes, options, at, [1 + rng.below(64), 5]);
        expect(split.outcome, `trial ${trial} at ${at}`).toBe(whole);
      }
    }
    expect(errors).toBeGreaterThan(20);
  });

  it('the edge limit falls in the tail: the error names the same line', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => `user${i % 97} ${i}`);
    const bytes = encoder.encode(`${lines.join('\n')}\n`);
    const starts = lineStarts(bytes);
    for (const maxEdges of [150, 250, 399, 400]) {
      const options: LoadOptions = { file: 'limit.txt', direction: 'influences', maxEdges };
      const whole = await outcome(() => loadGraph(bytes, { ...nodeLoadServices, ...options }));
      for (const at of [starts[10], starts[200], starts[390]]) {
        expect((await splitLoad(bytes, options, at, [4096])).outcome, `max ${maxEdges} at ${at}`).toBe(whole);
      }
    }
  });

  it('a header line confirmed or not by the line count, a multi-byte id cut across chunks at the split', async () => {
    const body = Array.from({ length: 300 }, (_, i) => `张${i % 50} 李${(i * 7) % 60}`);
    for (const first of ['110 300', '110 299', 'source target']) {
      const bytes = encoder.encode(`${first}\n${body.join('\n')}`); // no final line feed
      const options: LoadOptions = { file: 'zh.txt', direction: 'undirected' };
      const whole = await outcome(() => loadGraph(bytes, { ...nodeLoadServices, ...options }));
      for (const at of lineStarts(bytes).filter((_, i) => i % 37 === 5)) {
        // Chunks of 4 and 1 bytes put the split, and each 3-byte character, across chunk ends.
        for (const sizes of [[4], [1, 2], [7, 1]]) {
          const split = await splitLoad(bytes, options, at, sizes);
          expect(split.outcome, `${first} at ${at}`).toBe(whole);
          expect(split.gaveRecords).toBe(true);
        }
      }
    }
  });

  it('warns that every value is 1 only when the tail agrees', async () => {
    for (const tailValue of ['1', '0.5']) {
      const lines = Array.from({ length: 200 }, (_, i) => `${i} ${i + 1} ${i < 150 ? '1' : tailValue}`);
      const bytes = encoder.encode(`${lines.join('\n')}\n`);
      const options: LoadOptions = { file: 'ones.txt', direction: 'influences' };
      const whole = await outcome(() => loadGraph(bytes, { ...nodeLoadServices, ...options }));
      expect(whole.includes('every value in column 3 is 1')).toBe(tailValue === '1');
      const split = await splitLoad(bytes, options, lineStarts(bytes)[100], [512]);
      expect(split.gaveRecords).toBe(true);
      expect(split.outcome).toBe(whole);
    }
  });

  it('refuses the tail of a gzip file, and cut points before the lines are settled', async () => {
    const bytes = encoder.encode('# only comments\n# more\nsource target\na b\nb c\nc d\n');
    const options: LoadOptions = { file: 'early.txt', direction: 'influences' };
    const whole = await outcome(() => loadGraph(bytes, { ...nodeLoadServices, ...options }));
    for (const at of lineStarts(bytes)) {
      const split = await splitLoad(bytes, options, at, [3]);
      expect(split.outcome).toBe(whole);
    }
    const gz = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    const part = await readEdgeListTail((offset) => chunked(gz.subarray(offset), [64]), 4, {
      file: 'x.gz',
      direction: 'influences',
      edgeValues: 'ignore',
      header: 'auto',
      gzip: false,
    });
    expect(part).toBeNull();
  });
});
