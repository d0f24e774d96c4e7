/**
 * The Plan tab: the seeds a budget can buy for the most reach, exposure or conversions when
 * accounts have prices (src/campaign/plan.ts, the same code, options and random streams as
 * `ripple plan`, in the page's worker pool). The form: the budget (slider and exact field), the
 * costs (a formula, or a costs CSV opened or dropped here, with a preview of the accounts it
 * prices), the objective and the money rates; its settings live in the scenario, so a link
 * reproduces the plan. Then the plan (PlanView.tsx) and its budget curve (CurveChart.tsx).
 */
import './plan.css';
import { useState } from 'preact/hooks';
import { CostsError } from '../../../campaign/costs.ts';
import { BUDGET, OBJECTIVE } from '../../../campaign/params.ts';
import type { Objective } from '../../../campaign/plan.ts';
import { useApp } from '../../core/context.ts';
import { upTo } from '../../i18n/format.ts';
import { colon, sentences } from '../../i18n/join.ts';
import { fullWidth } from '../../i18n/lang.ts';
import { noticeText } from '../../state/notice.ts';
import type { GraphState } from '../../state/types.ts';
import { FileDrop } from '../../ui/FileDrop.tsx';
import { DraftInput, Select } from '../../ui/fields.tsx';
import { say } from '../../ui/ParamField.tsx';
import { TaskBar } from '../../ui/TaskBar.tsx';
import { type CostsPreview, previewOf, problemText, readCostsFile } from './costs.ts';
import { edit, fileNameFor, openCostsFile, PLAN_RUNS, runPlan } from './effects.ts';
import { t } from './messages.ts';
import { PlanView } from './PlanView.tsx';
import {
  type CostKind,
  DEFAULT_COST_FIELD,
  type DraftField,
  FIELD_SPECS,
  fieldErrors,
  followerStats,
  type PlanDraft,
  plannerModel,
} from './settings.ts';
import { attemptError, costsFile, draft, task } from './state.ts';

/** A slider range and step for budgets around `around` (a round number of 200 steps). */
export function sliderScale(around: number): { max: number; step: number } {
  const top = Math.max(1, around);
  const magnitude = 10 ** Math.floor(Math.log10(top));
  const max = Math.ceil(top / magnitude) * magnitude;
  return { max, step: max / 200 };
}

function snap(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toPrecision(12));
}

/** A number field of the form, its label, range and step from the parameter table. */
function PlanField({
  name,
  testid,
  d,
  errors,
  set,
}: {
  name: DraftField;
  testid: string;
  d: PlanDraft;
  errors: Partial<Record<DraftField, string>>;
  set: (patch: Partial<PlanDraft>) => void;
}) {
  const spec = FIELD_SPECS[name];
  return (
    <DraftInput
      label={say(spec.label)}
      testid={testid}
      value={d[name]}
      error={errors[name]}
      min={spec.min ?? undefined}
      max={spec.max ?? undefined}
      step={spec.step === 'any' ? 'any' : String(spec.step)}
      onInput={(text) => set({ [name]: text })}
    />
  );
}

export function PlanPanel() {
  const app = useApp();
  const { store } = app;
  const graph = store.graph.value;
  const scenario = store.scenario.value;
  const model = plannerModel(scenario);
  if (!graph) return <p class="help">{t('plan.intro')}</p>;
  if (!model)
    return (
      <>
        <p class="help">{t('plan.intro')}</p>
        <p class="note" data-testid="plan-unsupported">
          {t('plan.unsupported', { model: scenario.model.toUpperCase() })}
        </p>
      </>
    );
  const d = draft.value;
  const errors = fieldErrors(d);
  const busy = task.state.value === 'running';
  const attempt = attemptError.value ? noticeText(attemptError.value) : '';
  const set = (patch: Partial<PlanDraft>) => edit(store, patch);
  return (
    <>
      <p class="help">{t('plan.intro')}</p>
      <p class="hint" data-testid="plan-model">
        {t('plan.model', { model: t(`plan.model.${model}`), runs: PLAN_RUNS })}
      </p>
      <div class="fields">
        <BudgetFields graph={graph} d={d} error={errors.budget} set={set} />
        <Select<CostKind>
          label={t('plan.costKind')}
          testid="plan-cost-kind"
          value={d.costKind}
          options={(['formula', 'file'] as const).map((k) => ({ value: k, label: t(`plan.costKind.${k}`) }))}
          onChange={(costKind) => set({ costKind })}
        />
        {d.costKind === 'formula' ? (
          <>
            <PlanField name="flat" testid="plan-cost-flat" d={d} errors={errors} set={set} />
            <PlanField name="perFollower" testid="plan-cost-per-follower" d={d} errors={errors} set={set} />
            <FormulaHint graph={graph} d={d} />
          </>
        ) : (
          <CostsFileFields graph={graph} d={d} error={errors.defaultCost} set={set} />
        )}
        <Select<Objective>
          label={say(OBJECTIVE.label)}
          testid="plan-objective"
          value={d.objective}
          options={OBJECTIVE.values.map((v) => ({ value: v.value, label: say(v.label) }))}
          onChange={(objective) => set({ objective })}
        />
        <PlanField name="conversion" testid="plan-conversion" d={d} errors={errors} set={set} />
        <PlanField name="value" testid="plan-value" d={d} errors={errors} set={set} />
        <PlanField name="cpm" testid="plan-cpm" d={d} errors={errors} set={set} />
      </div>
      <div class="row">
        <button
          type="button"
          class="primary"
          data-testid="plan-run"
          disabled={busy}
          onClick={() => void runPlan(app)}
        >
          {t('plan.run')}
        </button>
      </div>
      <p class="error" role="alert" data-testid="plan-error">
        {attempt}
      </p>
      <TaskBar
        task={task}
        testid="plan-task"
        cancelled={() => t('plan.cancelled')}
        failed={(message) => t('plan.error', { message })}
      />
      <PlanView />
    </>
  );
}

function BudgetFields({
  graph,
  d,
  error,
  set,
}: {
  graph: GraphState;
  d: PlanDraft;
  error: string | undefined;
  set: (patch: Partial<PlanDraft>) => void;
}) {
  const budget = Number(d.budget);
  const valid = error === undefined && d.budget.trim() !== '';
  // Around the larger of twice the budget and fifty median accounts (formula costs).
  const median = followerStats(graph.loaded.csr).median;
  const typical =
    d.costKind === 'formula' ? (Number(d.flat) || 0) + (Number(d.perFollower) || 0) * median : 0;
  const [scale] = useState(() => sliderScale(Math.max(valid ? 2 * budget : 0, 50 * typical)));
  const range = valid && budget > scale.max ? sliderScale(budget) : scale;
  return (
    <>
      <DraftInput
        label={say(BUDGET.label)}
        testid="plan-budget"
        value={d.budget}
        error={error}
        min={0}
        step="any"
        onInput={(text) => set({ budget: text })}
      />
      <div class="field">
        <input
          type="range"
          data-testid="plan-budget-slider"
          aria-label={t('plan.budgetSlider')}
          min={0}
          max={range.max}
          // Any position, snapped to round amounts as it moves; a typed budget shows exactly.
          step="any"
          data-step={range.step}
          value={valid ? budget : 0}
          onInput={(e) =>
            set({ budget: String(snap(Number((e.currentTarget as HTMLInputElement).value), range.step)) })
          }
        />
      </div>
    </>
  );
}

function FormulaHint({ graph, d }: { graph: GraphState; d: PlanDraft }) {
  const flat = Number(d.flat);
  const per = Number(d.perFollower);
  if (!(flat >= 0 && per >= 0)) return null;
  const { median, max } = followerStats(graph.loaded.csr);
  return (
    <p class="hint" data-testid="plan-formula-hint">
      {t('plan.formulaHelp', { cost: upTo(flat + per * median, 2), max: upTo(flat + per * max, 2) })}
    </p>
  );
}

function CostsFileFields({
  graph,
  d,
  error,
  set,
}: {
  graph: GraphState;
  d: PlanDraft;
  error: string | undefined;
  set: (patch: Partial<PlanDraft>) => void;
}) {
  const app = useApp();
  const file = costsFile.value;
  const named = fileNameFor(app.store.scenario.value);
  let preview: CostsPreview | null = null;
  let problem: string | null = null;
  if (file) {
    try {
      preview = previewOf(file, readCostsFile(file, graph.loaded.ids), graph.loaded.ids);
    } catch (e) {
      problem =
        e instanceof CostsError
          ? `${e.file}${e.line === null ? '' : `:${e.line}`}${colon()}${problemText(e.problem, t)}`
          : (e as Error).message;
    }
  }
  const defaultCost = d.defaultCost.trim() === '' || error !== undefined ? null : Number(d.defaultCost);
  return (
    <>
      <FileDrop
        class="plan-drop"
        label={t('plan.costKind.file')}
        choose={t('plan.file.choose')}
        hint={t('plan.file.drop')}
        accept=".csv,.txt,text/csv,text/plain"
        testid="plan-costs-drop"
        inputTestid="plan-costs-input"
        onFile={(f) => void openCostsFile(app, f)}
      />
      <p
        class="hint"
        data-testid="plan-costs-preview"
        data-matched={preview?.matched}
        data-unmatched={preview?.unmatched.count}
      >
        {preview ? (
          <PreviewText preview={preview} defaultCost={defaultCost} />
        ) : problem !== null ? (
          problem
        ) : named ? (
          t('plan.file.needed', { name: named })
        ) : (
          t('plan.file.none')
        )}
      </p>
      <DraftInput
        label={say(DEFAULT_COST_FIELD.label)}
        testid="plan-default-cost"
        value={d.defaultCost}
        error={error}
        min={0}
        step="any"
        onInput={(defaultCost) => set({ defaultCost })}
      />
      {named ? (
        <p class="hint" data-testid="plan-link-note">
          {t('plan.file.linkNote', { name: named })}
        </p>
      ) : null}
    </>
  );
}

function PreviewText({ preview, defaultCost }: { preview: CostsPreview; defaultCost: number | null }) {
  const { name, matched, lines, n, unmatched } = preview;
  const head = t('plan.file.matched', { name, matched, n, lines });
  if (unmatched.count === 0) return <>{sentences(head, t('plan.file.allMatched'))}</>;
  const more =
    unmatched.count > unmatched.ids.length
      ? t('plan.file.more', { count: unmatched.count - unmatched.ids.length })
      : '';
  const fallback =
    defaultCost === null
      ? t('plan.file.noFallback')
      : t('plan.file.fallback', { cost: upTo(defaultCost, 6) });
  // Ids are data: listed as they are, with the language's list separator.
  const ids = unmatched.ids.join(fullWidth() ? '、' : ', ');
  return <>{sentences(head, t('plan.file.unmatched', { count: unmatched.count, ids, more, fallback }))}</>;
}
