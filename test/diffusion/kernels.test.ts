/**
 * The speed tricks stay honest (issue 14):
 * - every hand-inlined copy of SFC32 (ic.ts twice, lt.ts, ic-ties.ts twice, the compiled IC loop
 *   in ic-wasm.ts with its own stream derivation) draws exactly src/util/rng.ts's numbers for the
 *   same (seed, run): on stars, where each coin decides one leaf, the leaves a run activates are
 *   predicted from a fresh Rng(seed, run);
 * - the compiled loop and the JS kernels give identical shards, relabelled or not, and the
 *   simulator falls back to the JS kernels where WebAssembly is missing; with tie kinds (no
 *   groups) the compiled loop gives ic-ties.ts's shards, `via` included;
 * - per-run bookkeeping in O(levels) gives the step totals a run-by-run recount gives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { icUniform } from '../../src/diffusion/ic.ts';
import { type RunState, runProgressive } from '../../src/diffusion/run-state.ts';
import { Scratch } from '../../src/diffusion/scratch.ts';
import { createSimulator, type SimulatorOptions } from '../../src/diffusion/simulator.ts';
import { mergeShards } from '../../src/diffusion/summary.ts';
import type { ModelParams, SeedPlan, ShardRequest, ShardResult } from '../../src/diffusion/types.ts';
import { bfsOrder, degreeOrder, relabelRows } from '../../src/graph/relabel.ts';
import type { Csr } from '../../src/graph/types.ts';
import { mix32, probabilityThreshold, Rng } from '../../src/util/rng.ts';
import {
  add,
  assemble,
  block,
  br,
  brIf,
  f64,
  fadd,
  get,
  geU,
  i32,
  Locals,
  load32,
  loop,
  mul,
  rotl,
  set,
  shrU,
  store32,
  when,
} from '../../src/util/wasm.ts';
import { csrOf } from '../support/graphs.ts';
import { erdosRenyiGnp } from '../support/random-graphs.ts';
import { params } from '../support/simulate.ts';

const LEAVES = 64;

/** Hub 0 -> leaves 1..LEAVES (leaf ids in arc order), plus extra arcs. */
function star(extra: [number, number][] = [], values: number[] | null = null, n = LEAVES + 1): Csr {
  const pairs: [number, number][] = [];
  for (let i = 1; i <= LEAVES; i++) pairs.push([0, i]);
  return csrOf(n, [...pairs, ...extra], 'influences', values);
}

const fromHub: SeedPlan = { kind: 'groups', groups: [{ nodes: [0], start: 0 }] };

/** Nodes activated by run `run` (a traced shard of one run), seeds first, in activation order. */
function activated(
  csr: Csr,
  p: ModelParams,
  seeds: SeedPlan,
  seed: number,
  run: number,
  options?: SimulatorOptions,
) {
  const shard = createSimulator(csr, p, options).runShard({
    seeds,
    rngSeed: seed,
    firstRun: run,
    runCount: 1,
    traceRun: run,
  });
  return Array.from(shard.trace?.nodes ?? []);
}

/** The leaves hub 0's arcs activate when arc i fires iff fires(i, rng). */
function predicted(seed: number, run: number, fires: (i: number, rng: Rng) => boolean): number[] {
  const rng = new Rng(seed, run);
  const out = [0];
  for (let i = 1; i <= LEAVES; i++) if (fires(i, rng)) out.push(i);
  return out;
}

const ENGINES: SimulatorOptions[] = [
  { engine: 'js' },
  { engine: 'wasm' },
  { engine: 'wasm', relabel: 'bfs' },
];
const label = (o: SimulatorOptions) => `${o.engine}${o.relabel ? ` (${o.relabel} order)` : ''}`;

describe('every inlined SFC32 copy draws the numbers of src/util/rng.ts', () => {
  it('Rng.reset (its warm-up rounds inlined) equals mixing the seed and stepping u32 twelve times', () => {
    for (const [seed, stream] of [
      [0, 0],
      [42, 1],
      [0xffffffff, 123456],
      [-5, 2 ** 31 + 7],
    ]) {
      const s = mix32(seed >>> 0);
      const r = mix32((stream >>> 0) ^ 0x5bd1e995);
      const reference = new Rng(1, 1);
      reference.a = mix32(s ^ r);
      reference.b = mix32(reference.a ^ 0x68e31da4);
      reference.c = mix32(reference.b ^ r);
      reference.d = 1;
      for (let i = 0; i < 12; i++) reference.u32();
      const fresh = new Rng(seed, stream);
      const reused = new Rng(9, 9);
      reused.u32();
      reused.reset(seed, stream);
      for (let i = 0; i < 20; i++) {
        const want = reference.u32();
        expect(fresh.u32()).toBe(want);
        expect(reused.u32()).toBe(want);
      }
    }
  });

  for (const options of ENGINES) {
    it(`ic, one p (${label(options)}: ic.ts icUniform / ic-wasm.ts)`, () => {
      const csr = star();
      for (const p of [0.5, 0.3]) {
        const thr = probabilityThreshold(p);
        for (const [seed, run] of [
          [7, 0],
          [7, 1],
          [123456789, 41],
        ]) {
          const got = activated(csr, params({ model: 'ic', p }), fromHub, seed, run, options);
          expect(got).toEqual(predicted(seed, run, (_, rng) => rng.u31() < thr));
          expect(got.length).toBeGreaterThan(1);
        }
      }
    });

    it(`ic, per-arc probabilities (${label(options)}: ic.ts icPerArc / ic-wasm.ts)`, () => {
      const probability = (i: number) => ((i % 7) + 1) / 8;
      const csr = star(
        [],
        Array.from({ length: LEAVES }, (_, i) => probability(i + 1)),
      );
      for (const [seed, run] of [
        [3, 0],
        [3, 9],
      ]) {
        const got = activated(csr, params({ model: 'ic', p: null }), fromHub, seed, run, options);
        expect(got).toEqual(
          predicted(seed, run, (i, rng) => rng.u31() < probabilityThreshold(probability(i))),
        );
      }
    });

    it(`ic from a random seed: the pick, then the coins on the same stream (${label(options)})`, () => {
      const csr = star();
      const thr = probabilityThreshold(0.5);
      let hubRuns = 0;
      for (let run = 0; run < 200; run++) {
        const got = activated(
          csr,
          params({ model: 'ic', p: 0.5 }),
          { kind: 'random', k: 1 },
          5,
          run,
          options,
        );
        const rng = new Rng(5, run);
        const pick = rng.below(LEAVES + 1);
        if (pick !== 0) {
          expect(got).toEqual([pick]);
          continue;
        }
        hubRuns++;
        const want = [0];
        for (let i = 1; i <= LEAVES; i++) if (rng.u31() < thr) want.push(i);
        expect(got).toEqual(want);
      }
      expect(hubRuns).toBeGreaterThan(0);
    });
  }

  it('lt (lt.ts): thresholds drawn at first exposure', () => {
    // Every leaf has a second, inactive in-neighbour (node LEAVES + 1): weight 1/2 from the hub,
    // so a leaf joins iff its threshold 1 - u / 2^32 is at most 1/2, i.e. u >= 2^31.
    const back: [number, number][] = [];
    for (let i = 1; i <= LEAVES; i++) back.push([LEAVES + 1, i]);
    const csr = star(back, null, LEAVES + 2);
    for (const [seed, run] of [
      [11, 0],
      [11, 5],
    ]) {
      const got = activated(csr, params({ model: 'lt' }), fromHub, seed, run);
      expect(got).toEqual(predicted(seed, run, (_, rng) => rng.u32() >= 2 ** 31));
    }
  });

  for (const options of ENGINES) {
    it(`ic with tie kinds (${label(options)}: ic-ties.ts / ic-wasm.ts): strong and weak arcs`, () => {
      // Leaves with an even id follow the hub back: their arcs from the hub are mutual (strong).
      const back: [number, number][] = [];
      for (let i = 2; i <= LEAVES; i += 2) back.push([i, 0]);
      const csr = star(back);
      const ties = {
        strongBy: 'mutual',
        pStrong: 0.6,
        pWeak: 0.25,
        groups: [],
        pGroup: 0,
        strongOnly: false,
      };
      const p = { ...params({ model: 'ic', p: 0.1 }), ties };
      for (const run of [0, 3]) {
        const got = activated(csr, p, fromHub, 21, run, options);
        expect(got).toEqual(
          predicted(21, run, (i, rng) => rng.u31() < probabilityThreshold(i % 2 === 0 ? 0.6 : 0.25)),
        );
      }
    });
  }

  it('ic with tie kinds (ic-ties.ts): groups', () => {
    // No arcs: the hub reaches the other members of its group, one coin each in member order.
    const csr = csrOf(LEAVES + 1, [[LEAVES - 1, LEAVES]], 'influences');
    const members = Array.from({ length: LEAVES + 1 }, (_, i) => i);
    const ties = {
      strongBy: 'mutual',
      pStrong: 0,
      pWeak: 0,
      groups: [members],
      pGroup: 0.5,
      strongOnly: false,
    };
    const p = { ...params({ model: 'ic', p: 0.1 }), ties };
    for (const run of [0, 1]) {
      const got = activated(csr, p, fromHub, 8, run);
      const rng = new Rng(8, run);
      const want = [0];
      for (let i = 1; i <= LEAVES; i++) if (rng.u31() < probabilityThreshold(0.5)) want.push(i);
      // Leaf LEAVES - 1's arc to LEAVES draws later, in the next level: compare the hub's level.
      expect(got.slice(0, want.length)).toEqual(want);
    }
  });
});

/** A shard with everything recorded: trace, node counts and the observer's lists. */
function fullShard(
  csr: Csr,
  p: ModelParams,
  options: SimulatorOptions,
  request: Omit<ShardRequest, 'params'>,
) {
  const sim = createSimulator(csr, p, options);
  const seen: number[] = [];
  const first = sim.runShard(request, (run, active, count) =>
    seen.push(run, count, ...active.subarray(0, count)),
  );
  const second = sim.runShard({ ...request, firstRun: request.firstRun + request.runCount, traceRun: null });
  return { engine: sim.engine, first, second, seen };
}

describe('the compiled IC loop gives the JS kernels’ shards', () => {
  const graphs: [string, Csr][] = [
    ['G(120, 0.05) undirected', erdosRenyiGnp(120, 0.05, 1)],
    ['G(150, 0.03) directed', erdosRenyiGnp(150, 0.03, 2, true)],
  ];
  const withProbabilities = (() => {
    const g = erdosRenyiGnp(100, 0.06, 3, true);
    const pairs: [number, number][] = [];
    for (let u = 0; u < g.n; u++)
      for (let k = g.outOffsets[u]; k < g.outOffsets[u + 1]; k++) pairs.push([u, g.outTargets[k]]);
    return csrOf(
      g.n,
      pairs,
      'influences',
      pairs.map((_, i) => ((i * 37) % 100) / 250),
    );
  })();
  graphs.push(['file probabilities', withProbabilities]);
  const plans: [string, SeedPlan][] = [
    ['random k=1', { kind: 'random', k: 1 }],
    ['random k=4', { kind: 'random', k: 4 }],
    [
      'staggered groups, a node in two groups',
      {
        kind: 'groups',
        groups: [
          { nodes: [0, 5, 9], start: 0 },
          { nodes: [5, 40], start: 2 },
          { nodes: [77], start: 6 },
        ],
      },
    ],
  ];
  for (const [name, csr] of graphs) {
    const models: Partial<ModelParams>[] =
      name === 'file probabilities'
        ? [
            { model: 'ic', p: null },
            { model: 'ic', p: null, maxSteps: 1 },
          ]
        : [
            { model: 'ic', p: 0.12 },
            { model: 'ic', p: 1 },
            { model: 'ic', p: 0 },
            { model: 'ic', p: 0.3, maxSteps: 2 },
            { model: 'wc' },
            { model: 'wc', maxSteps: 0 },
          ];
    for (const m of models) {
      it(`${name}: ${JSON.stringify(m)}`, () => {
        const p = resolveParams(m as Parameters<typeof resolveParams>[0], csr);
        for (const [, seeds] of plans) {
          const request = { seeds, rngSeed: 99, firstRun: 10, runCount: 120, traceRun: 13, nodeCounts: true };
          const js = fullShard(csr, p, { engine: 'js' }, request);
          expect(js.engine).toBe('js');
          for (const relabel of [null, 'bfs', 'degree'] as const) {
            const wasm = fullShard(csr, p, { engine: 'wasm', relabel }, request);
            expect(wasm.engine).toBe('wasm');
            expect(wasm.first).toEqual(js.first);
            expect(wasm.second).toEqual(js.second);
            expect(wasm.seen).toEqual(js.seen);
          }
        }
      });
    }
  }

  it('a seed list longer than the graph (repeats) runs as the JS kernels run it', () => {
    const csr = erdosRenyiGnp(6, 0.5, 4, true);
    const groups = Array.from({ length: 5 }, (_, g) => ({ nodes: [0, 1, 2, 3, 4, 5], start: g }));
    const request = {
      seeds: { kind: 'groups' as const, groups },
      rngSeed: 1,
      firstRun: 0,
      runCount: 50,
      traceRun: 2,
    };
    const p = params({ model: 'ic', p: 0.4 });
    expect(fullShard(csr, p, { engine: 'wasm' }, request)).toEqual({
      ...fullShard(csr, p, { engine: 'js' }, request),
      engine: 'wasm',
    });
  });
});

describe('tie kinds without groups: the compiled loop gives ic-ties.ts’s shards', () => {
  /** A directed G(n, p) with a reverse arc added for every third arc: strong and weak arcs mixed. */
  function partlyMutual(n: number, p: number, seed: number): Csr {
    const g = erdosRenyiGnp(n, p, seed, true);
    const pairs: [number, number][] = [];
    let i = 0;
    for (let u = 0; u < g.n; u++)
      for (let k = g.outOffsets[u]; k < g.outOffsets[u + 1]; k++) {
        const v = g.outTargets[k];
        pairs.push([u, v]);
        if (i++ % 3 === 0) pairs.push([v, u]);
      }
    return csrOf(n, pairs, 'influences');
  }
  const graphs: [string, Csr, string][] = [
    ['G(150, 0.03) directed, a third made mutual', partlyMutual(150, 0.03, 2), 'mutual'],
    ['G(120, 0.05) undirected (every tie strong)', erdosRenyiGnp(120, 0.05, 1), 'mutual'],
    ['G(120, 0.05) directed (few mutual)', erdosRenyiGnp(120, 0.05, 7, true), 'mutual'],
    ['G(100, 0.08) undirected, by embeddedness', erdosRenyiGnp(100, 0.08, 4), 'embeddedness:0.05'],
  ];
  const plans: SeedPlan[] = [
    { kind: 'random', k: 1 },
    { kind: 'random', k: 3 },
    {
      kind: 'groups',
      groups: [
        { nodes: [0, 5, 9], start: 0 },
        { nodes: [5, 40], start: 2 },
        { nodes: [77], start: 6 },
      ],
    },
  ];
  const pairs: [number, number, number | null][] = [
    [0.3, 0.1, null],
    [0.05, 0.6, null],
    [0.2, 0.2, null],
    [0, 1, null],
    [1, 0, null],
    [0, 0, null],
    [1, 1, null],
    [0.5, 0.25, 2],
  ];
  for (const [name, csr, strongBy] of graphs) {
    for (const [pStrong, pWeak, maxSteps] of pairs) {
      it(`${name}: pStrong ${pStrong}, pWeak ${pWeak}${maxSteps === null ? '' : `, maxSteps ${maxSteps}`}`, () => {
        const ties = { strongBy, pStrong, pWeak, groups: [], pGroup: 0, strongOnly: false };
        const p = { ...params({ model: 'ic', p: 0.1, maxSteps }), ties };
        for (const seeds of plans) {
          const request = { seeds, rngSeed: 99, firstRun: 10, runCount: 120, traceRun: 13, nodeCounts: true };
          const js = fullShard(csr, p, { engine: 'js' }, request);
          expect(js.engine).toBe('js');
          expect(js.first.via).toBeDefined();
          for (const relabel of [null, 'bfs', 'degree'] as const) {
            const wasm = fullShard(csr, p, { engine: 'wasm', relabel }, request);
            expect(wasm.engine).toBe('wasm');
            expect(wasm.first).toEqual(js.first);
            expect(wasm.second).toEqual(js.second);
            expect(wasm.seen).toEqual(js.seen);
          }
          expect(createSimulator(csr, p).engine).toBe('wasm');
        }
      });
    }
  }

  it('via credits both kinds where both carry adoptions, and sums to the adoptions past the seeds', () => {
    const csr = partlyMutual(150, 0.03, 2);
    const ties = { strongBy: 'mutual', pStrong: 0.5, pWeak: 0.4, groups: [], pGroup: 0, strongOnly: false };
    const p = { ...params({ model: 'ic', p: 0.1 }), ties };
    const seeds: SeedPlan = { kind: 'groups', groups: [{ nodes: [0], start: 0 }] };
    const shard = createSimulator(csr, p, { engine: 'wasm' }).runShard({
      seeds,
      rngSeed: 5,
      firstRun: 0,
      runCount: 200,
      traceRun: null,
    });
    const via = shard.via ?? new Uint32Array(0);
    let strong = 0;
    let weak = 0;
    for (let i = 0; i < shard.runCount; i++) {
      expect(via[3 * i] + via[3 * i + 1]).toBe(shard.sizes[i] - 1);
      expect(via[3 * i + 2]).toBe(0);
      strong += via[3 * i];
      weak += via[3 * i + 1];
    }
    expect(strong).toBeGreaterThan(0);
    expect(weak).toBeGreaterThan(0);
  });

  it('groups keep the JS kernel; without WebAssembly tie kinds fall back to it with the same numbers', () => {
    const csr = partlyMutual(80, 0.06, 3);
    const base = { strongBy: 'mutual', pStrong: 0.3, pWeak: 0.15, pGroup: 0.2, strongOnly: false };
    const withGroups = { ...params({ model: 'ic', p: 0.1 }), ties: { ...base, groups: [[1, 2, 3]] } };
    expect(createSimulator(csr, withGroups).engine).toBe('js');
    const p = { ...params({ model: 'ic', p: 0.1 }), ties: { ...base, groups: [] } };
    const request = {
      seeds: { kind: 'random' as const, k: 2 },
      rngSeed: 3,
      firstRun: 0,
      runCount: 100,
      traceRun: 4,
    };
    const compiled = createSimulator(csr, p);
    expect(compiled.engine).toBe('wasm');
    const expected = compiled.runShard(request);
    const saved = globalThis.WebAssembly;
    try {
      // @ts-expect-error: a page or runtime without WebAssembly
      globalThis.WebAssembly = undefined;
      const fallback = createSimulator(csr, p);
      expect(fallback.engine).toBe('js');
      expect(fallback.runShard(request)).toEqual(expected);
    } finally {
      globalThis.WebAssembly = saved;
    }
  });
});

describe('without WebAssembly', () => {
  const saved = globalThis.WebAssembly;
  afterEach(() => {
    globalThis.WebAssembly = saved;
  });

  it('the simulator runs the JS kernels, silently, with the same numbers', () => {
    const csr = erdosRenyiGnp(80, 0.06, 5);
    const p = params({ model: 'ic', p: 0.2 });
    const request = {
      seeds: { kind: 'random' as const, k: 2 },
      rngSeed: 3,
      firstRun: 0,
      runCount: 100,
      traceRun: 4,
    };
    const compiled = createSimulator(csr, p);
    expect(compiled.engine).toBe('wasm');
    const expected = compiled.runShard(request);
    // @ts-expect-error: a page or runtime without WebAssembly
    globalThis.WebAssembly = undefined;
    const fallback = createSimulator(csr, p);
    expect(fallback.engine).toBe('js');
    expect(fallback.runShard(request)).toEqual(expected);
    expect(() => createSimulator(csr, p, { engine: 'wasm' })).toThrow(/WebAssembly is not available/);
  });

  it('the simulator runs the JS kernels where compiling is refused (a page CSP)', () => {
    const csr = erdosRenyiGnp(50, 0.1, 6);
    const p = params({ model: 'wc' });
    const request = {
      seeds: { kind: 'random' as const, k: 1 },
      rngSeed: 2,
      firstRun: 0,
      runCount: 60,
      traceRun: null,
    };
    const expected = createSimulator(csr, p).runShard(request);
    globalThis.WebAssembly = {
      ...saved,
      Module: function refused() {
        throw new saved.CompileError('Wasm code generation disallowed by embedder');
      },
    } as unknown as typeof WebAssembly;
    const fallback = createSimulator(csr, p);
    expect(fallback.engine).toBe('js');
    expect(fallback.runShard(request)).toEqual(expected);
  });
});

describe('step totals in O(levels) per run', () => {
  /** stepCounts, stepSquares and lastSteps recounted from each run's trace. */
  function recount(shards: ShardResult[]) {
    const counts: number[] = [];
    const squares: number[] = [];
    const last: number[] = [];
    for (const s of shards) {
      const steps = Array.from(s.trace?.steps ?? []);
      const top = Math.max(0, ...steps);
      last.push(top);
      for (let t = 0; t <= top; t++) {
        const a = steps.filter((x) => x <= t).length;
        counts[t] = (counts[t] ?? 0) + steps.filter((x) => x === t).length;
        squares[t] = (squares[t] ?? 0) + a * a;
      }
    }
    const len = counts.length;
    return {
      stepCounts: Array.from({ length: len }, (_, t) => counts[t] ?? 0),
      stepSquares: Array.from({ length: len }, (_, t) => squares[t] ?? 0),
      lastSteps: last,
    };
  }

  const cases: [string, ModelParams, SeedPlan][] = [
    [
      'ic, staggered seeds',
      params({ model: 'ic', p: 0.15 }),
      {
        kind: 'groups',
        groups: [
          { nodes: [3], start: 1 },
          { nodes: [50, 51], start: 4 },
        ],
      },
    ],
    ['sir', params({ model: 'sir', p: 0.2, gamma: 0.4 }), { kind: 'random', k: 2 }],
    ['lt', params({ model: 'lt' }), { kind: 'random', k: 3 }],
  ];
  for (const [name, p, seeds] of cases) {
    it(name, () => {
      const csr = erdosRenyiGnp(90, 0.05, 7);
      const sim = createSimulator(csr, p);
      const single = Array.from({ length: 40 }, (_, run) =>
        sim.runShard({ seeds, rngSeed: 4, firstRun: run, runCount: 1, traceRun: run }),
      );
      const whole = createSimulator(csr, p).runShard({
        seeds,
        rngSeed: 4,
        firstRun: 0,
        runCount: 40,
        traceRun: null,
      });
      const want = recount(single);
      expect(Array.from(whole.stepCounts)).toEqual(want.stepCounts);
      expect(Array.from(whole.stepSquares)).toEqual(want.stepSquares);
      expect(Array.from(whole.lastSteps)).toEqual(want.lastSteps);
      expect(mergeShards(single).stepSquares).toEqual(whole.stepSquares);
    });
  }
});

describe('marks cleared by walking what a cycle of runs touched', () => {
  // Tiny cascades on a large sparse graph: each 127-run cycle touches far fewer than n/32 nodes,
  // so the marks are cleared along the activated nodes' rows instead of all n. Shards of 100 runs
  // from fresh simulators never wrap their epochs: the reference.
  const csr = erdosRenyiGnp(40_000, 0.000025, 10, true);
  for (const [name, p] of [
    ['ic', params({ model: 'ic', p: 0.4 })],
    ['lt', params({ model: 'lt' })],
    ['sir', params({ model: 'sir', p: 0.4, gamma: 0.5 })],
  ] as const) {
    for (const engine of ['js', 'auto'] as const) {
      it(`${name}, ${engine} engine`, () => {
        const seeds = { kind: 'random' as const, k: 1 };
        const whole = createSimulator(csr, p, { engine }).runShard({
          seeds,
          rngSeed: 12,
          firstRun: 0,
          runCount: 1000,
          traceRun: 777,
        });
        const parts = Array.from({ length: 10 }, (_, i) =>
          createSimulator(csr, p, { engine }).runShard({
            seeds,
            rngSeed: 12,
            firstRun: 100 * i,
            runCount: 100,
            traceRun: 777,
          }),
        );
        expect(mergeShards(parts)).toEqual(whole);
        expect(whole.arcsExamined / 1000).toBeLessThan(5);
      });
    }
  }
});

describe('a cycle of 127 runs leaves no mark behind', () => {
  for (const [name, arcsPerNode, walked] of [
    ['few touched: cleared along their rows', 2, 1],
    ['many touched: cleared all at once', 40, 0],
  ] as const) {
    it(name, () => {
      const csr = erdosRenyiGnp(40_000, arcsPerNode / 40_000, 11, true);
      const sc = new Scratch(csr.n);
      sc.trackRows(csr.outOffsets, csr.outTargets);
      const expand = icUniform(csr, sc, 0.3);
      const rng = new Rng(1, 0);
      for (let run = 0; run < 127; run++) {
        const seen = sc.nextRun();
        const rs: RunState = {
          rng,
          seen,
          active: seen + 1,
          tail: 0,
          exposed: 0,
          examined: 0,
          tracing: false,
        };
        const seed = rng.below(csr.n);
        runProgressive(sc, rs, { nodes: Uint32Array.of(seed), starts: Uint32Array.of(0) }, null, expand);
        sc.noteRun(rs.tail, rs.examined);
      }
      expect(sc.state.some((x) => x !== 0)).toBe(true);
      expect(sc.nextRun()).toBe(2);
      expect(sc.walkedClears).toBe(walked);
      expect(sc.state.every((x) => x === 0)).toBe(true);
    });
  }
});

describe('relabelling', () => {
  const csr = erdosRenyiGnp(200, 0.02, 8, true);
  for (const [name, order] of [
    ['breadth-first', bfsOrder],
    ['degree', degreeOrder],
  ] as const) {
    it(`${name}: a permutation and its inverse; rows keep their arcs in order`, () => {
      const r = order(csr);
      expect(Array.from(r.toOld).sort((a, b) => a - b)).toEqual(Array.from({ length: csr.n }, (_, i) => i));
      for (let v = 0; v < csr.n; v++) expect(r.toOld[r.toNew[v]]).toBe(v);
      const offsets = new Uint32Array(csr.n + 1);
      const targets = new Uint32Array(csr.arcs);
      const arcOf = new Uint32Array(csr.arcs);
      relabelRows(csr, r, offsets, targets, arcOf);
      for (let u = 0; u < csr.n; u++) {
        const old = r.toOld[u];
        const row = Array.from(targets.subarray(offsets[u], offsets[u + 1]), (v) => r.toOld[v]);
        expect(row).toEqual(
          Array.from(csr.outTargets.subarray(csr.outOffsets[old], csr.outOffsets[old + 1])),
        );
        for (let k = offsets[u]; k < offsets[u + 1]; k++)
          expect(csr.outTargets[arcOf[k]]).toBe(r.toOld[targets[k]]);
      }
    });
  }

  it('degree order puts the largest out-degrees first', () => {
    const r = degreeOrder(csr);
    const degree = (v: number) => csr.outOffsets[v + 1] - csr.outOffsets[v];
    for (let i = 1; i < csr.n; i++) expect(degree(r.toOld[i - 1])).toBeGreaterThanOrEqual(degree(r.toOld[i]));
  });
});

describe('the WebAssembly assembler (src/util/wasm.ts)', () => {
  it('encodes constants, memory offsets, loops and branches', () => {
    const L = new Locals();
    const x = L.param();
    const acc = L.local();
    const i = L.local();
    const body = [
      // acc = sum over i < x of rotl(i * 0x9e3779b9, 7), stored at offset 70000, returned.
      block('done', [
        loop('next', [
          when(i32(1), []),
          brIf('done', geU(get(i), get(x))),
          set(acc, add(get(acc), rotl(mul(get(i), i32(0x9e3779b9 | 0)), i32(7)))),
          set(i, add(get(i), i32(1))),
          br('next'),
        ]),
      ]),
      store32(i32(0), get(acc), 70000),
      load32(i32(0), 70000),
    ];
    const bytes = assemble(2, [{ name: 'f', params: L.params, results: ['i32'], locals: L.extra, body }]);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    const f = instance.exports.f as (x: number) => number;
    let want = 0;
    for (let k = 0; k < 1000; k++) {
      const y = Math.imul(k, 0x9e3779b9 | 0);
      want = (want + ((y << 7) | (y >>> 25))) | 0;
    }
    expect(f(1000)).toBe(want);
    expect(f(0)).toBe(0);
  });

  it('encodes f64 constants and shifts', () => {
    const L = new Locals();
    const body = [
      [f64(0.1), f64(-2.5e300), [0xa0]],
      fadd(f64(1), f64(2)),
      [0xa0],
      shrU(i32(-1), i32(1)),
      [0x1a],
    ];
    const bytes = assemble(1, [{ name: 'g', params: [], results: ['f64'], locals: L.extra, body }]);
    const g = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports.g as () => number;
    expect(g()).toBe(0.1 + -2.5e300 + 3);
  });

  it('refuses a branch to a block that does not enclose it', () => {
    expect(() =>
      assemble(1, [{ name: 'h', params: [], results: [], locals: [], body: [br('nowhere')] }]),
    ).toThrow(/no enclosing block 'nowhere'/);
  });
});
