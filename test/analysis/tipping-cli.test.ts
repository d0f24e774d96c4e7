/**
 * `ripple tipping` through the CLI's main() with a real worker pool: one JSON object on stdout,
 * results independent of --workers, errors naming the option with exit code 2.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rippleInProcess } from '../support/cli-in-process.ts';
import { arcsOf } from '../support/graphs.ts';
import { erdosRenyiGnm } from '../support/random-graphs.ts';

const ripple = (...args: string[]) => rippleInProcess('tipping', ...args);

// An Erdős–Rényi graph with z = 4 (p_c = 1/4) as an undirected edge list.
const dir = mkdtempSync(join(tmpdir(), 'ripple-tipping-'));
const graph = join(dir, 'er.txt');
const g = erdosRenyiGnm(1000, 2000, 4);
writeFileSync(
  graph,
  `${arcsOf(g)
    .filter(([u, v]) => u < v)
    .map(([u, v]) => `${u} ${v}`)
    .join('\n')}\n`,
);
// Isolated nodes do not appear in an edge list.
const loadedNodes = new Set(arcsOf(g).flat()).size;
const common = ['--graph', graph, '--direction', 'undirected', '--rng', '5'];

describe('ripple tipping', () => {
  it('sweeps p on worker threads: the same curve on 1 and 2 workers, p_c near 1/z', async () => {
    const run = async (workers: string) => {
      const r = await ripple(
        ...common,
        ...['--vary', 'p', '--from', '0.05', '--to', '0.65', '--steps', '7', '--runs', '400'],
        ...['--workers', workers, '--json'],
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      return JSON.parse(r.stdout);
    };
    const one = await run('1');
    const two = await run('2');
    expect(two.workers).toBe(2);
    for (const key of ['curve', 'critical', 'theory', 'detection', 'pointsEvaluated'])
      expect(two[key]).toEqual(one[key]);
    expect(one.curve[0]).toMatchObject({ x: 0.05, runs: 400 });
    for (const c of one.curve) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['x', 'mean', 'ci95', 'globalFraction']));
      expect(c.ci95[0]).toBeLessThanOrEqual(c.mean);
    }
    expect(one.theory).toBeGreaterThan(0.23);
    expect(one.theory).toBeLessThan(0.27);
    expect(Math.abs(one.critical - 0.25)).toBeLessThan(0.03);
    expect(one).toMatchObject({ vary: 'p', model: 'ic', nodes: loadedNodes, seeds: 'random:1', rng: 5 });
  });

  it('a k sweep by PageRank with a target reports the fewest seeds', async () => {
    const r = await ripple(
      ...common,
      ...['--model', 'ic', '--p', '0.1', '--vary', 'k', '--from', '1', '--to', '40', '--steps', '3'],
      ...['--by', 'pagerank', '--runs', '100', '--target', '0.05', '--workers', '1', '--json'],
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.seeds).toBe('top:pagerank:k');
    const f = out.fewestSeeds;
    const goal = 0.05 * loadedNodes;
    expect(out.nodes).toBe(loadedNodes);
    expect(f.mean).toBeGreaterThanOrEqual(goal);
    expect(f.k).toBeGreaterThan(1);
    expect(f.below.k).toBe(f.k - 1);
    expect(f.below.mean).toBeLessThan(goal);
  });

  const errors: [string[], RegExp][] = [
    [['--from', '0', '--to', '1'], /--vary .* is required/],
    [['--vary', 'q', '--from', '0', '--to', '1'], /--vary: expected one of p, k, phi/],
    [['--vary', 'p', '--to', '1'], /--from A is required/],
    [['--vary', 'p', '--from', '0', '--to', '1', '--p', '0.2'], /--p is swept/],
    [['--vary', 'p', '--from', '0', '--to', '1', '--target', '0.5'], /--target .* needs --vary k/],
    [
      ['--vary', 'k', '--from', '1', '--to', '5', '--by', 'fame'],
      /--by: expected one of degree, pagerank, random/,
    ],
    [['--vary', 'phi', '--from', '0.1', '--to', '0.5'], /vary: phi is the adoption threshold .* not of ic/],
    [['--vary', 'p', '--from', '0.5', '--to', '0.1'], /from < to/],
  ];
  for (const [args, message] of errors) {
    it(`exits 2 with one line for ${args.join(' ')}`, async () => {
      const r = await ripple(...common, ...args, '--json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    });
  }
});
