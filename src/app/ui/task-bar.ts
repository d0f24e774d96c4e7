/**
 * The progress line of one long panel task in the worker pool (centralities, communities,
 * distances, seed finding, a critical-mass sweep): what is being done, a progress bar, done of
 * total with the time left, a Cancel button, and one status line saying how the task ended
 * (done in so many seconds, cancelled, or the error in one sentence). The panel keeps what it
 * showed whatever happens.
 *
 * Cancelling stops only this task's work: the pool recycles the workers running its pieces and
 * requeues any other caller's (a simulation started meanwhile keeps going).
 *
 * Test ids: `testid` on the whole (with data-state idle|running|done|cancelled|error), and
 * `-progress`, `-eta`, `-status` (same data-state) and `-cancel` on the parts.
 */
import { AbortError, type Progress, type RunOptions } from '../../engine/pool.ts';
import { el } from '../dom.ts';
import { formatDuration, formatNumber, type StringKey, t } from '../i18n.ts';

export type TaskState = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface TaskBarOptions {
  testid: string;
  /** The status after a cancel: what the panel kept. */
  cancelled: StringKey;
  /** The status after a failure; gets {message}. */
  error: StringKey;
  /**
   * What a run started while another runs does: 'refuse' returns null at once (default),
   * 'replace' cancels the running one.
   */
  whileRunning?: 'refuse' | 'replace';
}

export class TaskBar {
  readonly element: HTMLElement;
  private readonly label = el('span', { class: 'task-label' });
  private readonly bar: HTMLProgressElement;
  private readonly detail: HTMLElement;
  private readonly status: HTMLElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly live: HTMLElement;
  private controller: AbortController | null = null;

  constructor(private readonly options: TaskBarOptions) {
    const { testid } = options;
    this.bar = el('progress', { max: '1', value: '0', 'data-testid': `${testid}-progress` });
    this.detail = el('span', { class: 'hint', 'data-testid': `${testid}-eta` });
    this.status = el('p', { role: 'status', class: 'status', 'data-testid': `${testid}-status` });
    this.cancelButton = el(
      'button',
      { type: 'button', 'data-testid': `${testid}-cancel`, disabled: '' },
      t('task.cancel'),
    );
    this.cancelButton.addEventListener('click', () => this.cancel());
    this.live = el('div', { class: 'row task-row' }, this.bar, this.detail, this.cancelButton);
    this.element = el('div', { class: 'task', 'data-testid': testid }, this.label, this.live, this.status);
    this.setState('idle');
  }

  get running(): boolean {
    return this.controller !== null;
  }

  /**
   * Run work with this bar's signal and progress; resolves to its value, or null when it was
   * refused, cancelled, replaced or failed.
   */
  async run<T>(label: string, work: (options: Required<RunOptions>) => Promise<T>): Promise<T | null> {
    if (this.controller) {
      if (this.options.whileRunning !== 'replace') return null;
      this.controller.abort();
    }
    const mine = new AbortController();
    this.controller = mine;
    const started = performance.now();
    this.phase(label);
    this.status.textContent = '';
    this.setState('running');
    try {
      const value = await work({
        signal: mine.signal,
        onProgress: (p) => {
          if (this.controller === mine) this.progress(p);
        },
      });
      if (mine.signal.aborted) throw new AbortError();
      this.status.textContent = t('task.done', {
        seconds: formatNumber((performance.now() - started) / 1000, 1),
      });
      this.setState('done');
      return value;
    } catch (error) {
      if (this.controller !== mine) return null; // replaced: the new run owns the bar
      if (error instanceof AbortError || mine.signal.aborted || (error as Error).name === 'AbortError') {
        this.status.textContent = t(this.options.cancelled);
        this.setState('cancelled');
      } else {
        this.status.textContent = t(this.options.error, { message: (error as Error).message });
        this.setState('error');
      }
      return null;
    } finally {
      if (this.controller === mine) this.controller = null;
      this.cancelButton.disabled = this.controller === null;
    }
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
        ? t('task.progressNoEta', vars)
        : t('task.progress', { ...vars, left: formatDuration(p.etaMs) });
  }

  cancel(): void {
    this.controller?.abort();
  }

  private setState(state: TaskState): void {
    this.element.dataset.state = state;
    this.status.dataset.state = state;
    const running = state === 'running';
    this.live.hidden = !running;
    this.label.hidden = !running;
    this.cancelButton.disabled = !running;
  }
}
