/**
 * Always visible above the tabs: Run, Cancel, a progress bar with time left, the status line
 * and the headline result (data-testid="spread-mean" holds the mean as a plain number), and a
 * note when the scenario changed since the result.
 */
import type { ComponentChildren } from 'preact';
import { useApp } from '../core/context.ts';
import { count, duration, fixed, percent } from '../i18n/format.ts';
import { colon } from '../i18n/join.ts';
import { t } from '../run/messages.ts';
import { noticeText } from '../state/notice.ts';

export function RunBar({ children }: { children?: ComponentChildren }) {
  const { store, runner } = useApp();
  const r = store.run.value;
  const graph = store.graph.value;
  const result = store.currentResult.value;
  const running = r.state === 'running';
  let status = '';
  if (running)
    status =
      r.etaMs === null
        ? t('run.runningNoEta', { done: r.done, total: r.total })
        : t('run.running', { done: r.done, total: r.total, left: duration(r.etaMs) });
  else if (r.state === 'done')
    status = t('run.done', { runs: r.done, seconds: fixed(r.elapsedMs / 1000, 1) });
  else if (r.state === 'cancelled') status = t('run.cancelled');
  else if (r.state === 'error') status = t('run.error', { message: r.error ? noticeText(r.error) : '' });
  const s = result?.summary;
  return (
    <div class="runbar">
      <div class="row">
        <button
          type="button"
          class="primary"
          data-testid="run"
          disabled={running || !graph}
          onClick={() => void runner.run()}
        >
          {t('run.run')}
        </button>
        <button type="button" data-testid="cancel" disabled={!running} onClick={() => runner.cancel()}>
          {t('run.cancel')}
        </button>
        <progress
          max={1}
          value={r.total > 0 ? r.done / r.total : 0}
          data-testid="progress"
          aria-label={t('run.progress')}
        />
      </div>
      <p role="status" class="status" data-testid="status">
        {status}
      </p>
      <p class="headline" data-testid="headline">
        {s && graph ? (
          <>
            {t('result.mean')}
            {colon()}
            <strong data-testid="spread-mean" data-value={s.mean} class="mean">
              {fixed(s.mean, 2)}
            </strong>{' '}
            <span data-testid="spread-ci">
              {t('result.meanLine', {
                mean: s.mean,
                lo: fixed(s.ci95[0], 2),
                hi: fixed(s.ci95[1], 2),
                share: percent(s.mean / graph.loaded.csr.n, 2),
                exposed: count(s.exposed),
              })}
            </span>
          </>
        ) : (
          t('result.none')
        )}
      </p>
      <p class="hint" data-testid="stale" hidden={!store.stale.value}>
        {t('run.stale')}
      </p>
      {children}
    </div>
  );
}
