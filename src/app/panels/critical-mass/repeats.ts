/**
 * A sweep repeated over several independent random seeds: where its tipping point (and, for k
 * sweeps, the fewest seeds reaching the target) falls each time, summarised as the median and the
 * range, and one progress line over all the repeats. On ego-Facebook one sweep put p_c at 0.012
 * and another at 0.025: the spread between seeds is the uncertainty a single number hides.
 */
import type { TippingResult } from '../../../analysis/tipping/types.ts';
import type { Progress } from '../../../engine/pool.ts';

/** One repeat: its random seed and what the sweep found. */
export interface Repeat {
  rngSeed: number;
  result: TippingResult;
}

/** Where a value fell over the repeats: median and range of those that found one. */
export interface Spread {
  median: number | null;
  min: number | null;
  max: number | null;
  /** Per repeat, in order (null: none found). */
  values: (number | null)[];
  /** Repeats that found a value. */
  found: number;
}

/** The median: the middle value, or the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function spreadOf(values: readonly (number | null)[]): Spread {
  const found = values.filter((v): v is number => v !== null);
  if (found.length === 0) return { median: null, min: null, max: null, values: [...values], found: 0 };
  return {
    median: median(found),
    min: Math.min(...found),
    max: Math.max(...found),
    values: [...values],
    found: found.length,
  };
}

export interface RepeatSummary {
  critical: Spread;
  /** k sweeps with a target: the fewest seeds of each repeat. */
  fewest: Spread | null;
  /** The repeat whose tipping point is the median's (the first such), or the first repeat. */
  shown: Repeat;
  points: number;
  runs: number;
}

export function summarize(repeats: readonly Repeat[]): RepeatSummary {
  if (repeats.length === 0) throw new RangeError('summarize: no repeats');
  const critical = spreadOf(repeats.map((r) => r.result.critical));
  const withTarget = repeats[0].result.vary === 'k' && repeats.some((r) => r.result.fewestSeeds !== null);
  const fewest = withTarget ? spreadOf(repeats.map((r) => r.result.fewestSeeds?.k ?? null)) : null;
  const shown = repeats.find((r) => r.result.critical === critical.median) ?? repeats[0];
  return {
    critical,
    fewest,
    shown,
    points: repeats.reduce((s, r) => s + r.result.pointsEvaluated, 0),
    runs: repeats.reduce((s, r) => s + r.result.runsTotal, 0),
  };
}

/**
 * One progress line over `repeats` sweeps: the runs of the finished ones, the current one's, and
 * for those still to come as many as the finished ones took on average (or the current plan).
 */
export function repeatProgress(
  finishedRuns: readonly number[],
  current: Progress | null,
  repeats: number,
  elapsedMs: number,
): Progress {
  const finished = finishedRuns.reduce((s, r) => s + r, 0);
  const perRepeat = finishedRuns.length > 0 ? finished / finishedRuns.length : (current?.total ?? 0);
  const left = Math.max(0, repeats - finishedRuns.length - (current ? 1 : 0));
  const done = finished + (current?.done ?? 0);
  const total = Math.max(done, Math.round(finished + (current?.total ?? 0) + left * perRepeat));
  return {
    done,
    total,
    elapsedMs,
    etaMs: done > 0 && total > 0 ? (elapsedMs / done) * (total - done) : null,
  };
}

/** Whether the repeats put the value noticeably apart: their range exceeds a fifth of the median. */
export function disagree(spread: Spread): boolean {
  const { median, min, max } = spread;
  if (median === null || min === null || max === null || spread.found < 2) return false;
  return max - min > 0.2 * Math.abs(median);
}
