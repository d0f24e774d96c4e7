/**
 * The Critical mass tab's logic, without a page: the form (errors name the field; only the shown
 * fields are checked; sweeping something else picks a model that applies), the random seeds of the
 * repeats, the median and range over them (against sweeps run here with the same engine), the
 * progress line over all repeats.
 */
import { describe, expect, it } from 'vitest';
import { localBackend } from '../../src/analysis/tipping/local-backend.ts';
import { tippingSweep } from '../../src/analysis/tipping/sweep.ts';
import type { TippingResult } from '../../src/analysis/tipping/types.ts';
import {
  disagree,
  median,
  type Repeat,
  repeatProgress,
  spreadOf,
  summarize,
} from '../../src/app/panels/critical-mass/repeats.ts';
import {
  type CriticalDraft,
  defaultDraft,
  plannedWork,
  readSettings,
  repeatSeeds,
  shownFields,
  sweepOptions,
  withVary,
} from '../../src/app/panels/critical-mass/settings.ts';
import type { GraphState } from '../../src/app/state/types.ts';
import type { Csr } from '../../src/graph/types.ts';
import { erdosRenyiGnm } from '../support/random-graphs.ts';

const draft = (patch: Partial<CriticalDraft> = {}): CriticalDraft => ({ ...defaultDraft(), ...patch });

function graphOf(csr: Csr): GraphState {
  const outDegree = new Uint32Array(csr.n);
  for (let v = 0; v < csr.n; v++) outDegree[v] = csr.outOffsets[v + 1] - csr.outOffsets[v];
  return {
    loaded: { csr, ids: Array.from({ length: csr.n }, (_, i) => String(i)), labels: null } as never,
    source: { kind: 'bundled', file: 'test' } as never,
    name: 'test',
    facts: { components: 1, largestComponent: csr.n, outDegree, inDegree: outDegree, pagerank: null },
    index: new Map(),
    serial: 1,
  };
}

describe('the critical-mass form', () => {
  it('reads the defaults: a p sweep of ic over 5 random seeds', () => {
    const read = readSettings(draft(), 100);
    expect(read).toMatchObject({ settings: { vary: 'p', model: 'ic', repeats: 5, steps: 11, runs: 500 } });
  });

  it.each<[string, Partial<CriticalDraft>, string, string]>([
    ['from empty', { from: '' }, 'from', 'From: expected a number from 0 to 1, got nothing'],
    ['to above 1 for p', { to: '1.5' }, 'to', "To: expected a number from 0 to 1, got '1.5'"],
    ['steps 1', { steps: '1' }, 'steps', "Points: expected a whole number from 2 to 1000, got '1'"],
    ['runs fractional', { runs: '2.5' }, 'runs', 'Runs per point: expected a whole number'],
    [
      'repeats 0',
      { repeats: '0' },
      'repeats',
      'Repeat with this many random seeds: expected a whole number from 1 to 50',
    ],
    ['from >= to', { from: '0.4', to: '0.2' }, 'range', 'From must be smaller than To.'],
  ])('names the field: %s', (_name, patch, field, message) => {
    const read = readSettings(draft(patch), 100);
    expect('errors' in read).toBe(true);
    const errors = (read as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toContain(message);
  });

  it('checks only the fields shown, k as whole numbers up to the graph size', () => {
    // p is swept, so its own field is not read; phi belongs to the threshold model.
    expect('settings' in readSettings(draft({ p: 'x', phi: 'x' }), 100)).toBe(true);
    expect(shownFields({ vary: 'k', model: 'sir' })).toEqual({
      p: true,
      gamma: true,
      phi: false,
      seeds: false,
      by: true,
      target: true,
    });
    const k = draft({ vary: 'k', from: '1', to: '101' });
    expect(readSettings(k, 100)).toMatchObject({ errors: { to: expect.stringContaining('from 1 to 100') } });
    expect(readSettings({ ...k, to: '50', target: '' }, 100)).toMatchObject({ settings: { target: null } });
    expect(readSettings({ ...k, to: '50', target: '40' }, 100)).toMatchObject({ settings: { target: 0.4 } });
  });

  it('picks a model that applies when the sweep changes, with the range that suits the graph', () => {
    const g = graphOf(erdosRenyiGnm(200, 600, 1));
    const phi = withVary(draft({ model: 'ic' }), 'phi', g);
    expect(phi).toMatchObject({ vary: 'phi', model: 'threshold', from: '0.05', to: '0.5' });
    expect(withVary(draft({ model: 'sir' }), 'k', g)).toMatchObject({ model: 'sir', from: '1', to: '50' });
    // p up to about 3x the branching threshold 1/B (B = <k^2>/<k> - 1 ~ 6 here).
    const p = withVary(draft(), 'p', g);
    expect(Number(p.to)).toBeGreaterThan(0.3);
    expect(Number(p.to)).toBeLessThan(0.8);
  });

  it('plans the work: grid points, what refinement and the seed search may add, over the repeats', () => {
    const p = readSettings(draft({ from: '0', to: '0.5', steps: '11', runs: '500', repeats: '5' }), 100);
    if (!('settings' in p)) throw new Error('settings');
    expect(plannedWork(p.settings, 100)).toEqual({ points: 11, added: 8, runs: 19 * 500 * 5 });
    // k rounds to whole numbers (1..4 in 7 steps: 4 points); a target adds up to 2 log2(n) points.
    const k = readSettings(
      draft({ vary: 'k', from: '1', to: '4', steps: '7', runs: '10', repeats: '1' }),
      100,
    );
    if (!('settings' in k)) throw new Error('settings');
    expect(plannedWork(k.settings, 100)).toEqual({ points: 4, added: 8 + 14, runs: 26 * 10 });
  });

  it('repeats with the form’s random seed and the next ones', () => {
    expect(repeatSeeds(3, 5)).toEqual([3, 4, 5, 6, 7]);
    expect(repeatSeeds(2 ** 32 - 2, 3)).toEqual([2 ** 32 - 2, 2 ** 32 - 1, 0]);
  });
});

describe('the median and range over the random seeds', () => {
  it('are the middle value (or the mean of the two middle ones) and the extremes of those found', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
    expect(spreadOf([0.012, null, 0.025, 0.0118])).toEqual({
      median: 0.012,
      min: 0.0118,
      max: 0.025,
      values: [0.012, null, 0.025, 0.0118],
      found: 3,
    });
    expect(spreadOf([null, null])).toMatchObject({ median: null, found: 0 });
    expect(disagree(spreadOf([0.012, 0.025, 0.0119]))).toBe(true);
    expect(disagree(spreadOf([0.012, 0.0121, 0.0119]))).toBe(false);
  });

  it('summarise sweeps run with the engine: each seed its own sweep, the median one shown', async () => {
    const csr = erdosRenyiGnm(300, 900, 7);
    const g = graphOf(csr);
    const read = readSettings(
      draft({ from: '0', to: '0.5', steps: '6', runs: '150', rng: '11', repeats: '3' }),
      300,
    );
    if (!('settings' in read)) throw new Error('settings');
    const repeats: Repeat[] = [];
    for (const rng of repeatSeeds(11, 3)) {
      const options = sweepOptions(g, read.settings, { kind: 'groups', groups: [] }, rng);
      expect(options.rngSeed).toBe(rng);
      expect(options.seeds).toEqual({ kind: 'random', k: 1 });
      repeats.push({ rngSeed: rng, result: await tippingSweep(localBackend(csr), csr, options) });
    }
    const s = summarize(repeats);
    const found = repeats.map((r) => r.result.critical);
    expect(s.critical.values).toEqual(found);
    expect(s.critical.median).toBe(median(found.filter((x): x is number => x !== null)));
    expect(s.shown.result.critical).toBe(s.critical.median);
    expect(s.runs).toBe(repeats.reduce((n, r) => n + r.result.runsTotal, 0));
    expect(s.fewest).toBeNull();
  });

  it('summarise the fewest seeds of k sweeps with a target', () => {
    const result = (critical: number, k: number | null): TippingResult =>
      ({
        vary: 'k',
        critical,
        fewestSeeds: k === null ? null : { k },
        pointsEvaluated: 10,
        runsTotal: 1000,
      }) as unknown as TippingResult;
    const s = summarize([
      { rngSeed: 1, result: result(4, 6) },
      { rngSeed: 2, result: result(5, null) },
      { rngSeed: 3, result: result(6, 8) },
    ]);
    expect(s.fewest).toMatchObject({ median: 7, min: 6, max: 8, found: 2 });
    expect(s.critical.median).toBe(5);
    expect(s.shown.rngSeed).toBe(2);
    expect(s.points).toBe(30);
  });
});

describe('the progress over the repeats', () => {
  it('counts the finished runs, the current plan and as many for those to come', () => {
    // First sweep, 100 of its 400 planned runs done, 4 sweeps in all.
    expect(repeatProgress([], { done: 100, total: 400, elapsedMs: 1000, etaMs: 3000 }, 4, 1000)).toEqual({
      done: 100,
      total: 1600,
      elapsedMs: 1000,
      etaMs: 15_000,
    });
    // Two sweeps done (300 and 500 runs), the third at 200 of 300.
    expect(repeatProgress([300, 500], { done: 200, total: 300, elapsedMs: 0, etaMs: null }, 4, 5000)).toEqual(
      {
        done: 1000,
        total: 1500,
        elapsedMs: 5000,
        etaMs: 2500,
      },
    );
    expect(repeatProgress([], null, 3, 0)).toEqual({ done: 0, total: 0, elapsedMs: 0, etaMs: null });
  });
});
