/**
 * The exact IC fit: it equals an independent maximisation of the same likelihood (written from
 * the definition in generate.ts, maximised by golden section) to 1e-6; it is the same with and
 * without the parent column; its 95% interval covers the true p in about 95% of repetitions; the
 * boundary cases (no success, no failure, no attempt) and the tally on a hand-checked cascade.
 */
import { describe, expect, it } from 'vitest';
import { tallyAttempts } from '../../src/calibration/attempts.ts';
import { parseCascadeLog } from '../../src/calibration/cascade-log.ts';
import { fitIc, icCounts, icLogLikelihood, NoInformationError } from '../../src/calibration/fit-ic.ts';
import { csrOf } from '../support/graphs.ts';
import { erdosRenyiGnp } from '../support/random-graphs.ts';
import { params } from '../support/simulate.ts';
import { generateCascades, goldenMax, indexIds, naiveLogLikelihood, toCsv, toJsonLines } from './generate.ts';

const fitText = (csr: ReturnType<typeof csrOf>, text: string) =>
  fitIc(icCounts(tallyAttempts(csr, parseCascadeLog(text, 'log.csv', indexIds(csr.n), csr).cascades)));

describe('attempt tally', () => {
  it('counts a hand-checked cascade: same-step attempts on adopters are not failures', () => {
    // 0 -> 1, 0 -> 2, 1 -> 2, 1 -> 3, 2 -> 3, 3 -> 4; cascade 0@0, 1@1, 2@1, 3@2.
    const csr = csrOf(5, [
      [0, 1],
      [0, 2],
      [1, 2],
      [1, 3],
      [2, 3],
      [3, 4],
    ]);
    const log = parseCascadeLog('cascade,account,step\nx,0,0\nx,1,1\nx,2,1\nx,3,2\n', 'l', indexIds(5), csr);
    const t = tallyAttempts(csr, log.cascades);
    // Step 0: 0 tries 1 and 2, both adopt (events a=1, a=1). Step 1: 1 -> 2 skipped (2 adopted at
    // 1), 1 -> 3 and 2 -> 3: 3 adopts at 2 (event a=2). Step 2: 3 -> 4 fails.
    expect([...t.attempters]).toEqual([1, 2]);
    expect([...t.events]).toEqual([2, 1]);
    expect(t.failures).toBe(1);
    expect(t.attempts).toBe(5);
    expect(t.firstAdopters).toBe(1);
    expect(t.explained).toBe(3);
    expect(t.unexplained).toBe(0);
    // Weighted cascade: p = 1/indegree: 1 (in 1), 2 (in 2), 3 (in 2), 4 (in 1).
    const wc = Math.log(1) + Math.log(1 / 2) + Math.log(1 - (1 / 2) ** 2) + Math.log(1 - 1);
    expect(t.wcLogLikelihood).toBe(wc); // -Infinity: 3 -> 4 cannot fail under WC
    // Linear threshold: 1 gets weight 1, 2 gets 1/2 at step 0, 3 gets 1 at step 1; 4 never adopts
    // with all its weight (1) active: impossible.
    expect(t.ltLogLikelihood).toBe(Number.NEGATIVE_INFINITY);
  });

  it('counts an adopter no one reached as unexplained (an outside start)', () => {
    const csr = csrOf(3, [[0, 1]]);
    const t = tallyAttempts(
      csr,
      parseCascadeLog('cascade,account,step\nx,0,0\nx,2,1\n', 'l', indexIds(3), csr).cascades,
    );
    expect(t.unexplained).toBe(1);
    expect(t.failures).toBe(1);
  });
});

describe('IC maximum likelihood', () => {
  const csr = erdosRenyiGnp(300, 0.02, 7, true);
  const truth = 0.15;
  const cascades = generateCascades(csr, params({ model: 'ic', p: truth }), 60, 11, 2);

  it('equals an independent exact maximisation of the same likelihood to 1e-6', () => {
    const fit = fitText(csr, toCsv(cascades, false));
    const independent = goldenMax(naiveLogLikelihood(csr, cascades), 1e-9, 1 - 1e-9);
    expect(Math.abs(fit.estimate - independent)).toBeLessThan(1e-6);
    expect(fit.logLikelihood).toBeCloseTo(naiveLogLikelihood(csr, cascades)(fit.estimate), 6);
    expect(fit.estimate).toBeGreaterThan(0.05);
  });

  it('is the same with and without the parent column, and from JSON lines', () => {
    const without = fitText(csr, toCsv(cascades, false));
    const withParents = fitText(csr, toCsv(cascades, true));
    const jsonl = fitText(csr, toJsonLines(cascades));
    expect(withParents.estimate).toBe(without.estimate);
    expect(withParents.ci95).toEqual(without.ci95);
    expect(jsonl.estimate).toBe(without.estimate);
  });

  it('covers the true p with its 95% interval in about 95% of repetitions', () => {
    const graph = erdosRenyiGnp(200, 0.025, 3, true);
    let covered = 0;
    const repetitions = 100;
    for (let r = 0; r < repetitions; r++) {
      const gen = generateCascades(graph, params({ model: 'ic', p: 0.12 }), 30, 1000 + r, 1);
      const fit = fitText(graph, toCsv(gen, false));
      if (fit.ci95[0] <= 0.12 && 0.12 <= fit.ci95[1]) covered++;
    }
    // Binomial(100, 0.95): 88..100 holds with probability > 0.999.
    expect(covered).toBeGreaterThanOrEqual(88);
    expect(covered).toBeLessThanOrEqual(100);
  });

  it('maximises the likelihood: nearby p are worse, the score is zero', () => {
    const fit = fitText(csr, toCsv(cascades, false));
    const c = icCounts(
      tallyAttempts(csr, parseCascadeLog(toCsv(cascades, false), 'l', indexIds(csr.n), csr).cascades),
    );
    for (const d of [1e-4, -1e-4, 1e-2, -1e-2])
      expect(icLogLikelihood(c, fit.estimate + d)).toBeLessThan(fit.logLikelihood);
    expect(fit.ci95Method).toBe('wald');
    expect(fit.ci95[0]).toBeLessThan(fit.estimate);
    expect(fit.ci95[1]).toBeGreaterThan(fit.estimate);
  });

  it('uses the profile likelihood at the boundary', () => {
    const none = fitIc({ attempters: [], events: [], failures: 50 });
    expect(none.estimate).toBe(0);
    expect(none.ci95Method).toBe('profile');
    // L(p) = 50 log(1-p) >= -1.92: p <= 1 - exp(-1.92/50).
    expect(none.ci95[0]).toBe(0);
    expect(none.ci95[1]).toBeCloseTo(1 - Math.exp(-(1.959963984540054 ** 2) / 2 / 50), 9);
    const all = fitIc({ attempters: [1], events: [20], failures: 0 });
    expect(all.estimate).toBe(1);
    expect(all.ci95[1]).toBe(1);
    // L(p) = 20 log p >= -1.92.
    expect(all.ci95[0]).toBeCloseTo(Math.exp(-(1.959963984540054 ** 2) / 2 / 20), 9);
    const near = fitIc({ attempters: [1], events: [1], failures: 400 });
    expect(near.ci95Method).toBe('profile');
    expect(near.ci95[0]).toBeGreaterThan(0);
  });

  it('refuses a log with no attempts, saying why', () => {
    expect(() => fitIc({ attempters: [], events: [], failures: 0 })).toThrow(NoInformationError);
    expect(() => fitIc({ attempters: [], events: [], failures: 0 })).toThrow(/no information about p/);
  });
});
