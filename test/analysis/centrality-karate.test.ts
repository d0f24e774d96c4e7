/**
 * Opinion-leader metrics on Zachary's karate club against networkx's published values
 * (test/fixtures/karate-networkx.json, source cited there) and against naive independent methods:
 * Floyd-Warshall distances, enumeration of every shortest path, dense power iteration, peeling.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeMetric, METRIC_NAMES, runMetric, topK } from '../../src/analysis/centrality/index.ts';
import { coreNumbers } from '../../src/analysis/centrality/kcore.ts';
import { pagerank } from '../../src/analysis/centrality/pagerank.ts';
import type { Csr } from '../../src/graph/types.ts';
import { csrOf } from '../support/graphs.ts';

interface KarateFixture {
  nodes: number;
  edges: [number, number][];
  degree: number[];
  betweenness: number[];
  closeness: number[];
  eigenvector: number[];
  pagerank: number[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/karate-networkx.json', import.meta.url), 'utf8'),
) as KarateFixture;
const karate = csrOf(34, fixture.edges, 'undirected');

/** Distances by Floyd-Warshall on the arcs of the CSR (Infinity when unreachable). */
function floydWarshall(csr: Csr): number[][] {
  const n = csr.n;
  const d = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)),
  );
  for (let u = 0; u < n; u++)
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) d[u][csr.outTargets[k]] = 1;
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
  return d;
}

/** Betweenness by listing every shortest path explicitly, normalised by (n-1)(n-2). */
function enumeratedBetweenness(csr: Csr): number[] {
  const n = csr.n;
  const d = floydWarshall(csr);
  const through = new Array<number>(n).fill(0);
  const path: number[] = [];
  for (let s = 0; s < n; s++) {
    for (let t = 0; t < n; t++) {
      if (s === t || d[s][t] === Infinity) continue;
      const paths: number[][] = [];
      const walk = (v: number) => {
        if (v === t) {
          paths.push([...path]);
          return;
        }
        for (let k = csr.outOffsets[v]; k < csr.outOffsets[v + 1]; k++) {
          const w = csr.outTargets[k];
          if (d[s][w] === d[s][v] + 1 && d[w][t] === d[v][t] - 1) {
            path.push(w);
            walk(w);
            path.pop();
          }
        }
      };
      walk(s);
      for (const p of paths) for (const v of p) if (v !== t) through[v] += 1 / paths.length;
    }
  }
  return through.map((x) => x / ((n - 1) * (n - 2)));
}

function denseAdjacency(csr: Csr): number[][] {
  const a = Array.from({ length: csr.n }, () => new Array<number>(csr.n).fill(0));
  for (let u = 0; u < csr.n; u++)
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) a[u][csr.outTargets[k]] = 1;
  return a;
}

/** PageRank to machine precision with the dense Google matrix (links from audience to source). */
function densePagerank(csr: Csr, damping = 0.85): number[] {
  const n = csr.n;
  const reach = denseAdjacency(csr);
  // Attention link v -> u whenever u reaches v.
  const outLinks = reach.map((_, v) => reach.reduce((s, row) => s + row[v], 0));
  let x = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < 2000; it++) {
    const next = new Array<number>(n).fill(0);
    for (let v = 0; v < n; v++) {
      if (outLinks[v] === 0) for (let u = 0; u < n; u++) next[u] += (damping * x[v]) / n;
      else for (let u = 0; u < n; u++) if (reach[u][v]) next[u] += (damping * x[v]) / outLinks[v];
    }
    for (let u = 0; u < n; u++) next[u] += (1 - damping) / n;
    x = next;
  }
  return x;
}

function denseEigenvector(csr: Csr): number[] {
  const a = denseAdjacency(csr);
  const n = csr.n;
  let x = new Array<number>(n).fill(1);
  for (let it = 0; it < 5000; it++) {
    const next = x.map((xi, u) => xi + a[u].reduce((s, auv, v) => s + auv * x[v], 0));
    const norm = Math.hypot(...next);
    x = next.map((v) => v / norm);
  }
  return x;
}

/** Core numbers straight from the definition: peel nodes of degree < k until none is left. */
function peeledCores(n: number, edges: [number, number][]): number[] {
  const core = new Array<number>(n).fill(0);
  for (let k = 1; ; k++) {
    const alive = new Array<boolean>(n).fill(true);
    let changed = true;
    while (changed) {
      changed = false;
      const deg = new Array<number>(n).fill(0);
      for (const [a, b] of edges) {
        if (alive[a] && alive[b]) {
          deg[a]++;
          deg[b]++;
        }
      }
      for (let v = 0; v < n; v++) {
        if (alive[v] && deg[v] < k) {
          alive[v] = false;
          changed = true;
        }
      }
    }
    if (!alive.some(Boolean)) return core;
    for (let v = 0; v < n; v++) if (alive[v]) core[v] = k;
  }
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number) {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThan(tolerance);
}

describe('karate club, networkx reference values', () => {
  it('datasets/karate.txt holds exactly networkx karate_club_graph edge set (78 edges)', () => {
    const text = readFileSync(new URL('../../datasets/karate.txt', import.meta.url), 'utf8');
    const ours = new Set<string>();
    for (const line of text.split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [a, b] = line.trim().split(/\s+/).map(Number);
      ours.add(`${Math.min(a, b)}-${Math.max(a, b)}`);
    }
    const theirs = new Set(fixture.edges.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
    expect(ours.size).toBe(78);
    expect([...ours].sort()).toEqual([...theirs].sort());
  });

  it('degree', () => {
    expect(Array.from(computeMetric(karate, 'degree').scores)).toEqual(fixture.degree);
    expect(Array.from(computeMetric(karate, 'outdegree').scores)).toEqual(fixture.degree);
    expect(Array.from(computeMetric(karate, 'indegree').scores)).toEqual(fixture.degree);
  });

  it('pagerank: networkx values, sums to 1, and the dense fixed point', () => {
    const scores = pagerank(karate);
    // networkx stopped once its L1 change was below n * 1e-6 = 3.4e-5, so its entries sit up to
    // ~1e-5 from the fixed point; ours run on to an L1 change of 1e-10.
    expectClose(scores, fixture.pagerank, 2e-5);
    expect(scores.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expectClose(scores, densePagerank(karate), 1e-9);
    // Stopped where networkx stops (L1 change < 34 * 1e-6), the iterate is networkx's to rounding.
    expectClose(pagerank(karate, { tolerance: 34e-6 }), fixture.pagerank, 1e-12);
  });

  it('betweenness (normalized): networkx values and shortest-path enumeration', () => {
    const result = computeMetric(karate, 'betweenness');
    expect(result.approximate).toBe(false);
    expectClose(result.scores, fixture.betweenness, 1e-12);
    expectClose(result.scores, enumeratedBetweenness(karate), 1e-12);
  });

  it('closeness: networkx values and Floyd-Warshall', () => {
    const result = computeMetric(karate, 'closeness');
    expectClose(result.scores, fixture.closeness, 1e-12);
    const d = floydWarshall(karate);
    const naive = d.map((row) => 33 / row.reduce((s, x) => s + x, 0));
    expectClose(result.scores, naive, 1e-12);
  });

  it('eigenvector: networkx values (unit norm) and a long dense power iteration', () => {
    const result = computeMetric(karate, 'eigenvector');
    expect(result.iteration?.converged).toBe(true);
    expectClose(result.scores, fixture.eigenvector, 1e-9);
    expect(Math.hypot(...result.scores)).toBeCloseTo(1, 12);
    expectClose(result.scores, denseEigenvector(karate), 1e-9);
  });

  it('kcore: the peeling definition; the 4-core is the known 10-node core', () => {
    const cores = Array.from(coreNumbers(karate));
    expect(cores).toEqual(peeledCores(34, fixture.edges));
    expect(Math.max(...cores)).toBe(4);
  });

  it('hits on an undirected graph: authorities = hubs = the principal eigenvector rescaled to sum 1', () => {
    const result = computeMetric(karate, 'hits');
    const eig = denseEigenvector(karate);
    const total = eig.reduce((s, x) => s + x, 0);
    expectClose(
      result.scores,
      eig.map((x) => x / total),
      1e-6,
    );
    expectClose(result.hubs as Float64Array, result.scores, 1e-9);
  });

  it('top-k: 33 and 0 lead by degree; ties go to the earlier node', () => {
    expect(topK(computeMetric(karate, 'degree').scores, 3)).toEqual([33, 0, 32]);
    expect(topK(computeMetric(karate, 'betweenness').scores, 2)).toEqual([0, 33]);
    expect(topK([1, 3, 3, 2, 3], 4)).toEqual([1, 2, 4, 3]);
    expect(topK([5, 5, 5], 10)).toEqual([0, 1, 2]);
    expect(topK([1, 2], 0)).toEqual([]);
  });

  it('runMetric (job plan) equals computeMetric for every computable metric', async () => {
    for (const name of METRIC_NAMES) {
      if (name === 'influence') {
        expect(() => computeMetric(karate, name)).toThrow(/not available/);
        continue;
      }
      const a = computeMetric(karate, name);
      const b = await runMetric(karate, name);
      expect(Array.from(b.scores)).toEqual(Array.from(a.scores));
    }
  });
});

describe('directed conventions', () => {
  it('core number counts in + out degree (networkx core_number docstring example)', () => {
    // networkx: G.add_edges_from([(1, 2), (2, 1), (2, 3), (2, 4), (3, 4), (4, 3)]) -> all 2.
    const g = csrOf(
      4,
      [
        [0, 1],
        [1, 0],
        [1, 2],
        [1, 3],
        [2, 3],
        [3, 2],
      ],
      'influences',
    );
    expect(Array.from(coreNumbers(g))).toEqual([2, 2, 2, 2]);
  });

  it('a star whose centre posts to everyone: the centre leads closeness, pagerank, hits, outdegree', () => {
    // Centre 0 reaches 1..5; 1 reaches 2 as well.
    const g = csrOf(
      6,
      [
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
        [0, 5],
        [1, 2],
      ],
      'influences',
    );
    const closeness = computeMetric(g, 'closeness').scores;
    expect(closeness[0]).toBeCloseTo(1, 12); // reaches all 5 at distance 1
    expect(closeness[1]).toBeCloseTo((1 / 1) * (1 / 5), 12); // reaches 1 node at distance 1
    expect(closeness[3]).toBe(0);
    for (const name of ['pagerank', 'hits', 'outdegree', 'closeness', 'eigenvector'] as const) {
      expect(topK(computeMetric(g, name).scores, 1), name).toEqual([0]);
    }
    expect(Array.from(computeMetric(g, 'indegree').scores)).toEqual([0, 1, 2, 1, 1, 1]);
    expect(Array.from(computeMetric(g, 'degree').scores)).toEqual([5, 2, 2, 1, 1, 1]);
    // No node lies inside a shortest path (0 -> 2 is direct), so every betweenness is zero.
    expect(Array.from(computeMetric(g, 'betweenness').scores)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('directed path 0 -> 1 -> 2 -> 3: betweenness by hand', () => {
    const g = csrOf(
      4,
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
      'influences',
    );
    // Node 1 is inside (0,2), (0,3); node 2 inside (0,3), (1,3); divided by (n-1)(n-2) = 6.
    expect(Array.from(computeMetric(g, 'betweenness').scores)).toEqual([0, 2 / 6, 2 / 6, 0]);
    // Closeness, outgoing: node 0 reaches 3 nodes at total distance 6 -> (3/6)*(3/3).
    const c = computeMetric(g, 'closeness').scores;
    expect(c[0]).toBeCloseTo(0.5, 12);
    expect(c[2]).toBeCloseTo((1 / 1) * (1 / 3), 12);
  });

  it('pagerank with dangling nodes matches the dense Google matrix', () => {
    const g = csrOf(
      5,
      [
        [0, 1],
        [1, 2],
        [2, 0],
        [3, 0],
        [0, 4],
      ],
      'influences',
    );
    const scores = pagerank(g, { tolerance: 1e-13, maxIterations: 1000 });
    expectClose(scores, densePagerank(g), 1e-10);
    expect(scores.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it('rejects bad options', () => {
    expect(() => pagerank(karate, { damping: 1.5 })).toThrow(/damping/);
    expect(() => computeMetric(karate, 'betweenness', { betweenness: { samples: -1 } })).toThrow(/samples/);
    expect(() => computeMetric(karate, 'nope' as never)).toThrow(/unknown metric/);
  });
});
