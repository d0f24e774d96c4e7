/**
 * Rank agreement: how far a structural measure and simulated influence pick the same leaders.
 * The top-20 overlap, Spearman's rank correlation over all accounts, and a scatter chart of the
 * two ranks (all accounts on small graphs; the union of both top lists on large ones).
 */
import { ScatterController } from 'chart.js';
import type { MetricName } from '../../../analysis/centrality/index.ts';
import { el, labelled, select } from '../../dom.ts';
import { formatNumber, t } from '../../i18n.ts';
import { Chart } from '../../ui/charts.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import type { MetricBook } from './metric-book.ts';
import { STRUCTURAL } from './metric-book.ts';
import { averageRanks, orderBy, overlapOfOrders, rankCorrelation } from './ranking.ts';
import { metricLabel } from './table.ts';

Chart.register(ScatterController);

export const OVERLAP_K = 20;
/** Accounts plotted at most: all of them below this, else the union of both top lists. */
const MAX_POINTS = 2000;

export interface Agreement {
  overlap: number;
  k: number;
  rho: number | null;
  points: { x: number; y: number }[];
}

export function agreement(metric: Float64Array, influence: Float64Array, k = OVERLAP_K): Agreement {
  const n = metric.length;
  // Two sorts serve everything: the ranks, the top lists and the plotted subset.
  const om = orderBy(metric);
  const oi = orderBy(influence);
  const rm = averageRanks(metric, om);
  const ri = averageRanks(influence, oi);
  let nodes: Iterable<number>;
  if (n <= MAX_POINTS) nodes = rm.keys();
  else nodes = new Set([...om.subarray(0, MAX_POINTS / 2), ...oi.subarray(0, MAX_POINTS / 2)]);
  const points: { x: number; y: number }[] = [];
  for (const v of nodes) points.push({ x: rm[v], y: ri[v] });
  return {
    overlap: overlapOfOrders(om, oi, k),
    k: Math.min(k, n),
    rho: n < 2 ? null : rankCorrelation(rm, ri),
    points,
  };
}

export function agreementView(): { element: HTMLElement; update(book: MetricBook | null): void } {
  const choice = select(
    STRUCTURAL.map((m) => [m, metricLabel(m)] as [string, string]),
    'pagerank',
    { 'data-testid': 'agree-metric' },
  );
  const overlap = el('p', { 'data-testid': 'agree-overlap' });
  const rho = el('p', { 'data-testid': 'agree-spearman' });
  const empty = el('p', { class: 'hint' }, t('leaders.agree.none'));
  const canvas = el('canvas', { role: 'img', 'aria-label': t('leaders.agree.title') });
  const figure = el(
    'figure',
    { class: 'chart', 'data-testid': 'agree-chart', hidden: '' },
    el('figcaption', {}, t('leaders.agree.title')),
    el('div', { class: 'canvas-box' }, canvas),
    el('p', { class: 'hint' }, t('leaders.agree.explain')),
  );
  let chart: Chart<'scatter'> | null = null;
  let book: MetricBook | null = null;
  const element = el(
    'section',
    { class: 'agreement', 'data-testid': 'leaders-agreement' },
    el('h3', {}, t('leaders.agree.title')),
    labelled(t('leaders.agree.metric'), choice),
    empty,
    overlap,
    rho,
    figure,
  );
  const draw = () => {
    const metric = choice.value as MetricName;
    const scores = book?.get(metric) ?? null;
    const influence = book?.influence?.score ?? null;
    const ready = scores !== null && influence !== null;
    empty.hidden = ready;
    figure.hidden = !ready;
    if (!ready) {
      overlap.textContent = '';
      rho.textContent = '';
      return;
    }
    const a = agreement(scores, influence);
    overlap.textContent = t('leaders.agree.overlap', { k: a.k, common: a.overlap });
    rho.textContent = t('leaders.agree.spearman', { rho: a.rho === null ? '—' : formatNumber(a.rho, 3) });
    rho.dataset.value = a.rho === null ? '' : String(a.rho);
    overlap.dataset.value = String(a.overlap);
    const axis = (text: string) => ({ title: { display: true, text }, min: 1, reverse: false });
    if (!chart) {
      chart = new Chart(canvas, {
        type: 'scatter',
        data: {
          datasets: [
            { label: t('leaders.agree.points'), data: [], backgroundColor: OKABE_ITO.blue, pointRadius: 2 },
          ],
        },
        options: {
          plugins: { legend: { display: false } },
          scales: { x: axis(''), y: axis(t('leaders.agree.y')) },
        },
      });
    }
    // The chart in its own task, so the table's redraw and the chart never add up to one long task.
    const c = chart;
    setTimeout(() => {
      c.data.datasets[0].data = a.points;
      const x = c.options.scales?.x;
      if (x && 'title' in x && x.title) x.title.text = t('leaders.agree.x', { metric: metricLabel(metric) });
      c.update('none');
    }, 0);
  };
  choice.addEventListener('change', draw);
  return {
    element,
    update(next) {
      book = next;
      draw();
    },
  };
}
