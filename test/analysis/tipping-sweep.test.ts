/**
 * The tipping sweep and its critical-point detector on graphs whose transition is known:
 * Erdős–Rényi graphs (p_c = 1/z, giant cascade S = 1 - exp(-z p S)), a heterogeneous
 * configuration model (p_c = <k>/(<k^2>-<k>)), the Watts 2002 window and threshold for the
 * fractional-threshold model, and the critical mass of seeds found by brute force.
 * Sweeps run in-process (localBackend); the worker pool is exercised by the CLI test.
 */
import { describe, expect, it } from 'vitest';
import {
  branchingThreshold,
  detectCritical,
  erdosRenyiGiantShare,
  localBackend,
  pointSeed,
  pointStats,
  seedRanking,
  type TippingOptions,
  tippingSweep,
  wattsCriticalPhi,
} from '../../src/analysis/tipping/index.ts';
import { kSeedPlan } from '../../src/analysis/tipping/plan.ts';
import { OptionError } from '../../src/diffusion/defaults.ts';
import { createSimulator } from '../../src/diffusion/simulator.ts';
import type { ModelParams } from '../../src/diffusion/types.ts';
import { AbortError, type Progress } from '../../src/engine/pool.ts';
import { configurationModel, erdosRenyiGnm } from '../support/random-graphs.ts';
import { params } from '../support/simulate.ts';

const ic = params({ model: 'ic', p: 0.1 });
const threshold = (phi: number): ModelParams => params({ model: 'threshold', phi });

describe('independent cascade on Erdős–Rényi graphs (p_c = 1/z)', () => {
  const n = 2000;
  const z = 5;
  const g = erdosRenyiGnm(n, (n * z) / 2, 1);
  const sweep = tippingSweep(localBackend(g), g, {
    params: ic,
    vary: 'p',
    from: 0.1,
    to: 0.4,
    steps: 13,
    runs: 1000,
    rngSeed: 1,
  });

  it('detects p_c within 8% of 1/z and of the branching theory, after refining around it', async () => {
    const r = await sweep;
    expect(r.theory).toBeCloseTo(branchingThreshold(g).pc as number, 12);
    expect(Math.abs((r.theory as number) - 1 / z)).toBeLessThan(0.01);
    expect(r.detection.detector).toBe('susceptibility');
    expect(Math.abs((r.critical as number) - 1 / z) / (1 / z)).toBeLessThan(0.08);
    // Refinement added points inside the grid step holding the transition.
    const refined = r.curve.filter((c) => c.refined);
    expect(r.refinementRounds).toBeGreaterThanOrEqual(2);
    expect(refined.length).toBeGreaterThanOrEqual(4);
    for (const c of refined) expect(Math.abs(c.x - 1 / z)).toBeLessThan(0.05);
  });

  it('is not the steepest rise of the mean, which lies well past p_c', async () => {
    const r = await sweep;
    const grid = r.curve.filter((c) => !c.refined);
    let steepest = 0;
    let at = 0;
    for (let i = 0; i + 1 < grid.length; i++) {
      const slope = (grid[i + 1].mean - grid[i].mean) / (grid[i + 1].x - grid[i].x);
      if (slope > steepest) [steepest, at] = [slope, (grid[i].x + grid[i + 1].x) / 2];
    }
    expect(at).toBeGreaterThan(1.2 / z);
    expect(Math.abs((r.critical as number) - 1 / z)).toBeLessThan(Math.abs(at - 1 / z) / 3);
  });

  it('above p_c the global cascades reach S n and start with probability S, S = 1 - exp(-z p S)', async () => {
    const r = await sweep;
    for (const x of [0.3, 0.4]) {
      const c = r.curve.find((q) => Math.abs(q.x - x) < 1e-12);
      if (!c) throw new Error(`no point at ${x}`);
      // The measured mean degree, not the nominal one (edges are exact in G(n,m): z = 2m/n).
      const S = erdosRenyiGiantShare(z * x);
      expect(Math.abs((c.globalShare as number) - S)).toBeLessThan(0.02);
      expect(Math.abs(c.globalFraction - S)).toBeLessThan(4 * Math.sqrt((S * (1 - S)) / c.runs));
    }
    // Below p_c no run goes global.
    expect(r.curve.filter((c) => c.x <= 0.15).every((c) => c.globalFraction === 0)).toBe(true);
  });
});

it('detects the branching threshold <k>/(<k^2>-<k>) of a heterogeneous configuration model', async () => {
  // Half the nodes of degree 2, half of degree 8: <k> = 5, <k^2> = 34, p_c = 5/29.
  const g = configurationModel(
    Array.from({ length: 3000 }, (_, i) => (i % 2 ? 2 : 8)),
    5,
  );
  expect(Math.abs((branchingThreshold(g).pc as number) - 5 / 29)).toBeLessThan(0.002);
  const r = await tippingSweep(localBackend(g), g, {
    params: ic,
    vary: 'p',
    from: 0.05,
    to: 0.4,
    steps: 11,
    runs: 600,
    rngSeed: 3,
  });
  expect(Math.abs((r.critical as number) - 5 / 29) / (5 / 29)).toBeLessThan(0.1);
});

it('directed Erdős–Rényi graphs: p_c = <k_in>/<k_in k_out> = 1/z, giant out-component S', async () => {
  const z = 5;
  const g = erdosRenyiGnm(2000, 2000 * z, 1, true);
  const r = await tippingSweep(localBackend(g), g, {
    params: ic,
    vary: 'p',
    from: 0.1,
    to: 0.4,
    steps: 7,
    runs: 800,
    rngSeed: 1,
  });
  expect(Math.abs((r.theory as number) - 1 / z)).toBeLessThan(0.005);
  expect(Math.abs((r.critical as number) - 1 / z) / (1 / z)).toBeLessThan(0.1);
  const top = r.curve[r.curve.length - 1];
  expect(Math.abs((top.globalShare as number) - erdosRenyiGiantShare(z * 0.4))).toBeLessThan(0.02);
});

describe('fractional threshold (Watts 2002)', () => {
  it('phi = 0.18: global cascades from one random seed are frequent for 1 < z < 5.8 and rare outside', () => {
    const n = 3000;
    const share = (z: number) => {
      const g = erdosRenyiGnm(n, Math.round((n * z) / 2), 7);
      const shard = createSimulator(g, threshold(0.18)).runShard({
        seeds: { kind: 'random', k: 1 },
        rngSeed: 3,
        firstRun: 0,
        runCount: 300,
        traceRun: null,
      });
      return pointStats(0.18, shard.sizes, n, false).globalFraction;
    };
    for (const z of [2, 3, 4, 5]) expect(share(z)).toBeGreaterThan(0.5);
    for (const z of [0.6, 7, 8]) expect(share(z)).toBeLessThan(0.02);
  });

  it('a phi sweep finds the cascade threshold phi_c = 1/K* of Watts’ condition', async () => {
    const g = erdosRenyiGnm(3000, 4500, 7); // z = 3: K* = 4, phi_c = 1/4
    expect(wattsCriticalPhi(g).phiC).toBe(0.25);
    const r = await tippingSweep(localBackend(g), g, {
      params: threshold(0.5),
      vary: 'phi',
      from: 0.1,
      to: 0.5,
      steps: 9,
      runs: 300,
      rngSeed: 1,
    });
    expect(r.theory).toBe(0.25);
    expect(r.detection.detector).toBe('globalOnset');
    const [lo, hi] = r.detection.bracket as [number, number];
    expect(lo).toBeLessThanOrEqual(0.25);
    expect(hi).toBeGreaterThan(0.25);
    expect(hi - lo).toBeLessThan(0.01);
    expect(Math.abs((r.critical as number) - 0.25)).toBeLessThan(0.005);
  });
});

describe('critical mass of seeds', () => {
  const g = erdosRenyiGnm(2000, 5000, 3);
  const order = seedRanking(g, 'degree');
  const phi = 0.3; // nobody of degree >= 4 is vulnerable: single seeds never cascade (z = 5)
  /** Reach of the top k by degree: the threshold model is deterministic for fixed seeds. */
  const reach = (k: number) =>
    createSimulator(g, threshold(phi)).runShard({
      seeds: kSeedPlan({ kind: 'top', order }, k),
      rngSeed: 1,
      firstRun: 0,
      runCount: 1,
      traceRun: null,
    }).sizes[0];
  const options: TippingOptions = {
    params: threshold(phi),
    vary: 'k',
    from: 1,
    to: 200,
    steps: 5,
    runs: 2,
    rngSeed: 1,
    kSeeds: { kind: 'top', order },
    target: 0.5,
  };

  it('finds the k at which the top-degree seeds tip a global cascade, as brute force does', async () => {
    let tip = 1;
    while (reach(tip) <= 0.5 * g.n) tip++;
    expect(reach(tip - 1)).toBeLessThan(0.2 * g.n);
    const r = await tippingSweep(localBackend(g), g, options);
    expect(r.detection.detector).toBe('reachPerSeed');
    expect(r.critical).toBe(tip);
    // The fewest top seeds whose reach passes half the network, found by search between grid points.
    expect(r.fewestSeeds?.k).toBe(tip);
    expect(r.fewestSeeds?.below?.k).toBe(tip - 1);
    expect(r.fewestSeeds?.mean).toBe(reach(tip));
  });

  it('fewest seeds: the search brackets by doubling and bisects, agreeing with a linear scan', async () => {
    for (const target of [0.05, 0.1, 0.15]) {
      const r = await tippingSweep(localBackend(g), g, {
        ...options,
        from: 1,
        to: 2,
        steps: 2,
        target,
        refine: { rounds: 0 },
      });
      let k = 1;
      while (reach(k) < target * g.n) k++;
      expect(r.fewestSeeds?.k).toBe(k);
      expect(r.fewestSeeds?.simulated).toBeGreaterThan(1);
      expect(r.fewestSeeds?.simulated).toBeLessThan(2 * Math.log2(k) + 3);
    }
  });

  it('independent cascade below p_c has no critical mass: reach per seed never jumps', async () => {
    const r = await tippingSweep(localBackend(g), g, {
      ...options,
      params: { ...ic, p: 0.05 },
      runs: 200,
      target: null,
    });
    expect(r.critical).toBeNull();
  });
});

describe('sweep mechanics', () => {
  const g = erdosRenyiGnm(500, 1000, 2);
  const base: TippingOptions = { params: ic, vary: 'p', from: 0.1, to: 0.6, steps: 6, runs: 300, rngSeed: 9 };

  it('a point’s runs depend only on the sweep seed and x, not on when the point was simulated', async () => {
    const a = await tippingSweep(localBackend(g), g, base);
    const b = await tippingSweep(localBackend(g), g, { ...base, refine: { rounds: 0 } });
    for (const c of b.curve) expect(a.curve.find((q) => q.x === c.x)).toEqual(c);
    const shard = createSimulator(g, { ...ic, p: 0.2 }).runShard({
      seeds: { kind: 'random', k: 1 },
      rngSeed: pointSeed(9, 0.2),
      firstRun: 0,
      runCount: 300,
      traceRun: null,
    });
    expect(a.curve.find((c) => c.x === 0.2)?.mean).toBe(shard.sizes.reduce((s, x) => s + x, 0) / 300);
    expect(pointSeed(9, 0.2)).not.toBe(pointSeed(10, 0.2));
  });

  it('reports progress as one growing total that ends complete, and cancels', async () => {
    const events: Progress[] = [];
    const r = await tippingSweep(localBackend(g), g, base, { onProgress: (p) => events.push(p) });
    const last = events[events.length - 1];
    expect(last.done).toBe(r.runsTotal);
    expect(last.total).toBe(r.runsTotal);
    for (let i = 1; i < events.length; i++) expect(events[i].done).toBeGreaterThanOrEqual(events[i - 1].done);
    for (const e of events) expect(e.done).toBeLessThanOrEqual(e.total);

    const controller = new AbortController();
    const cancelled = tippingSweep(localBackend(g), g, base, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 600) controller.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(AbortError);
  });

  it('no transition in range: no critical point', async () => {
    const r = await tippingSweep(localBackend(g), g, { ...base, from: 0.01, to: 0.1 });
    expect(r.critical).toBeNull();
    expect(r.refinementRounds).toBe(0);
  });

  const bad: [string, Partial<TippingOptions>, RegExp][] = [
    ['p of lt', { params: params({ model: 'lt' }) }, /vary: p is the spread probability/],
    ['phi of ic', { vary: 'phi' }, /vary: phi is the adoption threshold/],
    ['from >= to', { from: 0.5, to: 0.5 }, /from < to/],
    ['p above 1', { to: 1.5 }, /lie in \[0, 1\]/],
    ['k not whole', { vary: 'k', from: 1, to: 2.5 }, /k ranges over whole numbers/],
    ['k beyond n', { vary: 'k', from: 1, to: 501 }, /k ranges over whole numbers from 1 to 500/],
    ['one step', { steps: 1 }, /steps: expected a whole number from 2/],
    ['no runs', { runs: 0 }, /runs: expected a whole number >= 1/],
    ['target with p', { target: 0.5 }, /target: .*needs vary k/],
    ['target above 1', { vary: 'k', from: 1, to: 5, target: 1.5 }, /target: expected a share/],
  ];
  for (const [name, change, message] of bad) {
    it(`rejects ${name}`, async () => {
      const run = tippingSweep(localBackend(g), g, { ...base, ...change });
      await expect(run).rejects.toBeInstanceOf(OptionError);
      await expect(tippingSweep(localBackend(g), g, { ...base, ...change })).rejects.toThrow(message);
    });
  }
});

it('detectCritical: a clean step in the global share is bracketed; a flat curve has none', () => {
  const point = (x: number, g: number) =>
    pointStats(
      x,
      new Array(100).fill(0).map((_, i) => (i < 100 * g ? 500 : 1)),
      1000,
      false,
    );
  const step = [point(0.1, 0), point(0.2, 0), point(0.3, 0.8), point(0.4, 0.85)];
  const d = detectCritical(step, 'phi');
  expect(d.bracket).toEqual([0.2, 0.3]);
  expect(d.critical).toBeCloseTo(0.25, 12);
  const flat = [point(0.1, 0.5), point(0.2, 0.52), point(0.3, 0.49)];
  expect(detectCritical(flat, 'phi').critical).toBeNull();
});
