/**
 * The six-degrees tab's state: the distance mode and chart scale chosen, the distances asked for
 * and the last ones computed (with the serial of their graph, so a new graph never shows an old
 * graph's numbers), the distance task, and the structural reach of the seeds (keyed by graph and
 * seeds). effects.ts fills them; SixDegreesPanel.tsx shows them.
 */
import { signal } from '@preact/signals';
import type { ComponentHopPlot, HopPlotMode } from '../../../analysis/distance/component-hop-plot.ts';
import type { Scenario } from '../../../engine/scenario.ts';
import type { Notice } from '../../state/notice.ts';
import { Task } from '../../ui/task.ts';

export const PANEL_ID = 'six-degrees';

export type Scale = 'pairs' | 'share';

export const mode = signal<HopPlotMode>('auto');
export const scale = signal<Scale>('pairs');

export interface DistanceRequest {
  /** Serial of the graph to measure. */
  serial: number;
  mode: HopPlotMode;
}

/** The distances asked for (Compute, or the tab shown for a new graph); a new object asks again. */
export const request = signal<DistanceRequest | null>(null);

export interface ShownDistances extends DistanceRequest {
  result: ComponentHopPlot;
}

/** The last distances computed. */
export const distances = signal<ShownDistances | null>(null);

/** The distance computation (progress, cancel, how it ended); a new request replaces a running one. */
export const task = new Task({ whileRunning: 'replace' });

export interface StructuralReach {
  /** seedKey of the graph and seeds measured. */
  key: string;
  /** within[h] = accounts at most h hops from a seed, h = 0..6. */
  within: number[];
  /** Accounts reachable from the seeds at any distance. */
  reachable: number;
}

export const structural = signal<StructuralReach | null>(null);
/** Why the structural reach could not be computed, or null. */
export const structuralError = signal<Notice | null>(null);

/** What the structural reach depends on: the graph and the seeds. */
export function seedKey(serial: number, seeds: Scenario['seeds']): string {
  return `${serial}|${JSON.stringify(seeds)}`;
}
