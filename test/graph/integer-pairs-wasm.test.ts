/**
 * The compiled integer fast path (src/graph/integer-pairs-wasm.ts). The scanner alone is checked
 * against a reading written here from the rule (a line is two canonical integers, 0 or digits
 * without a leading 0, at most 2^31 - 1, separated as the delimiter says, then only spaces, tabs
 * or CR); the reader with it against the reader without WebAssembly (the JS loops), on random and
 * hostile files: same graph, report and error, whatever line the scanner has to hand back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EdgeListReader, parseEdgeList } from '../../src/graph/edge-list.ts';
import { integerPairScanner, type PairDelimiter, WINDOW } from '../../src/graph/integer-pairs-wasm.ts';
import { LoadError } from '../../src/graph/load-error.ts';
import type { LoadedGraph } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';
import { load } from './support.ts';

const SEPARATOR: Record<PairDelimiter, RegExp> = {
  whitespace: /^[ \t]+$/,
  tab: /^[ \t]*\t[ \t]*$/,
  comma: /^[ \t]*,[ \t]*$/,
  semicolon: /^[ \t]*;[ \t]*$/,
};
const SAMPLE_SEPARATOR: Record<PairDelimiter, string[]> = {
  whitespace: [' ', '\t', '  ', ' \t '],
  tab: ['\t', '\t\t', ' \t', '\t '],
  comma: [',', ', ', ' ,', '\t, '],
  semicolon: [';', '; ', ' ;'],
};
const DIRECT = 1 << 24;

/** The two ids of a line the rule accepts, else null. */
function ruleReads(line: string, delimiter: PairDelimiter): [number, number] | null {
  const m = /^(0|[1-9][0-9]*)([^0-9]+)(0|[1-9][0-9]*)[ \t\r]*$/.exec(line);
  if (!m || !SEPARATOR[delimiter].test(m[2])) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  return a <= 2 ** 31 - 1 && b <= 2 ** 31 - 1 && m[1].length <= 10 && m[3].length <= 10 ? [a, b] : null;
}

/** A line that takes the fast path or one that must not, for `delimiter`. */
function randomLine(rng: () => number, delimiter: PairDelimiter): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const id = () =>
    rng() < 0.8
      ? String(Math.floor(rng() ** 3 * 2 ** (1 + Math.floor(rng() * 31))))
      : pick([
          '007',
          '00',
          '2147483647',
          '2147483648',
          '4294967296',
          '21474836470',
          'x',
          '1e3',
          '-1',
          '',
          '"4"',
        ]);
  const sep = rng() < 0.9 ? pick(SAMPLE_SEPARATOR[delimiter]) : pick([' ', '\t', ',', ';', '', ' x ']);
  const trail = pick(['', '', '', ' ', '\r', '\t ', ' 3', ' #', '\u00e9', '\u0000']);
  if (rng() < 0.05) return pick(['# comment', '', ' 1 2', '1 2 3', 'a b']);
  return `${id()}${sep}${id()}${trail}`;
}

describe('the compiled integer scanner', () => {
  for (const delimiter of ['whitespace', 'tab', 'comma', 'semicolon'] as const) {
    it(`takes exactly the lines the rule accepts (${delimiter})`, () => {
      const scanner = integerPairScanner(delimiter, DIRECT);
      expect(scanner).not.toBeNull();
      if (!scanner) return;
      for (let seed = 1; seed <= 300; seed++) {
        const r = new Rng(seed);
        const rng = () => r.float();
        const lines = Array.from({ length: 1 + Math.floor(rng() * 30) }, () => randomLine(rng, delimiter));
        const text = lines.join('\n') + (rng() < 0.5 ? '\n' : '');
        const bytes = new TextEncoder().encode(text);
        // The rule: the leading lines it accepts, their ids, and where the first other line starts.
        const want: [number, number][] = [];
        let end = 0;
        for (const [i, line] of lines.entries()) {
          const ids = ruleReads(line, delimiter);
          if (!ids) break;
          want.push(ids);
          end +=
            new TextEncoder().encode(line).length + (i < lines.length - 1 || text.endsWith('\n') ? 1 : 0);
        }
        const got = scanner.scan(bytes, 0, bytes.length, scanner.maxRecords, 0);
        const records = Array.from({ length: got.records }, (_, i): [number, number] => [
          scanner.src[i],
          scanner.dst[i],
        ]);
        expect(records, `seed ${seed}: ${JSON.stringify(text)}`).toEqual(want);
        expect(got.end, `seed ${seed}`).toBe(end);
        const small = want.flat().filter((x) => x < DIRECT);
        expect(got.maxSmall).toBe(Math.max(0, ...small));
      }
    });
  }

  it('stops at the room given, at the start of the next line, and reads within [from, to)', () => {
    const scanner = integerPairScanner('whitespace', DIRECT);
    if (!scanner) throw new Error('no WebAssembly');
    const bytes = new TextEncoder().encode('xx\n1 2\n3 4\n5 6\n7 8\n');
    const got = scanner.scan(bytes, 3, 15, 2, 0);
    expect([got.records, got.end, got.maxSmall]).toEqual([2, 11, 4]);
    expect([...scanner.src.subarray(0, 2), ...scanner.dst.subarray(0, 2)]).toEqual([1, 3, 2, 4]);
    // Ids at or above the direct limit leave maxSmall alone.
    const large = integerPairScanner('whitespace', 100);
    const g = large?.scan(new TextEncoder().encode('150 7\n99 100\n'), 0, 13, 10, 3);
    expect([g?.records, g?.maxSmall]).toEqual([2, 99]);
  });
});

/** The graph and report, or the error message: what a reading of a file comes to. */
async function outcome(
  content: string | Uint8Array,
  options: { maxEdges?: number; direction?: 'influences' | 'undirected'; sizeHint?: number } = {},
) {
  try {
    const g: LoadedGraph = await load(content, {
      file: 'f.txt',
      direction: options.direction ?? 'influences',
      maxEdges: options.maxEdges,
      // As for a file large enough for the compiled loop (the reader takes it from 128 KiB).
      sizeHint: options.sizeHint ?? 1 << 20,
    });
    const { csr } = g;
    return {
      ids: [...g.ids],
      out: [...csr.outOffsets, -1, ...csr.outTargets],
      in: [...csr.inOffsets, -1, ...csr.inSources],
      values: csr.outValues ? [...csr.outValues] : null,
      report: g.report,
    };
  } catch (e) {
    if (!(e instanceof LoadError)) throw e;
    return { error: e.message };
  }
}

/** The same reading with the JS loops alone (no WebAssembly). */
async function withoutWasm(content: string | Uint8Array, options: Parameters<typeof outcome>[1] = {}) {
  vi.stubGlobal('WebAssembly', undefined);
  try {
    return await outcome(content, options);
  } finally {
    vi.unstubAllGlobals();
  }
}

describe('the reader with and without the compiled scanner', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('counts lines alike, a last line without its line feed included', () => {
    const atLine = (text: string) => {
      const reader = new EdgeListReader({
        file: 'f.txt',
        direction: 'influences',
        edgeValues: 'probability',
        header: 'auto',
        gzip: false,
      });
      reader.feed(new TextEncoder().encode(text));
      return reader.atLine;
    };
    // Past the few lines the JS loop reads before calling the compiled one.
    const run = '1 2\n'.repeat(20);
    const texts = [`${run}3 4\n5 6`, `${run}3 4\n5 6\n`, `${run}3 4\n5 6 \r`, `${run}\n3 4\n`];
    const compiled = texts.map(atLine);
    expect(compiled).toEqual([22, 23, 22, 23]);
    vi.stubGlobal('WebAssembly', undefined);
    expect(texts.map(atLine)).toEqual(compiled);
  });

  it('reads random files of integer lines and every other kind of line alike', async () => {
    for (let seed = 1; seed <= 150; seed++) {
      const r = new Rng(1000 + seed);
      const rng = () => r.float();
      const delimiter = (['whitespace', 'tab', 'comma', 'semicolon'] as const)[seed % 4];
      const first = `1${SAMPLE_SEPARATOR[delimiter][0]}2`;
      const lines = [first];
      for (let i = 0; i < 40 + Math.floor(rng() * 200); i++) {
        // Mostly good lines, so that runs of them reach the odd ones.
        lines.push(
          rng() < 0.95
            ? `${Math.floor(rng() * 50)}${SAMPLE_SEPARATOR[delimiter][0]}${Math.floor(rng() * 50)}`
            : randomLine(rng, delimiter),
        );
      }
      const text = lines.join('\n') + (rng() < 0.5 ? '\n' : '');
      expect(await outcome(text), `seed ${seed}`).toEqual(await withoutWasm(text));
    }
  });

  it('hands back at each kind of unusual line and names the same line in errors', async () => {
    const good = Array.from({ length: 50 }, (_, i) => `${i} ${(i * 7) % 50}`).join('\n');
    const odd = [
      '# a comment',
      '% a comment',
      '',
      '   ',
      ' 3 4',
      'a b',
      '"5" 6',
      '7 "8"',
      '9 10 0.5',
      '007 8',
      '2147483648 1',
      '1 2147483647',
      '11\t12',
      '13,14',
      '15 16 # note',
      '17',
      '18 19 20 21',
      '\u00e9 1',
      '1 \u00e9',
      '1 2\u0000',
      '\u0001 2',
      '1 2\r',
      '3 4 \t\r',
      '\u00ff\u00fe',
    ];
    for (const line of odd) {
      for (const text of [`${good}\n${line}\n${good}\n`, `${good}\n${line}`, `${line}\n${good}`]) {
        expect(await outcome(text), JSON.stringify(line)).toEqual(await withoutWasm(text));
      }
    }
    // Latin-1 bytes (not UTF-8) after integer lines: the text check still names the right line.
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${good}\n`), 0xe9, 0x20, 0x31, 0x0a]);
    const error = await outcome(latin1);
    expect(error).toEqual(await withoutWasm(latin1));
    expect(error).toMatchObject({ error: expect.stringMatching(/^f\.txt:51: /) });
  });

  it('reads files longer than a window, lines longer than one, and stops at the edge limit alike', async () => {
    const r = new Rng(7);
    const lines = Array.from({ length: 40_000 }, () => `${r.below(5000)} ${r.below(5000)}`);
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(2 * WINDOW);
    for (const direction of ['influences', 'undirected'] as const)
      expect(await outcome(text, { direction })).toEqual(await withoutWasm(text, { direction }));
    // Given whole (parseEdgeList), not in blocks: the reader cuts the windows itself.
    const whole = (g: LoadedGraph) => [[...g.csr.outOffsets], [...g.csr.outTargets], g.ids, g.report];
    const parse = () =>
      parseEdgeList(new TextEncoder().encode(text), {
        file: 'f.txt',
        direction: 'influences',
        edgeValues: 'probability',
        header: 'auto',
        gzip: false,
      });
    const compiled = whole(parse());
    vi.stubGlobal('WebAssembly', undefined);
    const plain = whole(parse());
    vi.unstubAllGlobals();
    expect(compiled).toEqual(plain);
    // A line of two ids and more trailing spaces than a window holds.
    const long = `1 2\n3 4${' '.repeat(WINDOW + 10)}\n5 6\n`;
    expect(await outcome(long)).toEqual(await withoutWasm(long));
    // The limit on edges: exactly at it, one over (the error names the line), over by a comment.
    // A size hint that makes the record arrays grow twice on the way.
    const sizeHint = 200_000;
    for (const maxEdges of [39_999, 40_000, 1000, 1, undefined]) {
      expect(await outcome(text, { maxEdges, sizeHint }), `max ${maxEdges}`).toEqual(
        await withoutWasm(text, { maxEdges, sizeHint }),
      );
    }
    const atLimit = await outcome(`${lines.slice(0, 1000).join('\n')}\n# end\n`, { maxEdges: 1000 });
    expect(atLimit).toMatchObject({ report: { edgeLines: 1000 } });
  });
});
