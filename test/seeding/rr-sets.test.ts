/**
 * RR sets against exact expected spreads (live-edge enumeration) on tiny graphs, for ic (uniform
 * and per-edge probabilities), weighted cascade and linear threshold: n * (fraction of sets a seed
 * set meets) must lie within a few standard errors of the exact spread.
 */
import { describe, expect, it } from 'vitest';
import { createRrSampler, type RrBatch, RrCollection, type RrParams } from '../../src/seeding/rr-sets.ts';
import { csrOf } from '../support/graphs.ts';
import { exactSpread, type TinyModel } from './exact.ts';

// A small directed graph with a cycle, a shared audience and a chain (12 arcs).
const pairs: [number, number][] = [
  [0, 1],
  [0, 2],
  [1, 2],
  [2, 0],
  [2, 3],
  [3, 4],
  [4, 5],
  [1, 5],
  [5, 6],
  [6, 3],
  [0, 6],
  [6, 7],
];
const probabilities = [0.9, 0.2, 0.5, 0.3, 0.7, 0.6, 0.4, 0.1, 0.8, 0.25, 0.35, 0.55];
const plain = csrOf(8, pairs);
const withValues = csrOf(8, pairs, 'influences', probabilities);
const friends = csrOf(
  6,
  [
    [0, 1],
    [1, 2],
    [2, 0],
    [2, 3],
    [3, 4],
    [4, 5],
  ],
  'undirected',
);

const SETS = 40_000;
const seedSets = [[0], [3], [6], [0, 4], [1, 3, 7]];

function collection(n: number, batch: RrBatch): RrCollection {
  const c = new RrCollection(n);
  c.append(batch);
  return c;
}

const cases: { name: string; csr: typeof plain; rr: RrParams; truth: TinyModel }[] = [
  { name: 'ic p=0.4', csr: plain, rr: { model: 'ic', p: 0.4 }, truth: { model: 'ic', p: 0.4 } },
  {
    name: 'ic file probabilities',
    csr: withValues,
    rr: { model: 'ic', p: null },
    truth: { model: 'icFile' },
  },
  { name: 'wc', csr: plain, rr: { model: 'wc', p: null }, truth: { model: 'wc' } },
  { name: 'lt degree weights', csr: plain, rr: { model: 'lt', p: null }, truth: { model: 'lt' } },
  { name: 'lt file weights', csr: withValues, rr: { model: 'lt', p: null }, truth: { model: 'lt' } },
  { name: 'ic undirected p=0.5', csr: friends, rr: { model: 'ic', p: 0.5 }, truth: { model: 'ic', p: 0.5 } },
  { name: 'wc undirected', csr: friends, rr: { model: 'wc', p: null }, truth: { model: 'wc' } },
  { name: 'lt undirected', csr: friends, rr: { model: 'lt', p: null }, truth: { model: 'lt' } },
];

// Live-count tables, coin flips per arc, and geometric skipping wherever a receiver's in-arcs share p.
const paths = [
  { path: 'live-count tables', sampler: {} },
  { path: 'coin flips', sampler: { geometricCost: Number.POSITIVE_INFINITY, liveTableMax: 0 } },
  { path: 'geometric skips', sampler: { geometricCost: 0, liveTableMax: 0 } },
];

const exactCache = new Map<string, number>();

describe('RR-set spread estimates equal exact expected spreads', () => {
  for (const c of cases.flatMap((c) => paths.map((p) => ({ ...c, ...p })))) {
    it(`${c.name} (${c.path})`, () => {
      const n = c.csr.n;
      const sets = collection(n, createRrSampler(c.csr, c.rr, c.sampler).generate(11, 0, SETS));
      for (const seeds of seedSets.map((s) => s.filter((v) => v < n))) {
        const f = sets.coverage(seeds) / SETS;
        const estimate = n * f;
        const key = `${c.name}:${seeds}`;
        const exact = exactCache.get(key) ?? exactSpread(c.csr, c.truth, seeds);
        exactCache.set(key, exact);
        const se = n * Math.sqrt(Math.max(f * (1 - f), 1e-4) / SETS);
        expect(Math.abs(estimate - exact), `${c.name} seeds ${seeds}: ${estimate} vs ${exact}`).toBeLessThan(
          4 * se,
        );
      }
    });
  }
});

describe('RR-set generation', () => {
  it('gives the same sets however the index range is split', () => {
    const s = createRrSampler(plain, { model: 'wc', p: null });
    const whole = s.generate(5, 0, 500);
    const a = createRrSampler(plain, { model: 'wc', p: null }).generate(5, 0, 137);
    const b = s.generate(5, 137, 363);
    const joined = new RrCollection(8);
    joined.append(a);
    joined.append(b);
    expect(Array.from(joined.offsets.subarray(0, 501))).toEqual(Array.from(whole.offsets));
    expect(Array.from(joined.nodes.subarray(0, joined.size))).toEqual(Array.from(whole.nodes));
    // Another stream gives other sets.
    expect(Array.from(s.generate(6, 0, 500).nodes)).not.toEqual(Array.from(whole.nodes));
  });

  it('stores each set once per node, root first, and counts agree with the sets', () => {
    const s = createRrSampler(withValues, { model: 'ic', p: null });
    const batch = s.generate(3, 0, 2000);
    for (let j = 0; j < batch.count; j++) {
      const set = Array.from(batch.nodes.subarray(batch.offsets[j], batch.offsets[j + 1]));
      expect(new Set(set).size).toBe(set.length);
    }
    const counts = new Uint32Array(8);
    s.count(3, 0, 2000, counts);
    const expected = new Uint32Array(8);
    for (const v of batch.nodes) expected[v]++;
    expect(Array.from(counts)).toEqual(Array.from(expected));
  });

  it('refuses models without live-edge worlds, and ic without probabilities', () => {
    expect(() => createRrSampler(plain, { model: 'sir' as 'ic', p: 0.1 })).toThrow(
      /seed finding works with ic, wc, lt/,
    );
    expect(() => createRrSampler(plain, { model: 'ic', p: null })).toThrow(/per-edge probabilities/);
  });

  it('prefix coverage counts sets first hit by each prefix', () => {
    const c = new RrCollection(4);
    c.append({
      first: 0,
      count: 4,
      offsets: Uint32Array.from([0, 2, 3, 5, 6]),
      nodes: Uint32Array.from([0, 1, 1, 2, 3, 3]),
      examined: 0,
    });
    expect(c.prefixCoverage([1, 3, 0, 2])).toEqual([2, 4, 4, 4]);
    expect(c.coverage([2])).toBe(1);
  });
});
