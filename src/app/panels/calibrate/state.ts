/**
 * The Calibrate tab's state, as signals that outlive a re-render or a tab switch: the cascade log
 * opened (its text and preview, read against the graph on screen), the fit settings, the fit on
 * screen and what made it, the last message (a bad log, what a click did), and the long task.
 */
import { signal } from '@preact/signals';
import type { CalibrateBy, CalibrationResult } from '../../../calibration/calibrate.ts';
import type { CascadeLog, CascadeLogPreview } from '../../../calibration/cascade-log.ts';
import type { Notice } from '../../state/types.ts';
import { Task } from '../../ui/task.ts';

/** A cascade log read without error against the graph it was opened on. */
export interface OpenLog {
  name: string;
  text: string;
  bin: number | null;
  graphSerial: number;
  log: CascadeLog;
  preview: CascadeLogPreview;
}

/** The fit on screen and what made it. */
export interface ShownFit {
  graphSerial: number;
  file: string;
  by: CalibrateBy;
  runs: number;
  rngSeed: number;
  result: CalibrationResult;
}

export const logFile = signal<OpenLog | null>(null);
export const by = signal<CalibrateBy>('global');
/** The bin width in seconds as typed ('' = whole steps). */
export const binText = signal('');
export const shown = signal<ShownFit | null>(null);
/** Why the last file or click did not go through (the previous log and fit stay). */
export const attemptError = signal<Notice | null>(null);
/** What the last action did. */
export const announcement = signal<Notice | null>(null);
export const task = new Task();
