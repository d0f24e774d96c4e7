/**
 * Where the Calibrate tab talks to the outside: cascade logs the user opens or drops (read
 * strictly against the graph on screen, with a preview), the worker pool (calibrate() of
 * src/calibration/, the same code, options and random streams as `ripple calibrate`), and the
 * scenario (the fitted p becomes its p, with the independent cascade model).
 */
import { batch } from '@preact/signals';
import { type CalibratePhase, calibrate } from '../../../calibration/calibrate.ts';
import { CascadeLogError, parseCascadeLog, previewCascadeLog } from '../../../calibration/cascade-log.ts';
import { NoInformationError } from '../../../calibration/fit-ic.ts';
import type { App } from '../../core/context.ts';
import { usePoolGraph } from '../../run/pool-graph.ts';
import { type Notice, noticeOf } from '../../state/notice.ts';
import { t } from './messages.ts';
import { announcement, attemptError, binText, by, logFile, type OpenLog, shown, task } from './state.ts';

export const TAB_ID = 'calibrate';
/** Simulated cascades for the goodness of fit: `ripple calibrate`'s default (--runs). */
export const CALIBRATE_RUNS = 10_000;

/** The bin width typed: null for whole steps, undefined when it is not a number > 0. */
export function binOf(text: string): number | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  const x = Number(s);
  return Number.isFinite(x) && x > 0 ? x : undefined;
}

/** The engine's problem (English) in the page's language, where it is one the page knows. */
export function problemText(problem: string): string {
  const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^account '(.*)' is not in the graph$/, (m) => t('cal.problem.account', { id: m[1] })],
    [/^parent '(.*)' is not in the graph$/, (m) => t('cal.problem.parent', { id: m[1] })],
    [/^step '(.*)' is not a whole number/, (m) => t('cal.problem.step', { step: m[1] })],
    [/^the header has no '(.*)' column/, (m) => t('cal.problem.header', { column: m[1] })],
    [/^cascade '(.*)' has no first adopter/, (m) => t('cal.problem.noFirst', { cascade: m[1] })],
    [
      /^parent '(.*)' adopted at step (\d+), (?:the same step as|after) its child \(step (\d+)\)/,
      (m) => t('cal.problem.late', { id: m[1], at: m[2], child: m[3] }),
    ],
    [
      /^parent '(.*)' adopted at step (\d+), more than one step before its child \(step (\d+)\)/,
      (m) => t('cal.problem.early', { id: m[1], at: m[2], child: m[3] }),
    ],
    [
      /^parent '(.*)' is not in cascade '(.*)'$/,
      (m) => t('cal.problem.parentOut', { id: m[1], cascade: m[2] }),
    ],
    [/^parent '(.*)' cannot reach '(.*)'/, (m) => t('cal.problem.noArc', { id: m[1], child: m[2] })],
    [
      /^account '(.*)' adopts twice in cascade '(.*)' \(first on line (\d+)\)$/,
      (m) => t('cal.problem.twice', { id: m[1], cascade: m[2], line: m[3] }),
    ],
    [/^the file is empty$/, () => t('cal.problem.empty')],
    [/^binary data/, () => t('cal.problem.binary')],
    [/^not valid JSON/, () => t('cal.problem.json')],
  ];
  for (const [re, say] of patterns) {
    const m = re.exec(problem);
    if (m) return say(m);
  }
  return problem;
}

/** A bad log in one line: the file, the line and the problem; the previous log and fit are kept. */
export function logErrorNotice(error: unknown): Notice {
  if (error instanceof CascadeLogError) {
    const { file, line, problem } = error;
    return line === null
      ? { say: () => t('cal.file.badNoLine', { file, problem: problemText(problem) }) }
      : { say: () => t('cal.file.bad', { file, line, problem: problemText(problem) }) };
  }
  return noticeOf(error);
}

/** Read a log against the graph on screen: the open log, or throws a CascadeLogError. */
function readLog(app: App, name: string, text: string, bin: number | null): OpenLog | null {
  const graph = app.store.graph.peek();
  if (!graph) return null;
  const { ids, csr } = graph.loaded;
  const log = parseCascadeLog(text, name, ids, csr, { bin });
  const preview = previewCascadeLog(text, name, ids, csr, { bin });
  return { name, text, bin, graphSerial: graph.serial, log, preview };
}

function accept(app: App, name: string, text: string): void {
  const bin = binOf(binText.peek());
  if (bin === undefined) {
    attemptError.value = { say: () => t('cal.bin.invalid') };
    return;
  }
  let opened: OpenLog | null;
  try {
    opened = readLog(app, name, text, bin);
  } catch (error) {
    attemptError.value = logErrorNotice(error);
    return;
  }
  if (!opened) return;
  const open = opened;
  batch(() => {
    attemptError.value = null;
    logFile.value = open;
    announcement.value = null;
  });
}

/** A log opened or dropped: if it is good it becomes the log; otherwise one line says why, and the previous log and fit stay. */
export async function openLogFile(app: App, file: File): Promise<void> {
  const name = file.name;
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const message = (error as Error).message;
    attemptError.value = { say: () => t('cal.file.unreadable', { file: name, message }) };
    return;
  }
  accept(app, name, text);
}

/** A new bin width: the open log is read again with it (a bad read keeps the previous one). */
export function setBin(app: App, text: string): void {
  binText.value = text;
  const open = logFile.peek();
  if (!open || binOf(text) === undefined || binOf(text) === open.bin) return;
  accept(app, open.name, open.text);
}

export function phaseLabel(phase: CalibratePhase): string {
  return t(`cal.phase.${phase}`);
}

/** Fit p to the open log on the scenario's graph with its random seed. */
export async function runFit(app: App): Promise<void> {
  const { store, pool } = app;
  const graph = store.graph.peek();
  if (!graph || task.running) return;
  const open = logFile.peek();
  if (!open || open.graphSerial !== graph.serial) {
    attemptError.value = { say: () => t('cal.file.none') };
    return;
  }
  attemptError.value = null;
  const rngSeed = store.scenario.peek().rngSeed;
  const grouping = by.peek();
  let refused: unknown = null;
  const result = await task.run({ say: () => t('cal.phase.starting') }, async ({ signal, onProgress }) => {
    usePoolGraph(pool, graph);
    try {
      return await calibrate(
        pool,
        graph.loaded.csr,
        open.log,
        { by: grouping, runs: CALIBRATE_RUNS, rngSeed },
        { signal, onProgress, onPhase: (phase) => task.phase({ say: () => phaseLabel(phase) }) },
      );
    } catch (error) {
      if (error instanceof NoInformationError) {
        refused = error;
        return null;
      }
      throw error;
    }
  });
  if (refused) {
    attemptError.value = { say: () => t('cal.noInformation', { file: open.name }) };
    return;
  }
  if (!result || store.graph.peek() !== graph) return;
  batch(() => {
    shown.value = {
      graphSerial: graph.serial,
      file: open.name,
      by: grouping,
      runs: CALIBRATE_RUNS,
      rngSeed,
      result,
    };
    announcement.value = { say: () => t('cal.announce') };
  });
}

/** The scenario's model becomes the independent cascade with the fitted p. */
export function useFittedP(app: App): void {
  const s = shown.peek();
  const graph = app.store.graph.peek();
  if (!s || !graph || s.graphSerial !== graph.serial) return;
  const p = s.result.ic.estimate;
  app.store.patchScenario({ model: 'ic', params: { p } });
  announcement.value = { say: () => t('cal.used', { p: p.toPrecision(4) }) };
}

/** Wire the tab to the app: a new graph clears the log and the fit. */
export function startCalibrate(app: App): void {
  app.store.onNewGraph(() => {
    task.cancel();
    batch(() => {
      logFile.value = null;
      shown.value = null;
      attemptError.value = null;
      announcement.value = null;
    });
  });
}
