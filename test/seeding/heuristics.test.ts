/**
 * Degree discount against hand-worked examples (Chen, Wang, Yang 2009), the simple baselines,
 * and influence scores against exact single-seed spreads.
 */
import { describe, expect, it } from 'vitest';
import {
  apportion,
  communitySeeds,
  degreeSeeds,
  pagerankSeeds,
  randomSeeds,
  spreadAcrossCommunities,
} from '../../src/seeding/baselines.ts';
import { degreeDiscount, discountProbability } from '../../src/seeding/degree-discount.ts';
import { influenceScores, wilson } from '../../src/seeding/influence.ts';
import { localRrSource } from '../../src/seeding/rr-sets.ts';
import { csrOf } from '../support/graphs.ts';
import { exactSpread } from './exact.ts';

describe('degree discount', () => {
  it('matches the hand-worked undirected example', () => {
    // Edges 0-1 0-2 0-3 1-4 1-5 4-5, p = 0.1. Degrees 3,3,1,1,2,2.
    // Round 1: 0 (tie with 1, lower index). t(1)=t(2)=t(3)=1:
    //   dd1 = 3 - 2 - 2*1*0.1 = 0.8, dd2 = dd3 = 1 - 2 - 0 = -1, dd4 = dd5 = 2.
    // Round 2: 4. t(1)=2: dd1 = 3 - 4 - 1*2*0.1 = -1.2; t(5)=1: dd5 = 2 - 2 - 1*1*0.1 = -0.1.
    // Round 3: 5 (-0.1 beats -1, -1, -1.2). Plain degree would take 0, 1, 4.
    const g = csrOf(
      6,
      [
        [0, 1],
        [0, 2],
        [0, 3],
        [1, 4],
        [1, 5],
        [4, 5],
      ],
      'undirected',
    );
    expect(degreeDiscount(g, 3, 0.1)).toEqual([0, 4, 5]);
    expect(degreeSeeds(g, 3)).toEqual([0, 1, 4]);
    // With p = 0 the discount is 2 per chosen neighbour: 0, then 4 (2) over 1 (3 - 2 = 1).
    expect(degreeDiscount(g, 2, 0)).toEqual([0, 4]);
  });

  it('matches the hand-worked directed example', () => {
    // 0->1 0->2 0->3 1->2 1->4 2->5 4->1, p = 0.5; out-degrees 3,2,1,0,1,0.
    // Round 1: 0. t(1)=t(2)=t(3)=1: dd1 = 2 - 1 - 2*1*0.5 = 0, dd2 = 1 - 1 - 0.5 = -0.5, dd3 = -1.
    // Round 2: 4 (dd 1). 4->1: t(1)=2; 1 is 4's source: o(1)=1: dd1 = 1 - 2 - 1*2*0.5 = -2.
    // Round 3: 5 (0) over 2 (-0.5), 3 (-1), 1 (-2).
    const g = csrOf(6, [
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 4],
      [2, 5],
      [4, 1],
    ]);
    expect(degreeDiscount(g, 3, 0.5)).toEqual([0, 4, 5]);
    // The p it uses for weighted cascade: mean of 1/indegree over arcs = receivers / arcs.
    expect(discountProbability(g, { model: 'wc', p: null })).toBeCloseTo(5 / 7, 12);
    expect(discountProbability(g, { model: 'ic', p: 0.2 })).toBe(0.2);
  });
});

describe('baselines', () => {
  it('pagerank puts the account whose content reaches everyone first', () => {
    const star = csrOf(5, [
      [0, 1],
      [0, 2],
      [0, 3],
      [3, 4],
    ]);
    expect(pagerankSeeds(star, 2)).toEqual([0, 3]);
  });

  it('random seeds are distinct, reproducible and uniform', () => {
    expect(randomSeeds(10, 4, 1)).toEqual(randomSeeds(10, 4, 1));
    const hits = new Array(10).fill(0);
    for (let s = 0; s < 4000; s++) {
      const picked = randomSeeds(10, 3, s);
      expect(new Set(picked).size).toBe(3);
      for (const v of picked) hits[v]++;
    }
    // Each node is picked with probability 3/10: 1200 of 4000, sd ~29.
    for (const h of hits) expect(Math.abs(h - 1200)).toBeLessThan(120);
    expect(() => randomSeeds(3, 4, 1)).toThrow(/k: expected a whole number from 1 to 3/);
  });

  it('community spread gives seats by D’Hondt and fills them by score', () => {
    // Sizes 5,3,2 and 4 seats: quotients 5 | 3 | 2.5 (c0) | 2 (c2).
    expect(apportion([5, 3, 2], 4)).toEqual([2, 1, 1]);
    expect(apportion([1, 1], 5)).toEqual([1, 1]);
    const community = Uint32Array.from([0, 0, 0, 1, 1, 2]);
    const score = [1, 9, 5, 8, 2, 0];
    // Sizes 3,2,1 and 3 seats: 3 (c0) | 2 (c1) | 1.5 (c0): c0 takes 1 and 2, c1 takes 3.
    expect(spreadAcrossCommunities(community, [3, 2, 1], score, 3)).toEqual([1, 3, 2]);
  });

  it('community seeds land in different cliques', () => {
    const pairs: [number, number][] = [];
    for (const base of [0, 5]) {
      for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) pairs.push([base + a, base + b]);
    }
    pairs.push([4, 5]);
    const g = csrOf(10, pairs, 'undirected');
    const { seeds, communities } = communitySeeds(g, 2, 1);
    expect(communities).toBe(2);
    expect(seeds.map((v) => (v < 5 ? 'A' : 'B')).sort()).toEqual(['A', 'B']);
  });
});

describe('influence scores', () => {
  const g = csrOf(7, [
    [0, 1],
    [0, 2],
    [1, 3],
    [2, 3],
    [3, 4],
    [4, 0],
    [5, 6],
    [6, 4],
    [1, 5],
  ]);

  it('equal each node’s exact spread as a lone seed, with honest intervals', async () => {
    const sets = 60_000;
    for (const [name, rr, truth] of [
      ['ic', { model: 'ic', p: 0.4 }, { model: 'ic', p: 0.4 }],
      ['wc', { model: 'wc', p: null }, { model: 'wc' }],
      ['lt', { model: 'lt', p: null }, { model: 'lt' }],
    ] as const) {
      const s = await influenceScores(localRrSource(g, rr), { sets, rngSeed: 4 });
      expect(s.sets).toBe(sets);
      for (let v = 0; v < g.n; v++) {
        const exact = exactSpread(g, truth, [v]);
        const f = s.score[v] / g.n;
        const se = g.n * Math.sqrt((f * (1 - f)) / sets);
        expect(Math.abs(s.score[v] - exact), `${name} node ${v}`).toBeLessThanOrEqual(4 * se + 1e-9);
        // The 95% interval is about +-1.96 standard errors around the estimate.
        if (se > 0) expect((s.hi[v] - s.lo[v]) / 2).toBeCloseTo(1.96 * se, 1);
        expect(s.lo[v]).toBeLessThanOrEqual(s.score[v]);
        expect(s.hi[v]).toBeGreaterThanOrEqual(s.score[v]);
      }
    }
  });

  it('Wilson intervals: textbook values', () => {
    // 0 of 10 at 95%: [0, 0.2775] (Wilson 1927; e.g. Agresti & Coull 1998 table).
    const [lo, hi] = wilson(0, 10);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.2775, 3);
    const [a, b] = wilson(50, 100);
    expect(a).toBeCloseTo(0.4038, 3);
    expect(b).toBeCloseTo(0.5962, 3);
  });
});
