/**
 * `ripple rank` as users run it (a real process): JSON shape, published networkx values on
 * ego-Facebook, results independent of --workers, clear errors.
 *
 * ego-Facebook reference values: networkx betweenness_centrality, closeness_centrality and
 * eigenvector_centrality top 10 as printed in L. Igual and S. Seguí, Introduction to Data Science
 * (Springer, 2017), chapter 8 "Network Analysis", Out[8] (seen at
 * https://slidepub.com/slideshow/introduction-to-datascience-r20ds501-pdf).
 */
import { describe, expect, it } from 'vitest';
import { json, ripple } from '../support/cli.ts';

const FACEBOOK = 'datasets/facebook_combined.txt';

type Top = { id: string; score: number }[];

function expectTop(top: Top, expected: [string, number][], tolerance: number) {
  expect(top.map((t) => t.id)).toEqual(expected.map((e) => e[0]));
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs(top[i].score - expected[i][1])).toBeLessThan(tolerance);
}

describe('ripple rank on ego-Facebook: published networkx values', () => {
  it('betweenness (exact, 2 workers)', () => {
    const out = json('rank', '--graph', FACEBOOK, '--metric', 'betweenness', '--top', '10', '--workers', '2');
    expect(out).toMatchObject({ metric: 'betweenness', approximate: false, nodes: 4039, workers: 2 });
    expectTop(
      out.top,
      [
        ['107', 0.4805180785560141],
        ['1684', 0.33779744973019843],
        ['3437', 0.23611535735892616],
        ['1912', 0.2292953395868727],
        ['1085', 0.1490150921166526],
        ['0', 0.1463059214744276],
        ['698', 0.11533045020560861],
        ['567', 0.09631033121856114],
        ['58', 0.08436020590796521],
        ['428', 0.06430906239323908],
      ],
      1e-12,
    );
  });

  it('closeness (2 workers; worker-count independence: centrality-pool.test.ts)', () => {
    const out = json('rank', '--graph', FACEBOOK, '--metric', 'closeness', '--top', '10', '--workers', '2');
    expectTop(
      out.top,
      [
        ['107', 0.45969945355191255],
        ['58', 0.3974018305284913],
        ['428', 0.3948371956585509],
        ['563', 0.3939127889961955],
        ['1684', 0.39360561458231796],
        ['171', 0.37049270575282134],
        ['348', 0.36991572004397216],
        ['483', 0.3698479575013739],
        ['414', 0.3695433330282786],
        ['376', 0.36655773420479304],
      ],
      1e-12,
    );
  });

  it('eigenvector', () => {
    const out = json('rank', '--graph', FACEBOOK, '--metric', 'eigenvector', '--top', '10');
    expect(out.converged).toBe(true);
    // The book's networkx stopped its power iteration at tolerance 1e-6; ours runs on to 1e-10.
    expectTop(
      out.top,
      [
        ['1912', 0.09540688873596524],
        ['2266', 0.08698328226321951],
        ['2206', 0.08605240174265624],
        ['2233', 0.08517341350597836],
        ['2464', 0.08427878364685948],
        ['2142', 0.08419312450068105],
        ['2218', 0.08415574433673866],
        ['2078', 0.08413617905810111],
        ['2123', 0.08367142125897363],
        ['1993', 0.08353243711860482],
      ],
      1e-5,
    );
  });

  it('sampled betweenness states its error and per-leader intervals, reproducible with --rng', () => {
    const a = json(
      'rank',
      '--graph',
      FACEBOOK,
      '--metric',
      'betweenness',
      '--samples',
      '400',
      '--top',
      '3',
      '--rng',
      '4',
    );
    const b = json(
      'rank',
      '--graph',
      FACEBOOK,
      '--metric',
      'betweenness',
      '--samples',
      '400',
      '--top',
      '3',
      '--rng',
      '4',
      '--workers',
      '1',
    );
    expect(a.top).toEqual(b.top);
    expect(a).toMatchObject({ approximate: true, samples: 400, confidence: 0.95 });
    expect(a.error).toBeGreaterThan(0);
    expect(a.top[0].id).toBe('107');
    const [lo, hi] = a.top[0].ci95;
    expect(lo).toBeLessThanOrEqual(a.top[0].score);
    expect(hi).toBeGreaterThanOrEqual(a.top[0].score);
    expect(Math.abs(a.top[0].score - 0.4805180785560141)).toBeLessThan(a.error);
  });
});

describe('ripple rank on the karate club', () => {
  it('every metric answers with the JSON shape; ids are the file ids', () => {
    for (const metric of [
      'degree',
      'indegree',
      'outdegree',
      'pagerank',
      'closeness',
      'eigenvector',
      'hits',
      'kcore',
    ]) {
      const out = json('rank', '--graph', 'datasets/karate.txt', '--metric', metric, '--top', '3');
      expect(out.metric).toBe(metric);
      expect(out.top).toHaveLength(3);
      for (const t of out.top) {
        expect(typeof t.id).toBe('string');
        expect(typeof t.score).toBe('number');
      }
    }
    expect(json('rank', '--graph', 'datasets/karate.txt', '--metric', 'degree', '--top', '2').top).toEqual([
      { id: '33', score: 17 },
      { id: '0', score: 16 },
    ]);
    const pr = json('rank', '--graph', 'datasets/karate.txt', '--metric', 'pagerank', '--top', '1');
    expect(pr.top[0].id).toBe('33');
    // networkx's 0.1009179 stopped ~1e-6 short of the fixed point (centrality-karate.test.ts).
    expect(Math.abs(pr.top[0].score - 0.1009179167487121)).toBeLessThan(1e-5);
    const hits = json('rank', '--graph', 'datasets/karate.txt', '--metric', 'hits', '--top', '1');
    expect(hits.top[0].hub).toBeCloseTo(hits.top[0].score, 8);
  });

  it('text output lists the leaders', () => {
    const r = ripple('rank', '--graph', 'datasets/karate.txt', '--metric', 'betweenness', '--top', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\. 0\s+0\.437635/);
    expect(r.stdout).toMatch(/2\. 33\s+0\.304075/);
  });

  it('bad usage fails with one line on stderr and exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['--graph', 'datasets/karate.txt'], /--metric degree\|.*\|influence is required/],
      [['--graph', 'datasets/karate.txt', '--metric', 'fame'], /--metric: expected one of degree/],
      [['--graph', 'datasets/karate.txt', '--metric', 'degree', '--top', '0'], /--top/],
      [
        ['--graph', 'datasets/karate.txt', '--metric', 'degree', '--samples', '5'],
        /--samples applies to --metric betweenness/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = ripple('rank', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
});
