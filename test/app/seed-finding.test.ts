/**
 * The Suggest seeds tab's logic, without a page: the form (errors name the field; CELF refused
 * exactly above CELF_LIMITS.warnNodes, the message naming that number), the budget curves on one
 * chart, IMM's predicted rounds and theta against a real IMM run, the time forecast while running,
 * the progress line, and the calibration's coverage on hand-made sets.
 */
import { describe, expect, it } from 'vitest';
import { halves, pilotCoverage } from '../../src/app/panels/seed-finding/calibrate.ts';
import { curveRows, marginalGain, NO_CURVES, withCurve } from '../../src/app/panels/seed-finding/curves.ts';
import {
  type Calibration,
  coverageShare,
  estimate,
  Forecast,
  immPlan,
} from '../../src/app/panels/seed-finding/estimate.ts';
import { SeedProgress } from '../../src/app/panels/seed-finding/progress.ts';
import {
  CELF_APP_LIMIT,
  celfAllowed,
  defaultDraft,
  fieldErrors,
  followScenario,
  maxK,
  modelKey,
  readSettings,
  type SeedFindDraft,
} from '../../src/app/panels/seed-finding/settings.ts';
import { defaultScenario } from '../../src/app/state/default-scenario.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import type { BudgetPoint } from '../../src/seeding/budget-curve.ts';
import { CELF_LIMITS } from '../../src/seeding/celf.ts';
import { opimSeeds } from '../../src/seeding/opim.ts';
import { localRrSource, type RrBatch, rrParams } from '../../src/seeding/rr-sets.ts';
import { erdosRenyiGnm } from '../support/random-graphs.ts';

const draft = (patch: Partial<SeedFindDraft> = {}): SeedFindDraft => ({ ...defaultDraft(), ...patch });
const graph = { nodes: 100, fileP: false };

describe('the seed-finding form', () => {
  it('refuses CELF exactly above CELF_LIMITS.warnNodes, the number the CLI warns at', () => {
    expect(CELF_APP_LIMIT).toBe(CELF_LIMITS.warnNodes);
    expect(celfAllowed(CELF_APP_LIMIT)).toBe(true);
    expect(celfAllowed(CELF_APP_LIMIT + 1)).toBe(false);
    const at = readSettings(draft({ method: 'celf' }), { nodes: CELF_APP_LIMIT, fileP: false });
    expect('settings' in at).toBe(true);
    const over = readSettings(draft({ method: 'celf' }), { nodes: CELF_APP_LIMIT + 1, fileP: false });
    expect(over).toEqual({
      error: `CELF is off for this graph: it simulates each of its ${(CELF_APP_LIMIT + 1).toLocaleString('en')} accounts many times, too slow above ${CELF_APP_LIMIT.toLocaleString('en')} accounts. IMM gives the same quality far faster.`,
    });
  });

  it.each<[string, Partial<SeedFindDraft>, string, string]>([
    ['k empty', { k: '' }, 'k', 'Budget K (seed accounts): expected a whole number from 1 to 100'],
    [
      'k above the graph',
      { k: '101' },
      'k',
      "from 1 to 100 (the accounts of the graph, at most 1,000), got '101'",
    ],
    ['k fractional', { k: '2.5' }, 'k', "got '2.5'"],
    ['p above 1', { p: '1.5' }, 'p', "Probability p: expected a probability between 0 and 1, got '1.5'"],
    ['p underflow', { p: '1e-400' }, 'p', "'1e-400' is too small to represent"],
    ['epsilon 0', { epsilon: '0' }, 'epsilon', "between 0 and 1 (exclusive), got '0'"],
    [
      'runs 0',
      { runs: '0' },
      'runs',
      'Monte Carlo runs measuring the result: expected a whole number from 1',
    ],
    ['rng negative', { rng: '-1' }, 'rng', 'Random seed: expected a whole number from 0 to 4294967295'],
  ])('names the field: %s', (_name, patch, field, message) => {
    const errors = fieldErrors(draft(patch), graph);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field as keyof typeof errors]).toContain(message);
  });

  it('reads p only for ic without the file probabilities, epsilon only for IMM', () => {
    expect(readSettings(draft({ model: 'wc', p: 'x' }), graph)).toMatchObject({ settings: { p: null } });
    expect(readSettings(draft({ useFile: true, p: 'x' }), { nodes: 100, fileP: true })).toMatchObject({
      settings: { p: null },
    });
    expect(readSettings(draft({ useFile: true, p: '0.2' }), graph)).toMatchObject({ settings: { p: 0.2 } });
    expect(readSettings(draft({ method: 'degree', epsilon: '7' }), graph)).toMatchObject({
      settings: { method: 'degree' },
    });
    expect(maxK(4039)).toBe(1000);
    expect(maxK(34)).toBe(34);
  });

  it("follows the scenario's model, p and random seed on a new graph, and leaves CELF on a graph too large", () => {
    const scenario = { ...defaultScenario(), model: 'lt' as const, rngSeed: 9 };
    expect(followScenario(draft(), scenario, graph)).toMatchObject({ model: 'lt', p: '0.05', rng: '9' });
    const sir = { ...defaultScenario(), model: 'sir' as const };
    expect(followScenario(draft({ model: 'wc' }), sir, graph).model).toBe('wc');
    const big = { nodes: CELF_APP_LIMIT + 1, fileP: false };
    expect(followScenario(draft({ method: 'celf' }), scenario, big).method).toBe('imm');
    expect(modelKey(3, { model: 'wc', p: 0.2 })).toBe(modelKey(3, { model: 'wc', p: 0.9 }));
    expect(modelKey(3, { model: 'ic', p: 0.2 })).not.toBe(modelKey(3, { model: 'ic', p: 0.3 }));
  });
});

const curve = (...spreads: number[]): BudgetPoint[] =>
  spreads.map((spread, i) => ({ k: i + 1, spread, ci95: [spread - 1, spread + 1] }));

describe('budget curves', () => {
  it('keeps one line per method on one chart, the latest last; another model starts a new chart', () => {
    let c = withCurve(NO_CURVES, 'a', 'imm', curve(10, 15));
    c = withCurve(c, 'a', 'degree', curve(8, 12));
    c = withCurve(c, 'a', 'imm', curve(11, 16, 18));
    expect(c.lines.map((l) => l.method)).toEqual(['degree', 'imm']);
    expect(marginalGain(c.lines)).toEqual({ method: 'imm', k: 3, first: 11, gain: 2 });
    expect(curveRows(c.lines).map((r) => [r.k, r.points.map((p) => p?.spread ?? null)])).toEqual([
      [1, [8, 11]],
      [2, [12, 16]],
      [3, [null, 18]],
    ]);
    expect(withCurve(c, 'b', 'random', curve(3)).lines.map((l) => l.method)).toEqual(['random']);
    expect(marginalGain(withCurve(c, 'b', 'random', curve(3)).lines)).toBeNull();
  });
});

describe("IMM's predicted amounts", () => {
  it('follow a real run (opimSeeds): its rounds, within one doubling, for the coverage it found', async () => {
    const csr = erdosRenyiGnm(300, 900, 5);
    const params = resolveParams({ model: 'ic', p: 0.1 }, csr);
    for (const [k, epsilon] of [
      [5, 0.3],
      [10, 0.2],
      [10, 0.05],
    ]) {
      const rounds: number[] = [];
      const result = await opimSeeds(localRrSource(csr, rrParams(params)), {
        k,
        epsilon,
        rngSeed: 3,
        onRound: (r) => rounds.push(r.sets),
      });
      // The share of R2's sets the seeds cover: what the plan takes as F.
      const share = result.prefixHits[result.prefixHits.length - 1] / result.validationTheta;
      const plan = immPlan(csr.n, k, epsilon, share);
      // The same first round, then rounds of the same doubling sizes (both skip the rounds too
      // small to stop, the run by the share it saw, the plan by F), the last within one doubling.
      expect(plan.rounds[0]).toBe(rounds[0]);
      const both = (theta: number) => theta + Math.ceil(theta / 4);
      const base =
        Math.floor(0.8 * rounds[0]) +
        [-1, 0, 1, 2].find((d) => both(Math.floor(0.8 * rounds[0]) + d) === rounds[0])!;
      const doublings = Array.from({ length: 40 }, (_, i) => both(base * 2 ** i));
      for (const sets of [...plan.rounds.slice(0, -1), ...rounds.slice(0, -1)])
        expect(doublings).toContain(sets);
      expect(
        Math.abs(Math.log2(plan.rounds[plan.rounds.length - 1] / rounds[rounds.length - 1])),
      ).toBeLessThanOrEqual(1.01);
      expect(plan.theta / result.theta).toBeGreaterThanOrEqual(0.5);
      expect(plan.theta / result.theta).toBeLessThanOrEqual(2);
      expect(plan.curveSets).toBe(Math.ceil(plan.theta / 4));
    }
  });

  it('sample more when the seeds cover less; with no coverage, up to the worst-case round', () => {
    const wide = immPlan(4039, 10, 0.1, 0.55);
    const narrow = immPlan(4039, 10, 0.1, 0.01);
    expect(narrow.theta).toBeGreaterThan(wide.theta * 20);
    // Both skip the rounds too small to stop: the first round, then the one that stops.
    expect([wide.rounds.length, narrow.rounds.length]).toEqual([2, 2]);
    const none = immPlan(64, 1, 0.1, 0);
    expect(none.lowerBound).toBe(0);
    expect(none.theta).toBeGreaterThan(none.rounds[0]);
  });
});

const cal: Calibration = {
  n: 1000,
  arcs: 10_000,
  msPerSet: 0.1,
  setSize: 50,
  fitted: Array.from({ length: 20 }, (_, i) => Math.min(1, 0.3 + 0.02 * i)),
  heldOut: Array.from({ length: 20 }, (_, i) => Math.min(1, 0.25 + 0.02 * i)),
  msPerEntry: 1e-5,
  msPerRun: 0.05,
  runSize: 40,
};

describe('the time estimate', () => {
  it('prices what each method does', () => {
    const coverage = coverageShare(cal, 10);
    expect(coverage).toBeCloseTo(Math.sqrt(0.48 * 0.43), 12);
    const i = estimate(cal, { method: 'imm', k: 10, epsilon: 0.1, runs: 2000, curveSets: 0 });
    const plan = immPlan(1000, 10, 0.1, coverage);
    expect(i.imm).toEqual(plan);
    expect(i.sets).toBe(plan.curveSets + plan.theta);
    expect(i.steps.map((s) => s.name)).toEqual(['sampling', 'budget', 'measuring']);
    // Sampling: every set at 0.1 ms, and a coverage over R1 and R2 after each round.
    let have = 0;
    let sampling = 0;
    for (const sets of plan.rounds) {
      sampling += (sets - have) * 0.1 + sets * 50 * 1e-5;
      have = sets;
    }
    expect(i.steps[0].ms).toBeCloseTo(sampling, 6);
    // Budget: a coverage count over R2.
    expect(i.steps[1].ms).toBeCloseTo(plan.curveSets * 50 * 1e-5, 6);
    // Measuring: runs from seeds reaching n * coverage, priced by the single-seed runs per account reached.
    expect(i.steps[2].ms).toBeCloseTo(2000 * 0.05 * ((1000 * coverage) / 40), 6);
    // A smaller epsilon samples more.
    expect(
      estimate(cal, { method: 'imm', k: 10, epsilon: 0.05, runs: 2000, curveSets: 0 }).ms,
    ).toBeGreaterThan(i.ms);
    const celf = estimate(cal, { method: 'celf', k: 10, epsilon: 0.1, runs: 2000, curveSets: 10_000 });
    expect(celf.steps[0]).toEqual({ name: 'celfFirst', ms: 1000 * 1000 * 0.05 });
    expect(celf.cascades).toBeGreaterThan(1000 * 1000);
    const degree = estimate(cal, { method: 'degree', k: 10, epsilon: 0.1, runs: 2000, curveSets: 10_000 });
    expect(degree.steps.map((s) => [s.name, s.ms])).toEqual([
      ['choosing', 0],
      ['budget', 1000],
      ['measuring', i.steps[2].ms],
    ]);
    expect(degree.sets).toBe(10_000);
  });
});

describe('the forecast while running', () => {
  const steps = {
    steps: [
      { name: 'sampling' as const, ms: 1000 },
      { name: 'measuring' as const, ms: 1000 },
    ],
  };

  it('trusts the estimate early, then scales what is left by the pace so far', () => {
    const f = new Forecast(steps, 0, 0);
    expect(f.etaMs(0)).toBe(2000);
    f.start('sampling');
    f.progress(0.05);
    expect(f.etaMs(300)).toBe(1700);
    // Half of the first step (a quarter of the work) in 1000 ms: twice as slow as predicted.
    f.progress(0.5);
    expect(f.etaMs(1000)).toBe(3000);
    f.start('measuring');
    f.progress(0.5);
    // Three quarters in 1500 ms: as predicted.
    expect(f.etaMs(1500)).toBe(500);
  });

  it('takes the real amount of a step when it becomes known', () => {
    const f = new Forecast(steps, 0, 0);
    f.start('sampling');
    f.replan('measuring', 3000);
    f.progress(1);
    expect(f.etaMs(1000)).toBe(3000);
    f.start('measuring', 5000);
    expect(f.etaMs(1000)).toBe(5000);
  });

  it('shows sampled sets of the phase and the whole run’s time left', () => {
    const e = estimate(cal, { method: 'imm', k: 10, epsilon: 0.1, runs: 2000, curveSets: 0 });
    const plan = e.imm as NonNullable<typeof e.imm>;
    const line = new SeedProgress(1000, cal, e, 0);
    const first = line.phase({ name: 'sampling', sets: plan.rounds[0] }, 0);
    expect(first).toMatchObject({ done: 0, total: plan.rounds[0] });
    expect(first.etaMs).toBeCloseTo(e.ms, 6);
    const half = line.pool({ done: 1, total: 2, elapsedMs: 10, etaMs: 10 }, 10);
    expect(half.done).toBe(Math.round(plan.rounds[0] / 2));
    expect(line.phase({ name: 'selection', sets: 123 }, 20)).toMatchObject({ done: 0, total: 123 });
    expect(line.pool({ done: 3, total: 3, elapsedMs: 5, etaMs: 0 }, 25)).toMatchObject({
      done: 123,
      total: 123,
    });
    expect(line.phase({ name: 'budget' }, 30)).toMatchObject({ done: 0, total: 0 });
    // Without a calibration: the pool's own time left.
    const bare = new SeedProgress(1000, null, null, 0);
    bare.phase({ name: 'measuring' }, 0);
    expect(bare.pool({ done: 10, total: 20, elapsedMs: 5, etaMs: 5 }, 5).etaMs).toBe(5);
  });
});

describe('the calibration', () => {
  it("measures greedy's coverage on the sets it chose on and on the others", async () => {
    // Sets alternate between the halves by index: even sets {0}, {0,1}, {0}; odd sets {1}, {2}, {0}.
    const sets = [[0], [1], [0, 1], [2], [0], [0]];
    const offsets = [0];
    for (const s of sets) offsets.push(offsets[offsets.length - 1] + s.length);
    const batch: RrBatch = {
      first: 0,
      count: sets.length,
      offsets: Uint32Array.from(offsets),
      nodes: Uint32Array.from(sets.flat()),
      examined: 0,
    };
    const c = await pilotCoverage([batch], 3, 2);
    expect(c.fitted).toEqual([1, 1]);
    // Greedy on the even sets picks 0, then 1 (the lowest index among the uncovering ties).
    expect(c.heldOut).toEqual([1 / 3, 2 / 3]);
    expect(c.setSize).toBeCloseTo(7 / 6, 12);
    expect(c.msPerEntry).toBeGreaterThan(0);
    // Split over two batches (jobs), the halves are the same.
    const second: RrBatch = {
      first: 4,
      count: 2,
      offsets: Uint32Array.of(0, 1, 2),
      nodes: Uint32Array.of(0, 0),
      examined: 0,
    };
    const first: RrBatch = { ...batch, count: 4, offsets: batch.offsets.subarray(0, 5) };
    const [a, b] = halves([first, second], 3);
    expect([a.count, a.size, [...a.offsets], [...a.nodes]]).toEqual([3, 4, [0, 1, 3, 4], [0, 0, 1, 0]]);
    expect([b.count, b.size, [...b.offsets], [...b.nodes]]).toEqual([3, 3, [0, 1, 2, 3], [1, 2, 0]]);
    expect(await pilotCoverage([first, second], 3, 2)).toEqual({ ...c, msPerEntry: expect.any(Number) });
  });
});
