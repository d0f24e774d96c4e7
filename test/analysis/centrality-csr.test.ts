/**
 * The CSR kernels of the heavy centralities against plain references and exact values:
 * - Brandes with direction-optimized forward levels and pull-style backward levels
 *   (src/analysis/centrality/brandes.ts) against one-source-at-a-time Brandes with push-style
 *   accumulation (test/support/centrality-reference.ts), exact and with the squares of the
 *   sampled estimate, on random graphs directed and undirected, connected or not, sparse or dense
 *   (so both the top-down and the bottom-up levels run);
 * - the 32-wide bit-parallel searches of closeness (distances.ts) against one breadth-first search
 *   per source or pivot: exactly the same counts and sums, for any grouping of the sources;
 * - betweenness, closeness and eigenvector centrality on paths, stars, cycles and complete graphs,
 *   where they are known in closed form;
 * - eigenvector centrality's compiled step against its JS step: the same scores, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { createDependencyAccumulator } from '../../src/analysis/centrality/brandes.ts';
import {
  createDistanceSummer,
  createPivotDistances,
  LANES,
} from '../../src/analysis/centrality/distances.ts';
import { eigenvectorCentrality } from '../../src/analysis/centrality/eigenvector.ts';
import {
  computeMetric,
  type JobRunner,
  localRunner,
  planMetric,
  runPlanWhereFastest,
} from '../../src/analysis/centrality/index.ts';
import type { Csr } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';
import { referenceDependencies, referenceDistances } from '../support/centrality-reference.ts';
import { csrOf } from '../support/graphs.ts';
import { erdosRenyiGnm } from '../support/random-graphs.ts';

/** A heavy-tailed random graph: preferential attachment plus random pairs, in `parts` pieces. */
function randomGraph(n: number, extra: number, seed: number, directed: boolean, parts = 1): Csr {
  const rng = new Rng(seed);
  const pairs: [number, number][] = [];
  const size = Math.ceil(n / parts);
  for (let v = 1; v < n; v++) {
    const base = Math.floor(v / size) * size;
    if (v === base) continue;
    for (let j = 0; j < 2; j++) {
      const u = base + rng.below(v - base);
      pairs.push(rng.float() < 0.5 ? [u, v] : [v, u]);
    }
  }
  for (let i = 0; i < extra; i++) {
    const a = rng.below(n);
    const b = Math.min(n - 1, Math.floor(a / size) * size + rng.below(size));
    if (a !== b) pairs.push([a, b]);
  }
  return csrOf(n, pairs, directed ? 'influences' : 'undirected');
}

const GRAPHS: [string, Csr][] = [
  ['undirected heavy-tailed', randomGraph(300, 400, 1, false)],
  ['directed heavy-tailed', randomGraph(300, 400, 2, true)],
  ['undirected, 5 components', randomGraph(250, 200, 3, false, 5)],
  ['directed, 4 components', randomGraph(250, 300, 4, true, 4)],
  ['dense undirected G(n,m)', erdosRenyiGnm(120, 2500, 5)],
  ['dense directed G(n,m)', erdosRenyiGnm(120, 4000, 6, true)],
  ['sparse directed G(n,m)', erdosRenyiGnm(400, 500, 7, true)],
];

function expectClose(actual: Float64Array, expected: Float64Array, relative = 1e-12) {
  for (let v = 0; v < expected.length; v++)
    expect(Math.abs(actual[v] - expected[v]), `node ${v}`).toBeLessThanOrEqual(
      relative * Math.max(1, Math.abs(expected[v])),
    );
}

describe('Brandes dependencies on the CSR equal the plain reference', () => {
  it.each(GRAPHS)('%s', (_name, csr) => {
    const accumulator = createDependencyAccumulator(csr);
    const sum = new Float64Array(csr.n);
    const sumSq = new Float64Array(csr.n);
    const refSum = new Float64Array(csr.n);
    const refSq = new Float64Array(csr.n);
    // Every source, in an order that revisits the scratch after searches of every size.
    const rng = new Rng(11);
    for (let i = 0; i < 2 * csr.n; i++) {
      const s = i < csr.n ? i : rng.below(csr.n);
      accumulator.addSource(s, sum, sumSq);
      referenceDependencies(csr, s, refSum, refSq);
    }
    expectClose(sum, refSum);
    expectClose(sumSq, refSq);
  });
});

describe('bit-parallel closeness searches equal one search per source', () => {
  it.each(GRAPHS)('%s', (_name, csr) => {
    const n = csr.n;
    // Sources in a shuffled order and a count that is not a multiple of the lanes.
    const rng = new Rng(12);
    const sources = Uint32Array.from({ length: n }, (_, v) => v);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      [sources[i], sources[j]] = [sources[j], sources[i]];
    }
    const some = sources.subarray(0, n - 7);
    expect(some.length % LANES).not.toBe(0);
    const { reached, distanceSum } = createDistanceSummer(csr).fromSources(some);
    for (let i = 0; i < some.length; i++) {
      const dist = referenceDistances(csr, some[i]);
      let r = 0;
      let d = 0;
      for (const x of dist)
        if (x >= 0) {
          r++;
          d += x;
        }
      expect([reached[i], distanceSum[i]], `source ${some[i]}`).toEqual([r, d]);
    }

    const pivots = some.subarray(0, 75);
    const got = { reached: new Float64Array(n), sum: new Float64Array(n), sumSq: new Float64Array(n) };
    createPivotDistances(csr).addPivots(pivots, got.reached, got.sum, got.sumSq);
    const want = { reached: new Float64Array(n), sum: new Float64Array(n), sumSq: new Float64Array(n) };
    for (const p of pivots) {
      const dist = referenceDistances(csr, p, true); // distances *to* the pivot
      for (let v = 0; v < n; v++)
        if (v !== p && dist[v] >= 0) {
          want.reached[v]++;
          want.sum[v] += dist[v];
          want.sumSq[v] += dist[v] * dist[v];
        }
    }
    expect(Array.from(got.reached)).toEqual(Array.from(want.reached));
    expect(Array.from(got.sum)).toEqual(Array.from(want.sum));
    expect(Array.from(got.sumSq)).toEqual(Array.from(want.sumSq));
  });

  it('the grouping of sources into batches does not change closeness', () => {
    const csr = GRAPHS[3][1];
    const whole = computeMetric(csr, 'closeness').scores;
    for (const batchSources of [1, 7, 32, 33, 1000])
      expect(Array.from(computeMetric(csr, 'closeness', { batchSources }).scores)).toEqual(Array.from(whole));
  });
});

function path(n: number, direction: 'undirected' | 'influences' = 'undirected'): Csr {
  return csrOf(
    n,
    Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]),
    direction,
  );
}

function star(leaves: number): Csr {
  return csrOf(
    leaves + 1,
    Array.from({ length: leaves }, (_, i) => [0, i + 1] as [number, number]),
    'undirected',
  );
}

describe('closed forms', () => {
  it('betweenness on a path: 2 i (n-1-i) / ((n-1)(n-2)); directed: half that', () => {
    const n = 40;
    const undirected = computeMetric(path(n), 'betweenness').scores;
    const directed = computeMetric(path(n, 'influences'), 'betweenness').scores;
    for (let i = 0; i < n; i++) {
      const pairs = i * (n - 1 - i);
      expect(undirected[i]).toBeCloseTo((2 * pairs) / ((n - 1) * (n - 2)), 14);
      expect(directed[i]).toBeCloseTo(pairs / ((n - 1) * (n - 2)), 14);
    }
  });

  it('betweenness on a star: 1 at the centre, 0 at the leaves', () => {
    const s = computeMetric(star(50), 'betweenness').scores;
    expect(s[0]).toBeCloseTo(1, 14);
    for (let v = 1; v <= 50; v++) expect(s[v]).toBe(0);
  });

  it('betweenness on an even cycle: the same for every node, as counted pair by pair', () => {
    // Node 0 is inside the one shortest path between a and b when d(a,0) + d(0,b) = d(a,b), and
    // inside one of the two when a and b are antipodal.
    const n = 30;
    const cycle = csrOf(
      n,
      Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as [number, number]),
      'undirected',
    );
    const s = computeMetric(cycle, 'betweenness').scores;
    // Ordered pairs (a, b), a != v != b, with v strictly inside a shortest path, path counted by share.
    let raw = 0;
    for (let a = 1; a < n; a++)
      for (let b = 1; b < n; b++) {
        if (a === b) continue;
        const d = Math.min(Math.abs(a - b), n - Math.abs(a - b));
        const through0 = Math.min(a, n - a) + Math.min(b, n - b) === d;
        if (!through0) continue;
        raw += d === n / 2 ? 0.5 : 1;
      }
    for (let v = 0; v < n; v++) expect(s[v]).toBeCloseTo(raw / ((n - 1) * (n - 2)), 14);
  });

  it('closeness on a path and a star', () => {
    const n = 25;
    const p = computeMetric(path(n), 'closeness').scores;
    for (let i = 0; i < n; i++) {
      const total = (i * (i + 1)) / 2 + ((n - 1 - i) * (n - i)) / 2;
      expect(p[i]).toBe((n - 1) / total);
    }
    const s = computeMetric(star(30), 'closeness').scores;
    expect(s[0]).toBe(1);
    for (let v = 1; v <= 30; v++) expect(s[v]).toBe(30 / (1 + 2 * 29));
  });

  it('closeness on a directed path: Wasserman-Faust scaling by the share reached', () => {
    // Node i reaches r = n - i nodes at total distance (r-1) r / 2.
    const n = 20;
    const s = computeMetric(path(n, 'influences'), 'closeness').scores;
    for (let i = 0; i < n; i++) {
      const r = n - i;
      const total = ((r - 1) * r) / 2;
      expect(s[i]).toBe(total === 0 ? 0 : ((r - 1) / total) * ((r - 1) / (n - 1)));
    }
  });

  it('eigenvector: uniform on a complete graph and a cycle; sqrt(m) : 1 on a star', () => {
    const complete = computeMetric(erdosRenyiGnm(12, 66, 1), 'eigenvector').scores;
    for (const x of complete) expect(x).toBeCloseTo(1 / Math.sqrt(12), 9);
    const cycle = computeMetric(
      csrOf(
        9,
        Array.from({ length: 9 }, (_, i) => [i, (i + 1) % 9] as [number, number]),
        'undirected',
      ),
      'eigenvector',
    ).scores;
    for (const x of cycle) expect(x).toBeCloseTo(1 / 3, 9);
    const m = 16;
    const s = computeMetric(star(m), 'eigenvector').scores;
    expect(s[0]).toBeCloseTo(1 / Math.sqrt(2), 9);
    for (let v = 1; v <= m; v++) expect(s[v]).toBeCloseTo(1 / Math.sqrt(2 * m), 9);
  });
});

describe('eigenvector: the compiled step (eigenvector-wasm.ts) is the JS step, bit for bit', () => {
  const cases: [string, Csr][] = [
    ...GRAPHS,
    ['one node', csrOf(1, [])],
    ['no nodes', csrOf(0, [])],
    ['a star (rows of 1 to 3 arcs and one of 16)', star(16)],
  ];
  for (const [name, csr] of cases)
    it(name, () => {
      const js = eigenvectorCentrality(csr, { engine: 'js' });
      const wasm = eigenvectorCentrality(csr, { engine: 'wasm' });
      expect(wasm.iterations).toBe(js.iterations);
      expect(wasm.converged).toBe(js.converged);
      expect(Array.from(wasm.scores)).toEqual(Array.from(js.scores));
      // Stopped early: the same iterate too.
      const short = { maxIterations: 3 };
      expect(Array.from(eigenvectorCentrality(csr, { ...short, engine: 'wasm' }).scores)).toEqual(
        Array.from(eigenvectorCentrality(csr, { ...short, engine: 'js' }).scores),
      );
    });
});

describe('runPlanWhereFastest', () => {
  it('runs the first batch here and the rest here or remotely, with the same result', async () => {
    const csr = GRAPHS[0][1];
    for (const metric of ['betweenness', 'closeness'] as const) {
      const plan = planMetric(csr, metric, { batchSources: 40 });
      if (!plan) throw new Error(metric);
      expect(plan.inputs.length).toBeGreaterThan(2);
      const calls: number[] = [];
      const remote: JobRunner = (kind, inputs) => {
        calls.push(inputs.length);
        return localRunner(csr)(kind, inputs);
      };
      const here = await runPlanWhereFastest(csr, plan, remote, Number.POSITIVE_INFINITY);
      expect(here.remote).toBe(false);
      expect(calls).toEqual([]);
      const there = await runPlanWhereFastest(csr, plan, remote, 0);
      expect(there.remote).toBe(true);
      expect(calls).toEqual([plan.inputs.length - 1]);
      expect(Array.from(there.result.scores)).toEqual(Array.from(here.result.scores));
      // Known large work: the rest goes to `remote` before the first batch runs here.
      calls.length = 0;
      const sure = await runPlanWhereFastest(csr, { ...plan, work: 1e12 }, remote, Number.POSITIVE_INFINITY);
      expect(sure.remote).toBe(true);
      expect(calls).toEqual([plan.inputs.length - 1]);
      expect(Array.from(sure.result.scores)).toEqual(Array.from(here.result.scores));
      expect(Array.from(here.result.scores)).toEqual(
        Array.from(computeMetric(csr, metric, { batchSources: 40 }).scores),
      );
    }
  });
});
