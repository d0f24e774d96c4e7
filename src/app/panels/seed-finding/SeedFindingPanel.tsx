/**
 * The Suggest seeds tab: choose K seed accounts with IMM, CELF (small graphs), degree, degree
 * discount, PageRank, community spread or at random (src/seeding/find-seeds.ts, the same code and
 * random streams as `ripple seeds`, in the page's worker pool); before running, the time it will
 * take on this machine (estimate.ts); then the accounts on the graph and in a list that can become
 * the scenario's seeds, their expected reach with its 95% interval from fresh Monte Carlo runs, and
 * the budget curve of every method run so far on one chart.
 */
import './seed-finding.css';
import { P, RNG_SEED } from '../../../diffusion/params.ts';
import { CELF_DEFAULTS } from '../../../seeding/celf.ts';
import { SEED_METHODS, type SeedMethod } from '../../../seeding/find-seeds.ts';
import { IMM_DEFAULTS } from '../../../seeding/imm.ts';
import { EPSILON, K } from '../../../seeding/params.ts';
import { RR_MODELS, type RrModel } from '../../../seeding/rr-sets.ts';
import { useApp } from '../../core/context.ts';
import { duration } from '../../i18n/format.ts';
import { sentences } from '../../i18n/join.ts';
import { noticeText } from '../../state/notice.ts';
import type { GraphState } from '../../state/types.ts';
import { DraftInput, Select } from '../../ui/fields.tsx';
import { say } from '../../ui/ParamField.tsx';
import { TaskBar } from '../../ui/TaskBar.tsx';
import { BudgetChart } from './BudgetChart.tsx';
import { estimateSettings, factsOf, suggest } from './effects.ts';
import { estimate } from './estimate.ts';
import { methodHelp, methodLabel } from './labels.ts';
import { t } from './messages.ts';
import { SuggestionView } from './SuggestionView.tsx';
import {
  CELF_APP_LIMIT,
  celfAllowed,
  fieldErrors,
  MEASURING_RUNS,
  maxK,
  modelKey,
  readSettings,
  type SeedFindDraft,
  usesP,
} from './settings.ts';
import { attemptError, calibration, draft, preparing, task } from './state.ts';

function edit(patch: Partial<SeedFindDraft>): void {
  draft.value = { ...draft.value, ...patch };
}

export function SeedFindingPanel() {
  const app = useApp();
  const graph = app.store.graph.value;
  const facts = graph ? factsOf(graph) : null;
  const d = draft.value;
  const errors = fieldErrors(d, facts);
  const nodes = facts?.nodes ?? 0;
  const tooBig = facts !== null && !celfAllowed(nodes);
  const busy = task.state.value === 'running' || preparing.value;
  const attempt = attemptError.value ? noticeText(attemptError.value) : '';
  return (
    <>
      <p class="help">{t('seedfind.intro')}</p>
      <div class="fields">
        <DraftInput
          label={say(K.label)}
          testid="seedfind-k"
          value={d.k}
          error={errors.k}
          min={1}
          max={maxK(nodes)}
          step="1"
          onInput={(k) => edit({ k })}
        />
        <Select<SeedMethod>
          label={t('seedfind.method')}
          testid="seedfind-method"
          value={d.method}
          options={SEED_METHODS.map((m) => ({
            value: m,
            label: methodLabel(m),
            disabled: m === 'celf' && tooBig,
          }))}
          onChange={(method) => edit({ method })}
        />
        <p class="help" data-testid="seedfind-method-help">
          {methodHelp(d.method)}
        </p>
        {tooBig ? (
          <p class="hint" data-testid="seedfind-celf-note" data-limit={CELF_APP_LIMIT}>
            {t('seedfind.celfDisabled', { nodes, limit: CELF_APP_LIMIT })}
          </p>
        ) : null}
        <Select<RrModel>
          label={t('seedfind.model')}
          testid="seedfind-model"
          value={d.model}
          options={RR_MODELS.map((m) => ({ value: m, label: t(`seedfind.model.${m}`) }))}
          onChange={(model) => edit({ model })}
        />
        {d.model === 'ic' ? (
          <DraftInput
            label={say(P.label)}
            testid="seedfind-p"
            value={d.p}
            error={errors.p}
            min={P.min ?? undefined}
            max={P.max ?? undefined}
            step={String(P.step)}
            disabled={!usesP(d, facts)}
            onInput={(p) => edit({ p })}
          />
        ) : null}
        {d.model === 'ic' && facts?.fileP ? (
          <label class="choice">
            <input
              type="checkbox"
              data-testid="seedfind-use-file"
              checked={d.useFile}
              onChange={(e) => edit({ useFile: (e.currentTarget as HTMLInputElement).checked })}
            />{' '}
            {t('seedfind.useFile')}
          </label>
        ) : null}
        {d.method === 'imm' ? (
          <DraftInput
            label={say(EPSILON.label)}
            testid="seedfind-epsilon"
            value={d.epsilon}
            error={errors.epsilon}
            min={0.01}
            max={0.99}
            step={String(EPSILON.step)}
            onInput={(epsilon) => edit({ epsilon })}
          />
        ) : null}
        <DraftInput
          label={say(MEASURING_RUNS.label)}
          testid="seedfind-runs"
          value={d.runs}
          error={errors.runs}
          min={MEASURING_RUNS.min ?? undefined}
          max={MEASURING_RUNS.max ?? undefined}
          step={String(MEASURING_RUNS.step)}
          onInput={(runs) => edit({ runs })}
        />
        <DraftInput
          label={say(RNG_SEED.label)}
          testid="seedfind-rng"
          value={d.rng}
          error={errors.rng}
          min={RNG_SEED.min ?? undefined}
          max={RNG_SEED.max ?? undefined}
          step={String(RNG_SEED.step)}
          onInput={(rng) => edit({ rng })}
        />
      </div>
      {graph ? <EstimateLine graph={graph} /> : null}
      <div class="row">
        <button
          type="button"
          class="primary"
          data-testid="seedfind-run"
          disabled={!graph || busy}
          onClick={() => void suggest(app)}
        >
          {t('seedfind.run')}
        </button>
      </div>
      <p class="error" role="alert" data-testid="seedfind-error">
        {attempt}
      </p>
      <TaskBar
        task={task}
        testid="seedfind-task"
        cancelled={() => t('seedfind.cancelled')}
        failed={(message) => t('seedfind.error', { message })}
      />
      <SuggestionView />
      <BudgetChart />
    </>
  );
}

/** "About how long", from the calibration of this graph and model, before the user runs. */
function EstimateLine({ graph }: { graph: GraphState }) {
  const facts = factsOf(graph);
  const read = readSettings(draft.value, facts);
  const c = calibration.value;
  if ('error' in read) return <p class="hint" data-testid="seedfind-estimate" data-state="invalid" />;
  const s = read.settings;
  const key = modelKey(graph.serial, s);
  if (!c || c.key !== key || c.state === 'running')
    return (
      <p class="hint" data-testid="seedfind-estimate" data-state="pending">
        {t('seedfind.estimate.pending')}
      </p>
    );
  if (c.state === 'error')
    return (
      <p class="hint" data-testid="seedfind-estimate" data-state="error">
        {t('seedfind.estimate.none', { message: noticeText(c.error) })}
      </p>
    );
  const est = estimate(c.value, estimateSettings(s));
  const about = (ms: number) => (ms < 1000 ? t('seedfind.estimate.instant') : duration(ms));
  const time = about(est.ms);
  let text: string;
  if (s.method === 'imm')
    text = t('seedfind.estimate.imm', { time, sets: est.sets, size: Math.round(est.setSize), runs: s.runs });
  else if (s.method === 'celf')
    text = t('seedfind.estimate.celf', { time, cascades: est.cascades, celfRuns: CELF_DEFAULTS.runs });
  else text = t('seedfind.estimate.other', { time, sets: est.sets, runs: s.runs });
  if (s.method !== 'imm' && est.ms > 60_000) {
    const imm = estimate(c.value, estimateSettings({ ...s, method: 'imm', epsilon: IMM_DEFAULTS.epsilon }));
    if (imm.ms < est.ms / 2) text = sentences(text, t('seedfind.estimate.slow', { time: about(imm.ms) }));
  }
  return (
    <p class="hint" data-testid="seedfind-estimate" data-state="ready" data-ms={Math.round(est.ms)}>
      {text}
    </p>
  );
}
