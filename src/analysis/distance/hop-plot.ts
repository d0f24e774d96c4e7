/**
 * The hop plot and what is read off it. hopPlot[h] = ordered pairs (s, t) with dist(s, t) <= h,
 * counting the n pairs (v, v) at h = 0 (SNAP's convention); it ends at the diameter, where it
 * reaches the number of connected ordered pairs.
 */
import { effectiveDiameter } from './effective-diameter.ts';

export interface DistanceSummary {
  /** Cumulative pairs within h hops, h = 0..diameter. */
  hopPlot: number[];
  /** Largest finite distance (0 when no pair s != t is connected). */
  diameter: number;
  /** SNAP's interpolated 90th percentile of the distance distribution. */
  effectiveDiameter: number;
  /** Mean distance over connected ordered pairs s != t; null when there are none. */
  avgDistance: number | null;
}

/** Cumulative sums of pairs at each distance. */
export function cumulative(counts: ArrayLike<number>): number[] {
  const out = new Array<number>(counts.length);
  let sum = 0;
  for (let h = 0; h < counts.length; h++) {
    sum += counts[h];
    out[h] = sum;
  }
  return out;
}

/** Diameter, effective diameter and average distance of a cumulative hop plot. */
export function summarizeHopPlot(hopPlot: number[]): DistanceSummary {
  let diameter = hopPlot.length - 1;
  while (diameter > 0 && hopPlot[diameter] === hopPlot[diameter - 1]) diameter--;
  const plot = hopPlot.slice(0, Math.max(0, diameter + 1));
  let weighted = 0;
  for (let h = 1; h <= diameter; h++) weighted += h * (plot[h] - plot[h - 1]);
  const pairs = diameter > 0 ? plot[diameter] - plot[0] : 0;
  return {
    hopPlot: plot,
    diameter: Math.max(0, diameter),
    effectiveDiameter: effectiveDiameter(plot),
    avgDistance: pairs > 0 ? weighted / pairs : null,
  };
}
