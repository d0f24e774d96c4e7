/**
 * The Ties tab's state, as signals: whether the lens colours the graph, the tie kinds found (with
 * the graph and rule they belong to) and the task computing them; the removal experiment's form,
 * its last result (with the graph and settings it belongs to) and its task; the tab's last note.
 */
import { signal } from '@preact/signals';
import type { TieKindsOutput } from '../../../ties/jobs.ts';
import { REMOVAL_STEPS } from '../../../ties/params.ts';
import type { RemovalResult } from '../../../ties/removal.ts';
import type { GraphState, Notice } from '../../state/types.ts';
import { Task } from '../../ui/task.ts';

/** Runs per share removed: `ripple ties --removal`'s default. */
export const REMOVAL_RUNS_DEFAULT = 200;

export const lensOn = signal(false);

export interface FoundKinds extends TieKindsOutput {
  graph: GraphState;
  strongBy: string;
}

/** The tie kinds of the graph on screen under a rule, or null (none yet, another graph since). */
export const kinds = signal<FoundKinds | null>(null);
export const kindsTask = new Task({ whileRunning: 'replace' });

export const removalSteps = signal<number>(REMOVAL_STEPS.default);
export const removalRuns = signal<number>(REMOVAL_RUNS_DEFAULT);

export interface ShownRemoval {
  graph: GraphState;
  strongBy: string;
  p: number;
  runs: number;
  /** The seeds used: the scenario's, or random (k). */
  seeds: { kind: 'groups'; count: number } | { kind: 'random'; k: number };
  result: RemovalResult;
}

export const removal = signal<ShownRemoval | null>(null);
export const removalTask = new Task();

/** What the tab last did (preset applied, file opened), or why it could not. */
export const note = signal<Notice | null>(null);
