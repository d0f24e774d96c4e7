/**
 * How features plug into the page. A module (playback, persistence, export, analysis panels)
 * gets the AppContext once at start-up; it may register side-panel tabs, put controls on the
 * graph stage, read and change state through the store, and use the sigma view.
 *
 *   export const playback: AppModule = { id: 'playback', mount(ctx) { ctx.registerPanel({...}) } };
 *
 * and list it in src/app/modules.ts.
 */
import type { EnginePool } from '../engine/pool.ts';
import type { StringKey } from './i18n.ts';
import type { LoadController } from './load/controller.ts';
import type { AutosaveStore } from './persist/autosave.ts';
import type { RunController } from './run.ts';
import type { Store } from './store.ts';
import type { GraphView } from './view/graph-view.ts';

export interface PanelDef {
  /** Unique id; the tab gets data-testid="tab-<id>", the panel data-testid="panel-<id>". */
  id: string;
  /** Tab title from the string catalogue. */
  title: StringKey;
  /** Position among the tabs (built-in: data 10, seeds 20, model 30, results 40). */
  order: number;
  /** Build the panel's content into container; return a teardown function if needed. */
  // biome-ignore lint/suspicious/noConfusingVoidType: most panels return nothing, some a teardown
  mount(container: HTMLElement, ctx: AppContext): void | (() => void);
}

export interface AppContext {
  store: Store;
  pool: EnginePool;
  runner: RunController;
  /** The current sigma view, null while no graph is shown. */
  view(): GraphView | null;
  /** Called with every new view (after a graph loads) and null when it goes. */
  onView(listener: (view: GraphView | null) => void): () => void;
  /** The element over the graph canvas, for on-graph controls (e.g. playback). */
  stage: HTMLElement;
  /** A toolbar under the run button, for small global actions (share link, export). */
  toolbar: HTMLElement;
  registerPanel(panel: PanelDef): void;
  /** The graph loader (e.g. to keep or restore the bytes of a user-opened file). */
  loader: LoadController;
  /** Show a tab. */
  selectPanel(id: string): void;
  /** Load a graph source (the same path as the dataset picker), e.g. after a scenario import. */
  loadScenarioGraph(): Promise<void>;
  /** Show a one-line message in the page's alert region. */
  alert(message: string): void;
  /** The page's IndexedDB autosave, opened once for every module; null where unavailable. */
  autosave: Promise<AutosaveStore | null>;
}

export interface AppModule {
  id: string;
  /**
   * Set the module up. A returned promise (e.g. restoring a saved scenario) is awaited, for at
   * most a second or so, before the first graph loads, so a restored scenario loads directly.
   */
  mount(ctx: AppContext): void | Promise<void>;
}
