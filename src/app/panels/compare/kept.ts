/**
 * Results kept for comparison: a label, the scenario that produced the result and its summary.
 * Plain data; listeners hear every change (the compare module autosaves the list on each one,
 * see kept-storage.ts).
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

export class KeptResults {
  private items: KeptResult[] = [];
  private nextId = 1;
  private readonly listeners = new Set<(items: readonly KeptResult[]) => void>();

  get list(): readonly KeptResult[] {
    return this.items;
  }

  subscribe(listener: (items: readonly KeptResult[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(input: KeptInput): KeptResult {
    const id = this.nextId++;
    const label = input.label?.trim() || defaultLabel(id);
    const kept: KeptResult = { ...input, id, label };
    this.items = [...this.items, kept].slice(-MAX_KEPT);
    this.emit();
    return kept;
  }

  /** Replace the list by results read back from storage (ids kept, new ones continue after). */
  restore(items: readonly KeptResult[]): void {
    this.items = items.slice(-MAX_KEPT);
    this.nextId = Math.max(this.nextId, ...this.items.map((k) => k.id + 1));
    this.emit();
  }

  remove(id: number): void {
    const before = this.items.length;
    this.items = this.items.filter((k) => k.id !== id);
    if (this.items.length !== before) this.emit();
  }

  /** Rename; an empty name keeps the old one. */
  rename(id: number, label: string): void {
    const name = label.trim();
    if (!name) return;
    this.items = this.items.map((k) => (k.id === id ? { ...k, label: name } : k));
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener(this.items);
  }
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
  words: { file: string; maxSteps: (steps: number) => string },
): string {
  const { p, gamma, phi, maxSteps } = scenario.params;
  const parts: string[] = [];
  if (scenario.model === 'ic' || scenario.model === 'sir') parts.push(`p = ${p === null ? words.file : p}`);
  if (scenario.model === 'sir') parts.push(`γ = ${gamma}`);
  if (scenario.model === 'threshold') parts.push(`φ = ${phi}`);
  if (maxSteps !== null) parts.push(words.maxSteps(maxSteps));
  return parts.join(', ');
}
