/**
 * The Crisis tab's state, as signals that outlive a re-render or a tab switch: the two forms'
 * drafts, the results on screen with what made them, the last message of each part (bad input
 * keeps the results), the two long tasks, whether clicks on the graph set the rumour, and the race
 * replayed on the stage (one world, its current step).
 */
import { signal } from '@preact/signals';
import type { ContainResult, WatchResult } from '../../../crisis/run.ts';
import type { ScenarioContain, ScenarioWatch } from '../../../engine/scenario.ts';
import type { RrModel, RrParams } from '../../../seeding/rr-sets.ts';
import type { Notice } from '../../state/types.ts';
import { Task } from '../../ui/task.ts';
import type { Race } from './race.ts';
import { containDraftOf, defaultContain, defaultWatch, watchDraftOf } from './settings.ts';

/** What every result on screen was made with (to say when the settings changed since). */
interface Made {
  graphSerial: number;
  model: RrModel;
  /** The scenario's p as set (null: the file's probabilities). */
  p: number | null;
  rngSeed: number;
}

export interface ShownWatch extends Made {
  settings: ScenarioWatch;
  result: WatchResult;
}

export interface ShownContain extends Made {
  settings: ScenarioContain;
  /** The rumour's accounts (indices). */
  rumour: number[];
  rr: RrParams;
  result: ContainResult;
}

export const watchDraft = signal(watchDraftOf(defaultWatch(null)));
export const containDraft = signal(containDraftOf(defaultContain(null)));
export const watchShown = signal<ShownWatch | null>(null);
export const containShown = signal<ShownContain | null>(null);
/** Why the last click of each part did not go through (its previous results stay). */
export const watchError = signal<Notice | null>(null);
export const containError = signal<Notice | null>(null);
/** What the last action did. */
export const announcement = signal<Notice | null>(null);
export const watchTask = new Task();
export const containTask = new Task();
/** Clicks on the graph add or remove accounts where the rumour starts (while the tab is open). */
export const pickOnGraph = signal(true);
/** The race replayed on the stage, and the step shown. */
export const race = signal<Race | null>(null);
export const raceStep = signal(0);
