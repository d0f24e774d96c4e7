/**
 * The Leaders tab's state, as signals (the page has one Leaders tab): how the table is sorted,
 * searched and paged, which columns the side panel shows, what colours and sizes the graph, the
 * influence sample count, the last message, the focused account, and the tab's one worker task.
 * Pure changes of it are in actions.ts; effects.ts keeps the graph, the legend and the workers in
 * step with it.
 */
import { signal } from '@preact/signals';
import type { MetricName } from '../../../analysis/centrality/index.ts';
import type { Notice } from '../../state/types.ts';
import { Task } from '../../ui/task.ts';
import type { SortState } from './actions.ts';

/** Reverse-reachable samples for "Simulate influence" unless the user picks another count. */
export const INFLUENCE_SETS = 10_000;

export const sort = signal<SortState>({ column: 'pagerank', descending: true });
/** The search text (ids and labels containing it). */
export const query = signal('');
/** The table page (0-based); clamped to the pages there are when shown. */
export const page = signal(0);
/** The metric columns the side panel shows; null = the defaults for the graph (actions.ts). */
export const chosenColumns = signal<readonly MetricName[] | null>(null);
/** The metric the graph is coloured by, or null. */
export const colorBy = signal<MetricName | null>(null);
/** The metric the graph's node sizes follow, or null. */
export const sizeBy = signal<MetricName | null>(null);
/** The structural metric the agreement view compares with influence. */
export const agreeMetric = signal<MetricName>('pagerank');
export const influenceSets = signal(INFLUENCE_SETS);
/**
 * The tab's last message: an account focused (its text depends on whether the graph draws it,
 * which may change once the drawing is ready), or any other notice (added, downloaded).
 */
export const message = signal<Notice | { focused: number } | null>(null);
/** The account focused from the table (node index), or null. */
export const focused = signal<number | null>(null);
/**
 * Light metrics, betweenness and closeness, influence: one at a time, with progress and cancel
 * (a task still going for the previous graph is replaced: see effects.ts runTask).
 */
export const task = new Task({ whileRunning: 'replace' });
