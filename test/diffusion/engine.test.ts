/** Engine behaviour: reproducibility, shard merging, staggered launches, directions, traces, options. */
import { describe, expect, it } from 'vitest';
import { OptionError, resolveParams } from '../../src/diffusion/defaults.ts';
import { createSimulator } from '../../src/diffusion/simulator.ts';
import { histogram, mergeShards, summarize } from '../../src/diffusion/summary.ts';
import type { ModelName } from '../../src/diffusion/types.ts';
import { Rng } from '../../src/util/rng.ts';
import { csrOf } from '../support/graphs.ts';
import { params, runLocal, seedsAt } from '../support/simulate.ts';

/** A ring of 60 with chords: big enough for varied cascades. */
function ringWithChords() {
  const pairs: [number, number][] = [];
  for (let i = 0; i < 60; i++) {
    pairs.push([i, (i + 1) % 60]);
    pairs.push([i, (i * 7 + 3) % 60]);
  }
  return csrOf(60, pairs, 'undirected');
}

describe('PRNG', () => {
  it('pins the first outputs of (seed 42, stream 0) and (seed 42, stream 1)', () => {
    const a = new Rng(42, 0);
    const b = new Rng(42, 1);
    const first = [a.u32(), a.u32(), a.u32()];
    const second = [b.u32(), b.u32(), b.u32()];
    expect(first).toEqual(PINNED_A);
    expect(second).toEqual(PINNED_B);
  });

  it('floats are uniform enough and below(n) stays in range', () => {
    const rng = new Rng(7, 3);
    let sum = 0;
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      sum += rng.float();
      counts[rng.below(10)]++;
    }
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});

const MODELS: ModelName[] = ['ic', 'wc', 'lt', 'sir', 'threshold'];

describe('reproducibility and shard merging', () => {
  for (const model of MODELS) {
    it(`${model}: runs split over shards give the identical summary`, () => {
      const csr = ringWithChords();
      const p = params({ model, p: 0.3, gamma: 0.5, phi: 0.35 });
      const seeds = model === 'threshold' ? { kind: 'random' as const, k: 2 } : seedsAt(0, 30);
      const whole = createSimulator(csr, p).runShard({
        seeds,
        rngSeed: 9,
        firstRun: 0,
        runCount: 300,
        traceRun: 17,
      });
      const sim = createSimulator(csr, p);
      const parts = [
        sim.runShard({ seeds, rngSeed: 9, firstRun: 120, runCount: 180, traceRun: 17 }),
        createSimulator(csr, p).runShard({ seeds, rngSeed: 9, firstRun: 0, runCount: 7, traceRun: 17 }),
        sim.runShard({ seeds, rngSeed: 9, firstRun: 7, runCount: 113, traceRun: 17 }),
      ];
      const merged = mergeShards(parts);
      expect(summarize(merged)).toEqual(summarize(whole));
      expect(merged.sizes).toEqual(whole.sizes);
      expect(merged.trace).toEqual(whole.trace);
      const other = createSimulator(csr, p).runShard({
        seeds,
        rngSeed: 10,
        firstRun: 0,
        runCount: 300,
        traceRun: null,
      });
      expect(other.sizes).not.toEqual(whole.sizes);
    });
  }

  it('refuses shards that leave a gap', () => {
    const csr = ringWithChords();
    const sim = createSimulator(csr, params({ model: 'ic', p: 0.2 }));
    const a = sim.runShard({ seeds: seedsAt(0), rngSeed: 1, firstRun: 0, runCount: 5, traceRun: null });
    const b = sim.runShard({ seeds: seedsAt(0), rngSeed: 1, firstRun: 6, runCount: 5, traceRun: null });
    expect(() => mergeShards([a, b])).toThrow(/missing/);
  });
});

describe('launches and steps', () => {
  it('staggered seed groups start at their own step; the cascade can lie dormant in between', () => {
    // 0 -> 1 -> 2 and 3 -> 4, all arcs certain. Seed 0 at step 0, seed 3 at step 4.
    const csr = csrOf(5, [
      [0, 1],
      [1, 2],
      [3, 4],
    ]);
    const seeds = {
      kind: 'groups' as const,
      groups: [
        { nodes: [0], start: 0 },
        { nodes: [3], start: 4 },
      ],
    };
    const { summary, shard } = runLocal(csr, params({ model: 'ic', p: 1 }), seeds, 3, 1, 0);
    expect(summary.adoptionByStep).toEqual([1, 2, 3, 3, 4, 5]);
    expect(summary.reachByHop).toEqual([2, 4, 5]);
    expect([...shard.trace!.steps]).toEqual([0, 1, 2, 4, 5]);
  });

  it('a later seed already reached by the cascade is not launched twice', () => {
    const csr = csrOf(3, [
      [0, 1],
      [1, 2],
    ]);
    const seeds = {
      kind: 'groups' as const,
      groups: [
        { nodes: [0], start: 0 },
        { nodes: [1], start: 3 },
      ],
    };
    const { summary } = runLocal(csr, params({ model: 'ic', p: 1 }), seeds, 2);
    expect(summary.mean).toBe(3);
    expect(summary.adoptionByStep).toEqual([1, 2, 3]);
  });

  it('maxSteps stops the cascade', () => {
    const path = csrOf(6, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(runLocal(path, params({ model: 'ic', p: 1, maxSteps: 2 }), seedsAt(0), 2).summary.mean).toBe(3);
    expect(runLocal(path, params({ model: 'ic', p: 1, maxSteps: 0 }), seedsAt(0), 2).summary.mean).toBe(1);
    expect(runLocal(path, params({ model: 'lt', maxSteps: 3 }), seedsAt(0), 2).summary.mean).toBe(4);
  });
});

describe('direction semantics', () => {
  // One line "0 1".
  it('influences: 0 reaches 1, not the reverse', () => {
    const csr = csrOf(2, [[0, 1]], 'influences');
    expect(runLocal(csr, params({ model: 'ic', p: 1 }), seedsAt(0), 1).summary.mean).toBe(2);
    expect(runLocal(csr, params({ model: 'ic', p: 1 }), seedsAt(1), 1).summary.mean).toBe(1);
  });
  it('follows: 0 follows 1, so 1 reaches 0', () => {
    const csr = csrOf(2, [[0, 1]], 'follows');
    expect(runLocal(csr, params({ model: 'ic', p: 1 }), seedsAt(1), 1).summary.mean).toBe(2);
    expect(runLocal(csr, params({ model: 'ic', p: 1 }), seedsAt(0), 1).summary.mean).toBe(1);
  });
  it('undirected: both reach each other', () => {
    const csr = csrOf(2, [[0, 1]], 'undirected');
    expect(runLocal(csr, params({ model: 'ic', p: 1 }), seedsAt(0), 1).summary.mean).toBe(2);
    expect(runLocal(csr, params({ model: 'ic', p: 1 }), seedsAt(1), 1).summary.mean).toBe(2);
  });
});

describe('trace of the sampled run', () => {
  for (const model of MODELS) {
    it(`${model}: parents form an activation tree consistent with hops and steps`, () => {
      const csr = ringWithChords();
      const { shard } = runLocal(
        csr,
        params({ model, p: 0.4, gamma: 0.5, phi: 0.2 }),
        seedsAt(5, 40),
        20,
        3,
        11,
      );
      const t = shard.trace!;
      expect(t.run).toBe(11);
      expect(t.nodes.length).toBe(shard.sizes[11]);
      expect(t.exposed.length).toBe(shard.exposed[11]);
      const position = new Map<number, number>();
      t.nodes.forEach((v, i) => {
        position.set(v, i);
      });
      t.nodes.forEach((v, i) => {
        const parent = t.parents[i];
        if (parent < 0) {
          expect([5, 40]).toContain(v);
          expect(t.hops[i]).toBe(0);
          return;
        }
        const j = position.get(parent)!;
        expect(j).toBeLessThan(i);
        expect(t.hops[i]).toBe(t.hops[j] + 1);
        expect(t.steps[i]).toBeGreaterThan(t.steps[j]);
        let isNeighbour = false;
        for (let k = csr.outOffsets[parent]; k < csr.outOffsets[parent + 1]; k++)
          if (csr.outTargets[k] === v) isNeighbour = true;
        expect(isNeighbour).toBe(true);
      });
    });
  }
});

describe('random seed sets', () => {
  it('draw k distinct nodes uniformly, a fresh set per run', () => {
    const n = 10;
    const empty = csrOf(n, [[0, 0]]);
    const sim = createSimulator(empty, params({ model: 'ic', p: 1 }));
    const counts = new Array(n).fill(0);
    const runs = 20_000;
    const shard = sim.runShard({
      seeds: { kind: 'random', k: 3 },
      rngSeed: 5,
      firstRun: 0,
      runCount: runs,
      traceRun: null,
    });
    expect(new Set(shard.sizes)).toEqual(new Set([3]));
    for (let r = 0; r < 2000; r++) {
      const one = sim.runShard({
        seeds: { kind: 'random', k: 3 },
        rngSeed: 5,
        firstRun: r,
        runCount: 1,
        traceRun: r,
      });
      for (const v of one.trace!.nodes) counts[v]++;
    }
    for (const c of counts) expect(Math.abs(c / 2000 - 0.3)).toBeLessThan(0.045);
  });
});

describe('options', () => {
  const csr = csrOf(3, [
    [0, 1],
    [1, 2],
  ]);
  const bad: [object, RegExp][] = [
    [{ model: 'ic', p: 1.5 }, /^p: expected a probability between 0 and 1, got 1.5/],
    [{ model: 'ic', p: -0.1 }, /^p: /],
    [{ model: 'sir', gamma: 2 }, /^gamma: /],
    [{ model: 'threshold', phi: Number.NaN }, /^phi: /],
    [{ model: 'ic', maxSteps: 1.5 }, /^maxSteps: expected a whole number/],
    [{ model: 'sir', gamma: 0 }, /never ends/],
    [{ model: 'xx' }, /^model: expected one of ic, wc, lt, sir, threshold/],
    [{ model: 'ic', prob: 0.1 }, /unknown model option 'prob'/],
  ];
  for (const [options, message] of bad) {
    it(`rejects ${JSON.stringify(options)}`, () => {
      expect(() => resolveParams(options as never, csr)).toThrow(OptionError);
      expect(() => resolveParams(options as never, csr)).toThrow(message);
    });
  }
  it('ic without p uses the file probabilities when there are some, else the default', () => {
    expect(resolveParams({ model: 'ic' }, csr).p).toBe(0.05);
    const withProbs = csrOf(
      3,
      [
        [0, 1],
        [1, 2],
      ],
      'influences',
      [0.5, 0.5],
    );
    expect(resolveParams({ model: 'ic' }, withProbs).p).toBeNull();
    expect(resolveParams({ model: 'ic', p: 0.3 }, withProbs).p).toBe(0.3);
  });
  it('rejects seeds outside the graph', () => {
    const sim = createSimulator(csr, params({ model: 'ic', p: 0.5 }));
    expect(() =>
      sim.runShard({ seeds: seedsAt(7), rngSeed: 1, firstRun: 0, runCount: 1, traceRun: null }),
    ).toThrow(/not in the graph/);
    expect(() =>
      sim.runShard({ seeds: { kind: 'random', k: 4 }, rngSeed: 1, firstRun: 0, runCount: 1, traceRun: null }),
    ).toThrow(/1 to 3/);
  });
});

describe('adoption curves and node counts', () => {
  /** A random graph where cascades die at different steps, including staggered launches. */
  const n = 300;
  let x = 99;
  const pairs: [number, number][] = [];
  for (let i = 0; i < 1500; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const u = x % n;
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    pairs.push([u, x % n]);
  }
  const csr = csrOf(n, pairs, 'influences');
  const plan = {
    kind: 'groups' as const,
    groups: [
      { nodes: [1], start: 0 },
      { nodes: [2, 3], start: 4 },
    ],
  };

  for (const model of ['ic', 'sir', 'lt'] as ModelName[]) {
    it(`${model}: the per-step CI band matches the spread of each run's own curve`, () => {
      const p = params({ model, p: 0.12, gamma: 0.6 });
      const runs = 200;
      const sim = createSimulator(csr, p);
      const whole = summarize(
        sim.runShard({ seeds: plan, rngSeed: 5, firstRun: 0, runCount: runs, traceRun: null }),
      );
      // Independent: every run alone, its cumulative curve extended flat to the last step.
      const curves: number[][] = [];
      for (let r = 0; r < runs; r++) {
        const one = sim.runShard({ seeds: plan, rngSeed: 5, firstRun: r, runCount: 1, traceRun: null });
        let c = 0;
        curves.push(Array.from(one.stepCounts, (k) => (c += k)));
      }
      const steps = whole.adoptionByStep.length;
      expect(Math.max(...curves.map((c) => c.length))).toBe(steps);
      for (let t = 0; t < steps; t++) {
        const values = curves.map((c) => c[Math.min(t, c.length - 1)]);
        const mean = values.reduce((a, b) => a + b, 0) / runs;
        const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (runs - 1));
        const half = (1.959963984540054 * sd) / Math.sqrt(runs);
        expect(whole.adoptionByStep[t]).toBeCloseTo(mean, 9);
        expect(whole.adoptionByStepCi95[t][0]).toBeCloseTo(mean - half, 6);
        expect(whole.adoptionByStepCi95[t][1]).toBeCloseTo(mean + half, 6);
      }
    });
  }

  it('node counts add up to the cascade sizes and merge across shards', () => {
    const p = params({ model: 'ic', p: 0.1 });
    const sim = createSimulator(csr, p);
    const req = { seeds: plan, rngSeed: 9, traceRun: null, nodeCounts: true };
    const a = sim.runShard({ ...req, firstRun: 0, runCount: 70 });
    const b = sim.runShard({ ...req, firstRun: 70, runCount: 30 });
    const merged = mergeShards([b, a]);
    const whole = sim.runShard({ ...req, firstRun: 0, runCount: 100 });
    expect(merged.nodeCounts).toEqual(whole.nodeCounts);
    const total = (whole.nodeCounts as Uint32Array).reduce((s, c) => s + c, 0);
    expect(total).toBe(whole.sizes.reduce((s, c) => s + c, 0));
    expect(whole.nodeCounts?.[1]).toBe(100);
    expect(sim.runShard({ ...req, nodeCounts: false, firstRun: 0, runCount: 5 }).nodeCounts).toBeNull();
  });
});

describe('summary', () => {
  it('histogram bins cover min..max with integer edges and show two humps', () => {
    const sizes = Uint32Array.from([1, 1, 2, 1, 95, 97, 99, 100, 1, 2]).sort();
    const bins = histogram(sizes);
    expect(bins[0].from).toBe(1);
    expect(bins.at(-1)!.to).toBe(100);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(10);
    expect(bins[0].count).toBe(6);
    expect(bins.at(-1)!.count + bins.at(-2)!.count).toBeGreaterThanOrEqual(3);
    expect(bins.slice(2, -3).every((b) => b.count === 0)).toBe(true);
  });
  it('mean, std and the normal 95% interval', () => {
    const shard = {
      firstRun: 0,
      runCount: 4,
      sizes: Uint32Array.from([1, 3, 5, 7]),
      exposed: Uint32Array.from([2, 4, 6, 8]),
      hopCounts: new Float64Array([4, 8, 4]),
      stepCounts: new Float64Array([4, 12]),
      lastSteps: Uint32Array.from([0, 1, 1, 1]),
      stepSquares: new Float64Array([4, 9 + 25 + 49]),
      nodeCounts: null,
      arcsExamined: 0,
      trace: null,
    };
    const s = summarize(shard);
    expect(s.mean).toBe(4);
    expect(s.std).toBeCloseTo(Math.sqrt(20 / 3), 12);
    expect(s.ci95[1] - s.mean).toBeCloseTo((1.959963984540054 * Math.sqrt(20 / 3)) / 2, 12);
    expect(s.exposed).toBe(5);
    expect(s.reachByHop).toEqual([1, 3, 4]);
    expect(s.adoptionByStep).toEqual([1, 4]);
    expect(s.adoptionByStepCi95[0]).toEqual([1, 1]);
    expect(s.adoptionByStepCi95[1][1] - 4).toBeCloseTo((1.959963984540054 * Math.sqrt(20 / 3)) / 2, 12);
    expect(s.sizes.median).toBe(4);
  });
});

const PINNED_A = [3665538768, 433745567, 3816390281];
const PINNED_B = [1320219638, 1521476401, 3289095801];
