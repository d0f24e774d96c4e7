/**
 * The classroom view's state: the cascade on screen (step tables of run 0), the step shown, where
 * the cascade is (waiting for the class graph, computing, ready, no seed, failed), and whether a
 * large graph was swapped for the karate club on entering. The actions move between steps and
 * enter or leave the mode (the mode is part of the scenario, so its link opens straight into it).
 */
import { signal } from '@preact/signals';
import { createRef } from 'preact';
import type { Notice } from '../../state/notice.ts';
import type { Store } from '../../state/store.ts';
import { withoutMode } from './classroom.ts';
import { type CascadeSteps, moveStep } from './steps.ts';

export type Phase = 'off' | 'waiting' | 'computing' | 'ready' | 'noSeeds' | 'error';

export const steps = signal<CascadeSteps | null>(null);
/** The step on screen. */
export const current = signal(0);
export const phase = signal<Phase>('off');
/** Why the cascade could not be computed (phase 'error'). */
export const failure = signal<Notice | null>(null);
/** The mode was entered on a large graph and switched to the karate club. */
export const switched = signal(false);

/** The toolbar's button, focused again when the mode is left. */
export const enterButton = createRef<HTMLButtonElement>();

export function isEducator(store: Store): boolean {
  return store.scenario.value.mode === 'educator';
}

/** Show step `to` (kept within the cascade). */
export function showStep(to: number): void {
  const c = steps.value;
  if (c) current.value = moveStep(c, 0, to);
}

/** Next (+1) or back (-1). */
export function stepBy(by: number): void {
  const c = steps.value;
  if (c) current.value = moveStep(c, current.value, by);
}

export function enterEducator(store: Store): void {
  store.patchScenario({ mode: 'educator' });
}

export function leaveEducator(store: Store): void {
  store.setScenario(withoutMode(store.scenario.value));
}

/** Another cascade: the next random stream. */
export function anotherCascade(store: Store): void {
  store.patchScenario({ rngSeed: (store.scenario.value.rngSeed + 1) >>> 0 });
}
