/**
 * The progress line of one panel task (seed finding, a critical-mass sweep): what is being done,
 * a progress bar, done of total with the time left, a Cancel button, and one status line that
 * says how the task ended (done, cancelled, or the error in one sentence). The panel keeps its
 * previous result whatever happens. A task does not start while a simulation runs: cancelling one
 * of two users of the shared worker pool could stop the other's workers.
 */
import { AbortError, type Progress } from '../../../../workers/pool.ts';
import { el } from '../../dom.ts';
import { formatDuration, formatNumber, type StringKey, t } from '../../i18n.ts';
import type { Store } from '../../store.ts';

export function duration(ms: number): string {
  return formatDuration(ms);
}

export type TaskState = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** Strings of a task bar, from the panel's own keys. */
export interface TaskStrings {
  cancel: StringKey;
  progress: StringKey;
  progressNoEta: StringKey;
  done: StringKey;
  cancelled: StringKey;
  error: StringKey;
  busy: StringKey;
}

export class TaskBar {
  readonly element: HTMLElement;
  readonly cancelButton: HTMLButtonElement;
  private readonly label = el('span', { class: 'task-label' });
  private readonly bar: HTMLProgressElement;
  private readonly detail: HTMLElement;
  private readonly status: HTMLElement;
  private readonly live: HTMLElement;
  private controller: AbortController | null = null;

  constructor(
    private readonly store: Store,
    private readonly strings: TaskStrings,
    testid: string,
  ) {
    this.bar = el('progress', { max: '1', value: '0', 'data-testid': `${testid}-progress` });
    this.detail = el('span', { class: 'hint', 'data-testid': `${testid}-eta` });
    this.status = el('p', { role: 'status', class: 'status', 'data-testid': `${testid}-status` });
    this.cancelButton = el(
      'button',
      { type: 'button', 'data-testid': `${testid}-cancel`, disabled: '' },
      t(strings.cancel),
    );
    this.cancelButton.addEventListener('click', () => this.cancel());
    this.live = el('div', { class: 'row task-row' }, this.bar, this.cancelButton);
    this.element = el(
      'div',
      { class: 'task', 'data-testid': testid, 'data-state': 'idle' },
      this.label,
      this.live,
      this.detail,
      this.status,
    );
    this.setState('idle');
  }

  get running(): boolean {
    return this.controller !== null;
  }

  /** A new phase of the running task: its label, progress reset. */
  phase(label: string): void {
    this.label.textContent = label;
    this.bar.setAttribute('aria-label', label);
    this.bar.value = 0;
    this.detail.textContent = '';
  }

  progress(p: Progress): void {
    this.bar.value = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
    const vars = { done: formatNumber(p.done), total: formatNumber(p.total) };
    this.detail.textContent =
      p.etaMs === null
        ? t(this.strings.progressNoEta, vars)
        : t(this.strings.progress, { ...vars, left: duration(p.etaMs) });
  }

  /** Run a task; resolves to its value, or null when it was refused, cancelled or failed. */
  async run<T>(label: string, work: (signal: AbortSignal) => Promise<T>): Promise<T | null> {
    if (this.controller) return null;
    if (this.store.get().run.state === 'running') {
      this.status.textContent = t(this.strings.busy);
      return null;
    }
    const controller = new AbortController();
    this.controller = controller;
    const started = performance.now();
    this.phase(label);
    this.status.textContent = '';
    this.setState('running');
    try {
      const value = await work(controller.signal);
      this.status.textContent = t(this.strings.done, {
        seconds: formatNumber((performance.now() - started) / 1000, 1),
      });
      this.setState('done');
      return value;
    } catch (error) {
      if (error instanceof AbortError || controller.signal.aborted) {
        this.status.textContent = t(this.strings.cancelled);
        this.setState('cancelled');
      } else {
        this.status.textContent = t(this.strings.error, { message: (error as Error).message });
        this.setState('error');
      }
      return null;
    } finally {
      this.controller = null;
    }
  }

  cancel(): void {
    this.controller?.abort();
  }

  private setState(state: TaskState): void {
    this.element.dataset.state = state;
    const running = state === 'running';
    this.live.hidden = !running;
    this.label.hidden = !running;
    this.detail.hidden = !running;
    this.cancelButton.disabled = !running;
  }
}
