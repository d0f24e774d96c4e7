/**
 * How a capability plugs into the page. A feature may bring a side-panel tab, controls for the
 * toolbar under the Run button or the bar under the graph, a full-page overlay, and a start-up
 * step (restoring a saved scenario, say) that runs before the first graph loads. The list of
 * features is src/app/features.ts.
 */
import type { ComponentType } from 'preact';
import type { App } from './context.ts';

export interface Feature {
  id: string;
  /** A tab in the side panel: its title in the current language and its position (data 10 … share 90). */
  panel?: { title: () => string; order: number; Component: ComponentType };
  /** Controls in the toolbar under the Run button. */
  Toolbar?: ComponentType;
  /** Controls in the bar under the graph (they never cover a node). */
  StageBar?: ComponentType;
  /** Rendered over the whole page when it has something to show (the classroom view). */
  Overlay?: ComponentType;
  /**
   * A click on an account of the graph (its index): return true to take it (a panel picking
   * accounts while its tab is open); when no feature takes it, the click toggles a seed.
   */
  claimClick?(app: App, index: number): boolean;
  /**
   * Before the first graph loads; a returned promise is awaited for at most a second or so, so a
   * restored scenario loads directly.
   */
  start?(app: App): void | Promise<void>;
}
