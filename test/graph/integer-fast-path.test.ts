/**
 * The edge-list reader takes runs of "integer integer" lines in a tight loop and hands every
 * other line to the general path. These tests read random files that interleave both kinds of
 * line and compare with a reference reading written here from the format's rules (split on the
 * delimiter, ids are the exact strings), so any disagreement between the two paths shows up as
 * a wrong id, arc, line count or error line.
 */
import { describe, expect, it } from 'vitest';
import { LoadError } from '../../src/graph/load-error.ts';
import { Rng } from '../../src/util/rng.ts';
import { arcs, load } from './support.ts';

type Delimiter = 'whitespace' | 'comma' | 'tab';

/** Ids that take the integer path, and ids that look numeric but must stay strings. */
const INTEGERS = ['0', '1', '2', '3', '5', '8', '13', '21', '99', '2147483647', '1000000'];
const LOOKALIKES = ['007', '00', '2147483648', '4294967297', '12345678901', 'x7', '7x', '-3', '+4', '3.0'];

function pick<T>(rng: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)];
}

/** A random file and what it means: the edges in file order and the number of skipped lines. */
function randomFile(rng: () => number, delimiter: Delimiter, lines: number) {
  const text: string[] = ['1 2'.replace(' ', delimiter === 'comma' ? ',' : delimiter === 'tab' ? '\t' : ' ')];
  const edges: [string, string][] = [['1', '2']];
  let skipped = 0;
  const id = () => (rng() < 0.85 ? pick(rng, INTEGERS) : pick(rng, LOOKALIKES));
  const separator = () => {
    if (delimiter === 'comma') return pick(rng, [',', ', ', ' ,', '\t, ']);
    if (delimiter === 'tab') return pick(rng, ['\t', '\t\t', ' \t', '\t ']);
    return pick(rng, [' ', '\t', '  ', ' \t ', '\r']);
  };
  for (let i = 1; i < lines; i++) {
    const r = rng();
    if (r < 0.05) {
      text.push(pick(rng, ['# a comment', '% another', '', '   ', '\r']));
      skipped++;
      continue;
    }
    const a = id();
    const b = id();
    const lead = rng() < 0.05 ? ' ' : '';
    const trail = pick(rng, ['', '', '', ' ', '\r', '\t']);
    text.push(`${lead}${a}${separator()}${b}${trail}`);
    edges.push([a, b]);
  }
  const finalNewline = rng() < 0.5;
  return { content: text.join('\n') + (finalNewline ? '\n' : ''), edges, skipped };
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

describe('integer lines and other lines read alike', () => {
  for (const delimiter of ['whitespace', 'comma', 'tab'] as const) {
    it(`mixed ${delimiter}-separated files equal the reference reading`, async () => {
      for (let seed = 1; seed <= 40; seed++) {
        const r = new Rng(seed);
        const rng = () => r.float();
        const { content, edges, skipped } = randomFile(rng, delimiter, 60 + Math.floor(rng() * 200));
        const g = await load(content, { file: `mixed-${seed}.txt`, direction: 'influences' });
        const want = reference(edges);
        expect(g.ids, `seed ${seed}`).toEqual(want.ids);
        expect(arcs(g).sort(), `seed ${seed}`).toEqual(want.arcs);
        expect(g.report.edgeLines, `seed ${seed}`).toBe(edges.length);
        expect(g.report.skippedLines, `seed ${seed}`).toBe(skipped);
        expect(g.report.header).toBeNull();
      }
    });
  }

  it('names the right line when a bad line follows a run of integer lines', async () => {
    const r = new Rng(5);
    const rng = () => r.float();
    for (const bad of ['1 2 3 4', '1', '5 "x', '7 8 9 10 11', `3 4${String.fromCharCode(1)}`]) {
      const at = 10 + Math.floor(rng() * 500); // 1-based line number of the bad line
      const lines = Array.from({ length: at + 20 }, (_, i) => `${i % 37} ${(i * 7) % 41}`);
      lines[at - 1] = bad;
      const err = await load(lines.join('\n'), { file: 'bad.txt', direction: 'influences' }).catch(
        (e: unknown) => e,
      );
      expect(err, bad).toBeInstanceOf(LoadError);
      expect((err as LoadError).message, bad).toContain(`bad.txt:${at}:`);
    }
  });

  it('keeps values: a third column leaves the integer loop and is still read', async () => {
    const g = await load('1 2\n2 3\n3 4 0.5\n', { file: 'v.txt', direction: 'influences' }).catch(
      (e: unknown) => e,
    );
    // Two columns, then three: the same column rule as before the fast path.
    expect((g as LoadError).message).toContain('v.txt:3: 3 columns');
    const h = await load('1 2 0.25\n2 3 0.5\n3 4 1\n', { file: 'w.txt', direction: 'influences' });
    expect(Array.from(h.csr.outValues ?? [])).toEqual([0.25, 0.5, 1]);
  });
});
