/**
 * The classroom page, over the whole app while open: a header (lesson, projector view, back to
 * my work), the stage with its bar underneath (counters, step controls, legend, tools: nothing
 * ever lies over a person), and a side column (the lesson's text and question, the live
 * sliders, the chart of people reached per step, the 100-run dots, the network menu). The
 * projector view hides the side column and enlarges the type.
 */
import { useEffect, useRef } from 'preact/hooks';
import { count } from '../../i18n/format.ts';
import { fullWidth } from '../../i18n/lang.ts';
import { Controls } from './Controls.tsx';
import {
  enterClassroom,
  leaveClassroom,
  newRun,
  reset,
  showLesson,
  stepBy,
  togglePlay,
  views,
} from './effects.ts';
import { Legend } from './Legend.tsx';
import { LESSONS, partsOf } from './lessons.ts';
import { t } from './messages.ts';
import { NetworkMenu } from './NetworkMenu.tsx';
import { ReachChart } from './ReachChart.tsx';
import { RunDots } from './RunDots.tsx';
import { cascade, classroom, open, playing, problem, projector, step, type Tool, tool } from './state.ts';
import { ClassroomView } from './view.ts';

type LessonKey = `classroom.lesson${1 | 2 | 3 | 4 | 5 | 6}.${'title' | 'text' | 'question'}`;
const lessonText = (n: number, what: 'title' | 'text' | 'question') =>
  t(`classroom.lesson${n}.${what}` as LessonKey);
const partText = (n: number, part: number) =>
  t(`classroom.lesson${n}.part${part + 1}` as Parameters<typeof t>[0]);

/** The projector view, full screen where the browser allows it (Escape leaves both). */
function toggleProjector(): void {
  const on = !projector.value;
  projector.value = on;
  if (on && !document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => {});
  else if (!on && document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
}

/** The toolbar button of the normal app. */
export function ClassroomButton() {
  return (
    <button
      type="button"
      data-testid="classroom-enter"
      title={t('classroom.enter.title')}
      onClick={enterClassroom}
    >
      {t('classroom.enter')}
    </button>
  );
}

export function ClassroomOverlay() {
  return open.value ? <ClassroomPage /> : null;
}

function ClassroomPage() {
  const c = classroom.value;
  const page = useRef<HTMLElement>(null);
  useEffect(() => {
    page.current?.focus();
    return () => (document.querySelector('[data-testid=classroom-enter]') as HTMLElement | null)?.focus();
  }, []);
  return (
    <section
      class={`classroom${projector.value ? ' projector' : ''}`}
      data-testid="classroom"
      data-lesson={c.lesson}
      data-part={c.part}
      aria-label={t('classroom.title')}
      tabIndex={-1}
      ref={page}
    >
      <header class="cls-head">
        <h2>{c.lesson > 0 ? lessonText(c.lesson, 'title') : t('classroom.title')}</h2>
        <label class="cls-lesson">
          {t('classroom.lesson')}
          {fullWidth() ? '' : ' '}
          <select
            data-testid="classroom-lesson"
            value={String(c.lesson)}
            onChange={(e) => showLesson(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {LESSONS.map((n) => (
              <option key={n} value={String(n)}>
                {t('classroom.lesson.option', { n, title: lessonText(n, 'title') })}
              </option>
            ))}
            <option value="0">{t('classroom.lesson.free')}</option>
          </select>
        </label>
        {c.lesson > 0 && partsOf(c.lesson) > 1 ? (
          <fieldset class="cls-parts" aria-label={t('classroom.part')}>
            {Array.from({ length: partsOf(c.lesson) }, (_, k) => (
              <button
                key={k}
                type="button"
                data-testid={`classroom-part-${k + 1}`}
                aria-pressed={c.part === k}
                onClick={() => showLesson(c.lesson, k)}
              >
                {partText(c.lesson, k)}
              </button>
            ))}
          </fieldset>
        ) : null}
        <span class="cls-spacer" />
        <button
          type="button"
          data-testid="classroom-projector"
          aria-pressed={projector.value}
          onClick={toggleProjector}
        >
          {projector.value ? t('classroom.projector.leave') : t('classroom.projector')}
        </button>
        <button type="button" data-testid="classroom-leave" onClick={leaveClassroom}>
          {t('classroom.leave')}
        </button>
      </header>
      {problem.value ? (
        <p class="cls-problem" role="alert" data-testid="classroom-problem">
          {problem.value}{' '}
          <button type="button" onClick={() => (problem.value = null)}>
            ×
          </button>
        </p>
      ) : null}
      <div class="cls-main">
        <div class="cls-stage-col">
          <Stage />
          <Bar />
        </div>
        <aside class="cls-side">
          {c.lesson > 0 ? (
            <div class="cls-text" data-testid="classroom-text">
              <p>{lessonText(c.lesson, 'text')}</p>
              <p class="cls-question">
                <strong>{t('classroom.question')}</strong>
                {fullWidth() ? '：' : ': '}
                {lessonText(c.lesson, 'question')}
              </p>
            </div>
          ) : null}
          <Controls />
          <RunDots />
          <ReachChart />
          <NetworkMenu />
        </aside>
      </div>
    </section>
  );
}

function Stage() {
  const box = useRef<HTMLDivElement>(null);
  const pulses = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const view = new ClassroomView(box.current as HTMLDivElement, pulses.current as HTMLCanvasElement);
    views.current = view;
    return () => {
      view.kill();
      if (views.current === view) views.current = null;
    };
  }, []);
  return (
    <div class="cls-stage">
      <div class="cls-sigma" data-testid="classroom-canvas" ref={box} />
      <canvas class="cls-pulses" data-testid="classroom-pulses" ref={pulses} />
    </div>
  );
}

/** Under the stage: the counters, the step controls, the legend and the tools. */
function Bar() {
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
