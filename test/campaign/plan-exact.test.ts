/**
 * `planCampaign` against the truth on tiny graphs (at most 12 accounts): exact expected reach,
 * exposure and impressions of every seed set by live-edge enumeration (exact-campaign.ts), and
 * exhaustive search over every affordable seed set. The plan stays within budget, its exact
 * objective is at least 0.95 x the best affordable one, and the figures it reports lie within 4
 * standard errors of their exact values (for the plan and for every strategy it compares).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BudgetedCoverer } from '../../src/campaign/budgeted-coverage.ts';
import type { Estimate } from '../../src/campaign/figures.ts';
import { type Objective, type PlanMethod, planCampaign } from '../../src/campaign/plan.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import type { EnginePool } from '../../src/engine/pool.ts';
import { createNodePool } from '../../src/engine/spawn-node.ts';
import type { Csr } from '../../src/graph/types.ts';
import { localRrSource, RrCollection } from '../../src/seeding/rr-sets.ts';
import { arcChance, type TinyModel } from '../seeding/exact.ts';
import { csrOf, lcgDraw } from '../support/graphs.ts';
import { ENGINE_WORKER } from '../support/workers.ts';
import {
  bestAffordable,
  type ExactTables,
  exactTables,
  icWorlds,
  ltWorlds,
  maskOf,
} from './exact-campaign.ts';

const pools: EnginePool[] = [];
afterAll(() => {
  for (const p of pools) p.terminate();
});

/** A connected-ish random graph of n accounts and m arcs (no self-loops, no duplicates). */
function tinyGraph(n: number, m: number, seed: number): Csr {
  const draw = lcgDraw(seed);
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  while (pairs.length < m) {
    const a = draw(n);
    const b = draw(n);
    if (a === b || seen.has(`${a},${b}`)) continue;
    seen.add(`${a},${b}`);
    pairs.push([a, b]);
  }
  return csrOf(n, pairs, 'influences');
}

function tinyCosts(n: number, seed: number): Float64Array {
  const draw = lcgDraw(seed * 7 + 1);
  // Mostly 1..8, sometimes free.
  return Float64Array.from({ length: n }, () => {
    const c = draw(10);
    return c === 0 ? 0 : c;
  });
}

function truth(csr: Csr, model: TinyModel): ExactTables {
  const chance = arcChance(csr, model);
  return exactTables(csr, model.model === 'lt' ? ltWorlds(csr, chance) : icWorlds(csr, chance));
}

function withinSe(reported: Estimate, exact: number): void {
  const se = (reported.ci95[1] - reported.ci95[0]) / (2 * 1.959963984540054);
  expect(Math.abs(reported.mean - exact)).toBeLessThanOrEqual(Math.max(4 * se, 1e-9));
}

interface Case {
  name: string;
  n: number;
  m: number;
  seed: number;
  model: TinyModel;
  budget: number;
  objective: Objective;
  method: PlanMethod;
}

const CASES: Case[] = [
  {
    name: 'ic p=0.3, reach',
    n: 10,
    m: 14,
    seed: 1,
    model: { model: 'ic', p: 0.3 },
    budget: 9,
    objective: 'reach',
    method: 'imm',
  },
  {
    name: 'ic p=0.5, exposure',
    n: 11,
    m: 13,
    seed: 2,
    model: { model: 'ic', p: 0.5 },
    budget: 7,
    objective: 'exposure',
    method: 'imm',
  },
  {
    name: 'wc, conversions',
    n: 12,
    m: 15,
    seed: 3,
    model: { model: 'wc' },
    budget: 12,
    objective: 'conversions',
    method: 'imm',
  },
  {
    name: 'lt, reach',
    n: 10,
    m: 16,
    seed: 4,
    model: { model: 'lt' },
    budget: 10,
    objective: 'reach',
    method: 'imm',
  },
  {
    name: 'ic p=0.4, reach, celf',
    n: 10,
    m: 14,
    seed: 5,
    model: { model: 'ic', p: 0.4 },
    budget: 8,
    objective: 'reach',
    method: 'celf',
  },
  {
    name: 'lt, exposure, celf',
    n: 9,
    m: 12,
    seed: 6,
    model: { model: 'lt' },
    budget: 6,
    objective: 'exposure',
    method: 'celf',
  },
];

describe('plan against exhaustive search on exact values', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const csr = tinyGraph(c.n, c.m, c.seed);
      const ids = Array.from({ length: c.n }, (_, i) => `a${i}`);
      const costs = tinyCosts(c.n, c.seed);
      const exact = truth(csr, c.model);
      const pool = createNodePool(ENGINE_WORKER, 2);
      pools.push(pool);
      pool.setGraph(csr);
      const params = resolveParams(
        c.model.model === 'ic'
          ? { model: 'ic', p: c.model.p }
          : { model: c.model.model === 'lt' ? 'lt' : 'wc' },
        csr,
      );
      const conversion = 0.03;
      const plan = await planCampaign(pool, csr, ids, {
        params,
        costs,
        budget: c.budget,
        objective: c.objective,
        method: c.method,
        conversion,
        runs: 4000,
        celfRuns: 2000,
        rngSeed: c.seed,
      });
      const target = c.objective === 'exposure' ? exact.exposure : exact.reach;
      const optimum = bestAffordable(target, costs, c.budget);
      const mask = maskOf(plan.seeds);
      expect(plan.cost).toBeLessThanOrEqual(c.budget + 1e-9);
      expect(target[mask]).toBeGreaterThanOrEqual(0.95 * optimum);
      // The stated guarantee holds against the truth.
      expect(target[mask]).toBeGreaterThanOrEqual(plan.guarantee.ratio * optimum - 1e-9);
      expect(plan.guarantee.ratio).toBeGreaterThan(0);
      withinSe(plan.reach, exact.reach[mask]);
      withinSe(plan.exposure, exact.exposure[mask]);
      withinSe(plan.impressions, exact.impressions[mask]);
      withinSe(plan.conversions, conversion * exact.reach[mask]);
      for (const s of plan.strategies) {
        expect(s.cost).toBeLessThanOrEqual(c.budget + 1e-9);
        if (s.name === 'optimised-staggered') continue;
        const m = maskOf(s.seeds);
        withinSe(s.reach, m === 0 ? 0 : exact.reach[m]);
        withinSe(s.exposure, m === 0 ? 0 : exact.exposure[m]);
        withinSe(s.impressions, m === 0 ? 0 : exact.impressions[m]);
      }
      // The budget curve's last point is the plan itself, estimated on independent RR sets.
      const curve = plan.budgetCurve.strategies.optimised;
      const scale = c.objective === 'conversions' ? conversion : 1;
      withinSe(curve[curve.length - 1].objective, scale * target[mask]);
    });
  }
});

describe('the better-of-two rule on a graph', () => {
  it('a cheap lone account does not crowd out the hub the budget was made for', async () => {
    // Hub 0 reaches its 20 followers (p = 1) and costs 10: 2.1 accounts per unit. Lone account
    // 21 costs 0.4: 2.5 accounts per unit, so the cost-effective greedy takes it first, and then
    // the hub no longer fits a budget of 10; leaves (6 each) are all it can add.
    const pairs: [number, number][] = Array.from({ length: 20 }, (_, i) => [0, i + 1]);
    const csr = csrOf(22, pairs, 'influences');
    const costs = new Float64Array(22).fill(6);
    costs[0] = 10;
    costs[21] = 0.4;
    const ids = Array.from({ length: 22 }, (_, i) => `u${i}`);
    const pool = createNodePool(ENGINE_WORKER, 2);
    pools.push(pool);
    pool.setGraph(csr);
    const params = resolveParams({ model: 'ic', p: 1 }, csr);
    const plan = await planCampaign(pool, csr, ids, { params, costs, budget: 10, runs: 200, rngSeed: 3 });
    expect(plan.seeds).toEqual([0]);
    expect(plan.reach.mean).toBe(21);
    const sets = new RrCollection(22);
    for (const b of await localRrSource(csr, { model: 'ic', p: 1 }).generate(1, 0, 5000)) sets.append(b);
    const coverer = new BudgetedCoverer(sets, costs);
    const ce = coverer.greedy(10, 'cost-effective');
    expect(ce.seeds[0]).toBe(21);
    expect(ce.seeds).not.toContain(0);
    expect(coverer.cover(10).best.seeds).toEqual([0]);
  });
});

describe('exposure RR sets', () => {
  it('n x (share of sets a seed set meets) estimates its exact exposure (ic and lt)', async () => {
    const csr = tinyGraph(10, 15, 8);
    for (const model of [{ model: 'ic', p: 0.4 }, { model: 'lt' }] as const) {
      const exact = truth(csr, model.model === 'ic' ? { model: 'ic', p: 0.4 } : { model: 'lt' });
      const sets = new RrCollection(10);
      const rr =
        model.model === 'ic'
          ? { model: 'ic' as const, p: 0.4, target: 'exposure' as const }
          : { model: 'lt' as const, p: null, target: 'exposure' as const };
      for (const b of await localRrSource(csr, rr).generate(4, 0, 40_000)) sets.append(b);
      for (const seeds of [[0], [3, 7], [1, 2, 9]]) {
        const f = sets.coverage(seeds) / sets.count;
        const se = 10 * Math.sqrt((f * (1 - f)) / sets.count);
        expect(Math.abs(10 * f - exact.exposure[maskOf(seeds)])).toBeLessThanOrEqual(4 * se + 1e-9);
      }
    }
  });
});

describe('workers', () => {
  it('the same plan and figures with 1 or 2 workers', async () => {
    const csr = tinyGraph(12, 16, 9);
    const ids = Array.from({ length: 12 }, (_, i) => `a${i}`);
    const costs = tinyCosts(12, 9);
    const params = resolveParams({ model: 'ic', p: 0.3 }, csr);
    const plans = [];
    for (const size of [1, 2]) {
      const pool = createNodePool(ENGINE_WORKER, size);
      pools.push(pool);
      pool.setGraph(csr);
      const plan = await planCampaign(pool, csr, ids, { params, costs, budget: 9, runs: 500, rngSeed: 11 });
      plans.push(JSON.stringify({ ...plan, seconds: 0 }));
    }
    expect(plans[0]).toBe(plans[1]);
  });
});
