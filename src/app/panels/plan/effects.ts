/**
 * Where the Plan tab talks to the outside: the worker pool (planCampaign, the same code, options
 * and random streams as `ripple plan`), the scenario (the plan's settings live in it, so a link
 * reproduces the plan; the plan's seeds can become its seeds), costs files the user opens or
 * drops, the graph view (the highlight layer), the legend and the CSV download. Started once by
 * the feature (feature.ts) before the first graph loads.
 */
import { batch, effect, untracked } from '@preact/signals';
import { CostsError } from '../../../campaign/costs.ts';
import { PLAN_DEFAULTS, type PlanPhase, type PlanPick, planCampaign } from '../../../campaign/plan.ts';
import type { ModelParams } from '../../../diffusion/types.ts';
import type { Scenario, ScenarioPlan } from '../../../engine/scenario.ts';
import type { App } from '../../core/context.ts';
import { csvTable } from '../../export/csv.ts';
import { downloadText, fileStem } from '../../export/download.ts';
import { usePoolGraph } from '../../run/pool-graph.ts';
import { type Notice, noticeOf } from '../../state/notice.ts';
import type { Store } from '../../state/store.ts';
import type { GraphState } from '../../state/types.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { cheapestOf, costsOf, problemText, readCostsFile } from './costs.ts';
import { t } from './messages.ts';
import {
  defaultPlan,
  draftOf,
  type PlanDraft,
  plannerModel,
  planParams,
  readDraft,
  samePlan,
} from './settings.ts';
import {
  announcement,
  attemptError,
  type CostsFile,
  costsFile,
  draft,
  highlightOn,
  shown,
  task,
} from './state.ts';

export const TAB_ID = 'plan';
export const HIGHLIGHT_LAYER = 'plan';
/** Colour of the planned seeds on the graph (and in the legend). */
export const HIGHLIGHT_COLOR = OKABE_ITO.orange;
/** Measuring runs per strategy: `ripple plan`'s default. */
export const PLAN_RUNS = PLAN_DEFAULTS.runs;

/** The costs file name the draft reads: the open file, else the one the scenario names. */
export function fileNameFor(scenario: Scenario): string | null {
  const open = costsFile.value;
  if (open) return open.name;
  const c = scenario.plan?.costs;
  return c?.kind === 'file' ? c.name : null;
}

/** The settings the form shows (the scenario's, or the defaults for the graph). */
export function settingsOf(store: Store): ScenarioPlan {
  return store.scenario.value.plan ?? defaultPlan(store.graph.value?.loaded.csr ?? null);
}

/** Change the draft; when the whole form is valid, the scenario takes its settings. */
export function edit(store: Store, patch: Partial<PlanDraft>): void {
  draft.value = { ...draft.value, ...patch };
  commit(store);
}

function commit(store: Store): void {
  const scenario = store.scenario.peek();
  const read = readDraft(
    draft.peek(),
    untracked(() => fileNameFor(scenario)),
  );
  if ('plan' in read && !samePlan(read.plan, scenario.plan)) store.patchScenario({ plan: read.plan });
}

export function phaseLabel(phase: PlanPhase): string {
  switch (phase.name) {
    case 'sampling':
      return t('plan.phase.sampling', { sets: phase.sets });
    case 'selection':
      return t('plan.phase.selection', { sets: phase.sets });
    case 'celf':
      return t('plan.phase.celf');
    case 'strategies':
      return t('plan.phase.strategies');
    case 'curve':
      return t('plan.phase.curve');
    case 'measuring':
      return t('plan.phase.measuring', { strategy: t(`plan.strategy.${phase.strategy}`) });
  }
}

/** A bad costs file in one line: the file, the line and the problem; what was there is kept. */
export function costsErrorNotice(error: unknown): Notice {
  if (error instanceof CostsError) {
    const { file, line } = error;
    const problem = () => problemText(error.problem, t);
    return line === null
      ? { say: () => t('plan.file.badNoLine', { file, problem: problem() }) }
      : { say: () => t('plan.file.bad', { file, line, problem: problem() }) };
  }
  return noticeOf(error);
}

/**
 * A costs file opened or dropped: read against the graph on screen; if it is good it becomes the
 * costs, otherwise one message names the file, the line and the problem, and the previous costs
 * (and the plan on screen) stay.
 */
export async function openCostsFile(app: App, file: File): Promise<void> {
  const graph = app.store.graph.peek();
  if (!graph) return;
  const name = file.name;
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const message = (error as Error).message;
    attemptError.value = { say: () => t('plan.file.unreadable', { file: name, message }) };
    return;
  }
  const opened: CostsFile = { name, text };
  try {
    readCostsFile(opened, graph.loaded.ids);
  } catch (error) {
    attemptError.value = costsErrorNotice(error);
    return;
  }
  batch(() => {
    attemptError.value = null;
    costsFile.value = opened;
    edit(app.store, { costKind: 'file' });
  });
}

/** Plan with the form's settings on the scenario's graph, model, p and random seed. */
export async function runPlan(app: App): Promise<void> {
  const { store, pool } = app;
  const graph = store.graph.peek();
  if (!graph || task.running) return;
  const scenario = store.scenario.peek();
  const model = plannerModel(scenario);
  if (!model) return;
  const read = readDraft(draft.peek(), fileNameFor(scenario));
  if ('error' in read) {
    attemptError.value = {
      say: () => {
        const again = readDraft(draft.value, fileNameFor(store.scenario.value));
        return 'error' in again ? t('plan.fixFields', { message: again.error }) : '';
      },
    };
    return;
  }
  if ('needFile' in read) {
    attemptError.value = { say: () => t('plan.file.none') };
    return;
  }
  const plan = read.plan;
  const { csr, ids } = graph.loaded;
  let costs: Float64Array;
  let params: ModelParams;
  try {
    costs = costsOf(plan, csr, ids, costsFile.peek());
    params = planParams(scenario, model, csr);
  } catch (error) {
    attemptError.value = costsErrorNotice(error);
    return;
  }
  const low = cheapestOf(costs);
  if (low.cost > plan.budget) {
    const vars = { budget: String(plan.budget), id: ids[low.node], cost: String(low.cost) };
    attemptError.value = { say: () => t('plan.noAccount', vars) };
    return;
  }
  attemptError.value = null;
  if (!samePlan(scenario.plan, plan)) store.patchScenario({ plan });
  const rngSeed = scenario.rngSeed;
  const result = await task.run({ say: () => t('plan.phase.starting') }, async ({ signal, onProgress }) => {
    usePoolGraph(pool, graph);
    return planCampaign(
      pool,
      csr,
      ids,
      {
        params,
        costs,
        budget: plan.budget,
        objective: plan.objective,
        conversion: plan.conversion,
        value: plan.value,
        cpm: plan.cpm,
        runs: PLAN_RUNS,
        rngSeed,
      },
      {
        signal,
        onProgress,
        onPhase: (phase) => task.phase({ say: () => phaseLabel(phase) }),
      },
    );
  });
  if (!result || store.graph.peek() !== graph) return;
  batch(() => {
    shown.value = { graphSerial: graph.serial, settings: plan, model, p: scenario.params.p, rngSeed, result };
    const k = result.seeds.length;
    announcement.value = { say: () => t('plan.announce', { k }) };
  });
}

/** The scenario's seeds become exactly the plan's, launched together. */
export function usePlanSeeds(app: App): void {
  const s = shown.peek();
  const graph = app.store.graph.peek();
  if (!s || !graph || s.graphSerial !== graph.serial || s.result.seeds.length === 0) return;
  const ids = s.result.seeds.map((v) => graph.loaded.ids[v]);
  app.store.patchScenario({ seeds: { kind: 'groups', groups: [{ ids, start: 0 }] } });
  const k = ids.length;
  announcement.value = { say: () => t('plan.used', { k }) };
}

/** The plan as CSV: one line per seed in the order chosen (id, cost, followers, marginal gain). */
export function planCsv(s: { result: { picks: readonly PlanPick[] } }, ids: readonly string[]): string {
  return csvTable(
    ['id', 'cost', 'followers', 'marginal_gain'],
    s.result.picks.map((p) => [ids[p.node], p.cost, p.followers, p.marginalGain]),
  );
}

export function exportPlan(app: App): void {
  const s = shown.peek();
  const graph = app.store.graph.peek();
  if (!s || !graph || s.graphSerial !== graph.serial) return;
  const file = `${fileStem(graph.name)}-plan.csv`;
  downloadText(planCsv(s, graph.loaded.ids), file, 'text/csv');
  announcement.value = { say: () => t('plan.exported', { file }) };
}

function highlightLayer(seeds: readonly number[]) {
  const chosen = new Set(seeds);
  return (i: number, d: { size?: number }) =>
    chosen.has(i)
      ? {
          color: HIGHLIGHT_COLOR,
          highlighted: true,
          forceLabel: true,
          zIndex: 3,
          size: (d.size ?? 3) * 1.3 + 3,
        }
      : {};
}

function resetFor(store: Store, graph: GraphState | null): void {
  task.cancel();
  batch(() => {
    shown.value = null;
    attemptError.value = null;
    announcement.value = null;
    const plan = store.scenario.peek().plan ?? defaultPlan(graph?.loaded.csr ?? null);
    draft.value = draftOf(plan, draft.peek());
  });
}

/** Wire the tab to the app: a new graph resets it; the form follows the scenario; the highlight follows the plan. */
export function startPlan(app: App): void {
  const { store } = app;
  store.onNewGraph((graph) => resetFor(store, graph));

  // The scenario's plan settings changed from outside (a link pasted, a scenario imported): the form shows them.
  let seen = store.scenario.peek().plan;
  effect(() => {
    const plan = store.scenario.value.plan;
    if (plan === seen) return;
    seen = plan;
    untracked(() => {
      if (!plan) return;
      const read = readDraft(draft.value, fileNameFor(store.scenario.value));
      if ('plan' in read && samePlan(read.plan, plan)) return;
      draft.value = draftOf(plan, draft.value);
    });
  });

  effect(() => {
    const view = app.view.value;
    const s = shown.value;
    const graph = store.graph.value;
    const seeds = s && graph && s.graphSerial === graph.serial && highlightOn.value ? s.result.seeds : null;
    untracked(() => {
      view?.setLayer(HIGHLIGHT_LAYER, seeds ? highlightLayer(seeds) : null);
      store.setLegend(TAB_ID, seeds ? [{ swatch: HIGHLIGHT_COLOR, label: () => t('plan.legend') }] : null);
    });
  });
}
