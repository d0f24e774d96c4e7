/**
 * Influence of every account at once: its expected spread as a lone seed, sigma({v}), estimated
 * from reverse-reachable sets. A set contains v exactly when v would reach the set's random root,
 * so sigma({v}) = n * P(v in a random RR set), estimated by n * (sets containing v) / (sets).
 * One batch of sets answers for all n nodes together, which is what makes this cheap beside n
 * separate Monte Carlo simulations.
 *
 * The 95% interval is Wilson's score interval of the binomial fraction, scaled by n: it stays
 * sensible for nodes found in few or no sets (where the normal interval collapses to a point).
 */
import { phaseSeed } from './imm.ts';
import type { RrSource } from './rr-sets.ts';

export interface InfluenceOptions {
  /** RR sets to draw [INFLUENCE_DEFAULTS.sets]. More sets narrow the intervals as 1/sqrt(sets). */
  sets?: number;
  /** Random seed [1]. */
  rngSeed?: number;
}

export const INFLUENCE_DEFAULTS = { sets: 200_000, rngSeed: 1 } as const;

export interface InfluenceScores {
  /** Expected spread of each node as a lone seed (itself included), by node index. */
  score: Float64Array;
  /** Lower and upper ends of the 95% interval of score, by node index. */
  lo: Float64Array;
  hi: Float64Array;
  /** RR sets used. */
  sets: number;
}

const Z95 = 1.959963984540054;

/** Wilson score interval of a binomial proportion (hits of trials), at z. */
export function wilson(hits: number, trials: number, z = Z95): [number, number] {
  const f = hits / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (f + z2 / (2 * trials)) / denom;
  const half = (z * Math.sqrt((f * (1 - f)) / trials + z2 / (4 * trials * trials))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Scores from per-node counts over `sets` RR sets. */
export function scoresFromCounts(counts: Uint32Array, sets: number): InfluenceScores {
  const n = counts.length;
  const score = new Float64Array(n);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    score[v] = (n * counts[v]) / sets;
    const [a, b] = wilson(counts[v], sets);
    lo[v] = n * a;
    hi[v] = n * b;
  }
  return { score, lo, hi, sets };
}

/** Every node's expected spread as a lone seed, with its 95% interval, from one batch of RR sets. */
export async function influenceScores(
  source: RrSource,
  options: InfluenceOptions = {},
): Promise<InfluenceScores> {
  const sets = options.sets ?? INFLUENCE_DEFAULTS.sets;
  const rngSeed = options.rngSeed ?? INFLUENCE_DEFAULTS.rngSeed;
  if (!Number.isInteger(sets) || sets < 1 || sets > 0xffffffff)
    throw new RangeError(`sets: expected a whole number from 1 to 4294967295, got ${sets}`);
  const counts = await source.counts(phaseSeed(rngSeed, 3), 0, sets);
  return scoresFromCounts(counts, sets);
}
