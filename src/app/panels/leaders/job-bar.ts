/**
 * A progress bar for one background job of a panel: what is being computed, jobs done of total,
 * time left, a Cancel button (stops the pool work at once) and a clear message when it fails or
 * is cancelled. The page keeps its state either way.
 *
 * The pool cancels by terminating busy workers, which would also stop a simulation sharing them
 * (and a cancelled simulation would stop a panel job). So: panel jobs run one at a time (later
 * ones wait their turn), none starts while a simulation runs, cancelling while a simulation runs
 * only abandons the job (its workers finish it and the result is dropped), and a job in flight
 * when a simulation is cancelled is abandoned too, with a message, rather than left waiting.
 */
import { AbortError, type Progress, type RunOptions } from '../../../../workers/pool.ts';
import { el } from '../../dom.ts';
import { formatDuration, formatNumber, t } from '../../i18n.ts';
import type { Store } from '../../store.ts';

function duration(ms: number): string {
  return formatDuration(ms);
}

/** Thrown to abandon a job without cancelling the pool. */
class Abandoned extends Error {}

export class JobBar {
  /** The end of the last queued panel job (all bars share the one pool). */
  private static tail: Promise<unknown> = Promise.resolve();
  readonly element: HTMLElement;
  private readonly label = el('span', { class: 'job-label' });
  private readonly bar = el('progress', { max: '1' });
  private readonly detail = el('span', { class: 'hint' });
  private readonly message = el('p', { class: 'hint', role: 'status' });
  private readonly cancelButton: HTMLButtonElement;
  private controller: AbortController | null = null;
  private abandon: ((error: Error) => void) | null = null;

  constructor(
    private readonly store: Store,
    testid: string,
  ) {
    this.cancelButton = el(
      'button',
      { type: 'button', 'data-testid': `${testid}-cancel` },
      t('leaders.job.cancel'),
    );
    this.cancelButton.addEventListener('click', () => this.cancel());
    this.bar.setAttribute('aria-label', t('leaders.job.cancel'));
    const live = el(
      'div',
      { class: 'job-bar', hidden: '' },
      this.label,
      this.bar,
      this.detail,
      this.cancelButton,
    );
    this.element = el('div', { 'data-testid': testid, 'data-state': 'idle' }, live, this.message);
    store.select(
      (s) => s.run.state,
      (state) => {
        if (state === 'cancelled' && this.abandon) this.abandon(new Error(t('leaders.job.interrupted')));
      },
    );
  }

  get running(): boolean {
    return this.controller !== null;
  }

  /** Run work with progress and cancel; resolves to its value, or null when cancelled or failed. */
  async run<T>(label: string, work: (options: RunOptions) => Promise<T>): Promise<T | null> {
    if (this.controller) return null;
    if (this.store.get().run.state === 'running') {
      this.message.textContent = t('leaders.job.busy');
      return null;
    }
    const controller = new AbortController();
    this.controller = controller;
    const started = performance.now();
    this.label.textContent = label;
    this.bar.setAttribute('aria-label', label);
    this.bar.removeAttribute('value');
    this.detail.textContent = '';
    this.message.textContent = '';
    this.setState('running');
    const previous = JobBar.tail;
    let finished: () => void = () => {};
    JobBar.tail = new Promise<void>((resolve) => {
      finished = resolve;
    });
    const abandoned = new Promise<never>((_, reject) => {
      this.abandon = reject;
    });
    abandoned.catch(() => {});
    try {
      await Promise.race([previous, abandoned]);
      if (controller.signal.aborted) throw new Abandoned();
      const value = await Promise.race([
        work({ signal: controller.signal, onProgress: (p) => this.progress(p) }),
        abandoned,
      ]);
      this.message.textContent = t('leaders.job.done', {
        seconds: formatNumber((performance.now() - started) / 1000, 1),
      });
      this.setState('done');
      return value;
    } catch (error) {
      if (error instanceof AbortError || error instanceof Abandoned || controller.signal.aborted) {
        this.message.textContent = t('leaders.job.cancelled');
        this.setState('cancelled');
      } else {
        this.message.textContent = t('leaders.job.error', { message: (error as Error).message });
        this.setState('error');
      }
      return null;
    } finally {
      this.controller = null;
      this.abandon = null;
      finished();
    }
  }

  cancel(): void {
    if (!this.controller) return;
    // While a simulation shares the workers, only abandon the job (see above).
    if (this.store.get().run.state !== 'running') this.controller.abort();
    this.abandon?.(new Abandoned());
  }

  private progress(p: Progress): void {
    this.bar.value = p.total > 0 ? p.done / p.total : 0;
    const vars = { done: formatNumber(p.done), total: formatNumber(p.total) };
    this.detail.textContent =
      p.etaMs === null
        ? t('leaders.job.progressNoEta', vars)
        : t('leaders.job.progress', { ...vars, left: duration(p.etaMs) });
  }

  private setState(state: 'running' | 'done' | 'cancelled' | 'error'): void {
    this.element.dataset.state = state;
    (this.element.firstElementChild as HTMLElement).hidden = state !== 'running';
  }
}
