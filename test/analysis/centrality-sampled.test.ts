/**
 * Sampled betweenness and closeness against the exact values on a mid-size graph: within the
 * stated simultaneous error (betweenness), per-node 95% intervals covering the exact value about
 * 95% of the time, the same leaders, and reproducible for a fixed seed.
 */
import { describe, expect, it } from 'vitest';
import { betweennessSamples, planBetweenness } from '../../src/analysis/centrality/betweenness.ts';
import { computeMetric, topK } from '../../src/analysis/centrality/index.ts';
import { Rng } from '../../src/util/rng.ts';
import { csrOf } from '../support/graphs.ts';

/** Preferential attachment (2 edges per new node) plus random shortcuts: hubs and bridges. */
function midGraph(n: number, seed: number) {
  const rng = new Rng(seed);
  const pairs: [number, number][] = [];
  const ends: number[] = [0, 1];
  pairs.push([0, 1]);
  for (let v = 2; v < n; v++) {
    for (let j = 0; j < 2; j++) {
      const u = ends[rng.below(ends.length)];
      pairs.push([u, v]);
      ends.push(u, v);
    }
  }
  return csrOf(n, pairs, 'undirected');
}

describe('sampled betweenness', () => {
  const csr = midGraph(1500, 11);
  const exact = computeMetric(csr, 'betweenness').scores;
  const sampled = computeMetric(csr, 'betweenness', { betweenness: { samples: 300, rngSeed: 5 } });

  it('is flagged approximate with its sample size and a stated error', () => {
    expect(sampled.approximate).toBe(true);
    expect(sampled.sampling?.samples).toBe(300);
    expect(sampled.sampling?.confidence).toBe(0.95);
    // Hoeffding + union bound: n/(n-1) sqrt(ln(2n/0.05)/(2k)).
    expect(sampled.sampling?.error).toBeCloseTo((1500 / 1499) * Math.sqrt(Math.log(60000) / 600), 12);
  });

  it('stays within the stated simultaneous error of the exact scores', () => {
    let worst = 0;
    for (let v = 0; v < csr.n; v++) worst = Math.max(worst, Math.abs(sampled.scores[v] - exact[v]));
    expect(worst).toBeLessThanOrEqual(sampled.sampling?.error as number);
  });

  it('per-node 95% intervals cover the exact value for most leading nodes', () => {
    const half = sampled.sampling?.halfWidth95 as Float64Array;
    let considered = 0;
    let covered = 0;
    for (let v = 0; v < csr.n; v++) {
      // Intervals are meant for the leaders; a low score made of one rare big dependency (a leaf
      // neighbour as source) has a skewed sample that the normal approximation misjudges.
      if (exact[v] < 0.01) continue;
      considered++;
      if (Math.abs(sampled.scores[v] - exact[v]) <= half[v]) covered++;
    }
    expect(considered).toBeGreaterThan(30);
    expect(covered / considered).toBeGreaterThan(0.85);
  });

  it('is unbiased in total: the summed scores match within a few percent', () => {
    const total = (x: ArrayLike<number>) => Array.from(x).reduce((s, y) => s + y, 0);
    expect(Math.abs(total(sampled.scores) / total(exact) - 1)).toBeLessThan(0.05);
  });

  it('finds the same leaders', () => {
    const top = new Set(topK(exact, 10));
    expect(topK(sampled.scores, 10).filter((v) => top.has(v)).length).toBeGreaterThanOrEqual(8);
    expect(topK(sampled.scores, 1)).toEqual(topK(exact, 1));
  });

  it('is reproducible for a seed and varies with it', () => {
    const again = computeMetric(csr, 'betweenness', { betweenness: { samples: 300, rngSeed: 5 } });
    expect(Array.from(again.scores)).toEqual(Array.from(sampled.scores));
    const other = computeMetric(csr, 'betweenness', { betweenness: { samples: 300, rngSeed: 6 } });
    expect(Array.from(other.scores)).not.toEqual(Array.from(sampled.scores));
  });

  it('goes exact below the size limit and samples above it', () => {
    expect(betweennessSamples(csr)).toBe(1500);
    expect(betweennessSamples(csr, { exactWork: 1e6 })).toBe(Math.max(100, Math.floor(1e6 / csr.arcs)));
    expect(betweennessSamples(csr, { samples: 10_000 })).toBe(1500);
    const plan = planBetweenness(csr, { samples: 200 });
    const sources = plan.inputs.flatMap((b) => Array.from(b.sources));
    expect(new Set(sources).size).toBe(200);
  });
});

describe('sampled closeness (Eppstein-Wang pivots)', () => {
  const csr = midGraph(1500, 13);
  const exact = computeMetric(csr, 'closeness').scores;
  const options = { closeness: { samples: 300, rngSeed: 2 } };
  const sampled = computeMetric(csr, 'closeness', options);

  it('is flagged approximate, close to exact for every node, and its intervals cover', () => {
    expect(sampled.approximate).toBe(true);
    expect(sampled.sampling?.samples).toBe(300);
    const half = sampled.sampling?.halfWidth95 as Float64Array;
    let covered = 0;
    let worstRelative = 0;
    for (let v = 0; v < csr.n; v++) {
      if (Math.abs(sampled.scores[v] - exact[v]) <= half[v]) covered++;
      worstRelative = Math.max(worstRelative, Math.abs(sampled.scores[v] / exact[v] - 1));
    }
    // 95% intervals: expect about 95% coverage; 90% leaves room for the delta method's bias.
    expect(covered / csr.n).toBeGreaterThan(0.9);
    expect(worstRelative).toBeLessThan(0.1);
  });

  it('finds the same leaders, reproducibly', () => {
    const top = new Set(topK(exact, 10));
    expect(topK(sampled.scores, 10).filter((v) => top.has(v)).length).toBeGreaterThanOrEqual(7);
    expect(topK(sampled.scores, 1)).toEqual(topK(exact, 1));
    expect(Array.from(computeMetric(csr, 'closeness', options).scores)).toEqual(Array.from(sampled.scores));
  });

  it('directed and disconnected: pivots a node cannot reach count against it as in the exact formula', () => {
    // Two directed chains 0 -> 1 -> ... -> 99 and 100 -> ... -> 199: node u reaches 99 - u nodes.
    const pairs: [number, number][] = [];
    for (let c = 0; c < 2; c++) for (let i = 0; i < 99; i++) pairs.push([100 * c + i, 100 * c + i + 1]);
    const chains = csrOf(200, pairs, 'influences');
    const exactChains = computeMetric(chains, 'closeness').scores;
    const estimate = computeMetric(chains, 'closeness', { closeness: { samples: 120, rngSeed: 1 } });
    const half = estimate.sampling?.halfWidth95 as Float64Array;
    let covered = 0;
    let considered = 0;
    for (let v = 0; v < 200; v++) {
      if (exactChains[v] === 0) {
        expect(estimate.scores[v]).toBe(0);
        continue;
      }
      if (v % 100 > 80) continue; // near the end of a chain a few pivots decide everything
      considered++;
      if (Math.abs(estimate.scores[v] - exactChains[v]) <= half[v]) covered++;
    }
    expect(covered / considered).toBeGreaterThan(0.85);
  });
});
