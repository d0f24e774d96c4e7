/**
 * Compare: results kept side by side (one big account against five small ones, launched together
 * against staggered, chosen seeds against the most connected). "Keep this result" (toolbar) keeps
 * the result on screen; the tab shows the kept results in a table that fits the side panel (name,
 * mean, share, seeds) and opens as wide as the page with every column (95% CI, exposed, model,
 * parameters, graph and runs), with rename and remove, and overlays their adoption curves and
 * reach by hand-offs. The list is autosaved (effects.ts).
 */
import { useMemo } from 'preact/hooks';
import { useApp } from '../../core/context.ts';
import { count, fixed, percent, upTo } from '../../i18n/format.ts';
import { colon } from '../../i18n/join.ts';
import { lang } from '../../i18n/lang.ts';
import { noticeText } from '../../state/notice.ts';
import { ChartBox } from '../../ui/ChartBox.tsx';
import { TaskBar } from '../../ui/TaskBar.tsx';
import { WideView } from '../../ui/WideView.tsx';
import { modelName } from '../model/model-name.ts';
import { adoptionChart, hopsChart } from './charts.ts';
import { type KeptResult, paramsText, seedCount, seedsText } from './kept.ts';
import { t } from './messages.ts';
import { comparePlatforms, platformsNote, platformsTask } from './platforms.ts';
import { keepCurrent, kept, keptEntryOf, removeResult, renameResult, storageNote } from './state.ts';

/** The toolbar's "Keep this result" and what became of the last one kept. */
export function KeepButton() {
  const app = useApp();
  const current = app.store.currentResult.value;
  const entry = keptEntryOf(current);
  const note = storageNote.value;
  return (
    <>
      <button
        type="button"
        data-testid="compare-keep"
        disabled={!current || entry !== null}
        onClick={() => keepCurrent(app)}
      >
        {t('compare.keep')}
      </button>
      <span class="hint" role="status" data-testid="compare-keep-status">
        {entry ? t('compare.kept', { label: entry.label }) : note ? noticeText(note) : ''}
      </span>
    </>
  );
}

/** Run the closed and the open platform on this graph and seeds, and keep both. */
function Platforms() {
  const app = useApp();
  const note = platformsNote.value;
  return (
    <section class="compare-platforms" data-testid="compare-platforms-box">
      <button
        type="button"
        data-testid="compare-platforms"
        disabled={!app.store.graph.value || platformsTask.state.value === 'running'}
        onClick={() => void comparePlatforms(app)}
      >
        {t('compare.platforms')}
      </button>
      <p class="hint">{t('compare.platforms.help')}</p>
      {note ? (
        <p class="error" role="alert" data-testid="compare-platforms-note">
          {noticeText(note)}
        </p>
      ) : null}
      <TaskBar
        task={platformsTask}
        testid="compare-platforms-task"
        cancelled={() => t('compare.platforms.cancelled')}
        failed={(message) => t('compare.platforms.failed', { message })}
      />
    </section>
  );
}

export function ComparePanel() {
  const items = kept.value.items;
  const language = lang.value;
  const adoption = useMemo(() => adoptionChart(items), [items, language]);
  const hops = useMemo(() => hopsChart(items), [items, language]);
  return (
    <>
      <p class="hint">{t('compare.intro')}</p>
      <Platforms />
      {items.length === 0 ? (
        <p class="hint" data-testid="compare-empty">
          {t('compare.empty')}
        </p>
      ) : (
        <>
          <WideView title={t('compare.tab')} testid="compare-wide">
            {(wide) => <KeptTable items={items} wide={wide} />}
          </WideView>
          <div class="compare-charts">
            <ChartBox testid="compare-adoption" title={t('compare.adoption')} config={adoption} />
            <ChartBox testid="compare-hops" title={t('compare.hops')} config={hops} />
          </div>
        </>
      )}
      <p class="hint">{t('compare.saved')}</p>
    </>
  );
}

/** The kept results: in the side panel the columns that fit it, in the wide view all of them. */
function KeptTable({ items, wide }: { items: readonly KeptResult[]; wide: boolean }) {
  return (
    <table class={`compare-table${wide ? ' wide' : ''}`} data-testid="compare-table">
      <thead>
        <tr>
          <th scope="col">{t('compare.label')}</th>
          <th scope="col">{t('compare.mean')}</th>
          {wide ? <th scope="col">{t('compare.ci')}</th> : null}
          <th scope="col">{t('compare.share')}</th>
          {wide ? <th scope="col">{t('compare.exposed')}</th> : null}
          <th scope="col">{t('compare.seeds')}</th>
          {wide ? (
            <>
              <th scope="col">{t('compare.model')}</th>
              <th scope="col">{t('compare.params')}</th>
              <th scope="col">{t('compare.graph')}</th>
            </>
          ) : null}
          <th scope="col">
            <span class={wide ? undefined : 'visually-hidden'}>{t('compare.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((k) => (
          <KeptRow key={k.id} item={k} wide={wide} />
        ))}
      </tbody>
    </table>
  );
}

function KeptRow({ item: k, wide }: { item: KeptResult; wide: boolean }) {
  const s = k.summary;
  const commit = (input: HTMLInputElement) => {
    if (input.value.trim() && input.value !== k.label) renameResult(k.id, input.value);
    else input.value = k.label;
  };
  const seeds = seedsText(k.scenario, t('compare.random'));
  return (
    <tr data-testid="compare-row" data-id={k.id}>
      <td>
        <input
          type="text"
          value={k.label}
          aria-label={t('compare.rename', { label: k.label })}
          data-testid="compare-label"
          onChange={(e) => commit(e.currentTarget as HTMLInputElement)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(e.currentTarget as HTMLInputElement);
          }}
        />
      </td>
      <td data-testid="compare-mean" data-value={s.mean}>
        {fixed(s.mean, 2)}
      </td>
      {wide ? (
        <td data-testid="compare-ci">
          {fixed(s.ci95[0], 2)} – {fixed(s.ci95[1], 2)}
        </td>
      ) : null}
      <td data-testid="compare-share">{percent(s.mean / k.nodes, 2)}</td>
      {wide ? <td data-testid="compare-exposed">{fixed(s.exposed, 1)}</td> : null}
      <td data-testid="compare-seeds" class="seeds">
        {count(seedCount(k.scenario))}
        {colon()}
        {seeds}
      </td>
      {wide ? (
        <>
          <td data-testid="compare-model">{modelName(k.scenario.model)}</td>
          <td data-testid="compare-params">
            {[
              paramsText(k.scenario, {
                file: t('compare.fileP'),
                maxSteps: (steps) => t('compare.maxSteps', { steps }),
                number: (x) => upTo(x, 6),
              }),
              tiesText(k),
            ]
              .filter((part) => part !== '')
              .join('; ')}
          </td>
          <td data-testid="compare-graph">{t('compare.graphRuns', { graph: k.graphName, runs: s.runs })}</td>
        </>
      ) : null}
      <td>
        <button
          type="button"
          data-testid="compare-remove"
          aria-label={t('compare.removeOne', { label: k.label })}
          title={t('compare.removeOne', { label: k.label })}
          onClick={() => removeResult(k.id)}
        >
          {wide ? t('compare.remove') : '✕'}
        </button>
      </td>
    </tr>
  );
}

/** The tie settings a kept result ran with, and what carried its cascade ('' without ties). */
function tiesText(k: KeptResult): string {
  const ties = k.scenario.ties;
  if (!ties || (k.scenario.model !== 'ic' && k.scenario.model !== 'threshold')) return '';
  const p = k.scenario.params.p;
  const num = (x: number | null) =>
    x === null ? (p === null ? t('compare.fileP') : upTo(p, 6)) : upTo(x, 6);
  const parts: string[] = [];
  if (k.scenario.model === 'threshold') {
    if (ties.strongOnly) parts.push(t('compare.ties.strongOnly'));
  } else {
    parts.push(t('compare.ties', { strong: num(ties.pStrong), weak: num(ties.pWeak) }));
    const g = ties.groups;
    if (g.kind !== 'none')
      parts.push(
        t('compare.ties.groups', {
          groups: g.kind === 'file' ? g.name : t('compare.ties.communities'),
          p: num(ties.pGroup),
        }),
      );
  }
  const via = k.summary.via;
  if (via)
    parts.push(
      t('compare.via', {
        strong: fixed(via.strong, 1),
        weak: fixed(via.weak, 1),
        group: fixed(via.group, 1),
      }),
    );
  return parts.join(', ');
}
