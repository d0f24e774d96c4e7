/**
 * The progress line of a Task: its label, a progress bar, done of total with the time left, a
 * Cancel button, and one status line saying how it ended (done in so many seconds, cancelled with
 * what the panel kept, or the error in one sentence).
 *
 * Test ids: `testid` on the whole (with data-state idle|running|done|cancelled|error), and
 * `-progress`, `-eta`, `-status` (same data-state) and `-cancel` on the parts.
 */
import { count, duration, fixed } from '../i18n/format.ts';
import { noticeText } from '../state/notice.ts';
import { t } from './messages.ts';
import type { Task } from './task.ts';

export interface TaskBarProps {
  task: Task;
  testid: string;
  /** The status after a cancel: what the panel kept. */
  cancelled: () => string;
  /** The status after a failure, given the error text. */
  failed: (message: string) => string;
}

export function TaskBar({ task, testid, cancelled, failed }: TaskBarProps) {
  const state = task.state.value;
  const running = state === 'running';
  const p = task.progress.value;
  const label = task.label.value ? noticeText(task.label.value) : '';
  let status = '';
  if (state === 'done') status = t('task.done', { seconds: fixed(task.seconds.value ?? 0, 1) });
  else if (state === 'cancelled') status = cancelled();
  else if (state === 'error') status = failed(task.error.value ? noticeText(task.error.value) : '');
  let eta = '';
  if (running && p) {
    const vars = { done: count(p.done), total: count(p.total) };
    // total 0: a step with nothing to count (the time left may still be known).
    if (p.total === 0) eta = p.etaMs === null ? '' : t('task.left', { left: duration(p.etaMs) });
    else
      eta =
        p.etaMs === null
          ? t('task.progressNoEta', vars)
          : t('task.progress', { ...vars, left: duration(p.etaMs) });
  }
  return (
    <div class="task" data-testid={testid} data-state={state}>
      <span class="task-label" hidden={!running}>
        {label}
      </span>
      <div class="row task-row" hidden={!running}>
        <progress
          max={1}
          value={p && p.total > 0 ? Math.min(1, p.done / p.total) : 0}
          aria-label={label}
          data-testid={`${testid}-progress`}
        />
        <span class="hint" data-testid={`${testid}-eta`}>
          {eta}
        </span>
        <button
          type="button"
          data-testid={`${testid}-cancel`}
          disabled={!running}
          onClick={() => task.cancel()}
        >
          {t('task.cancel')}
        </button>
      </div>
      <p role="status" class="status" data-testid={`${testid}-status`} data-state={state}>
        {status}
      </p>
    </div>
  );
}
