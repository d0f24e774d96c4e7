/**
 * What the leaders panel knows about the graph on screen: every metric computed so far (scores by
 * node index), and the simulated influence with its 95% interval and the model it was computed
 * for. One book per loaded graph, shared with the communities panel ("best account by a metric").
 */
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

export interface InfluenceColumn {
  score: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  sets: number;
  /** The model and parameters it was computed for (JSON), to tell when it is stale. */
  key: string;
}

export class MetricBook {
  readonly scores = new Map<MetricName, Float64Array>();
  influence: InfluenceColumn | null = null;
  /** Sampled betweenness: the number of sources, else null. */
  betweennessSamples: number | null = null;
  /** Power iterations that did not converge. */
  readonly unconverged = new Set<MetricName>();
  private readonly listeners = new Set<() => void>();

  has(metric: MetricName): boolean {
    return metric === 'influence' ? this.influence !== null : this.scores.has(metric);
  }

  /** Scores of a metric, influence included, or null when not computed. */
  get(metric: MetricName): Float64Array | null {
    return metric === 'influence' ? (this.influence?.score ?? null) : (this.scores.get(metric) ?? null);
  }

  set(metric: MetricName, scores: Float64Array): void {
    this.setMany([[metric, scores]]);
  }

  /** Add several columns with one change notification (one redraw). */
  setMany(columns: [MetricName, Float64Array][]): void {
    for (const [metric, scores] of columns) this.scores.set(metric, scores);
    this.changed();
  }

  setInfluence(influence: InfluenceColumn): void {
    this.influence = influence;
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
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
