/**
 * The S-curve chart as data: mean reach (share of the network) with its 95% band on the left
 * axis, the share of runs that went global on the right axis; the strip where the tipping point
 * fell over the random seeds, and labelled vertical lines at its median and at the theoretical
 * value, drawn by a small Chart.js plugin that reads them from a getter (so updating the chart's
 * data and options updates them too).
 */
import type { Plugin } from 'chart.js';
import { fixed, significant } from '../../i18n/format.ts';
import type { ChartConfiguration } from '../../ui/chart-setup.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { sweptValue, varyLabel } from './labels.ts';
import { t } from './messages.ts';
import type { RepeatSummary } from './repeats.ts';

export interface Marker {
  x: number;
  label: string;
  color: string;
  dash: number[];
}

export interface Markers {
  lines: Marker[];
  /** Shaded strips [from, to] over the whole height. */
  bands: { from: number; to: number; color: string }[];
}

export const NO_MARKERS: Markers = { lines: [], bands: [] };

const BAND = 'rgba(0, 114, 178, 0.2)';
/** The strip of the tipping points: vermillion, translucent. */
export const CRITICAL_BAND = 'rgba(213, 94, 0, 0.18)';

/** Strips under the curves, labelled vertical lines over them, at their x on the x scale. */
export function markerPlugin(markers: () => Markers): Plugin<'line'> {
  return {
    id: 'rippleMarkers',
    beforeDatasetsDraw(chart) {
      const x = chart.scales.x;
      const { top, bottom, left, right } = chart.chartArea;
      const c = chart.ctx;
      for (const band of markers().bands) {
        const a = Math.max(left, x.getPixelForValue(band.from));
        const b = Math.min(right, x.getPixelForValue(band.to));
        if (!(b >= a)) continue;
        c.save();
        c.fillStyle = band.color;
        // At least 2 px wide, so a narrow range still shows.
        c.fillRect(a, top, Math.max(2, b - a), bottom - top);
        c.restore();
      }
    },
    afterDatasetsDraw(chart) {
      const x = chart.scales.x;
      const { top, bottom, left, right } = chart.chartArea;
      const c = chart.ctx;
      markers().lines.forEach((m, i) => {
        const px = x.getPixelForValue(m.x);
        if (!(px >= left - 0.5 && px <= right + 0.5)) return;
        c.save();
        c.strokeStyle = m.color;
        c.lineWidth = 2;
        c.setLineDash(m.dash);
        c.beginPath();
        c.moveTo(px, top);
        c.lineTo(px, bottom);
        c.stroke();
        c.setLineDash([]);
        c.fillStyle = m.color;
        c.font = '12px system-ui, sans-serif';
        const width = c.measureText(m.label).width;
        const tx = px + 4 + width > right ? px - 4 - width : px + 4;
        c.fillText(m.label, tx, top + 12 + 14 * i);
        c.restore();
      });
    },
  };
}

/** The markers of a summary: the strip of the tipping points (several seeds), the median, theory. */
export function markersOf(summary: RepeatSummary, count: number): Markers {
  const r = summary.shown.result;
  const { median, min, max } = summary.critical;
  const lines: Marker[] = [];
  const bands: Markers['bands'] = [];
  if (count > 1 && min !== null && max !== null) bands.push({ from: min, to: max, color: CRITICAL_BAND });
  if (median !== null)
    lines.push({
      x: median,
      label:
        count > 1
          ? t('critical.chart.median', { x: sweptValue(r.vary, median) })
          : t('critical.chart.critical', { x: sweptValue(r.vary, median) }),
      color: OKABE_ITO.vermillion,
      dash: [],
    });
  if (r.theory !== null)
    lines.push({
      x: r.theory,
      label: t('critical.chart.theory', { x: significant(r.theory, 3) }),
      color: OKABE_ITO.black,
      dash: [6, 4],
    });
  return { lines, bands };
}

/** The chart's configuration for the curve of the summary's shown repeat. */
export function sCurveConfig(
  summary: RepeatSummary,
  count: number,
  plugin: Plugin<'line'>,
): ChartConfiguration {
  const r = summary.shown.result;
  const n = r.nodes;
  const pct = (v: number) => (100 * v) / n;
  const curve = r.curve;
  const datasets: NonNullable<ChartConfiguration<'line', { x: number; y: number }[]>['data']>['datasets'] = [
    {
      label: t('critical.chart.band'),
      data: curve.map((c) => ({ x: c.x, y: Math.max(0, pct(c.ci95[0])) })),
      borderWidth: 0,
      pointRadius: 0,
      backgroundColor: BAND,
      fill: false,
      yAxisID: 'y',
    },
    {
      label: t('critical.chart.band'),
      data: curve.map((c) => ({ x: c.x, y: Math.min(100, pct(c.ci95[1])) })),
      borderWidth: 0,
      pointRadius: 0,
      backgroundColor: BAND,
      fill: '-1',
      yAxisID: 'y',
    },
    {
      label: t('critical.chart.mean'),
      data: curve.map((c) => ({ x: c.x, y: pct(c.mean) })),
      borderColor: OKABE_ITO.blue,
      backgroundColor: OKABE_ITO.blue,
      borderWidth: 2,
      pointRadius: 2,
      yAxisID: 'y',
    },
    {
      label: t('critical.chart.globalLine'),
      data: curve.map((c) => ({ x: c.x, y: 100 * c.globalFraction })),
      borderColor: OKABE_ITO.orange,
      backgroundColor: OKABE_ITO.orange,
      borderDash: [5, 3],
      borderWidth: 2,
      pointRadius: 2,
      yAxisID: 'y1',
    },
  ];
  // The strip of the tipping points is drawn by the plugin; this empty dataset gives it its legend entry.
  if (count > 1 && summary.critical.found > 0)
    datasets.push({
      label: t('critical.chart.range', { count }),
      data: [],
      borderColor: CRITICAL_BAND,
      backgroundColor: CRITICAL_BAND,
      borderWidth: 0,
      yAxisID: 'y',
    });
  const config: ChartConfiguration<'line', { x: number; y: number }[]> = {
    type: 'line',
    data: { datasets },
    options: {
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          ticks: { precision: r.vary === 'k' ? 0 : undefined },
          title: { display: true, text: varyLabel(r.vary) },
        },
        y: { min: 0, max: 100, position: 'left', title: { display: true, text: t('critical.chart.reach') } },
        y1: {
          min: 0,
          max: 100,
          position: 'right',
          grid: { drawOnChartArea: false },
          title: { display: true, text: t('critical.chart.global') },
        },
      },
      plugins: {
        legend: { labels: { filter: (item) => item.datasetIndex !== 0 } },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${fixed((item.raw as { y: number }).y, 1)}%`,
          },
        },
      },
    },
    plugins: [plugin],
  };
  return config as unknown as ChartConfiguration;
}
