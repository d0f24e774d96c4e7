/**
 * The weak-tie experiment on a planted partition (Onnela et al. 2007): 8 dense circles of 12
 * accounts, joined in a ring by 2 links between neighbouring circles. Removing the weakest ties
 * first cuts the links between circles, and the largest component collapses to about one circle
 * (1/8 of the graph); removing the strongest first thins the circles but keeps them joined.
 * Margin: at a tenth of the ties removed, weak-first leaves at most 0.2 of the nodes in the
 * largest component, strong-first at least 0.95; and the mean reach of a cascade differs with
 * non-overlapping 95% intervals.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/diffusion/simulator.ts';
import { summarize } from '../../src/diffusion/summary.ts';
import type { Csr } from '../../src/graph/types.ts';
import { largestComponent, removalExperiment, tiesByStrength, withoutTies } from '../../src/ties/removal.ts';
import { csrOf, lcgDraw } from '../support/graphs.ts';
import { params, seedsAt } from '../support/simulate.ts';

const CIRCLES = 8;
const SIZE = 12;

function plantedPartition(): { csr: Csr; between: number } {
  const draw = lcgDraw(2024);
  const pairs: [number, number][] = [];
  for (let c = 0; c < CIRCLES; c++)
    for (let i = 0; i < SIZE; i++)
      for (let j = i + 1; j < SIZE; j++) if (draw(100) < 70) pairs.push([c * SIZE + i, c * SIZE + j]);
  let between = 0;
  for (let c = 0; c < CIRCLES; c++) {
    const next = (c + 1) % CIRCLES;
    for (let l = 0; l < 2; l++) {
      pairs.push([c * SIZE + draw(SIZE), next * SIZE + draw(SIZE)]);
      between++;
    }
  }
  return { csr: csrOf(CIRCLES * SIZE, pairs, 'undirected'), between };
}

async function localReach(reduced: Csr): Promise<{ mean: number; ci95: [number, number] }> {
  const shard = createSimulator(reduced, params({ model: 'ic', p: 0.5 })).runShard({
    seeds: seedsAt(0),
    rngSeed: 3,
    firstRun: 0,
    runCount: 400,
    traceRun: null,
  });
  const s = summarize(shard);
  return { mean: s.mean, ci95: s.ci95 };
}

describe('removal experiment on a planted partition', () => {
  const { csr, between } = plantedPartition();
  const by = { kind: 'embeddedness', min: 0.3 } as const;

  it('orders the links between circles first among the weakest ties', () => {
    const ties = tiesByStrength(csr, by, 1);
    const isBetween = (t: { u: number; v: number }) => Math.floor(t.u / SIZE) !== Math.floor(t.v / SIZE);
    expect(ties.slice(0, between).every(isBetween)).toBe(true);
    expect(largestComponent(csr.n, ties, 0)).toBe(csr.n);
    expect(largestComponent(csr.n, ties, between)).toBeLessThanOrEqual(SIZE);
    expect(withoutTies(csr, ties.slice(0, between)).arcs).toBe(csr.arcs - 2 * between);
  });

  it('the component collapses weakest first and holds strongest first', async () => {
    const r = await removalExperiment(csr, by, { steps: 10, rngSeed: 1, reach: localReach });
    expect(r.weakFirst.map((p) => p.share)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(r.weakFirst[0].largestComponent).toBe(1);
    const weak = r.weakFirst[1];
    const strong = r.strongFirst[1];
    expect(between / r.ties).toBeLessThan(0.1);
    expect(weak.largestComponent).toBeLessThanOrEqual(0.2);
    expect(strong.largestComponent).toBeGreaterThanOrEqual(0.95);
    expect((weak.reach as { ci95: number[] }).ci95[1]).toBeLessThan(
      (strong.reach as { ci95: number[] }).ci95[0],
    );
    // Weakest first stays below strongest first up to half the ties removed.
    for (let i = 1; i <= 5; i++)
      expect(r.strongFirst[i].largestComponent - r.weakFirst[i].largestComponent).toBeGreaterThanOrEqual(0.5);
  });
});
