/**
 * Where the Suggest seeds tab talks to the outside: the worker pool (the time calibration and the
 * run, through findSeeds, the same code and random streams as `ripple seeds`), the scenario (use
 * the suggestion as seeds), the graph view (the highlight layer) and the legend. Started once by
 * the feature (feature.ts) before the first graph loads.
 */
import { batch, computed, effect, untracked } from '@preact/signals';
import { resolveParams } from '../../../diffusion/defaults.ts';
import type { ModelParams } from '../../../diffusion/types.ts';
import { type FindSeedsOptions, findSeeds } from '../../../seeding/find-seeds.ts';
import type { App } from '../../core/context.ts';
import { usePoolGraph } from '../../run/pool-graph.ts';
import { noticeOf } from '../../state/notice.ts';
import type { GraphState } from '../../state/types.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { calibrate } from './calibrate.ts';
import { NO_CURVES, withCurve } from './curves.ts';
import { type Calibration, type EstimateSettings, estimate } from './estimate.ts';
import { methodLabel, phaseLabel } from './labels.ts';
import { t } from './messages.ts';
import { SeedProgress } from './progress.ts';
import {
  CURVE_SETS_PER_RUN,
  followScenario,
  type GraphFacts,
  maxK,
  modelKey,
  readSettings,
  type SeedFindDraft,
  type SeedFindSettings,
  usesP,
} from './settings.ts';
import {
  announcement,
  attemptError,
  calibration,
  curves,
  draft,
  highlightOn,
  preparing,
  suggestion,
  task,
} from './state.ts';

export const TAB_ID = 'seed-finding';
export const HIGHLIGHT_LAYER = 'seed-finding';
/** Colour of the suggested accounts on the graph (and in the legend). */
export const HIGHLIGHT_COLOR = OKABE_ITO.green;
/** Wait this long after the last change of the model or p before measuring. */
const CALIBRATE_AFTER_MS = 400;
/** How often the time left is recomputed between the pool's reports. */
const TICK_MS = 500;

export function factsOf(graph: GraphState): GraphFacts {
  return { nodes: graph.loaded.csr.n, fileP: graph.loaded.csr.values === 'probability' };
}

/** The model and p the draft means (null while p is invalid). */
function modelOf(d: SeedFindDraft, facts: GraphFacts): Pick<SeedFindSettings, 'model' | 'p'> | null {
  if (!usesP(d, facts)) return { model: d.model, p: null };
  const p = Number(d.p);
  return d.p.trim() !== '' && p >= 0 && p <= 1 ? { model: d.model, p } : null;
}

function paramsOf(graph: GraphState, m: Pick<SeedFindSettings, 'model' | 'p'>): ModelParams {
  return resolveParams({ model: m.model, ...(m.model === 'ic' ? { p: m.p } : {}) }, graph.loaded.csr);
}

export function estimateSettings(s: SeedFindSettings): EstimateSettings {
  return {
    method: s.method,
    k: s.k,
    epsilon: s.epsilon,
    runs: s.runs,
    curveSets: s.method === 'imm' ? 0 : CURVE_SETS_PER_RUN * s.runs,
  };
}

let inflight: { key: string; promise: Promise<Calibration | null>; controller: AbortController } | null =
  null;

/** The calibration for this graph and model: the one measured, the one being measured, or a new one. */
function calibrationFor(
  app: App,
  graph: GraphState,
  key: string,
  params: ModelParams,
): Promise<Calibration | null> {
  const known = calibration.peek();
  if (known?.key === key && known.state === 'done') return Promise.resolve(known.value);
  if (inflight?.key === key) return inflight.promise;
  inflight?.controller.abort();
  const controller = new AbortController();
  calibration.value = { key, state: 'running' };
  const promise = (async () => {
    try {
      usePoolGraph(app.pool, graph);
      const value = await calibrate(
        app.pool,
        graph.loaded.csr,
        params,
        maxK(graph.loaded.csr.n),
        controller.signal,
      );
      if (calibration.peek()?.key === key) calibration.value = { key, state: 'done', value };
      return value;
    } catch (error) {
      if (calibration.peek()?.key === key)
        calibration.value = controller.signal.aborted
          ? null
          : { key, state: 'error', error: noticeOf(error) };
      return null;
    } finally {
      if (inflight?.controller === controller) inflight = null;
    }
  })();
  inflight = { key, promise, controller };
  return promise;
}

/** Choose seeds with the form's settings, the time left forecast from the calibration. */
export async function suggest(app: App): Promise<void> {
  const { store, pool } = app;
  const graph = store.graph.peek();
  if (!graph || task.running || preparing.peek()) return;
  const facts = factsOf(graph);
  const read = readSettings(draft.peek(), facts);
  if ('error' in read) {
    attemptError.value = {
      say: () => {
        const again = readSettings(draft.value, facts);
        return 'error' in again ? again.error : '';
      },
    };
    return;
  }
  const settings = read.settings;
  let params: ModelParams;
  try {
    params = paramsOf(graph, settings);
  } catch (error) {
    attemptError.value = noticeOf(error);
    return;
  }
  attemptError.value = null;
  const key = modelKey(graph.serial, settings);
  preparing.value = true;
  let cal: Calibration | null;
  try {
    cal = await calibrationFor(app, graph, key, params);
  } finally {
    preparing.value = false;
  }
  if (store.graph.peek() !== graph) return;
  const est = cal ? estimate(cal, estimateSettings(settings)) : null;
  const options: FindSeedsOptions = {
    method: settings.method,
    params,
    k: settings.k,
    epsilon: settings.epsilon,
    rngSeed: settings.rngSeed,
    runs: settings.runs,
    curveSets: CURVE_SETS_PER_RUN * settings.runs,
  };
  const found = await task.run(
    { say: () => t('seedfind.phase.starting') },
    async ({ signal, onProgress }) => {
      usePoolGraph(pool, graph);
      const line = new SeedProgress(graph.loaded.csr.n, cal, est, performance.now());
      onProgress(line.tick(performance.now()));
      const timer = setInterval(() => onProgress(line.tick(performance.now())), TICK_MS);
      try {
        return await findSeeds(pool, graph.loaded.csr, options, {
          signal,
          onPhase: (phase) => {
            task.phase({ say: () => phaseLabel(phase) });
            onProgress(line.phase(phase, performance.now()));
          },
          onProgress: (p) => onProgress(line.pool(p, performance.now())),
        });
      } finally {
        clearInterval(timer);
      }
    },
  );
  if (!found || store.graph.peek() !== graph) return;
  batch(() => {
    suggestion.value = {
      graphSerial: graph.serial,
      settings,
      found,
      ids: found.seeds.map((v) => graph.loaded.ids[v]),
    };
    if (found.budgetCurve) curves.value = withCurve(curves.peek(), key, settings.method, found.budgetCurve);
    announcement.value = {
      say: () => t('seedfind.announce', { k: found.seeds.length, method: methodLabel(settings.method) }),
    };
  });
}

/** The scenario's seeds become exactly the suggestion, launched together. */
export function useAsSeeds(app: App): void {
  const s = suggestion.peek();
  if (!s || s.ids.length === 0) return;
  app.store.patchScenario({ seeds: { kind: 'groups', groups: [{ ids: [...s.ids], start: 0 }] } });
  const k = s.ids.length;
  announcement.value = { say: () => t('seedfind.used', { k }) };
}

/** Wire the tab to the app: a new graph resets it; the highlight follows; the time is measured when needed. */
export function startSeedFinding(app: App): void {
  const { store } = app;

  store.onNewGraph((graph) => {
    task.cancel();
    batch(() => {
      suggestion.value = null;
      curves.value = NO_CURVES;
      announcement.value = null;
      attemptError.value = null;
      draft.value = followScenario(draft.peek(), store.scenario.peek(), graph ? factsOf(graph) : null);
    });
  });

  effect(() => {
    const view = app.view.value;
    const shown = suggestion.value;
    const seeds = shown && highlightOn.value ? shown.found.seeds : null;
    untracked(() => {
      view?.setLayer(HIGHLIGHT_LAYER, seeds ? highlightLayer(seeds) : null);
      store.setLegend(
        TAB_ID,
        seeds ? [{ swatch: HIGHLIGHT_COLOR, label: () => t('seedfind.legend') }] : null,
      );
    });
  });

  // Measure while the tab is open and nothing else runs, once per graph, model and p.
  const wanted = computed(() => {
    const graph = store.graph.value;
    if (!graph || store.tab.value !== TAB_ID) return null;
    if (task.state.value === 'running' || store.run.value.state === 'running') return null;
    const m = modelOf(draft.value, factsOf(graph));
    return m ? modelKey(graph.serial, m) : null;
  });
  effect(() => {
    const key = wanted.value;
    if (!key || calibration.peek()?.key === key) return;
    const timer = setTimeout(() => {
      const graph = store.graph.peek();
      const m = graph ? modelOf(draft.peek(), factsOf(graph)) : null;
      if (!graph || !m || modelKey(graph.serial, m) !== key) return;
      let params: ModelParams;
      try {
        params = paramsOf(graph, m);
      } catch {
        return; // the run will say what is wrong
      }
      void calibrationFor(app, graph, key, params);
    }, CALIBRATE_AFTER_MS);
    return () => clearTimeout(timer);
  });
}

function highlightLayer(seeds: readonly number[]) {
  const chosen = new Set(seeds);
  return (i: number, d: { size?: number }) =>
    chosen.has(i)
      ? {
          color: HIGHLIGHT_COLOR,
          highlighted: true,
          forceLabel: true,
          zIndex: 3,
          size: (d.size ?? 3) * 1.3 + 3,
        }
      : {};
}
