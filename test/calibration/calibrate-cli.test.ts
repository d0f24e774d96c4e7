/**
 * `ripple calibrate` as users run it: the JSON contract of the issue (same rng, same output), the
 * scenario --apply writes (the app's format, read back by the app's reader), --by community, and
 * bad input: one line naming the file, the line and the problem, exit 1 for bad files and 2 for
 * bad usage.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFromJson } from '../../src/app/persist/scenario-file.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { ripple, scratchFiles } from '../support/cli.ts';
import { jsonInProcess, rippleInProcess } from '../support/cli-in-process.ts';
import { params } from '../support/simulate.ts';
import { type Adoption, generateCascades } from './generate.ts';

const file = scratchFiles('ripple-calibrate-');
const EMAIL = 'datasets/email-Eu-core.txt';
const KARATE = 'datasets/karate.txt';

/** A CSV log with the graph's own ids. */
function csvWithIds(cascades: Adoption[][], ids: readonly string[], parents: boolean): string {
  const head = parents ? 'cascade,account,step,parent' : 'cascade,account,step';
  const rows = cascades.flat().map((a) => {
    const base = `${a.cascade},${ids[a.account]},${a.step}`;
    return parents ? `${base},${a.parent < 0 ? '' : ids[a.parent]}` : base;
  });
  return `${[head, ...rows].join('\n')}\n`;
}

describe('ripple calibrate', async () => {
  const email = await readGraphFile(EMAIL, { direction: 'influences' });
  const cascades = generateCascades(email.csr, params({ model: 'ic', p: 0.03 }), 150, 5, 2);
  const log = file('email.csv', csvWithIds(cascades, email.ids, true));

  it('prints the contract, and the same output for the same rng', async () => {
    const args = [
      'calibrate',
      '--graph',
      EMAIL,
      '--cascades',
      log,
      '--model',
      'ic',
      '--runs',
      '1500',
      '--rng',
      '3',
    ];
    const out = await jsonInProcess(...args);
    for (const key of ['model', 'p', 'logLikelihood', 'cascades', 'attempts', 'fit'])
      expect(out).toHaveProperty(key);
    expect(out.model).toBe('ic');
    expect(out.cascades).toBe(150);
    expect(out.p.ci95[0]).toBeLessThanOrEqual(out.p.estimate);
    expect(out.p.ci95[1]).toBeGreaterThanOrEqual(out.p.estimate);
    expect(out.p.ci95[0]).toBeLessThan(0.03);
    expect(out.p.ci95[1]).toBeGreaterThan(0.03);
    for (const key of ['observedMeanSize', 'simulatedMeanSize', 'ks'])
      expect(typeof out.fit[key]).toBe('number');
    expect(out.fit.sizes.size.length).toBe(out.fit.sizes.observed.length);
    expect(out.fit.reachByStep.observed.length).toBe(out.fit.reachByStep.simulated.length);
    expect(out.comparison.map((m: { model: string }) => m.model)).toEqual(['ic', 'wc', 'lt']);
    expect(out.parents).toBeGreaterThan(0);
    const again = await jsonInProcess(...args, '--workers', '1');
    const strip = (o: Record<string, unknown>) => ({ ...o, seconds: null, workers: null });
    expect(strip(again)).toEqual(strip(out));
  });

  it('writes a scenario the app opens, with the fitted p', async () => {
    const out = file('fitted.json', '');
    const r = await rippleInProcess(
      'calibrate',
      '--graph',
      EMAIL,
      '--cascades',
      log,
      '--runs',
      '300',
      '--apply',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/p = 0\.0\d+, 95% CI/);
    const scenario = scenarioFromJson(readFileSync(out, 'utf8'), out);
    expect(scenario.model).toBe('ic');
    expect(scenario.graph).toEqual({ kind: 'bundled', file: 'email-Eu-core.txt' });
    expect(scenario.params.p).toBeGreaterThan(0.015);
    expect(scenario.params.p).toBeLessThan(0.05);
    expect(scenario.seeds.kind).toBe('groups');
    // simulate and plan start from it: the scenario's p unless given on the command line.
    const fitted = String(scenario.params.p);
    const viaFile = await jsonInProcess(
      'simulate',
      '--graph',
      EMAIL,
      '--seeds',
      '1',
      '--runs',
      '200',
      '--scenario',
      out,
    );
    const explicit = await jsonInProcess(
      'simulate',
      '--graph',
      EMAIL,
      '--seeds',
      '1',
      '--runs',
      '200',
      '--model',
      'ic',
      '--p',
      fitted,
      '--rng',
      String(scenario.rngSeed),
    );
    const strip = (o: Record<string, unknown>) => ({ ...o, seconds: null, workers: null, throughput: null });
    expect(strip(viaFile)).toEqual(strip(explicit));
    expect(viaFile.params.p).toBe(scenario.params.p);
    const overridden = await jsonInProcess(
      'simulate',
      '--graph',
      EMAIL,
      '--seeds',
      '1',
      '--runs',
      '200',
      '--p',
      '0.3',
      '--scenario',
      out,
    );
    expect(overridden.params.p).toBe(0.3);
    const plan = await jsonInProcess(
      'plan',
      '--graph',
      EMAIL,
      '--budget',
      '40',
      '--cost-flat',
      '10',
      '--runs',
      '100',
      '--scenario',
      out,
    );
    expect(plan.params.p).toBe(scenario.params.p);
    const bad = file('not-a-scenario.json', '{"x": 1}');
    const r2 = await rippleInProcess('simulate', '--graph', EMAIL, '--seeds', '1', '--scenario', bad);
    expect(r2.code).toBe(1);
    expect(r2.stderr.trim().split('\n')).toHaveLength(1);
    expect(r2.stderr).toMatch(/^ripple: .*not-a-scenario\.json: /);
  });

  it('fits one p per community with --by community', async () => {
    const out = await jsonInProcess(
      'calibrate',
      '--graph',
      EMAIL,
      '--cascades',
      log,
      '--by',
      'community',
      '--runs',
      '300',
    );
    expect(out.communities.count).toBeGreaterThan(1);
    const withP = out.communities.list.filter(
      (c: { p: { estimate: number | null } }) => c.p.estimate !== null,
    );
    expect(withP.length).toBeGreaterThan(0);
    expect(out.comparison.map((m: { model: string }) => m.model)).toContain('ic-community');
    const attempts = out.communities.list.reduce((s: number, c: { attempts: number }) => s + c.attempts, 0);
    expect(attempts).toBe(out.attempts);
  });

  const bad: [string, string, RegExp][] = [
    [
      'unknown account',
      'cascade,account,step\na,0,0\na,nobody,1\n',
      /bad\.csv:3: account 'nobody' is not in the graph/,
    ],
    [
      'unknown parent',
      'cascade,account,step,parent\na,0,0,\na,1,1,ghost\n',
      /bad\.csv:3: parent 'ghost' is not in the graph/,
    ],
    [
      'parent after child',
      'cascade,account,step,parent\na,0,0,\na,1,2,\na,2,1,1\n',
      /bad\.csv:4: parent '1' adopted at step 2, after its child/,
    ],
    [
      'step not a whole number',
      'cascade,account,step\na,0,0\na,1,1.5\n',
      /bad\.csv:3: step '1\.5' is not a whole number/,
    ],
    [
      'no first adopter',
      'cascade,account,step,parent\na,0,0,1\na,1,0,0\n',
      /bad\.csv:2: cascade 'a' has no first adopter/,
    ],
    ['missing header column', 'cascade,account\na,0\n', /bad\.csv:1: the header has no 'step' column/],
    [
      'a parent that cannot reach its child',
      'cascade,account,step,parent\na,2,0,\na,3,1,2\n',
      /bad\.csv:3: parent '2' cannot reach '3'/,
    ],
    [
      'an account twice in a cascade',
      'cascade,account,step\na,0,0\na,0,1\n',
      /bad\.csv:3: account '0' adopts twice/,
    ],
    [
      'a log with no attempts',
      'cascade,account,step\na,2,0\n',
      /bad\.csv: the log gives no information about p/,
    ],
  ];

  it.each(bad)('refuses %s with one line naming file and line', async (_name, text, message) => {
    // 0 -> 1, 1 -> 2, 0 -> 2, 3 -> 0: account 2 reaches no one.
    const graph = file('tiny.txt', '0 1\n1 2\n0 2\n3 0\n');
    const path = file('bad.csv', text);
    const r = await rippleInProcess(
      'calibrate',
      '--graph',
      graph,
      '--direction',
      'influences',
      '--cascades',
      path,
      '--runs',
      '10',
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('refuses bad usage with exit 2, and runs as a process', () => {
    const usage = ripple('calibrate', '--graph', KARATE, '--cascades', log, '--by', 'city');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--by: expected one of global, community/);
    const missing = ripple('calibrate', '--graph', KARATE);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--cascades FILE is required/);
  });
});
