/**
 * The tie-aware IC kernel against exact enumeration (within 4 standard errors): strong/weak
 * probabilities against per-arc probabilities, group broadcast against the equivalent graph, and
 * the `via` credits against a replay of every world in the documented order of attempts.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/diffusion/simulator.ts';
import type { ModelParams, TieParams } from '../../src/diffusion/types.ts';
import { mutualArcs } from '../../src/graph/ties.ts';
import { arcsOf, csrOf } from '../support/graphs.ts';
import { exactIc } from '../support/live-edge.ts';
import { params, runLocal, seedsAt, standardError } from '../support/simulate.ts';
import { exactTies } from './exact-ties.ts';

const RUNS = 40_000;

function tieParams(t: Partial<TieParams>): ModelParams {
  return params({
    model: 'ic',
    p: 0.1,
    ties: { strongBy: 'mutual', pStrong: 0.1, pWeak: 0.1, groups: [], pGroup: 0, strongOnly: false, ...t },
  });
}

/** Mean and standard error of one via kind from the per-run counts. */
function viaStat(via: Uint32Array, kind: number, runs: number): { mean: number; se: number } {
  let sum = 0;
  for (let r = 0; r < runs; r++) sum += via[3 * r + kind];
  const mean = sum / runs;
  let sq = 0;
  for (let r = 0; r < runs; r++) sq += (via[3 * r + kind] - mean) ** 2;
  return { mean, se: Math.sqrt(sq / (runs - 1) / runs) };
}

// 0 <-> 1 <-> 2 mutual, 2 -> 3 -> 4 weak, 1 -> 4 weak, 4 <-> 5 mutual.
const pairs: [number, number][] = [
  [0, 1],
  [1, 0],
  [1, 2],
  [2, 1],
  [2, 3],
  [3, 4],
  [1, 4],
  [4, 5],
  [5, 4],
];
const g = csrOf(6, pairs);
const mutual = new Set(['0,1', '1,0', '1,2', '2,1', '4,5', '5,4']);
const isStrong = (u: number, v: number) => mutual.has(`${u},${v}`);

describe('tie kinds on the CSR', () => {
  it('marks exactly the reciprocated arcs as mutual', () => {
    const m = mutualArcs(g);
    expect(arcsOf(g).map(([u, v], k) => [u, v, m[k]])).toEqual(
      arcsOf(g).map(([u, v]) => [u, v, isStrong(u, v) ? 1 : 0]),
    );
  });
});

// Where the order of attempts decides the credit: 0 -> 1 (weak) comes before 0 -> 2 (strong), so 1
// tries 3 (weak) before 2 does (strong).
const orderPairs: [number, number][] = [
  [0, 1],
  [0, 2],
  [2, 0],
  [1, 3],
  [2, 3],
  [3, 2],
];
const ordered = csrOf(4, orderPairs);
const orderMutual = new Set(['0,2', '2,0', '2,3', '3,2']);
const orderStrong = (u: number, v: number) => orderMutual.has(`${u},${v}`);

describe('ic with --p-strong / --p-weak', () => {
  it('credits an adoption to the first successful attempt in CSR order', () => {
    const ps = 0.7;
    const pw = 0.6;
    const { shard } = runLocal(ordered, tieParams({ pStrong: ps, pWeak: pw }), seedsAt(0), RUNS, 5);
    const ex = exactTies(ordered, [0], orderStrong, { pStrong: ps, pWeak: pw, pGroup: 0 });
    const via = shard.via as Uint32Array;
    for (const [kind, name] of [
      [0, 'strong'],
      [1, 'weak'],
    ] as const) {
      const s = viaStat(via, kind, RUNS);
      expect(Math.abs(s.mean - ex.via[name])).toBeLessThanOrEqual(4 * s.se);
    }
  });

  it.each([
    [0.6, 0.2],
    [0.15, 0.9],
  ])('pStrong %f, pWeak %f matches per-arc exact spread and via totals', (ps, pw) => {
    const arcs = arcsOf(g);
    const exact = exactIc(g, [0], (k) => (isStrong(...arcs[k]) ? ps : pw));
    const { shard, summary } = runLocal(g, tieParams({ pStrong: ps, pWeak: pw }), seedsAt(0), RUNS, 7);
    expect(Math.abs(summary.mean - exact.mean)).toBeLessThan(4 * standardError(summary.std, RUNS));
    const ex = exactTies(g, [0], isStrong, { pStrong: ps, pWeak: pw, pGroup: 0 });
    expect(ex.mean).toBeCloseTo(exact.mean, 12);
    const via = shard.via as Uint32Array;
    for (const [kind, name] of [
      [0, 'strong'],
      [1, 'weak'],
      [2, 'group'],
    ] as const) {
      const s = viaStat(via, kind, RUNS);
      expect(Math.abs(s.mean - ex.via[name])).toBeLessThanOrEqual(4 * s.se + 1e-12);
    }
    expect(summary.via?.strong).toBeCloseTo(viaStat(via, 0, RUNS).mean, 12);
    // Seeds excluded: the credits add up to the adoptions beyond the seed.
    expect((summary.via?.strong ?? 0) + (summary.via?.weak ?? 0)).toBeCloseTo(summary.mean - 1, 10);
  });

  it('pStrong = pWeak = p gives exactly the plain ic numbers (same attempts, same random stream)', () => {
    const plain = runLocal(g, params({ model: 'ic', p: 0.3 }), seedsAt(0), 500, 3).shard;
    const tied = runLocal(g, tieParams({ pStrong: 0.3, pWeak: 0.3 }), seedsAt(0), 500, 3).shard;
    expect(Array.from(tied.sizes)).toEqual(Array.from(plain.sizes));
    expect(plain.via).toBeUndefined();
  });
});

describe('group broadcast', () => {
  // A path 0 -> 1 -> 2 plus 3 isolated; groups {0,2,3} and {0,3}: 0 reaches 3 twice.
  const path = csrOf(4, [
    [0, 1],
    [1, 2],
  ]);
  const groups = [
    [0, 2, 3],
    [0, 3],
  ];
  const p = 0.4;
  const q = 0.3;

  it('matches the graph whose arc u -> v has probability 1 - (1-p)(1-Q)^g', () => {
    const shared = (u: number, v: number) => groups.filter((gr) => gr.includes(u) && gr.includes(v)).length;
    const arcSet = new Set(arcsOf(path).map(([u, v]) => `${u},${v}`));
    const union: [number, number][] = [];
    for (let u = 0; u < 4; u++)
      for (let v = 0; v < 4; v++)
        if (u !== v && (arcSet.has(`${u},${v}`) || shared(u, v) > 0)) union.push([u, v]);
    const equivalent = csrOf(4, union);
    const ua = arcsOf(equivalent);
    const prob = (k: number) => {
      const [u, v] = ua[k];
      return 1 - (1 - (arcSet.has(`${u},${v}`) ? p : 0)) * (1 - q) ** shared(u, v);
    };
    for (const seed of [0, 1]) {
      const exact = exactIc(equivalent, [seed], prob);
      const { summary, shard } = runLocal(
        path,
        tieParams({ pStrong: p, pWeak: p, groups, pGroup: q }),
        seedsAt(seed),
        RUNS,
        11,
      );
      expect(Math.abs(summary.mean - exact.mean)).toBeLessThan(4 * standardError(summary.std, RUNS));
      const ex = exactTies(path, [seed], () => false, { pStrong: p, pWeak: p, pGroup: q }, groups);
      const via = shard.via as Uint32Array;
      for (const [kind, name] of [
        [1, 'weak'],
        [2, 'group'],
      ] as const) {
        const s = viaStat(via, kind, RUNS);
        expect(Math.abs(s.mean - ex.via[name])).toBeLessThanOrEqual(4 * s.se + 1e-12);
      }
    }
  });

  it('rejects an empty group, a repeated member and a probability outside [0, 1]', () => {
    expect(() => createSimulator(path, tieParams({ groups: [[0], []], pGroup: 0.1 }))).toThrow(
      /group 2 is empty/,
    );
    expect(() => createSimulator(path, tieParams({ groups: [[0, 0]], pGroup: 0.1 }))).toThrow(/twice/);
    expect(() => createSimulator(path, tieParams({ pWeak: 1.5 }))).toThrow(/pWeak.*\[0, 1\]/);
    expect(() => createSimulator(path, tieParams({ groups: [[0, 9]], pGroup: 0.1 }))).toThrow(/outside/);
  });
});
