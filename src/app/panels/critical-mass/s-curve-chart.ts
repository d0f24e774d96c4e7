/**
 * The S-curve of a sweep: mean reach (share of the network) with its 95% band on the left axis,
 * the share of runs that went global on the right axis, and vertical markers at the detected
 * tipping point and the theoretical one, drawn by a small chart.js plugin local to this chart.
 */
import type { Plugin } from 'chart.js';
import type { TippingResult } from '../../../analysis/tipping/types.ts';
import { el } from '../../dom.ts';
import { formatNumber, t } from '../../i18n.ts';
import { Chart } from '../../ui/charts.ts';
import { OKABE_ITO } from '../../view/palette.ts';

export interface Marker {
  x: number;
  label: string;
  color: string;
  dash: number[];
}

/** Draw a labelled vertical line at each marker's x (on the x scale), over the plot area. */
export function markerPlugin(markers: () => Marker[]): Plugin<'line'> {
  return {
    id: 'rippleMarkers',
    afterDatasetsDraw(chart) {
      const x = chart.scales.x;
      const { top, bottom, left, right } = chart.chartArea;
      const c = chart.ctx;
      markers().forEach((m, i) => {
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

const BAND = 'rgba(0, 114, 178, 0.2)';

export class SCurveChart {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private chart: Chart<'line', { x: number; y: number }[]> | null = null;
  private markers: Marker[] = [];

  constructor() {
    this.canvas = el('canvas', { role: 'img', 'aria-label': t('critical.chart.title') });
    this.element = el(
      'figure',
      { class: 'chart tall-chart', 'data-testid': 'critical-chart', hidden: '' },
      el('figcaption', {}, t('critical.chart.title')),
      el('div', { class: 'canvas-box' }, this.canvas),
    );
  }

  clear(): void {
    this.element.hidden = true;
    this.markers = [];
  }

  private ensure(): Chart<'line', { x: number; y: number }[]> {
    this.chart ??= new Chart<'line', { x: number; y: number }[]>(this.canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        parsing: false,
        scales: {
          x: { type: 'linear', title: { display: true, text: '' } },
          y: {
            min: 0,
            max: 100,
            position: 'left',
            title: { display: true, text: t('critical.chart.reach') },
          },
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
              label: (item) =>
                `${item.dataset.label ?? ''}: ${formatNumber((item.raw as { y: number }).y, 1)}%`,
            },
          },
        },
      },
      plugins: [markerPlugin(() => this.markers)],
    });
    return this.chart;
  }

  show(result: TippingResult, xLabel: string): void {
    this.element.hidden = false;
    const chart = this.ensure();
    const n = result.nodes;
    const pct = (v: number) => (100 * v) / n;
    const curve = result.curve;
    chart.data.datasets = [
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
    const x = chart.options.scales?.x;
    if (x?.title) x.title.text = xLabel;
    if (x?.ticks) (x.ticks as { precision?: number }).precision = result.vary === 'k' ? 0 : undefined;
    this.markers = [];
    if (result.critical !== null)
      this.markers.push({
        x: result.critical,
        label: t('critical.chart.critical', {
          x: formatNumber(result.critical, result.vary === 'k' ? 0 : 3),
        }),
        color: OKABE_ITO.vermillion,
        dash: [],
      });
    if (result.theory !== null)
      this.markers.push({
        x: result.theory,
        label: t('critical.chart.theory', { x: formatNumber(result.theory, 3) }),
        color: OKABE_ITO.black,
        dash: [6, 4],
      });
    chart.update('none');
  }
}
