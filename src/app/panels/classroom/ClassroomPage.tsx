/**
 * The classroom page, over the whole app while open: a header (lesson, projector view, back to
 * my work), the stage with its bar underneath (counters, step controls, legend, tools: nothing
 * ever lies over a person), and a side column (the lesson's text and question, the live
 * sliders, the chart of people reached per step, the 100-run dots, the network menu). The
 * projector view hides the side column and enlarges the type.
 */
import { useEffect, useRef } from 'preact/hooks';
import { fullWidth } from '../../i18n/lang.ts';
import { Controls } from './Controls.tsx';
import { enterClassroom, leaveClassroom, showLesson, views } from './effects.ts';
import { LESSONS, partsOf } from './lessons.ts';
import { t } from './messages.ts';
import { NetworkMenu } from './NetworkMenu.tsx';
import { ReachChart } from './ReachChart.tsx';
import { RunDots } from './RunDots.tsx';
import { StageBar } from './StageBar.tsx';
import { classroom, open, problem, projector } from './state.ts';
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
            onChange={(e) => {
              showLesson(Number((e.currentTarget as HTMLSelectElement).value));
              // The keys step the lesson at once (a focused menu would take space and the arrows).
              page.current?.focus();
            }}
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
          <StageBar />
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
