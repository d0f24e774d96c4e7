/**
 * topK (the leaders table's top K, the first seed, the accounts a cut drawing keeps) against a full
 * sort: best first, ties to the lower index, NaN scores never chosen, k beyond n or below 1.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/util/rng.ts';
import { topK } from '../../src/util/top-k.ts';

const bySort = (scores: ArrayLike<number>, k: number) =>
  Array.from({ length: scores.length }, (_, i) => i)
    .filter((i) => !Number.isNaN(scores[i]))
    .sort((a, b) => scores[b] - scores[a] || a - b)
    .slice(0, Math.max(0, k));

describe('topK', () => {
  it('equals a full sort on random scores full of ties, for every k', () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + rng.below(300);
      // Few distinct values: most scores tie.
      const scores = Float64Array.from({ length: n }, () => rng.below(1 + (trial % 7)) / 3);
      for (const k of [0, 1, 2, 5, n >> 1, n - 1, n, n + 3])
        expect(topK(scores, k)).toEqual(bySort(scores, k));
    }
  });

  it('leaves NaN scores out and takes fractional k down', () => {
    const scores = [0.5, Number.NaN, 0.9, 0.5, Number.NaN];
    expect(topK(scores, 10)).toEqual([2, 0, 3]);
    expect(topK(scores, 2.9)).toEqual([2, 0]);
    expect(topK(scores, -1)).toEqual([]);
  });
});
