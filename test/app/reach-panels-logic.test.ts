/**
 * Pure parts of the six-degrees and compare panels: the kept-results list (add, rename, remove,
 * labels), the short texts of the compare table, and the simulated reach by hop as `ripple reach`
 * reads it. (The classroom's step tables are in classroom.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app/core/context.ts';
import {
  addKept,
  defaultLabel,
  type KeptList,
  NO_KEPT,
  paramsText,
  removeKept,
  renameKept,
  seedCount,
  seedsText,
} from '../../src/app/panels/compare/kept.ts';
import {
  keepCurrent,
  kept,
  keptEntryOf,
  removeResult,
  renameResult,
} from '../../src/app/panels/compare/state.ts';
import { reachRows, simulatedByHop, simulatedReach } from '../../src/app/panels/six-degrees/analysis.ts';
import { defaultScenario } from '../../src/app/state/default-scenario.ts';
import { Store } from '../../src/app/state/store.ts';
import type { GraphState, RunResult } from '../../src/app/state/types.ts';
import type { SimulationSummary } from '../../src/diffusion/types.ts';
import type { Scenario } from '../../src/engine/scenario.ts';
import { csrOf } from '../support/graphs.ts';

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
    const scenario = defaultScenario();
    const first = addKept(NO_KEPT, { scenario, summary: summary(5, [1, 3, 5]), nodes: 100, graphName: 'g' });
    const a = first.kept;
    const second = addKept(first.list, {
      scenario,
      summary: summary(7, [1, 4, 7]),
      nodes: 100,
      graphName: 'g',
      label: ' five small ',
    });
    const b = second.kept;
    let list: KeptList = second.list;
    expect(list.items.map((k) => k.label)).toEqual(['A', 'five small']);
    list = renameKept(list, a.id, 'one big');
    // An empty name, an unknown id or the same name change nothing (the same list: no save).
    expect(renameKept(list, b.id, '   ')).toBe(list);
    expect(renameKept(list, 999, 'x')).toBe(list);
    expect(renameKept(list, a.id, ' one big ')).toBe(list);
    expect(list.items.map((k) => k.label)).toEqual(['one big', 'five small']);
    list = removeKept(list, a.id);
    expect(removeKept(list, 999)).toBe(list);
    expect(list.items.map((k) => k.id)).toEqual([b.id]);
    // Ids are never reused: the next one continues after the removed ones.
    expect(
      addKept(list, { scenario, summary: summary(1, [1]), nodes: 100, graphName: 'g' }).kept,
    ).toMatchObject({
      id: 3,
      label: 'C',
    });
  });

  it('keep at most MAX_KEPT, dropping the oldest', () => {
    let list: KeptList = NO_KEPT;
    for (let i = 0; i < 14; i++)
      list = addKept(list, {
        scenario: defaultScenario(),
        summary: summary(i, [1]),
        nodes: 9,
        graphName: 'g',
      }).list;
    expect(list.items).toHaveLength(12);
    expect(list.items[0].label).toBe('C');
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

/** A result on `graph` with per-account counts over `runs` runs and the generation curve. */
function fakeResult(
  serial: number,
  counts: number[] | null,
  runs: number,
  reachByHop: number[],
  mean: number,
  seeds: number[],
): RunResult {
  return {
    shard: { nodeCounts: counts ? Uint32Array.from(counts) : null, runCount: runs },
    summary: summary(mean, reachByHop),
    scenario: defaultScenario(),
    graphSerial: serial,
    seedGroups: [{ nodes: seeds, start: 0 }],
    seconds: 1,
  } as unknown as RunResult;
}

describe('six degrees: reach within h hops, two ways', () => {
  // A directed path 0 -> 1 -> 2 -> 3 -> 4 seeded at 0; over 4 runs node v was reached 4 - v times.
  const path = csrOf(
    5,
    [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ],
    'influences',
  );
  it('by graph distance from per-account counts, by generations from the summary, and in all', () => {
    const r = simulatedReach(path, fakeResult(1, [4, 3, 2, 1, 0], 4, [1, 1.5, 2], 2.5, [0]));
    // within h links: (4), (4+3), (4+3+2), (4+3+2+1) over 4 runs, then nothing further.
    expect(r.distance).toEqual([1, 1.75, 2.25, 2.5, 2.5, 2.5, 2.5]);
    expect(r.generations).toEqual([1, 1.5, 2, 2, 2, 2, 2]);
    expect(r.total).toBe(2.5);
  });
  it('has no graph distances without per-account counts', () => {
    expect(simulatedReach(path, fakeResult(1, null, 4, [1, 2], 2, [0])).distance).toBeNull();
  });
  it('lays out rows 0..6 and "any distance"', () => {
    const sim = simulatedReach(path, fakeResult(1, [4, 3, 2, 1, 0], 4, [1, 1.5, 2], 2.5, [0]));
    const rows = reachRows({ within: [1, 2, 3, 4, 5, 5, 5], reachable: 5 }, sim);
    expect(rows.map((r) => r.hop)).toEqual([0, 1, 2, 3, 4, 5, 6, null]);
    expect(rows[2]).toEqual({ hop: 2, structural: 3, distance: 2.25, generations: 2 });
    expect(rows[7]).toEqual({ hop: null, structural: 5, distance: 2.5, generations: 2.5 });
    const none = reachRows(null, { ...sim, distance: null });
    expect(none[7]).toEqual({ hop: null, structural: null, distance: null, generations: 2.5 });
    expect(none[1]).toEqual({ hop: 1, structural: null, distance: null, generations: 1.5 });
  });
});

describe('compare: the kept state follows the store', () => {
  it('"kept as" belongs to the result it was kept from, and a new result can be kept again', () => {
    kept.value = { items: [], nextId: 1 };
    const store = new Store();
    const app = { store } as unknown as App;
    const graph = { loaded: { csr: { n: 5 } }, name: 'five', serial: 7 } as unknown as GraphState;
    store.setGraph(graph);
    const first = fakeResult(7, null, 10, [1, 2], 2, [0]);
    store.setResult(first);
    keepCurrent(app);
    keepCurrent(app); // already kept: nothing more
    expect(kept.value.items.map((k) => k.label)).toEqual(['A']);
    expect(keptEntryOf(store.currentResult.value)?.label).toBe('A');
    renameResult(kept.value.items[0].id, 'one big');
    expect(keptEntryOf(store.currentResult.value)?.label).toBe('one big');

    const second = fakeResult(7, null, 10, [1, 3], 3, [0]);
    store.setResult(second);
    expect(keptEntryOf(store.currentResult.value)).toBeNull();
    keepCurrent(app);
    expect(keptEntryOf(store.currentResult.value)?.label).toBe('B');
    // Removed from the list: no longer kept, so it can be kept again.
    removeResult(kept.value.items[1].id);
    expect(keptEntryOf(store.currentResult.value)).toBeNull();
    // Another graph: no result on screen, nothing kept to show.
    store.setGraph({ ...graph, serial: 8 });
    expect(keptEntryOf(store.currentResult.value)).toBeNull();
    keepCurrent(app);
    expect(kept.value.items.map((k) => k.label)).toEqual(['one big']);
  });
});
