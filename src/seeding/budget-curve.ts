/**
 * The budget curve: expected spread of the first k seeds of one IMM run, for k = 1..K.
 *
 * Greedy picks seeds in order, so the prefix of length k is IMM's answer for budget k as well.
 * Spreads are estimated on RR sets independent of the ones the seeds were chosen on (the sampling
 * phase's, topped up from the same stream if they are few), so they are not inflated by the
 * selection: spread = n * (fraction of sets hit by the prefix), with a normal 95% interval of
 * that binomial fraction.
 */
import { Z95 } from '../diffusion/summary.ts';
import { type ImmResult, phaseSeed } from './imm.ts';
import type { RrCollection, RrSource } from './rr-sets.ts';

export interface BudgetPoint {
  k: number;
  spread: number;
  ci95: [number, number];
}

/**
 * scale x n x (hits / sets) with its normal 95% interval (of the binomial share): an RR-set
 * estimate of an expectation (spread, exposure, conversions).
 */
export function rrEstimate(
  hits: number,
  sets: number,
  n: number,
  scale = 1,
): { mean: number; ci95: [number, number] } {
  const f = sets > 0 ? hits / sets : 0;
  const half = sets > 0 ? Z95 * Math.sqrt((f * (1 - f)) / sets) : 0;
  const k = scale * n;
  return { mean: k * f, ci95: [k * Math.max(0, f - half), k * Math.min(1, f + half)] };
}

/** Spread of every prefix of `seeds` from RR sets that did not take part in choosing them. */
export function budgetCurve(sets: RrCollection, seeds: readonly number[]): BudgetPoint[] {
  if (sets.count === 0) throw new Error('budget curve: no RR sets');
  return sets.prefixCoverage(seeds).map((covered, i) => {
    const { mean, ci95 } = rrEstimate(covered, sets.count, sets.n);
    return { k: i + 1, spread: mean, ci95 };
  });
}

/**
 * The budget curve of an IMM result, on its sampling-phase sets topped up (same stream, later
 * indices) to at least half of theta so the curve is as precise as the selection was.
 */
export async function immBudgetCurve(
  source: RrSource,
  result: ImmResult,
  rngSeed: number,
): Promise<BudgetPoint[]> {
  return budgetCurve(await curveSets(source, result, rngSeed), result.seeds);
}

/**
 * The sets a budget curve is measured on: IMM's sampling-phase sets, topped up from the same
 * stream (later indices) to at least half of theta.
 */
export async function curveSets(source: RrSource, result: ImmResult, rngSeed: number): Promise<RrCollection> {
  const sets = result.samplingSets;
  const target = Math.ceil(result.theta / 2);
  if (sets.count < target) {
    for (const batch of await source.generate(phaseSeed(rngSeed, 1), sets.count, target - sets.count))
      sets.append(batch);
  }
  return sets;
}
