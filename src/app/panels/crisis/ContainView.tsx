/**
 * Whom to reach, on screen: the correctors (a click centres the graph on one), the rumour's reach
 * with and without the correction with their 95% intervals (fresh worlds), the accounts saved, the
 * baselines table, and the race: one measured world replayed on the stage step by step (buttons,
 * and the arrow, Home and End keys), each account in the colour of the message it ends with once
 * it takes it. Raw numbers sit in data attributes for the end-to-end test.
 */
import type { ContainResult } from '../../../crisis/run.ts';
import { useApp } from '../../core/context.ts';
import { fixed, significant } from '../../i18n/format.ts';
import { fullWidth } from '../../i18n/lang.ts';
import { closeRace, containSettingsOf, openRace, raceTo } from './effects.ts';
import { t } from './messages.ts';
import { AccountLinks, FiguresHead } from './parts.tsx';
import { countsAt } from './race.ts';
import { crisisModel, same } from './settings.ts';
import { containShown, race, raceStep } from './state.ts';
import { est } from './WatchView.tsx';

const amount = (x: number) => significant(x, 3);

function Figure({
  name,
  e,
}: {
  name: 'rumourReach' | 'withoutCorrection' | 'saved';
  e: { mean: number; ci95: [number, number] };
}) {
  return (
    <tr data-figure={name}>
      <th scope="row">{t(`crisis.fig.${name}`)}</th>
      <td>{amount(e.mean)}</td>
      <td>{`${amount(e.ci95[0])} – ${amount(e.ci95[1])}`}</td>
    </tr>
  );
}

function resultData(r: ContainResult, ids: readonly string[]): string {
  return JSON.stringify({
    correctors: r.correctors.map((v) => ids[v]),
    rumourReach: est(r.rumourReach),
    withoutCorrection: est(r.withoutCorrection),
    saved: r.saved,
    savedCi95: est(r.savedEstimate).ci95,
    baselines: r.baselines.map((b) => ({
      name: b.name,
      correctors: b.correctors.map((v) => ids[v]),
      rumourReach: est(b.rumourReach),
    })),
  });
}

export function ContainView() {
  const app = useApp();
  const { store } = app;
  const graph = store.graph.value;
  const s = containShown.value;
  if (!s || !graph || s.graphSerial !== graph.serial) return null;
  const { result } = s;
  const { ids } = graph.loaded;
  const scenario = store.scenario.value;
  const stale =
    !same(s.settings, containSettingsOf(store)) ||
    crisisModel(scenario) !== s.model ||
    (s.model === 'ic' && scenario.params.p !== s.p) ||
    scenario.rngSeed !== s.rngSeed;
  const list = (nodes: readonly number[]) => nodes.map((v) => ids[v]).join(fullWidth() ? '、' : ', ');
  return (
    <div class="crisis-result" data-testid="crisis-contain-result" data-json={resultData(result, ids)}>
      <h4>
        {t('crisis.contain.heading', {
          k: result.correctors.length,
          delay: result.delay,
          rumour: list(s.rumour),
        })}
      </h4>
      {stale ? (
        <p class="note" data-testid="crisis-contain-stale">
          {t('crisis.stale')}
        </p>
      ) : null}
      <AccountLinks nodes={result.correctors} ids={ids} testId="crisis-correctors" />
      <table class="data" data-testid="crisis-contain-figures">
        <caption>{t('crisis.contain.figures', { runs: result.runs })}</caption>
        <FiguresHead />
        <tbody>
          <Figure name="rumourReach" e={result.rumourReach} />
          <Figure name="withoutCorrection" e={result.withoutCorrection} />
          <Figure name="saved" e={result.savedEstimate} />
        </tbody>
      </table>
      <div class="crisis-table-box">
        <table class="data" data-testid="crisis-contain-baselines">
          <caption>{t('crisis.baselines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('crisis.strategy')}</th>
              <th scope="col">{t('crisis.col.correctors')}</th>
              <th scope="col">{t('crisis.col.rumourReach')}</th>
            </tr>
          </thead>
          <tbody>
            {[
              { name: 'chosen' as const, correctors: result.correctors, rumourReach: result.rumourReach },
              ...result.baselines,
            ].map((b) => (
              <tr key={b.name} data-strategy={b.name}>
                <th scope="row">{t(`crisis.strategy.${b.name}`)}</th>
                <td>{list(b.correctors)}</td>
                <td>
                  {amount(b.rumourReach.mean)}
                  <br />
                  <span class="hint">{`${amount(b.rumourReach.ci95[0])} – ${amount(b.rumourReach.ci95[1])}`}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RaceControls />
    </div>
  );
}

function RaceControls() {
  const app = useApp();
  const r = race.value;
  const step = raceStep.value;
  if (!r)
    return (
      <div class="row">
        <button type="button" data-testid="crisis-race-open" onClick={() => openRace(app, 0)}>
          {t('crisis.race.open')}
        </button>
      </div>
    );
  const counts = countsAt(r, step);
  const onKey = (e: KeyboardEvent) => {
    const to =
      e.key === 'ArrowRight'
        ? step + 1
        : e.key === 'ArrowLeft'
          ? step - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? r.end
              : null;
    if (to === null) return;
    e.preventDefault();
    raceTo(to);
  };
  return (
    <fieldset
      class="crisis-race"
      aria-label={t('crisis.race.label')}
      data-testid="crisis-race"
      data-world={r.world}
      data-step={step}
      data-end={r.end}
      onKeyDown={onKey}
    >
      <p class="hint">{t('crisis.race.help', { world: r.world + 1 })}</p>
      <div class="row">
        <button
          type="button"
          data-testid="crisis-race-first"
          aria-label={t('crisis.race.first')}
          title={t('crisis.race.first')}
          disabled={step === 0}
          onClick={() => raceTo(0)}
        >
          |◀
        </button>
        <button
          type="button"
          data-testid="crisis-race-back"
          aria-label={t('crisis.race.back')}
          title={t('crisis.race.back')}
          disabled={step === 0}
          onClick={() => raceTo(step - 1)}
        >
          ◀
        </button>
        <button
          type="button"
          data-testid="crisis-race-forward"
          aria-label={t('crisis.race.forward')}
          title={t('crisis.race.forward')}
          disabled={step === r.end}
          onClick={() => raceTo(step + 1)}
        >
          ▶
        </button>
        <button
          type="button"
          data-testid="crisis-race-last"
          aria-label={t('crisis.race.last')}
          title={t('crisis.race.last')}
          disabled={step === r.end}
          onClick={() => raceTo(r.end)}
        >
          ▶|
        </button>
        <span data-testid="crisis-race-step" role="status">
          {t('crisis.race.step', { step, end: r.end })}
        </span>
      </div>
      <p data-testid="crisis-race-counts" data-rumour={counts.rumour} data-correction={counts.correction}>
        {t('crisis.race.counts', {
          rumour: fixed(counts.rumour, 0),
          correction: fixed(counts.correction, 0),
          none: fixed(r.n - counts.rumour - counts.correction, 0),
        })}
      </p>
      <div class="row">
        <button type="button" data-testid="crisis-race-next" onClick={() => openRace(app, r.world + 1)}>
          {t('crisis.race.another')}
        </button>
        <button type="button" data-testid="crisis-race-close" onClick={() => closeRace()}>
          {t('crisis.race.close')}
        </button>
      </div>
    </fieldset>
  );
}
