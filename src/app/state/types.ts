/** The shapes the app's store holds (see store.ts). */
import type { ShardResult, SimulationSummary } from '../../diffusion/types.ts';
import type { GraphSource, Scenario } from '../../engine/scenario.ts';
import type { LoadedGraph } from '../../graph/types.ts';
import type { Notice } from './notice.ts';

export type { Notice } from './notice.ts';

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
  /** Display name: dataset name or file name (user data: shown as it is). */
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
  /** What went wrong when state is 'error'. */
  error: Notice | null;
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
  /** What is being loaded (a file or dataset name), or null. */
  name: string | null;
  /** The error when state is 'error'. */
  error: Notice | null;
}

/** One line of the graph's legend: a swatch (any CSS background: a colour or a gradient) and its text. */
export interface LegendEntry {
  swatch: string;
  /** The text in the current language (called when shown). */
  label: () => string;
}
