/**
 * One long panel task in the worker pool (centralities, communities, distances, seed finding, a
 * critical-mass sweep) as state: what is being done, its progress with the time left, and how it
 * ended (done in so many seconds, cancelled, or the error). <TaskBar> shows it; the panel keeps
 * what it showed whatever happens.
 *
 * Cancelling stops only this task's work: the pool recycles the workers running its pieces and
 * requeues any other caller's (a simulation started meanwhile keeps going).
 */
import { signal } from '@preact/signals';
import { AbortError, type Progress, type RunOptions } from '../../engine/pool.ts';
import type { Notice } from '../state/types.ts';

export type TaskState = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface TaskOptions {
  /**
   * What a run started while another runs does: 'refuse' returns null at once (default),
   * 'replace' cancels the running one.
   */
  whileRunning?: 'refuse' | 'replace';
}

export class Task {
  readonly state = signal<TaskState>('idle');
  /** What the running task is doing (a phase label). */
  readonly label = signal<Notice | null>(null);
  readonly progress = signal<Progress | null>(null);
  /** Seconds the last finished run took. */
  readonly seconds = signal<number | null>(null);
  /** The error of a failed run. */
  readonly error = signal<Notice | null>(null);
  private controller: AbortController | null = null;
  /** What the running (or last) run was for, as given to run(): a graph, say. */
  private subject: unknown = null;

  constructor(private readonly options: TaskOptions = {}) {}

  get running(): boolean {
    return this.controller !== null;
  }

  /** Whether a run for this subject (the `for` given to run()) is going on. */
  runningFor(subject: unknown): boolean {
    return this.running && this.subject === subject;
  }

  /**
   * Run work with this task's signal and progress; resolves to its value, or null when it was
   * refused, cancelled, replaced or failed.
   */
  async run<T>(
    label: Notice,
    work: (options: Required<RunOptions>) => Promise<T>,
    subject: unknown = null,
  ): Promise<T | null> {
    if (this.controller) {
      if (this.options.whileRunning !== 'replace') return null;
      this.controller.abort();
    }
    const mine = new AbortController();
    this.controller = mine;
    this.subject = subject;
    const started = performance.now();
    this.phase(label);
    this.error.value = null;
    this.state.value = 'running';
    try {
      const value = await work({
        signal: mine.signal,
        onProgress: (p) => {
          if (this.controller === mine) this.progress.value = p;
        },
      });
      if (mine.signal.aborted) throw new AbortError();
      this.seconds.value = (performance.now() - started) / 1000;
      this.state.value = 'done';
      return value;
    } catch (error) {
      if (this.controller !== mine) return null; // replaced: the new run owns the task
      if (error instanceof AbortError || mine.signal.aborted || (error as Error).name === 'AbortError') {
        this.state.value = 'cancelled';
      } else {
        this.error.value = { text: (error as Error).message };
        this.state.value = 'error';
      }
      return null;
    } finally {
      if (this.controller === mine) this.controller = null;
    }
  }

  /** A new phase of the running task: its label, progress reset. */
  phase(label: Notice): void {
    this.label.value = label;
    this.progress.value = null;
  }

  cancel(): void {
    this.controller?.abort();
  }
}
