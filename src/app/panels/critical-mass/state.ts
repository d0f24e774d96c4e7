/**
 * The Critical mass tab's state, as signals that outlive a re-render or a tab switch: the form's
 * draft, the last sweep (every repeat and their summary), the error of the last attempt, and the
 * long task.
 */
import { signal } from '@preact/signals';
import type { Notice } from '../../state/types.ts';
import { Task } from '../../ui/task.ts';
import type { Repeat, RepeatSummary } from './repeats.ts';
import { type CriticalSettings, defaultDraft } from './settings.ts';

export interface Sweep {
  graphSerial: number;
  settings: CriticalSettings;
  repeats: Repeat[];
  summary: RepeatSummary;
}

export const draft = signal(defaultDraft());
export const sweep = signal<Sweep | null>(null);
/** Why the last click did not start (a field, no seeds, the engine refusing the options). */
export const attemptError = signal<Notice | null>(null);
export const task = new Task();
