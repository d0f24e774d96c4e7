/**
 * Budgeted max coverage: each greedy rule alone fails on an instance built against it, the
 * better of the two does not; with every start of up to three accounts the result is at least
 * (1 - 1/e) of the best affordable set found by exhaustive search, on random collections.
 */
import { describe, expect, it } from 'vitest';
import {
  BudgetedCoverer,
  budgetedMaxCoverage,
  ENUMERATION_APPROX,
} from '../../src/campaign/budgeted-coverage.ts';
import { RrCollection } from '../../src/seeding/rr-sets.ts';
import { lcgDraw } from '../support/graphs.ts';

/** A collection from explicit sets of accounts. */
function collectionOf(n: number, sets: number[][]): RrCollection {
  const c = new RrCollection(n);
  const offsets = new Uint32Array(sets.length + 1);
  sets.forEach((s, j) => {
    offsets[j + 1] = offsets[j] + s.length;
  });
  c.append({ first: 0, count: sets.length, offsets, nodes: Uint32Array.from(sets.flat()), examined: 0 });
  return c;
}

describe('the better-of-two rule', () => {
  it('cost-effective alone loses when a cheap small account crowds out the big one', () => {
    // Account 0 covers 1 set for 0.01 (100 per unit); account 1 covers 90 sets for 1 (90 per unit).
    const sets = [[0], ...Array.from({ length: 90 }, () => [1])];
    const coverer = new BudgetedCoverer(collectionOf(2, sets), Float64Array.from([0.01, 1]));
    const ce = coverer.greedy(1, 'cost-effective');
    expect(ce.seeds).toEqual([0]);
    expect(ce.covered).toBe(1);
    const plain = coverer.greedy(1, 'plain');
    expect(plain.seeds).toEqual([1]);
    const both = coverer.cover(1, 'top');
    expect(both.best.covered).toBe(90);
    expect(both.best.seeds).toEqual([1]);
  });

  it('plain alone loses when many cheap accounts cover more than the one big one', () => {
    // Account 0 covers 10 sets for 10; accounts 1..9 cover 2 sets each for 1.
    const sets: number[][] = Array.from({ length: 10 }, () => [0]);
    for (let v = 1; v <= 9; v++) sets.push([v], [v]);
    const costs = Float64Array.from([10, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const coverer = new BudgetedCoverer(collectionOf(10, sets), costs);
    expect(coverer.greedy(10, 'plain').covered).toBe(10);
    const best = coverer.cover(10, 'top').best;
    expect(best.covered).toBe(18);
    expect(best.cost).toBeLessThanOrEqual(10);
  });

  it('free accounts are taken first by cost, and budgets below every price buy nothing', () => {
    const c = collectionOf(3, [[0], [1], [1], [2]]);
    const r = budgetedMaxCoverage(c, Float64Array.from([0, 5, 5]), 5, 'top');
    expect(r.best.seeds).toEqual([0, 1]);
    expect(budgetedMaxCoverage(c, Float64Array.from([2, 5, 5]), 1, 'top').best.seeds).toEqual([]);
  });
});

describe('against exhaustive search', () => {
  it('full enumeration: at least (1 - 1/e) of the best, and within budget', () => {
    let worst = 1;
    for (let seed = 1; seed <= 60; seed++) {
      const draw = lcgDraw(seed);
      const n = 6 + draw(5);
      const sets = Array.from({ length: 30 + draw(40) }, () => {
        const size = 1 + draw(3);
        return [...new Set(Array.from({ length: size }, () => draw(n)))];
      });
      const costs = Float64Array.from({ length: n }, () => draw(7));
      const budget = 2 + draw(12);
      const c = collectionOf(n, sets);
      const r = budgetedMaxCoverage(c, costs, budget, 'full');
      let best = 0;
      for (let mask = 0; mask < 1 << n; mask++) {
        let cost = 0;
        const seeds: number[] = [];
        for (let v = 0; v < n; v++)
          if (mask & (1 << v)) {
            cost += costs[v];
            seeds.push(v);
          }
        if (cost <= budget) best = Math.max(best, c.coverage(seeds));
      }
      expect(r.best.cost).toBeLessThanOrEqual(budget);
      expect(c.coverage(r.best.seeds)).toBe(r.best.covered);
      expect(r.best.covered).toBeGreaterThanOrEqual(ENUMERATION_APPROX * best);
      worst = Math.min(worst, best === 0 ? 1 : r.best.covered / best);
    }
    // Full enumeration is near exact on instances this small.
    expect(worst).toBeGreaterThan(0.9);
  });
});
