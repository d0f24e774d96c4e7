/**
 * The leaders table: one row per account (a page of PAGE_SIZE), a column per metric plus
 * simulated influence with its 95% interval in the cell's title. In the side panel it shows the
 * few columns chosen (actions.ts sideColumns) and wraps long names, so it fits the panel; the wide
 * view shows every column. Sort by any column (click its header; again to reverse), search by id
 * or label. Clicking a row (or Enter on it) focuses the account on the graph; its button adds it
 * to the seeds. Ids and labels are user data: rendered as their own text, never translated.
 */
import type { MetricName } from '../../../analysis/centrality/index.ts';
import { useApp } from '../../core/context.ts';
import { count, significant } from '../../i18n/format.ts';
import { addSeeds, allSeedIds } from '../../seeds/seeds.ts';
import { activeGroup } from '../../seeds/state.ts';
import type { GraphState } from '../../state/types.ts';
import { clampPage, PAGE_SIZE, pageCount, sortBy } from './actions.ts';
import { focusAccount } from './effects.ts';
import { formatScore, metricLabel } from './labels.ts';
import { t } from './messages.ts';
import type { MetricBook } from './metric-book.ts';
import { focused, message, page, query, sort } from './state.ts';

export interface LeadersTableProps {
  graph: GraphState;
  book: MetricBook;
  /** Node indices in table order after the search. */
  rows: Uint32Array;
  /** The metric columns shown. */
  columns: readonly MetricName[];
  /** In the wide view (every column) rather than the side panel. */
  wide: boolean;
}

export function LeadersTable({ graph, book, rows, columns, wide }: LeadersTableProps) {
  const app = useApp();
  const { store } = app;
  const { ids, labels } = graph.loaded;
  const total = rows.length;
  const pages = pageCount(total);
  const current = clampPage(page.value, total);
  const from = current * PAGE_SIZE;
  const shown = rows.subarray(from, Math.min(total, from + PAGE_SIZE));
  const seeds = allSeedIds(store.scenario.value.seeds);
  const { column: sortColumn, descending } = sort.value;
  const focusedIndex = focused.value;
  const influence = book.influence;

  const focusRow = (v: number) => focusAccount(app, v);
  const addSeed = (v: number) => {
    const id = ids[v];
    const group = activeGroup.value;
    store.patchScenario({ seeds: addSeeds(store.scenario.value.seeds, [id], group) });
    message.value = { say: () => t('leaders.added', { id, group: group + 1 }) };
  };

  return (
    <div class={wide ? 'leaders leaders-wide' : 'leaders leaders-compact'}>
      <label class="field">
        <span>{t('leaders.search')}</span>
        <input
          type="search"
          autocomplete="off"
          data-testid="leaders-search"
          value={query.value}
          onInput={(e) => {
            query.value = (e.currentTarget as HTMLInputElement).value;
            page.value = 0;
          }}
        />
      </label>
      <p class="hint" role="status" data-testid="leaders-count">
        {t('leaders.matches', { count: total })}
        {columns.includes(sortColumn)
          ? null
          : ` ${t(descending ? 'leaders.sortedBy.desc' : 'leaders.sortedBy.asc', { metric: metricLabel(sortColumn) })}`}
      </p>
      <table
        class={`leaders-table ${wide ? 'leaders-wide' : 'leaders-compact'}`}
        data-testid="leaders-table"
        data-focused={focusedIndex === null ? undefined : ids[focusedIndex]}
      >
        <thead>
          <tr>
            <th scope="col" class="num">
              {t('leaders.col.rank')}
            </th>
            <th scope="col">{t('leaders.col.id')}</th>
            {columns.map((column) => (
              <th
                key={column}
                scope="col"
                data-col={column}
                class="num"
                aria-sort={column === sortColumn ? (descending ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  class="sort"
                  data-testid={`leaders-sort-${column}`}
                  title={t('leaders.sortBy', { metric: metricLabel(column) })}
                  onClick={() => {
                    sort.value = sortBy(sort.value, column);
                    page.value = 0;
                  }}
                >
                  {metricLabel(column)}
                </button>
              </th>
            ))}
            <th scope="col">
              <span class={wide ? undefined : 'visually-hidden'}>{t('leaders.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody data-testid="leaders-body">
          {Array.from(shown, (v, k) => {
            const id = ids[v];
            const label = labels?.[v];
            const isSeed = seeds.has(id);
            return (
              <tr
                key={v}
                tabIndex={0}
                data-testid="leader-row"
                data-id={id}
                data-index={v}
                aria-current={v === focusedIndex ? 'true' : undefined}
                onClick={(e) => {
                  if (!(e.target as HTMLElement).closest('[data-action=seed]')) focusRow(v);
                }}
                onKeyDown={(e) => {
                  if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) {
                    e.preventDefault();
                    focusRow(v);
                  }
                }}
              >
                <td class="num">{count(from + k + 1)}</td>
                <th scope="row" class="id">
                  {id}
                  {label && label !== id ? <span class="label"> · {label}</span> : null}
                </th>
                {columns.map((column) => {
                  const scores = book.get(column);
                  if (!scores)
                    return (
                      <td key={column} class="num" data-col={column}>
                        —
                      </td>
                    );
                  const ci =
                    column === 'influence' && influence
                      ? {
                          'data-lo': String(influence.lo[v]),
                          'data-hi': String(influence.hi[v]),
                          title: t('leaders.influence.ci', {
                            lo: significant(influence.lo[v], 3),
                            hi: significant(influence.hi[v], 3),
                          }),
                        }
                      : {};
                  return (
                    <td key={column} class="num" data-col={column} data-value={String(scores[v])} {...ci}>
                      {formatScore(column, scores[v])}
                    </td>
                  );
                })}
                <td class="action">
                  <button
                    type="button"
                    class="small"
                    data-action="seed"
                    data-testid="leader-add-seed"
                    aria-label={t('leaders.addSeedLabel', { id })}
                    disabled={isSeed}
                    onClick={() => addSeed(v)}
                  >
                    {isSeed ? t('leaders.isSeed') : wide ? t('leaders.addSeed') : t('leaders.addSeedShort')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="row pager">
        <button
          type="button"
          data-testid="leaders-prev"
          disabled={current === 0}
          onClick={() => {
            page.value = clampPage(current - 1, total);
          }}
        >
          {t('leaders.prev')}
        </button>
        <span data-testid="leaders-page">{t('leaders.page', { page: current + 1, pages })}</span>
        <button
          type="button"
          data-testid="leaders-next"
          disabled={current >= pages - 1}
          onClick={() => {
            page.value = clampPage(current + 1, total);
          }}
        >
          {t('leaders.next')}
        </button>
      </div>
    </div>
  );
}
