/**
 * Where the Crisis tab talks to the outside: the worker pool (watchMonitors and containRumour, the
 * same code, options and random streams as `ripple watch` and `ripple contain`), the scenario (the
 * settings live in it, so a link reproduces the results), clicks on the graph (where the rumour
 * starts), the graph view (the highlight layer, and the race's overlay) and the legend. Started
 * once by the feature (feature.ts) before the first graph loads.
 */
import { batch, effect, untracked } from '@preact/signals';
import type { NodeDisplayData } from 'sigma/types';
import { containRumour, watchMonitors } from '../../../crisis/run.ts';
import type { ScenarioContain, ScenarioWatch } from '../../../engine/scenario.ts';
import type { App } from '../../core/context.ts';
import { sentences } from '../../i18n/join.ts';
import { fullWidth } from '../../i18n/lang.ts';
import { closePlayback, session as playbackSession } from '../../playback/session.ts';
import { usePoolGraph } from '../../run/pool-graph.ts';
import { parseIdList } from '../../seeds/id-list.ts';
import { noticeOf } from '../../state/notice.ts';
import type { Store } from '../../state/store.ts';
import type { GraphState, LegendEntry } from '../../state/types.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { t } from './messages.ts';
import { CORRECTION, RUMOUR, raceOf, sideAt } from './race.ts';
import {
  CONTAIN_RUNS,
  type ContainDraft,
  containDraftOf,
  crisisModel,
  crisisParams,
  defaultContain,
  defaultWatch,
  idListText,
  readContain,
  readWatch,
  same,
  WATCH_RUNS,
  type WatchDraft,
  watchDraftOf,
} from './settings.ts';
import {
  announcement,
  containDraft,
  containError,
  containShown,
  containTask,
  pickOnGraph,
  race,
  raceStep,
  watchDraft,
  watchError,
  watchShown,
  watchTask,
} from './state.ts';

export const TAB_ID = 'crisis';
export const HIGHLIGHT_LAYER = 'crisis';
/** Colours on the graph (and in the legend), Okabe-Ito. */
export const COLORS = {
  monitor: OKABE_ITO.purple,
  rumour: OKABE_ITO.vermillion,
  correction: OKABE_ITO.green,
  none: '#dcdcdc',
} as const;

export function watchSettingsOf(store: Store): ScenarioWatch {
  return store.scenario.value.watch ?? defaultWatch(store.graph.value?.loaded.csr ?? null);
}

export function containSettingsOf(store: Store): ScenarioContain {
  return store.scenario.value.contain ?? defaultContain(store.graph.value);
}

/** Change the listening form; when it is valid, the scenario takes its settings. */
export function editWatch(store: Store, patch: Partial<WatchDraft>): void {
  watchDraft.value = { ...watchDraft.value, ...patch };
  const graph = store.graph.peek();
  if (!graph) return;
  const read = readWatch(watchDraft.peek(), graph.loaded.csr.n);
  if ('watch' in read && !same(read.watch, store.scenario.peek().watch))
    store.patchScenario({ watch: read.watch });
}

/** Change the rumour form; when it is valid, the scenario takes its settings. */
export function editContain(store: Store, patch: Partial<ContainDraft>): void {
  containDraft.value = { ...containDraft.value, ...patch };
  const graph = store.graph.peek();
  if (!graph) return;
  const read = readContain(containDraft.peek(), graph);
  if ('contain' in read && !same(read.contain, store.scenario.peek().contain))
    store.patchScenario({ contain: read.contain });
}

/** A click on account `index` while the tab is open and picking is on: it starts the rumour, or no longer. */
export function claimClick(app: App, index: number): boolean {
  const { store } = app;
  const graph = store.graph.peek();
  if (store.tab.peek() !== TAB_ID || !pickOnGraph.peek() || !graph) return false;
  const id = graph.loaded.ids[index];
  // The ids typed so far that are accounts (a half-typed list keeps its valid part).
  const ids = parseIdList(containDraft.peek().rumour).filter((x) => graph.index.has(x));
  const had = ids.includes(id);
  const next = had ? ids.filter((x) => x !== id) : [...ids, id];
  editContain(store, { rumour: idListText(next) });
  announcement.value = { say: () => t(had ? 'crisis.rumour.removed' : 'crisis.rumour.added', { id }) };
  return true;
}

/** Where to listen, with the form's settings on the scenario's graph, model, p and random seed. */
export async function runWatch(app: App): Promise<void> {
  const { store, pool } = app;
  const graph = store.graph.peek();
  if (!graph || watchTask.running) return;
  const scenario = store.scenario.peek();
  const model = crisisModel(scenario);
  if (!model) return;
  const { csr } = graph.loaded;
  const read = readWatch(watchDraft.peek(), csr.n);
  if ('error' in read) {
    watchError.value = { say: () => keptText(watchMessage(store)) };
    return;
  }
  let rr: ReturnType<typeof crisisParams>;
  try {
    rr = crisisParams(scenario, model, csr);
  } catch (error) {
    watchError.value = noticeOf(error);
    return;
  }
  watchError.value = null;
  const settings = read.watch;
  if (!same(scenario.watch, settings)) store.patchScenario({ watch: settings });
  const rngSeed = scenario.rngSeed;
  const result = await watchTask.run(
    { say: () => t('crisis.phase.starting') },
    async ({ signal, onProgress }) => {
      usePoolGraph(pool, graph);
      return watchMonitors(
        pool,
        csr,
        {
          rr,
          k: settings.k,
          objective: settings.objective,
          horizon: settings.horizon,
          runs: WATCH_RUNS,
          rngSeed,
          weights: null,
        },
        { signal, onProgress, onPhase: (phase) => watchTask.phase({ say: () => phaseLabel(phase) }) },
      );
    },
  );
  if (!result || store.graph.peek() !== graph) return;
  batch(() => {
    watchShown.value = { graphSerial: graph.serial, settings, model, p: scenario.params.p, rngSeed, result };
    announcement.value = { say: () => t('crisis.watch.announce', { k: result.monitors.length }) };
  });
}

/** Whom to reach, with the form's settings. */
export async function runContain(app: App): Promise<void> {
  const { store, pool } = app;
  const graph = store.graph.peek();
  if (!graph || containTask.running) return;
  const scenario = store.scenario.peek();
  const model = crisisModel(scenario);
  if (!model) return;
  const { csr } = graph.loaded;
  const read = readContain(containDraft.peek(), graph);
  if ('error' in read) {
    containError.value = {
      say: () => keptText(containMessage(store)),
    };
    return;
  }
  let rr: ReturnType<typeof crisisParams>;
  try {
    rr = crisisParams(scenario, model, csr);
  } catch (error) {
    containError.value = noticeOf(error);
    return;
  }
  containError.value = null;
  const settings = read.contain;
  const rumour = read.rumour;
  if (!same(scenario.contain, settings)) store.patchScenario({ contain: settings });
  const rngSeed = scenario.rngSeed;
  const result = await containTask.run(
    { say: () => t('crisis.phase.starting') },
    async ({ signal, onProgress }) => {
      usePoolGraph(pool, graph);
      return containRumour(
        pool,
        csr,
        { rr, rumour, delay: settings.delay, k: settings.k, runs: CONTAIN_RUNS, rngSeed },
        { signal, onProgress, onPhase: (phase) => containTask.phase({ say: () => phaseLabel(phase) }) },
      );
    },
  );
  if (!result || store.graph.peek() !== graph) return;
  batch(() => {
    closeRace();
    containShown.value = {
      graphSerial: graph.serial,
      settings,
      rumour,
      rr,
      model,
      p: scenario.params.p,
      rngSeed,
      result,
    };
    announcement.value = { say: () => t('crisis.contain.announce', { k: result.correctors.length }) };
  });
}

/** A form's error as one line: the error as a sentence, then that the results on screen stay. */
export function keptText(message: string): string {
  const full = fullWidth();
  const ended = /[.。!?！？]$/.test(message) || message === '' ? message : `${message}${full ? '。' : '.'}`;
  return sentences(ended, t('crisis.kept'));
}

/** The form's current first error, re-read in the current language. */
function watchMessage(store: Store): string {
  const graph = store.graph.value;
  if (!graph) return '';
  const read = readWatch(watchDraft.value, graph.loaded.csr.n);
  return 'error' in read ? read.error : '';
}

function containMessage(store: Store): string {
  const graph = store.graph.value;
  if (!graph) return '';
  const read = readContain(containDraft.value, graph);
  return 'error' in read ? read.error : '';
}

const PHASES = [
  'sampling stories',
  'choosing monitors',
  'baselines',
  'measuring',
  'sampling worlds',
  'choosing correctors',
] as const;
type Phase = (typeof PHASES)[number];

/** The engine's phase names (src/crisis/run.ts) in the page's language. */
export function phaseLabel(phase: string): string {
  const key = (PHASES as readonly string[]).includes(phase) ? (phase as Phase) : null;
  switch (key) {
    case 'sampling stories':
      return t('crisis.phase.stories');
    case 'choosing monitors':
      return t('crisis.phase.monitors');
    case 'baselines':
      return t('crisis.phase.baselines');
    case 'measuring':
      return t('crisis.phase.measuring');
    case 'sampling worlds':
      return t('crisis.phase.worlds');
    case 'choosing correctors':
      return t('crisis.phase.correctors');
    default:
      return t('crisis.phase.starting');
  }
}

/** Replay world `world` of the measuring runs on the stage, at its last step. */
export function openRace(app: App, world = 0): void {
  const s = containShown.peek();
  const graph = app.store.graph.peek();
  if (!s || !graph || s.graphSerial !== graph.serial) return;
  const r = raceOf(graph.loaded.csr, {
    rr: s.rr,
    rngSeed: s.rngSeed,
    rumour: s.rumour,
    correctors: s.result.correctors,
    delay: s.settings.delay,
    world,
  });
  closePlayback(app);
  batch(() => {
    race.value = r;
    raceStep.value = 0;
  });
}

export function closeRace(): void {
  race.value = null;
}

/** Show step `step` of the race (clamped to 0..end). */
export function raceTo(step: number): void {
  const r = race.peek();
  if (!r) return;
  raceStep.value = Math.max(0, Math.min(r.end, Math.round(step)));
}

function highlightLayer(marks: Map<number, string>) {
  return (i: number, d: { size?: number }) => {
    const color = marks.get(i);
    return color
      ? { color, highlighted: true, forceLabel: true, zIndex: 3, size: (d.size ?? 3) * 1.3 + 3 }
      : {};
  };
}

function resetFor(store: Store, graph: GraphState | null): void {
  watchTask.cancel();
  containTask.cancel();
  batch(() => {
    watchShown.value = null;
    containShown.value = null;
    race.value = null;
    watchError.value = null;
    containError.value = null;
    announcement.value = null;
    const s = store.scenario.peek();
    watchDraft.value = watchDraftOf(s.watch ?? defaultWatch(graph?.loaded.csr ?? null));
    containDraft.value = containDraftOf(s.contain ?? defaultContain(graph));
  });
}

/** Wire the tab to the app: a new graph resets it; the forms follow the scenario; the graph shows the results. */
export function startCrisis(app: App): void {
  const { store } = app;
  store.onNewGraph((graph) => resetFor(store, graph));

  // Settings changed from outside (a link pasted, a scenario imported): the forms show them.
  let seenWatch = store.scenario.peek().watch;
  let seenContain = store.scenario.peek().contain;
  effect(() => {
    const { watch, contain } = store.scenario.value;
    untracked(() => {
      const graph = store.graph.value;
      if (watch !== seenWatch) {
        seenWatch = watch;
        const read = graph ? readWatch(watchDraft.value, graph.loaded.csr.n) : null;
        if (watch && !(read && 'watch' in read && same(read.watch, watch)))
          watchDraft.value = watchDraftOf(watch);
      }
      if (contain !== seenContain) {
        seenContain = contain;
        const read = graph ? readContain(containDraft.value, graph) : null;
        if (contain && !(read && 'contain' in read && same(read.contain, contain)))
          containDraft.value = containDraftOf(contain);
      }
    });
  });

  // The race ends when another result, graph or view comes, when playback opens, or the tab closes.
  effect(() => {
    containShown.value;
    store.graph.value;
    app.view.value;
    if (playbackSession.value || store.tab.value !== TAB_ID) untracked(closeRace);
  });

  // Monitors, where the rumour starts and the correctors, on the graph while the tab is open.
  effect(() => {
    const view = app.view.value;
    const graph = store.graph.value;
    const open = store.tab.value === TAB_ID;
    const w = watchShown.value;
    const c = containShown.value;
    const marks = new Map<number, string>();
    const legend: LegendEntry[] = [];
    if (open && graph && w && w.graphSerial === graph.serial) {
      for (const v of w.result.monitors) marks.set(v, COLORS.monitor);
      legend.push({ swatch: COLORS.monitor, label: () => t('crisis.legend.monitor') });
    }
    if (open && graph && c && c.graphSerial === graph.serial) {
      for (const v of c.rumour) marks.set(v, COLORS.rumour);
      for (const v of c.result.correctors) marks.set(v, COLORS.correction);
      legend.push(
        { swatch: COLORS.rumour, label: () => t('crisis.legend.rumourStart') },
        { swatch: COLORS.correction, label: () => t('crisis.legend.corrector') },
      );
    }
    const r = race.value;
    untracked(() => {
      view?.setLayer(HIGHLIGHT_LAYER, marks.size > 0 && !r ? highlightLayer(marks) : null);
      store.setLegend(TAB_ID, legend.length > 0 && !r ? legend : null);
    });
  });

  // The race on the stage: every account in its colour at the step shown (over seeds and layers).
  effect(() => {
    const view = app.view.value;
    const r = race.value;
    const step = raceStep.value;
    untracked(() => {
      if (!view) return;
      if (!r) {
        if (store.legend.peek().crisisRace) {
          // Playback took the stage: its overlay stays.
          if (!playbackSession.peek()) view.setOverlay(null);
          store.setLegend('crisisRace', null);
        }
        return;
      }
      const c = containShown.peek();
      const starts = new Set([...(c?.rumour ?? []), ...(c?.result.correctors ?? [])]);
      view.setOverlay((i: number, d: Partial<NodeDisplayData>) => {
        if (!(i >= 0 && i < r.n)) return {};
        const side = sideAt(r, i, step);
        const look: Partial<NodeDisplayData> = {
          color: side === RUMOUR ? COLORS.rumour : side === CORRECTION ? COLORS.correction : COLORS.none,
        };
        if (starts.has(i)) {
          look.forceLabel = true;
          look.zIndex = 3;
          look.size = (d.size ?? 3) + 2;
        }
        return look;
      });
      store.setLegend('crisisRace', [
        { swatch: COLORS.rumour, label: () => t('crisis.legend.rumour') },
        { swatch: COLORS.correction, label: () => t('crisis.legend.correction') },
        { swatch: COLORS.none, label: () => t('crisis.legend.none') },
      ]);
    });
  });
}
