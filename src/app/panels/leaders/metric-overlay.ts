/**
 * Colour and/or size the accounts on the graph by any computed metric (a display layer of the
 * GraphView), with the legend's section for it. Colours and sizes follow the rank percentile, not
 * the raw score: centralities are heavy-tailed, and by value nearly every node would look the
 * same. The ramp runs from pale yellow to deep blue (cividis-like: readable with any colour vision).
 */
import type { MetricName } from '../../../analysis/centrality/index.ts';
import type { LegendEntry } from '../../state/types.ts';
import type { GraphView } from '../../view/graph-view.ts';
import { metricLabel } from './labels.ts';
import { t } from './messages.ts';
import { averageRanks } from './ranking.ts';

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

/** Node size for a percentile: small for most accounts, large for the top few. */
export function rankSize(q: number): number {
  return 1.5 + 12 * q ** 6;
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
    if (size) out.size = rankSize(size.q[i]);
    return out;
  });
}

/** The ramp as a CSS background, lowest to highest. */
export const RAMP_SWATCH = `linear-gradient(90deg, ${rampColor(0)}, ${rampColor(0.5)}, ${rampColor(1)})`;
/** A small dot inside a large one: "size means something". */
const SIZE_SWATCH = 'radial-gradient(circle, #555 0 35%, #bbb 40% 100%)';

/** The legend's section for a display, or null when the graph is not coloured or sized by a metric. */
export function metricLegend(display: {
  color: MetricName | null;
  size: MetricName | null;
}): LegendEntry[] | null {
  const { color, size } = display;
  const entries: LegendEntry[] = [];
  if (color)
    entries.push({
      swatch: RAMP_SWATCH,
      label: () => t('leaders.view.legend', { metric: metricLabel(color) }),
    });
  if (size)
    entries.push({
      swatch: SIZE_SWATCH,
      label: () => t('leaders.view.legendSize', { metric: metricLabel(size) }),
    });
  return entries.length > 0 ? entries : null;
}
