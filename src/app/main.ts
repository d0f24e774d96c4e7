/**
 * Ripple in the browser: builds the page (graph stage, run bar, tabbed side panel), wires the
 * store, the loader, the engine pool and the feature modules, and loads the scenario's graph
 * (by default ego-Facebook seeded at its top account by PageRank, so Run gives a result at once).
 */
import './style.css';
import { createBrowserPool } from '../engine/spawn-browser.ts';
import { DEFAULT_DATASET } from './datasets.ts';
import { el } from './dom.ts';
import { t } from './i18n.ts';
import { LoadController } from './load/controller.ts';
import { MODULES } from './modules.ts';
import type { AppContext } from './panels.ts';
import { openAutosave } from './persist/autosave.ts';
import { RunController } from './run.ts';
import { store } from './store.ts';
import { dataPanel } from './ui/data-panel.ts';
import { askDirection } from './ui/direction-dialog.ts';
import { modelPanel } from './ui/model-panel.ts';
import { resultsPanel } from './ui/results-panel.ts';
import { runBar } from './ui/run-bar.ts';
import { seedsPanel, toggleSeedAt } from './ui/seeds-panel.ts';
import { Stage } from './ui/stage.ts';
import { Tabs } from './ui/tabs.ts';

const MODULE_WAIT_MS = 1500;

async function start(): Promise<void> {
  const root = document.getElementById('app') as HTMLElement;
  const pool = createBrowserPool();
  const runner = new RunController(store, pool);
  const loader = new LoadController(store, askDirection);

  const alertText = el('span', { 'data-testid': 'alert-text' });
  const dismiss = el('button', { type: 'button', class: 'link' }, t('error.dismiss'));
  const alertBox = el('div', { role: 'alert', class: 'alert', 'data-testid': 'alert' });
  const showAlert = (message: string | null) => {
    alertText.textContent = message ?? '';
    alertBox.replaceChildren(...(message ? [alertText, ' ', dismiss] : []));
  };
  dismiss.addEventListener('click', () => showAlert(null));
  const loading = el('p', { class: 'loading', 'data-testid': 'load-status', role: 'status' });

  let ctx: AppContext;
  const stage = new Stage({
    store,
    onNodeClick: (i) => toggleSeedAt(ctx, i),
    onDropFile: (file) => void loader.loadFile(file),
  });
  const tabs = new Tabs(() => ctx);
  const toolbar = el('div', { class: 'toolbar' });
  ctx = {
    store,
    pool,
    runner,
    view: () => stage.current(),
    onView: (listener) => stage.onView(listener),
    stage: stage.overlay,
    toolbar,
    registerPanel: (panel) => tabs.add(panel),
    loader,
    selectPanel: (id) => tabs.select(id),
    loadScenarioGraph: () => loader.syncWithScenario(store.get().scenario),
    alert: (message) => showAlert(message),
    autosave: openAutosave().catch(() => null),
  };

  // A read-only handle for the console and the end-to-end tests (no secrets in it).
  (globalThis as { ripple?: AppContext }).ripple = ctx;

  root.replaceChildren(
    el(
      'header',
      { class: 'topbar' },
      el('h1', {}, t('app.title')),
      el('p', { class: 'tagline' }, t('app.tagline')),
    ),
    alertBox,
    el(
      'div',
      { class: 'layout' },
      stage.element,
      el('aside', { class: 'side' }, runBar(ctx), tabs.list, tabs.body),
    ),
  );
  stage.element.append(loading);
  root.removeAttribute('aria-live');

  for (const panel of [dataPanel(loader), seedsPanel, modelPanel, resultsPanel]) tabs.add(panel);
  tabs.select('seeds');

  store.select(
    (s) => s.load,
    (load) => {
      loading.textContent = load.state === 'loading' ? (load.message ?? '') : '';
      if (load.state === 'error' && load.message)
        showAlert(store.get().graph ? `${load.message} ${t('error.kept')}` : load.message);
    },
  );
  // A new graph clears an old error, except the one that explains why the fallback graph is shown,
  // and cancels a run on the old graph.
  let keepAlert = false;
  store.select(
    (s) => s.graph,
    () => {
      runner.cancel();
      if (!keepAlert) showAlert(null);
      keepAlert = false;
    },
  );
  store.select(
    (s) => s.run.state,
    (state) => {
      if (state === 'done') tabs.select('results');
      // The layout worker would compete with the engine workers for the cores, and its redraws
      // with the page: a run pauses it (Improve layout resumes it).
      if (state === 'running' && stage.current()?.layoutRunning) stage.current()?.stopLayout();
    },
  );

  const mounted = MODULES.map(async (m) => {
    try {
      await m.mount(ctx);
    } catch (error) {
      console.warn(`module ${m.id} failed to start`, error);
    }
  });
  await Promise.race([Promise.all(mounted), new Promise((r) => setTimeout(r, MODULE_WAIT_MS))]);

  store.select(
    (s) => s.scenario,
    (scenario) => void loader.syncWithScenario(scenario),
  );
  const params = new URLSearchParams(location.search);
  const url = params.get('graph');
  if (url) {
    const direction = params.get('direction');
    const ok = ['undirected', 'influences', 'follows'].includes(direction ?? '');
    // If the linked graph cannot be used, the scenario's graph (by default ego-Facebook) loads.
    if (!(await loader.loadUrl(url, ok ? (direction as 'undirected') : undefined))) {
      keepAlert = true;
      await loader.syncWithScenario(store.get().scenario);
    }
  } else await loader.syncWithScenario(store.get().scenario);
  // A saved scenario whose graph is gone (a file not kept, a moved URL): open the default dataset
  // rather than an empty page, and leave the message saying why.
  if (!store.get().graph && store.get().load.state !== 'loading') {
    keepAlert = true;
    await loader.loadBundled(DEFAULT_DATASET);
  }
}

void start();
