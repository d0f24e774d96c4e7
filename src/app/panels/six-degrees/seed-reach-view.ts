/**
 * Six degrees from the current seeds: how many accounts lie within 1..6 hops of them (structure:
 * how far the post could travel if everyone passed it on, a BFS in the worker pool) beside how
 * many the last simulation reached within h hops along its activation chains (behaviour: the
 * Monte Carlo mean), as a bar chart and a small table (the numbers of `ripple reach`).
 */
import { SIX_DEGREES } from '../../../analysis/distance/seed-reach.ts';
import { el } from '../../dom.ts';
import { formatNumber, t } from '../../i18n.ts';
import type { AppContext } from '../../panels.ts';
import { toSeedPlan } from '../../seeds.ts';
import type { AppState } from '../../store.ts';
import { Chart } from '../../ui/charts.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { usePoolGraph } from '../pool-graph.ts';
import { seedsReach, simulatedByHop } from './analysis.ts';

export interface SeedReachView {
  element: HTMLElement;
  /** Bring the structural reach up to date with the seeds and graph (the panel became visible). */
  ensure(): void;
}

const HOPS = Array.from({ length: SIX_DEGREES }, (_, i) => String(i + 1));

export function seedReachView(ctx: AppContext): SeedReachView {
  const { store } = ctx;
  const status = el('p', { class: 'hint', 'data-testid': 'six-reach-status', role: 'status' });
  const canvas = el('canvas', { role: 'img', 'aria-label': t('six.reachTitle') });
  const figure = el(
    'figure',
    { class: 'chart', 'data-testid': 'six-seed-reach' },
    el('figcaption', {}, t('six.reachChart')),
    el('div', { class: 'canvas-box' }, canvas),
  );
  const body = el('tbody');
  const table = el(
    'table',
    { class: 'six-reach-table', 'data-testid': 'six-reach-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, t('six.hop')),
        el('th', { scope: 'col' }, t('six.structure')),
        el('th', { scope: 'col' }, t('six.behaviour')),
      ),
    ),
    body,
  );
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: HOPS,
      datasets: [
        { label: t('six.structure'), data: [] as number[], backgroundColor: OKABE_ITO.skyBlue },
        { label: t('six.behaviour'), data: [] as number[], backgroundColor: OKABE_ITO.vermillion },
      ],
    },
    options: {
      scales: {
        x: { title: { display: true, text: t('six.hops') } },
        y: { beginAtZero: true, title: { display: true, text: t('six.accounts') } },
      },
    },
  });

  let structural: { key: string; within: number[] } | null = null;
  let wanted = '';

  const keyOf = (s: AppState) => (s.graph ? `${s.graph.serial}|${JSON.stringify(s.scenario.seeds)}` : '');

  /** The last simulation's reach by hop when it ran on this graph, else null. */
  const simulated = (s: AppState) => {
    const r = s.result;
    if (!r || !s.graph || r.graphSerial !== s.graph.serial) return null;
    return simulatedByHop(r.summary.reachByHop);
  };

  const render = () => {
    const s = store.get();
    const n = s.graph?.loaded.csr.n ?? 0;
    const within = structural && structural.key === keyOf(s) ? structural.within : null;
    const sim = simulated(s);
    const pct = (x: number) => (n > 0 ? `${formatNumber((100 * x) / n, 1)}%` : '');
    const rows: HTMLTableRowElement[] = [];
    for (let h = 0; h <= SIX_DEGREES; h++) {
      const a = within ? within[h] : null;
      const b = sim ? sim[h] : null;
      rows.push(
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, h === 0 ? t('six.seedsRow') : String(h)),
          el(
            'td',
            { 'data-testid': `six-structural-${h}`, 'data-value': a === null ? '' : String(a) },
            a === null ? '–' : `${formatNumber(a)} (${pct(a)})`,
          ),
          el(
            'td',
            { 'data-testid': `six-simulated-${h}`, 'data-value': b === null ? '' : String(b) },
            b === null ? '–' : `${formatNumber(b, 1)} (${pct(b)})`,
          ),
        ),
      );
    }
    body.replaceChildren(...rows);
    table.dataset.ready = String(within !== null);
    chart.data.datasets[0].data = within ? within.slice(1) : [];
    chart.data.datasets[1].data = sim ? sim.slice(1) : [];
    chart.update('none');
    const r = s.result;
    if (!s.graph) status.textContent = '';
    else if (!sim) status.textContent = t('six.noRun');
    else if (r && JSON.stringify(r.scenario.seeds) !== JSON.stringify(s.scenario.seeds))
      status.textContent = t('six.otherSeeds', { runs: formatNumber(r.summary.runs) });
    else
      status.textContent = t('six.lastRun', {
        runs: formatNumber(r?.summary.runs ?? 0),
        model: r?.scenario.model ?? '',
      });
  };

  const update = async () => {
    const s = store.get();
    const graph = s.graph;
    const key = keyOf(s);
    if (!graph || key === wanted) return;
    wanted = key;
    const plan = toSeedPlan(s.scenario.seeds, graph.index);
    const seeds = plan.kind === 'groups' ? plan.groups.flatMap((g) => g.nodes) : [];
    if (seeds.length === 0) {
      structural = { key, within: new Array(SIX_DEGREES + 1).fill(0) };
      render();
      return;
    }
    try {
      usePoolGraph(ctx.pool, graph);
      const reach = await seedsReach(ctx.pool, seeds, {});
      if (wanted !== key) return;
      structural = { key, within: reach.within };
    } catch (error) {
      if (wanted !== key) return;
      wanted = '';
      status.textContent = t('six.error', { message: (error as Error).message });
      return;
    }
    render();
  };

  let visible = false;
  store.subscribe((s, prev) => {
    if (s.graph !== prev.graph || s.scenario.seeds !== prev.scenario.seeds) {
      if (visible) void update();
      render();
    } else if (s.result !== prev.result) render();
  });
  render();

  const element = el(
    'div',
    { class: 'six-reach' },
    el('h3', {}, t('six.reachTitle')),
    el('p', { class: 'hint' }, t('six.reachIntro')),
    status,
    figure,
    table,
  );
  return {
    element,
    ensure() {
      visible = true;
      void update();
    },
  };
}
