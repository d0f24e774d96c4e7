/**
 * The ic / wc RR-set sampler (rr-sets.ts) keeps SFC32's state in local variables and writes each
 * set straight into its output. It must draw exactly what its definition says: set i of stream s
 * is the reverse BFS of a root Rng(s, i).below(n), in-arc by in-arc with rng.u31() < threshold,
 * or from live arc to live arc with Geometric(p) gaps from rng.float() where a receiver's in-arcs
 * share p. The reference below is that definition written plainly with util/rng.ts's Rng; the
 * sampler must give the same sets, number for number. And the sets' distribution: each node's
 * share of sets equals its exact single-seed spread / n (live-edge enumeration) within 4 SE.
 */
import { describe, expect, it } from 'vitest';
import type { Csr } from '../../src/graph/types.ts';
import { createRrSampler, inArcThresholds, type RrParams, sharedLogMiss } from '../../src/seeding/rr-sets.ts';
import { Rng } from '../../src/util/rng.ts';
import { csrOf, lcgDraw } from '../support/graphs.ts';
import { exactSpread, type TinyModel } from './exact.ts';

/** Sets [first, first + count) of stream rngSeed, by the definition (see the header). */
function referenceSets(
  csr: Csr,
  params: RrParams,
  rngSeed: number,
  first: number,
  count: number,
  geometricCost?: number,
): number[][] {
  const thr = inArcThresholds(csr, params);
  const logMiss = sharedLogMiss(csr, params, geometricCost);
  const sets: number[][] = [];
  for (let j = 0; j < count; j++) {
    const rng = new Rng(rngSeed, first + j);
    const root = rng.below(csr.n);
    const set = [root];
    const seen = new Set(set);
    const add = (u: number) => {
      if (seen.has(u)) return;
      seen.add(u);
      set.push(u);
    };
    if (params.target === 'exposure')
      for (let k = csr.inOffsets[root]; k < csr.inOffsets[root + 1]; k++) add(csr.inSources[k]);
    for (let head = 0; head < set.length; head++) {
      const v = set[head];
      const from = csr.inOffsets[v];
      const to = csr.inOffsets[v + 1];
      const lq = logMiss[v];
      if (Number.isNaN(lq)) {
        for (let k = from; k < to; k++)
          if (!seen.has(csr.inSources[k]) && rng.u31() < thr[k]) add(csr.inSources[k]);
        continue;
      }
      if (lq === 0) continue;
      for (let k = from - 1; ; ) {
        k += lq === Number.NEGATIVE_INFINITY ? 1 : 1 + Math.floor(Math.log(1 - rng.float()) / lq);
        if (k >= to) break;
        add(csr.inSources[k]);
      }
    }
    sets.push(set);
  }
  return sets;
}

// 400 nodes, 6,000 arcs with a few hubs (high in-degree receivers take the geometric path).
const draw = lcgDraw(2024);
const pairs: [number, number][] = [];
for (let i = 0; i < 6000; i++) {
  const u = draw(400);
  const v = i % 5 === 0 ? draw(8) : draw(400);
  pairs.push([u, v]);
}
const graph = csrOf(400, pairs);
const probabilities = pairs.map((_, i) => ((i * 37) % 100) / 400);
const withValues = csrOf(400, pairs, 'influences', probabilities);

const cases: { name: string; csr: Csr; params: RrParams; cost?: number }[] = [
  { name: 'ic p=0.1', csr: graph, params: { model: 'ic', p: 0.1 } },
  {
    name: 'ic p=0.1, coin flips only',
    csr: graph,
    params: { model: 'ic', p: 0.1 },
    cost: Number.POSITIVE_INFINITY,
  },
  { name: 'ic p=0.1, geometric skips only', csr: graph, params: { model: 'ic', p: 0.1 }, cost: 0 },
  { name: 'ic p=1', csr: graph, params: { model: 'ic', p: 1 }, cost: 0 },
  { name: 'ic p=0', csr: graph, params: { model: 'ic', p: 0 }, cost: 0 },
  { name: 'ic file probabilities', csr: withValues, params: { model: 'ic', p: null } },
  { name: 'wc', csr: graph, params: { model: 'wc', p: null } },
  { name: 'wc, geometric skips only', csr: graph, params: { model: 'wc', p: null }, cost: 0 },
  { name: 'wc exposure', csr: graph, params: { model: 'wc', p: null, target: 'exposure' } },
];

describe('the ic / wc sampler draws exactly what its definition says', () => {
  for (const c of cases) {
    it(c.name, () => {
      const sampler = createRrSampler(c.csr, c.params, c.cost);
      // Two calls on one sampler (its scratch space is reused), from an offset in the stream.
      const expected = referenceSets(c.csr, c.params, 7, 1000, 600, c.cost);
      const a = sampler.generate(7, 1000, 250);
      const b = sampler.generate(7, 1250, 350);
      const got: number[][] = [];
      for (const batch of [a, b])
        for (let j = 0; j < batch.count; j++)
          got.push(Array.from(batch.nodes.subarray(batch.offsets[j], batch.offsets[j + 1])));
      expect(got).toEqual(expected);
      const counts = new Uint32Array(c.csr.n);
      sampler.count(7, 1000, 600, counts);
      const expectedCounts = new Uint32Array(c.csr.n);
      for (const set of expected) for (const v of set) expectedCounts[v]++;
      expect(Array.from(counts)).toEqual(Array.from(expectedCounts));
    });
  }

  it("roots are the first numbers of util/rng.ts's stream (seed, set index)", () => {
    // No arcs: every set is its root, floor(u32 / 2^32 * 2^20) = the top 20 bits of the first draw.
    const n = 1 << 20;
    const empty = csrOf(n, []);
    const batch = createRrSampler(empty, { model: 'ic', p: 0.5 }).generate(123456789, 4_000_000_000, 50);
    const roots = Array.from({ length: 50 }, (_, j) => new Rng(123456789, 4_000_000_000 + j).u32() >>> 12);
    expect(Array.from(batch.nodes)).toEqual(roots);
  });
});

describe("each node's share of RR sets is its exact single-seed spread / n (within 4 SE)", () => {
  // A small directed graph with a cycle, a shared audience and a hub with 5 in-arcs.
  const tiny = csrOf(7, [
    [0, 1],
    [1, 2],
    [2, 0],
    [3, 2],
    [4, 2],
    [5, 2],
    [2, 6],
    [6, 5],
    [1, 6],
  ]);
  const SETS = 60_000;
  const models: { rr: RrParams; truth: TinyModel }[] = [
    { rr: { model: 'wc', p: null }, truth: { model: 'wc' } },
    { rr: { model: 'ic', p: 0.3 }, truth: { model: 'ic', p: 0.3 } },
  ];
  for (const m of models)
    for (const cost of [0, Number.POSITIVE_INFINITY]) {
      it(`${m.rr.model} (${cost === 0 ? 'geometric skips' : 'coin flips'})`, () => {
        const counts = new Uint32Array(tiny.n);
        createRrSampler(tiny, m.rr, cost).count(3, 0, SETS, counts);
        for (let v = 0; v < tiny.n; v++) {
          const share = exactSpread(tiny, m.truth, [v]) / tiny.n;
          const se = Math.sqrt((share * (1 - share)) / SETS);
          expect(Math.abs(counts[v] / SETS - share), `node ${v}`).toBeLessThan(4 * se);
        }
      });
    }
});
