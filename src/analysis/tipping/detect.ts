/**
 * The critical point of a sweep, read from where global cascades set in, never from the steepest
 * rise of the mean size (on an Erdős–Rényi graph with p_c = 0.2 that lies near 0.28: the mean
 * keeps steepening well past the transition because the global cascades keep growing).
 *
 * Two signals (Stauffer & Aharony, "Introduction to percolation theory"; Newman 2002):
 * - susceptibility: the mean size of the runs that stayed small peaks at the transition. Below it
 *   finite cascades grow as it nears; above it the large ones turn global and leave the small
 *   runs. The peak is located by the parabola through the highest point and its neighbours.
 * - global onset: the steepest significant change of the share of runs that went global, between
 *   two neighbouring points. For a swept quantity acting in discrete steps (the adoption threshold
 *   changes who is vulnerable only where 1/phi crosses a degree; the number of seeds is a whole
 *   number) this is a jump, and the bracket around it is where the transition lies.
 *
 * A change of the share between two points is credited with at least a quarter of the initial
 * grid spacing, so that refined points close together, whose shares differ by noise, do not
 * outbid a real step.
 *
 * The susceptibility reads a continuous transition (p) best; the global onset reads jumps (phi)
 * best. Each sweep uses its preferred signal and falls back on the other when it shows nothing.
 * Seed-count sweeps read the critical mass from the jump of the reach per seed (reachPerSeedRise).
 */
import type { CurvePoint, Detection, Detector, Vary } from './types.ts';

/** A point takes part in the susceptibility signal when at least this many of its runs stayed small. */
export const MIN_SMALL_RUNS = 10;

/** The susceptibility peak must stand this much above some point on each side to count. */
export const PEAK_PROMINENCE = 1.2;

/** Points within this fraction of the susceptibility maximum take part in locating the peak. */
export const PEAK_TOP = 0.8;

/** How many standard errors a change of the global share must exceed to count as one. */
export const ONSET_SIGNIFICANCE = 2;

export interface Signal {
  /** Where the signal puts the transition. */
  x: number;
  /** Where refinement adds points: intervals [a, b] cut into `parts` equal pieces. */
  intervals: { a: number; b: number; parts: number }[];
  /** The x of the points bracketing the transition (for the report). */
  bracket: [number, number];
}

/** The susceptibility peak, or null when the small-run mean has no prominent interior maximum. */
export function susceptibilityPeak(curve: CurvePoint[]): Signal | null {
  const pts = curve.filter((c) => c.smallMean !== null && c.smallRuns >= MIN_SMALL_RUNS);
  if (pts.length < 3) return null;
  const chi = (i: number) => pts[i].smallMean as number;
  // The highest point standing PEAK_PROMINENCE above some point on each side: a later rise
  // (cascades trapped in communities grow again at high p) must not hide the first peak.
  const leftMin: number[] = [];
  const rightMin: number[] = new Array(pts.length);
  for (let i = 0, m = Number.POSITIVE_INFINITY; i < pts.length; i++) {
    leftMin.push(m);
    m = Math.min(m, chi(i));
  }
  for (let i = pts.length - 1, m = Number.POSITIVE_INFINITY; i >= 0; i--) {
    rightMin[i] = m;
    m = Math.min(m, chi(i));
  }
  let best = -1;
  for (let i = 1; i + 1 < pts.length; i++) {
    const y = chi(i);
    if (y < PEAK_PROMINENCE * leftMin[i] || y < PEAK_PROMINENCE * rightMin[i]) continue;
    if (best < 0 || y > chi(best)) best = i;
  }
  if (best < 0) return null;
  const peak = chi(best);
  const [x0, x1, x2] = [pts[best - 1].x, pts[best].x, pts[best + 1].x];
  // The peak's top is flat within the noise near p_c: fit a parabola by least squares to the
  // contiguous points within PEAK_TOP of the maximum (at least the maximum and its neighbours),
  // and take its vertex, kept within the outermost of those points.
  let lo = best - 1;
  let hi = best + 1;
  while (lo > 0 && chi(lo - 1) >= PEAK_TOP * peak) lo--;
  while (hi < pts.length - 1 && chi(hi + 1) >= PEAK_TOP * peak) hi++;
  const top = pts.slice(lo, hi + 1).map((c) => [c.x, c.smallMean as number] as const);
  const vertex = parabolaVertex(top);
  const x = vertex === null ? x1 : Math.min(Math.max(vertex, pts[lo].x), pts[hi].x);
  const intervals = [
    { a: x0, b: x1, parts: 2 },
    { a: x1, b: x2, parts: 2 },
  ];
  return { x, intervals, bracket: [x0, x2] };
}

/**
 * The steepest significant change of the global share between neighbouring points; its x is the
 * middle of the bracket (for whole-number sweeps: the end of the bracket on the global side).
 */
export function globalOnset(curve: CurvePoint[], discrete: boolean, resolution = 0): Signal | null {
  const best = steepestStep(curve, (a, b) => {
    const change = Math.abs(b.globalFraction - a.globalFraction);
    const se = Math.sqrt(variance(a) / a.runs + variance(b) / b.runs);
    if (change <= ONSET_SIGNIFICANCE * se) return 0;
    // A change counts as spread over at least `resolution`, so two close refined points whose
    // shares differ by noise cannot outbid a real step.
    return change / Math.max(b.x - a.x, resolution);
  });
  if (best < 0) return null;
  const a = curve[best];
  const b = curve[best + 1];
  const x = discrete ? (b.globalFraction >= a.globalFraction ? b.x : a.x) : (a.x + b.x) / 2;
  return { x, intervals: [{ a: a.x, b: b.x, parts: 3 }], bracket: [a.x, b.x] };
}

/** Reach per seed must grow at least this much between neighbouring k to count as a tipping point. */
export const LEVERAGE_RISE = 1.2;

/**
 * The steepest significant rise of the mean reach per seed (mean / k) between neighbouring seed
 * counts; its x is the k on the high side. Below a critical mass each added seed buys about as
 * much reach as the previous ones (or less, as audiences overlap); at it, one more seed tips a
 * cascade that reaches far beyond the seeds, and the reach per seed jumps. A fixed share of the
 * network (the 10% of globalFraction) cannot tell this apart: enough seeds reach 10% by themselves.
 */
export function reachPerSeedRise(curve: CurvePoint[]): Signal | null {
  const se = (c: CurvePoint) => (c.ci95[1] - c.mean) / 1.959963984540054 / c.x;
  const best = steepestStep(curve, (a, b) => {
    const ra = a.mean / a.x;
    const rb = b.mean / b.x;
    if (rb < LEVERAGE_RISE * ra) return 0;
    if (rb - ra <= ONSET_SIGNIFICANCE * Math.sqrt(se(a) ** 2 + se(b) ** 2)) return 0;
    return (rb - ra) / (b.x - a.x);
  });
  if (best < 0) return null;
  const a = curve[best];
  const b = curve[best + 1];
  return { x: b.x, intervals: [{ a: a.x, b: b.x, parts: 3 }], bracket: [a.x, b.x] };
}

/**
 * Index i of the neighbouring pair (curve[i], curve[i + 1]) with the largest positive slope as
 * `slope` scores it (0 for a pair that does not count); -1 when no pair counts. Ties keep the first.
 */
function steepestStep(curve: CurvePoint[], slope: (a: CurvePoint, b: CurvePoint) => number): number {
  let best = -1;
  let bestSlope = 0;
  for (let i = 0; i + 1 < curve.length; i++) {
    const value = slope(curve[i], curve[i + 1]);
    if (value > bestSlope) {
      bestSlope = value;
      best = i;
    }
  }
  return best;
}

/** Binomial variance of the global share, floored so that 0 and 1 still carry some uncertainty. */
function variance(c: CurvePoint): number {
  const g = Math.min(Math.max(c.globalFraction, 0.5 / c.runs), 1 - 0.5 / c.runs);
  return g * (1 - g);
}

/** The signals a sweep trusts, in order. */
export function detectorsFor(vary: Vary): Detector[] {
  if (vary === 'p') return ['susceptibility', 'globalOnset'];
  if (vary === 'phi') return ['globalOnset', 'susceptibility'];
  return ['reachPerSeed'];
}

/**
 * Detect the transition on a curve; `resolution` is the smallest x-distance a global-share change
 * is credited with (a quarter of the initial grid spacing in a sweep).
 */
export function detectCritical(
  curve: CurvePoint[],
  vary: Vary,
  resolution = 0,
): Detection & { signal: Signal | null } {
  const sorted = [...curve].sort((a, b) => a.x - b.x);
  const peak = susceptibilityPeak(sorted);
  const onset = globalOnset(sorted, vary === 'k', resolution);
  const leverage = vary === 'k' ? reachPerSeedRise(sorted) : null;
  const signals = { susceptibility: peak, globalOnset: onset, reachPerSeed: leverage };
  for (const detector of detectorsFor(vary)) {
    const signal = signals[detector];
    if (signal) {
      return {
        critical: signal.x,
        detector,
        susceptibilityPeak: peak?.x ?? null,
        globalOnset: onset?.x ?? null,
        reachPerSeed: leverage?.x ?? null,
        bracket: signal.bracket,
        signal,
      };
    }
  }
  return {
    critical: null,
    detector: null,
    susceptibilityPeak: peak?.x ?? null,
    globalOnset: onset?.x ?? null,
    reachPerSeed: leverage?.x ?? null,
    bracket: null,
    signal: null,
  };
}

/** Vertex of the least-squares parabola through the points, or null unless it opens downwards. */
export function parabolaVertex(points: readonly (readonly [number, number])[]): number | null {
  if (points.length < 3) return null;
  // Centre and scale x so the normal equations stay well conditioned.
  const mx = points.reduce((s, p) => s + p[0], 0) / points.length;
  const sx = Math.max(...points.map((p) => Math.abs(p[0] - mx))) || 1;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  for (const [px, y] of points) {
    const u = (px - mx) / sx;
    s0 += 1;
    s1 += u;
    s2 += u * u;
    s3 += u * u * u;
    s4 += u * u * u * u;
    t0 += y;
    t1 += u * y;
    t2 += u * u * y;
  }
  // Solve [s4 s3 s2; s3 s2 s1; s2 s1 s0] [a b c] = [t2 t1 t0] by Cramer's rule.
  const det3 = (m: number[]) =>
    m[0] * (m[4] * m[8] - m[5] * m[7]) -
    m[1] * (m[3] * m[8] - m[5] * m[6]) +
    m[2] * (m[3] * m[7] - m[4] * m[6]);
  const d = det3([s4, s3, s2, s3, s2, s1, s2, s1, s0]);
  if (d === 0) return null;
  const a = det3([t2, s3, s2, t1, s2, s1, t0, s1, s0]) / d;
  const b = det3([s4, t2, s2, s3, t1, s1, s2, t0, s0]) / d;
  if (!(a < 0)) return null;
  return mx + sx * (-b / (2 * a));
}
