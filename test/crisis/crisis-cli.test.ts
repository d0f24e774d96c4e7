/**
 * `ripple watch` and `ripple contain` as users run them: the JSON contract of the issue, the
 * same output for the same rng whatever the number of workers, and one clear line for bad input.
 */
import { describe, expect, it } from 'vitest';
import { ripple, scratchFiles } from '../support/cli.ts';
import { jsonInProcess } from '../support/cli-in-process.ts';

const karate = ['--graph', 'datasets/karate.txt'];
const file = scratchFiles('ripple-crisis-');

describe('ripple watch', () => {
  it('prints monitors with detect, time and affected, and the same for the same rng', async () => {
    const args = ['watch', ...karate, '--p', '0.2', '--k', '3', '--runs', '3000', '--rng', '9'];
    const out = await jsonInProcess(...args);
    expect(out.monitors).toHaveLength(3);
    for (const key of ['detect', 'time', 'affected']) {
      expect(out[key].ci95[0]).toBeLessThanOrEqual(out[key].mean);
      expect(out[key].ci95[1]).toBeGreaterThanOrEqual(out[key].mean);
    }
    expect(out.detect.mean).toBeGreaterThan(0);
    expect(out.detect.mean).toBeLessThanOrEqual(1);
    expect(out.ofBest).toBeGreaterThan(0);
    expect(out.bound).toMatch(/^at least \d+(\.\d)?% of the best possible detect/);
    expect(out.baselines.map((b: { name: string }) => b.name)).toEqual(['degree', 'pagerank', 'random']);
    // The greedy choice catches at least as many stories as random monitors, beyond noise.
    expect(out.detect.mean).toBeGreaterThan(out.baselines[2].detect.ci95[1]);
    const again = await jsonInProcess(...args, '--workers', '1');
    expect({ ...again, seconds: 0, workers: 0 }).toEqual({ ...out, seconds: 0, workers: 0 });
  });

  it('stories from weighted sources start only where the weights are', async () => {
    const sources = file('sources.csv', 'id,weight\n5,1\n6,1\n');
    const out = await jsonInProcess(
      'watch',
      ...karate,
      '--p',
      '0.1',
      '--k',
      '1',
      '--sources',
      sources,
      '--runs',
      '500',
    );
    // Stories start at 5 or 6 only: a monitor on one of them catches its half at step 0, more
    // than any neighbour could with p = 0.1.
    expect(['5', '6']).toContain(out.monitors[0]);
    expect(out.detect.mean).toBeGreaterThanOrEqual(0.5);
    expect(out.affected.ci95[0]).toBeGreaterThanOrEqual(1);
  });
});

describe('ripple watch under a budget', () => {
  it("buys monitors with the planner's cost model, within the budget", async () => {
    const out = await jsonInProcess(
      'watch',
      ...karate,
      '--p',
      '0.2',
      '--budget',
      '12',
      '--cost-flat',
      '1',
      '--cost-per-follower',
      '0.5',
      '--runs',
      '2000',
    );
    expect(out.cost).toBeLessThanOrEqual(12);
    expect(out.budget).toBe(12);
    expect(out.monitors.length).toBe(out.k);
    expect(out.monitors.length).toBeGreaterThan(1);
    expect(out.baselines[0].monitors).toHaveLength(out.k);
    expect(ripple('watch', ...karate, '--k', '2', '--budget', '5', '--cost-flat', '1').code).toBe(2);
  });
});

describe('ripple contain', () => {
  it('prints correctors, the rumour reach with and without, and baselines', async () => {
    const args = [
      'contain',
      ...karate,
      '--p',
      '0.3',
      '--rumour',
      '33',
      '--delay',
      '1',
      '--k',
      '2',
      '--runs',
      '1000',
    ];
    const out = await jsonInProcess(...args);
    expect(out.correctors).toHaveLength(2);
    expect(out.correctors).not.toContain('33');
    expect(out.rumourReach.mean).toBeLessThan(out.withoutCorrection.mean);
    expect(out.saved).toBeCloseTo(out.withoutCorrection.mean - out.rumourReach.mean, 5);
    expect(out.baselines.map((b: { name: string }) => b.name)).toEqual(['degree', 'neighbourhood']);
    const again = await jsonInProcess(...args, '--workers', '1');
    expect({ ...again, seconds: 0, workers: 0 }).toEqual({ ...out, seconds: 0, workers: 0 });
  });
});

describe('bad input: one line naming the option and the value', () => {
  it('exit 2 with the reason', () => {
    const cases: [string[], string][] = [
      [
        ['contain', ...karate, '--rumour', 'nobody', '--k', '2'],
        "ripple contain: --rumour: no node with id 'nobody' in the graph",
      ],
      [
        ['contain', ...karate, '--rumour', '1', '--k', '34'],
        'ripple contain: --k: expected a whole number from 1 to 33',
      ],
      [
        ['contain', ...karate, '--rumour', '1', '--k', '2', '--delay', '-1'],
        'ripple contain: --delay: expected a whole number from 0 to 100000',
      ],
      [
        ['contain', ...karate, '--rumour', '1', '--k', '2', '--delay', '1.5'],
        'ripple contain: --delay: expected a whole number',
      ],
      [['watch', ...karate, '--k', '40'], 'ripple watch: --k: expected a whole number from 1 to 34'],
      [
        ['watch', ...karate, '--k', '2', '--objective', 'fame'],
        "ripple watch: --objective: expected one of detect, time, affected, got 'fame'",
      ],
      [['watch', ...karate, '--k', '2', '--model', 'sir'], 'ripple watch: --model'],
    ];
    for (const [args, start] of cases) {
      const r = ripple(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.startsWith(start), r.stderr).toBe(true);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
