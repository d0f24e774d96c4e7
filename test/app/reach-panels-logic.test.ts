/**
 * Pure parts of the six-degrees, compare and educator panels: the cascade's step tables (worked by
 * hand), the kept-results list (add, rename, remove, labels), the short texts of the compare
 * table, the scenario's optional educator mode in links and files (old links still open), and
 * the simulated reach by hop as `ripple reach` reads it.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultLabel,
  KeptResults,
  paramsText,
  seedCount,
  seedsText,
} from '../../src/app/panels/compare/kept.ts';
import { classroomScenario } from '../../src/app/panels/educator/module.ts';
import { cascadeSteps, moveStep, reachedAt, UNREACHED } from '../../src/app/panels/educator/steps.ts';
import { simulatedByHop } from '../../src/app/panels/six-degrees/analysis.ts';
import { decodeScenarioHash, encodeScenarioHash } from '../../src/app/persist/hash.ts';
import { validateScenario } from '../../src/app/persist/validate.ts';
import { defaultScenario } from '../../src/app/state/types.ts';
import type { SimulationSummary, Trace } from '../../src/diffusion/types.ts';
import type { Scenario } from '../../src/engine/scenario.ts';

/**
 * A cascade on 8 accounts: seed 3 at step 0; 1 and 5 at step 1 (hop 1); 0 at step 2 (hop 2);
 * a staggered seed 7 at step 2 (hop 0); 6 at step 4 (hop 3), nothing at step 3.
 */
const trace: Trace = {
  run: 0,
  nodes: Uint32Array.of(3, 1, 5, 0, 7, 6),
  steps: Uint32Array.of(0, 1, 1, 2, 2, 4),
  hops: Uint32Array.of(0, 1, 1, 2, 0, 3),
  parents: Int32Array.of(-1, 3, 3, 1, -1, 0),
  exposed: Uint32Array.of(3, 1, 5, 0, 7, 6, 2),
};

describe('cascade step tables', () => {
  const c = cascadeSteps(trace, 8);
  it('count the reached accounts and the farthest hop per step', () => {
    expect(c.lastStep).toBe(4);
    expect([...c.reached]).toEqual([1, 3, 5, 5, 6]);
    expect([...c.farthest]).toEqual([0, 1, 2, 2, 3]);
    expect(c.step[2]).toBe(UNREACHED);
    expect(c.step[4]).toBe(UNREACHED);
    expect(c.hop[6]).toBe(3);
  });
  it('list who is new at each step', () => {
    expect([...reachedAt(c, 0)]).toEqual([3]);
    expect([...reachedAt(c, 1)].sort()).toEqual([1, 5]);
    expect([...reachedAt(c, 2)].sort()).toEqual([0, 7]);
    expect([...reachedAt(c, 3)]).toEqual([]);
    expect([...reachedAt(c, 4)]).toEqual([6]);
    expect([...reachedAt(c, 9)]).toEqual([]);
  });
  it('keep the step within the cascade', () => {
    expect(moveStep(c, 0, -1)).toBe(0);
    expect(moveStep(c, 0, 1)).toBe(1);
    expect(moveStep(c, 4, 1)).toBe(4);
  });
  it('refuse a trace from another graph', () => {
    expect(() => cascadeSteps(trace, 5)).toThrow(/node 5 is not in the graph of 5 accounts/);
  });
});

const summary = (mean: number, reachByHop: number[]): SimulationSummary => ({
  runs: 100,
  mean,
  std: 1,
  ci95: [mean - 0.2, mean + 0.2],
  exposed: mean + 3,
  reachByHop,
  adoptionByStep: [1, mean],
  adoptionByStepCi95: [
    [1, 1],
    [mean - 0.2, mean + 0.2],
  ],
  sizes: { min: 1, max: 9, median: 4, histogram: [] },
});

describe('kept results', () => {
  it('label A, B, ..., Z, AA in order and rename and remove by id', () => {
    expect([1, 2, 26, 27, 28, 52, 53].map(defaultLabel)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
    const kept = new KeptResults();
    const heard: number[] = [];
    kept.subscribe((items) => heard.push(items.length));
    const scenario = defaultScenario();
    const a = kept.add({ scenario, summary: summary(5, [1, 3, 5]), nodes: 100, graphName: 'g' });
    const b = kept.add({
      scenario,
      summary: summary(7, [1, 4, 7]),
      nodes: 100,
      graphName: 'g',
      label: ' five small ',
    });
    expect(kept.list.map((k) => k.label)).toEqual(['A', 'five small']);
    kept.rename(a.id, 'one big');
    kept.rename(b.id, '   ');
    expect(kept.list.map((k) => k.label)).toEqual(['one big', 'five small']);
    kept.remove(a.id);
    kept.remove(999);
    expect(kept.list.map((k) => k.id)).toEqual([b.id]);
    expect(heard).toEqual([1, 2, 2, 1]);
  });

  it('describe seeds and parameters briefly', () => {
    const base = defaultScenario();
    const staggered: Scenario = {
      ...base,
      seeds: {
        kind: 'groups',
        groups: [
          { ids: ['a', 'b'], start: 0 },
          { ids: ['c', 'd', 'e'], start: 3 },
        ],
      },
    };
    expect(seedsText(staggered, 'random')).toBe('a, b @0; c, d @3 (+1)');
    expect(seedCount(staggered)).toBe(5);
    const one: Scenario = { ...base, seeds: { kind: 'groups', groups: [{ ids: ['107'], start: 0 }] } };
    expect(seedsText(one, 'random')).toBe('107');
    expect(seedsText({ ...base, seeds: { kind: 'random', k: 5 } }, 'random')).toBe('random 5');
    const words = { file: 'file', maxSteps: (s: number) => `max ${s}` };
    expect(paramsText({ ...base, model: 'ic', params: { ...base.params, p: 0.05 } }, words)).toBe('p = 0.05');
    expect(paramsText({ ...base, model: 'ic', params: { ...base.params, p: null } }, words)).toBe('p = file');
    expect(paramsText({ ...base, model: 'sir', params: { ...base.params, p: 0.2, gamma: 0.5 } }, words)).toBe(
      'p = 0.2, γ = 0.5',
    );
    expect(paramsText({ ...base, model: 'threshold', params: { ...base.params, maxSteps: 4 } }, words)).toBe(
      'φ = 0.18, max 4',
    );
    expect(paramsText({ ...base, model: 'wc' }, words)).toBe('');
  });
});

describe('simulated reach by hop', () => {
  it('reads reachByHop like `ripple reach`: past its end the total stays', () => {
    expect(simulatedByHop([1, 4, 6])).toEqual([1, 4, 6, 6, 6, 6, 6]);
    expect(simulatedByHop([])).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('educator mode in the scenario', () => {
  const old =
    '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.3&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=1';
  it('old links (no mode) still open, in the normal app, and encode unchanged', () => {
    const s = decodeScenarioHash(old);
    expect(s?.mode).toBeUndefined();
    expect(encodeScenarioHash(s as Scenario)).toBe(old);
  });
  it('a link with mode=educator opens in educator mode and round-trips', () => {
    const s = decodeScenarioHash(`${old}&mode=educator`) as Scenario;
    expect(s.mode).toBe('educator');
    expect(encodeScenarioHash(s)).toBe(`${old}&mode=educator`);
  });
  it('an unknown mode is named in the error', () => {
    expect(() => decodeScenarioHash(`${old}&mode=party`)).toThrow(
      /mode: expected one of educator, got "party"/,
    );
    expect(() => validateScenario({ ...defaultScenario(), mode: 3 })).toThrow(
      /mode: expected one of educator/,
    );
  });
  it('scenario files accept the mode and still reject unknown fields', () => {
    expect(validateScenario({ ...defaultScenario(), mode: 'educator' }).mode).toBe('educator');
    expect(validateScenario(defaultScenario())).not.toHaveProperty('mode');
    expect(() => validateScenario({ ...defaultScenario(), colour: 'red' })).toThrow(/unknown field 'colour'/);
  });
  it('the classroom scenario swaps a large graph for the karate club seeded at the instructor', () => {
    const s = classroomScenario(defaultScenario());
    expect(s.graph).toEqual({ kind: 'bundled', file: 'karate.txt' });
    expect(s.seeds).toEqual({ kind: 'groups', groups: [{ ids: ['0'], start: 0 }] });
    expect(s.mode).toBe('educator');
    expect(validateScenario(s)).toEqual(s);
  });
});
