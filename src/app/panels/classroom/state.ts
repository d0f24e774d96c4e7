/**
 * The classroom's signals, apart from the user's scenario (the store is never written, so leaving
 * the mode finds the user's work as it was): whether the mode is open, the classroom (network,
 * lesson, settings), the step shown, play, the projector view, the drawing tool, and the
 * 100-run distribution. Everything derived (the CSR, the cascade of the run shown) is computed.
 */
import { computed, signal } from '@preact/signals';
import { firstClassroom } from './lessons.ts';
import type { Classroom } from './model.ts';
import { networkCsr } from './network.ts';
import { classroomSimulator } from './sim/cascade.ts';
import { type CascadeSteps, cascadeSteps } from './steps.ts';

export const open = signal(false);
export const classroom = signal<Classroom>(firstClassroom());
/** The step on screen. */
export const step = signal(0);
export const playing = signal(false);
export const projector = signal(false);
export type Tool = 'play' | 'draw' | 'erase';
export const tool = signal<Tool>('play');
/** A problem to show in the classroom (a file or link that could not be read), or null. */
export const problem = signal<string | null>(null);

export const csr = computed(() => networkCsr(classroom.value.network));

/** The run shown, step by step: run `run` of the classroom's random stream. */
export const cascade = computed<CascadeSteps | null>(() => {
  const c = classroom.value;
  const graph = csr.value;
  if (graph.n === 0 || c.seeds.length === 0) return null;
  const { trace } = classroomSimulator(graph, c)(c.seeds, c.rng, c.run, 1, c.run);
  return trace ? cascadeSteps(trace, graph) : null;
});

/** What decides the 100-run distribution (the run shown does not). */
export const distributionKey = computed(() => {
  const { network, p, need, seeds, rng } = classroom.value;
  return JSON.stringify({ network, p, need, seeds, rng });
});

export const RUNS = 100;

export interface Distribution {
  key: string;
  /** People reached in runs 0..RUNS-1 (fewer while computing). */
  sizes: number[];
  people: number;
}

/** Shown once asked for ("Run 100 times"), then follows the settings until the lesson changes. */
export const wantDistribution = signal(false);
export const distribution = signal<Distribution | null>(null);
