/**
 * Six degrees engine against truths: hop plots, diameters, effective diameters and clustering of
 * small graphs worked by hand; the bit-parallel BFS against a plain one-source BFS; components
 * against brute-force reachability; clustering against a brute-force neighbour-pair count.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDistances, bfsJobs } from '../../src/analysis/distance/analyze.ts';
import { createBitParallelBfs, distanceCounts, popcount32 } from '../../src/analysis/distance/bfs.ts';
import { clustering } from '../../src/analysis/distance/clustering.ts';
import { strongComponents, weakComponents } from '../../src/analysis/distance/components.ts';
import { effectiveDiameter } from '../../src/analysis/distance/effective-diameter.ts';
import { seedReach } from '../../src/analysis/distance/seed-reach.ts';
import type { Csr, Direction } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';
import { csrOf, randomArcsGraph, referenceBfs } from '../support/graphs.ts';

const path = (n: number): [number, number][] => Array.from({ length: n - 1 }, (_, i) => [i, i + 1]);
const complete = (n: number): [number, number][] => {
  const pairs: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push([a, b]);
  return pairs;
};

function randomGraph(n: number, m: number, seed: number, direction: Direction): Csr {
  const rng = new Rng(seed, 7);
  return randomArcsGraph(n, m, (k) => rng.below(k), direction);
}

function plainCounts(csr: Csr, sources: number[]): number[] {
  const counts: number[] = [];
  for (const s of sources) {
    for (const d of referenceBfs(csr, s)) if (d >= 0) counts[d] = (counts[d] ?? 0) + 1;
  }
  return counts;
}

const exact = (csr: Csr) => analyzeDistances(csr, { mode: 'exact' });

describe('hop plot, diameter, effective diameter (hand-worked cases)', () => {
  it('path 0-1-2-3', async () => {
    const d = await exact(csrOf(4, path(4), 'undirected'));
    // ordered pairs: 6 at distance 1, 4 at 2, 2 at 3
    expect(d.hopPlot).toEqual([4, 10, 14, 16]);
    expect(d.diameter).toBe(3);
    expect(d.avgDistance).toBeCloseTo(20 / 12, 12);
    // 90% of 16 = 14.4 lies between h=2 (14) and h=3 (16): 2 + 0.4/2
    expect(d.effectiveDiameter).toBeCloseTo(2.2, 12);
    expect(d.avgClustering).toBe(0);
    expect(d.approximate).toBe(false);
  });

  it('star with 4 leaves', async () => {
    const d = await exact(
      csrOf(
        5,
        [
          [0, 1],
          [0, 2],
          [0, 3],
          [0, 4],
        ],
        'undirected',
      ),
    );
    // 8 ordered pairs at distance 1, 12 leaf pairs at distance 2
    expect(d.hopPlot).toEqual([5, 13, 25]);
    expect(d.diameter).toBe(2);
    expect(d.avgDistance).toBeCloseTo(32 / 20, 12);
    expect(d.effectiveDiameter).toBeCloseTo(1 + (22.5 - 13) / 12, 12);
    expect(d.avgClustering).toBe(0);
    expect(d.triangles).toBe(0);
  });

  it('complete graph K5', async () => {
    const d = await exact(csrOf(5, complete(5), 'undirected'));
    expect(d.hopPlot).toEqual([5, 25]);
    expect(d.diameter).toBe(1);
    expect(d.avgDistance).toBe(1);
    expect(d.effectiveDiameter).toBeCloseTo((22.5 - 5) / 20, 12);
    expect(d.avgClustering).toBe(1);
    expect(d.triangles).toBe(10);
  });

  it('directed cycle 0->1->2->3->0', async () => {
    const d = await exact(
      csrOf(4, [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 0],
      ]),
    );
    expect(d.hopPlot).toEqual([4, 8, 12, 16]);
    expect(d.diameter).toBe(3);
    expect(d.avgDistance).toBe(2);
    expect(d.effectiveDiameter).toBeCloseTo(2 + (14.4 - 12) / 4, 12);
    expect(d.components).toEqual({ weak: 1, largestWeak: 4, strong: 1, largestStrong: 4 });
  });

  it('directed paths follow arc direction only', async () => {
    // 0->1->2 and 3->2: reachable pairs 0-1, 0-2, 1-2, 3-2
    const d = await exact(
      csrOf(4, [
        [0, 1],
        [1, 2],
        [3, 2],
      ]),
    );
    expect(d.hopPlot).toEqual([4, 7, 8]);
    expect(d.avgDistance).toBeCloseTo(5 / 4, 12);
    expect(d.components).toEqual({ weak: 1, largestWeak: 4, strong: 4, largestStrong: 1 });
  });

  it('disconnected pieces: distances over the largest weak component, clustering over all nodes', async () => {
    // triangle 0-1-2, edge 3-4, isolated 5 (kept as a node through a self-loop the loader drops)
    const d = await exact(
      csrOf(
        6,
        [
          [0, 1],
          [1, 2],
          [2, 0],
          [3, 4],
          [5, 5],
        ],
        'undirected',
      ),
    );
    expect(d.components).toEqual({ weak: 3, largestWeak: 3, strong: 3, largestStrong: 3 });
    expect(d.distanceNodes).toBe(3);
    expect(d.hopPlot).toEqual([3, 9]);
    expect(d.avgClustering).toBeCloseTo(3 / 6, 12);
  });

  it('a graph without edges has one-point hop plots', async () => {
    const d = await exact(csrOf(2, [[0, 0]], 'undirected'));
    expect(d.hopPlot).toEqual([1]);
    expect(d.diameter).toBe(0);
    expect(d.effectiveDiameter).toBe(0);
    expect(d.avgDistance).toBeNull();
  });

  it('auto: exact below the work limit, HyperANF above it', async () => {
    const csr = csrOf(5, complete(5), 'undirected');
    expect((await analyzeDistances(csr)).approximate).toBe(false);
    const approx = await analyzeDistances(csr, { exactWorkLimit: 5 * 20 - 1 });
    expect(approx.approximate).toBe(true);
    expect(approx.hopPlot?.slice(0, 2)).toEqual([5, 25]);
  });

  it('mode none computes nothing', async () => {
    const d = await analyzeDistances(csrOf(4, path(4), 'undirected'), { mode: 'none' });
    expect(d.hopPlot).toBeNull();
    expect(d.approximate).toBeNull();
  });
});

describe('effective diameter: SNAP CalcEffDiam corner cases', () => {
  it('returns 1 when the distance-0 pairs alone exceed 90%, the last distance when nothing does', () => {
    expect(effectiveDiameter([95, 100])).toBe(1);
    expect(effectiveDiameter([10, 10])).toBe(0);
    expect(effectiveDiameter([10, 20, 20])).toBeCloseTo(0.8, 12);
    expect(effectiveDiameter([0, 10], 1)).toBe(1);
  });
});

describe('bit-parallel BFS', () => {
  it('popcount32', () => {
    for (const [x, c] of [
      [0, 0],
      [1, 1],
      [0xffffffff, 32],
      [0x80000001, 2],
      [0x12345678, 13],
    ])
      expect(popcount32(x)).toBe(c);
  });

  for (const [direction, n, m, seed] of [
    ['influences', 300, 700, 1],
    ['undirected', 250, 300, 2],
    ['follows', 200, 1500, 3],
    ['influences', 130, 130, 4],
  ] as [Direction, number, number, number][]) {
    it(`matches a plain BFS from every source (${direction}, n=${n}, m=${m})`, () => {
      const csr = randomGraph(n, m, seed, direction);
      const all = Array.from({ length: n }, (_, i) => i);
      expect(distanceCounts(csr, all)).toEqual(plainCounts(csr, all));
      // Odd batch sizes and an arbitrary order, searched by one reused searcher.
      const some = all.filter((v) => v % 3 !== 1).reverse();
      const search = createBitParallelBfs(csr);
      expect(distanceCounts(csr, some.slice(0, 37), search)).toEqual(plainCounts(csr, some.slice(0, 37)));
      expect(distanceCounts(csr, some, search)).toEqual(plainCounts(csr, some));
    });
  }

  it('jobs split sources into whole 64-wide searches covering each source once', () => {
    const sources = Uint32Array.from({ length: 1000 }, (_, i) => i);
    const jobs = bfsJobs(sources, 1e7);
    expect(jobs.map((j) => j.sources.length)).toEqual([...Array(15).fill(64), 40]);
    expect(jobs.flatMap((j) => Array.from(j.sources))).toEqual(Array.from(sources));
    // Few cheap searches: still at least 16 jobs, so two or more workers share them.
    const small = bfsJobs(
      Uint32Array.from({ length: 4039 }, (_, i) => i),
      176468,
    );
    expect(small.map((j) => j.sources.length)).toEqual([...Array(15).fill(256), 4039 - 15 * 256]);
  });
});

describe('components', () => {
  /** Brute force: reach[u][v] by a BFS from every node. */
  function reachMatrix(csr: Csr, undirected: boolean): boolean[][] {
    return Array.from({ length: csr.n }, (_, s) => {
      const seen = Array(csr.n).fill(false);
      seen[s] = true;
      const queue = [s];
      for (let i = 0; i < queue.length; i++) {
        const u = queue[i];
        const next = [];
        for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) next.push(csr.outTargets[k]);
        if (undirected)
          for (let k = csr.inOffsets[u]; k < csr.inOffsets[u + 1]; k++) next.push(csr.inSources[k]);
        for (const v of next) {
          if (!seen[v]) {
            seen[v] = true;
            queue.push(v);
          }
        }
      }
      return seen;
    });
  }

  for (const seed of [1, 2, 3]) {
    it(`weak and strong partitions equal brute-force reachability (random directed graph ${seed})`, () => {
      const csr = randomGraph(70, 90 + 10 * seed, seed, 'influences');
      const weak = weakComponents(csr);
      const strong = strongComponents(csr);
      const w = reachMatrix(csr, true);
      const r = reachMatrix(csr, false);
      for (let u = 0; u < csr.n; u++) {
        for (let v = 0; v < csr.n; v++) {
          expect(weak.label[u] === weak.label[v]).toBe(w[u][v]);
          expect(strong.label[u] === strong.label[v]).toBe(r[u][v] && r[v][u]);
        }
      }
      const sizes = (label: Int32Array) => {
        const s = new Map<number, number>();
        for (const c of label) s.set(c, (s.get(c) ?? 0) + 1);
        return s;
      };
      expect(weak.count).toBe(sizes(weak.label).size);
      expect(strong.count).toBe(sizes(strong.label).size);
      expect(strong.largestSize).toBe(Math.max(...sizes(strong.label).values()));
      expect(strong.count).toBeGreaterThan(weak.count);
    });
  }

  it('a directed path of 200,000 nodes (no recursion) and its closed cycle', () => {
    const n = 200_000;
    const line = path(n);
    expect(strongComponents(csrOf(n, line)).count).toBe(n);
    const cycle = strongComponents(csrOf(n, [...line, [n - 1, 0]]));
    expect(cycle.count).toBe(1);
    expect(cycle.largestSize).toBe(n);
  });
});

describe('clustering', () => {
  for (const [direction, seed] of [
    ['undirected', 5],
    ['influences', 6],
  ] as [Direction, number][]) {
    it(`equals a brute-force neighbour-pair count (${direction})`, () => {
      const n = 60;
      const csr = randomGraph(n, 400, seed, direction);
      const adj = Array.from({ length: n }, () => new Set<number>());
      for (let u = 0; u < n; u++) {
        for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) {
          adj[u].add(csr.outTargets[k]);
          adj[csr.outTargets[k]].add(u);
        }
      }
      let sum = 0;
      let triangles = 0;
      for (let v = 0; v < n; v++) {
        const nb = [...adj[v]];
        let links = 0;
        for (let i = 0; i < nb.length; i++)
          for (let j = i + 1; j < nb.length; j++) if (adj[nb[i]].has(nb[j])) links++;
        triangles += links;
        if (nb.length >= 2) sum += links / ((nb.length * (nb.length - 1)) / 2);
      }
      const c = clustering(csr);
      expect(c.average).toBeCloseTo(sum / n, 12);
      expect(c.triangles).toBe(triangles / 3);
    });
  }
});

describe('reach from seeds', () => {
  it('counts nodes within h hops along out-arcs', () => {
    const line = csrOf(10, path(10));
    expect(seedReach(line, [0]).within).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(seedReach(line, [0, 5]).within).toEqual([2, 4, 6, 8, 10, 10, 10]);
    expect(seedReach(line, [9]).within).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(seedReach(line, [0], 2).share).toEqual([0.1, 0.2, 0.3]);
    expect(seedReach(csrOf(10, path(10), 'undirected'), [9, 9]).within).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('follows: a followed account reaches its followers', () => {
    // 0 follows 1, 2 follows 1: 1's posts reach 0 and 2, theirs reach nobody
    const g = csrOf(
      3,
      [
        [0, 1],
        [2, 1],
      ],
      'follows',
    );
    expect(seedReach(g, [1], 2).within).toEqual([1, 3, 3]);
    expect(seedReach(g, [0], 2).within).toEqual([1, 1, 1]);
  });

  it('rejects a node index outside the graph', () => {
    expect(() => seedReach(csrOf(3, path(3)), [3])).toThrow(/not in the graph/);
  });
});
