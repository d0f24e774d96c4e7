/**
 * One IC probability per community of the attempter (Louvain communities in practice): where is
 * the network more receptive? The joint log-likelihood of the tallied attempts (attempts.ts) is
 *
 *   L(p) = sum over success events of log(1 - prod_c (1 - p_c)^{a_c}) + sum_c F_c log(1 - p_c)
 *
 * with a_c the event's attempters from community c and F_c the failed attempts from c. In
 * q_c = -log(1 - p_c) it reads sum_j m_j log(1 - exp(-s_j)) - sum_c F_c q_c with s_j = sum_c a_jc q_c:
 * concave, as log(1 - e^{-s}) is concave in s and s is linear in q. Coordinate-wise Newton (each
 * step the exact 1-D maximum in one q_c, Newton kept in a bracket by bisection) climbs to the
 * maximum; a community whose attempts never fail has p = 1, one with no attempt has none.
 * Intervals: Wald's from the inverse of the observed information matrix (the interior
 * communities; its diagonal alone beyond MAX_DENSE of them), else, near or on 0 or 1, the
 * likelihood-ratio interval of the community's p with the others at their estimates.
 */
import { Z95 } from '../diffusion/summary.ts';
import type { AttemptTally } from './attempts.ts';
import { HALF_CHI2_95 } from './fit-ic.ts';

/** Up to this many interior communities, the covariance is the full inverse of the information. */
export const MAX_DENSE = 400;

export interface CommunityP {
  community: number;
  /** Attempts made by this community's accounts. */
  attempts: number;
  /** null when its accounts made no attempt. */
  estimate: number | null;
  ci95: [number, number] | null;
  ci95Method: 'wald' | 'wald-conditional' | 'profile-conditional' | null;
}

export interface CommunityFit {
  communities: CommunityP[];
  logLikelihood: number;
  sweeps: number;
  converged: boolean;
}

type Tallied = NonNullable<AttemptTally['byCommunity']>;

export function fitCommunities(t: Tallied, start = 0.1): CommunityFit {
  const K = t.count;
  const { offsets, communities: comms, counts, multiplicity } = t.patterns;
  const J = multiplicity.length;
  // Inverted index: the patterns each community takes part in, with its count there.
  const byC: { j: number[]; a: number[] }[] = Array.from({ length: K }, () => ({ j: [], a: [] }));
  for (let j = 0; j < J; j++)
    for (let e = offsets[j]; e < offsets[j + 1]; e++) {
      byC[comms[e]].j.push(j);
      byC[comms[e]].a.push(counts[e]);
    }
  const q = new Float64Array(K);
  const alive = new Uint8Array(J).fill(1);
  const fixed = new Uint8Array(K); // 1: no attempts; 2: p = 1
  const q0 = -Math.log1p(-Math.min(Math.max(start, 1e-6), 1 - 1e-6));
  for (let c = 0; c < K; c++) {
    if (t.attempts[c] === 0) fixed[c] = 1;
    else if (t.failures[c] === 0) {
      fixed[c] = 2;
      q[c] = Number.POSITIVE_INFINITY;
      for (const j of byC[c].j) alive[j] = 0;
    } else q[c] = q0;
  }
  const s = new Float64Array(J);
  const recompute = () => {
    for (let j = 0; j < J; j++) {
      if (!alive[j]) {
        s[j] = Number.POSITIVE_INFINITY;
        continue;
      }
      let sum = 0;
      for (let e = offsets[j]; e < offsets[j + 1]; e++) sum += counts[e] * q[comms[e]];
      s[j] = sum;
    }
  };
  recompute();

  /** f'(x) and f''(x) of the 1-D problem in q_c, the others fixed (s without c's part in `base`). */
  const base = new Float64Array(J);
  const derivs = (c: number, x: number) => {
    let d1 = -t.failures[c];
    let d2 = 0;
    const { j: js, a: as } = byC[c];
    for (let i = 0; i < js.length; i++) {
      const j = js[i];
      if (!alive[j]) continue;
      const sj = base[j] + as[i] * x;
      const em = Math.exp(-sj);
      const one = -Math.expm1(-sj);
      d1 += (multiplicity[j] * as[i] * em) / one;
      d2 -= (multiplicity[j] * as[i] * as[i] * em) / (one * one);
    }
    return { d1, d2 };
  };

  let sweeps = 0;
  let converged = false;
  for (; sweeps < 2000 && !converged; sweeps++) {
    let change = 0;
    for (let c = 0; c < K; c++) {
      if (fixed[c]) continue;
      const { j: js, a: as } = byC[c];
      for (let i = 0; i < js.length; i++) base[js[i]] = s[js[i]] - as[i] * q[c];
      let x: number;
      if (derivs(c, 0).d1 <= 0) x = 0;
      else {
        let lo = 0;
        let hi = Math.max(q[c], 1e-3);
        while (derivs(c, hi).d1 > 0) {
          lo = hi;
          hi *= 2;
        }
        x = q[c] > lo && q[c] < hi ? q[c] : 0.5 * (lo + hi);
        for (let it = 0; it < 200; it++) {
          const { d1, d2 } = derivs(c, x);
          if (d1 > 0) lo = x;
          else hi = x;
          let next = x - d1 / d2;
          if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
          const moved = Math.abs(next - x);
          x = next;
          if (moved <= 1e-14 * (1 + x) || hi - lo <= 1e-14 * (1 + x)) break;
        }
      }
      change = Math.max(change, Math.abs(x - q[c]) / (1 + q[c]));
      q[c] = x;
      for (let i = 0; i < js.length; i++) s[js[i]] = base[js[i]] + as[i] * x;
    }
    if (change < 1e-12) converged = true;
  }
  recompute();

  const logLikelihood = jointLogLikelihood(t, q, alive);
  const p = Array.from(q, (x) => -Math.expm1(-x));

  // Observed information in q over the interior communities.
  const interior: number[] = [];
  for (let c = 0; c < K; c++) if (!fixed[c] && q[c] > 0) interior.push(c);
  const slot = new Int32Array(K).fill(-1);
  interior.forEach((c, i) => {
    slot[c] = i;
  });
  const m = interior.length;
  const dense = m <= MAX_DENSE;
  const info = dense ? new Float64Array(m * m) : new Float64Array(m);
  for (let j = 0; j < J; j++) {
    if (!alive[j]) continue;
    const em = Math.exp(-s[j]);
    const one = -Math.expm1(-s[j]);
    const w = (multiplicity[j] * em) / (one * one);
    for (let e = offsets[j]; e < offsets[j + 1]; e++) {
      const a = slot[comms[e]];
      if (a < 0) continue;
      if (!dense) {
        info[a] += w * counts[e] * counts[e];
        continue;
      }
      for (let f = offsets[j]; f < offsets[j + 1]; f++) {
        const b = slot[comms[f]];
        if (b >= 0) info[a * m + b] += w * counts[e] * counts[f];
      }
    }
  }
  const variance = dense ? inverseDiagonal(info, m) : Array.from(info, (x) => 1 / x);

  const out: CommunityP[] = [];
  for (let c = 0; c < K; c++) {
    const attempts = t.attempts[c];
    if (fixed[c] === 1) {
      out.push({ community: c, attempts, estimate: null, ci95: null, ci95Method: null });
      continue;
    }
    const i = slot[c];
    if (i >= 0 && variance && Number.isFinite(variance[i]) && variance[i] > 0) {
      const se = (1 - p[c]) * Math.sqrt(variance[i]);
      const lo = p[c] - Z95 * se;
      const hi = p[c] + Z95 * se;
      if (lo >= 0 && hi <= 1) {
        out.push({
          community: c,
          attempts,
          estimate: p[c],
          ci95: [lo, hi],
          ci95Method: dense ? 'wald' : 'wald-conditional',
        });
        continue;
      }
    }
    out.push({
      community: c,
      attempts,
      estimate: p[c],
      ci95: conditionalProfile(t, q, s, byC[c], c),
      ci95Method: 'profile-conditional',
    });
  }
  return { communities: out, logLikelihood, sweeps, converged };
}

/** The joint log-likelihood at q (patterns with a p = 1 community contribute log 1 = 0). */
export function jointLogLikelihood(t: Tallied, q: Float64Array, alive?: Uint8Array): number {
  const { offsets, communities: comms, counts, multiplicity } = t.patterns;
  let sum = 0;
  for (let c = 0; c < t.count; c++) if (t.failures[c] > 0) sum -= t.failures[c] * q[c];
  for (let j = 0; j < multiplicity.length; j++) {
    if (alive && !alive[j]) continue;
    let s = 0;
    for (let e = offsets[j]; e < offsets[j + 1]; e++) s += counts[e] * q[comms[e]];
    if (s !== Number.POSITIVE_INFINITY) sum += multiplicity[j] * Math.log(-Math.expm1(-s));
  }
  return sum;
}

/**
 * {p_c : L(p_c, others at their estimates) >= L^ - 1.92}, by bisection on each side; only the
 * terms that hold p_c change, so only they are summed.
 */
function conditionalProfile(
  t: Tallied,
  q: Float64Array,
  s: Float64Array,
  own: { j: number[]; a: number[] },
  c: number,
): [number, number] {
  const { multiplicity } = t.patterns;
  const qc = q[c];
  // s_j without c's part (patterns that died with p_c = 1 have s_j = infinity: recompute them).
  const base = own.j.map((j, i) =>
    Number.isFinite(s[j]) && Number.isFinite(qc) ? s[j] - own.a[i] * qc : Number.NaN,
  );
  const rest = own.j.map((j, i) => {
    if (!Number.isNaN(base[i])) return base[i];
    let sum = 0;
    const { offsets, communities, counts } = t.patterns;
    for (let e = offsets[j]; e < offsets[j + 1]; e++)
      if (communities[e] !== c) sum += counts[e] * q[communities[e]];
    return sum;
  });
  const partial = (x: number) => {
    let sum = t.failures[c] > 0 ? -t.failures[c] * x : 0;
    for (let i = 0; i < own.j.length; i++) {
      const sj = rest[i] + own.a[i] * x;
      if (sj !== Number.POSITIVE_INFINITY) sum += multiplicity[own.j[i]] * Math.log(-Math.expm1(-sj));
    }
    return sum;
  };
  const estimate = -Math.expm1(-qc);
  const cut = partial(qc) - HALF_CHI2_95;
  const inside = (p: number) => partial(-Math.log1p(-p)) >= cut;
  const end = (outer: number) => {
    if (inside(outer)) return outer;
    let a = estimate;
    let b = outer;
    for (let i = 0; i < 60 && Math.abs(b - a) > 1e-15; i++) {
      const mid = 0.5 * (a + b);
      if (inside(mid)) a = mid;
      else b = mid;
    }
    return a;
  };
  return [end(0), end(1)];
}

/** The diagonal of the inverse of a symmetric positive definite m x m matrix (Cholesky). */
export function inverseDiagonal(matrix: Float64Array, m: number): number[] | null {
  const L = Float64Array.from(matrix);
  for (let j = 0; j < m; j++) {
    let d = L[j * m + j];
    for (let k = 0; k < j; k++) d -= L[j * m + k] * L[j * m + k];
    if (!(d > 0)) return null;
    const r = Math.sqrt(d);
    L[j * m + j] = r;
    for (let i = j + 1; i < m; i++) {
      let v = L[i * m + j];
      for (let k = 0; k < j; k++) v -= L[i * m + k] * L[j * m + k];
      L[i * m + j] = v / r;
    }
  }
  // diag(A^-1)_i = sum_k (L^-1)_{k i}^2: solve L x = e_i column by column.
  const out = new Array<number>(m).fill(0);
  const x = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    x.fill(0);
    for (let r = i; r < m; r++) {
      let v = r === i ? 1 : 0;
      for (let k = i; k < r; k++) v -= L[r * m + k] * x[k];
      x[r] = v / L[r * m + r];
      out[i] += x[r] * x[r];
    }
  }
  return out;
}
