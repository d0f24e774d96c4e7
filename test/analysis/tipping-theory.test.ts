/**
 * Theory of the tipping point against exact hand-worked cases, an independent per-arc count, the
 * analytic Poisson form of Watts' condition, and the engine itself (SIR transmissibility).
 */
import { describe, expect, it } from 'vitest';
import {
  branchingThreshold,
  erdosRenyiGiantShare,
  sirProbabilityForTransmissibility,
  sirTransmissibility,
  theoryFor,
  wattsCascadeBranching,
  wattsCriticalPhi,
} from '../../src/analysis/tipping/index.ts';
import type { Csr } from '../../src/graph/types.ts';
import { arcsOf, csrOf } from '../support/graphs.ts';
import { configurationModel, erdosRenyiGnm, erdosRenyiGnp } from '../support/random-graphs.ts';
import { params, runLocal, seedsAt } from '../support/simulate.ts';

const complete = (n: number): [number, number][] => {
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
  return pairs;
};

/** B by its definition, arc by arc: outdeg(v) minus the arc back to u, averaged over arcs. */
function naiveBranching(csr: Csr): number {
  const arcs = arcsOf(csr);
  const has = new Set(arcs.map(([u, v]) => `${u} ${v}`));
  let sum = 0;
  for (const [u, v] of arcs)
    sum += csr.outOffsets[v + 1] - csr.outOffsets[v] - (has.has(`${v} ${u}`) ? 1 : 0);
  return sum / arcs.length;
}

const poisson = (z: number, k: number) => {
  let p = Math.exp(-z);
  for (let i = 1; i <= k; i++) p *= z / i;
  return p;
};
/** Watts' condition for a Poisson degree distribution: sum_{k <= K} k (k-1) p_k / z, K = floor(1/phi). */
const wattsPoisson = (z: number, phi: number) => {
  let sum = 0;
  for (let k = 2; k <= Math.floor(1 / phi + 1e-9); k++) sum += k * (k - 1) * poisson(z, k);
  return sum / z;
};

describe('branching threshold p_c = 1/B', () => {
  it('complete graph K_n: every reached node has n - 2 fresh neighbours, p_c = 1/(n-2)', () => {
    const t = branchingThreshold(csrOf(10, complete(10), 'undirected'));
    expect(t.branching).toBeCloseTo(8, 12);
    expect(t.pc).toBeCloseTo(1 / 8, 12);
    // The same graph as a directed graph with both arcs of every pair: reciprocal arcs excluded.
    const both = complete(10).flatMap(([a, b]): [number, number][] => [
      [a, b],
      [b, a],
    ]);
    expect(branchingThreshold(csrOf(10, both, 'influences')).branching).toBeCloseTo(8, 12);
  });

  it('star with L leaves: <k> = 2L/(L+1), <k^2> = (L^2+L)/(L+1), so p_c = 2/(L-1)', () => {
    const L = 9;
    const star = Array.from({ length: L }, (_, i): [number, number] => [0, i + 1]);
    const t = branchingThreshold(csrOf(L + 1, star, 'undirected'));
    expect(t.pc).toBeCloseTo(2 / (L - 1), 12);
  });

  it('directed graphs: <k_in k_out>/<k_in> without reciprocal arcs, reciprocal arcs subtracted', () => {
    // in = [1,1,2,1,1], out = [2,1,2,1,0]: sum in*out = 8 over 6 arcs.
    const arcs: [number, number][] = [
      [0, 1],
      [0, 2],
      [1, 2],
      [2, 3],
      [2, 4],
      [3, 0],
    ];
    const g = csrOf(5, arcs, 'influences');
    expect(branchingThreshold(g).branching).toBeCloseTo(8 / 6, 12);
    expect(branchingThreshold(g).pc).toBeCloseTo(0.75, 12);
    // Add 1 -> 0: in0 = 2, out1 = 2, sum in*out = 11, minus the two arcs of the pair 0 <-> 1.
    const g2 = csrOf(5, [...arcs, [1, 0]], 'influences');
    expect(branchingThreshold(g2).branching).toBeCloseTo(9 / 7, 12);
    expect(branchingThreshold(g2).branching).toBeCloseTo(naiveBranching(g2), 12);
  });

  it('agrees with the arc-by-arc definition on random directed and undirected graphs', () => {
    for (const g of [
      erdosRenyiGnp(300, 0.02, 3, true),
      erdosRenyiGnp(300, 0.02, 4),
      erdosRenyiGnm(200, 900, 5, true),
    ]) {
      expect(branchingThreshold(g).branching).toBeCloseTo(naiveBranching(g), 10);
    }
  });

  it('no threshold when no probability makes cascades global (B <= 1), e.g. a directed cycle or a path', () => {
    const cycle = Array.from({ length: 6 }, (_, i): [number, number] => [i, (i + 1) % 6]);
    expect(branchingThreshold(csrOf(6, cycle, 'influences'))).toEqual({ branching: 1, pc: null });
    expect(branchingThreshold(csrOf(3, [[0, 1]], 'undirected')).pc).toBeNull();
  });

  it('random d-regular graphs: p_c = 1/(d-1) (bond percolation on the Bethe lattice)', () => {
    const d = 4;
    const g = configurationModel(new Array(4000).fill(d), 11);
    // A handful of self-loops and multi-edges are dropped, so allow a tiny deviation.
    expect(branchingThreshold(g).pc).toBeCloseTo(1 / (d - 1), 2);
  });

  it('Erdős–Rényi graphs: B = z within sampling error, and B = (<k^2>-<k>)/<k> from the degrees', () => {
    const n = 5000;
    const z = 5;
    const g = erdosRenyiGnm(n, (n * z) / 2, 2);
    let k1 = 0;
    let k2 = 0;
    for (let v = 0; v < n; v++) {
      const k = g.outOffsets[v + 1] - g.outOffsets[v];
      k1 += k;
      k2 += k * k;
    }
    expect(branchingThreshold(g).branching).toBeCloseTo((k2 - k1) / k1, 10);
    expect(Math.abs(branchingThreshold(g).branching - z)).toBeLessThan(0.1);
  });
});

describe('SIR: per-arc transmissibility T = p/(p + gamma - p gamma)', () => {
  it('matches the geometric series over the infectious period, and inverts', () => {
    for (const [p, gamma] of [
      [0.1, 0.2],
      [0.3, 1],
      [0.05, 0.5],
    ]) {
      let series = 0;
      for (let t = 1; t < 2000; t++) series += gamma * (1 - gamma) ** (t - 1) * (1 - (1 - p) ** t);
      expect(sirTransmissibility(p, gamma)).toBeCloseTo(series, 10);
      expect(sirProbabilityForTransmissibility(sirTransmissibility(p, gamma), gamma)).toBeCloseTo(p, 12);
    }
  });

  it("matches the engine's SIR over one arc within 4 standard errors", () => {
    const p = 0.15;
    const gamma = 0.3;
    const runs = 20_000;
    const { summary } = runLocal(csrOf(2, [[0, 1]]), params({ model: 'sir', p, gamma }), seedsAt(0), runs, 5);
    const T = sirTransmissibility(p, gamma);
    const share = summary.mean - 1;
    expect(Math.abs(share - T)).toBeLessThan(4 * Math.sqrt((T * (1 - T)) / runs));
  });
});

describe("Watts' cascade condition", () => {
  it('the Poisson window for phi = 0.18 runs from z = 1 to about 5.8 (Watts 2002, fig. 1)', () => {
    expect(wattsPoisson(0.95, 0.18)).toBeLessThan(1);
    expect(wattsPoisson(1.1, 0.18)).toBeGreaterThan(1);
    expect(wattsPoisson(5.7, 0.18)).toBeGreaterThan(1);
    expect(wattsPoisson(5.85, 0.18)).toBeLessThan(1);
  });

  it('on Erdős–Rényi graphs tracks the Poisson form, inside and outside the window', () => {
    const n = 6000;
    for (const z of [2, 4, 7]) {
      const g = erdosRenyiGnm(n, (n * z) / 2, 9);
      const G = wattsCascadeBranching(g, 0.18);
      expect(Math.abs(G - wattsPoisson(z, 0.18))).toBeLessThan(0.1);
      expect(G > 1).toBe(z < 5.8);
    }
  });

  it('phi_c = 1/K*: for a 3-regular graph every node is vulnerable up to phi = 1/3, and B = 2 > 1', () => {
    const g = configurationModel(new Array(1000).fill(3), 2);
    const w = wattsCriticalPhi(g);
    expect(w.degree).toBe(3);
    expect(w.phiC).toBeCloseTo(1 / 3, 12);
    // Just above 1/3 nobody of degree 3 is vulnerable.
    expect(wattsCascadeBranching(g, 1 / 3 + 1e-6)).toBeLessThan(0.01);
    expect(wattsCascadeBranching(g, 1 / 3)).toBeGreaterThan(1.9);
  });

  it('none for a graph that cannot percolate (a path)', () => {
    const path = Array.from({ length: 9 }, (_, i): [number, number] => [i, i + 1]);
    expect(wattsCriticalPhi(csrOf(10, path, 'undirected')).phiC).toBeNull();
  });
});

describe('theory of a sweep', () => {
  const g = erdosRenyiGnm(500, 1000, 1);
  const base = params({ model: 'ic', p: 0.1 });
  it('ic p: branching; sir p: through T; threshold phi: Watts; k: none; maxSteps: none', () => {
    expect(theoryFor(g, 'p', base).theory).toBeCloseTo(branchingThreshold(g).pc as number, 12);
    const sir = theoryFor(g, 'p', params({ model: 'sir', p: 0.1, gamma: 0.5 })).theory as number;
    expect(sirTransmissibility(sir, 0.5)).toBeCloseTo(branchingThreshold(g).pc as number, 12);
    expect(theoryFor(g, 'phi', params({ model: 'threshold', phi: 0.2 })).theory).toBe(
      wattsCriticalPhi(g).phiC,
    );
    expect(theoryFor(g, 'k', base).theory).toBeNull();
    expect(theoryFor(g, 'p', { ...base, maxSteps: 3 }).theory).toBeNull();
  });

  it('the Erdős–Rényi giant share solves S = 1 - exp(-zpS)', () => {
    expect(erdosRenyiGiantShare(0.9)).toBe(0);
    for (const c of [1.2, 2, 4]) {
      const S = erdosRenyiGiantShare(c);
      expect(S).toBeCloseTo(1 - Math.exp(-c * S), 12);
      expect(S).toBeGreaterThan(0);
    }
    // Known value: c = 2 gives S = 0.7968.
    expect(erdosRenyiGiantShare(2)).toBeCloseTo(0.7968, 4);
  });
});
