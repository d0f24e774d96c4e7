/**
 * The app's tie jobs (src/ties/jobs.ts) give `ripple ties`'s numbers: tieKinds counts what the
 * summary counts, arc by arc; removalPoint gives, point by point, the removal experiment that
 * `ripple ties --removal --json` prints for the same options (same seeds, runs, p and rng).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runJobLocal } from '../../src/engine/jobs.ts';
import { loadGraph } from '../../src/graph/load.ts';
import { parseStrongBy, type StrongBy } from '../../src/graph/ties.ts';
import { KIND_BETWEEN, KIND_SPLITTING, KIND_STRONG } from '../../src/ties/jobs.ts';
import { summarizeTies } from '../../src/ties/summary.ts';
import '../../src/all-jobs.ts';
import { jsonInProcess } from '../support/cli-in-process.ts';

const EMAIL = 'datasets/email-Eu-core.txt';

async function email() {
  return loadGraph(new Uint8Array(readFileSync(EMAIL)), { file: EMAIL, direction: 'influences' });
}

describe('tie jobs', () => {
  it.each(['mutual', 'embeddedness:0.1'])('tieKinds counts what ripple ties counts (%s)', async (rule) => {
    const { csr } = await email();
    const out = runJobLocal(csr, 'tieKinds', { strongBy: rule, rngSeed: 1, resolution: 1 });
    const summary = summarizeTies(csr, parseStrongBy(rule) as StrongBy, rule, { rngSeed: 1, resolution: 1 });
    const bits = (b: number) => out.kinds.reduce((sum, k) => sum + (k & b ? 1 : 0), 0);
    expect(out.strong).toBe(summary.strong);
    expect(bits(KIND_STRONG)).toBe(summary.strong);
    expect(out.weak).toBe(summary.weak);
    expect(out.mutualPairs).toBe(summary.mutualPairs);
    expect(bits(KIND_BETWEEN)).toBe(summary.bridges.betweenCommunities);
    expect(bits(KIND_SPLITTING)).toBe(summary.bridges.splitting);
    expect(out.communities).toBe(summary.bridges.communities);
    expect(out.note).toBeNull();
  });

  it('notes a graph with no reciprocated arc, and an undirected one', async () => {
    const oneWay = await loadGraph(new TextEncoder().encode('a b\nb c\n'), {
      file: 'one-way.txt',
      direction: 'influences',
    });
    const input = { strongBy: 'mutual', rngSeed: 1, resolution: 1 };
    expect(runJobLocal(oneWay.csr, 'tieKinds', input).note).toBe('noMutual');
    const both = await loadGraph(new TextEncoder().encode('a b\nb c\n'), {
      file: 'two-way.txt',
      direction: 'undirected',
    });
    expect(runJobLocal(both.csr, 'tieKinds', input).note).toBe('undirected');
  });

  it('removalPoint gives the points of ripple ties --removal', async () => {
    const { csr, ids } = await email();
    const cli = await jsonInProcess(
      ...['ties', '--graph', EMAIL, '--direction', 'influences', '--removal', '--removal-steps', '3'],
      ...['--p', '0.05', '--runs', '40', '--seeds', `${ids[0]},${ids[5]}`, '--rng', '3'],
    );
    const cache = new Map<string, unknown>();
    for (const order of ['weakFirst', 'strongFirst'] as const)
      for (let index = 0; index < 3; index++) {
        const point = runJobLocal(
          csr,
          'removalPoint',
          {
            strongBy: 'mutual',
            rngSeed: 3,
            order,
            index,
            steps: 3,
            reach: {
              params: { model: 'ic', p: 0.05, gamma: 0.2, phi: 0.18, maxSteps: null },
              seeds: { kind: 'groups', groups: [{ nodes: [0, 5], start: 0 }] },
              runs: 40,
            },
          },
          cache,
        );
        expect(point.point).toEqual(cli.removal[order][index]);
        expect(point.ties).toBe(cli.removal.ties);
      }
  });
});
