/**
 * Where the Leaders tab meets the outside (installed once by the feature's start()):
 * - another graph: the task stops, the colouring, focus and message of the old graph go;
 * - the tab on screen with a graph and no run going: the light metrics are computed in the
 *   workers (once per graph);
 * - colour / size by a metric: the view's display layer and the legend's section follow
 *   state.ts, and go when the colouring is turned off or another graph loads;
 * - the focused account: highlighted on whichever view shows the graph.
 */
import { batch, effect, untracked } from '@preact/signals';
import type { MetricName } from '../../../analysis/centrality/index.ts';
import type { RunOptions } from '../../../engine/pool.ts';
import type { App } from '../../core/context.ts';
import type { GraphState, Notice } from '../../state/types.ts';
import type { GraphView } from '../../view/graph-view.ts';
import { computeLight, lightFor } from './compute.ts';
import { t } from './messages.ts';
import { bookOf, metricsFor } from './metric-book.ts';
import { applyMetricDisplay, metricLegend, percentiles } from './metric-overlay.ts';
import { colorBy, focused, message, page, sizeBy, sort, task } from './state.ts';

export const LEGEND_SECTION = 'leaders';
export const FOCUS_LAYER = 'leaders-focus';

/** Percentiles per score array, so switching colour and size back and forth sorts once. */
const percentileCache = new WeakMap<Float64Array, Float32Array>();

function percentilesOf(scores: Float64Array): Float32Array {
  let q = percentileCache.get(scores);
  if (!q) {
    q = percentiles(scores);
    percentileCache.set(scores, q);
  }
  return q;
}

/** The view whose camera was last centred on the focused account, and that account. */
let centred: { view: GraphView; index: number } | null = null;

/**
 * Focus an account from the table: highlighted and the camera centred on it now, or as soon as
 * the graph is drawn if it is still being drawn.
 */
export function focusAccount(app: App, index: number): void {
  batch(() => {
    focused.value = index;
    message.value = { focused: index };
  });
  const v = app.view.peek();
  if (v?.isDrawn(index)) {
    v.focus(index);
    centred = { view: v, index };
  }
}

/** The graph the task is (or was last) working for. */

/**
 * Run work as the tab's task for a graph. A task still going for another graph is replaced; the
 * buttons that start one are disabled while one runs.
 */
export function runTask<T>(
  graph: GraphState,
  label: Notice,
  work: (options: Required<RunOptions>) => Promise<T>,
): Promise<T | null> {
  return task.run(label, work, graph);
}

/** Start the light metrics of the graph on screen unless they are there or being computed. */
export function lightMetricsNow(app: App): void {
  const graph = app.store.graph.peek();
  if (!graph || task.runningFor(graph)) return;
  const book = bookOf(graph);
  if (lightFor(graph).every((m) => book.has(m))) return;
  void runTask(graph, { say: () => t('leaders.job.light') }, (options) =>
    computeLight(app.pool, graph, book, options),
  );
}

export function startLeadersEffects(app: App): void {
  const { store, view } = app;

  store.onNewGraph((graph) => {
    task.cancel();
    batch(() => {
      colorBy.value = null;
      sizeBy.value = null;
      focused.value = null;
      message.value = null;
      page.value = 0;
      // In- and out-degree are degree on an undirected graph (no such column there).
      if (graph && !metricsFor(graph.loaded.csr.directed).includes(sort.value.column))
        sort.value = { ...sort.value, column: 'degree' };
    });
  });

  effect(() => {
    const graph = store.graph.value;
    if (store.tab.value !== 'leaders' || !graph || store.run.value.state === 'running') return;
    const book = bookOf(graph);
    if (lightFor(graph).every((m) => book.has(m))) return;
    untracked(() => lightMetricsNow(app));
  });

  effect(() => {
    const graph = store.graph.value;
    const v = view.value;
    const book = graph ? bookOf(graph) : null;
    const pick = (metric: MetricName | null) => {
      const scores = metric && book ? book.get(metric) : null;
      return metric && scores ? { metric, q: percentilesOf(scores) } : null;
    };
    const color = pick(colorBy.value);
    const size = pick(sizeBy.value);
    untracked(() => {
      applyMetricDisplay(v, { color, size });
      store.setLegend(
        LEGEND_SECTION,
        v ? metricLegend({ color: color?.metric ?? null, size: size?.metric ?? null }) : null,
      );
    });
  });

  effect(() => {
    const v = view.value;
    const index = focused.value;
    if (!v) return;
    untracked(() => {
      v.setLayer(
        FOCUS_LAYER,
        index === null
          ? null
          : (i, d) =>
              i === index
                ? { highlighted: true, forceLabel: true, zIndex: 3, size: (d.size ?? 3) * 1.4 + 3 }
                : {},
      );
      // Focused while the graph was being drawn: centre the camera once the drawing is there.
      if (index !== null && v.isDrawn(index) && (centred?.view !== v || centred.index !== index)) {
        v.focus(index);
        centred = { view: v, index };
      }
    });
  });
}
