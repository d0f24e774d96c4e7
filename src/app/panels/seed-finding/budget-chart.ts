/**
 * The budget-curve chart: expected reach of the first k suggested seeds, k = 1..K, one line per
 * method run so far on the same graph and model, so the strategist sees what each extra account
 * buys and how the methods compare. Tooltips give the 95% interval of each point.
 */
import type { BudgetPoint } from '../../../seeding/budget-curve.ts';
import type { SeedMethod } from '../../../seeding/find-seeds.ts';
import { el } from '../../dom.ts';
import { formatNumber, t } from '../../i18n.ts';
import { Chart } from '../../ui/charts.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { methodLabel } from './form.ts';

/** A fixed colour (and dash for the random baseline) per method, from the Okabe–Ito palette. */
const STYLE: Record<SeedMethod, { color: string; dash: number[] }> = {
  imm: { color: OKABE_ITO.blue, dash: [] },
  celf: { color: OKABE_ITO.vermillion, dash: [] },
  degree: { color: OKABE_ITO.orange, dash: [] },
  'degree-discount': { color: OKABE_ITO.skyBlue, dash: [] },
  pagerank: { color: OKABE_ITO.green, dash: [] },
  community: { color: OKABE_ITO.purple, dash: [] },
  random: { color: OKABE_ITO.black, dash: [6, 4] },
};

interface Line {
  method: SeedMethod;
  curve: BudgetPoint[];
}

export class BudgetChart {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly note: HTMLElement;
  private chart: Chart<'line', { x: number; y: number }[]> | null = null;
  private lines: Line[] = [];
  private readonly thead = el('thead');
  private readonly tbody = el('tbody');

  constructor() {
    this.canvas = el('canvas', { role: 'img', 'aria-label': t('seedfind.curve.title') });
    this.note = el('p', { class: 'hint', 'data-testid': 'seedfind-curve-note' });
    this.element = el(
      'figure',
      { class: 'chart tall-chart', 'data-testid': 'seedfind-budget-chart', 'data-methods': '', hidden: '' },
      el('figcaption', {}, t('seedfind.curve.title')),
      el('div', { class: 'canvas-box' }, this.canvas),
      this.note,
      el(
        'details',
        { 'data-testid': 'seedfind-curve-table' },
        el('summary', {}, t('seedfind.curve.table')),
        el('table', { class: 'data' }, this.thead, this.tbody),
      ),
    );
  }

  /** Forget every line (another graph, or other model settings). */
  clear(): void {
    this.lines = [];
    this.render();
  }

  /** Add a method's curve, replacing that method's earlier one. */
  set(method: SeedMethod, curve: BudgetPoint[]): void {
    this.lines = [...this.lines.filter((l) => l.method !== method), { method, curve }];
    this.render();
  }

  private ensureChart(): Chart<'line', { x: number; y: number }[]> {
    this.chart ??= new Chart<'line', { x: number; y: number }[]>(this.canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        parsing: false,
        scales: {
          x: {
            type: 'linear',
            ticks: { precision: 0 },
            title: { display: true, text: t('seedfind.curve.x') },
          },
          y: { beginAtZero: true, title: { display: true, text: t('seedfind.curve.y') } },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) => {
                const line = this.lines[item.datasetIndex];
                const point = line?.curve[item.dataIndex];
                if (!point) return '';
                return t('seedfind.curve.tooltip', {
                  method: methodLabel(line.method),
                  k: point.k,
                  spread: formatNumber(point.spread, 1),
                  lo: formatNumber(point.ci95[0], 1),
                  hi: formatNumber(point.ci95[1], 1),
                });
              },
            },
          },
        },
      },
    });
    return this.chart;
  }

  private render(): void {
    this.element.hidden = this.lines.length === 0;
    this.element.dataset.methods = this.lines.map((l) => l.method).join(',');
    if (this.lines.length === 0) {
      this.note.textContent = '';
      if (this.chart) {
        this.chart.data.datasets = [];
        this.chart.update('none');
      }
      return;
    }
    const chart = this.ensureChart();
    chart.data.datasets = this.lines.map((l) => ({
      label: methodLabel(l.method),
      data: l.curve.map((p) => ({ x: p.k, y: p.spread })),
      borderColor: STYLE[l.method].color,
      backgroundColor: STYLE[l.method].color,
      borderDash: STYLE[l.method].dash,
      borderWidth: 2,
      pointRadius: l.curve.length > 40 ? 0 : 2,
    }));
    chart.update('none');
    this.renderTable();
    const last = this.lines[this.lines.length - 1];
    const c = last.curve;
    this.note.textContent =
      c.length >= 2
        ? t('seedfind.curve.marginal', {
            method: methodLabel(last.method),
            k: c.length,
            prev: c.length - 1,
            gain: formatNumber(c[c.length - 1].spread - c[c.length - 2].spread, 1),
            first: formatNumber(c[0].spread, 1),
          })
        : '';
  }

  /** The same numbers as a table: one row per k, one column per method (spread and 95% CI). */
  private renderTable(): void {
    this.thead.replaceChildren(
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'k'),
        ...this.lines.map((l) => el('th', { scope: 'col' }, methodLabel(l.method))),
      ),
    );
    const rows = Math.max(0, ...this.lines.map((l) => l.curve.length));
    const body: HTMLTableRowElement[] = [];
    for (let i = 0; i < rows; i++) {
      body.push(
        el(
          'tr',
          {},
          el('td', {}, formatNumber(i + 1)),
          ...this.lines.map((l) => {
            const p = l.curve[i];
            return el(
              'td',
              {},
              p
                ? `${formatNumber(p.spread, 1)} (${formatNumber(p.ci95[0], 1)} – ${formatNumber(p.ci95[1], 1)})`
                : '',
            );
          }),
        ),
      );
    }
    this.tbody.replaceChildren(...body);
  }
}
