/**
 * Monte Carlo against truth: exact expected spread from enumerating live-edge worlds on tiny
 * graphs; the simulated mean must lie within 4 standard errors of it.
 */
import { describe, expect, it } from 'vitest';
import { weightedCascadeProbabilities, weightedCascadeThresholds } from '../../src/diffusion/ic.ts';
import { linearThresholdWeights } from '../../src/diffusion/lt.ts';
import { csrOf } from '../support/graphs.ts';
import { exactIc, exactLt } from '../support/live-edge.ts';
import { params, runLocal, seedsAt, standardError } from '../support/simulate.ts';

const RUNS = 40_000;

// A small directed graph with a cycle, a diamond and a dead end: 0->1, 0->2, 1->3, 2->3, 3->4, 4->1, 2->5, 5->6
const PAIRS: [number, number][] = [
  [0, 1],
  [0, 2],
  [1, 3],
  [2, 3],
  [3, 4],
  [4, 1],
  [2, 5],
  [5, 6],
];

function expectWithin(mc: number, exact: number, std: number, runs: number): void {
  const se = Math.max(standardError(std, runs), 1e-9);
  expect(Math.abs(mc - exact) / se).toBeLessThan(4);
}

describe('independent cascade against live-edge enumeration', () => {
  it('uniform p: mean, exposure and reach by hop', () => {
    const csr = csrOf(7, PAIRS);
    const exact = exactIc(csr, [0], () => 0.4);
    const { summary, shard } = runLocal(csr, params({ model: 'ic', p: 0.4 }), seedsAt(0), RUNS);
    expectWithin(summary.mean, exact.mean, summary.std, RUNS);
    const exposedStd = stdOf(shard.exposed);
    expectWithin(summary.exposed, exact.exposed, exposedStd, RUNS);
    for (let h = 0; h < 5; h++) {
      const mc = summary.reachByHop[Math.min(h, summary.reachByHop.length - 1)];
      expect(Math.abs(mc - exact.reach[h])).toBeLessThan(4 * (summary.std / Math.sqrt(RUNS)) + 1e-9);
    }
  });

  it('per-edge probabilities from the file, two seeds', () => {
    const probs = [0.9, 0.2, 0.5, 0.7, 0.3, 0.6, 0.8, 0.1];
    const csr = csrOf(7, PAIRS, 'influences', probs);
    const exact = exactIc(csr, [0, 5], (k) => csr.outValues![k]);
    const { summary } = runLocal(csr, params({ model: 'ic', p: null }), seedsAt(0, 5), RUNS);
    expectWithin(summary.mean, exact.mean, summary.std, RUNS);
  });

  it('weighted cascade uses 1 / indegree of the receiver', () => {
    const csr = csrOf(7, PAIRS);
    const wc = weightedCascadeProbabilities(csr);
    const exact = exactIc(csr, [0], (k) => wc[k]);
    // node 3 has in-degree 2: both arcs into it carry 1/2
    expect([...wc]).toContain(0.5);
    // The simulator's coin thresholds (of 2^31): 1/2 on the arcs into 1 and 3 (in-degree 2), 1 elsewhere.
    const thresholds = weightedCascadeThresholds(csr);
    expect(Array.from(csr.outTargets, (v) => (v === 1 || v === 3 ? 2 ** 30 : 2 ** 31))).toEqual([
      ...thresholds,
    ]);
    const { summary } = runLocal(csr, params({ model: 'wc' }), seedsAt(0), RUNS);
    expectWithin(summary.mean, exact.mean, summary.std, RUNS);
  });

  it('undirected graphs spread both ways', () => {
    const csr = csrOf(
      5,
      [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 0],
        [1, 3],
      ],
      'undirected',
    );
    const exact = exactIc(csr, [2], () => 0.3);
    const { summary } = runLocal(csr, params({ model: 'ic', p: 0.3 }), seedsAt(2), RUNS);
    expectWithin(summary.mean, exact.mean, summary.std, RUNS);
  });
});

describe('linear threshold against live-edge enumeration', () => {
  it('in-weights 1 / indegree', () => {
    const csr = csrOf(7, PAIRS);
    const w = linearThresholdWeights(csr);
    const exact = exactLt(csr, [0], (k) => w[k]);
    const { summary } = runLocal(csr, params({ model: 'lt' }), seedsAt(0), RUNS);
    expectWithin(summary.mean, exact.mean, summary.std, RUNS);
  });

  it('file weights normalised per receiver', () => {
    const weights = [3, 1, 2, 6, 1, 1, 4, 2];
    const csr = csrOf(7, PAIRS, 'influences', weights, 'weight');
    const w = linearThresholdWeights(csr);
    // node 3 receives 2 (from 1) and 6 (from 2): normalised to 0.25 and 0.75
    const into3 = [...w].filter((_, k) => csr.outTargets[k] === 3).sort();
    expect(into3).toEqual([0.25, 0.75]);
    const exact = exactLt(csr, [0], (k) => w[k]);
    const { summary } = runLocal(csr, params({ model: 'lt' }), seedsAt(0), RUNS);
    expectWithin(summary.mean, exact.mean, summary.std, RUNS);
  });
});

describe('SIR', () => {
  it('with gamma = 1 is independent cascade', () => {
    const csr = csrOf(7, PAIRS);
    const exact = exactIc(csr, [0], () => 0.35);
    const { summary } = runLocal(csr, params({ model: 'sir', p: 0.35, gamma: 1 }), seedsAt(0), RUNS);
    expectWithin(summary.mean, exact.mean, summary.std, RUNS);
  });

  it('a star centre infects each leaf with probability 1 - E[(1-p)^D], D geometric(gamma)', () => {
    const leaves = 6;
    const csr = csrOf(
      leaves + 1,
      Array.from({ length: leaves }, (_, i) => [0, i + 1] as [number, number]),
    );
    const p = 0.3;
    const gamma = 0.4;
    const x = 1 - p;
    const escapes = (gamma * x) / (1 - (1 - gamma) * x);
    const exactMean = 1 + leaves * (1 - escapes);
    const { summary } = runLocal(csr, params({ model: 'sir', p, gamma }), seedsAt(0), RUNS);
    expectWithin(summary.mean, exactMean, summary.std, RUNS);
  });
});

describe('fractional threshold (Watts)', () => {
  it('adopts exactly when the fraction of adopted in-neighbours reaches phi', () => {
    // 0 and 1 are seeds. 2 hears from 0,1,3 (2/3 adopted at first) -> adopts with phi 0.6.
    // 3 hears from 2 and 4 -> 1/2 after 2 adopts, below 0.6; 4 never adopts.
    const csr = csrOf(5, [
      [0, 2],
      [1, 2],
      [3, 2],
      [2, 3],
      [4, 3],
    ]);
    const { summary } = runLocal(csr, params({ model: 'threshold', phi: 0.6 }), seedsAt(0, 1), 3);
    expect(summary.mean).toBe(3);
    expect(summary.std).toBe(0);
    const lower = runLocal(csr, params({ model: 'threshold', phi: 0.5 }), seedsAt(0, 1), 3).summary;
    expect(lower.mean).toBe(4);
  });

  it('random single seeds average the deterministic spread of each node', () => {
    const csr = csrOf(7, PAIRS);
    const each = Array.from(
      { length: 7 },
      (_, v) => runLocal(csr, params({ model: 'threshold', phi: 0.5 }), seedsAt(v), 1).summary.mean,
    );
    const exact = each.reduce((a, b) => a + b, 0) / 7;
    const { summary } = runLocal(
      csr,
      params({ model: 'threshold', phi: 0.5 }),
      { kind: 'random', k: 1 },
      RUNS,
    );
    expectWithin(summary.mean, exact, summary.std, RUNS);
  });
});

function stdOf(values: Uint32Array): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
}
