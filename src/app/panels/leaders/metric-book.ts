/**
 * What the app knows about the graph on screen's opinion leaders: every metric computed so far
 * (scores by node index), and the simulated influence with its 95% interval and the model it was
 * computed for. One book per loaded graph, shared by the Leaders and Communities tabs ("best
 * account by a metric"). Its fields are signals, so a component that reads a column re-renders
 * when that column arrives.
 */
import { signal } from '@preact/signals';
import { METRIC_NAMES, METRICS, type MetricName } from '../../../analysis/centrality/index.ts';
import type { GraphState } from '../../state/types.ts';

/** The structural metrics (every column but influence). */
export const STRUCTURAL: MetricName[] = METRIC_NAMES.filter((m) => m !== 'influence');
/** Cheap whole-graph passes, one worker job each. */
export const LIGHT: MetricName[] = STRUCTURAL.filter((m) => !METRICS[m].heavy);
/** One BFS per source, sharded over the workers. */
export const HEAVY: MetricName[] = STRUCTURAL.filter((m) => METRICS[m].heavy);
/** Metrics counted in whole numbers. */
export const WHOLE: ReadonlySet<MetricName> = new Set(['degree', 'indegree', 'outdegree', 'kcore']);
/** Metrics equal to degree on an undirected graph (every edge is an arc both ways). */
const SAME_AS_DEGREE_UNDIRECTED: ReadonlySet<MetricName> = new Set(['indegree', 'outdegree']);

/**
 * The metrics worth a column on a graph: all of them on a directed graph; on an undirected one
 * in-degree and out-degree equal degree, so the three collapse into "degree".
 */
export function metricsFor(directed: boolean): MetricName[] {
  return directed ? [...METRIC_NAMES] : METRIC_NAMES.filter((m) => !SAME_AS_DEGREE_UNDIRECTED.has(m));
}

export interface InfluenceColumn {
  score: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  sets: number;
  /** The model and parameters it was computed for (JSON), to tell when it is stale. */
  key: string;
}

export class MetricBook {
  private readonly columns = signal<ReadonlyMap<MetricName, Float64Array>>(new Map());
  private readonly influenceColumn = signal<InfluenceColumn | null>(null);
  /** Sampled betweenness: the number of sources, else null. */
  readonly betweennessSamples = signal<number | null>(null);
  /** Power iterations that did not converge. */
  readonly unconverged = signal<ReadonlySet<MetricName>>(new Set());

  get influence(): InfluenceColumn | null {
    return this.influenceColumn.value;
  }

  has(metric: MetricName): boolean {
    return metric === 'influence' ? this.influenceColumn.value !== null : this.columns.value.has(metric);
  }

  /** Scores of a metric, influence included, or null when not computed. */
  get(metric: MetricName): Float64Array | null {
    return metric === 'influence'
      ? (this.influenceColumn.value?.score ?? null)
      : (this.columns.value.get(metric) ?? null);
  }

  set(metric: MetricName, scores: Float64Array): void {
    this.setMany([[metric, scores]]);
  }

  /** Add several columns in one change (one re-render). */
  setMany(columns: [MetricName, Float64Array][]): void {
    const next = new Map(this.columns.peek());
    for (const [metric, scores] of columns) next.set(metric, scores);
    this.columns.value = next;
  }

  setInfluence(influence: InfluenceColumn): void {
    this.influenceColumn.value = influence;
  }

  markUnconverged(metrics: MetricName[]): void {
    if (metrics.length > 0) this.unconverged.value = new Set([...this.unconverged.peek(), ...metrics]);
  }
}

const books = new WeakMap<GraphState, MetricBook>();

/** The book of a loaded graph (created on first use). */
export function bookOf(graph: GraphState): MetricBook {
  let book = books.get(graph);
  if (!book) {
    book = new MetricBook();
    books.set(graph, book);
  }
  return book;
}
