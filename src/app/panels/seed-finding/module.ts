/**
 * The "Suggest seeds" tab: choose K seed accounts with IMM, CELF (small graphs), degree, degree
 * discount, PageRank, community spread or at random (src/seeding/find-seeds.ts, the same code and
 * random streams as `ripple seeds`, in the page's worker pool), show them on the graph and in a
 * list that can become the scenario's seeds, their expected reach with its 95% interval from fresh
 * Monte Carlo runs, and the budget curve of every method run so far on one chart.
 */
import './seed-finding.css';
import { resolveParams } from '../../../diffusion/defaults.ts';
import { type FoundSeeds, findSeeds, type SeedPhase } from '../../../seeding/find-seeds.ts';
import { el } from '../../dom.ts';
import { formatNumber, t } from '../../i18n.ts';
import type { AppContext, AppModule, PanelDef } from '../../panels.ts';
import type { GraphState } from '../../state/types.ts';
import { TaskBar } from '../../ui/task-bar.ts';
import { usePoolGraph } from '../pool-graph.ts';
import { BudgetChart } from './budget-chart.ts';
import { methodLabel, SeedFindForm, type SeedFindSettings } from './form.ts';
import { SuggestionList } from './suggestion-list.ts';

export const HIGHLIGHT_LAYER = 'seed-finding';

/**
 * RR sets per Monte Carlo run for the budget curves of methods other than IMM: an RR set costs
 * about a single-seed cascade, far less than a run from K seeds, and one batch serves all k, so
 * five per run keep the curve's 95% intervals within ±1% of n (10,000 sets) at a similar cost.
 */
export const CURVE_SETS_PER_RUN = 5;

function phaseLabel(phase: SeedPhase): string {
  switch (phase.name) {
    case 'choosing':
      return t('seedfind.phase.choosing');
    case 'sampling':
      return t('seedfind.phase.sampling', { sets: formatNumber(phase.sets) });
    case 'selection':
      return t('seedfind.phase.selection', { sets: formatNumber(phase.sets) });
    case 'celf':
      return t(phase.first ? 'seedfind.phase.celfFirst' : 'seedfind.phase.celf');
    case 'budget':
      return t('seedfind.phase.budget');
    case 'measuring':
      return t('seedfind.phase.measuring');
  }
}

/** What the budget curves on the chart share: graph, model and probability. */
function curveKey(graph: GraphState, s: SeedFindSettings): string {
  return JSON.stringify([graph.serial, s.model, s.model === 'ic' ? s.p : null]);
}

const seedFindingPanel: PanelDef = {
  id: 'seed-finding',
  title: 'seedfind.title',
  order: 60,
  mount(container, ctx: AppContext) {
    const { store } = ctx;
    const form = new SeedFindForm(store);
    const task = new TaskBar({
      testid: 'seedfind-task',
      cancelled: 'seedfind.cancelled',
      error: 'seedfind.error',
    });
    const suggest = el(
      'button',
      { type: 'button', class: 'primary', 'data-testid': 'seedfind-run' },
      t('seedfind.run'),
    );
    const formError = el('p', { class: 'error', role: 'alert', 'data-testid': 'seedfind-error' });
    const list = new SuggestionList(ctx);
    const chart = new BudgetChart();
    container.append(
      el('p', { class: 'help' }, t('seedfind.intro')),
      form.element,
      el('div', { class: 'row' }, suggest),
      formError,
      task.element,
      list.element,
      chart.element,
    );

    let shownKey: string | null = null;
    let highlighted: number[] = [];
    const applyHighlight = () => {
      const view = ctx.view();
      if (!view) return;
      if (highlighted.length === 0 || !list.highlightOn) {
        view.setLayer(HIGHLIGHT_LAYER, null);
        return;
      }
      const chosen = new Set(highlighted);
      view.setLayer(HIGHLIGHT_LAYER, (i, d) =>
        chosen.has(i)
          ? {
              color: list.color,
              highlighted: true,
              forceLabel: true,
              zIndex: 3,
              size: (d.size ?? 3) * 1.3 + 3,
            }
          : {},
      );
    };
    list.onHighlightChange = applyHighlight;
    ctx.onView(() => applyHighlight());

    const onGraph = (graph: GraphState | null) => {
      form.setGraph(graph);
      task.cancel();
      list.clear();
      chart.clear();
      shownKey = null;
      highlighted = [];
      applyHighlight();
      suggest.disabled = !graph;
    };
    store.select((s) => s.graph, onGraph);
    onGraph(store.get().graph);

    suggest.addEventListener('click', async () => {
      const graph = store.get().graph;
      if (!graph || task.running) return;
      const settings = form.read();
      if ('error' in settings) {
        formError.textContent = settings.error;
        return;
      }
      formError.textContent = '';
      let params: ReturnType<typeof resolveParams>;
      try {
        params = resolveParams(
          { model: settings.model, ...(settings.model === 'ic' ? { p: settings.p } : {}) },
          graph.loaded.csr,
        );
      } catch (error) {
        formError.textContent = (error as Error).message;
        return;
      }
      suggest.disabled = true;
      const found: FoundSeeds | null = await task.run(
        t('seedfind.phase.starting'),
        ({ signal, onProgress }) => {
          usePoolGraph(ctx.pool, graph);
          return findSeeds(
            ctx.pool,
            graph.loaded.csr,
            {
              method: settings.method,
              params,
              k: settings.k,
              epsilon: settings.epsilon,
              rngSeed: settings.rngSeed,
              runs: settings.runs,
              curveSets: CURVE_SETS_PER_RUN * settings.runs,
            },
            {
              signal,
              onPhase: (phase) => task.phase(phaseLabel(phase)),
              onProgress,
            },
          );
        },
      );
      suggest.disabled = !store.get().graph;
      if (!found || store.get().graph !== graph) return;
      const key = curveKey(graph, settings);
      if (key !== shownKey) {
        chart.clear();
        shownKey = key;
      }
      list.show(graph, settings, found);
      if (found.budgetCurve) chart.set(settings.method, found.budgetCurve);
      highlighted = found.seeds;
      applyHighlight();
      list.announce(t('seedfind.announce', { k: found.seeds.length, method: methodLabel(settings.method) }));
    });
  },
};

export const seedFindingModule: AppModule = {
  id: 'seed-finding',
  mount(ctx) {
    ctx.registerPanel(seedFindingPanel);
  },
};
