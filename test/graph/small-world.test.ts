/**
 * The Watts-Strogatz generator against what is known of the model: the ring lattice's exact
 * clustering 3(k-2)/(4(k-1)) and distances, the tie count kept by rewiring, Barrat and Weigt's
 * clustering C(beta) ~ C(0)(1-beta)^3, and the collapse of the average distance with a few
 * shortcuts. The bundled classroom file must be exactly the generator's output (set
 * RIPPLE_WRITE_DATASETS=1 to write it again after changing the generator).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeDistances } from '../../src/analysis/distance/analyze.ts';
import { clustering } from '../../src/analysis/distance/clustering.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { compileCsr } from '../../src/graph/csr.ts';
import { smallWorld, smallWorldJson } from '../../src/graph/small-world.ts';

const csrOf = (n: number, edges: [number, number][]) =>
  compileCsr(
    {
      n,
      count: edges.length,
      src: Uint32Array.from(edges.map((e) => e[0])),
      dst: Uint32Array.from(edges.map((e) => e[1])),
      values: null,
      valueKind: null,
    },
    'undirected',
  );

const CLASSROOM = { n: 100, k: 4, beta: 0.1, rngSeed: 1 };
const CLASSROOM_FILE = fileURLToPath(new URL('../../datasets/small-world.json', import.meta.url));
const CLASSROOM_NAME = 'Small world: a ring of 100 people with a few shortcuts';

describe('Watts-Strogatz small world', () => {
  it('beta 0 is the ring lattice: nk/2 ties, clustering 3(k-2)/(4(k-1)), diameter n/k', async () => {
    const n = 60;
    const k = 6;
    const g = smallWorld({ n, k, beta: 0, rngSeed: 1 });
    const compiled = csrOf(n, g.edges);
    expect(compiled.edges).toBe((n * k) / 2);
    expect(compiled.duplicateEdges + compiled.selfLoops).toBe(0);
    expect(clustering(compiled.csr).average).toBeCloseTo((3 * (k - 2)) / (4 * (k - 1)), 12);
    const d = await analyzeDistances(compiled.csr, { mode: 'exact' });
    expect(d.diameter).toBe(n / k);
  });

  it('rewiring keeps the number of ties and never makes a self-tie or a double tie', () => {
    for (const beta of [0.05, 0.3, 1]) {
      const g = smallWorld({ n: 500, k: 8, beta, rngSeed: 3 });
      const compiled = csrOf(500, g.edges);
      expect(compiled.edges).toBe(2000);
      expect(compiled.duplicateEdges + compiled.selfLoops).toBe(0);
    }
  });

  it('clustering follows C(0)(1-beta)^3 while the average distance collapses', async () => {
    const n = 4000;
    const k = 10;
    const c0 = (3 * (k - 2)) / (4 * (k - 1));
    const lattice = await analyzeDistances(csrOf(n, smallWorld({ n, k, beta: 0, rngSeed: 1 }).edges).csr, {
      mode: 'exact',
    });
    for (const beta of [0.01, 0.1, 0.3]) {
      const { csr } = csrOf(n, smallWorld({ n, k, beta, rngSeed: 11 }).edges);
      const c = clustering(csr).average;
      // Barrat & Weigt's formula is the large-n mean; over 4,000 nodes the sample is within 2%.
      expect(Math.abs(c - c0 * (1 - beta) ** 3), `beta ${beta}`).toBeLessThan(0.02);
      const d = await analyzeDistances(csr, { mode: 'exact' });
      // Lattice: n/(4 * k/2) ~ 200 hops on average; 1% shortcuts already cut it several times.
      expect(d.avgDistance as number, `beta ${beta}`).toBeLessThan((lattice.avgDistance as number) / 4);
    }
  });

  it('is reproducible from its seed and differs between seeds', () => {
    const a = smallWorld({ n: 200, k: 4, beta: 0.2, rngSeed: 5 });
    expect(smallWorld({ n: 200, k: 4, beta: 0.2, rngSeed: 5 })).toEqual(a);
    expect(smallWorld({ n: 200, k: 4, beta: 0.2, rngSeed: 6 }).edges).not.toEqual(a.edges);
  });

  it('refuses impossible parameters with a message naming them', () => {
    expect(() => smallWorld({ n: 10, k: 3, beta: 0.1, rngSeed: 1 })).toThrow(/k must be an even integer/);
    expect(() => smallWorld({ n: 10, k: 10, beta: 0.1, rngSeed: 1 })).toThrow(/k must be/);
    expect(() => smallWorld({ n: 10, k: 4, beta: 1.5, rngSeed: 1 })).toThrow(/beta must be in \[0, 1\]/);
    expect(() => smallWorld({ n: 2, k: 2, beta: 0, rngSeed: 1 })).toThrow(/n must be/);
  });

  it('the bundled classroom graph is the generator output, and loads on a circle', async () => {
    const text = smallWorldJson(CLASSROOM, CLASSROOM_NAME);
    if (process.env.RIPPLE_WRITE_DATASETS === '1') writeFileSync(CLASSROOM_FILE, text);
    expect(readFileSync(CLASSROOM_FILE, 'utf8')).toBe(text);
    const g = await readGraphFile(CLASSROOM_FILE, {});
    expect(g.csr.n).toBe(100);
    expect(g.report.edges).toBe(200);
    expect(g.csr.directed).toBe(false);
    const positions = g.positions;
    if (!positions) throw new Error('no positions');
    for (let i = 0; i < 100; i++) {
      expect(Math.hypot(positions[2 * i], positions[2 * i + 1])).toBeCloseTo(100, 2);
    }
  });
});
