/**
 * Educator mode: a step-by-step view of one cascade for a class. The graph fills the page; each
 * press of the right arrow (or space, or "Next step") advances the cascade by one step, the
 * accounts reached at that step pulse, and a big counter shows the people reached so far and how
 * many hops the post has travelled; the left arrow goes back, Home and End jump, Escape leaves.
 * The heads-up display offers the class graphs. Shown while the scenario's mode is 'educator'
 * (the toolbar button, or a link with mode=educator); the cascade itself comes from effects.ts.
 */
import { useEffect, useRef } from 'preact/hooks';
import { DATASETS } from '../../bundled/datasets.ts';
import { useApp } from '../../core/context.ts';
import { count, pluralOf } from '../../i18n/format.ts';
import { fullWidth } from '../../i18n/lang.ts';
import { noticeText } from '../../state/notice.ts';
import { datasetOption } from '../data/datasets.ts';
import { CLASS_GRAPHS, classGraphOf, classroomScenario } from './classroom.ts';
import { t } from './messages.ts';
import {
  anotherCascade,
  current,
  enterButton,
  enterEducator,
  failure,
  isEducator,
  leaveEducator,
  phase,
  showStep,
  stepBy,
  steps,
  switched,
} from './state.ts';
import { reachedAt } from './steps.ts';

/** The toolbar button. */
export function EducatorButton() {
  const { store } = useApp();
  return (
    <button type="button" data-testid="educator-enter" ref={enterButton} onClick={() => enterEducator(store)}>
      {t('educator.enter')}
    </button>
  );
}

/** The heads-up display, over the page while the mode is on. */
export function EducatorOverlay() {
  const { store } = useApp();
  return isEducator(store) ? <Hud /> : null;
}

const CLASS_DATASETS = DATASETS.filter((d) => d.file in CLASS_GRAPHS);

function Hud() {
  const { store } = useApp();
  const c = steps.value;
  const s = current.value;
  const scenario = store.scenario.value;
  const hud = useRef<HTMLElement>(null);

  useEffect(() => {
    hud.current?.focus();
    // Keys: captured before other listeners (playback, tabs), and only while the mode is on.
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
      let handled = true;
      if (event.key === 'ArrowRight' || event.key === ' ' || event.key === 'Spacebar') stepBy(1);
      else if (event.key === 'ArrowLeft') stepBy(-1);
      else if (event.key === 'Home') showStep(0);
      else if (event.key === 'End') showStep(steps.value?.lastStep ?? 0);
      else if (event.key === 'Escape') leaveEducator(store);
      else handled = false;
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // A focused button would also "click" on the space key's release: the key already stepped.
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ' || event.key === 'Spacebar') event.preventDefault();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    window.addEventListener('keyup', onKeyUp, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      window.removeEventListener('keyup', onKeyUp, { capture: true });
      enterButton.current?.focus();
    };
  }, [store]);

  const p = phase.value;
  let note = '';
  if (p === 'waiting' || p === 'computing') note = t('educator.computing');
  else if (p === 'noSeeds') note = t('educator.noSeeds');
  else if (p === 'error')
    note = t('educator.error', { message: failure.value ? noticeText(failure.value) : '' });
  else if (c && s > 0 && s >= c.lastStep) note = t('educator.done');
  else if (c && s > 0) note = t('educator.newly', { count: reachedAt(c, s).length });
  else if (c) note = t('educator.start');
  const reached = c ? c.reached[s] : 0;
  const hops = c ? c.farthest[s] : 0;

  return (
    <section
      class="educator-hud"
      data-testid="educator-hud"
      data-step={s}
      aria-label={t('educator.title')}
      tabIndex={-1}
      ref={hud}
    >
      <h2>{t('educator.title')}</h2>
      <div aria-live="polite" aria-atomic="true">
        <p class="educator-count">
          <strong data-testid="educator-reached" data-value={reached}>
            {count(reached)}
          </strong>
          <span>
            {pluralOf(reached) === 'one' ? t('educator.reachedLabel.one') : t('educator.reachedLabel')}
          </span>
        </p>
        <p class="educator-count hops">
          <strong data-testid="educator-hops" data-value={hops}>
            {count(hops)}
          </strong>
          <span>{pluralOf(hops) === 'one' ? t('educator.hopsLabel.one') : t('educator.hopsLabel')}</span>
        </p>
        <p class="educator-step" data-testid="educator-step">
          {c ? t('educator.step', { step: s, last: c.lastStep }) : ''}
        </p>
      </div>
      <p class="educator-note" data-testid="educator-note" role="status">
        {note}
      </p>
      {switched.value ? <p class="educator-note">{t('educator.switched')}</p> : null}
      <div class="educator-buttons">
        <button type="button" data-testid="educator-back" disabled={!c || s === 0} onClick={() => stepBy(-1)}>
          {t('educator.back')}
        </button>
        <button
          type="button"
          class="primary"
          data-testid="educator-next"
          disabled={!c || s >= c.lastStep}
          onClick={() => stepBy(1)}
        >
          {t('educator.next')}
        </button>
        <button type="button" data-testid="educator-again" onClick={() => anotherCascade(store)}>
          {t('educator.again')}
        </button>
        <button type="button" data-testid="educator-exit" onClick={() => leaveEducator(store)}>
          {t('educator.exit')}
        </button>
      </div>
      <label class="educator-graph">
        {t('educator.graph')}
        {fullWidth() ? '' : ' '}
        <select
          data-testid="educator-graph"
          value={classGraphOf(scenario)}
          onChange={(e) => {
            const file = (e.currentTarget as HTMLSelectElement).value;
            if (file) store.setScenario(classroomScenario(store.scenario.value, file));
          }}
        >
          <option value="" disabled>
            {t('educator.otherGraph')}
          </option>
          {CLASS_DATASETS.map((d) => (
            <option key={d.file} value={d.file}>
              {datasetOption(d)}
            </option>
          ))}
        </select>
      </label>
      <p class="educator-keys">{t('educator.keys')}</p>
    </section>
  );
}
