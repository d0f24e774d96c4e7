/**
 * The per-community fit: it recovers two planted probabilities on a two-community graph (Louvain
 * finds the communities); with one community it is the global fit; it maximises the joint
 * likelihood (no coordinate move improves it); and its building block, the inverse of the
 * information matrix, is checked on a known matrix.
 */
import { describe, expect, it } from 'vitest';
import { louvainCommunities } from '../../src/analysis/communities.ts';
import { mergeTallies, tallyAttempts } from '../../src/calibration/attempts.ts';
import { splitCascades } from '../../src/calibration/calibrate.ts';
import { parseCascadeLog } from '../../src/calibration/cascade-log.ts';
import {
  fitCommunities,
  inverseDiagonal,
  jointLogLikelihood,
} from '../../src/calibration/fit-communities.ts';
import { fitIc, icCounts } from '../../src/calibration/fit-ic.ts';
import type { Csr } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';
import { csrOf } from '../support/graphs.ts';
import { erdosRenyiGnp } from '../support/random-graphs.ts';
import { params } from '../support/simulate.ts';
import { generateCascades, indexIds, toCsv } from './generate.ts';

/** Two dense blocks of `half` nodes with few arcs between; arcs from block b carry p[b]. */
function twoBlocks(
  half: number,
  planted: [number, number],
  seed: number,
): { csr: Csr; block: (v: number) => number } {
  const rng = new Rng(seed, 77);
  const pairs: [number, number][] = [];
  const values: number[] = [];
  const block = (v: number) => (v < half ? 0 : 1);
  for (let u = 0; u < 2 * half; u++)
    for (let v = 0; v < 2 * half; v++) {
      if (u === v) continue;
      const inside = block(u) === block(v);
      if (rng.float() < (inside ? 0.1 : 0.002)) {
        pairs.push([u, v]);
        values.push(planted[block(u)]);
      }
    }
  return { csr: csrOf(2 * half, pairs, 'influences', values), block };
}

describe('per-community fit', () => {
  it('recovers two planted probabilities on a two-community graph', () => {
    const planted: [number, number] = [0.04, 0.12];
    const { csr, block } = twoBlocks(120, planted, 5);
    const cascades = generateCascades(csr, params({ model: 'ic', p: null }), 400, 21, 1);
    const log = parseCascadeLog(toCsv(cascades, true), 'l', indexIds(csr.n), csr);
    const louvain = louvainCommunities(csr, { rngSeed: 1 });
    const tally = tallyAttempts(csr, log.cascades, { labels: louvain.community, count: louvain.count });
    const fit = fitCommunities(tally.byCommunity as NonNullable<typeof tally.byCommunity>);
    expect(fit.converged).toBe(true);
    // Every community lies (almost) inside one block; its p is that block's, within its interval.
    let checked = 0;
    for (const c of fit.communities) {
      if (c.estimate === null || c.attempts < 200) continue;
      const members = [...louvain.community.keys()].filter((v) => louvain.community[v] === c.community);
      const inB = members.filter((v) => block(v) === 1).length;
      const truth = planted[inB * 2 > members.length ? 1 : 0];
      expect(c.ci95?.[0]).toBeLessThanOrEqual(truth);
      expect(c.ci95?.[1]).toBeGreaterThanOrEqual(truth);
      expect(Math.abs((c.estimate as number) - truth)).toBeLessThan(0.35 * truth);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
    // The global p lies between the two.
    const global = fitIc(icCounts(tally)).estimate;
    expect(global).toBeGreaterThan(planted[0]);
    expect(global).toBeLessThan(planted[1]);
  });

  it('with one community is the global fit', () => {
    const csr = erdosRenyiGnp(200, 0.03, 9, true);
    const cascades = generateCascades(csr, params({ model: 'ic', p: 0.1 }), 80, 4, 1);
    const log = parseCascadeLog(toCsv(cascades, false), 'l', indexIds(csr.n), csr);
    const tally = tallyAttempts(csr, log.cascades, { labels: new Uint32Array(csr.n), count: 1 });
    const one = fitCommunities(tally.byCommunity as NonNullable<typeof tally.byCommunity>);
    const global = fitIc(icCounts(tally));
    expect(one.communities[0].estimate).toBeCloseTo(global.estimate, 9);
    expect(one.logLikelihood).toBeCloseTo(global.logLikelihood, 6);
    expect(one.communities[0].ci95?.[0]).toBeCloseTo(global.ci95[0], 6);
  });

  it('maximises the joint likelihood: no single community p moves up', () => {
    const csr = erdosRenyiGnp(200, 0.03, 9, true);
    const cascades = generateCascades(csr, params({ model: 'ic', p: 0.1 }), 80, 4, 1);
    const log = parseCascadeLog(toCsv(cascades, false), 'l', indexIds(csr.n), csr);
    const labels = Uint32Array.from({ length: csr.n }, (_, v) => v % 3);
    const tally = tallyAttempts(csr, log.cascades, { labels, count: 3 });
    const by = tally.byCommunity as NonNullable<typeof tally.byCommunity>;
    const fit = fitCommunities(by);
    const q = Float64Array.from(fit.communities, (c) => -Math.log1p(-(c.estimate as number)));
    expect(jointLogLikelihood(by, q)).toBeCloseTo(fit.logLikelihood, 9);
    for (let c = 0; c < 3; c++)
      for (const d of [1e-3, -1e-3]) {
        const moved = Float64Array.from(q);
        moved[c] += d;
        expect(jointLogLikelihood(by, moved)).toBeLessThan(fit.logLikelihood);
      }
    // Attempts from the three thirds add up to all attempts.
    expect(by.attempts.reduce((a, b) => a + b, 0)).toBe(tally.attempts);
  });

  it('gives no estimate to a community with no attempts, and p = 1 to one that never fails', () => {
    const csr = csrOf(4, [
      [0, 1],
      [2, 3],
    ]);
    const log = parseCascadeLog('cascade,account,step\nx,0,0\nx,1,1\ny,2,0\n', 'l', indexIds(4), csr);
    const tally = tallyAttempts(csr, log.cascades, { labels: Uint32Array.from([0, 1, 2, 2]), count: 3 });
    const fit = fitCommunities(tally.byCommunity as NonNullable<typeof tally.byCommunity>);
    expect(fit.communities.map((c) => c.estimate)).toEqual([1, null, 0]);
    expect(fit.communities[0].ci95?.[1]).toBe(1);
    expect(fit.communities[2].ci95?.[0]).toBe(0);
  });

  it('tallies a log split into parts (as the workers do) exactly as in one piece', () => {
    const csr = erdosRenyiGnp(200, 0.03, 9, true);
    const cascades = generateCascades(csr, params({ model: 'ic', p: 0.1 }), 80, 4, 1);
    const log = parseCascadeLog(toCsv(cascades, false), 'l', indexIds(csr.n), csr);
    const community = { labels: Uint32Array.from({ length: csr.n }, (_, v) => v % 4), count: 4 };
    const whole = tallyAttempts(csr, log.cascades, community);
    const parts = splitCascades(log.cascades, 30);
    expect(parts.length).toBeGreaterThan(3);
    const merged = mergeTallies(
      parts.map((p) =>
        tallyAttempts(
          csr,
          Array.from({ length: p.offsets.length - 1 }, (_, i) => ({
            nodes: p.nodes.subarray(p.offsets[i], p.offsets[i + 1]),
            steps: p.steps.subarray(p.offsets[i], p.offsets[i + 1]),
          })),
          community,
        ),
      ),
    );
    for (const key of [
      'cascades',
      'attempts',
      'failures',
      'firstAdopters',
      'explained',
      'unexplained',
    ] as const)
      expect(merged[key]).toBe(whole[key]);
    expect([...merged.attempters]).toEqual([...whole.attempters]);
    expect([...merged.events]).toEqual([...whole.events]);
    expect(merged.ltLogLikelihood).toBeCloseTo(whole.ltLogLikelihood, 8);
    const a = fitCommunities(merged.byCommunity as NonNullable<typeof merged.byCommunity>);
    const b = fitCommunities(whole.byCommunity as NonNullable<typeof whole.byCommunity>);
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 8);
    a.communities.forEach((c, i) => {
      expect(c.estimate).toBeCloseTo(b.communities[i].estimate as number, 9);
    });
  });

  it('inverts an information matrix (the diagonal of its inverse)', () => {
    // [[4, 2], [2, 3]]^-1 = [[3, -2], [-2, 4]] / 8.
    const d = inverseDiagonal(Float64Array.from([4, 2, 2, 3]), 2) as number[];
    expect(d[0]).toBeCloseTo(3 / 8, 12);
    expect(d[1]).toBeCloseTo(4 / 8, 12);
    expect(inverseDiagonal(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
  });
});
