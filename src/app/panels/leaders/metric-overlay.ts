/**
 * Colour and/or size the accounts on the graph by any computed metric (a display layer of the
 * GraphView), with a legend on the stage. Colours and sizes follow the rank percentile, not the
 * raw score: centralities are heavy-tailed, and by value nearly every node would look the same.
 * The ramp runs from pale yellow to deep blue (cividis-like: readable with any colour vision).
 */
import type { MetricName } from '../../../analysis/centrality/index.ts';
import { el } from '../../dom.ts';
import { t } from '../../i18n.ts';
import type { GraphView } from '../../view/graph-view.ts';
import { averageRanks } from './ranking.ts';
import { metricLabel } from './table.ts';

export const LAYER = 'leaders-metric';
const LOW = [255, 234, 70];
const HIGH = [0, 32, 77];

/** Colour for a percentile in [0,1] (0 = lowest, 1 = highest). */
export function rampColor(q: number): string {
  const s = Math.min(1, Math.max(0, q));
  const c = LOW.map((lo, i) => Math.round(lo + (HIGH[i] - lo) * s));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Percentile of each node's score: 1 for the top node, 0 for the bottom one (ties share). */
export function percentiles(scores: ArrayLike<number>): Float32Array {
  const n = scores.length;
  const ranks = averageRanks(scores);
  const q = new Float32Array(n);
  for (let v = 0; v < n; v++) q[v] = n > 1 ? (n - ranks[v]) / (n - 1) : 1;
  return q;
}

export interface MetricDisplay {
  color: { metric: MetricName; q: Float32Array } | null;
  size: { metric: MetricName; q: Float32Array } | null;
}

/** Install (or remove, when both are null) the layer on the view. */
export function applyMetricDisplay(view: GraphView | null, display: MetricDisplay): void {
  if (!view) return;
  const { color, size } = display;
  if (!color && !size) {
    view.setLayer(LAYER, null);
    return;
  }
  view.setLayer(LAYER, (i) => {
    const out: { color?: string; size?: number } = {};
    if (color) out.color = rampColor(color.q[i]);
    if (size) out.size = 1.5 + 12 * size.q[i] ** 6;
    return out;
  });
}

/** The legend box on the stage: a gradient from lowest to highest, and what sizes mean. */
export function legendBox(): { element: HTMLElement; update(display: MetricDisplay): void } {
  const gradient = `linear-gradient(to right, ${rampColor(0)}, ${rampColor(0.5)}, ${rampColor(1)})`;
  const colorLine = el('div', { class: 'metric-legend-color' });
  const sizeLine = el('div', { class: 'metric-legend-size' });
  const element = el(
    'div',
    { class: 'metric-legend', 'data-testid': 'leaders-legend', hidden: '' },
    colorLine,
    sizeLine,
  );
  return {
    element,
    update(display) {
      element.hidden = !display.color && !display.size;
      colorLine.replaceChildren();
      sizeLine.replaceChildren();
      if (display.color) {
        const swatch = el('span', { class: 'ramp', style: `background:${gradient}` });
        colorLine.append(
          swatch,
          ' ',
          t('leaders.view.legend', { metric: metricLabel(display.color.metric) }),
        );
      }
      if (display.size)
        sizeLine.append(t('leaders.view.legendSize', { metric: metricLabel(display.size.metric) }));
    },
  };
}
