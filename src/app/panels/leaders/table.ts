/**
 * The leaders table: one row per account, one column per metric plus simulated influence with its
 * 95% interval. Sort by any column (click its header; again to reverse), search by id or label,
 * pages of PAGE_SIZE rows so large graphs stay light. Clicking a row (or Enter on it) focuses the
 * account on the graph; its button adds it to the seeds. Ids and labels are set as text only.
 */
import { METRIC_NAMES, type MetricName } from '../../../analysis/centrality/index.ts';
import { el } from '../../dom.ts';
import { formatNumber, type StringKey, t } from '../../i18n.ts';
import type { GraphState } from '../../state/types.ts';
import type { MetricBook } from './metric-book.ts';
import { WHOLE } from './metric-book.ts';
import { formatFast } from './numbers.ts';
import { matching, orderBy } from './ranking.ts';

export const PAGE_SIZE = 50;

/** One column per metric of the registry, in its order. */
export const COLUMNS: readonly MetricName[] = METRIC_NAMES;

export function metricLabel(metric: MetricName): string {
  return t(`leaders.metric.${metric}` as StringKey);
}

/** A score as text: whole numbers plainly, small reals with about 4 significant digits. */
export function formatScore(metric: MetricName, value: number): string {
  if (WHOLE.has(metric)) return formatFast(value);
  if (metric === 'influence') return formatFast(value, 1);
  if (value === 0) return formatFast(0);
  const digits = Math.min(8, Math.max(2, 3 - Math.floor(Math.log10(Math.abs(value)))));
  return formatFast(value, digits);
}

export interface TableEvents {
  onFocus(index: number): void;
  onAddSeed(index: number): void;
  isSeed(index: number): boolean;
}

export class LeadersTable {
  readonly element: HTMLElement;
  private readonly search = el('input', {
    type: 'search',
    autocomplete: 'off',
    'data-testid': 'leaders-search',
  });
  private readonly count = el('p', { class: 'hint', 'data-testid': 'leaders-count', role: 'status' });
  private readonly head = el('tr');
  private readonly body = el('tbody', { 'data-testid': 'leaders-body' });
  private readonly pageText = el('span', { 'data-testid': 'leaders-page' });
  private readonly prev = el('button', { type: 'button', 'data-testid': 'leaders-prev' }, t('leaders.prev'));
  private readonly next = el('button', { type: 'button', 'data-testid': 'leaders-next' }, t('leaders.next'));
  private sortColumn: MetricName = 'pagerank';
  private descending = true;
  private page = 0;
  private order: Uint32Array | null = null;
  private rows: Uint32Array = new Uint32Array(0);
  private graph: GraphState | null = null;
  private book: MetricBook | null = null;
  /** Whether the tab is on screen; while it is not, sorting waits (82,000 rows: ~20 ms). */
  private shown = false;
  /** A sort or search is owed for when the table is shown. */
  private owed = false;

  constructor(private readonly events: TableEvents) {
    const searchLabel = el('label', { class: 'field' }, el('span', {}, t('leaders.search')), this.search);
    this.search.addEventListener('input', () => {
      this.page = 0;
      this.filter();
    });
    this.prev.addEventListener('click', () => this.goTo(this.page - 1));
    this.next.addEventListener('click', () => this.goTo(this.page + 1));
    const table = el(
      'table',
      { class: 'leaders-table', 'data-testid': 'leaders-table' },
      el('thead', {}, this.head),
      this.body,
    );
    this.element = el(
      'div',
      { class: 'leaders' },
      searchLabel,
      this.count,
      el('div', { class: 'table-scroll' }, table),
      el('div', { class: 'row pager' }, this.prev, this.pageText, this.next),
    );
    this.body.addEventListener('click', (e) => this.rowEvent(e));
    this.body.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') this.rowEvent(e);
    });
  }

  get sortedBy(): { column: MetricName; descending: boolean } {
    return { column: this.sortColumn, descending: this.descending };
  }

  /** Show another graph's book (or none). */
  show(graph: GraphState | null, book: MetricBook | null): void {
    this.graph = graph;
    this.book = book;
    this.page = 0;
    this.order = null;
    this.refresh();
  }

  /** The book gained a column: re-sort if it is the sort column, redraw. */
  refresh(): void {
    this.order = null;
    this.filter();
  }

  sortBy(column: MetricName, descending?: boolean): void {
    this.descending = descending ?? (column === this.sortColumn ? !this.descending : true);
    this.sortColumn = column;
    this.page = 0;
    this.refresh();
  }

  /** The tab was shown or hidden: a hidden table sorts only when it is shown again. */
  setShown(shown: boolean): void {
    this.shown = shown;
    if (shown && this.owed) this.filter();
  }

  /** Node indices in table order after the search (the CSV export uses it). */
  visibleOrder(): Uint32Array {
    if (this.owed) this.filter(true);
    return this.rows;
  }

  private filter(evenHidden = false): void {
    if (!this.shown && !evenHidden) {
      this.owed = true;
      return;
    }
    this.owed = false;
    const { graph, book } = this;
    if (!graph || !book) {
      this.rows = new Uint32Array(0);
      this.draw();
      return;
    }
    if (!this.order) {
      const scores = book.get(this.sortColumn);
      this.order = scores
        ? orderBy(scores, this.descending)
        : orderBy(new Float64Array(graph.loaded.csr.n), true);
    }
    this.rows = matching(this.order, graph.loaded.ids, graph.loaded.labels, this.search.value);
    this.draw();
  }

  private goTo(page: number): void {
    const pages = Math.max(1, Math.ceil(this.rows.length / PAGE_SIZE));
    this.page = Math.min(pages - 1, Math.max(0, page));
    this.draw();
  }

  private drawHead(): void {
    const cells: HTMLElement[] = [
      el('th', { scope: 'col' }, t('leaders.col.rank')),
      el('th', { scope: 'col' }, t('leaders.col.id')),
    ];
    for (const column of COLUMNS) {
      const button = el(
        'button',
        {
          type: 'button',
          class: 'sort',
          'data-testid': `leaders-sort-${column}`,
          title: t('leaders.sortBy', { metric: metricLabel(column) }),
        },
        metricLabel(column),
      );
      button.addEventListener('click', () => this.sortBy(column));
      const th = el('th', { scope: 'col', 'data-col': column }, button);
      th.setAttribute(
        'aria-sort',
        column === this.sortColumn ? (this.descending ? 'descending' : 'ascending') : 'none',
      );
      cells.push(th);
    }
    cells.push(el('th', { scope: 'col' }, t('leaders.col.actions')));
    this.head.replaceChildren(...cells);
  }

  private draw(): void {
    this.drawHead();
    const { graph, book } = this;
    const total = this.rows.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    this.page = Math.min(this.page, pages - 1);
    this.pageText.textContent = t('leaders.page', {
      page: formatNumber(this.page + 1),
      pages: formatNumber(pages),
    });
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
    this.count.textContent = graph ? t('leaders.matches', { count: formatNumber(total) }) : '';
    if (!graph || !book) {
      this.body.replaceChildren();
      return;
    }
    const { ids, labels } = graph.loaded;
    const from = this.page * PAGE_SIZE;
    const out: HTMLElement[] = [];
    for (let k = from; k < Math.min(total, from + PAGE_SIZE); k++) {
      const v = this.rows[k];
      const label = labels?.[v];
      const name = label && label !== ids[v] ? `${ids[v]} · ${label}` : ids[v];
      const row = el(
        'tr',
        { tabindex: '0', 'data-testid': 'leader-row', 'data-id': ids[v], 'data-index': String(v) },
        el('td', { class: 'num' }, formatFast(k + 1)),
        el('th', { scope: 'row', class: 'id' }, name),
      );
      for (const column of COLUMNS) {
        const scores = book.get(column);
        const cell = el('td', { class: 'num', 'data-col': column });
        if (!scores) cell.textContent = '—';
        else {
          cell.textContent = formatScore(column, scores[v]);
          cell.dataset.value = String(scores[v]);
          if (column === 'influence' && book.influence)
            cell.title = t('leaders.influence.ci', {
              lo: formatFast(book.influence.lo[v], 1),
              hi: formatFast(book.influence.hi[v], 1),
            });
        }
        row.append(cell);
      }
      const seed = this.events.isSeed(v);
      const add = el(
        'button',
        {
          type: 'button',
          class: 'small',
          'data-action': 'seed',
          'data-testid': 'leader-add-seed',
          'aria-label': t('leaders.addSeedLabel', { id: ids[v] }),
        },
        seed ? t('leaders.isSeed') : t('leaders.addSeed'),
      );
      add.disabled = seed;
      row.append(el('td', {}, add));
      out.push(row);
    }
    this.body.replaceChildren(...out);
  }

  private rowEvent(e: Event): void {
    const target = e.target as HTMLElement;
    const row = target.closest('tr');
    if (!row || row.dataset.index === undefined) return;
    const index = Number(row.dataset.index);
    if (target.closest('[data-action=seed]')) {
      if (e.type === 'click') this.events.onAddSeed(index);
      return;
    }
    if (e.type === 'keydown') e.preventDefault();
    for (const r of this.body.querySelectorAll('tr[aria-current]')) r.removeAttribute('aria-current');
    row.setAttribute('aria-current', 'true');
    this.events.onFocus(index);
  }

  /** Redraw the current page only (seed buttons after the seeds changed). */
  redrawPage(): void {
    // Rows owed to a hidden table may belong to the previous graph: they are drawn when shown.
    if (!this.owed) this.draw();
  }
}
