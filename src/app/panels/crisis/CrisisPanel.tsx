/**
 * The Crisis tab: where to listen so a negative story is caught early (outbreak detection, the
 * monitors and their detection curve beside the baselines), and whom to reach so a correction keeps
 * a rumour small (the correctors, the rumour's reach with and without them, and one race replayed
 * on the stage). The same code, options and random streams as `ripple watch` and `ripple contain`
 * (src/crisis/run.ts) in the page's worker pool; the settings live in the scenario, so a link
 * reproduces the results.
 */
import './crisis.css';
import { DELAY } from '../../../crisis/params.ts';
import type { WatchObjective } from '../../../engine/objective-param.ts';
import { useApp } from '../../core/context.ts';
import { noticeText } from '../../state/notice.ts';
import { DraftInput, Select } from '../../ui/fields.tsx';
import { say } from '../../ui/ParamField.tsx';
import { TaskBar } from '../../ui/TaskBar.tsx';
import { ContainView } from './ContainView.tsx';
import { editContain, editWatch, runContain, runWatch } from './effects.ts';
import { t } from './messages.ts';
import {
  CONTAIN_RUNS,
  CORRECTORS,
  containErrors,
  crisisModel,
  HORIZON_FIELD,
  MONITORS,
  WATCH_OBJECTIVE,
  WATCH_RUNS,
  watchErrors,
} from './settings.ts';
import {
  announcement,
  containDraft,
  containError,
  containTask,
  pickOnGraph,
  watchDraft,
  watchError,
  watchTask,
} from './state.ts';
import { WatchView } from './WatchView.tsx';

export function CrisisPanel() {
  const app = useApp();
  const { store } = app;
  const graph = store.graph.value;
  const scenario = store.scenario.value;
  const model = crisisModel(scenario);
  if (!graph) return <p class="help">{t('crisis.intro')}</p>;
  if (!model)
    return (
      <>
        <p class="help">{t('crisis.intro')}</p>
        <p class="note" data-testid="crisis-unsupported">
          {t('crisis.unsupported', { model: scenario.model.toUpperCase() })}
        </p>
      </>
    );
  const n = graph.loaded.csr.n;
  const wd = watchDraft.value;
  const we = watchErrors(wd, n);
  const cd = containDraft.value;
  const ce = containErrors(cd, graph);
  const watchBusy = watchTask.state.value === 'running';
  const containBusy = containTask.state.value === 'running';
  return (
    <>
      <p class="help">{t('crisis.intro')}</p>
      <p class="hint" data-testid="crisis-model">
        {t('crisis.model', { model: t(`crisis.model.${model}`) })}
      </p>
      <section class="crisis-part" data-testid="crisis-watch">
        <h3>{t('crisis.watch.title')}</h3>
        <p class="hint">{t('crisis.watch.help', { runs: WATCH_RUNS })}</p>
        <div class="fields">
          <Select<WatchObjective>
            label={say(WATCH_OBJECTIVE.label)}
            testid="crisis-objective"
            value={wd.objective}
            options={WATCH_OBJECTIVE.values.map((v) => ({ value: v.value, label: say(v.label) }))}
            onChange={(objective) => editWatch(store, { objective })}
          />
          <DraftInput
            label={say(MONITORS.label)}
            testid="crisis-watch-k"
            value={wd.k}
            error={we.k}
            min={1}
            max={n}
            step="1"
            onInput={(k) => editWatch(store, { k })}
          />
          <DraftInput
            label={say(HORIZON_FIELD.label)}
            testid="crisis-horizon"
            value={wd.horizon}
            error={we.horizon}
            min={1}
            step="1"
            onInput={(horizon) => editWatch(store, { horizon })}
          />
        </div>
        <p class="hint">{t('crisis.horizon.empty')}</p>
        <div class="row">
          <button
            type="button"
            class="primary"
            data-testid="crisis-watch-run"
            disabled={watchBusy}
            onClick={() => void runWatch(app)}
          >
            {t('crisis.watch.run')}
          </button>
        </div>
        <p class="error" role="alert" data-testid="crisis-watch-error">
          {watchError.value ? noticeText(watchError.value) : ''}
        </p>
        <TaskBar
          task={watchTask}
          testid="crisis-watch-task"
          cancelled={() => t('crisis.cancelled')}
          failed={(message) => t('crisis.failed', { message })}
        />
        <WatchView />
      </section>
      <section class="crisis-part" data-testid="crisis-contain">
        <h3>{t('crisis.contain.title')}</h3>
        <p class="hint">{t('crisis.contain.help', { runs: CONTAIN_RUNS })}</p>
        <div class="fields">
          <label class="field">
            <span>{t('crisis.rumour')}</span>
            <input
              type="text"
              data-testid="crisis-rumour"
              value={cd.rumour}
              aria-invalid={ce.rumour ? 'true' : undefined}
              onInput={(e) => editContain(store, { rumour: (e.currentTarget as HTMLInputElement).value })}
            />
            <span class="error" data-testid="crisis-rumour-error">
              {ce.rumour ?? ''}
            </span>
          </label>
          <label class="choice">
            <input
              type="checkbox"
              data-testid="crisis-pick"
              checked={pickOnGraph.value}
              onChange={(e) => {
                pickOnGraph.value = (e.currentTarget as HTMLInputElement).checked;
              }}
            />{' '}
            {t('crisis.pick')}
          </label>
          <DraftInput
            label={say(DELAY.label)}
            testid="crisis-delay"
            value={cd.delay}
            error={ce.delay}
            min={0}
            step="1"
            onInput={(delay) => editContain(store, { delay })}
          />
          <DraftInput
            label={say(CORRECTORS.label)}
            testid="crisis-contain-k"
            value={cd.k}
            error={ce.k}
            min={1}
            step="1"
            onInput={(k) => editContain(store, { k })}
          />
        </div>
        <div class="row">
          <button
            type="button"
            class="primary"
            data-testid="crisis-contain-run"
            disabled={containBusy}
            onClick={() => void runContain(app)}
          >
            {t('crisis.contain.run')}
          </button>
        </div>
        <p class="error" role="alert" data-testid="crisis-contain-error">
          {containError.value ? noticeText(containError.value) : ''}
        </p>
        <TaskBar
          task={containTask}
          testid="crisis-contain-task"
          cancelled={() => t('crisis.cancelled')}
          failed={(message) => t('crisis.failed', { message })}
        />
        <ContainView />
      </section>
      <p role="status" class="hint" data-testid="crisis-announce">
        {announcement.value ? noticeText(announcement.value) : ''}
      </p>
    </>
  );
}
