/**
 * Always visible above the tabs: Run, Cancel, a progress bar with time left, the status line
 * and the headline result (data-testid="spread-mean" holds the mean as a plain number).
 */
import { el } from '../dom.ts';
import { formatDuration, formatNumber, labelColon, t } from '../i18n.ts';
import type { AppContext } from '../panels.ts';
import type { AppState } from '../store.ts';

function duration(ms: number): string {
  return formatDuration(ms);
}

export function runBar(ctx: AppContext): HTMLElement {
  const { store, runner } = ctx;
  const run = el('button', { type: 'button', class: 'primary', 'data-testid': 'run' }, t('run.run'));
  const cancel = el('button', { type: 'button', 'data-testid': 'cancel', disabled: '' }, t('run.cancel'));
  const progress = el('progress', {
    max: '1',
    value: '0',
    'data-testid': 'progress',
    'aria-label': t('run.progress'),
  });
  const status = el('p', { role: 'status', class: 'status', 'data-testid': 'status' });
  const mean = el('strong', { 'data-testid': 'spread-mean', class: 'mean' });
  const meanLine = el('span', { 'data-testid': 'spread-ci' });
  const headline = el('p', { class: 'headline', 'data-testid': 'headline' });
  const stale = el('p', { class: 'hint', 'data-testid': 'stale', hidden: '' }, t('run.stale'));

  run.addEventListener('click', () => void runner.run());
  cancel.addEventListener('click', () => runner.cancel());

  const render = (s: AppState) => {
    const r = s.run;
    const running = r.state === 'running';
    run.disabled = running || !s.graph;
    cancel.disabled = !running;
    progress.value = r.total > 0 ? r.done / r.total : 0;
    if (running)
      status.textContent =
        r.etaMs === null
          ? t('run.runningNoEta', { done: formatNumber(r.done), total: formatNumber(r.total) })
          : t('run.running', {
              done: formatNumber(r.done),
              total: formatNumber(r.total),
              left: duration(r.etaMs),
            });
    else if (r.state === 'done')
      status.textContent = t('run.done', {
        runs: formatNumber(r.done),
        seconds: (r.elapsedMs / 1000).toFixed(1),
      });
    else if (r.state === 'cancelled') status.textContent = t('run.cancelled');
    else if (r.state === 'error') status.textContent = t('run.error', { message: r.message ?? '' });
    else status.textContent = '';
  };
  const renderResult = (s: AppState) => {
    const result = s.result;
    if (!result || !s.graph) {
      mean.textContent = '';
      headline.replaceChildren(t('result.none'));
      return;
    }
    const sum = result.summary;
    const n = s.graph.loaded.csr.n;
    mean.textContent = sum.mean.toFixed(2);
    meanLine.textContent = ` ${t('result.meanLine', {
      lo: sum.ci95[0].toFixed(2),
      hi: sum.ci95[1].toFixed(2),
      share: `${((100 * sum.mean) / n).toFixed(2)}%`,
      exposed: formatNumber(sum.exposed, 1),
    })}`;
    headline.replaceChildren(labelColon('result.mean'), mean, meanLine);
  };
  store.subscribe((s, prev) => {
    if (s.run !== prev.run || s.graph !== prev.graph) render(s);
    if (s.result !== prev.result || s.graph !== prev.graph) renderResult(s);
    if (s.scenario !== prev.scenario || s.result !== prev.result || s.run !== prev.run)
      stale.hidden = !(
        s.result &&
        s.run.state !== 'running' &&
        JSON.stringify(s.result.scenario) !== JSON.stringify(s.scenario)
      );
  });
  render(store.get());
  renderResult(store.get());
  return el(
    'div',
    { class: 'runbar' },
    el('div', { class: 'row' }, run, cancel, progress),
    status,
    headline,
    stale,
    ctx.toolbar,
  );
}
