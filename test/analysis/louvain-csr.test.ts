/**
 * The CSR Louvain (src/analysis/louvain.ts) against its reference, graphology-communities-louvain
 * (test/support/louvain-reference.ts): for the same rng the same raw communities, node by node,
 * and bit-identical modularity, on random graphs (undirected and directed, with the sizes where
 * the reference's narrow typed arrays wrap around), on the bundled datasets, and at other
 * resolutions. Also the modularity and communities the command printed before the port.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { louvainCommunities } from '../../src/analysis/communities.ts';
import { louvainCsr } from '../../src/analysis/louvain.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import type { Csr, Direction } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';
import { csrOf } from '../support/graphs.ts';
import { referenceLouvain } from '../support/louvain-reference.ts';

function ours(csr: Csr, rngSeed: number, resolution = 1) {
  const rng = new Rng(rngSeed);
  return louvainCsr(csr, { rng: () => rng.float(), resolution });
}

function expectSame(csr: Csr, rngSeed: number, resolution = 1) {
  const a = ours(csr, rngSeed, resolution);
  const b = referenceLouvain(csr, { rngSeed, resolution });
  expect(a.level).toBe(b.level);
  expect(a.modularity).toBe(b.modularity);
  expect(Buffer.from(a.community.buffer).equals(Buffer.from(b.community.buffer))).toBe(true);
}

/** Random pairs with planted blocks: `edges` pairs over n nodes, most inside blocks of `block`. */
function blockPairs(n: number, edges: number, block: number, seed: number): [number, number][] {
  const rng = new Rng(seed);
  const pairs: [number, number][] = [];
  const seen = new Set<number>();
  while (pairs.length < edges) {
    const a = rng.below(n);
    const b =
      rng.float() < 0.8 ? Math.min(n - 1, Math.floor(a / block) * block + rng.below(block)) : rng.below(n);
    const key = Math.min(a, b) * n + Math.max(a, b);
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    pairs.push([a, b]);
  }
  return pairs;
}

describe('CSR Louvain equals graphology-communities-louvain', () => {
  it('random undirected and directed graphs, several seeds', () => {
    for (let g = 0; g < 12; g++) {
      const n = 20 + 37 * g;
      const pairs = blockPairs(n, 3 * n, 8 + g, 100 + g);
      for (const direction of ['undirected', 'influences'] as Direction[]) {
        const csr = csrOf(n, pairs, direction);
        for (const seed of [1, 2, 3]) expectSame(csr, seed);
      }
    }
  });

  it('directed graphs with arcs both ways and one way (pairs met from either end)', () => {
    const rng = new Rng(5);
    const pairs: [number, number][] = [];
    for (let i = 0; i < 600; i++) pairs.push([rng.below(120), rng.below(120)]);
    for (const direction of ['influences', 'follows'] as Direction[]) {
      const csr = csrOf(120, pairs, direction);
      for (const seed of [1, 9]) expectSame(csr, seed);
    }
  });

  it('at other resolutions', () => {
    const csr = csrOf(300, blockPairs(300, 1200, 20, 7), 'undirected');
    for (const resolution of [0.3, 0.5, 2, 5]) expectSame(csr, 4, resolution);
  });

  it('where the reference narrow arrays wrap (128 and 32768 edges, 256 nodes)', () => {
    // 128 edges: the offsets live in a Uint8Array and the last one (256) wraps to 0.
    expectSame(csrOf(60, blockPairs(60, 128, 10, 11), 'undirected'), 1);
    expectSame(csrOf(256, blockPairs(256, 700, 16, 12), 'undirected'), 2);
    expectSame(csrOf(256, blockPairs(256, 128, 16, 13), 'undirected'), 3);
    expectSame(csrOf(3000, blockPairs(3000, 32768, 40, 14), 'undirected'), 1);
  });

  it('isolated nodes and a star (moves back to singletons)', () => {
    const pairs: [number, number][] = [];
    for (let i = 1; i < 30; i++) pairs.push([0, i]);
    pairs.push([40, 41], [41, 42], [42, 40]);
    expectSame(csrOf(50, pairs, 'undirected'), 1);
    expectSame(csrOf(50, pairs, 'undirected'), 2, 3);
  });

  it('any rng: the draws are taken in the same order', () => {
    const csr = csrOf(200, blockPairs(200, 900, 12, 21), 'influences');
    const draws = [0.999999, 0, 0.5, 0.25, 0.75];
    const stream = () => {
      let i = 0;
      return () => draws[i++ % draws.length];
    };
    const a = louvainCsr(csr, { rng: stream(), resolution: 1 });
    const b = referenceLouvain(csr, { rng: stream() });
    expect(a.modularity).toBe(b.modularity);
    expect(Array.from(a.community)).toEqual(Array.from(b.community));
  });
});

const root = new URL('../../datasets/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')) as {
  datasets: { file: string; direction: Direction }[];
};

describe('bundled datasets', () => {
  it.each(manifest.datasets.map((d) => [d.file, d.direction] as const))(
    '%s: same communities and modularity as graphology',
    async (file, direction) => {
      const { csr } = await readGraphFile(new URL(file, root).pathname, { direction });
      expectSame(csr, 1);
      if (csr.n < 20000) expectSame(csr, 2, 0.5);
    },
    60_000,
  );
});

/**
 * Captured from main before the CSR port (rng 1, resolution 1): count, modularity, the ten largest
 * sizes and an FNV-1a hash of the renumbered community of every node.
 */
const BEFORE: Record<string, { count: number; modularity: number; sizes: number[]; hash: string }> = {
  'karate.txt': { count: 4, modularity: 0.4155982905982906, sizes: [13, 12, 5, 4], hash: 'ed504713' },
  'small-world.json': {
    count: 10,
    modularity: 0.7090125,
    sizes: [12, 12, 12, 12, 11, 10, 10, 8, 7, 6],
    hash: 'b4e154c1',
  },
  'facebook_combined.txt': {
    count: 16,
    modularity: 0.8349191982699933,
    sizes: [548, 543, 438, 431, 423, 350, 323, 237, 226, 206],
    hash: 'fb5290ff',
  },
  'email-Eu-core.txt': {
    count: 27,
    modularity: 0.4142697139727941,
    sizes: [250, 146, 142, 109, 107, 94, 79, 59, 1, 1],
    hash: 'edc266ea',
  },
  'Wiki-Vote.txt': {
    count: 31,
    modularity: 0.42637905870117776,
    sizes: [2053, 1708, 1704, 1553, 37, 5, 3, 3, 3, 3],
    hash: '62215d1b',
  },
  'NetHEPT.txt': {
    count: 1817,
    modularity: 0.847430396236443,
    sizes: [1105, 683, 634, 458, 451, 421, 403, 391, 354, 353],
    hash: '20cee2f',
  },
  'soc-Slashdot0902.txt.gz': {
    count: 942,
    modularity: 0.33166338831043135,
    sizes: [21990, 15710, 14545, 5768, 4776, 2814, 1964, 1699, 1417, 1187],
    hash: '71ad4209',
  },
};

function fnv1a(a: Uint32Array): string {
  let h = 0x811c9dc5;
  for (const x of a) {
    h ^= x;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}

describe('modularity and communities as before the port', () => {
  it.each(Object.keys(BEFORE))(
    '%s',
    async (file) => {
      const d = manifest.datasets.find((x) => x.file === file);
      if (!d) throw new Error(file);
      const { csr } = await readGraphFile(new URL(file, root).pathname, { direction: d.direction });
      const c = louvainCommunities(csr, { rngSeed: 1 });
      expect(c.modularity).toBe(BEFORE[file].modularity);
      expect(c.count).toBe(BEFORE[file].count);
      expect(c.sizes.slice(0, 10)).toEqual(BEFORE[file].sizes);
      expect(fnv1a(c.community)).toBe(BEFORE[file].hash);
    },
    30_000,
  );
});
