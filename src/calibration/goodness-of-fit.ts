/**
 * Goodness of fit: do cascades simulated with the fitted model, from the observed first adopters,
 * look like the observed ones? Two views:
 *   - the distribution of cascade sizes, compared by the two-sample Kolmogorov-Smirnov statistic
 *     D = max |F_obs(x) - F_sim(x)| (Smirnov 1939), with the asymptotic p-value of the Kolmogorov
 *     distribution at sqrt(n_e) D, n_e = n m / (n + m) (with the small-sample correction of
 *     Stephens 1970, as in Numerical Recipes' `probks`). Sizes are whole numbers, which makes the
 *     test conservative (p-values too large); so does fitting p on the same data: a rejection is
 *     therefore strong evidence.
 *   - the mean number of adopters after each step (reach by step), observed and simulated.
 * Both distributions are returned on the same points, ready to plot.
 */
import type { Cascade } from './cascade-log.ts';

export interface KsTest {
  statistic: number;
  pValue: number;
  /** D above this rejects at the 5% level (1.358 / sqrt(n_e)). */
  critical05: number;
}

/** Q_KS(lambda) = 2 sum_{k>=1} (-1)^{k-1} exp(-2 k^2 lambda^2). */
export function kolmogorovQ(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  let sign = 1;
  for (let k = 1; k <= 100; k++) {
    const term = sign * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12 * Math.abs(sum)) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** The two-sample KS test of two samples given sorted ascending. */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): KsTest {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new Error('ks: both samples need at least one value');
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const x = Math.min(a[i], b[j]);
    while (i < n && a[i] === x) i++;
    while (j < m && b[j] === x) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  const ne = (n * m) / (n + m);
  const root = Math.sqrt(ne);
  return {
    statistic: d,
    pValue: kolmogorovQ((root + 0.12 + 0.11 / root) * d),
    critical05: 1.358 / root,
  };
}

/** Both empirical distribution functions at every size either sample takes. */
export function sizeCdfs(
  observed: ArrayLike<number>,
  simulated: ArrayLike<number>,
): { size: number[]; observed: number[]; simulated: number[] } {
  const size = [...new Set([...Array.from(observed), ...Array.from(simulated)])].sort((x, y) => x - y);
  const cdf = (sorted: ArrayLike<number>) => {
    const out: number[] = [];
    let k = 0;
    for (const s of size) {
      while (k < sorted.length && sorted[k] <= s) k++;
      out.push(k / sorted.length);
    }
    return out;
  };
  return { size, observed: cdf(observed), simulated: cdf(simulated) };
}

/** Sizes of the observed cascades, ascending. */
export function observedSizes(cascades: readonly Cascade[]): Uint32Array {
  return Uint32Array.from(cascades, (c) => c.nodes.length).sort();
}

/** Mean adopters after each step over the observed cascades (cumulative; step 0 = first adopters). */
export function observedReachByStep(cascades: readonly Cascade[]): number[] {
  let last = 0;
  for (const c of cascades) if (c.steps.length > 0) last = Math.max(last, c.steps[c.steps.length - 1]);
  const counts = new Float64Array(last + 1);
  for (const c of cascades) for (const s of c.steps) counts[s]++;
  return cumulativeMean(counts, cascades.length);
}

/** Mean cumulative adopters by step from per-step sums over `runs` runs. */
export function cumulativeMean(stepSums: ArrayLike<number>, runs: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let t = 0; t < stepSums.length; t++) {
    sum += stepSums[t];
    out.push(sum / runs);
  }
  return out;
}

/** Pad a cumulative curve to `length` steps with its last value. */
export function padCurve(curve: number[], length: number): number[] {
  const out = curve.slice(0, length);
  const last = curve.length > 0 ? curve[curve.length - 1] : 0;
  while (out.length < length) out.push(last);
  return out;
}
