/**
 * Tie classification and the `ripple ties` summary on graphs small enough to check by hand:
 * Onnela's overlap, mutual pairs, bridges (splitting and between communities), the notes on
 * rules that make every tie one kind, and the strong-only threshold.
 */
import { describe, expect, it } from 'vitest';
import type { ModelParams } from '../../src/diffusion/types.ts';
import { arcOverlap, parseStrongBy, strongArcs } from '../../src/graph/ties.ts';
import { summarizeTies } from '../../src/ties/summary.ts';
import { arcsOf, csrOf } from '../support/graphs.ts';
import { params, runLocal, seedsAt } from '../support/simulate.ts';

const louvain = { rngSeed: 1, resolution: 1 };

// Triangle 0-1-2 with a pendant 3 on 2 (undirected).
const triangle = csrOf(
  4,
  [
    [0, 1],
    [1, 2],
    [0, 2],
    [2, 3],
  ],
  'undirected',
);

function byPair(csr: ReturnType<typeof csrOf>, values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  arcsOf(csr).forEach(([u, v], k) => {
    out[`${u}-${v}`] = values[k];
  });
  return out;
}

describe('tie strength', () => {
  it("computes Onnela's overlap c / ((k_u - 1) + (k_v - 1) - c)", () => {
    const o = byPair(triangle, arcOverlap(triangle));
    // N(0)={1,2}, N(1)={0,2}: c=1, 1+1-1 = 1. N(2)={0,1,3}: (0,2): c=1, 1+2-1 = 2. (2,3): c=0.
    expect(o['0-1']).toBe(1);
    expect(o['1-0']).toBe(1);
    expect(o['0-2']).toBe(0.5);
    expect(o['2-1']).toBe(0.5);
    expect(o['2-3']).toBe(0);
    expect(o['3-2']).toBe(0);
    const strong = byPair(triangle, strongArcs(triangle, { kind: 'embeddedness', min: 0.6 }));
    expect(strong['0-1']).toBe(1);
    expect(strong['0-2']).toBe(0);
  });

  it.each([
    ['mutual', { kind: 'mutual' }],
    ['embeddedness:0.25', { kind: 'embeddedness', min: 0.25 }],
    ['embeddedness:2', null],
    ['embeddedness:', null],
    ['strong', null],
  ])('parses --strong-by %s', (text, expected) => {
    const r = parseStrongBy(text);
    if (expected) expect(r).toEqual(expected);
    else expect(r).toHaveProperty('error');
  });
});

describe('summarizeTies', () => {
  it('counts mutual pairs, strong and weak arcs, bridges and the overlap histogram', () => {
    const s = summarizeTies(triangle, { kind: 'embeddedness', min: 0.6 }, 'embeddedness:0.6', louvain);
    expect(s.arcs).toBe(8);
    expect(s.mutualPairs).toBe(4);
    expect(s.strong).toBe(2);
    expect(s.weak).toBe(6);
    expect(s.bridges.splitting).toBe(2); // 2-3 both ways
    expect(s.embeddedness.bins.reduce((a, b) => a + b.arcs, 0)).toBe(8);
    expect(s.embeddedness.bins[0].arcs).toBe(2);
    expect(s.embeddedness.bins[5].arcs).toBe(4);
    expect(s.embeddedness.bins[9].arcs).toBe(2);
    expect(s.embeddedness.mean).toBeCloseTo((2 * 1 + 4 * 0.5) / 8, 12);
    expect(s.notes).toEqual([]);
  });

  it('finds the bridge between two cliques and counts it as between communities', () => {
    const pairs: [number, number][] = [];
    for (const base of [0, 5])
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) pairs.push([base + i, base + j]);
    pairs.push([4, 5]);
    const g = csrOf(10, pairs, 'undirected');
    const s = summarizeTies(g, { kind: 'mutual' }, 'mutual', louvain);
    expect(s.bridges.splitting).toBe(2);
    expect(s.bridges.communities).toBe(2);
    expect(s.bridges.betweenCommunities).toBe(2);
  });

  it('says every tie is weak under mutual when no arc is reciprocated, and suggests embeddedness', () => {
    const g = csrOf(3, [
      [0, 1],
      [1, 2],
    ]);
    const s = summarizeTies(g, { kind: 'mutual' }, 'mutual', louvain);
    expect(s.strong).toBe(0);
    expect(s.notes.join(' ')).toMatch(/every tie is weak under mutual.*embeddedness/);
    expect(summarizeTies(triangle, { kind: 'mutual' }, 'mutual', louvain).notes.join(' ')).toMatch(
      /undirected.*embeddedness/,
    );
  });
});

describe('threshold over strong ties only', () => {
  // 0 <-> 2 mutual (strong), 1 -> 2 weak.
  const g = csrOf(3, [
    [0, 2],
    [2, 0],
    [1, 2],
  ]);
  const strongOnly = (phi: number): ModelParams =>
    params({
      model: 'threshold',
      phi,
      ties: { strongBy: 'mutual', pStrong: 0, pWeak: 0, groups: [], pGroup: 0, strongOnly: true },
    });
  it('a weak tie does not count; a strong one does', () => {
    // Plain threshold: 1 -> 2 (need 1 of 2), then 2 -> 0.
    expect(runLocal(g, params({ model: 'threshold', phi: 0.5 }), seedsAt(1), 1).summary.mean).toBe(3);
    expect(runLocal(g, strongOnly(0.5), seedsAt(1), 1).summary.mean).toBe(1);
    const fromStrong = runLocal(g, strongOnly(0.5), seedsAt(0), 1).summary;
    expect(fromStrong.mean).toBe(2);
    expect(fromStrong.via).toEqual({ strong: 1, weak: 0, group: 0 });
  });
});
