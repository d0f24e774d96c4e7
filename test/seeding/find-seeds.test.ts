/**
 * findSeeds and the budget-curve order of the heuristic methods: every prefix of a method's curve
 * order is the method's own answer for that budget; first hits agree with the RR collection's
 * prefix coverage; the pool-estimated budget curve and the fresh Monte Carlo spread agree with
 * exact spreads by live-edge enumeration, and do not depend on the number of workers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import type { EnginePool } from '../../src/engine/pool.ts';
import { createNodePool } from '../../src/engine/spawn-node.ts';
import { communitySeeds, degreeSeeds, pagerankSeeds, randomSeeds } from '../../src/seeding/baselines.ts';
import { budgetCurve } from '../../src/seeding/budget-curve.ts';
import { degreeDiscount } from '../../src/seeding/degree-discount.ts';
import { findSeeds } from '../../src/seeding/find-seeds.ts';
import { opimSeeds } from '../../src/seeding/opim.ts';
import { localRrSource, RrCollection } from '../../src/seeding/rr-sets.ts';
import { firstHits, orderedHeuristicSeeds } from '../../src/seeding/seed-order.ts';
import { csrOf } from '../support/graphs.ts';
import { ENGINE_WORKER } from '../support/workers.ts';
import { exactSpread } from './exact.ts';

const { csr: karate } = await readGraphFile('datasets/karate.txt', { direction: 'undirected' });
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

const pools: EnginePool[] = [];
afterAll(() => {
  for (const p of pools) p.terminate();
});
function pool(size: number, csr: typeof karate): EnginePool {
  const p = createNodePool(ENGINE_WORKER, size);
  pools.push(p);
  p.setGraph(csr);
  return p;
}

describe('budget-curve order of the heuristics', () => {
  const rr = { model: 'ic' as const, p: 0.1 };

  it('community spread: each prefix is the method at that budget', () => {
    const K = 10;
    const choice = orderedHeuristicSeeds(karate, 'community', K, 3, rr);
    expect(choice.seeds).toEqual(communitySeeds(karate, K, 3).seeds);
    expect(sorted(choice.order)).toEqual(sorted(choice.seeds));
    for (let j = 1; j <= K; j++)
      expect(sorted(choice.order.slice(0, j))).toEqual(sorted(communitySeeds(karate, j, 3).seeds));
  });

  it('greedy heuristics keep their selection order; random seeds are shuffled, same set', () => {
    expect(orderedHeuristicSeeds(karate, 'degree', 5, 1, rr).order).toEqual(degreeSeeds(karate, 5));
    expect(orderedHeuristicSeeds(karate, 'pagerank', 5, 1, rr).order).toEqual(pagerankSeeds(karate, 5));
    expect(orderedHeuristicSeeds(karate, 'degree-discount', 5, 1, rr).order).toEqual(
      degreeDiscount(karate, 5, 0.1),
    );
    const random = orderedHeuristicSeeds(karate, 'random', 12, 4, rr);
    expect(random.seeds).toEqual(randomSeeds(karate.n, 12, 4));
    expect(sorted(random.order)).toEqual(sorted(random.seeds));
    expect(random.order).not.toEqual(random.seeds);
  });

  it('first hits add up to the prefix coverage of the same RR sets', async () => {
    const [batch] = await localRrSource(karate, { model: 'ic', p: 0.2 }).generate(11, 0, 3000);
    const sets = new RrCollection(karate.n);
    sets.append(batch);
    const order = [33, 0, 2, 32, 5, 33];
    const hits = firstHits(batch, order, karate.n);
    let running = 0;
    const cumulative = Array.from(hits, (h) => {
      running += h;
      return running;
    });
    expect(cumulative).toEqual(sets.prefixCoverage(order));
  });
});

describe('findSeeds on the worker pool', () => {
  // A small directed graph whose spreads are exact by live-edge enumeration (11 arcs).
  const tiny = csrOf(7, [
    [0, 1],
    [0, 2],
    [0, 3],
    [1, 4],
    [2, 4],
    [3, 5],
    [4, 6],
    [5, 6],
    [6, 0],
    [2, 5],
    [1, 3],
  ]);
  const params = resolveParams({ model: 'ic', p: 0.4 }, tiny);

  it('budget curve and fresh spread agree with exact spreads, whatever the number of workers', async () => {
    const options = { method: 'degree' as const, params, k: 3, rngSeed: 5, runs: 20_000, curveSets: 40_000 };
    const two = await findSeeds(pool(2, tiny), tiny, options);
    const one = await findSeeds(pool(1, tiny), tiny, options);
    expect(one.budgetCurve).toEqual(two.budgetCurve);
    expect(one.spread).toBe(two.spread);
    const curve = two.budgetCurve ?? [];
    expect(curve.map((p) => p.k)).toEqual([1, 2, 3]);
    curve.forEach((point, i) => {
      const exact = exactSpread(tiny, { model: 'ic', p: 0.4 }, two.seeds.slice(0, i + 1));
      // 95% intervals: allow 2.5 half-widths (about 5 standard errors).
      const half = (point.ci95[1] - point.ci95[0]) / 2;
      expect(Math.abs(point.spread - exact)).toBeLessThan(2.5 * half);
    });
    const exactAll = exactSpread(tiny, { model: 'ic', p: 0.4 }, two.seeds);
    const half = (two.ci95[1] - two.ci95[0]) / 2;
    expect(Math.abs(two.spread - exactAll)).toBeLessThan(2.5 * half);
  });

  it('IMM through findSeeds picks what OPIM-C picks on in-thread RR sets', async () => {
    const p = resolveParams({ model: 'ic', p: 0.1 }, karate);
    const found = await findSeeds(pool(2, karate), karate, {
      method: 'imm',
      params: p,
      k: 3,
      epsilon: 0.2,
      rngSeed: 9,
      runs: 200,
    });
    const direct = await opimSeeds(localRrSource(karate, { model: 'ic', p: 0.1 }), {
      k: 3,
      epsilon: 0.2,
      rngSeed: 9,
    });
    expect(found.seeds).toEqual(direct.seeds);
    // The curve is the spread of each prefix on the validation sets, counted in a worker.
    expect(found.budgetCurve).toEqual(budgetCurve(direct.validationSets, direct.seeds));
    expect(found.budgetCurve?.map((b) => b.k)).toEqual([1, 2, 3]);
    expect(found.details.imm).toMatchObject({
      bound: 'OPIM-C',
      rrSets: direct.theta + direct.validationTheta,
      ratio: direct.ratio,
    });
  });
});
