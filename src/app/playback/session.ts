/**
 * The page's one playback session (a signal: the bar under the graph shows it), how it opens and
 * closes, and its effects on the rest of the page: the legend shows what its colours mean,
 * "fit to reached" frames its accounts (store.replaying), and a new result, graph or view closes it.
 */
import { effect, signal, untracked } from '@preact/signals';
import type { App } from '../core/context.ts';
import { fitClear } from '../stage/fit.ts';
import type { LegendEntry } from '../state/types.ts';
import { seedGroupColor } from '../view/palette.ts';
import { t } from './messages.ts';
import { EXPOSED_COLOR, INACTIVE_COLOR, legendLevels } from './palette.ts';
import { Playback } from './playback.ts';

/** The open playback, or null. */
export const session = signal<Playback | null>(null);

/** What playback's colours mean: the levels (hop or step) in use, reached without adopting, not reached. */
export function playbackLegend(playback: Playback): LegendEntry[] {
  const byHop = playback.colorBy.value === 'hop';
  const max = byHop ? playback.state.maxHop : playback.state.lastStep;
  const entries: LegendEntry[] = [];
  // Level 0 holds only seeds (drawn in their seed colour), so the scale starts at 1.
  for (const { level, color } of max >= 1 ? legendLevels(max, 7, 1) : [])
    entries.push({
      swatch: color,
      label: () => t(byHop ? 'playback.legend.hop' : 'playback.legend.step', { level }),
    });
  entries.push({ swatch: EXPOSED_COLOR, label: () => t('playback.legend.exposed') });
  entries.push({ swatch: INACTIVE_COLOR, label: () => t('playback.legend.inactive') });
  return entries;
}

/** Replay run 0 of the result on screen, and frame the accounts it reached. */
export function openPlayback(app: App): Playback | null {
  const { store } = app;
  const view = app.view.peek();
  const result = store.currentResult.peek();
  const trace = store.trace.peek();
  const graph = store.graph.peek();
  if (!view || !result || !trace || !graph) return null;
  closePlayback(app);
  const groupOf = new Map<number, number>();
  result.seedGroups.forEach((g, gi) => {
    for (const v of g.nodes) if (!groupOf.has(v)) groupOf.set(v, gi);
  });
  const playback = new Playback({
    sigma: view.sigma,
    setNodeOverlay: (overlay) => view.setOverlay(overlay),
    trace,
    n: graph.loaded.csr.n,
    csr: graph.loaded.csr,
    seedColor: (v) => seedGroupColor(groupOf.get(v) ?? 0),
  });
  session.value = playback;
  store.replaying.value = true;
  playback.play();
  // Once the bar and the legend have their new size (next frames), frame the cascade clear of them.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (session.peek() === playback) fitClear(view, trace.nodes);
    }),
  );
  return playback;
}

export function closePlayback(app: App): void {
  const playback = session.peek();
  if (!playback) return;
  playback.destroy();
  session.value = null;
  app.store.replaying.value = false;
}

/** The session's effects on the page (started once, by the feature). */
export function watchPlayback(app: App): () => void {
  const { store } = app;
  const stops = [
    // A new result (its trace), a new graph or a new view ends the replay of the old cascade.
    effect(() => {
      store.trace.value;
      store.graph.value;
      app.view.value;
      untracked(() => closePlayback(app));
    }),
    effect(() => {
      const playback = session.value;
      const entries = playback ? playbackLegend(playback) : null;
      untracked(() => store.setLegend('playback', entries));
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
