/**
 * The Critical mass tab: where does spreading tip from local to global? Sweeps the spread
 * probability, the number of seeds or the adoption threshold with tippingSweep
 * (src/analysis/tipping, the same code and random streams as `ripple tipping`) on the page's
 * worker pool, repeated with several random seeds, and shows the S-curve with its 95% band, the
 * share of runs that went global, the tipping point as the median of the seeds with the range they
 * span (in numbers and as a strip on the chart) beside the theoretical one, and for seed-count
 * sweeps the fewest seeds reaching a target share. Opens with a plain explanation for a classroom.
 */
import '../seed-finding/seed-finding.css';
import type { Vary } from '../../../analysis/tipping/types.ts';
import type { ModelName } from '../../../diffusion/types.ts';
import { useApp } from '../../core/context.ts';
import { noticeText } from '../../state/notice.ts';
import { DraftInput, Select } from '../../ui/fields.tsx';
import { TaskBar } from '../../ui/TaskBar.tsx';
import { runSweep } from './effects.ts';
import { modelLabel } from './labels.ts';
import { t } from './messages.ts';
import { SCurveChart } from './SCurveChart.tsx';
import { PointsTable, RepeatsTable, Summary } from './Summary.tsx';
import {
  type CriticalDraft,
  type CriticalSettings,
  type KBy,
  MAX_REPEATS,
  MAX_RNG,
  MODELS_FOR,
  plannedWork,
  readSettings,
  type SweepSeeds,
  shownFields,
  withVary,
} from './settings.ts';
import { attemptError, draft, sweep, task } from './state.ts';

/** How much the sweep will simulate at most. */
function planText(s: CriticalSettings, nodes: number): string {
  const w = plannedWork(s, nodes);
  return t('critical.plan', {
    total: w.runs,
    points: w.points,
    refined: w.added,
    runs: s.runs,
    repeats: s.repeats,
  });
}

function edit(patch: Partial<CriticalDraft>): void {
  draft.value = { ...draft.value, ...patch };
}

export function CriticalMassPanel() {
  const app = useApp();
  const graph = app.store.graph.value;
  const d = draft.value;
  const n = graph?.loaded.csr.n ?? 1;
  const read = readSettings(d, n);
  const errors = 'errors' in read ? read.errors : {};
  const shown = shownFields(d);
  const k = d.vary === 'k';
  const s = sweep.value;
  const current = s && graph && s.graphSerial === graph.serial ? s : null;
  const attempt = attemptError.value ? noticeText(attemptError.value) : '';
  const number = (
    field: 'from' | 'to' | 'steps' | 'runs' | 'p' | 'gamma' | 'phi' | 'target' | 'rng' | 'repeats',
    label: string,
    step: string,
    min?: number,
    max?: number,
  ) => (
    <DraftInput
      label={label}
      testid={`critical-${field}`}
      value={d[field]}
      error={errors[field]}
      step={step}
      min={min}
      max={max}
      onInput={(text) => edit({ [field]: text })}
    />
  );
  return (
    <>
      <details class="about" open data-testid="critical-explain">
        <summary>{t('critical.explain.title')}</summary>
        <p>{t('critical.explain.body')}</p>
        <p>{t('critical.explain.examples')}</p>
      </details>
      <div class="fields">
        <Select<Vary>
          label={t('critical.vary')}
          testid="critical-vary"
          value={d.vary}
          options={[
            { value: 'p', label: t('critical.vary.p') },
            { value: 'k', label: t('critical.vary.k') },
            { value: 'phi', label: t('critical.vary.phi') },
          ]}
          onChange={(vary) => {
            draft.value = withVary(draft.value, vary, graph);
          }}
        />
        <Select<ModelName>
          label={t('critical.model')}
          testid="critical-model"
          value={d.model}
          options={MODELS_FOR[d.vary].map((m) => ({ value: m, label: modelLabel(m) }))}
          onChange={(model) => edit({ model })}
        />
        <div class="row">
          {number('from', t('critical.from'), k ? '1' : 'any', k ? 1 : 0, k ? n : 1)}
          {number('to', t('critical.to'), k ? '1' : 'any', k ? 1 : 0, k ? n : 1)}
        </div>
        {errors.range ? (
          <p class="error" data-testid="critical-range-error">
            {errors.range}
          </p>
        ) : null}
        <div class="row">
          {number('steps', t('critical.steps'), '1', 2, 1000)}
          {number('runs', t('critical.runs'), '100', 1)}
        </div>
        {shown.p ? number('p', t('critical.p'), '0.01', 0, 1) : null}
        {shown.gamma ? number('gamma', t('critical.gamma'), '0.05', 0, 1) : null}
        {shown.phi ? number('phi', t('critical.phi'), '0.01', 0, 1) : null}
        {shown.seeds ? (
          <Select<SweepSeeds>
            label={t('critical.seeds')}
            testid="critical-seeds"
            value={d.seeds}
            options={[
              { value: 'random', label: t('critical.seeds.random') },
              { value: 'scenario', label: t('critical.seeds.scenario') },
            ]}
            onChange={(seeds) => edit({ seeds })}
          />
        ) : null}
        {shown.by ? (
          <Select<KBy>
            label={t('critical.by')}
            testid="critical-by"
            value={d.by}
            options={[
              { value: 'degree', label: t('critical.by.degree') },
              { value: 'pagerank', label: t('critical.by.pagerank') },
              { value: 'random', label: t('critical.by.random') },
            ]}
            onChange={(by) => edit({ by })}
          />
        ) : null}
        {shown.target ? number('target', t('critical.target'), '1', 0, 100) : null}
        {number('rng', t('critical.rng'), '1', 0, MAX_RNG)}
        {number('repeats', t('critical.repeats'), '1', 1, MAX_REPEATS)}
        <p class="hint">{t('critical.repeats.help')}</p>
      </div>
      {'settings' in read ? (
        <p class="hint" data-testid="critical-plan">
          {planText(read.settings, n)}
        </p>
      ) : null}
      <div class="row">
        <button
          type="button"
          class="primary"
          data-testid="critical-run"
          disabled={!graph || task.state.value === 'running'}
          onClick={() => void runSweep(app)}
        >
          {t('critical.run')}
        </button>
      </div>
      <p class="error" role="alert" data-testid="critical-error">
        {attempt}
      </p>
      <TaskBar
        task={task}
        testid="critical-task"
        cancelled={() => t('critical.cancelled')}
        failed={(message) => t('critical.error', { message })}
      />
      {current && graph ? (
        <>
          <Summary sweep={current} directed={graph.loaded.csr.directed} />
          <SCurveChart sweep={current} />
          <PointsTable sweep={current} />
          {current.repeats.length > 1 ? <RepeatsTable sweep={current} /> : null}
        </>
      ) : null}
    </>
  );
}
