/**
 * What every component can reach: the store, the engine pool shared by the Run button and the
 * panels, the run and load controllers, the current sigma view and the page's autosave.
 * Provided once at the root (main.tsx); components call useApp().
 */
import { type Signal, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { EnginePool } from '../../engine/pool.ts';
import type { LoadController } from '../load/controller.ts';
import type { RunController } from '../run/controller.ts';
import type { Store } from '../state/store.ts';
import type { AutosaveStore } from '../storage/autosave.ts';
import type { GraphView } from '../view/graph-view.ts';

export interface App {
  store: Store;
  pool: EnginePool;
  runner: RunController;
  loader: LoadController;
  /** The sigma view of the graph on screen, null while none is shown. */
  view: Signal<GraphView | null>;
  /** The page's IndexedDB autosave, opened once; null where unavailable. */
  autosave: Promise<AutosaveStore | null>;
}

export const AppContext = createContext<App | null>(null);

export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp: no <AppContext.Provider> above this component');
  return app;
}

/** A view signal for a new App. */
export function viewSignal(): Signal<GraphView | null> {
  return signal<GraphView | null>(null);
}
