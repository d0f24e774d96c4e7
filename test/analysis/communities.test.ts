/**
 * Louvain communities: modularity on the karate club near its known optimum (0.4198, Brandes et
 * al. 2008; Louvain typically finds 0.4188), modularity recomputed by the naive Newman-Girvan
 * formula, determinism for a fixed seed, planted partitions recovered, and per-community reach.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Communities,
  communityReach,
  louvainCommunities,
  renumberBySize,
} from '../../src/analysis/communities.ts';
import type { Csr } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';
import { csrOf } from '../support/graphs.ts';

const karateEdges = (
  JSON.parse(readFileSync(new URL('../fixtures/karate-networkx.json', import.meta.url), 'utf8')) as {
    edges: [number, number][];
  }
).edges;
const karate = csrOf(34, karateEdges, 'undirected');

/** Q = (1/2m) sum_ij [A_ij - k_i k_j / 2m] delta(c_i, c_j) on the undirected simple graph, from an edge list. */
function naiveModularity(n: number, edges: [number, number][], community: ArrayLike<number>): number {
  const key = (a: number, b: number) => `${Math.min(a, b)}-${Math.max(a, b)}`;
  const simple = new Set<string>();
  for (const [a, b] of edges) if (a !== b) simple.add(key(a, b));
  const m = simple.size;
  const degree = new Array<number>(n).fill(0);
  for (const e of simple) {
    const [a, b] = e.split('-').map(Number);
    degree[a]++;
    degree[b]++;
  }
  let q = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (community[i] !== community[j]) continue;
      const aij = i !== j && simple.has(key(i, j)) ? 1 : 0;
      q += aij - (degree[i] * degree[j]) / (2 * m);
    }
  }
  return q / (2 * m);
}

function checkNumbering(c: Communities, n: number) {
  expect(c.community.length).toBe(n);
  expect(c.sizes.reduce((s, x) => s + x, 0)).toBe(n);
  for (let i = 1; i < c.sizes.length; i++) expect(c.sizes[i]).toBeLessThanOrEqual(c.sizes[i - 1]);
  const counted = new Array<number>(c.count).fill(0);
  for (const x of c.community) counted[x]++;
  expect(counted).toEqual(c.sizes);
}

describe('louvain communities', () => {
  it('karate: modularity 0.41-0.42 (known optimum 0.4198), equal to the naive formula', () => {
    for (const seed of [1, 2, 3, 4]) {
      const c = louvainCommunities(karate, { rngSeed: seed });
      checkNumbering(c, 34);
      expect(c.modularity).toBeGreaterThan(0.4);
      expect(c.modularity).toBeLessThanOrEqual(0.41979 + 1e-6);
      expect(c.modularity).toBeCloseTo(naiveModularity(34, karateEdges, c.community), 10);
      expect(c.count).toBeGreaterThanOrEqual(3);
      expect(c.count).toBeLessThanOrEqual(5);
      // The instructor (0) and the president (33) end up apart.
      expect(c.community[0]).not.toBe(c.community[33]);
    }
  });

  it('is deterministic for a fixed rng seed', () => {
    const a = louvainCommunities(karate, { rngSeed: 7 });
    const b = louvainCommunities(karate, { rngSeed: 7 });
    expect(Array.from(a.community)).toEqual(Array.from(b.community));
    expect(a.modularity).toBe(b.modularity);
  });

  it('recovers planted cliques joined in a ring', () => {
    // 6 cliques of 8, consecutive cliques joined by one edge: optimum is one community per clique.
    const pairs: [number, number][] = [];
    for (let c = 0; c < 6; c++) {
      for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) pairs.push([8 * c + i, 8 * c + j]);
      pairs.push([8 * c, 8 * ((c + 1) % 6) + 1]);
    }
    const c = louvainCommunities(csrOf(48, pairs, 'undirected'), { rngSeed: 1 });
    expect(c.count).toBe(6);
    expect(c.sizes).toEqual([8, 8, 8, 8, 8, 8]);
    for (let k = 0; k < 6; k++)
      for (let i = 1; i < 8; i++) expect(c.community[8 * k + i]).toBe(c.community[8 * k]);
    // Ties in size are numbered by first member: clique 0 is community 0.
    expect(Array.from({ length: 6 }, (_, k) => c.community[8 * k])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(c.modularity).toBeCloseTo(naiveModularity(48, pairs, c.community), 10);
  });

  it('directed graphs: communities of the undirected simple view, modularity on it', () => {
    const rng = new Rng(9);
    const pairs: [number, number][] = [];
    for (let i = 0; i < 400; i++) {
      const block = rng.below(4) * 25;
      pairs.push(
        rng.float() < 0.9 ? [block + rng.below(25), block + rng.below(25)] : [rng.below(100), rng.below(100)],
      );
    }
    const csr: Csr = csrOf(100, pairs, 'influences');
    const c = louvainCommunities(csr, { rngSeed: 3 });
    checkNumbering(c, 100);
    expect(c.modularity).toBeCloseTo(naiveModularity(100, pairs, c.community), 10);
    expect(c.modularity).toBeGreaterThan(0.5);
  });

  it('edgeless graph: every node alone, modularity 0', () => {
    const c = louvainCommunities(csrOf(3, [], 'undirected'));
    expect(c.count).toBe(3);
    expect(c.modularity).toBe(0);
  });

  it('renumbers by decreasing size, ties by first member', () => {
    const c = renumberBySize(Uint32Array.from([7, 3, 3, 9, 7, 7, 9, 9]));
    expect(Array.from(c.community)).toEqual([0, 2, 2, 1, 0, 0, 1, 1]);
    expect(c.sizes).toEqual([3, 3, 2]);
  });
});

describe('community reach', () => {
  it('sums node counts per community; entered share is bounded below by the most reached member', () => {
    const communities = renumberBySize(Uint32Array.from([0, 0, 0, 1, 1]));
    const reach = communityReach(communities, Uint32Array.from([10, 4, 0, 3, 1]), 10, [0]);
    expect(reach).toEqual([
      { community: 0, size: 3, seeds: 1, meanReached: 1.4, shareReached: 1.4 / 3, enteredAtLeast: 1 },
      { community: 1, size: 2, seeds: 0, meanReached: 0.4, shareReached: 0.2, enteredAtLeast: 0.3 },
    ]);
    expect(() => communityReach(communities, new Uint32Array(4), 10)).toThrow(/node counts/);
  });
});
