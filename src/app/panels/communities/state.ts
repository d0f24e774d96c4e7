/**
 * The Communities tab's state, as signals: the Louvain settings, the communities found (with the
 * graph and settings they belong to), the community picked out, whether the graph is coloured,
 * the "one seed per community" form and its note, and the tab's one worker task.
 */
import { signal } from '@preact/signals';
import type { MetricName } from '../../../analysis/centrality/index.ts';
import type { Communities } from '../../../analysis/communities.ts';
import type { GraphState, Notice } from '../../state/types.ts';
import { Task } from '../../ui/task.ts';

export interface Found extends Communities {
  graph: GraphState;
  rngSeed: number;
  resolution: number;
}

export const rngSeed = signal(1);
export const resolution = signal(1);
/** The last communities found, or null (none yet, or another graph since). */
export const found = signal<Found | null>(null);
/** The community picked out on the graph (the others dimmed), or null. */
export const picked = signal<number | null>(null);
/** Colour the graph by community while the tab is open. */
export const colorOn = signal(true);
export const seedCount = signal(5);
export const seedMetric = signal<MetricName>('pagerank');
/** What "one seed per community" did, or why it could not. */
export const seedNote = signal<Notice | null>(null);
/** Louvain, or the metric "one seed per community" needs; a task for an old graph is replaced. */
export const task = new Task({ whileRunning: 'replace' });
