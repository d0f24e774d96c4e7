/**
 * opimSeeds' stopping rule: the margin it asks for at each epsilon, the least coverage that meets
 * a margin (checked against OPIM-C's upper bound itself), and the rounds it skips, each checked
 * by drawing that round's sets and choosing on them: none of them could have stopped the run.
 */
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { maxCoverage, phaseSeed, topUp } from '../../src/seeding/imm.ts';
import {
  coverageUpper,
  leastCoverageWithin,
  nextRound,
  opimSeeds,
  SEEDS_PRECISION,
  seedsPrecision,
} from '../../src/seeding/opim.ts';
import { localRrSource, RrCollection, rrParams } from '../../src/seeding/rr-sets.ts';
import { erdosRenyiGnm } from '../support/random-graphs.ts';

describe("opimSeeds' margins", () => {
  it('are epsilon up to SEEDS_PRECISION, then grow as sqrt(epsilon) to twice it', () => {
    expect(seedsPrecision(0.05)).toBe(0.05);
    expect(seedsPrecision(0.1)).toBe(SEEDS_PRECISION);
    expect(seedsPrecision(0.2)).toBeCloseTo(SEEDS_PRECISION * Math.SQRT2, 12);
    expect(seedsPrecision(0.4)).toBeCloseTo(2 * SEEDS_PRECISION, 12);
    expect(seedsPrecision(0.5)).toBe(2 * SEEDS_PRECISION);
  });

  it('are met from leastCoverageWithin on, not below it', () => {
    for (const [margin, a] of [
      [0.035, 13],
      [0.07, 20],
      [0.2, 5],
    ]) {
      const u = leastCoverageWithin(margin, a);
      expect(coverageUpper(u, a) / u - 1).toBeCloseTo(margin, 12);
      expect(coverageUpper(0.99 * u, a) / (0.99 * u) - 1).toBeGreaterThan(margin);
      expect(coverageUpper(1.01 * u, a) / (1.01 * u) - 1).toBeLessThan(margin);
    }
  });
});

describe('nextRound', () => {
  it('skips to the first round whose sets times the share reach the least coverage, never past the last', () => {
    // base 100: rounds of 100, 200, 400, 800, ...; share 0.1 needs 10,000 covered: 100,000 sets.
    expect(nextRound(0, 20, 100, 0.1, 10_000)).toBe(10); // 100 x 2^10 = 102,400
    expect(nextRound(0, 8, 100, 0.1, 10_000)).toBe(7);
    expect(nextRound(3, 20, 100, 0.5, 10)).toBe(4);
    expect(nextRound(2, 20, 100, 0, 10)).toBe(3);
  });

  it("skips only rounds that could not have stopped the run (each one's sets drawn and chosen on)", async () => {
    const csr = erdosRenyiGnm(300, 900, 5);
    const rr = rrParams(resolveParams({ model: 'ic', p: 0.1 }, csr));
    let checked = 0;
    for (const [k, epsilon, rngSeed] of [
      [5, 0.1, 1],
      [10, 0.5, 2],
      [3, 0.2, 3],
    ]) {
      const chosen: number[] = [];
      let rounds = 0;
      const result = await opimSeeds(localRrSource(csr, rr), {
        k,
        epsilon,
        rngSeed,
        onRound: (r) => {
          rounds = r.rounds;
        },
        cover: async (sets, size) => {
          chosen.push(sets.count);
          return maxCoverage(sets, size);
        },
      });
      const base = chosen[0];
      const a = Math.log(3 * rounds * csr.n);
      const least = leastCoverageWithin(seedsPrecision(epsilon) / 2, a);
      // Rounds before the run's last one; the last round of all has IMM's worst-case size.
      for (let j = 0, theta = base; j < rounds - 1 && theta < result.theta; j++, theta *= 2) {
        if (chosen.includes(theta)) continue;
        // R1 as the skipped round would have had it: the first theta sets of its stream.
        const r1 = new RrCollection(csr.n);
        await topUp(localRrSource(csr, rr), r1, phaseSeed(rngSeed, 2), theta);
        const c = maxCoverage(r1, k);
        expect(Math.max(c.upper, c.covered[k - 1])).toBeLessThan(least);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});
