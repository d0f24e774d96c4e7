/**
 * The Suggest seeds tab's state, as signals that outlive a re-render or a tab switch: the form's
 * draft, the last suggestion, the budget curves on the chart, whether the suggestion is
 * highlighted on the graph, the announcement for screen readers, the error of the last attempt,
 * the time calibration of the graph and model on screen, and the long task.
 */
import { signal } from '@preact/signals';
import type { FoundSeeds } from '../../../seeding/find-seeds.ts';
import type { Notice } from '../../state/types.ts';
import { Task } from '../../ui/task.ts';
import { type Curves, NO_CURVES } from './curves.ts';
import type { Calibration } from './estimate.ts';
import { defaultDraft, type SeedFindSettings } from './settings.ts';

export interface Suggestion {
  graphSerial: number;
  settings: SeedFindSettings;
  found: FoundSeeds;
  /** The chosen accounts' ids, in the order the method picked them. */
  ids: string[];
}

export type CalibrationState =
  | { key: string; state: 'running' }
  | { key: string; state: 'done'; value: Calibration }
  | { key: string; state: 'error'; error: Notice };

export const draft = signal(defaultDraft());
export const suggestion = signal<Suggestion | null>(null);
export const curves = signal<Curves>(NO_CURVES);
export const highlightOn = signal(true);
export const announcement = signal<Notice | null>(null);
/** Why the last click did not start (a field, or the engine refusing the parameters). */
export const attemptError = signal<Notice | null>(null);
export const calibration = signal<CalibrationState | null>(null);
/** A click is waiting for the calibration before the run starts. */
export const preparing = signal(false);
export const task = new Task();
