/**
 * The exact maximum-likelihood estimate of the independent cascade's one probability p from
 * tallied attempts (attempts.ts):
 *
 *   L(p) = sum over success events of log(1 - (1-p)^a) + F log(1 - p)
 *
 * with a the event's attempters and F the failed attempts. L is concave in p (each term is), so
 * its score L'(p) falls from +inf at 0 (when there is a success) to -inf at 1 (when there is a
 * failure) and crosses zero once: Newton's method on the score, kept inside a shrinking bracket
 * by bisection, finds the root to 1e-12. The 95% interval is Wald's, p ± 1.96 / sqrt(I) with I =
 * -L''(p) the observed information; where that interval leaves [0, 1] (the estimate near 0 or 1,
 * or on the boundary) it is the profile-likelihood interval {p : 2 (L(p^) - L(p)) <= 3.84}.
 */
import { Z95 } from '../diffusion/summary.ts';
import type { AttemptTally } from './attempts.ts';

/** Half the 95% quantile of chi-square with one degree of freedom (1.96^2 / 2). */
export const HALF_CHI2_95 = (Z95 * Z95) / 2;

export interface IcFit {
  estimate: number;
  ci95: [number, number];
  /** How the interval was found. */
  ci95Method: 'wald' | 'profile';
  /** Standard error from the observed information (null at the boundary). */
  standardError: number | null;
  logLikelihood: number;
  /** Newton/bisection steps taken. */
  iterations: number;
}

/** Success events (by attempters) and failures: what L(p) depends on. */
export interface IcCounts {
  attempters: ArrayLike<number>;
  events: ArrayLike<number>;
  failures: number;
}

/** L(p). */
export function icLogLikelihood(c: IcCounts, p: number): number {
  const logq = Math.log1p(-p);
  let sum = c.failures > 0 ? c.failures * logq : 0;
  for (let i = 0; i < c.attempters.length; i++)
    sum += c.events[i] * Math.log(-Math.expm1(c.attempters[i] * logq));
  return sum;
}

/** L'(p) and L''(p), for 0 < p < 1. */
export function icScore(c: IcCounts, p: number): { score: number; curvature: number } {
  const q = 1 - p;
  const logq = Math.log1p(-p);
  let score = -c.failures / q;
  let curvature = -c.failures / (q * q);
  for (let i = 0; i < c.attempters.length; i++) {
    const a = c.attempters[i];
    const m = c.events[i];
    const qa = Math.exp(a * logq);
    const one = -Math.expm1(a * logq); // 1 - q^a, accurate for small p
    const qa1 = Math.exp((a - 1) * logq);
    score += (m * a * qa1) / one;
    curvature -= (m * a * Math.exp((a - 2) * logq) * (a - 1 + qa)) / (one * one);
  }
  return { score, curvature };
}

/** A tally that says nothing about p. */
export class NoInformationError extends Error {}

export function fitIc(c: IcCounts): IcFit {
  let successes = 0;
  for (let i = 0; i < c.events.length; i++) successes += c.events[i];
  if (successes === 0 && c.failures === 0)
    throw new NoInformationError(
      'the log gives no information about p: no adopter made an attempt on an account that had not adopted (cascades of first adopters only, or accounts with no out-arcs in the graph)',
    );
  let estimate: number;
  let iterations = 0;
  if (successes === 0) estimate = 0;
  else if (c.failures === 0) estimate = 1;
  else {
    let lo = 0;
    let hi = 1;
    // Start at the share of successful events among all attempts: inside (0,1) and close.
    let p = successes / (successes + c.failures);
    for (; iterations < 200; iterations++) {
      const { score, curvature } = icScore(c, p);
      if (score > 0) lo = p;
      else hi = p;
      let next = p - score / curvature;
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      const moved = Math.abs(next - p);
      p = next;
      if (moved < 1e-13 || hi - lo < 1e-13) break;
    }
    estimate = p;
  }
  const logLikelihood = icLogLikelihood(c, estimate);
  if (estimate > 0 && estimate < 1) {
    const info = -icScore(c, estimate).curvature;
    const se = 1 / Math.sqrt(info);
    const lo = estimate - Z95 * se;
    const hi = estimate + Z95 * se;
    if (lo >= 0 && hi <= 1)
      return { estimate, ci95: [lo, hi], ci95Method: 'wald', standardError: se, logLikelihood, iterations };
    return {
      estimate,
      ci95: profileInterval(c, estimate, logLikelihood),
      ci95Method: 'profile',
      standardError: se,
      logLikelihood,
      iterations,
    };
  }
  return {
    estimate,
    ci95: profileInterval(c, estimate, logLikelihood),
    ci95Method: 'profile',
    standardError: null,
    logLikelihood,
    iterations,
  };
}

/** {p : L(p) >= L(p^) - 1.92}: L is concave, so each end is found by bisection on its side. */
export function profileInterval(c: IcCounts, estimate: number, best: number): [number, number] {
  const cut = best - HALF_CHI2_95;
  const inside = (p: number) => icLogLikelihood(c, p) >= cut;
  const end = (outer: number) => {
    if (inside(outer)) return outer;
    let a = estimate;
    let b = outer;
    for (let i = 0; i < 200 && Math.abs(b - a) > 1e-14; i++) {
      const mid = 0.5 * (a + b);
      if (inside(mid)) a = mid;
      else b = mid;
    }
    return a;
  };
  return [end(0), end(1)];
}

/** The counts of a tally, for fitIc. */
export function icCounts(t: AttemptTally): IcCounts {
  return { attempters: t.attempters, events: t.events, failures: t.failures };
}
