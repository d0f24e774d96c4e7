/**
 * IMM and CELF against brute force: on small hand-made graphs where the best seed set is unique
 * by a clear margin (exact spreads by live-edge enumeration over every k-subset), both must pick
 * it; IMM's exact spread must meet its (1 - 1/e - epsilon) guarantee; greedy max coverage against
 * a hand-worked collection.
 */
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { budgetCurve, immBudgetCurve } from '../../src/seeding/budget-curve.ts';
import { celf, checkCelfSize, localSpreadEvaluator } from '../../src/seeding/celf.ts';
import { imm, immLambdaStar, logChoose, maxCoverage } from '../../src/seeding/imm.ts';
import { localRrSource, RrCollection, type RrParams } from '../../src/seeding/rr-sets.ts';
import { Rng } from '../../src/util/rng.ts';
import { csrOf } from '../support/graphs.ts';
import { bruteForce, exactSpread, type TinyModel } from './exact.ts';

// Hubs 0 and 1 share most of their audience; 6 has a disjoint one with a longer chain.
// Degree picks {0, 1}; the best pair is {0, 6} (unique) under ic p=0.5, wc and lt.
const hubs = csrOf(11, [
  [0, 2],
  [0, 3],
  [0, 4],
  [0, 5],
  [1, 2],
  [1, 3],
  [1, 4],
  [6, 7],
  [6, 8],
  [6, 9],
  [7, 10],
  [8, 10],
]);

const models: { name: string; rr: RrParams; truth: TinyModel }[] = [
  { name: 'ic p=0.5', rr: { model: 'ic', p: 0.5 }, truth: { model: 'ic', p: 0.5 } },
  { name: 'wc', rr: { model: 'wc', p: null }, truth: { model: 'wc' } },
  { name: 'lt', rr: { model: 'lt', p: null }, truth: { model: 'lt' } },
];

describe('greedy max coverage', () => {
  it('picks the hand-worked greedy order on a small collection', () => {
    // Sets: {0,1} {1,2} {1,3} {2,3} {3} {4,0}: node 1 covers 3, then 3 covers {2,3},{3} = 2,
    // then 0 covers {4,0} = 1 (ties with 4, lower index wins).
    const c = new RrCollection(5);
    c.append({
      first: 0,
      count: 6,
      offsets: Uint32Array.from([0, 2, 4, 6, 8, 9, 11]),
      nodes: Uint32Array.from([0, 1, 1, 2, 1, 3, 2, 3, 3, 4, 0]),
      examined: 0,
    });
    // Online bound, by hand: before any pick the three largest gains are 3 + 3 + 2 = 8; after 1,
    // 3 + (2 + 1 + 1) = 7; after 3, 5 + (1 + 1) = 7; after 0, 6 + 0 = 6 (the best three cover 6).
    expect(maxCoverage(c, 3)).toEqual({ seeds: [1, 3, 0], covered: [3, 5, 6], upper: 6 });
    expect(maxCoverage(c, 5).covered).toEqual([3, 5, 6, 6, 6]);
    // An empty set (no sampler writes one) is passed over: {0,1} {} {} {1,2} {2}.
    const gaps = new RrCollection(3);
    gaps.append({
      first: 0,
      count: 5,
      offsets: Uint32Array.from([0, 2, 2, 2, 4, 5]),
      nodes: Uint32Array.from([0, 1, 1, 2, 2]),
      examined: 0,
    });
    expect(maxCoverage(gaps, 2)).toEqual({ seeds: [1, 2], covered: [2, 3], upper: 3 });
    expect(maxCoverage(gaps, 2, true, 1)).toEqual(maxCoverage(gaps, 2, false));
  });

  it("scan (all sets listed or a few nodes' first) and heap pick what a plain greedy picks (random collections)", () => {
    // The truth: each pick recounts every node's uncovered sets (highest count, lowest index).
    const plainGreedy = (sets: number[][], n: number, k: number) => {
      const covered = new Array(sets.length).fill(false);
      const seeds: number[] = [];
      const totals: number[] = [];
      let total = 0;
      for (let pick = 0; pick < k; pick++) {
        let best = -1;
        let bestGain = -1;
        for (let v = 0; v < n; v++) {
          if (seeds.includes(v)) continue;
          const g = sets.filter((s, j) => !covered[j] && s.includes(v)).length;
          if (g > bestGain) [best, bestGain] = [v, g];
        }
        seeds.push(best);
        sets.forEach((s, j) => {
          if (s.includes(best)) covered[j] = true;
        });
        total += bestGain;
        totals.push(total);
      }
      return { seeds, covered: totals };
    };
    const rng = new Rng(11, 0);
    for (let trial = 0; trial < 40; trial++) {
      const n = 2 + rng.below(30);
      const lists = Array.from({ length: 1 + rng.below(60) }, () => {
        const s = new Set<number>();
        // Skewed sizes and members, so gains tie and some nodes are in no set.
        const size = 1 + rng.below(Math.min(n, 1 + rng.below(6)));
        while (s.size < size) s.add(Math.floor(n * rng.float() ** 2));
        return [...s];
      });
      const c = new RrCollection(n);
      const offsets = [0];
      for (const s of lists) offsets.push(offsets[offsets.length - 1] + s.length);
      c.append({
        first: 0,
        count: lists.length,
        offsets: Uint32Array.from(offsets),
        nodes: Uint32Array.from(lists.flat()),
        examined: 0,
      });
      const k = 1 + rng.below(n);
      const truth = plainGreedy(lists, n, k);
      const scanned = maxCoverage(c, k, true);
      const heaped = maxCoverage(c, k, false);
      expect({ seeds: scanned.seeds, covered: scanned.covered }).toEqual(truth);
      expect(heaped).toEqual(scanned);
      // Sets listed first for the one node in most sets, or two: picks elsewhere list them all.
      expect(maxCoverage(c, k, true, 1)).toEqual(scanned);
      expect(maxCoverage(c, k, true, 2)).toEqual(scanned);
    }
  });

  it('IMM constants match the paper on a worked case', () => {
    expect(logChoose(10, 3)).toBeCloseTo(Math.log(120), 12);
    // n=100, k=1, eps=0.5, ell=1: 2n((1-1/e) alpha + beta)^2 / eps^2 by hand.
    const e1 = 1 - 1 / Math.E;
    const alpha = Math.sqrt(Math.log(100) + Math.log(2));
    const beta = Math.sqrt(e1 * (Math.log(100) + Math.log(100) + Math.log(2)));
    expect(immLambdaStar(100, 1, 0.5, 1)).toBeCloseTo((200 * (e1 * alpha + beta) ** 2) / 0.25, 6);
  });
});

describe('IMM', () => {
  for (const m of models) {
    it(`picks the provably best pair and meets its guarantee (${m.name})`, async () => {
      const ranked = bruteForce(hubs, m.truth, 2);
      expect(ranked[0].seeds).toEqual([0, 6]);
      expect(ranked[0].spread - ranked[1].spread).toBeGreaterThan(0.2);
      const result = await imm(localRrSource(hubs, m.rr), { k: 2, epsilon: 0.2, rngSeed: 3 });
      expect([...result.seeds].sort((a, b) => a - b)).toEqual([0, 6]);
      const spread = exactSpread(hubs, m.truth, result.seeds);
      expect(spread).toBeGreaterThanOrEqual((1 - 1 / Math.E - 0.2) * ranked[0].spread);
    });
  }

  it('picks the best single seed under every model', async () => {
    for (const m of models) {
      const best = bruteForce(hubs, m.truth, 1)[0];
      const result = await imm(localRrSource(hubs, m.rr), { k: 1, rngSeed: 9 });
      expect(result.seeds).toEqual(best.seeds);
    }
  });

  it('budget curve follows the exact spread of each prefix', async () => {
    const source = localRrSource(hubs, { model: 'wc', p: null });
    const result = await imm(source, { k: 4, epsilon: 0.2, rngSeed: 1 });
    const curve = await immBudgetCurve(source, result, 1);
    expect(curve.map((p) => p.k)).toEqual([1, 2, 3, 4]);
    curve.forEach((point, i) => {
      const exact = exactSpread(hubs, { model: 'wc' }, result.seeds.slice(0, i + 1));
      const half = (point.ci95[1] - point.ci95[0]) / 2;
      expect(Math.abs(point.spread - exact)).toBeLessThan(2.5 * half + 1e-9);
    });
    expect(() => budgetCurve(new RrCollection(3), [0])).toThrow(/no RR sets/);
  });

  it('is reproducible from its seed and rejects bad options', async () => {
    const source = localRrSource(hubs, { model: 'ic', p: 0.3 });
    const a = await imm(source, { k: 3, rngSeed: 5 });
    const b = await imm(source, { k: 3, rngSeed: 5 });
    expect(b.seeds).toEqual(a.seeds);
    expect(b.theta).toBe(a.theta);
    await expect(imm(source, { k: 0 })).rejects.toThrow(/k: expected a whole number from 1 to 11/);
    await expect(imm(source, { k: 12 })).rejects.toThrow(/k:/);
    await expect(imm(source, { k: 2, epsilon: 1.5 })).rejects.toThrow(/epsilon/);
  });
});

describe('CELF', () => {
  for (const m of models) {
    it(`picks the provably best pair (${m.name})`, async () => {
      const params = resolveParams({ model: m.rr.model, ...(m.rr.p !== null ? { p: m.rr.p } : {}) }, hubs);
      const result = await celf(hubs.n, localSpreadEvaluator(hubs, params, 4000, 2), { k: 2 });
      expect([...result.seeds].sort((a, b) => a - b)).toEqual([0, 6]);
      const exact = exactSpread(hubs, m.truth, result.seeds);
      // Its own estimate is a Monte Carlo mean of 4000 runs: within a few standard errors.
      expect(Math.abs(result.spreads[1] - exact)).toBeLessThan(0.15);
    });
  }

  it('lazy evaluation skips most re-evaluations and refuses large graphs', async () => {
    const params = resolveParams({ model: 'wc' }, hubs);
    const result = await celf(hubs.n, localSpreadEvaluator(hubs, params, 500, 2), { k: 3 });
    expect(result.evaluations).toBeLessThan(hubs.n * 3);
    expect(checkCelfSize(100)).toBeNull();
    expect(checkCelfSize(10_000)).toMatch(/imm/);
    expect(() => checkCelfSize(1_000_000)).toThrow(/use --method imm/);
  });
});
