/**
 * Seed choice as the page holds it: the launch group that clicks and searches add to, and the
 * groups kept aside while random seeds are in use (unticking "random" restores them).
 */
import { signal } from '@preact/signals';
import type { ScenarioSeedGroup } from '../../engine/scenario.ts';
import type { Store } from '../state/store.ts';
import type { GraphState } from '../state/types.ts';
import { parseIdList } from './id-list.ts';
import { toggleSeed } from './seeds.ts';

/** The group that clicks and searches add to. */
export const activeGroup = signal(0);

/** The fixed groups while random seeds are used. */
export const keptGroups = signal<ScenarioSeedGroup[]>([]);

/** Toggle node index as a seed of the active group. */
export function toggleSeedAt(store: Store, index: number): void {
  const graph = store.graph.value;
  if (!graph) return;
  store.patchScenario({
    seeds: toggleSeed(store.scenario.value.seeds, graph.loaded.ids[index], activeGroup.value),
  });
}

/** Node index for one search term: exact id, then exact label (any case), then a label containing it. */
export function findNode(graph: GraphState, query: string): number | null {
  const q = query.trim();
  if (q === '') return null;
  const byId = graph.index.get(q);
  if (byId !== undefined) return byId;
  const labels = graph.loaded.labels;
  if (!labels) return null;
  const lower = q.toLowerCase();
  let partial: number | null = null;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]?.toLowerCase();
    if (l === undefined) continue;
    if (l === lower) return i;
    if (partial === null && l.includes(lower)) partial = i;
  }
  return partial;
}

/**
 * The accounts a search box names: the whole text as one id or label first (an id may hold a
 * comma), else each entry of the list (parseIdList). Unknown entries are returned apart.
 */
export function findNodes(graph: GraphState, text: string): { found: number[]; missing: string[] } {
  const whole = graph.index.get(text.trim());
  if (whole !== undefined) return { found: [whole], missing: [] };
  const found: number[] = [];
  const missing: string[] = [];
  for (const term of parseIdList(text)) {
    const v = findNode(graph, term);
    if (v === null) missing.push(term);
    else found.push(v);
  }
  return { found, missing };
}
