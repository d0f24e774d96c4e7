/**
 * The Plan tab's state, as signals that outlive a re-render or a tab switch: the form's draft, the
 * costs file opened in the page (its text, read against the graph on screen), the plan on screen
 * and what made it, whether it is highlighted on the graph, the last message of the tab (a bad
 * costs file, a budget that buys nothing, what a click did), and the long task.
 */
import { signal } from '@preact/signals';
import type { PlanResult } from '../../../campaign/plan.ts';
import type { ScenarioPlan } from '../../../engine/scenario.ts';
import type { RrModel } from '../../../seeding/rr-sets.ts';
import type { Notice } from '../../state/types.ts';
import { Task } from '../../ui/task.ts';
import { defaultPlan, draftOf } from './settings.ts';

/** A costs file that was read without error against the graph it was opened on. */
export interface CostsFile {
  name: string;
  text: string;
}

/** The plan on screen and everything that made it. */
export interface ShownPlan {
  graphSerial: number;
  settings: ScenarioPlan;
  model: RrModel;
  /** The scenario's p as set (null: the file's probabilities). */
  p: number | null;
  rngSeed: number;
  result: PlanResult;
}

export const draft = signal(draftOf(defaultPlan(null)));
export const costsFile = signal<CostsFile | null>(null);
export const shown = signal<ShownPlan | null>(null);
export const highlightOn = signal(true);
/** Why the last click or file did not go through (the previous plan and costs stay). */
export const attemptError = signal<Notice | null>(null);
/** What the last action did (plan ready, seeds used, file saved). */
export const announcement = signal<Notice | null>(null);
export const task = new Task();
