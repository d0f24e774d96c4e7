/**
 * Ripple in the browser: one store, one engine pool shared by the Run button and the panels, the
 * run and load controllers, the page rendered from the store (shell/App.tsx), then the first graph
 * (by default ego-Facebook seeded at its top account by PageRank, so Run gives a result at once).
 */
import './style.css';
import { render } from 'preact';
import { createBrowserPool } from '../engine/spawn-browser.ts';
import { type App, AppContext, viewSignal } from './core/context.ts';
import { FEATURES } from './features.ts';
import { markDocument } from './i18n/lang.ts';
import { LoadController } from './load/controller.ts';
import { askDirection } from './panels/data/DirectionDialog.tsx';
import { RunController } from './run/controller.ts';
import { App as Page } from './shell/App.tsx';
import { startApp } from './shell/startup.ts';
import { Store } from './state/store.ts';
import { openAutosave } from './storage/autosave.ts';
import { CHARTS, chartData, chartTexts } from './ui/ChartBox.tsx';

const store = new Store();
const pool = createBrowserPool();
const app: App = {
  store,
  pool,
  runner: new RunController(store, pool),
  loader: new LoadController(store, askDirection),
  view: viewSignal(),
  autosave: openAutosave().catch(() => null),
};

// A read-only handle for the console and the end-to-end tests (no secrets in it).
(globalThis as { ripple?: object }).ripple = {
  ...app,
  charts: () => [...CHARTS.keys()],
  chartTexts,
  chartData,
};

markDocument();
const root = document.getElementById('app') as HTMLElement;
root.replaceChildren();
root.removeAttribute('aria-live');
render(
  <AppContext.Provider value={app}>
    <Page features={FEATURES} />
  </AppContext.Provider>,
  root,
);
void startApp(app, FEATURES);
