/**
 * The ic / wc RR-set sampler (rr-sets.ts) keeps SFC32's state in local variables and writes each
 * set straight into its output. It must draw exactly what its definition says: set i of stream s
 * is set i mod RR_BLOCK drawn in turn from Rng(s, floor(i / RR_BLOCK)), a root rng.below(n), then
 * a reverse BFS drawing each receiver's live in-arcs: where its in-arcs share p and its live-count
 * table exists, L from rng.u32() on that table and a uniform L-subset by Floyd's algorithm
 * (rng.below); else in-arc by in-arc with rng.u31() < threshold, or from live arc to live arc with
 * Geometric(p) gaps from rng.float(). The reference below is that definition written plainly with
 * util/rng.ts's Rng; the sampler must give the same sets, number for number. And the sets'
 * distribution: each node's share of sets equals its exact single-seed spread / n (live-edge
 * enumeration) within 4 SE, on every path.
 */
import { describe, expect, it } from 'vitest';
import type { Csr } from '../../src/graph/types.ts';
import {
  createRrSampler,
  inArcThresholds,
  LIVE_TABLE_MAX,
  liveCountTables,
  RR_BLOCK,
  type RrParams,
  type RrSamplerPaths,
  sharedLogMiss,
} from '../../src/seeding/rr-sets.ts';
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
  paths: RrSamplerPaths = {},
): number[][] {
  const thr = inArcThresholds(csr, params);
  const logMiss = sharedLogMiss(csr, params, paths.geometricCost);
  const tables = liveCountTables(csr, params, paths.liveTableMax);
  const sets: number[][] = [];
  let rng = new Rng(rngSeed, 0);
  for (let i = first - (first % RR_BLOCK); i < first + count; i++) {
    if (i % RR_BLOCK === 0) rng = new Rng(rngSeed, i / RR_BLOCK);
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
      const at = tables ? tables.at[v] : -1;
      if (tables && at >= 0) {
        const x = rng.u32();
        let live = 0;
        while (x >= tables.cdf[at + live]) live++;
        const chosen: number[] = [];
        if (live === to - from) for (let m = 0; m < live; m++) chosen.push(m);
        else
          for (let m = to - from - live; m < to - from; m++) {
            const pos = rng.below(m + 1);
            chosen.push(chosen.includes(pos) ? m : pos);
          }
        for (const m of chosen) add(csr.inSources[from + m]);
        continue;
      }
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
    if (i >= first) sets.push(set);
  }
  return sets;
}

// 400 nodes, 6,000 arcs, a fifth of them into 8 receivers (longer live-count tables; with short
// tables, geometric skips).
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

const COINS: RrSamplerPaths = { geometricCost: Number.POSITIVE_INFINITY, liveTableMax: 0 };
const SKIPS: RrSamplerPaths = { geometricCost: 0, liveTableMax: 0 };

const cases: { name: string; csr: Csr; params: RrParams; paths?: RrSamplerPaths }[] = [
  { name: 'ic p=0.1', csr: graph, params: { model: 'ic', p: 0.1 } },
  { name: 'ic p=0.1, coin flips only', csr: graph, params: { model: 'ic', p: 0.1 }, paths: COINS },
  { name: 'ic p=0.1, geometric skips only', csr: graph, params: { model: 'ic', p: 0.1 }, paths: SKIPS },
  // Live-count tables for the low in-degree receivers, geometric skips for the hubs.
  { name: 'ic p=0.1, short tables', csr: graph, params: { model: 'ic', p: 0.1 }, paths: { liveTableMax: 4 } },
  { name: 'ic p=0.9', csr: graph, params: { model: 'ic', p: 0.9 } },
  { name: 'ic p=1', csr: graph, params: { model: 'ic', p: 1 } },
  { name: 'ic p=0', csr: graph, params: { model: 'ic', p: 0 } },
  { name: 'ic file probabilities', csr: withValues, params: { model: 'ic', p: null } },
  { name: 'wc', csr: graph, params: { model: 'wc', p: null } },
  { name: 'wc, coin flips only', csr: graph, params: { model: 'wc', p: null }, paths: COINS },
  { name: 'wc, geometric skips only', csr: graph, params: { model: 'wc', p: null }, paths: SKIPS },
  { name: 'wc exposure', csr: graph, params: { model: 'wc', p: null, target: 'exposure' } },
];

describe('the ic / wc sampler draws exactly what its definition says', () => {
  for (const c of cases) {
    it(c.name, () => {
      const sampler = createRrSampler(c.csr, c.params, c.paths);
      // Two calls on one sampler (its scratch space is reused), from offsets inside blocks.
      const expected = referenceSets(c.csr, c.params, 7, 1000, 600, c.paths);
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

  it("roots are util/rng.ts's numbers of stream (seed, set index / RR_BLOCK), in turn", () => {
    // No arcs: every set is its root, floor(u32 / 2^32 * 2^20) = the top 20 bits of its draw.
    const n = 1 << 20;
    const empty = csrOf(n, []);
    const first = 4_000_000_000 - 10; // inside a block, the range across two more
    const batch = createRrSampler(empty, { model: 'ic', p: 0.5 }).generate(123456789, first, 150);
    const roots: number[] = [];
    let rng = new Rng(0);
    for (let i = first - (first % RR_BLOCK); i < first + 150; i++) {
      if (i % RR_BLOCK === 0) rng = new Rng(123456789, i / RR_BLOCK);
      const root = rng.u32() >>> 12;
      if (i >= first) roots.push(root);
    }
    expect(Array.from(batch.nodes)).toEqual(roots);
    expect(RR_BLOCK).toBe(64);
  });
});

describe("the compiled sampler (rr-wasm.ts) draws icFill's sets, number for number", () => {
  // No hubs: every receiver has a live-count table at p = 0.1 as well.
  const spread = csrOf(
    300,
    Array.from({ length: 2400 }, (_, i): [number, number] => [(i * 7919) % 300, (i * 104729 + 13) % 300]),
  );
  const compiledCases: { name: string; csr: Csr; params: RrParams }[] = [
    { name: 'wc', csr: graph, params: { model: 'wc', p: null } },
    { name: 'ic p=0.1', csr: spread, params: { model: 'ic', p: 0.1 } },
    { name: "ic p=0.6 (many live arcs, all of a receiver's)", csr: spread, params: { model: 'ic', p: 0.6 } },
    { name: 'ic p=0', csr: spread, params: { model: 'ic', p: 0 } },
  ];
  for (const c of compiledCases)
    it(c.name, () => {
      const wasm = createRrSampler(c.csr, c.params, { engine: 'wasm' });
      const js = createRrSampler(c.csr, c.params, { engine: 'js' });
      expect(wasm.engine).toBe('wasm');
      expect(js.engine).toBe('js');
      // From a block's start, from inside one, across many (more than one call's chunk), twice.
      for (const [first, count] of [
        [0, 100],
        [1000, 250],
        [1250, 20_000],
        [63, 1],
        [4_294_967_000, 296],
      ]) {
        const a = wasm.generate(5, first, count);
        const b = js.generate(5, first, count);
        expect(Array.from(a.offsets)).toEqual(Array.from(b.offsets));
        expect(Array.from(a.nodes)).toEqual(Array.from(b.nodes));
        expect(a.examined).toBe(b.examined);
      }
      const ca = new Uint32Array(c.csr.n);
      const cb = new Uint32Array(c.csr.n);
      expect(wasm.count(9, 77, 5000, ca)).toBe(js.count(9, 77, 5000, cb));
      expect(Array.from(ca)).toEqual(Array.from(cb));
    });

  it('is used only where every receiver has a table and the sets estimate reach', () => {
    // A hub expecting more live arcs than a table holds: coins or geometric skips.
    const hub = csrOf(
      101,
      Array.from({ length: 100 }, (_, i): [number, number] => [i + 1, 0]),
    );
    expect(createRrSampler(hub, { model: 'ic', p: 0.9 }).engine).toBe('js');
    expect(createRrSampler(hub, { model: 'ic', p: 0.1 }).engine).toBe('wasm');
    expect(createRrSampler(graph, { model: 'wc', p: null, target: 'exposure' }).engine).toBe('js');
    expect(createRrSampler(withValues, { model: 'ic', p: null }).engine).toBe('js');
    expect(createRrSampler(graph, { model: 'wc', p: null }).engine).toBe('wasm');
  });
});

const PATHS: { name: string; paths: RrSamplerPaths }[] = [
  { name: 'live-count tables', paths: {} },
  { name: 'coin flips', paths: COINS },
  { name: 'geometric skips', paths: SKIPS },
];

describe("each node's share of RR sets is its exact single-seed spread / n (within 4 SE)", () => {
  // A small directed graph with a cycle, a shared audience and a hub with 4 in-arcs.
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
    { rr: { model: 'ic', p: 0.75 }, truth: { model: 'ic', p: 0.75 } },
  ];
  for (const m of models)
    for (const { name, paths } of PATHS) {
      it(`${m.rr.model} ${m.rr.p ?? ''} (${name})`, () => {
        const counts = new Uint32Array(tiny.n);
        createRrSampler(tiny, m.rr, paths).count(3, 0, SETS, counts);
        for (let v = 0; v < tiny.n; v++) {
          const share = exactSpread(tiny, m.truth, [v]) / tiny.n;
          const se = Math.sqrt((share * (1 - share)) / SETS);
          expect(Math.abs(counts[v] / SETS - share), `node ${v}`).toBeLessThan(4 * se);
        }
      });
    }
});

describe('live-count tables draw independent live arcs', () => {
  // A star: 6 leaves point at the centre (node 0); sets rooted at the centre hold its live in-arcs.
  const LEAVES = 6;
  const star = csrOf(
    LEAVES + 1,
    Array.from({ length: LEAVES }, (_, i): [number, number] => [i + 1, 0]),
  );
  const p = 0.3;
  const binomial = (l: number) => {
    let c = 1;
    for (let i = 0; i < l; i++) c = (c * (LEAVES - i)) / (i + 1);
    return c * p ** l * (1 - p) ** (LEAVES - l);
  };

  it('tables: Binomial(d, p) cumulated, ending at 2^32', () => {
    const tables = liveCountTables(star, { model: 'ic', p }) as { at: Int32Array; cdf: Float64Array };
    const at = tables.at[0];
    let cumulative = 0;
    for (let l = 0; l < LEAVES; l++) {
      cumulative += binomial(l);
      expect(tables.cdf[at + l] / 2 ** 32).toBeCloseTo(cumulative, 14);
    }
    expect(tables.cdf[at + LEAVES]).toBe(2 ** 32);
    // p = 1: all d arcs.
    const every = liveCountTables(star, { model: 'ic', p: 1 }) as { at: Int32Array; cdf: Float64Array };
    const all = every.at[0];
    expect(Array.from(every.cdf.subarray(all, all + LEAVES + 1))).toEqual([0, 0, 0, 0, 0, 0, 2 ** 32]);
    // -2: no in-arc can be live (leaves, p = 0); -1: drawn arc by arc (too long a table).
    expect(tables.at[1]).toBe(-2);
    expect(liveCountTables(star, { model: 'ic', p: 0 })?.at[0]).toBe(-2);
    expect(liveCountTables(star, { model: 'ic', p: 0.3 }, 3)?.at[0]).toBe(-1);
    expect(liveCountTables(star, { model: 'ic', p: 1 }, 6)?.at[0]).toBe(-1);
    expect(liveCountTables(star, { model: 'ic', p: null })).toBeNull();
    expect(LIVE_TABLE_MAX).toBeGreaterThanOrEqual(16);
  });

  it('sizes are Binomial(d, p) and each pair of arcs is live together with p^2 (4 SE)', () => {
    const SETS = 200_000;
    const batch = createRrSampler(star, { model: 'ic', p }).generate(9, 0, SETS);
    const sizes = new Float64Array(LEAVES + 1);
    const pairs = new Float64Array((LEAVES + 1) ** 2);
    let centred = 0;
    for (let j = 0; j < SETS; j++) {
      const set = batch.nodes.subarray(batch.offsets[j], batch.offsets[j + 1]);
      if (set[0] !== 0) continue;
      centred++;
      sizes[set.length - 1]++;
      for (const a of set) for (const b of set) if (a < b) pairs[a * (LEAVES + 1) + b]++;
    }
    const within = (count: number, truth: number, what: string) =>
      expect(Math.abs(count / centred - truth), what).toBeLessThan(
        4 * Math.sqrt((truth * (1 - truth)) / centred),
      );
    for (let l = 0; l <= LEAVES; l++) within(sizes[l], binomial(l), `${l} live`);
    for (let a = 1; a <= LEAVES; a++)
      for (let b = a + 1; b <= LEAVES; b++) within(pairs[a * (LEAVES + 1) + b], p * p, `${a} and ${b}`);
  });
});
