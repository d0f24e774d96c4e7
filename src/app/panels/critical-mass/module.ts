/**
 * The Critical mass tab: where does spreading tip from local to global? Sweeps the spread
 * probability, the number of seeds or the adoption threshold with tippingSweep
 * (src/analysis/tipping, the same code and random streams as `ripple tipping`) on the page's
 * worker pool, and shows the S-curve with its 95% band, the share of runs that went global, the
 * detected tipping point beside the theoretical one, and for seed-count sweeps the fewest seeds
 * reaching a target share. Opens with a plain explanation of tipping points for a classroom.
 */
import '../seed-finding/seed-finding.css';
import { tippingSweep } from '../../../analysis/tipping/sweep.ts';
import type { KSeeds, TippingOptions, TippingResult, Vary } from '../../../analysis/tipping/types.ts';
import { resolveParams } from '../../../diffusion/defaults.ts';
import type { SeedPlan } from '../../../diffusion/types.ts';
import { el } from '../../dom.ts';
import { t } from '../../i18n.ts';
import type { AppContext, AppModule, PanelDef } from '../../panels.ts';
import { toSeedPlan } from '../../seeds.ts';
import type { GraphState } from '../../state/types.ts';
import { TaskBar } from '../../ui/task-bar.ts';
import { usePoolGraph } from '../pool-graph.ts';
import { CriticalForm, type CriticalSettings } from './form.ts';
import { SCurveChart } from './s-curve-chart.ts';
import { SweepSummary, varyLabel } from './summary.ts';

/** All nodes best first by out-degree or PageRank (ties by index), as seedRanking orders them. */
export function ranking(graph: GraphState, by: 'degree' | 'pagerank'): Uint32Array {
  const { facts } = graph;
  const score: ArrayLike<number> = by === 'pagerank' && facts.pagerank ? facts.pagerank : facts.outDegree;
  const order = Array.from({ length: score.length }, (_, i) => i);
  order.sort((a, b) => score[b] - score[a] || a - b);
  return Uint32Array.from(order);
}

/** The engine's sweep options for the settings (throws OptionError naming a bad one). */
export function sweepOptions(
  graph: GraphState,
  s: CriticalSettings,
  scenarioSeeds: SeedPlan,
): TippingOptions {
  const csr = graph.loaded.csr;
  const usesP = s.model === 'ic' || s.model === 'sir';
  const params = resolveParams(
    {
      model: s.model,
      ...(s.vary === 'p' ? { p: s.from } : usesP ? { p: s.p } : {}),
      gamma: s.gamma,
      phi: s.vary === 'phi' ? s.from : s.phi,
    },
    csr,
  );
  let seeds: SeedPlan | undefined;
  let kSeeds: KSeeds | undefined;
  if (s.vary === 'k')
    kSeeds = s.by === 'random' ? { kind: 'random' } : { kind: 'top', order: ranking(graph, s.by) };
  else seeds = s.seeds === 'scenario' ? scenarioSeeds : { kind: 'random', k: 1 };
  return {
    params,
    vary: s.vary,
    from: s.from,
    to: s.to,
    steps: s.steps,
    runs: s.runs,
    seeds,
    kSeeds,
    rngSeed: s.rngSeed,
    refine: { rounds: 4 },
    target: s.vary === 'k' ? s.target : null,
  };
}

const criticalPanel: PanelDef = {
  id: 'critical-mass',
  title: 'critical.title',
  order: 70,
  mount(container, ctx: AppContext) {
    const { store } = ctx;
    const form = new CriticalForm(store);
    const task = new TaskBar({
      testid: 'critical-task',
      cancelled: 'critical.cancelled',
      error: 'critical.error',
    });
    const start = el(
      'button',
      { type: 'button', class: 'primary', 'data-testid': 'critical-run' },
      t('critical.run'),
    );
    const formError = el('p', { class: 'error', role: 'alert', 'data-testid': 'critical-error' });
    const chart = new SCurveChart();
    const summary = new SweepSummary();
    const explain = el(
      'details',
      { class: 'about', open: '', 'data-testid': 'critical-explain' },
      el('summary', {}, t('critical.explain.title')),
      el('p', {}, t('critical.explain.body')),
      el('p', {}, t('critical.explain.examples')),
    );
    container.append(
      explain,
      form.element,
      el('div', { class: 'row' }, start),
      formError,
      task.element,
      summary.element,
      chart.element,
      summary.table,
    );

    const onGraph = (graph: GraphState | null) => {
      task.cancel();
      form.setGraph(graph);
      summary.clear();
      chart.clear();
      start.disabled = !graph;
    };
    store.select((s) => s.graph, onGraph);
    onGraph(store.get().graph);

    start.addEventListener('click', async () => {
      const graph = store.get().graph;
      if (!graph || task.running) return;
      const settings = form.read();
      if ('error' in settings) {
        formError.textContent = settings.error;
        return;
      }
      let options: TippingOptions;
      try {
        const scenarioSeeds = toSeedPlan(store.get().scenario.seeds, graph.index);
        if (
          settings.vary !== 'k' &&
          settings.seeds === 'scenario' &&
          scenarioSeeds.kind === 'groups' &&
          scenarioSeeds.groups.length === 0
        )
          throw new Error(t('critical.noSeeds'));
        options = sweepOptions(graph, settings, scenarioSeeds);
      } catch (error) {
        formError.textContent = (error as Error).message;
        return;
      }
      formError.textContent = '';
      start.disabled = true;
      const vary: Vary = settings.vary;
      const result: TippingResult | null = await task.run(
        t('critical.phase', { what: varyLabel(vary) }),
        (runOptions) => {
          usePoolGraph(ctx.pool, graph);
          return tippingSweep(ctx.pool, graph.loaded.csr, options, runOptions);
        },
      );
      start.disabled = !store.get().graph;
      if (!result || store.get().graph !== graph) return;
      summary.show(result, settings);
      chart.show(result, varyLabel(vary));
    });
  },
};

export const criticalMassModule: AppModule = {
  id: 'critical-mass',
  mount(ctx) {
    ctx.registerPanel(criticalPanel);
  },
};
