/**
 * The Compare tab's state: the kept results (a signal over the pure list of kept.ts), which
 * result was kept last and under which id (so "Kept as B" shows only while that result is the one
 * on screen), and a note about the saved list (records dropped on reading back, a failed save).
 */
import { signal } from '@preact/signals';
import type { App } from '../../core/context.ts';
import type { Notice } from '../../state/notice.ts';
import type { RunResult } from '../../state/types.ts';
import { addKept, type KeptList, type KeptResult, NO_KEPT, removeKept, renameKept } from './kept.ts';

export const kept = signal<KeptList>(NO_KEPT);

/** The result kept last and the id it was kept under. */
export const keptFrom = signal<{ result: RunResult; id: number } | null>(null);

/** What happened to the saved list (some records could not be read back, saving failed), or null. */
export const storageNote = signal<Notice | null>(null);

/** The kept entry of a result, when it was kept and is still in the list. */
export function keptEntryOf(result: RunResult | null): KeptResult | null {
  const from = keptFrom.value;
  if (!result || !from || from.result !== result) return null;
  return kept.value.items.find((k) => k.id === from.id) ?? null;
}

/** Keep the result on screen (unless already kept). */
export function keepCurrent(app: App): void {
  const result = app.store.currentResult.value;
  const graph = app.store.graph.value;
  if (!result || !graph || keptEntryOf(result)) return;
  const next = addKept(kept.value, {
    scenario: result.scenario,
    summary: result.summary,
    nodes: graph.loaded.csr.n,
    graphName: graph.name,
  });
  kept.value = next.list;
  keptFrom.value = { result, id: next.kept.id };
}

export function renameResult(id: number, label: string): void {
  kept.value = renameKept(kept.value, id, label);
}

export function removeResult(id: number): void {
  kept.value = removeKept(kept.value, id);
}
