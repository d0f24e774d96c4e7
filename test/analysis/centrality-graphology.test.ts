/**
 * Rank agreement with an independent implementation: graphology-metrics on the same random
 * graphs, built from the same pairs as graphology graphs (not from our CSR). For directed graphs
 * the graphology graph holds the attention arcs (v -> u when u's posts reach v), the reading our
 * conventions are defined on (see src/analysis/centrality/*.ts headers).
 */
import Graph from 'graphology';
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import closeness from 'graphology-metrics/centrality/closeness.js';
import eigenvector from 'graphology-metrics/centrality/eigenvector.js';
import hitsGraphology from 'graphology-metrics/centrality/hits.js';
import pagerankGraphology from 'graphology-metrics/centrality/pagerank.js';
import { describe, expect, it } from 'vitest';
import { computeMetric, type MetricName, topK } from '../../src/analysis/centrality/index.ts';
import { Rng } from '../../src/util/rng.ts';
import { csrOf } from '../support/graphs.ts';

/** A random graph with a heavy-tailed degree (preferential attachment plus random arcs). */
function randomPairs(n: number, extra: number, seed: number): [number, number][] {
  const rng = new Rng(seed);
  const pairs: [number, number][] = [];
  const ends: number[] = [0];
  for (let v = 1; v < n; v++) {
    for (let j = 0; j < 2; j++) {
      const u = rng.float() < 0.7 ? ends[rng.below(ends.length)] : rng.below(v);
      pairs.push(rng.float() < 0.5 ? [u, v] : [v, u]);
      ends.push(u);
    }
    ends.push(v);
  }
  for (let i = 0; i < extra; i++) {
    const a = rng.below(n);
    const b = rng.below(n);
    if (a !== b) pairs.push([a, b]);
  }
  return pairs;
}

function graphologyOf(n: number, pairs: [number, number][], directed: boolean): Graph {
  const g = new Graph({ type: directed ? 'directed' : 'undirected', multi: false, allowSelfLoops: false });
  for (let v = 0; v < n; v++) g.addNode(String(v));
  // Directed: reach arc a -> b becomes the attention arc b -> a.
  for (const [a, b] of pairs) {
    if (a === b) continue;
    if (directed) g.mergeEdge(String(b), String(a));
    else g.mergeEdge(String(a), String(b));
  }
  return g;
}

function asArray(n: number, mapping: Record<string, number>): number[] {
  return Array.from({ length: n }, (_, v) => mapping[String(v)]);
}

function ranks(x: ArrayLike<number>): number[] {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const r = new Array<number>(x.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && x[order[j + 1]] === x[order[i]]) j++;
    for (let k = i; k <= j; k++) r[order[k]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (ra.length - 1) / 2;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i] - mean) * (rb[i] - mean);
    da += (ra[i] - mean) ** 2;
    db += (rb[i] - mean) ** 2;
  }
  return num / Math.sqrt(da * db);
}

const N = 400;

describe.each([
  ['undirected', false],
  ['directed', true],
] as const)('%s random graph vs graphology-metrics', (_label, directed) => {
  const pairs = randomPairs(N, 300, directed ? 7 : 3);
  const csr = csrOf(N, pairs, directed ? 'influences' : 'undirected');
  const g = graphologyOf(N, pairs, directed);

  const reference: Record<string, () => number[]> = {
    pagerank: () =>
      asArray(N, pagerankGraphology(g, { getEdgeWeight: null, tolerance: 1e-14, maxIterations: 5000 })),
    betweenness: () => asArray(N, betweenness(g, { getEdgeWeight: null, normalized: true })),
    closeness: () => asArray(N, closeness(g, { wassermanFaust: true })),
    eigenvector: () =>
      asArray(N, eigenvector(g, { getEdgeWeight: null, tolerance: 1e-14, maxIterations: 5000 })),
    hits: () =>
      asArray(
        N,
        hitsGraphology(g, { getEdgeWeight: null, tolerance: 1e-12, maxIterations: 5000 }).authorities,
      ),
  };

  it.each(Object.keys(reference))('%s: same values, Spearman > 0.999, same top 20', (name) => {
    const ours = computeMetric(csr, name as MetricName).scores;
    const theirs = reference[name]();
    // Power iterations stop at slightly different points; exact algorithms agree to rounding.
    const tolerance = name === 'hits' || name === 'pagerank' || name === 'eigenvector' ? 1e-9 : 1e-12;
    for (let v = 0; v < N; v++)
      expect(Math.abs(ours[v] - theirs[v]), `${name} node ${v}`).toBeLessThan(tolerance);
    expect(spearman(ours, theirs)).toBeGreaterThan(0.999);
    const top = new Set(topK(ours, 20));
    const overlap = topK(theirs, 20).filter((v) => top.has(v)).length;
    expect(overlap).toBeGreaterThanOrEqual(19);
  });
});
