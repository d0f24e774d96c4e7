/**
 * The app's one store: a plain state object, subscribe/select, and named actions. No framework:
 * modules read `store.get()`, listen with `store.select(pick, onChange)` and change state only
 * through the actions below. The API is stable; other modules (playback, persistence, export,
 * analysis panels) depend on it.
 *
 *   store.get().scenario             the current Scenario (src/app/scenario.ts)
 *   store.setScenario(s)             replace it (URL hash / IndexedDB / imported JSON)
 *   store.patchScenario({runs: 500}) change some fields
 *   store.select((s) => s.result, (result) => ...)   called when that slice changes (Object.is)
 */
import { GAMMA, MAX_STEPS_PARAM, MODEL, P, PHI, RNG_SEED, RUNS } from '../diffusion/params.ts';
import type { ShardResult, SimulationSummary, Trace } from '../diffusion/types.ts';
import type { GraphSource, Scenario } from '../engine/scenario.ts';
import { EDGE_VALUES_PARAM } from '../graph/params.ts';
import type { LoadedGraph } from '../graph/types.ts';
import { nextTask } from './next-task.ts';

/** What the loader worker measured about a graph, shown in the summary line. */
export interface GraphFacts {
  /** Weakly connected components. */
  components: number;
  /** Nodes in the largest weakly connected component. */
  largestComponent: number;
  /** Out-degree (reach direction: the direct audience) per node. */
  outDegree: Uint32Array;
  /** In-degree (the accounts whose posts reach this one) per node. */
  inDegree: Uint32Array;
  /** PageRank per node when computed, else null. */
  pagerank: Float64Array | null;
}

/** The loaded graph with where it came from and what we measured. */
export interface GraphState {
  loaded: LoadedGraph;
  source: GraphSource;
  /** Display name: dataset name or file name. */
  name: string;
  facts: GraphFacts;
  /** Node index by id as in the file. */
  index: Map<string, number>;
  /** Increases with every graph loaded, so views can tell graphs apart. */
  serial: number;
}

export type RunState = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunStatus {
  state: RunState;
  /** Runs finished / total runs while running (and after). */
  done: number;
  total: number;
  elapsedMs: number;
  /** Estimated time left, null until known. */
  etaMs: number | null;
  /** Error text when state is 'error'. */
  message: string | null;
}

/** The last finished simulation: the merged shard, its summary and what produced it. */
export interface RunResult {
  shard: ShardResult;
  summary: SimulationSummary;
  /** The scenario as it was when the run started. */
  scenario: Scenario;
  /** Serial of the graph it ran on. */
  graphSerial: number;
  /** Seed node indices per group, as run. */
  seedGroups: { nodes: number[]; start: number }[];
  seconds: number;
}

export interface LoadStatus {
  state: 'idle' | 'loading' | 'error';
  /** What is being loaded, or the error message (one clear sentence) when state is 'error'. */
  message: string | null;
}

export interface AppState {
  graph: GraphState | null;
  scenario: Scenario;
  load: LoadStatus;
  run: RunStatus;
  result: RunResult | null;
  /** Cascade recorded for playback (run 0 of the last result), or null. */
  trace: Trace | null;
}

export type Listener = (state: AppState, previous: AppState) => void;

export const IDLE_RUN: RunStatus = {
  state: 'idle',
  done: 0,
  total: 0,
  elapsedMs: 0,
  etaMs: null,
  message: null,
};

/** The scenario the app opens with: ego-Facebook (read undirected) and the parameter table's defaults. */
export function defaultScenario(file = 'facebook_combined.txt'): Scenario {
  return {
    version: 1,
    graph: { kind: 'bundled', file },
    direction: 'undirected',
    edgeValues: EDGE_VALUES_PARAM.default,
    model: MODEL.default,
    params: { p: P.default, gamma: GAMMA.default, phi: PHI.default, maxSteps: MAX_STEPS_PARAM.default },
    seeds: { kind: 'groups', groups: [] },
    runs: RUNS.default,
    rngSeed: RNG_SEED.default,
  };
}

/** Longest stretch of queued listener calls in one task. */
const SLICE_MS = 12;

export class Store {
  private state: AppState;
  private readonly listeners = new Set<Listener>();

  constructor(initial: Partial<AppState> = {}) {
    this.state = {
      graph: null,
      scenario: defaultScenario(),
      load: { state: 'idle', message: null },
      run: IDLE_RUN,
      result: null,
      trace: null,
      ...initial,
    };
  }

  get(): AppState {
    return this.state;
  }

  /** Listen to every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call onChange(value, previous) whenever pick(state) changes (by Object.is). */
  select<T>(pick: (state: AppState) => T, onChange: (value: T, previous: T) => void): () => void {
    return this.subscribe((state, previous) => {
      const value = pick(state);
      const before = pick(previous);
      if (!Object.is(value, before)) onChange(value, before);
    });
  }

  /**
   * Listener calls not yet delivered. A heavy change (a new result: charts, heat map, tables) is
   * delivered to its listeners spread over several tasks so the page never freezes for long; every
   * change after it queues behind it, so each listener still sees the changes in order.
   */
  private readonly pending: (() => void)[] = [];
  private draining = false;

  private update(patch: Partial<AppState>, heavy = false): void {
    const previous = this.state;
    const state = { ...previous, ...patch };
    this.state = state;
    const calls = [...this.listeners].map((listener) => () => listener(state, previous));
    if (!heavy && this.pending.length === 0 && !this.draining) {
      for (const call of calls) call();
      return;
    }
    this.pending.push(...calls);
    if (!this.draining) {
      this.draining = true;
      nextTask(() => this.drain());
    }
  }

  /** Deliver queued calls for up to SLICE_MS, then yield to the browser and carry on. */
  private drain(): void {
    const started = performance.now();
    while (this.pending.length > 0) {
      const call = this.pending.shift() as () => void;
      try {
        call();
      } catch (error) {
        console.error(error);
      }
      if (this.pending.length > 0 && performance.now() - started > SLICE_MS) {
        nextTask(() => this.drain());
        return;
      }
    }
    this.draining = false;
  }

  // Actions -------------------------------------------------------------------------------

  /** Replace the scenario (a link, an autosave, an imported file). */
  setScenario(scenario: Scenario): void {
    this.update({ scenario });
  }

  /** Change some fields of the scenario; params are merged one level deep. */
  patchScenario(patch: Partial<Omit<Scenario, 'params'>> & { params?: Partial<Scenario['params']> }): void {
    const current = this.state.scenario;
    const params = patch.params ? { ...current.params, ...patch.params } : current.params;
    this.update({ scenario: { ...current, ...patch, params } });
  }

  /** A new graph is in place: results of the old one no longer apply. */
  setGraph(graph: GraphState): void {
    this.update({ graph, result: null, trace: null, run: IDLE_RUN, load: { state: 'idle', message: null } });
  }

  setLoad(load: LoadStatus): void {
    this.update({ load });
  }

  setRun(run: Partial<RunStatus>): void {
    this.update({ run: { ...this.state.run, ...run } });
  }

  setResult(result: RunResult): void {
    this.update({ result, trace: result.shard.trace }, true);
  }

  setTrace(trace: Trace | null): void {
    this.update({ trace });
  }
}

/** The app's store (one per page). */
export const store = new Store();
