/**
 * Pure parts of the Leaders and Communities panels, against truths: Spearman's rho on the
 * textbook example (Wikipedia's IQ / TV hours table: rho = -29/165) and against a naive rank
 * computation with ties, top-k overlap and order by hand, one seed per community by hand, the
 * worker jobs against NetworkX's karate-club PageRank and an independent modularity count, the
 * CSV export; the table's state changes (sort, columns and picker, pages, sample count), degree
 * columns collapsing on undirected graphs (where in- and out-degree equal degree: checked on the
 * karate club), scores in three significant digits, a distinct colour for every community, and
 * the legend sections the panels publish.
 */
import '../../src/all-jobs.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricName } from '../../src/analysis/centrality/index.ts';
import { ALL_TABLES } from '../../src/app/i18n/messages.ts';
import { communityLegend, LEGEND_LISTED } from '../../src/app/panels/communities/legend.ts';
import {
  COMMUNITY_COLORS,
  communityColor,
  deltaE,
  OTHER_COMMUNITY,
} from '../../src/app/panels/communities/palette.ts';
import { onePerCommunity } from '../../src/app/panels/communities/seeding.ts';
import {
  clampPage,
  defaultColumns,
  PAGE_SIZE,
  pageCount,
  parseSets,
  sideColumns,
  sortBy,
  toggleColumn,
} from '../../src/app/panels/leaders/actions.ts';
import { agreement } from '../../src/app/panels/leaders/agreement.ts';
import { formatScore } from '../../src/app/panels/leaders/labels.ts';
import { leadersCsv } from '../../src/app/panels/leaders/leaders-csv.ts';
import { MetricBook, metricsFor } from '../../src/app/panels/leaders/metric-book.ts';
import { metricLegend, percentiles, RAMP_SWATCH } from '../../src/app/panels/leaders/metric-overlay.ts';
import {
  averageRanks,
  matching,
  orderBy,
  spearman,
  topOverlap,
} from '../../src/app/panels/leaders/ranking.ts';
import { SEED_GROUP_COLORS } from '../../src/app/view/palette.ts';
import { runJobLocal } from '../../src/engine/jobs.ts';
import { csrOf } from '../support/graphs.ts';

/** Rank by counting (1 + number greater + half the other ties): independent of the sort. */
function naiveRanks(x: number[]): number[] {
  return x.map((a) => 1 + x.filter((b) => b > a).length + (x.filter((b) => b === a).length - 1) / 2);
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('rank agreement', () => {
  it("gives Spearman's rho of the textbook example", () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 12);
  });

  it('matches Pearson correlation of naive average ranks when there are ties', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 20; trial++) {
      const a = Array.from({ length: 40 }, () => Math.floor(next() * 6));
      const b = Array.from({ length: 40 }, () => Math.floor(next() * 6));
      expect(Array.from(averageRanks(a))).toEqual(naiveRanks(a));
      expect(spearman(a, b)).toBeCloseTo(pearson(naiveRanks(a), naiveRanks(b)), 12);
    }
  });

  it('is 1 for the same order, -1 for the reverse, null for a constant side', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 400])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(() => spearman([1, 2], [1])).toThrow(/2 scores against 1/);
  });

  it('agreement() gives the same rho, the top-k overlap and one point per account', () => {
    const iq = Float64Array.from([106, 100, 86, 101, 99, 103, 97, 113, 112, 110]);
    const tv = Float64Array.from([7, 27, 2, 50, 28, 29, 20, 12, 6, 17]);
    const a = agreement(iq, tv, 3);
    expect(a.rho).toBeCloseTo(-29 / 165, 12);
    // Top 3 by IQ: nodes 7, 8, 9; by TV: nodes 3, 5, 4 -> nothing shared.
    expect(a.overlap).toBe(0);
    expect(a.k).toBe(3);
    expect(a.points).toHaveLength(10);
    expect(a.points[7]).toEqual({ x: 1, y: 7 }); // IQ 113 ranks 1st; TV 12 ranks 7th (50 29 28 27 20 17 12)
    expect(agreement(iq, iq, 5).overlap).toBe(5);
  });

  it('counts the overlap of two top-k lists', () => {
    // top 3 of a: nodes 4, 3, 2; top 3 of b: nodes 0, 4, 2 -> {4, 2} shared.
    expect(topOverlap([1, 2, 3, 4, 5], [9, 1, 7, 0, 8], 3)).toBe(2);
    expect(topOverlap([1, 2, 3], [1, 2, 3], 20)).toBe(3);
  });
});

describe('table order and search', () => {
  it('sorts best first, ties by the earlier node, NaN last, and ascending on request', () => {
    expect(Array.from(orderBy([2, 5, 5, Number.NaN, 1]))).toEqual([1, 2, 0, 4, 3]);
    expect(Array.from(orderBy([2, 5, 5, Number.NaN, 1], false))).toEqual([4, 0, 1, 2, 3]);
  });

  it('finds ids and labels containing the query, any case, keeping the order', () => {
    const order = Uint32Array.from([2, 0, 1]);
    const ids = ['alice', 'bob', 'Alina'];
    expect(Array.from(matching(order, ids, null, 'ALI'))).toEqual([2, 0]);
    expect(Array.from(matching(order, ids, [null, 'Bobby Tables', null], 'tables'))).toEqual([1]);
    expect(matching(order, ids, null, '  ')).toBe(order);
  });

  it('turns scores into percentiles: top node 1, bottom 0, ties shared', () => {
    expect(Array.from(percentiles([10, 30, 20, 20]))).toEqual([0, 1, 0.5, 0.5]);
  });
});

describe('one seed per community', () => {
  it('takes the best-scoring member of each of the largest communities', () => {
    const community = Uint32Array.from([0, 0, 1, 1, 2, 0, 1]);
    const scores = [3, 9, 4, 4, 100, 9, 1];
    // Community 0: nodes 1 and 5 tie at 9 -> node 1; community 1: 2 and 3 tie -> 2; community 2 not asked.
    expect(onePerCommunity(community, scores, 2)).toEqual([1, 2]);
    expect(onePerCommunity(community, scores, 3)).toEqual([1, 2, 4]);
    expect(() => onePerCommunity(community, [1], 2)).toThrow(/1 scores for 7 nodes/);
  });
});

describe('community colours and the legend', () => {
  it('gives every community its own colour, none of them grey', () => {
    const colours = Array.from({ length: 300 }, (_, c) => communityColor(c));
    expect(colours.slice(0, 9)).toEqual([...COMMUNITY_COLORS]);
    expect(new Set(colours).size).toBe(300);
    expect(colours).not.toContain(OTHER_COMMUNITY);
    for (const c of colours) expect(c).toMatch(/^#[0-9A-F]{6}$/);
    // Asked again, or out of order, a community keeps its colour.
    expect(communityColor(250)).toBe(colours[250]);
    expect(communityColor(-1)).toBe(OTHER_COMMUNITY);
  });

  it('keeps the first 30 colours apart (CIE76 difference >= 20) and away from grey and the seeds', () => {
    const colours = Array.from({ length: 30 }, (_, c) => communityColor(c));
    let closest = Infinity;
    for (let i = 0; i < colours.length; i++)
      for (let j = i + 1; j < colours.length; j++)
        closest = Math.min(closest, deltaE(colours[i], colours[j]));
    expect(closest).toBeGreaterThanOrEqual(20);
    for (const c of colours) expect(deltaE(c, OTHER_COMMUNITY)).toBeGreaterThanOrEqual(20);
    // The generated ones (the palette's nine are Paul Tol's) never look like a seed group's colour.
    for (const c of colours.slice(9))
      for (const seed of SEED_GROUP_COLORS) expect(deltaE(c, seed)).toBeGreaterThanOrEqual(20);
  });

  it('deltaE is 0 for a colour and itself, about 100 for black and white', () => {
    expect(deltaE('#123456', '#123456')).toBe(0);
    expect(deltaE('#000000', '#FFFFFF')).toBeCloseTo(100, 1);
  });

  it('names every community shown in the legend, one line each up to LEGEND_LISTED', () => {
    const sixteen = communityLegend(16, null, true);
    expect(sixteen?.map((e) => e.swatch)).toEqual(Array.from({ length: 16 }, (_, c) => communityColor(c)));
    expect(sixteen?.map((e) => e.label())).toEqual(
      Array.from({ length: 16 }, (_, c) => `Community ${c + 1}`),
    );
    const many = communityLegend(40, null, true) ?? [];
    expect(many).toHaveLength(LEGEND_LISTED + 1);
    expect(many[LEGEND_LISTED].label()).toBe(`Communities ${LEGEND_LISTED + 1}–40: a colour each`);
    expect(many[LEGEND_LISTED].swatch).toContain(communityColor(LEGEND_LISTED));
    // A community picked out: its colour and the dimmed grey.
    expect(communityLegend(16, 11, true)?.map((e) => [e.swatch, e.label()])).toEqual([
      [communityColor(11), 'Community 12 (picked out)'],
      [OTHER_COMMUNITY, 'Other communities (dimmed)'],
    ]);
    expect(communityLegend(16, 3, false)?.map((e) => e.swatch)).toEqual([OTHER_COMMUNITY]);
    expect(communityLegend(16, null, false)).toBeNull();
    expect(communityLegend(0, null, true)).toBeNull();
  });

  it('the metric colouring has a legend section only while something is coloured or sized', () => {
    expect(metricLegend({ color: null, size: null })).toBeNull();
    const both = metricLegend({ color: 'hits', size: 'pagerank' }) ?? [];
    expect(both.map((e) => e.label())).toEqual([
      'HITS authority, by rank: lowest → highest',
      'size: PageRank (larger = higher rank)',
    ]);
    expect(both[0].swatch).toBe(RAMP_SWATCH);
  });
});

describe('messages of both tabs', () => {
  const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]))].sort();
  const tables = ALL_TABLES.filter((table) => 'leaders.title' in table.en || 'communities.title' in table.en);

  it('are in both languages with the same placeholders, and really translated', () => {
    expect(tables).toHaveLength(2);
    for (const { en, zh } of tables) {
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
        if (!['leaders.metric.pagerank', 'leaders.col.rank'].includes(key))
          expect(zh[key], key).toMatch(/\p{Script=Han}/u);
      }
    }
  });
});

describe('the leaders table state', () => {
  it('sorts a new column highest first and reverses the same column', () => {
    const s = sortBy({ column: 'pagerank', descending: true }, 'pagerank');
    expect(s).toEqual({ column: 'pagerank', descending: false });
    expect(sortBy(s, 'hits')).toEqual({ column: 'hits', descending: true });
  });

  it('counts and clamps pages', () => {
    expect(PAGE_SIZE).toBe(50);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(4039)).toBe(81);
    expect(clampPage(99, 4039)).toBe(80);
    expect(clampPage(-1, 4039)).toBe(0);
    expect(clampPage(3, 0)).toBe(0);
  });

  it('collapses in- and out-degree into degree on undirected graphs', () => {
    expect(metricsFor(false)).not.toContain('indegree');
    expect(metricsFor(false)).not.toContain('outdegree');
    expect(metricsFor(false)).toContain('degree');
    expect(metricsFor(true)).toEqual(expect.arrayContaining(['degree', 'indegree', 'outdegree']));
    expect(metricsFor(true)).toHaveLength(10);
    expect(metricsFor(false)).toHaveLength(8);
  });

  it('shows a few columns in the side panel, changed by the picker, in the registry order', () => {
    expect(sideColumns(false, null)).toEqual(['degree', 'pagerank', 'influence']);
    expect(sideColumns(true, null)).toEqual(['outdegree', 'pagerank', 'influence']);
    expect(defaultColumns(false)).toHaveLength(3);
    const more = toggleColumn(false, null, 'betweenness');
    expect(more).toEqual(['degree', 'pagerank', 'betweenness', 'influence']);
    expect(toggleColumn(false, more, 'degree')).toEqual(['pagerank', 'betweenness', 'influence']);
    // A column picked on a directed graph that an undirected one does not have is left out.
    expect(sideColumns(false, ['indegree', 'hits'])).toEqual(['hits']);
  });

  it('accepts a whole number of samples from 100 to 10,000,000', () => {
    const error = () => 'bad';
    expect(parseSets('2000', error)).toEqual({ value: 2000 });
    for (const bad of ['', '99', '2.5', '1e8', 'x']) expect(parseSets(bad, error)).toEqual({ error: 'bad' });
  });

  it('writes scores with three significant digits: a small score never reads as zeros', () => {
    expect(formatScore('hits', 3.2149e-9)).toBe('0.00000000321');
    expect(formatScore('pagerank', 0.09700181758983709)).toBe('0.097');
    expect(formatScore('betweenness', 0.43763528138528146)).toBe('0.438');
    expect(formatScore('influence', 37.4499)).toBe('37.4');
    expect(formatScore('hits', 0)).toBe('0');
    expect(formatScore('degree', 1045)).toBe('1,045');
    expect(formatScore('kcore', 115)).toBe('115');
  });
});

describe('worker jobs of the panels', () => {
  const karate = JSON.parse(readFileSync('test/fixtures/karate-networkx.json', 'utf8')) as {
    nodes: number;
    edges: [number, number][];
    pagerank: number[];
    degree: number[];
  };
  const csr = csrOf(karate.nodes, karate.edges, 'undirected');

  it('gives in-degree = out-degree = degree on the undirected karate club (one column is enough)', () => {
    const score = (metric: MetricName) => Array.from(runJobLocal(csr, 'lightMetric', { metric }).scores);
    expect(score('indegree')).toEqual(score('degree'));
    expect(score('outdegree')).toEqual(score('degree'));
  });

  it("lightMetric gives NetworkX's PageRank and degree on the karate club", () => {
    const pr = runJobLocal(csr, 'lightMetric', { metric: 'pagerank' });
    for (let v = 0; v < karate.nodes; v++) expect(pr.scores[v]).toBeCloseTo(karate.pagerank[v], 4); // networkx stopped at tol 1e-6
    expect(pr.converged).toBe(true);
    expect(Array.from(runJobLocal(csr, 'lightMetric', { metric: 'degree' }).scores)).toEqual(karate.degree);
    expect(() => runJobLocal(csr, 'lightMetric', { metric: 'betweenness' })).toThrow(/not a light metric/);
  });

  it('louvain reports the modularity its partition really has', () => {
    const found = runJobLocal(csr, 'louvain', { rngSeed: 1, resolution: 1 });
    // Newman-Girvan modularity counted from the edge list: sum over communities of
    // (internal edges / m) - (total degree / 2m)^2.
    const m = karate.edges.length;
    const internal = new Array(found.count).fill(0);
    const degree = new Array(found.count).fill(0);
    for (const [u, v] of karate.edges) {
      if (found.community[u] === found.community[v]) internal[found.community[u]]++;
      degree[found.community[u]]++;
      degree[found.community[v]]++;
    }
    let q = 0;
    for (let c = 0; c < found.count; c++) q += internal[c] / m - (degree[c] / (2 * m)) ** 2;
    expect(found.modularity).toBeCloseTo(q, 10);
    // The karate club's best partitions have modularity about 0.42 (0.4198 is the known optimum).
    expect(found.modularity).toBeGreaterThan(0.38);
    expect(found.modularity).toBeLessThanOrEqual(0.4198 + 1e-4);
    expect(found.sizes.reduce((s, x) => s + x, 0)).toBe(34);
  });
});

describe('leaders CSV', () => {
  it('writes computed columns and influence with its interval in the given order', () => {
    const book = new MetricBook();
    book.set('degree', Float64Array.from([2, 1]));
    book.setInfluence({
      score: Float64Array.from([1.5, 1]),
      lo: Float64Array.from([1.25, 1]),
      hi: Float64Array.from([1.75, 1]),
      sets: 10,
      key: '',
    });
    const graph = { loaded: { ids: ['a,1', 'b'], labels: null, csr: { directed: true } } };
    expect(leadersCsv(graph, book, [1, 0])).toBe(
      'rank,id,label,degree,influence,influence_ci95_low,influence_ci95_high\r\n' +
        '1,b,,1,1,1,1\r\n' +
        '2,"a,1",,2,1.5,1.25,1.75\r\n',
    );
  });

  it('writes one degree column on an undirected graph, all three on a directed one', () => {
    const book = new MetricBook();
    book.setMany([
      ['degree', Float64Array.from([2])],
      ['indegree', Float64Array.from([2])],
      ['outdegree', Float64Array.from([2])],
    ]);
    const loaded = { ids: ['a'], labels: ['Ann'] };
    expect(leadersCsv({ loaded: { ...loaded, csr: { directed: false } } }, book, [0])).toBe(
      'rank,id,label,degree\r\n1,a,Ann,2\r\n',
    );
    expect(leadersCsv({ loaded: { ...loaded, csr: { directed: true } } }, book, [0])).toBe(
      'rank,id,label,degree,indegree,outdegree\r\n1,a,Ann,2,2,2\r\n',
    );
  });
});
