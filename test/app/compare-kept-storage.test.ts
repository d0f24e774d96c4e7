/**
 * Kept results survive a reload: the saved list reads back equal to what was kept (through a
 * structured clone, as IndexedDB stores it), and a damaged, foreign or oversized record is
 * dropped and counted, never trusted.
 */
import { describe, expect, it } from 'vitest';
import {
  addKept,
  type KeptList,
  type KeptResult,
  MAX_KEPT,
  NO_KEPT,
  restoreKept,
} from '../../src/app/panels/compare/kept.ts';
import { KEPT_VERSION, readSavedKept, savedKept } from '../../src/app/panels/compare/kept-storage.ts';
import type { Scenario } from '../../src/engine/scenario.ts';
import { csrOf } from '../support/graphs.ts';
import { params, runLocal, seedsAt } from '../support/simulate.ts';

const scenario: Scenario = {
  version: 1,
  graph: { kind: 'bundled', file: 'karate.txt' },
  direction: 'undirected',
  edgeValues: 'probability',
  model: 'ic',
  params: { p: 0.3, gamma: 0.2, phi: 0.18, maxSteps: null },
  seeds: { kind: 'groups', groups: [{ ids: ['0'], start: 0 }] },
  runs: 200,
  rngSeed: 1,
};

/** A real summary from the engine on a small graph. */
function summary() {
  const csr = csrOf(
    5,
    [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [0, 4],
    ],
    'undirected',
  );
  return runLocal(csr, params({ model: 'ic', p: 0.5 }), seedsAt(0), 200).summary;
}

function keptList(n: number): readonly KeptResult[] {
  let kept: KeptList = NO_KEPT;
  const s = summary();
  for (let i = 0; i < n; i++)
    kept = addKept(kept, {
      scenario: { ...scenario, rngSeed: i + 1 },
      summary: s,
      nodes: 5,
      graphName: 'five',
    }).list;
  return kept.items;
}

describe('kept results storage', () => {
  it('reads back what was saved, through a structured clone', () => {
    const list = keptList(3);
    const back = readSavedKept(structuredClone(savedKept(list)));
    expect(back.dropped).toBe(0);
    expect(back.items).toEqual(list);
  });

  it('restores labels and ids, and new results continue the lettering', () => {
    const back = readSavedKept(structuredClone(savedKept(keptList(2)))).items;
    const next = addKept(restoreKept(NO_KEPT, back), {
      scenario,
      summary: summary(),
      nodes: 5,
      graphName: 'five',
    });
    expect(next.list.items.map((k) => k.label)).toEqual(['A', 'B', 'C']);
    expect(next.kept.id).toBe(3);
  });

  it('keeps a result kept before the saved list was read back, after the saved ones', () => {
    const back = readSavedKept(structuredClone(savedKept(keptList(2)))).items;
    const meanwhile = addKept(
      addKept(NO_KEPT, { scenario, summary: summary(), nodes: 5, graphName: 'five' }).list,
      {
        scenario,
        summary: summary(),
        nodes: 5,
        graphName: 'five',
        label: 'x',
      },
    ).list;
    // "A" (id 1) clashes with a saved id; "x" (id 2) too: the saved list wins, nothing is duplicated.
    expect(restoreKept(meanwhile, back).items.map((k) => k.id)).toEqual([1, 2]);
    const later = { ...meanwhile, items: [{ ...meanwhile.items[1], id: 7 }], nextId: 8 };
    const merged = restoreKept(later, back);
    expect(merged.items.map((k) => k.label)).toEqual(['A', 'B', 'x']);
    expect(merged.nextId).toBe(8);
  });

  it('drops damaged records and counts them, keeping the good ones', () => {
    const list = keptList(4).map((k) => structuredClone(k)) as unknown as Record<string, unknown>[];
    list[0].summary = { ...(list[0].summary as object), mean: 'lots' };
    list[1].scenario = { ...(list[1].scenario as object), model: 'gossip' };
    list[2].label = '';
    const back = readSavedKept({ version: KEPT_VERSION, items: list });
    expect(back.dropped).toBe(3);
    expect(back.items.map((k) => k.label)).toEqual(['D']);
  });

  it('ignores a list of another version or shape, and nothing saved is no message', () => {
    expect(readSavedKept({ version: 99, items: [] })).toEqual({ items: [], dropped: 1 });
    expect(readSavedKept('garbage')).toEqual({ items: [], dropped: 1 });
    expect(readSavedKept(undefined)).toEqual({ items: [], dropped: 0 });
  });

  it('keeps at most the newest MAX_KEPT', () => {
    const list = keptList(MAX_KEPT).map((k) => structuredClone(k));
    const extra = { ...structuredClone(list[0]), id: 1000, label: 'newest' };
    const back = readSavedKept({ version: KEPT_VERSION, items: [...list, extra] });
    expect(back.items).toHaveLength(MAX_KEPT);
    expect(back.items.at(-1)?.label).toBe('newest');
    expect(back.dropped).toBe(1);
  });
});
