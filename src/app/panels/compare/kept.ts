/**
 * Results kept for comparison: a label, the scenario that produced the result and its summary.
 * The list is plain data changed by pure producers (list, args) -> new list, so the Compare tab's
 * signal (state.ts) holds it and its autosave (effects.ts) saves every new value.
 */
import type { SimulationSummary } from '../../../diffusion/types.ts';
import type { Scenario } from '../../../engine/scenario.ts';

export interface KeptResult {
  id: number;
  label: string;
  scenario: Scenario;
  summary: SimulationSummary;
  /** Accounts in the graph it ran on (for shares). */
  nodes: number;
  /** Display name of that graph. */
  graphName: string;
}

export type KeptInput = Omit<KeptResult, 'id' | 'label'> & { label?: string };

/** At most this many kept results (the charts stay readable; the oldest goes first). */
export const MAX_KEPT = 12;

export interface KeptList {
  items: readonly KeptResult[];
  /** The id the next kept result gets (ids are never reused, so a kept state stays unambiguous). */
  nextId: number;
}

export const NO_KEPT: KeptList = { items: [], nextId: 1 };

/** Keep a result: the new list and the kept item (labelled A, B, ... unless named). */
export function addKept(list: KeptList, input: KeptInput): { list: KeptList; kept: KeptResult } {
  const id = list.nextId;
  const label = input.label?.trim() || defaultLabel(id);
  const kept: KeptResult = { ...input, id, label };
  return { list: { items: [...list.items, kept].slice(-MAX_KEPT), nextId: id + 1 }, kept };
}

/**
 * The list read back from storage: its items (ids kept), then any kept meanwhile whose id they do
 * not use; new ids continue after all of them.
 */
export function restoreKept(list: KeptList, items: readonly KeptResult[]): KeptList {
  const ids = new Set(items.map((k) => k.id));
  const merged = [...items, ...list.items.filter((k) => !ids.has(k.id))].slice(-MAX_KEPT);
  return { items: merged, nextId: Math.max(list.nextId, ...merged.map((k) => k.id + 1)) };
}

export function removeKept(list: KeptList, id: number): KeptList {
  const items = list.items.filter((k) => k.id !== id);
  return items.length === list.items.length ? list : { ...list, items };
}

/** Rename; an empty name keeps the old one (and the same list). */
export function renameKept(list: KeptList, id: number, label: string): KeptList {
  const name = label.trim();
  if (!name || !list.items.some((k) => k.id === id && k.label !== name)) return list;
  return { ...list, items: list.items.map((k) => (k.id === id ? { ...k, label: name } : k)) };
}

/** A, B, ..., Z, AA, AB, ... for the n-th kept result (1-based). */
export function defaultLabel(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Seeds as a short text: "107, 1684 (+3 more)", staggered groups as "107 @0; 12 @3", or "random 5". */
export function seedsText(scenario: Scenario, randomWord: string, maxIds = 4): string {
  const seeds = scenario.seeds;
  if (seeds.kind === 'random') return `${randomWord} ${seeds.k}`;
  const staggered = seeds.groups.some((g) => g.start > 0) || seeds.groups.length > 1;
  let shown = 0;
  let hidden = 0;
  const parts = seeds.groups.map((g) => {
    const ids: string[] = [];
    for (const id of g.ids) {
      if (shown < maxIds) {
        ids.push(id);
        shown++;
      } else hidden++;
    }
    return staggered ? `${ids.join(', ')} @${g.start}` : ids.join(', ');
  });
  return `${parts.filter((p) => p.trim() !== '').join('; ')}${hidden > 0 ? ` (+${hidden})` : ''}`;
}

export function seedCount(scenario: Scenario): number {
  const seeds = scenario.seeds;
  return seeds.kind === 'random' ? seeds.k : seeds.groups.reduce((sum, g) => sum + g.ids.length, 0);
}

/** The parameters the model uses, e.g. "p = 0.05" or "p = 0.2, γ = 0.5". */
export function paramsText(
  scenario: Scenario,
  words: { file: string; maxSteps: (steps: number) => string; number?: (x: number) => string },
): string {
  const { p, gamma, phi, maxSteps } = scenario.params;
  const num = words.number ?? String;
  const parts: string[] = [];
  if (scenario.model === 'ic' || scenario.model === 'sir')
    parts.push(`p = ${p === null ? words.file : num(p)}`);
  if (scenario.model === 'sir') parts.push(`γ = ${num(gamma)}`);
  if (scenario.model === 'threshold') parts.push(`φ = ${num(phi)}`);
  if (maxSteps !== null) parts.push(words.maxSteps(maxSteps));
  return parts.join(', ');
}
