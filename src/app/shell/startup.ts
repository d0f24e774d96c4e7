/**
 * What the page does on its own, as effects on the store: a load error becomes the page's alert
 * (saying the previous graph is kept when there is one); a new graph clears an old alert (except
 * the one explaining why the default graph is shown) and cancels a run on the old graph; a
 * finished run opens the Results tab; a run pauses the layout worker; the scenario drives which
 * graph is loaded. Then the first graph: ?graph=URL, else the scenario's, else the default.
 */
import { effect } from '@preact/signals';
import type { Direction } from '../../graph/types.ts';
import { DEFAULT_DATASET } from '../bundled/datasets.ts';
import type { App } from '../core/context.ts';
import type { Feature } from '../core/feature.ts';
import { noticeText } from '../state/notice.ts';
import { t } from './messages.ts';

const FEATURE_WAIT_MS = 1500;
const DIRECTIONS: readonly Direction[] = ['undirected', 'influences', 'follows'];

export async function startApp(app: App, features: Feature[]): Promise<void> {
  const { store, loader, runner, view } = app;
  let keepAlert = false;

  effect(() => {
    const load = store.load.value;
    if (load.state !== 'error' || !load.error) return;
    const error = load.error;
    const hasGraph = store.graph.peek() !== null;
    store.alert.value = {
      say: () => (hasGraph ? `${noticeText(error)} ${t('error.kept')}` : noticeText(error)),
    };
  });
  store.onNewGraph((graph) => {
    runner.cancel();
    if (graph && !keepAlert) store.alert.value = null;
    keepAlert = false;
  });
  let lastRun = store.run.peek().state;
  effect(() => {
    const state = store.run.value.state;
    if (state === lastRun) return;
    lastRun = state;
    if (state === 'done') store.tab.value = 'results';
    // The layout worker would compete with the engine workers for the cores, and its redraws
    // with the page: a run pauses it (Improve layout resumes it).
    if (state === 'running' && view.peek()?.layoutRunning) view.peek()?.stopLayout();
  });

  const started = features.map(async (f) => {
    try {
      await f.start?.(app);
    } catch (error) {
      console.warn(`feature ${f.id} failed to start`, error);
    }
  });
  await Promise.race([Promise.all(started), new Promise((r) => setTimeout(r, FEATURE_WAIT_MS))]);

  effect(() => {
    const scenario = store.scenario.value;
    void loader.syncWithScenario(scenario);
  });

  const params = new URLSearchParams(location.search);
  const url = params.get('graph');
  if (url !== null) {
    const direction = params.get('direction') as Direction | null;
    const known = direction !== null && DIRECTIONS.includes(direction) ? direction : undefined;
    // If the linked graph cannot be used, the scenario's graph (by default ego-Facebook) loads,
    // and the alert says why.
    if (!(await loader.loadUrl(url, known))) {
      keepAlert = true;
      await loader.syncWithScenario(store.scenario.peek());
    }
  } else await loader.syncWithScenario(store.scenario.peek());
  // A saved scenario whose graph is gone (a file not kept, a moved URL): open the default dataset
  // rather than an empty page, and leave the message saying why.
  if (!store.graph.peek() && store.load.peek().state !== 'loading') {
    keepAlert = true;
    const reason = store.alert.peek();
    await loader.loadBundled(DEFAULT_DATASET);
    if (reason) store.alert.value = { say: () => `${noticeText(reason)} ${t('error.defaultKept')}` };
  }
}
