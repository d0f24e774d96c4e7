/**
 * What the classroom does on its own (the only place it talks to the outside): the address bar's
 * `class=` field while it is open (so a link or a reload reopens it as it was), the last classroom
 * kept in localStorage for the next visit, the keys, play, and the 100-run distribution computed
 * in slices between frames. The user's scenario, graph and results are never written.
 */
import { batch, effect } from '@preact/signals';
import { nextTask } from '../../../util/next-task.ts';
import { pageLink } from '../../persist/state.ts';
import { firstClassroom, openLesson } from './lessons.ts';
import type { Classroom } from './model.ts';
import { nextRun } from './model.ts';
import { classroomFromFile, classroomFromLink, classroomToFile, classroomToLink } from './saved.ts';
import { classroomSimulator } from './sim/cascade.ts';
import {
  cascade,
  classroom,
  csr,
  distribution,
  distributionKey,
  open,
  playing,
  problem,
  projector,
  RUNS,
  step,
  tool,
  wantDistribution,
} from './state.ts';
import { moveStep } from './steps.ts';
import type { ClassroomView } from './view.ts';

const STORAGE_KEY = 'ripple.classroom';
/** Time between steps while playing. */
const PLAY_MS = 1100;
/** Runs computed per slice of the 100-run distribution. */
const SLICE = 10;

/** The classroom view on screen (set by the stage component), for the tests' handle. */
export const views: { current: ClassroomView | null } = { current: null };

function stored(): Classroom | null {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    return text ? classroomFromFile(text, 'storage') : null;
  } catch {
    return null;
  }
}

export function enterClassroom(): void {
  batch(() => {
    classroom.value = stored() ?? classroom.peek();
    step.value = 0;
    open.value = true;
  });
}

export function leaveClassroom(): void {
  batch(() => {
    playing.value = false;
    projector.value = false;
    open.value = false;
  });
}

export function showLesson(lesson: number, part = 0): void {
  batch(() => {
    classroom.value =
      lesson === 0 ? { ...classroom.peek(), lesson: 0, part: 0 } : openLesson(classroom.peek(), lesson, part);
    step.value = 0;
    playing.value = false;
    wantDistribution.value = false;
    tool.value = 'play';
  });
}

export function setClassroom(next: Classroom): void {
  classroom.value = next;
}

export function stepBy(by: number): void {
  const c = cascade.peek();
  if (c) step.value = moveStep(c, step.peek(), by);
}

export function reset(): void {
  batch(() => {
    playing.value = false;
    step.value = 0;
  });
}

export function togglePlay(): void {
  const c = cascade.peek();
  if (!c) return;
  if (!playing.peek() && step.peek() >= c.lastStep) step.value = 0;
  playing.value = !playing.peek();
}

export function newRun(): void {
  batch(() => {
    classroom.value = nextRun(classroom.peek());
    step.value = 0;
  });
}

/** Read the classroom of a link's `class=` field (or `mode=educator` of older links). */
function fromPage(fields: { class?: string; mode?: string }): Classroom | null {
  if (fields.class !== undefined) {
    try {
      return classroomFromLink(fields.class);
    } catch (error) {
      problem.value = (error as Error).message;
      return firstClassroom();
    }
  }
  return fields.mode === 'educator' ? firstClassroom() : null;
}

export function startClassroom(): void {
  // A link opens the classroom over the scenario.
  const linked = fromPage(pageLink.peek());
  if (linked) {
    classroom.value = linked;
    open.value = true;
  }
  let written = '';
  effect(() => {
    const on = open.value;
    const c = classroom.value;
    document.body.classList.toggle('classroom-open', on);
    written = on ? classroomToLink(c) : '';
    const rest = { ...pageLink.peek() };
    delete rest.mode;
    if (on) rest.class = written;
    else delete rest.class;
    pageLink.value = rest;
    if (on)
      try {
        localStorage.setItem(STORAGE_KEY, classroomToFile(c));
      } catch {
        // No storage (private mode, full): the link still holds it.
      }
  });
  // A pasted link with another classroom.
  effect(() => {
    const fields = pageLink.value;
    if (fields.class === undefined || fields.class === written) return;
    const next = fromPage(fields);
    if (next)
      batch(() => {
        classroom.value = next;
        step.value = 0;
        open.value = true;
      });
  });
  // The step stays within the cascade shown (a slider moved: the same step of the new run).
  effect(() => {
    const c = cascade.value;
    if (!c) {
      step.value = 0;
      playing.value = false;
    } else if (step.peek() > c.lastStep) step.value = c.lastStep;
  });
  let timer: ReturnType<typeof setInterval> | null = null;
  effect(() => {
    if (timer) clearInterval(timer);
    timer = null;
    if (!playing.value || !open.value) return;
    timer = setInterval(() => {
      const c = cascade.peek();
      if (!c || step.peek() >= c.lastStep) playing.value = false;
      else step.value = step.peek() + 1;
    }, PLAY_MS);
  });
  // Escape out of the browser's full screen leaves the projector view too.
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement) projector.value = false;
  });
  window.addEventListener('keydown', onKey, { capture: true });
  window.addEventListener('keyup', onKeyUp, { capture: true });
  startDistribution();
  const handle = (globalThis as { ripple?: Record<string, unknown> }).ripple;
  if (handle)
    handle.classroom = {
      state: () => classroom.peek(),
      cascade: () => cascade.peek(),
      step: () => step.peek(),
      csr: () => csr.peek(),
      screenOf: (i: number) => views.current?.screenOf(i) ?? null,
      sigma: () => views.current?.sigma ?? null,
    };
}

function onKey(event: KeyboardEvent): void {
  if (!open.peek() || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (
    target &&
    /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) &&
    (target as HTMLInputElement).type !== 'range'
  )
    return;
  let handled = true;
  const key = event.key;
  if (key === ' ' || key === 'Spacebar' || key === 'ArrowRight') stepBy(1);
  else if (key === 'ArrowLeft') stepBy(-1);
  else if (key === 'r' || key === 'R') reset();
  else if (key === 'p' || key === 'P') togglePlay();
  else if (key === 'Escape' && projector.peek()) projector.value = false;
  else handled = false;
  if (handled) {
    event.preventDefault();
    event.stopPropagation();
  }
}

/** A focused button would also "click" on the space key's release: the key already stepped. */
function onKeyUp(event: KeyboardEvent): void {
  if (open.peek() && (event.key === ' ' || event.key === 'Spacebar')) event.preventDefault();
}

/** Runs 0..99 of the classroom's stream, SLICE at a time with a task between, while wanted. */
function startDistribution(): void {
  let token = 0;
  effect(() => {
    const key = distributionKey.value;
    const wanted = wantDistribution.value && open.value;
    const mine = ++token;
    if (!wanted) {
      distribution.value = null;
      return;
    }
    const c = classroom.peek();
    const graph = csr.peek();
    const people = graph.n;
    const run = classroomSimulator(graph, c);
    const sizes: number[] = [];
    distribution.value = { key, sizes: [], people };
    const slice = () => {
      if (mine !== token) return;
      const count = Math.min(SLICE, RUNS - sizes.length);
      if (c.seeds.length > 0) sizes.push(...run(c.seeds, c.rng, sizes.length, count, null).sizes);
      else sizes.push(...new Array(count).fill(0));
      distribution.value = { key, sizes: [...sizes], people };
      if (sizes.length < RUNS) nextTask(slice);
    };
    nextTask(slice);
  });
}
