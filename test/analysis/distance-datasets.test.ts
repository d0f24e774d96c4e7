/**
 * Six degrees on the bundled datasets against published truths: SNAP's figures for ego-Facebook
 * and wiki-Vote (../shared/datasets/README.md: average clustering, triangles, diameter, 90%
 * effective diameter, largest weak and strong components; SNAP states them on the undirected
 * simple graph, rounded, and the effective diameter from sampled sources, so we also check the
 * exact all-sources value NetworkX gives, 4.76 and 3.78), and HyperANF against the exact hop plot
 * within its stated error.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeDistances } from '../../src/analysis/distance/analyze.ts';
import { hyperAnf } from '../../src/analysis/distance/hyperanf.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import type { Direction } from '../../src/graph/types.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const load = async (file: string, direction: Direction) =>
  (await readGraphFile(join(ROOT, 'datasets', file), { direction })).csr;

describe('ego-Facebook: SNAP published figures', () => {
  it('4039 nodes, 88234 edges, clustering 0.6055, 1612010 triangles, diameter 8, effective diameter 4.7', async () => {
    const csr = await load('facebook_combined.txt', 'undirected');
    expect(csr.n).toBe(4039);
    expect(csr.arcs).toBe(2 * 88234);
    const d = await analyzeDistances(csr, { mode: 'exact' });
    expect(d.approximate).toBe(false);
    expect(d.components).toEqual({ weak: 1, largestWeak: 4039, strong: 1, largestStrong: 4039 });
    expect(d.avgClustering).toBeCloseTo(0.6055, 4);
    expect(d.triangles).toBe(1612010);
    expect(d.diameter).toBe(8);
    // SNAP prints 4.7 (sampled sources); all sources give 4.757 (NetworkX: 4.76).
    expect(Math.abs((d.effectiveDiameter ?? 0) - 4.7)).toBeLessThan(0.1);
    expect(d.effectiveDiameter).toBeCloseTo(4.76, 2);
    // Every ordered pair is connected, and the 2 * 88234 pairs at distance 1 are the edges.
    expect(d.hopPlot?.[0]).toBe(4039);
    expect(d.hopPlot?.[1]).toBe(4039 + 2 * 88234);
    expect(d.hopPlot?.at(-1)).toBe(4039 * 4039);
    // NetworkX average_shortest_path_length of ego-Facebook: 3.6925
    expect(d.avgDistance).toBeCloseTo(3.6925, 4);
  });
});

describe('wiki-Vote: SNAP published figures', () => {
  it('directed: largest WCC 7066, largest SCC 1300, clustering 0.1409, 608389 triangles', async () => {
    const csr = await load('Wiki-Vote.txt', 'follows');
    const d = await analyzeDistances(csr, { mode: 'exact' });
    expect(d.components?.largestWeak).toBe(7066);
    expect(d.components?.largestStrong).toBe(1300);
    expect(d.avgClustering).toBeCloseTo(0.1409, 4);
    expect(d.triangles).toBe(608389);
    expect(d.distanceNodes).toBe(7066);
  });

  it('read undirected (as SNAP measures distances): diameter 7, effective diameter 3.8', async () => {
    const csr = await load('Wiki-Vote.txt', 'undirected');
    const d = await analyzeDistances(csr, { mode: 'exact' });
    expect(d.diameter).toBe(7);
    expect(Math.abs((d.effectiveDiameter ?? 0) - 3.8)).toBeLessThan(0.05);
    expect(d.effectiveDiameter).toBeCloseTo(3.78, 2);
    expect(d.hopPlot?.at(-1)).toBe(7066 * 7066);
  });
});

describe('HyperANF against the exact hop plot', () => {
  it('email-Eu-core: errors over independent hash seeds have the stated spread 1.04/sqrt(m)', async () => {
    const csr = await load('email-Eu-core.txt', 'influences');
    const exact = await analyzeDistances(csr, { mode: 'exact' });
    const truth = exact.hopPlot as number[];
    const registers = 128;
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const squares = new Array(truth.length).fill(0);
    for (const seed of seeds) {
      const d = await analyzeDistances(csr, { mode: 'approx', registers, seed });
      expect(d.approximate).toBe(true);
      expect(d.hyperAnfRegisters).toBe(registers);
      const sigma = d.relativeError as number;
      expect(sigma).toBeCloseTo(1.04 / Math.sqrt(registers), 12);
      const plot = d.hopPlot as number[];
      // Pairs within 0 and 1 hops are counted, not estimated.
      expect(plot.slice(0, 2)).toEqual(truth.slice(0, 2));
      for (let h = 2; h < truth.length; h++) {
        const error = (plot[Math.min(h, plot.length - 1)] - truth[h]) / truth[h];
        // Each estimate within 4 standard deviations...
        expect(Math.abs(error)).toBeLessThan(4 * sigma);
        squares[h] += error * error;
      }
      expect(Math.abs((d.effectiveDiameter as number) - (exact.effectiveDiameter as number))).toBeLessThan(
        0.5,
      );
    }
    // ...and the root-mean-square error over the seeds no larger than the stated deviation
    // (with 8 seeds the RMS of a normal error of spread sigma exceeds 1.75 sigma with probability 0.2%).
    for (let h = 2; h < truth.length; h++)
      expect(Math.sqrt(squares[h] / seeds.length)).toBeLessThan(1.75 * (1.04 / Math.sqrt(registers)));
  });

  it('wiki-Vote, default registers: hop plot, effective diameter and average distance close to exact', async () => {
    const csr = await load('Wiki-Vote.txt', 'follows');
    const exact = await analyzeDistances(csr, { mode: 'exact' });
    const approx = await analyzeDistances(csr, { mode: 'approx' });
    const sigma = approx.relativeError as number;
    expect(approx.hyperAnfRegisters).toBe(256);
    const truth = exact.hopPlot as number[];
    const plot = approx.hopPlot as number[];
    for (let h = 1; h < truth.length; h++)
      expect(Math.abs(plot[Math.min(h, plot.length - 1)] / truth[h] - 1)).toBeLessThan(3 * sigma);
    expect(approx.effectiveDiameter).toBeCloseTo(exact.effectiveDiameter as number, 0);
    expect(Math.abs((approx.avgDistance as number) / (exact.avgDistance as number) - 1)).toBeLessThan(
      3 * sigma,
    );
    // HyperANF's last changing round never exceeds the true diameter.
    expect(approx.diameter).toBeLessThanOrEqual(exact.diameter as number);
  });

  it('counts only the sources of the mask', () => {
    // 0->1->2 and 3->4: with sources {3, 4}, pairs (3,3), (4,4), (3,4)
    const csr = {
      n: 5,
      arcs: 3,
      directed: true,
      outOffsets: Uint32Array.from([0, 1, 2, 2, 3, 3]),
      outTargets: Uint32Array.from([1, 2, 4]),
      inOffsets: Uint32Array.from([0, 0, 1, 2, 2, 3]),
      inSources: Uint32Array.from([0, 1, 3]),
      outValues: null,
      inValues: null,
      values: null,
    };
    const r = hyperAnf(csr, { registers: 4096, mask: Uint8Array.from([0, 0, 0, 1, 1]) });
    expect(r.hopPlot[0]).toBe(2);
    expect(r.hopPlot.at(-1)).toBeCloseTo(3, 1);
    expect(r.rounds).toBe(2);
  });
});
