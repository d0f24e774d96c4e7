/**
 * `ripple stats` distance fields and `ripple reach` as users run them (a real process, JSON on
 * stdout), against truths: NetworkX's values for the karate club, exact hop counts of tiny graphs,
 * the expected reach of an independent cascade on a path worked by hand; results independent of
 * --workers.
 */
import { describe, expect, it } from 'vitest';
import { json, ripple, scratchFiles } from '../support/cli.ts';

const file = scratchFiles('ripple-distances-');

describe('ripple stats: distances', () => {
  it('karate club: NetworkX values (clustering 0.5706, 45 triangles, diameter 5, mean distance 2.4082)', () => {
    const out = json('stats', '--graph', 'datasets/karate.txt');
    for (const key of [
      'avgClustering',
      'diameter',
      'effectiveDiameter',
      'avgDistance',
      'hopPlot',
      'components',
      'approximate',
    ])
      expect(out).toHaveProperty(key);
    expect(out).toMatchObject({ nodes: 34, edges: 78, approximate: false, diameter: 5, triangles: 45 });
    expect(out.avgClustering).toBeCloseTo(0.5706384782076823, 12);
    expect(out.avgDistance).toBeCloseTo(2.408199643493761, 12);
    expect(out.components).toEqual({ weak: 1, largestWeak: 34, strong: 1, largestStrong: 34 });
    expect(out.hopPlot).toHaveLength(6);
    expect(out.hopPlot[1]).toBe(34 + 2 * 78);
    expect(out.hopPlot[5]).toBe(34 * 34);
  });

  it('ego-Facebook: the same exact numbers with 1 or 2 workers', () => {
    const one = json('stats', '--graph', 'datasets/facebook_combined.txt', '--workers', '1');
    const two = json('stats', '--graph', 'datasets/facebook_combined.txt', '--workers', '2');
    const pick = (o: Record<string, unknown>) => {
      const { loadSeconds: _a, distanceSeconds: _b, ...rest } = o;
      return rest;
    };
    expect(pick(two)).toEqual(pick(one));
    expect(one).toMatchObject({ diameter: 8, approximate: false, triangles: 1612010 });
    expect(one.hopPlot.at(-1)).toBe(4039 * 4039);
  });

  it('directed distances over the largest weak component; approx and none modes', () => {
    // a->b->c, c->a closes a cycle; d->e is a second weak component
    const path = file('two.txt', 'a b\nb c\nc a\nd e\n');
    const exact = json('stats', '--graph', path, '--direction', 'influences');
    expect(exact.components).toEqual({ weak: 2, largestWeak: 3, strong: 3, largestStrong: 3 });
    expect(exact.hopPlot).toEqual([3, 6, 9]);
    expect(exact.avgDistance).toBe(1.5);
    const approx = json('stats', '--graph', path, '--direction', 'influences', '--distances', 'approx');
    expect(approx.approximate).toBe(true);
    expect(approx.hyperAnfRegisters).toBe(256);
    expect(approx.relativeError).toBeCloseTo(1.04 / Math.sqrt(256), 12);
    expect(approx.hopPlot.slice(0, 2)).toEqual([3, 6]);
    expect(approx.hopPlot.at(-1)).toBeGreaterThanOrEqual(8);
    expect(approx.hopPlot.at(-1)).toBeLessThanOrEqual(10);
    const none = json('stats', '--graph', path, '--direction', 'influences', '--distances', 'none');
    expect(none).toMatchObject({ nodes: 5, hopPlot: null, diameter: null, approximate: null });
  });

  it('prints a readable summary without --json', () => {
    const r = ripple('stats', '--graph', 'datasets/karate.txt');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/diameter\s+5/);
    expect(r.stdout).toMatch(/avg clustering\s+0\.5706/);
  });
});

describe('ripple reach', () => {
  // a -> b -> c -> d, and e alone
  const chain = () => file('chain.txt', 'a b\nb c\nc d\ne e\n');

  it('with p = 1 the simulated reach equals the structural reach at every hop', () => {
    const out = json(
      'reach',
      '--graph',
      chain(),
      '--direction',
      'influences',
      '--seeds',
      'a',
      '--p',
      '1',
      '--runs',
      '20',
    );
    expect(out.nodes).toBe(5);
    expect(out.seeds).toEqual([{ ids: ['a'], start: 0 }]);
    expect(out.hops.map((h: { structural: number }) => h.structural)).toEqual([1, 2, 3, 4, 4, 4, 4]);
    expect(out.hops.map((h: { structuralShare: number }) => h.structuralShare)).toEqual([
      0.2, 0.4, 0.6, 0.8, 0.8, 0.8, 0.8,
    ]);
    expect(out.hops.map((h: { simulated: number }) => h.simulated)).toEqual([1, 2, 3, 4, 4, 4, 4]);
    expect(out.hops[3].simulatedShare).toBe(0.8);
    expect(out.reachable).toBe(4);
    expect(out.simulatedTotal).toBe(4);
  });

  it('with p = 0.5 the simulated reach by hop is 1 + 1/2 + 1/4 + ... (within Monte Carlo error)', () => {
    const out = json(
      'reach',
      '--graph',
      chain(),
      '--direction',
      'influences',
      '--seeds',
      'a',
      '--p',
      '0.5',
      '--runs',
      '20000',
      '--hops',
      '3',
    );
    expect(out.hops).toHaveLength(4);
    const expected = [1, 1.5, 1.75, 1.875];
    // The count within h hops has standard deviation below 1, so 20000 runs give errors < 0.03.
    out.hops.forEach((h: { simulated: number }, i: number) => {
      expect(Math.abs(h.simulated - expected[i])).toBeLessThan(0.03);
    });
    expect(out.hops[3].structural).toBe(4);
  });

  it('several seeds, follows direction, the same numbers with 1 or 2 workers', () => {
    // x follows y and z follows y: y's posts reach x and z
    const path = file('follow.txt', 'x y\nz y\nw x\n');
    const args = [
      'reach',
      '--graph',
      path,
      '--direction',
      'follows',
      '--seeds',
      'y',
      '--p',
      '0.3',
      '--runs',
      '300',
    ];
    const one = json(...args, '--workers', '1');
    const two = json(...args, '--workers', '2');
    expect(one.hops.map((h: { structural: number }) => h.structural)).toEqual([1, 3, 4, 4, 4, 4, 4]);
    const { seconds: _a, workers: _b, ...a } = one;
    const { seconds: _c, workers: _d, ...b } = two;
    expect(a).toEqual(b);
    const both = json('reach', '--graph', path, '--direction', 'follows', '--seeds', 'y;w@2', '--p', '1');
    expect(both.hops[0].structural).toBe(2);
  });

  it('prints a table without --json', () => {
    const r = ripple(
      'reach',
      '--graph',
      chain(),
      '--direction',
      'influences',
      '--seeds',
      'a',
      '--runs',
      '10',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/could reach/);
  });
});

describe('errors', () => {
  const cases: [string[], RegExp, number][] = [
    [['stats', '--graph', 'datasets/karate.txt', '--distances', 'fast'], /--distances: expected one of/, 2],
    [
      ['stats', '--graph', 'datasets/karate.txt', '--registers', '100'],
      /--registers: expected a power of two/,
      2,
    ],
    [['reach', '--graph', 'datasets/karate.txt'], /--seeds LIST is required/, 2],
    [['reach', '--graph', 'datasets/karate.txt', '--seeds', 'random:3'], /no one seed set/, 2],
    [['reach', '--graph', 'datasets/karate.txt', '--seeds', 'nobody'], /no node with id 'nobody'/, 2],
    [['reach', '--graph', 'datasets/karate.txt', '--seeds', '0', '--hops', '-1'], /--hops: expected/, 2],
    [['reach', '--graph', 'datasets/karate.txt', '--seeds', '0', '--trace'], /unknown option --trace/, 2],
  ];
  for (const [args, message, code] of cases) {
    it(`${args.join(' ')} -> exit ${code}`, () => {
      const r = ripple(...args, '--json');
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }
});
