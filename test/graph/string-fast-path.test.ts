/**
 * The edge-list reader takes runs of "id id" lines of any unquoted ids in a tight loop (after the
 * integer-only one), interning string ids in batches, and hands every other line to the general
 * path. These tests read random files mixing string ids (ASCII, Chinese, look-alikes of integers,
 * a leading BOM inside an id), integers, quoted fields, ids with inner spaces, comments and odd
 * separators, and compare with a reference reading written here from the format's rules; and
 * check that an id that is not UTF-8 is reported at its line and column wherever it falls in a
 * batch. Each reading is done by the JS loop, by the compiled one (string-pairs-wasm.ts, used for
 * inputs of 128 KiB or more: sizeHint says so here; it interns the ids in its own memory), and by
 * the JS loop at that size where WebAssembly is missing. StringIds and the compiled scanner's
 * table are also tested on their own (ids of one hash, long ids, growth).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classTable, hashBytes, parseEdgeList, StringIds } from '../../src/graph/edge-list.ts';
import { WINDOW } from '../../src/graph/integer-pairs-wasm.ts';
import { LoadError } from '../../src/graph/load-error.ts';
import { stringPairScanner } from '../../src/graph/string-pairs-wasm.ts';
import { Rng } from '../../src/util/rng.ts';
import { arcs, load } from './support.ts';

type Delimiter = 'whitespace' | 'comma' | 'tab';

const STRINGS = [
  'user1',
  'user22',
  'alice',
  'Bob',
  '张三',
  '李四',
  'ü',
  '__proto__',
  'a"b',
  '#x',
  '%y',
  'x,y',
];
const INTEGERS = ['0', '1', '7', '42', '2147483647'];
const LOOKALIKES = ['007', '2147483648', '12345678901', '3.0', '-4'];

function pick<T>(rng: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)];
}

/** A random file and what it means: the edges in file order (ids as strings) and skipped lines. */
function randomFile(rng: () => number, delimiter: Delimiter, lines: number) {
  const sep = delimiter === 'comma' ? ',' : delimiter === 'tab' ? '\t' : ' ';
  const text: string[] = [`user0${sep}user1`];
  const edges: [string, string][] = [['user0', 'user1']];
  let skipped = 0;
  // Ids that need quotes or mean something else in this delimiter are left out of unquoted fields.
  const plain = STRINGS.filter((s) => !(delimiter === 'comma' && s.includes(',')));
  const id = (): { text: string; id: string } => {
    const r = rng();
    if (r < 0.55) {
      const s = pick(rng, plain);
      return { text: s, id: s };
    }
    if (r < 0.75) {
      const s = pick(rng, INTEGERS);
      return { text: s, id: s };
    }
    if (r < 0.85) {
      const s = pick(rng, LOOKALIKES);
      return { text: s, id: s };
    }
    if (r < 0.9) return { text: `u${Math.floor(rng() * 500)}`, id: '' }; // filled below
    if (r < 0.95 && delimiter !== 'whitespace') return { text: '"Ann Lee"', id: 'Ann Lee' };
    if (r < 0.97 && delimiter !== 'whitespace') return { text: 'Ann Lee', id: 'Ann Lee' };
    return { text: '"q""r"', id: 'q"r' };
  };
  const separator = () => {
    if (delimiter === 'comma') return pick(rng, [',', ', ', ' ,', '\t, ']);
    if (delimiter === 'tab') return pick(rng, ['\t', '\t\t', ' \t', '\t ']);
    return pick(rng, [' ', '\t', '  ', ' \t ', '\r']);
  };
  for (let i = 1; i < lines; i++) {
    if (rng() < 0.04) {
      text.push(pick(rng, ['# a comment', '% another', '', '   ', '\r']));
      skipped++;
      continue;
    }
    let a = id();
    while (a.text.startsWith('#') || a.text.startsWith('%')) a = id(); // would make a comment line
    const b = id();
    if (a.id === '') a.id = a.text;
    if (b.id === '') b.id = b.text;
    const lead = rng() < 0.03 ? ' ' : '';
    const trail = pick(rng, ['', '', '', ' ', '\r', '\t']);
    text.push(`${lead}${a.text}${separator()}${b.text}${trail}`);
    edges.push([a.id, b.id]);
  }
  return { content: text.join('\n') + (rng() < 0.5 ? '\n' : ''), edges, skipped };
}

/** Node ids in first appearance and arcs "a>b" (influences), self-loops dropped, duplicates merged. */
function reference(edges: [string, string][]) {
  const ids: string[] = [];
  const seen = new Set<string>();
  const arcSet = new Set<string>();
  for (const [a, b] of edges) {
    for (const x of [a, b]) {
      if (!seen.has(x)) {
        seen.add(x);
        ids.push(x);
      }
    }
    if (a !== b) arcSet.add(`${a}>${b}`);
  }
  return { ids, arcs: [...arcSet].sort() };
}

/** sizeHint for a reading by the JS loop, and for one by the compiled loop (unless WebAssembly is missing). */
const READINGS = [
  { by: 'the JS loop', sizeHint: 1 << 10, wasm: true },
  { by: 'the compiled loop', sizeHint: 1 << 20, wasm: true },
  { by: 'the JS loop where WebAssembly is missing', sizeHint: 1 << 20, wasm: false },
];

describe.each(READINGS)('string-id lines and other lines read alike, by $by', ({ sizeHint, wasm }) => {
  beforeEach(() => {
    if (!wasm) vi.stubGlobal('WebAssembly', undefined);
  });
  afterEach(() => vi.unstubAllGlobals());
  for (const delimiter of ['whitespace', 'comma', 'tab'] as const) {
    it(`mixed ${delimiter}-separated files equal the reference reading`, async () => {
      for (let seed = 1; seed <= 40; seed++) {
        const r = new Rng(seed);
        const rng = () => r.float();
        const { content, edges, skipped } = randomFile(rng, delimiter, 60 + Math.floor(rng() * 400));
        const g = await load(content, {
          file: `mixed-${seed}.txt`,
          direction: 'influences',
          header: 'no',
          sizeHint,
        });
        const want = reference(edges);
        expect(g.ids, `seed ${seed}`).toEqual(want.ids);
        expect(arcs(g).sort(), `seed ${seed}`).toEqual(want.arcs);
        expect(g.report.edgeLines, `seed ${seed}`).toBe(edges.length);
        expect(g.report.skippedLines, `seed ${seed}`).toBe(skipped);
      }
    });
  }

  it('a leading BOM inside an id is read as a fatal UTF-8 decoder reads it, and stays its own node', async () => {
    // "\ufeffx" and "x" are different bytes, so different nodes, though both decode to "x".
    const g = await load('a b\nc \ufeffx\nx d\n', {
      file: 'bom.txt',
      direction: 'influences',
      header: 'no',
      sizeHint,
    });
    expect(g.ids).toEqual(['a', 'b', 'c', 'x', 'x', 'd']);
  });

  it('names the line and column of an id that is not UTF-8, wherever it falls in a batch', () => {
    const r = new Rng(9);
    for (let trial = 0; trial < 30; trial++) {
      const at = 2 + Math.floor(r.float() * 400); // 1-based line of the bad id
      const column = r.float() < 0.5 ? 1 : 2;
      const parts: Uint8Array[] = [];
      const enc = new TextEncoder();
      for (let line = 1; line <= at + 50; line++) {
        if (line === at) {
          const bad = Uint8Array.from([0x75, 0xff, 0x76]); // "u", a stray 0xff, "v"
          const other = enc.encode(`user${line}`);
          const sep = enc.encode(' ');
          parts.push(column === 1 ? bad : other, sep, column === 1 ? other : bad, enc.encode('\n'));
        } else {
          parts.push(enc.encode(`user${line % 97} ${r.float() < 0.3 ? line : `n${line}`}\n`));
        }
      }
      const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let o = 0;
      for (const p of parts) {
        bytes.set(p, o);
        o += p.length;
      }
      let error: unknown = null;
      try {
        parseEdgeList(bytes, {
          file: 'bad.txt',
          direction: 'influences',
          edgeValues: 'ignore',
          header: 'no',
          gzip: false,
          sizeHint,
        });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LoadError);
      expect((error as LoadError).message).toBe(
        `bad.txt:${at}: node id in column ${column} is not valid UTF-8 text; this does not look like a text edge list`,
      );
    }
  });

  it('grows its arrays and keeps counting lines across many batches', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `n${(i * 7919) % 3001} m${(i * 104729) % 2003}`);
    const g = await load(lines.join('\n'), {
      file: 'big.txt',
      direction: 'influences',
      header: 'no',
      sizeHint,
    });
    const want = reference(lines.map((l) => l.split(' ') as [string, string]));
    expect(g.ids).toEqual(want.ids);
    expect(arcs(g).sort()).toEqual(want.arcs);
    expect(g.report.edgeLines).toBe(5000);
  });

  it('reads a line longer than a window (parseEdgeList has no limit on lines), and lines around it', () => {
    const long = 'x'.repeat(WINDOW + 10);
    const text = `a b\nb c\n${long} y\nc d\n7 8\nd "e f"\ne 9`;
    const g = parseEdgeList(new TextEncoder().encode(text), {
      file: 'long.txt',
      direction: 'influences',
      edgeValues: 'ignore',
      header: 'no',
      gzip: false,
      sizeHint,
    });
    const edges: [string, string][] = [
      ['a', 'b'],
      ['b', 'c'],
      [long, 'y'],
      ['c', 'd'],
      ['7', '8'],
      ['d', 'e f'],
      ['e', '9'],
    ];
    const want = reference(edges);
    expect(g.ids).toEqual(want.ids);
    expect(arcs(g).sort()).toEqual(want.arcs);
    expect(g.report.edgeLines).toBe(7);
  });
});

describe('the compiled scanner alone', () => {
  const scannerOf = (slots = 1 << 10) => {
    const scanner = stringPairScanner('whitespace', classTable('whitespace'), slots);
    if (!scanner) throw new Error('no WebAssembly');
    return scanner;
  };

  it('gives each id of the lines it takes as its value, or its span and ordinal, and stops at any other line', () => {
    const scanner = scannerOf();
    const text = 'xx\nuser1 42\n007 2147483647\n2147483648\t\u00e9\r\n007 user1\n"q" r\n';
    const bytes = new TextEncoder().encode(text);
    const end = scanner.scan(bytes, 3, bytes.length, 100);
    expect(scanner.count).toBe(4);
    const at = (s: string, from = 0) => bytes.indexOf(s.charCodeAt(0), from) - 3;
    // Per id: start, end, ordinal, new and not ASCII; or -1 and the value.
    const ids = Array.from({ length: 8 }, (_, k) => {
      const r = Array.from(scanner.records.subarray(4 * k, 4 * k + 4));
      return r[0] < 0 ? r.slice(0, 2) : r;
    });
    expect(ids).toEqual([
      [0, 5, 0, 0], // "user1", then 42
      [-1, 42],
      [9, 12, 1, 0], // "007" is a string, 2^31 - 1 an integer
      [-1, 2147483647],
      [24, 34, 2, 0],
      [35, 37, 3, 1], // 2^31 and "é" (two bytes, new) are strings
      [39, 42, 1, 0],
      [43, 48, 0, 0], // known ids: their ordinals, not new
    ]);
    expect(at('"')).toBe(end - 3); // the quoted line is handed back
    expect(scanner.table.count).toBe(4);
    const { pool, starts } = scanner.table.bytes();
    expect(new TextDecoder().decode(pool)).toBe('user10072147483648\u00e9');
    expect(Array.from(starts)).toEqual([0, 5, 8, 18, 20]);
    // At most `room` records, ending at the start of the next line.
    expect(scanner.scan(bytes, 3, bytes.length, 1)).toBe(12);
    expect(scanner.count).toBe(1);
  });

  it('tells apart ids of one hash and one length, compared four bytes at a time and then byte by byte', () => {
    const { table } = scannerOf();
    const ids = ['abcdefgh1', 'abcdefgh2', 'abcdXfgh1', 'Xbcdefgh1', 'abc', 'abd', 'ab', 'a', ''];
    const enc = new TextEncoder();
    // All with hash 7: every lookup probes past the others.
    const ordinals = () => ids.map((id) => table.intern(enc.encode(id), 0, enc.encode(id).length, 7));
    expect(ordinals()).toEqual(ids.map((_, k) => k));
    expect(ordinals()).toEqual(ids.map((_, k) => k));
    expect(table.count).toBe(ids.length);
  });

  it('interns ids longer than a window one at a time', () => {
    const { table } = scannerOf();
    const enc = new TextEncoder();
    const ids = ['a'.repeat(3 * WINDOW), 'b', `${'a'.repeat(3 * WINDOW)}c`, 'b', 'a'.repeat(3 * WINDOW)];
    expect(ids.map((id) => table.intern(enc.encode(id), 0, enc.encode(id).length, 1))).toEqual([
      0, 1, 2, 1, 0,
    ]);
    const { pool, starts } = table.bytes();
    expect(Array.from(starts)).toEqual([0, 3 * WINDOW, 3 * WINDOW + 1, 6 * WINDOW + 2]);
    expect(new TextDecoder().decode(pool)).toBe(ids.slice(0, 3).join(''));
  });

  it('grows its table and pool past the first size, keeping every ordinal, and long ids whole', () => {
    const scanner = scannerOf();
    const long = 'L'.repeat(70000);
    const lines = Array.from({ length: 50000 }, (_, k) => `n${k} n${(k * 7919) % 50000}`);
    lines.splice(25000, 0, `${long} n1`, `n2 ${long}`);
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
    const ids: number[] = [];
    for (let p = 0; p < bytes.length; ) {
      const to = Math.min(bytes.length, bytes.lastIndexOf(0x0a, p + WINDOW - 1) + 1);
      const end = scanner.scan(bytes, p, to, 1e9);
      expect(end).toBe(to);
      for (let k = 0; k < 2 * scanner.count; k++) ids.push(scanner.records[4 * k + 2]);
      p = end;
    }
    const order = new Map<string, number>();
    const names = lines.flatMap((line) => line.split(' '));
    for (const id of names) if (!order.has(id)) order.set(id, order.size);
    expect(ids).toEqual(names.map((id) => order.get(id)));
    const table = new StringIds();
    table.handTo(scanner.table);
    expect(table.texts()).toEqual([...order.keys()]);
  });

  it('says so, rather than failing somewhere, when its memory cannot grow to what the table needs', () => {
    expect(() => scannerOf(1 << 29)).toThrow(
      /node ids of this file need more memory than WebAssembly can have/,
    );
  });
});

describe('StringIds', () => {
  const enc = new TextEncoder();
  const bytesOf = (ids: string[]) => {
    const all = enc.encode(ids.join(''));
    const spans: [number, number][] = [];
    let at = 0;
    for (const id of ids) {
      const n = enc.encode(id).length;
      spans.push([at, at + n]);
      at += n;
    }
    return { all, spans };
  };

  // Tables expecting no ids, fewer than there are, and far more (growing at once to 2^20 slots).
  it.each([0, 3000, 1e7])(
    'numbers ids by first interning, queued or not, through rehashes, and decodes them in pieces (expecting %d)',
    (expected) => {
      const ids = Array.from({ length: 20000 }, (_, i) => `id${(i * 7) % 9000}`);
      const { all, spans } = bytesOf(ids);
      const table = new StringIds(expected);
      const got: number[] = [];
      let queued = 0;
      const flush = () => {
        expect(table.resolve(all)).toBe(queued);
        got.push(...table.resolved.subarray(0, queued));
        queued = 0;
      };
      for (let i = 0; i < spans.length; i++) {
        const [s, e] = spans[i];
        if (i % 3 === 0) {
          flush();
          got.push(table.intern(all, s, e));
        } else {
          queued = table.queue(s, e, hashBytes(all, s, e));
          if (queued === 5) flush();
        }
      }
      flush();
      const order = new Map<string, number>();
      for (const id of ids) if (!order.has(id)) order.set(id, order.size);
      expect(got).toEqual(ids.map((id) => order.get(id)));
      expect(table.count).toBe(order.size);
      for (const piece of [1, 7, 64, 1 << 24]) expect(table.texts(piece)).toEqual([...order.keys()]);
    },
  );

  it('decodes non-ASCII ids one by one, and refuses bytes that are not UTF-8', () => {
    const ids = ['甲', 'b', '乙', 'b', 'é'];
    const { all, spans } = bytesOf(ids);
    const table = new StringIds();
    expect(spans.map(([s, e]) => table.intern(all, s, e))).toEqual([0, 1, 2, 1, 3]);
    expect(table.texts()).toEqual(['甲', 'b', '乙', 'é']);
    expect(table.intern(Uint8Array.from([0x61, 0xc3]), 0, 2)).toBe(-1);
    expect(table.intern(Uint8Array.from([0xed, 0xa0, 0x80]), 0, 3)).toBe(-1);
    expect(table.count).toBe(4);
  });
});
