/**
 * The Leaders tab: who are the opinion leaders, by every centrality measure and by simulated
 * influence? Light metrics are computed in a worker when the tab is first shown; betweenness,
 * closeness and influence on request, with progress and cancel. Rows focus accounts on the graph
 * and add them to the seeds; the graph can be coloured and sized by any metric; the agreement
 * view compares a structural measure with the simulation.
 */
import './leaders.css';
import type { MetricName } from '../../../analysis/centrality/index.ts';
import { el, labelled, select } from '../../dom.ts';
import { downloadText, fileStem, sourceFileName } from '../../export/download.ts';
import { formatNumber, t } from '../../i18n.ts';
import type { AppContext, AppModule, PanelDef } from '../../panels.ts';
import { modelParams } from '../../run.ts';
import { addSeeds, allSeedIds } from '../../seeds.ts';
import type { GraphState } from '../../state/types.ts';
import { activeSeedGroup } from '../../ui/seeds-panel.ts';
import { TaskBar } from '../../ui/task-bar.ts';
import { communitiesPanel } from '../communities/module.ts';
import { agreementView } from './agreement.ts';
import { computeHeavy, computeInfluence, computeLight } from './compute.ts';
import { leadersCsv } from './leaders-csv.ts';
import { bookOf, HEAVY, LIGHT, type MetricBook } from './metric-book.ts';
import { applyMetricDisplay, legendBox, type MetricDisplay, percentiles } from './metric-overlay.ts';
import { COLUMNS, LeadersTable, metricLabel } from './table.ts';

export const FOCUS_LAYER = 'leaders-focus';
export const INFLUENCE_SETS = 10_000;

/** Focus an account on the graph: centre the camera on it and highlight it. */
export function focusNode(ctx: AppContext, index: number): boolean {
  const view = ctx.view();
  if (!view?.isDrawn(index)) return false;
  view.setLayer(FOCUS_LAYER, (i, d) =>
    i === index ? { highlighted: true, forceLabel: true, zIndex: 3, size: (d.size ?? 3) * 1.4 + 3 } : {},
  );
  view.focus(index);
  return true;
}

const leadersPanel: PanelDef = {
  id: 'leaders',
  title: 'leaders.title',
  order: 50,
  mount(container, ctx) {
    const { store } = ctx;
    const job = new TaskBar({
      testid: 'leaders-job',
      cancelled: 'leaders.job.cancelled',
      error: 'leaders.job.error',
    });
    const message = el('p', { class: 'hint', role: 'status', 'data-testid': 'leaders-message' });
    const notes = el('p', { class: 'hint', 'data-testid': 'leaders-notes' });
    const heavy = el('button', { type: 'button', 'data-testid': 'leaders-heavy' }, t('leaders.heavy'));
    const sets = el('input', {
      type: 'number',
      min: '100',
      max: '10000000',
      step: '1000',
      value: String(INFLUENCE_SETS),
      'data-testid': 'leaders-sets',
    });
    const influence = el(
      'button',
      { type: 'button', 'data-testid': 'leaders-influence' },
      t('leaders.influence'),
    );
    const influenceHelp = el('p', { class: 'hint' });
    const exportButton = el(
      'button',
      { type: 'button', 'data-testid': 'leaders-export' },
      t('leaders.export'),
    );
    const none: [string, string] = ['', t('leaders.view.none')];
    const metricOptions = COLUMNS.map((m) => [m, metricLabel(m)] as [string, string]);
    const colorBy = select([none, ...metricOptions], '', { 'data-testid': 'leaders-color' });
    const sizeBy = select([none, ...metricOptions], '', { 'data-testid': 'leaders-size' });
    const legend = legendBox();
    ctx.stage.append(legend.element);

    let graph: GraphState | null = null;
    let book: MetricBook | null = null;
    let unlisten: (() => void) | null = null;

    const table = new LeadersTable({
      onFocus: (index) => {
        if (!graph) return;
        const id = graph.loaded.ids[index];
        message.textContent = focusNode(ctx, index)
          ? t('leaders.focused', { id })
          : t('leaders.notDrawn', { id });
        container.dataset.focused = id;
      },
      onAddSeed: (index) => {
        if (!graph) return;
        const id = graph.loaded.ids[index];
        const group = activeSeedGroup();
        store.patchScenario({ seeds: addSeeds(store.get().scenario.seeds, [id], group) });
        message.textContent = t('leaders.added', { id, group: group + 1 });
      },
      isSeed: (index) =>
        graph ? allSeedIds(store.get().scenario.seeds).has(graph.loaded.ids[index]) : false,
    });
    const agree = agreementView();

    const influenceKey = () => {
      const g = store.get().graph;
      if (!g) return null;
      try {
        return JSON.stringify(modelParams(store.get().scenario, g));
      } catch {
        return null;
      }
    };

    const showDisplay = () => {
      const pick = (value: string): MetricDisplay['color'] => {
        const scores = value && book ? book.get(value as MetricName) : null;
        return scores ? { metric: value as MetricName, q: percentiles(scores) } : null;
      };
      const display: MetricDisplay = { color: pick(colorBy.value), size: pick(sizeBy.value) };
      applyMetricDisplay(ctx.view(), display);
      legend.update(display);
    };

    const showNotes = () => {
      const lines: string[] = [];
      if (book?.betweennessSamples)
        lines.push(t('leaders.sampled', { samples: formatNumber(book.betweennessSamples) }));
      for (const m of book?.unconverged ?? [])
        lines.push(t('leaders.notConverged', { metric: metricLabel(m) }));
      if (book?.influence && book.influence.key !== influenceKey()) lines.push(t('leaders.influence.stale'));
      notes.textContent = lines.join(' ');
      const scenario = store.get().scenario;
      influenceHelp.textContent = t('leaders.influence.help', {
        model: t(`model.${scenario.model}`),
        sets: formatNumber(Number(sets.value) || INFLUENCE_SETS),
      });
      heavy.disabled = !book || HEAVY.every((m) => book?.has(m));
      exportButton.disabled = !book;
      for (const s of [colorBy, sizeBy])
        for (const option of s.options)
          option.disabled = option.value !== '' && !book?.has(option.value as MetricName);
    };

    const bookChanged = () => {
      table.refresh();
      agree.update(book);
      showDisplay();
      showNotes();
    };

    const lightNow = () => {
      const g = graph;
      const b = book;
      if (!g || !b || container.hidden || job.running || LIGHT.every((m) => b.has(m))) return;
      if (store.get().run.state === 'running') return;
      void job.run(t('leaders.job.light'), (options) => computeLight(ctx.pool, g.loaded.csr, b, options));
    };

    const showGraph = (next: GraphState | null) => {
      if (next === graph) return;
      job.cancel();
      unlisten?.();
      graph = next;
      book = next ? bookOf(next) : null;
      unlisten = book ? book.onChange(bookChanged) : null;
      table.show(graph, book);
      message.textContent = '';
      delete container.dataset.focused;
      bookChanged();
      lightNow();
    };

    heavy.addEventListener('click', () => {
      const g = graph;
      const b = book;
      if (!g || !b) return;
      void (async () => {
        for (const metric of HEAVY) {
          if (b.has(metric)) continue;
          const label = metric === 'betweenness' ? t('leaders.job.betweenness') : t('leaders.job.closeness');
          const ok = await job.run(label, (options) =>
            computeHeavy(ctx.pool, g.loaded.csr, metric, b, options).then(() => true),
          );
          if (!ok || graph !== g) return;
        }
      })();
    });

    influence.addEventListener('click', () => {
      const g = graph;
      const b = book;
      if (!g || !b) return;
      const scenario = store.get().scenario;
      if (!['ic', 'wc', 'lt'].includes(scenario.model)) {
        message.textContent = t('leaders.influence.model');
        return;
      }
      const count = Math.max(100, Math.min(10_000_000, Math.floor(Number(sets.value) || INFLUENCE_SETS)));
      void job.run(t('leaders.job.influence'), async (options) => {
        const params = modelParams(scenario, g);
        const scores = await computeInfluence(
          ctx.pool,
          g.loaded.csr,
          params,
          count,
          scenario.rngSeed,
          options,
        );
        b.setInfluence({ ...scores, key: JSON.stringify(params) });
      });
    });

    exportButton.addEventListener('click', () => {
      if (!graph || !book) return;
      const file = `${fileStem(sourceFileName(graph.source))}-leaders.csv`;
      downloadText(leadersCsv(graph, book, table.visibleOrder()), file, 'text/csv');
      message.textContent = t('leaders.exported', { file });
    });

    colorBy.addEventListener('change', showDisplay);
    sizeBy.addEventListener('change', showDisplay);
    sets.addEventListener('change', showNotes);

    container.append(
      el('p', { class: 'hint' }, t('leaders.intro')),
      job.element,
      el('div', { class: 'row' }, heavy),
      el('p', { class: 'hint' }, t('leaders.heavy.help')),
      el('div', { class: 'row' }, labelled(t('leaders.influence.sets'), sets, 'field inline'), influence),
      influenceHelp,
      notes,
      message,
      table.element,
      el('div', { class: 'row' }, exportButton),
      el(
        'fieldset',
        { class: 'group' },
        el('legend', {}, t('leaders.view.title')),
        labelled(t('leaders.view.color'), colorBy, 'field inline'),
        labelled(t('leaders.view.size'), sizeBy, 'field inline'),
      ),
      agree.element,
    );

    store.select((s) => s.graph, showGraph);
    store.select(
      (s) => s.scenario.seeds,
      () => table.redrawPage(),
    );
    store.select((s) => s.scenario, showNotes);
    store.select((s) => s.run.state, lightNow);
    ctx.onView(() => showDisplay());
    table.setShown(!container.hidden);
    new MutationObserver(() => {
      table.setShown(!container.hidden);
      lightNow();
    }).observe(container, { attributes: true, attributeFilter: ['hidden'] });
    showGraph(store.get().graph);
  },
};

/** The opinion-leaders module: the Leaders tab and the Communities tab (which shares its metrics). */
export const leadersModule: AppModule = {
  id: 'leaders',
  mount(ctx) {
    ctx.registerPanel(leadersPanel);
    ctx.registerPanel(communitiesPanel);
  },
};
