/**
 * Pure changes of the Leaders tab's state (state.ts): sorting by a column, the side panel's
 * columns and the column picker, pages, and the influence sample count as typed.
 */
import type { MetricName } from '../../../analysis/centrality/index.ts';
import type { Parsed } from '../../ui/fields.tsx';
import { metricsFor } from './metric-book.ts';

export interface SortState {
  column: MetricName;
  descending: boolean;
}

/** Rows per page: large graphs stay light. */
export const PAGE_SIZE = 50;

/** Click on a column header: a new column sorts highest first, the same column reverses. */
export function sortBy(current: SortState, column: MetricName): SortState {
  return { column, descending: column === current.column ? !current.descending : true };
}

export function pageCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / PAGE_SIZE));
}

export function clampPage(page: number, rows: number): number {
  return Math.min(pageCount(rows) - 1, Math.max(0, Math.floor(page)));
}

/**
 * The side panel's columns unless the user picks others: PageRank, the direct audience (degree;
 * out-degree on a directed graph, the accounts a post reaches in one hop) and simulated influence.
 * Together with the rank, the account and its button they fit a side panel 340 pixels wide.
 */
export function defaultColumns(directed: boolean): MetricName[] {
  return directed ? ['pagerank', 'outdegree', 'influence'] : ['pagerank', 'degree', 'influence'];
}

/** The metric columns the side panel shows, in the registry's order. */
export function sideColumns(directed: boolean, chosen: readonly MetricName[] | null): MetricName[] {
  const wanted = chosen ?? defaultColumns(directed);
  return metricsFor(directed).filter((m) => wanted.includes(m));
}

/** The column picker: show or hide one column in the side panel. */
export function toggleColumn(
  directed: boolean,
  chosen: readonly MetricName[] | null,
  column: MetricName,
): MetricName[] {
  const current = sideColumns(directed, chosen);
  const next = current.includes(column) ? current.filter((m) => m !== column) : [...current, column];
  return metricsFor(directed).filter((m) => next.includes(m));
}

export const MIN_SETS = 100;
export const MAX_SETS = 10_000_000;

/** The influence sample count as typed: a whole number from MIN_SETS to MAX_SETS. */
export function parseSets(text: string, error: () => string): Parsed {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < MIN_SETS || value > MAX_SETS)
    return { error: error() };
  return { value };
}
