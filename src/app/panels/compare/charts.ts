/**
 * The kept results overlaid: adoption over time (mean active after each step) and reach by hop
 * (mean active within h hops of the seeds, h = 0..6, as `ripple reach`), one line per result in
 * the colour-blind-safe palette.
 */
import { SIX_DEGREES } from '../../../analysis/distance/seed-reach.ts';
import { el } from '../../dom.ts';
import { t } from '../../i18n.ts';
import { Chart } from '../../ui/charts.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { simulatedByHop } from '../six-degrees/analysis.ts';
import type { KeptResult } from './kept.ts';

const COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.green,
  OKABE_ITO.orange,
  OKABE_ITO.purple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];
const DASHES = [[], [6, 3], [2, 2]];

function lineChart(canvas: HTMLCanvasElement, xTitle: string): Chart<'line', number[], string> {
  return new Chart(canvas, {
    type: 'line',
    data: { labels: [], datasets: [] },
    options: {
      scales: {
        x: { title: { display: true, text: xTitle } },
        y: { beginAtZero: true, title: { display: true, text: t('compare.accounts') } },
      },
    },
  });
}

export function compareCharts(): { element: HTMLElement; update(items: readonly KeptResult[]): void } {
  const adoptionCanvas = el('canvas', { role: 'img', 'aria-label': t('compare.adoption') });
  const hopsCanvas = el('canvas', { role: 'img', 'aria-label': t('compare.hops') });
  const figure = (testid: string, title: string, canvas: HTMLCanvasElement) =>
    el(
      'figure',
      { class: 'chart', 'data-testid': testid },
      el('figcaption', {}, title),
      el('div', { class: 'canvas-box' }, canvas),
    );
  const element = el(
    'div',
    { class: 'compare-charts' },
    figure('compare-adoption', t('compare.adoption'), adoptionCanvas),
    figure('compare-hops', t('compare.hops'), hopsCanvas),
  );
  const adoption = lineChart(adoptionCanvas, t('compare.step'));
  const hops = lineChart(hopsCanvas, t('compare.hop'));
  const style = (i: number) => ({
    borderColor: COLORS[i % COLORS.length],
    backgroundColor: COLORS[i % COLORS.length],
    borderDash: DASHES[Math.floor(i / COLORS.length) % DASHES.length],
    borderWidth: 2,
    pointRadius: 2,
  });
  return {
    element,
    update(items) {
      element.hidden = items.length === 0;
      const steps = Math.max(1, ...items.map((k) => k.summary.adoptionByStep.length));
      adoption.data.labels = Array.from({ length: steps }, (_, i) => String(i));
      adoption.data.datasets = items.map((k, i) => {
        const curve = k.summary.adoptionByStep;
        const last = curve.length > 0 ? curve[curve.length - 1] : 0;
        // A cascade that stopped stays at its size: carry the last value to the common length.
        const data = Array.from({ length: steps }, (_, s) => (s < curve.length ? curve[s] : last));
        return { label: k.label, data, ...style(i) };
      });
      adoption.update('none');
      hops.data.labels = Array.from({ length: SIX_DEGREES + 1 }, (_, h) => String(h));
      hops.data.datasets = items.map((k, i) => ({
        label: k.label,
        data: simulatedByHop(k.summary.reachByHop),
        ...style(i),
      }));
      hops.update('none');
    },
  };
}
