/**
 * The app's one store: signals for the scenario, the graph, the load and run status, the last
 * result, the cascade being replayed, the view state and the page's notices, and the actions
 * that change them. Components read the signals (and re-render when they change); everything
 * derived (is the result about this graph? is it stale?) is a `computed`, never a copy kept in
 * sync by hand. The language is state too (../i18n/lang.ts).
 *
 *   store.scenario.value               the current Scenario (src/engine/scenario.ts)
 *   store.patchScenario({ runs: 500 }) change some fields (params merged one level deep)
 *   store.result.value                 the last finished simulation, or null
 */
import { batch, computed, effect, signal, untracked } from '@preact/signals';
import type { Trace } from '../../diffusion/types.ts';
import type { Scenario } from '../../engine/scenario.ts';
import { defaultScenario } from './default-scenario.ts';
import type { GraphState, LegendEntry, LoadStatus, Notice, RunResult, RunStatus } from './types.ts';

export const IDLE_RUN: RunStatus = {
  state: 'idle',
  done: 0,
  total: 0,
  elapsedMs: 0,
  etaMs: null,
  error: null,
};

export type ScenarioPatch = Partial<Omit<Scenario, 'params'>> & { params?: Partial<Scenario['params']> };

export class Store {
  readonly scenario = signal<Scenario>(defaultScenario());
  readonly graph = signal<GraphState | null>(null);
  readonly load = signal<LoadStatus>({ state: 'idle', name: null, error: null });
  readonly run = signal<RunStatus>(IDLE_RUN);
  readonly result = signal<RunResult | null>(null);
  /** The cascade recorded for playback (run 0 of the last result), or null. */
  readonly trace = signal<Trace | null>(null);
  /** Playback is showing the cascade in `trace` on the graph ("fit to reached" then frames it). */
  readonly replaying = signal(false);
  /** The open side-panel tab. */
  readonly tab = signal('seeds');
  /** The page's one alert line (an error that kept the previous state, say), or null. */
  readonly alert = signal<Notice | null>(null);
  /** The node under the pointer on the graph (index), or null. */
  readonly hover = signal<number | null>(null);
  /**
   * What colours on the graph mean besides seeds, accounts and reach, by who colours it (a panel
   * colouring by community or by a metric, playback): the legend shows every section.
   */
  readonly legend = signal<Record<string, LegendEntry[]>>({});

  /** The last result when it belongs to the graph on screen. */
  readonly currentResult = computed(() => {
    const result = this.result.value;
    const graph = this.graph.value;
    return result && graph && result.graphSerial === graph.serial ? result : null;
  });

  /** The shown result no longer matches the scenario (a parameter changed since the run). */
  readonly stale = computed(() => {
    const result = this.currentResult.value;
    if (!result || this.run.value.state === 'running') return false;
    // The campaign plan's and crisis watch's settings do not change a simulation.
    const { plan: _a, watch: _c, contain: _e, ...ran } = result.scenario;
    const { plan: _b, watch: _d, contain: _f, ...now } = this.scenario.value;
    return JSON.stringify(ran) !== JSON.stringify(now);
  });

  /**
   * Call `fn` whenever another graph comes on screen (or the graph goes), starting with the one
   * there now if any; not when the same graph is set again. Returns the function that stops it.
   */
  onNewGraph(fn: (graph: GraphState | null) => void): () => void {
    let serial: number | null = null;
    return effect(() => {
      const graph = this.graph.value;
      if ((graph?.serial ?? null) === serial) return;
      serial = graph?.serial ?? null;
      untracked(() => fn(graph));
    });
  }

  /** Set (or with null remove) one section of the legend. */
  setLegend(section: string, entries: LegendEntry[] | null): void {
    const next = { ...this.legend.value };
    if (entries) next[section] = entries;
    else delete next[section];
    this.legend.value = next;
  }

  setScenario(scenario: Scenario): void {
    this.scenario.value = scenario;
  }

  patchScenario(patch: ScenarioPatch): void {
    const current = this.scenario.value;
    const params = patch.params ? { ...current.params, ...patch.params } : current.params;
    this.scenario.value = { ...current, ...patch, params };
  }

  /** A new graph is in place: results of the old one no longer apply. */
  setGraph(graph: GraphState): void {
    batch(() => {
      this.graph.value = graph;
      this.result.value = null;
      this.trace.value = null;
      this.replaying.value = false;
      this.run.value = IDLE_RUN;
      this.load.value = { state: 'idle', name: null, error: null };
    });
  }

  setRun(run: Partial<RunStatus>): void {
    this.run.value = { ...this.run.value, ...run };
  }

  setResult(result: RunResult): void {
    batch(() => {
      this.result.value = result;
      this.trace.value = result.shard.trace;
      this.replaying.value = false;
    });
  }
}
