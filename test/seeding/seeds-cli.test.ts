/**
 * `ripple seeds` as users run it: one JSON object, fresh Monte Carlo spread, methods, the budget
 * curve, independence of --workers, and one-line errors with exit code 2 for bad usage.
 */
import { describe, expect, it } from 'vitest';
import { json, ripple, scratchFiles } from '../support/cli.ts';
import { csrOf } from '../support/graphs.ts';
import { exactSpread } from './exact.ts';

function run(...args: string[]) {
  return ripple('seeds', ...args);
}

function seedsJson(...args: string[]) {
  return json('seeds', ...args);
}

const karate = ['--graph', 'datasets/karate.txt'];

describe('ripple seeds', () => {
  it('IMM on the karate club: the two leaders first, a budget curve, spread from fresh runs', () => {
    const out = seedsJson(
      ...karate,
      '--k',
      '2',
      '--model',
      'ic',
      '--p',
      '0.2',
      '--runs',
      '4000',
      '--workers',
      '2',
    );
    // The instructor (0) and the administrator (33), who lead the two factions, are the best pair:
    // Monte Carlo over all 561 pairs (20000 runs each, checked once) gives 13.06 for {0,33}, then
    // 12.72 for {0,32}, with standard errors near 0.02.
    expect([...out.seeds].sort()).toEqual(['0', '33']);
    expect(out).toMatchObject({ method: 'imm', model: 'ic', k: 2, runs: 4000, nodes: 34 });
    expect(out.budgetCurve.map((p: { k: number }) => p.k)).toEqual([1, 2]);
    expect(out.ci95[0]).toBeLessThan(out.spread);
    expect(out.ci95[1]).toBeGreaterThan(out.spread);
    // Budget curve and fresh Monte Carlo estimate the same quantity.
    const last = out.budgetCurve[1];
    expect(Math.abs(last.spread - out.spread)).toBeLessThan(3 * (last.ci95[1] - last.ci95[0]));
    expect(out.imm.guarantee).toBeCloseTo(1 - 1 / Math.E - 0.1, 12);
  });

  it('gives the same answer whatever --workers', () => {
    const strip = (o: Record<string, unknown>) => {
      const { seconds, evaluationSeconds, workers, ...rest } = o;
      void seconds;
      void evaluationSeconds;
      void workers;
      return rest;
    };
    const args = [...karate, '--k', '3', '--model', 'wc', '--runs', '500'];
    expect(strip(seedsJson(...args, '--workers', '1'))).toEqual(strip(seedsJson(...args, '--workers', '2')));
  });

  it('runs every method', () => {
    for (const method of ['celf', 'degree', 'degree-discount', 'pagerank', 'community', 'random']) {
      const out = seedsJson(
        ...karate,
        '--k',
        '3',
        '--model',
        'lt',
        '--method',
        method,
        '--runs',
        '200',
        '--celf-runs',
        '100',
      );
      expect(out.method).toBe(method);
      expect(new Set(out.seeds).size).toBe(3);
      expect(out.budgetCurve).toBeUndefined();
    }
    expect(seedsJson(...karate, '--k', '2', '--method', 'degree', '--runs', '10').seeds).toEqual(['33', '0']);
  });

  it('rejects bad usage with one line and exit code 2', () => {
    const cases: [string[], RegExp][] = [
      [[...karate], /--k K is required/],
      [[...karate, '--k', '0'], /--k: expected a whole number >= 1, got '0'/],
      [
        [...karate, '--k', '35'],
        /--k: expected a whole number from 1 to 34 \(the number of nodes\), got '35'/,
      ],
      [[...karate, '--k', '2', '--method', 'magic'], /--method: expected one of imm, celf/],
      [[...karate, '--k', '2', '--model', 'sir'], /--model: expected one of ic, wc, lt/],
      [[...karate, '--k', '2', '--model', 'wc', '--p', '0.3'], /--p: applies to --model ic only/],
      [[...karate, '--k', '2', '--epsilon', '0'], /--epsilon: expected a number between 0 and 1/],
      [[...karate, '--k', '2', '--runs', '0'], /--runs: expected a whole number from 1 to 1000000000/],
      [[...karate, '--k', '2', '--p', '2'], /p: expected a probability between 0 and 1/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('ripple rank --metric influence', () => {
  it('ranks by expected spread as a lone seed, matching exact spreads within their intervals', () => {
    const pairs: [number, number][] = [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
      [3, 4],
      [4, 0],
      [5, 6],
      [6, 4],
      [1, 5],
    ];
    const path = scratchFiles('ripple-seeds-')('tiny.txt', pairs.map(([a, b]) => `${a} ${b}`).join('\n'));
    const r = ripple(
      'rank',
      '--graph',
      path,
      '--direction',
      'influences',
      '--metric',
      'influence',
      '--model',
      'wc',
      '--sets',
      '100000',
      '--top',
      '7',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ metric: 'influence', model: 'wc', sets: 100000, approximate: true });
    const csr = csrOf(7, pairs);
    const scores = out.top.map((l: { score: number }) => l.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    for (const leader of out.top as { id: string; score: number; ci95: [number, number] }[]) {
      const exact = exactSpread(csr, { model: 'wc' }, [Number(leader.id)]);
      const half = (leader.ci95[1] - leader.ci95[0]) / 2;
      expect(Math.abs(leader.score - exact), `node ${leader.id}`).toBeLessThanOrEqual(2.1 * half + 1e-9);
    }
    const bad = ripple(
      'rank',
      '--graph',
      path,
      '--direction',
      'influences',
      '--metric',
      'degree',
      '--model',
      'wc',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/apply to --metric influence only/);
  });
});
