/**
 * Progress bar, time left, cancel button and status line for a panel's long job in the worker
 * pool. `run(work)` hands the work an AbortSignal and a progress callback; a new run cancels the
 * previous one. Errors become one clear line in the status (the panel keeps what it showed).
 */
import type { Progress } from '../../../../workers/pool.ts';
import { el } from '../../dom.ts';
import { formatNumber, type StringKey, t } from '../../i18n.ts';

export interface JobBar {
  element: HTMLElement;
  /** Run work; resolves to its result, or null when cancelled, superseded or failed. */
  run<T>(
    label: StringKey,
    work: (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<T>,
  ): Promise<T | null>;
  cancel(): void;
  /** Allow or forbid the cancel button (e.g. while the shared pool serves a simulation). */
  setCancelAllowed(allowed: boolean): void;
  readonly busy: boolean;
}

export function jobBar(testid: string): JobBar {
  const progress = el('progress', {
    max: '1',
    value: '0',
    'data-testid': `${testid}-progress`,
    'aria-label': t('six.progress'),
  });
  const cancelButton = el(
    'button',
    { type: 'button', 'data-testid': `${testid}-cancel`, disabled: '' },
    t('six.cancel'),
  );
  const status = el('p', { role: 'status', class: 'status', 'data-testid': `${testid}-status` });
  const element = el('div', { class: 'jobbar' }, el('div', { class: 'row' }, progress, cancelButton), status);
  let controller: AbortController | null = null;
  let cancelAllowed = true;
  const sync = () => {
    cancelButton.disabled = !controller || !cancelAllowed;
  };
  cancelButton.addEventListener('click', () => controller?.abort());

  return {
    element,
    get busy() {
      return controller !== null;
    },
    cancel() {
      controller?.abort();
    },
    setCancelAllowed(allowed) {
      cancelAllowed = allowed;
      sync();
    },
    async run(label, work) {
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      sync();
      progress.value = 0;
      status.dataset.state = 'running';
      status.textContent = t(label);
      const started = performance.now();
      try {
        const result = await work(mine.signal, (p) => {
          if (controller !== mine) return;
          progress.value = p.total > 0 ? p.done / p.total : 0;
          status.textContent =
            p.etaMs === null
              ? `${t(label)} ${formatNumber(p.done)} / ${formatNumber(p.total)}`
              : `${t(label)} ${formatNumber(p.done)} / ${formatNumber(p.total)}, ${t('six.left', {
                  seconds: formatNumber(Math.ceil(p.etaMs / 1000)),
                })}`;
        });
        if (mine.signal.aborted) throw new DOMException('cancelled', 'AbortError');
        progress.value = 1;
        status.dataset.state = 'done';
        status.textContent = t('six.done', {
          seconds: formatNumber((performance.now() - started) / 1000, 1),
        });
        return result;
      } catch (error) {
        if (controller !== mine) return null;
        const cancelled = mine.signal.aborted || (error as Error).name === 'AbortError';
        status.dataset.state = cancelled ? 'cancelled' : 'error';
        status.textContent = cancelled
          ? t('six.cancelled')
          : t('six.error', { message: (error as Error).message });
        return null;
      } finally {
        if (controller === mine) controller = null;
        sync();
      }
    },
  };
}
