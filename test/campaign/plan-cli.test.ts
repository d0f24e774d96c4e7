/**
 * `ripple plan` as users run it: the JSON contract of the issue (same rng, same output), the
 * three ways of giving costs, and bad input: one line naming the file, the line and the problem,
 * exit code 1 for bad files and 2 for bad usage.
 */
import { describe, expect, it } from 'vitest';
import { ripple, scratchFiles } from '../support/cli.ts';
import { jsonInProcess, rippleInProcess } from '../support/cli-in-process.ts';

const plan = (...args: string[]) => rippleInProcess('plan', ...args);
const planJson = (...args: string[]) => jsonInProcess('plan', ...args);

const file = scratchFiles('ripple-plan-');
const karate = ['--graph', 'datasets/karate.txt'];
const formula = ['--cost-flat', '2', '--cost-per-follower', '1'];

describe('ripple plan', () => {
  it('prints the contract and more, and the same output for the same rng', async () => {
    const args = [
      ...karate,
      '--budget',
      '30',
      ...formula,
      '--model',
      'ic',
      '--p',
      '0.1',
      '--runs',
      '1000',
      '--rng',
      '5',
    ];
    const out = await planJson(...args, '--conversion', '0.05', '--value', '40', '--cpm', '10');
    for (const key of ['reach', 'exposure', 'impressions', 'conversions']) {
      expect(out[key].mean).toBeGreaterThan(0);
      expect(out[key].ci95[0]).toBeLessThanOrEqual(out[key].mean);
      expect(out[key].ci95[1]).toBeGreaterThanOrEqual(out[key].mean);
    }
    expect(out.cost).toBeLessThanOrEqual(30);
    expect(out.budget).toBe(30);
    expect(out.seeds.length).toBeGreaterThan(0);
    // Reach counts the seeds; exposure includes every reached account; conversions = rate x reach.
    expect(out.reach.mean).toBeGreaterThanOrEqual(out.seeds.length);
    expect(out.exposure.mean).toBeGreaterThanOrEqual(out.reach.mean);
    expect(out.conversions.mean).toBeCloseTo(0.05 * out.reach.mean, 6);
    expect(out.costPerReach).toBeCloseTo(out.cost / out.reach.mean, 4);
    expect(out.costPerConversion).toBeCloseTo(out.cost / out.conversions.mean, 3);
    expect(out.roi).toBeCloseTo((40 * out.conversions.mean - out.cost) / out.cost, 4);
    expect(out.adEquivalent).toBeCloseTo((out.impressions.mean * 10) / 1000, 4);
    expect(out.strategies.map((s: { name: string }) => s.name)).toEqual([
      'optimised',
      'optimised-staggered',
      'biggest',
      'small',
      'community',
    ]);
    for (const s of out.strategies) {
      expect(s.cost).toBeLessThanOrEqual(30);
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['name', 'seeds', 'cost', 'reach']));
    }
    expect(out.strategies[1].starts).toEqual(out.seeds.map((_: string, i: number) => i));
    expect(out.picks.map((p: { id: string }) => p.id)).toEqual(out.seeds);
    expect(out.guarantee.ratio).toBeGreaterThan(0.2);
    expect(out.guarantee.text).toMatch(/^expected reach at least \d/);
    expect(out.budgetCurve.budgets).toHaveLength(8);
    const again = await planJson(
      ...args,
      '--conversion',
      '0.05',
      '--value',
      '40',
      '--cpm',
      '10',
      '--workers',
      '1',
    );
    expect({ ...again, seconds: 0, workers: 0 }).toEqual({ ...out, seconds: 0, workers: 0 });
  });

  it('takes costs from a table (with a default) and from a node attribute', async () => {
    const table = file('prices.csv', 'id,cost\n0,20\n33,20\n1,3\n');
    const byTable = await planJson(
      ...karate,
      '--budget',
      '25',
      '--costs',
      table,
      '--default-cost',
      '5',
      '--runs',
      '200',
    );
    expect(byTable.costs).toEqual({ source: 'table', matched: 3, accounts: 34 });
    const json = file(
      'g.json',
      JSON.stringify({
        nodes: [
          { key: 'a', attributes: { price: 4 } },
          { key: 'b', attributes: { price: 1 } },
          { key: 'c', attributes: { price: 1 } },
        ],
        edges: [
          { source: 'a', target: 'b' },
          { source: 'a', target: 'c' },
        ],
      }),
    );
    const byColumn = await planJson(
      '--graph',
      json,
      '--direction',
      'influences',
      '--budget',
      '4',
      '--cost-column',
      'price',
      '--p',
      '1',
      '--runs',
      '100',
    );
    expect(byColumn.seeds).toEqual(['a']);
    expect(byColumn.reach.mean).toBe(3);
  });

  it('bad costs files: one line naming the file, the line and the problem (exit 1)', async () => {
    const cases: [string, string][] = [
      ['id,cost\n0,1\nnobody,2\n', ":3: account 'nobody' is not in the graph"],
      ['id,cost\n0,-4\n', ':2: the cost -4 is negative; costs are >= 0 (0 = a free seed)'],
      ['id,cost\n0,cheap\n', ":2: the cost 'cheap' is not a number"],
      ['id,cost\n0,1\n0,2\n', ":3: account '0' is listed twice (first on line 2)"],
    ];
    for (const [text, message] of cases) {
      const path = file('bad.csv', text);
      const r = await plan(...karate, '--budget', '10', '--costs', path);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`ripple: ${path}${message}\n`);
    }
    const partial = file('partial.csv', 'id,cost\n0,1\n');
    const r = await plan(...karate, '--budget', '10', '--costs', partial);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /33 of 34 accounts have no cost: '1', '2', '3', '4', '5' and 28 more; give them one, or set a default cost \(--default-cost\)\n$/,
    );
    const binary = file('bin.csv', 'id,cost\n\u0000\u0001');
    expect((await plan(...karate, '--budget', '10', '--costs', binary)).stderr).toMatch(/binary data/);
    expect((await plan(...karate, '--budget', '10', '--costs', '/nonexistent.csv')).stderr).toBe(
      'ripple: /nonexistent.csv: cannot read the file (no such file)\n',
    );
  });

  it('bad usage: one line, exit 2', () => {
    const cases: [string[], RegExp][] = [
      [[...karate, ...formula], /--budget/],
      [[...karate, '--budget', 'lots', ...formula], /--budget/],
      [[...karate, '--budget', '-5', ...formula], /--budget/],
      [[...karate, '--budget', '10'], /costs: give them with --costs FILE/],
      [[...karate, '--budget', '10', '--costs', 'x.csv', ...formula], /give one of/],
      [[...karate, '--budget', '10', ...formula, '--conversion', '1.5'], /--conversion/],
      [[...karate, '--budget', '10', ...formula, '--objective', 'likes'], /--objective/],
      [[...karate, '--budget', '10', ...formula, '--model', 'sir'], /--model/],
    ];
    for (const [args, pattern] of cases) {
      const r = ripple('plan', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('a budget that buys no account names the cheapest', async () => {
    const r = await plan(...karate, '--budget', '2', ...formula);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("ripple plan: budget 2 buys no account: the cheapest, '11', costs 3\n");
  });
});
