/**
 * The bar under the classroom stage (so it never covers a person): the counters people reached,
 * step and hops, large enough for the back of a room; what happened at this step; the step
 * controls; the legend; the drawing tools. Never "step 0 of 0": the total shows once there is one.
 */
import { count } from '../../i18n/format.ts';
import { newRun, reset, stepBy, togglePlay } from './effects.ts';
import { Legend } from './Legend.tsx';
import { t } from './messages.ts';
import { cascade, classroom, playing, step, type Tool, tool } from './state.ts';

export function StageBar() {
  const c = cascade.value;
  const s = step.value;
  const room = classroom.value;
  const people = room.network.people.length;
  const reached = c ? c.reached[s] : room.seeds.length;
  const hops = c ? c.farthest[s] : 0;
  let note: string;
  if (people === 0) note = t('classroom.note.noPeople');
  else if (!c) note = t('classroom.note.noSeeds');
  else if (c.lastStep === 0) note = t('classroom.note.never');
  else if (s >= c.lastStep) note = t('classroom.note.end', { reached: c.reached[c.lastStep] });
  else if (s === 0) note = t('classroom.note.start');
  else note = t('classroom.note.newly', { count: c.reached[s] - c.reached[s - 1] });
  const tools: Tool[] = ['play', 'draw', 'erase'];
  return (
    <div class="cls-bar" data-testid="classroom-bar">
      <div class="cls-counters" aria-live="polite">
        <p class="cls-count">
          <strong data-testid="classroom-reached">{count(reached)}</strong>
          <span>
            {t('classroom.reached', { n: reached })} <small>{t('classroom.of', { total: people })}</small>
          </span>
        </p>
        <p class="cls-count">
          <strong data-testid="classroom-step" data-step={s} data-last={c?.lastStep ?? 0}>
            {count(s)}
          </strong>
          <span>
            {c && c.lastStep > 0 ? t('classroom.stepOf', { step: s, last: c.lastStep }) : t('classroom.step')}
          </span>
        </p>
        <p class="cls-count">
          <strong data-testid="classroom-hops">{count(hops)}</strong>
          <span>{t('classroom.hops', { n: hops })}</span>
        </p>
      </div>
      <p class="cls-note" data-testid="classroom-note" role="status">
        {note}
      </p>
      <div class="cls-buttons">
        <button
          type="button"
          data-testid="classroom-back"
          disabled={!c || s === 0}
          onClick={() => stepBy(-1)}
        >
          ← {t('classroom.back')}
        </button>
        <button
          type="button"
          class="primary"
          data-testid="classroom-next"
          disabled={!c || s >= c.lastStep}
          onClick={() => stepBy(1)}
        >
          {t('classroom.next')} →
        </button>
        <button type="button" data-testid="classroom-play" disabled={!c} onClick={togglePlay}>
          {playing.value ? t('classroom.pause') : t('classroom.play')}
        </button>
        <button type="button" data-testid="classroom-reset" disabled={!c} onClick={reset}>
          {t('classroom.reset')}
        </button>
        <button type="button" data-testid="classroom-again" disabled={!c} onClick={newRun}>
          {t('classroom.again')}
        </button>
        <span class="cls-keys">{t('classroom.keys')}</span>
      </div>
      <Legend />
      <fieldset class="cls-tools" aria-label={t('classroom.tools')}>
        {tools.map((k) => (
          <button
            key={k}
            type="button"
            data-testid={`classroom-tool-${k}`}
            aria-pressed={tool.value === k}
            onClick={() => (tool.value = k)}
          >
            {t(`classroom.tool.${k}`)}
          </button>
        ))}
        <span class="cls-tool-help">{t(`classroom.tool.help.${tool.value}`)}</span>
      </fieldset>
    </div>
  );
}
