/**
 * How small is this world? The hop plot of the whole graph (ordered pairs within h hops, or their
 * cumulative share), the average distance, the effective diameter and the diameter, computed in
 * the worker pool with progress and cancel; HyperANF estimates carry their flag and error.
 */
import type { ComponentHopPlot, HopPlotMode } from '../../../analysis/distance/component-hop-plot.ts';
import { el, labelled, select } from '../../dom.ts';
import { formatNumber, t } from '../../i18n.ts';
import type { AppContext } from '../../panels.ts';
import type { GraphState } from '../../store.ts';
import { Chart } from '../../ui/charts.ts';
import { TaskBar } from '../../ui/task-bar.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { usePoolGraph } from '../pool-graph.ts';
import { graphDistances } from './analysis.ts';

export interface DistancesView {
  element: HTMLElement;
  /** Compute for the graph on screen unless already done (the panel became visible). */
  ensure(): void;
}

export function distancesView(ctx: AppContext): DistancesView {
  const { store } = ctx;
  const mode = select(
    [
      ['auto', t('six.mode.auto')],
      ['exact', t('six.mode.exact')],
      ['approx', t('six.mode.approx')],
    ],
    'auto',
    { 'data-testid': 'six-mode' },
  );
  const compute = el('button', { type: 'button', 'data-testid': 'six-compute' }, t('six.compute'));
  const bar = new TaskBar({
    testid: 'six',
    cancelled: 'six.cancelled',
    error: 'six.error',
    whileRunning: 'replace',
  });
  const numbers = el('dl', { class: 'numbers', 'data-testid': 'six-numbers', hidden: '' });
  const approx = el('p', { class: 'hint', 'data-testid': 'six-approx', hidden: '' });
  const scale = select(
    [
      ['pairs', t('six.scale.pairs')],
      ['share', t('six.scale.share')],
    ],
    'pairs',
    { 'data-testid': 'six-scale' },
  );
  const canvas = el('canvas', { role: 'img', 'aria-label': t('six.hopPlot') });
  const figure = el(
    'figure',
    { class: 'chart', 'data-testid': 'six-hop-plot', hidden: '' },
    el('figcaption', {}, t('six.hopPlot')),
    labelled(t('six.scale'), scale, 'field inline'),
    el('div', { class: 'canvas-box' }, canvas),
  );
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: [] as string[],
      datasets: [
        {
          label: t('six.scale.pairs'),
          data: [] as number[],
          borderColor: OKABE_ITO.blue,
          backgroundColor: OKABE_ITO.blue,
          borderWidth: 2,
        },
      ],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: {
        x: { title: { display: true, text: t('six.hops') } },
        y: { beginAtZero: true, title: { display: true, text: t('six.scale.pairs') } },
      },
    },
  });

  let shown: { serial: number; mode: string; result: ComponentHopPlot } | null = null;
  let pendingSerial = -1;

  const drawChart = () => {
    if (!shown) return;
    const plot = shown.result.hopPlot;
    const total = plot[plot.length - 1] || 1;
    const share = scale.value === 'share';
    chart.data.labels = plot.map((_, h) => String(h));
    chart.data.datasets[0].data = share ? plot.map((x) => (100 * x) / total) : plot;
    chart.data.datasets[0].label = share ? t('six.scale.share') : t('six.scale.pairs');
    const y = chart.options.scales?.y;
    if (y && 'title' in y && y.title) y.title.text = share ? t('six.scale.share') : t('six.scale.pairs');
    chart.update('none');
  };

  const render = (r: ComponentHopPlot, graph: GraphState) => {
    const row = (term: string, value: string, testid: string, extra: Record<string, string> = {}) => [
      el('dt', {}, term),
      el('dd', { 'data-testid': testid, ...extra }, value),
    ];
    const pairs = r.hopPlot[r.hopPlot.length - 1] - r.hopPlot[0];
    const approxMark = r.approximate ? '≈ ' : '';
    numbers.replaceChildren(
      ...row(
        t('six.avgDistance'),
        r.avgDistance === null ? '–' : `${approxMark}${formatNumber(r.avgDistance, 2)}`,
        'six-avg',
      ),
      ...row(t('six.effective'), `${approxMark}${formatNumber(r.effectiveDiameter, 2)}`, 'six-effective'),
      ...row(t('six.diameter'), `${r.approximate ? '≥ ' : ''}${formatNumber(r.diameter)}`, 'six-diameter', {
        'data-value': String(r.diameter),
        'data-approximate': String(r.approximate),
      }),
      ...row(
        t('six.component'),
        t('six.componentValue', {
          nodes: formatNumber(r.distanceNodes),
          total: formatNumber(graph.loaded.csr.n),
          pairs: formatNumber(pairs),
        }),
        'six-component',
      ),
    );
    numbers.hidden = false;
    approx.hidden = false;
    approx.textContent = r.approximate
      ? t('six.approxNote', {
          registers: formatNumber(r.hyperAnfRegisters ?? 0),
          error: formatNumber(100 * (r.relativeError ?? 0), 1),
        })
      : t('six.exactNote');
    approx.dataset.approximate = String(r.approximate);
    figure.hidden = false;
    drawChart();
  };

  const clear = () => {
    shown = null;
    numbers.hidden = true;
    approx.hidden = true;
    figure.hidden = true;
  };

  const start = async () => {
    const graph = store.get().graph;
    if (!graph) return;
    // Wait for a running simulation: the pool's cancel stops every busy worker of the pool.
    if (ctx.runner.running) {
      pendingSerial = graph.serial;
      return;
    }
    pendingSerial = -1;
    const chosen = mode.value as HopPlotMode;
    usePoolGraph(ctx.pool, graph);
    const result = await bar.run(t('six.computing'), (options) =>
      graphDistances(ctx.pool, graph.loaded.csr, chosen, options),
    );
    if (!result || store.get().graph !== graph) return;
    shown = { serial: graph.serial, mode: chosen, result };
    render(result, graph);
  };

  compute.addEventListener('click', () => void start());
  scale.addEventListener('change', drawChart);
  store.select(
    (s) => s.graph,
    () => {
      bar.cancel();
      clear();
    },
  );
  store.select(
    (s) => s.run.state,
    (state) => {
      const graph = store.get().graph;
      if (state !== 'running' && graph && pendingSerial === graph.serial) void start();
    },
  );

  const element = el(
    'div',
    { class: 'six-distances' },
    el('h3', {}, t('six.graphTitle')),
    el('p', { class: 'hint' }, t('six.intro')),
    el('div', { class: 'row' }, labelled(t('six.mode'), mode, 'field inline'), compute),
    bar.element,
    numbers,
    approx,
    figure,
  );
  return {
    element,
    ensure() {
      const graph = store.get().graph;
      if (!graph || bar.running) return;
      if (shown && shown.serial === graph.serial) return;
      void start();
    },
  };
}
