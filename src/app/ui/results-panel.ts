/**
 * The Results tab: mean reach with its 95% CI and share of the network; simulated reach by hop
 * beside the structural reach of the same seeds; adoption over time with its 95% band; the
 * cascade-size histogram (two humps when cascades either die at once or take off).
 */

import { reachableCount, seedReach } from '../../analysis/distance/seed-reach.ts';
import { el } from '../dom.ts';
import { formatNumber, t } from '../i18n.ts';
import type { PanelDef } from '../panels.ts';
import type { AppState, RunResult } from '../store.ts';
import { OKABE_ITO } from '../view/palette.ts';
import { Chart } from './charts.ts';

export const MAX_HOP = 6;

/** Simulated reach within h hops for h = 1..5 and "6+" (everything), from the summary. */
export function hopSeries(reachByHop: number[], mean: number): number[] {
  const out: number[] = [];
  for (let h = 1; h < MAX_HOP; h++) out.push(reachByHop[Math.min(h, reachByHop.length - 1)] ?? 0);
  out.push(mean);
  return out;
}

function figure(testid: string, title: string, canvas: HTMLCanvasElement, note?: HTMLElement): HTMLElement {
  const box = el('figure', { class: 'chart', 'data-testid': testid }, el('figcaption', {}, title));
  box.append(el('div', { class: 'canvas-box' }, canvas));
  if (note) box.append(note);
  return box;
}

export const resultsPanel: PanelDef = {
  id: 'results',
  title: 'tab.results',
  order: 40,
  mount(container, ctx) {
    const { store } = ctx;
    const numbers = el('dl', { class: 'numbers', 'data-testid': 'result-numbers' });
    const hopCanvas = el('canvas', { role: 'img', 'aria-label': t('result.hops') });
    const adoptionCanvas = el('canvas', { role: 'img', 'aria-label': t('result.adoption') });
    const sizesCanvas = el('canvas', { role: 'img', 'aria-label': t('result.sizes') });
    const sizesNote = el('p', { class: 'hint', 'data-testid': 'sizes-note' });
    const logScale = el('input', { type: 'checkbox', 'data-testid': 'sizes-log' });
    const logRow = el('label', { class: 'choice' }, logScale, ` ${t('result.sizes.log')}`);
    const empty = el('p', { class: 'hint' }, t('result.none'));
    const figures = el(
      'div',
      { class: 'figures', hidden: '' },
      figure('reach-by-hop', t('result.hops'), hopCanvas),
      figure('adoption-curve', t('result.adoption'), adoptionCanvas),
      figure('size-histogram', t('result.sizes'), sizesCanvas, el('div', {}, sizesNote, logRow)),
    );
    container.append(empty, numbers, figures);

    const makeCharts = () => ({
      hops: new Chart(hopCanvas, {
        type: 'bar',
        data: {
          labels: ['1', '2', '3', '4', '5', '6+'],
          datasets: [
            {
              label: t('result.hops.simulated'),
              data: [] as number[],
              backgroundColor: OKABE_ITO.vermillion,
            },
            { label: t('result.hops.structural'), data: [] as number[], backgroundColor: OKABE_ITO.skyBlue },
          ],
        },
        options: {
          scales: {
            x: { title: { display: true, text: t('result.hops.axis') } },
            y: { beginAtZero: true, title: { display: true, text: t('result.accounts') } },
          },
        },
      }),
      adoption: new Chart(adoptionCanvas, {
        type: 'line',
        data: {
          labels: [] as string[],
          datasets: [
            {
              label: t('result.adoption.band'),
              data: [] as number[],
              borderWidth: 0,
              pointRadius: 0,
              backgroundColor: 'rgba(0, 114, 178, 0.2)',
              fill: false,
            },
            {
              label: t('result.adoption.band'),
              data: [] as number[],
              borderWidth: 0,
              pointRadius: 0,
              backgroundColor: 'rgba(0, 114, 178, 0.2)',
              fill: '-1',
            },
            {
              label: t('result.adoption.mean'),
              data: [] as number[],
              borderColor: OKABE_ITO.blue,
              backgroundColor: OKABE_ITO.blue,
              pointRadius: 0,
              borderWidth: 2,
            },
          ],
        },
        options: {
          plugins: {
            legend: { labels: { filter: (item) => item.datasetIndex !== 0 } },
          },
          scales: {
            x: { title: { display: true, text: t('result.adoption.axis') } },
            y: { beginAtZero: true, title: { display: true, text: t('result.accounts') } },
          },
        },
      }),
      sizes: new Chart(sizesCanvas, {
        type: 'bar',
        data: {
          labels: [] as string[],
          datasets: [
            { label: t('result.sizes.count'), data: [] as number[], backgroundColor: OKABE_ITO.orange },
          ],
        },
        options: {
          plugins: { legend: { display: false } },
          scales: {
            x: { title: { display: true, text: t('result.sizes.axis') } },
            y: { beginAtZero: true, title: { display: true, text: t('result.sizes.count') } },
          },
        },
      }),
    });

    // Made at once (hidden until the first result), so showing a result only updates them.
    const charts = makeCharts();
    logScale.addEventListener('change', () => {
      const y = charts.sizes.options.scales?.y;
      if (y) y.type = logScale.checked ? 'logarithmic' : 'linear';
      charts.sizes.update('none');
    });
    const render = (result: RunResult | null, state: AppState) => {
      const graph = state.graph;
      if (!result || !graph || result.graphSerial !== graph.serial) {
        empty.hidden = false;
        figures.hidden = true;
        numbers.replaceChildren();
        return;
      }
      empty.hidden = true;
      figures.hidden = false;
      const s = result.summary;
      const n = graph.loaded.csr.n;
      const row = (term: string, value: string, testid: string) => [
        el('dt', {}, term),
        el('dd', { 'data-testid': testid }, value),
      ];
      numbers.replaceChildren(
        ...row(
          t('result.mean'),
          t('result.meanCi', { mean: s.mean.toFixed(2), lo: s.ci95[0].toFixed(2), hi: s.ci95[1].toFixed(2) }),
          'result-mean',
        ),
        ...row('%', `${((100 * s.mean) / n).toFixed(2)}%`, 'result-share'),
        ...row(t('result.sizes.count'), formatNumber(s.runs), 'result-runs'),
      );
      const seeds = result.seedGroups.flatMap((g) => g.nodes);
      const within = seedReach(graph.loaded.csr, seeds, MAX_HOP - 1).within;
      const all = reachableCount(graph.loaded.csr, seeds);
      // One chart per task, so showing a result never blocks the page for long.
      const c = charts;
      const later = (fn: () => void) => setTimeout(fn, 0);
      later(() => {
        c.hops.data.datasets[0].data = hopSeries(s.reachByHop, s.mean);
        c.hops.data.datasets[1].data = [...within.slice(1), all];
        c.hops.update('none');
      });
      later(() => {
        const steps = s.adoptionByStep.map((_, i) => String(i));
        c.adoption.data.labels = steps;
        c.adoption.data.datasets[0].data = s.adoptionByStepCi95.map((b) => b[0]);
        c.adoption.data.datasets[1].data = s.adoptionByStepCi95.map((b) => b[1]);
        c.adoption.data.datasets[2].data = s.adoptionByStep;
        c.adoption.update('none');
      });
      later(() => {
        const bins = s.sizes.histogram;
        c.sizes.data.labels = bins.map((b) => (b.from === b.to ? String(b.from) : `${b.from}–${b.to}`));
        c.sizes.data.datasets[0].data = bins.map((b) => b.count);
        c.sizes.update('none');
      });
      sizesNote.textContent = t('result.sizes.note', {
        min: formatNumber(s.sizes.min),
        median: formatNumber(s.sizes.median, 1),
        max: formatNumber(s.sizes.max),
      });
    };
    store.select(
      (s) => s.result,
      (result) => render(result, store.get()),
    );
    store.select(
      (s) => s.graph,
      () => render(store.get().result, store.get()),
    );
  },
};
