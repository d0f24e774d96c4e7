/**
 * The app's pure logic: the direction guess, seed groups and the seed box's id lists, the draw
 * budget, the store, parameter parsing, and what the reach chart plots. Small cases worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { reachedWithin, seedDistances } from '../../src/analysis/distance/seed-reach.ts';
import { directionFromColumns, previewEdgeList } from '../../src/app/load/direction-guess.ts';
import { generationSeries, hopSeries } from '../../src/app/panels/results/hop-series.ts';
import { parseIdList } from '../../src/app/seeds/id-list.ts';
import { addSeeds, allSeedIds, keepKnown, toggleSeed, topBy, toSeedPlan } from '../../src/app/seeds/seeds.ts';
import { findNode, findNodes } from '../../src/app/seeds/state.ts';
import { defaultScenario } from '../../src/app/state/default-scenario.ts';
import { Store } from '../../src/app/state/store.ts';
import type { GraphFacts, GraphState, RunResult } from '../../src/app/state/types.ts';
import { planDrawing } from '../../src/graph/draw-plan.ts';
import { csrOf } from '../support/graphs.ts';

describe('previewEdgeList: the direction guess', () => {
  it('reads column names as a sentence, and keeps them for the choices', () => {
    expect(previewEdgeList('follower,followee\na,b\n').direction).toBe('follows');
    expect(previewEdgeList('source;target\na;b\n')).toMatchObject({
      direction: 'influences',
      reason: 'header-influences',
      columns: ['source', 'target'],
    });
    // "account,follower": the follower follows the account, so posts flow account -> follower.
    expect(previewEdgeList('account,follower\nalice,bob\n')).toMatchObject({
      direction: 'influences',
      columns: ['account', 'follower'],
    });
    expect(previewEdgeList('Follower,Account\nbob,alice\n')).toMatchObject({
      direction: 'follows',
      columns: ['Follower', 'Account'],
    });
    expect(previewEdgeList('1 2\n2 3\n').columns).toBeNull();
  });
  it('names the direction of common header pairs, and nothing for unknown ones', () => {
    const cases: [string, string, string | null][] = [
      ['account', 'follower', 'influences'],
      ['user', 'followers', 'influences'],
      ['followee', 'follower', 'influences'],
      ['follower', 'followee', 'follows'],
      ['follower', 'account', 'follows'],
      ['user', 'follows', 'follows'],
      ['user', 'following', 'follows'],
      ['source', 'target', 'influences'],
      ['from', 'to', 'influences'],
      ['sender', 'receiver', 'influences'],
      ['name', 'colour', null],
      ['a', 'b', null],
    ];
    for (const [a, b, want] of cases) expect(directionFromColumns(a, b), `${a},${b}`).toBe(want);
  });
  it('calls a file listing most pairs both ways undirected', () => {
    expect(previewEdgeList('1 2\n2 1\n2 3\n3 2\n').direction).toBe('undirected');
  });
  it('falls back to follows, shows the first lines, and guesses the third column', () => {
    const p = previewEdgeList('# comment\n1 2 0.5\n2 3 0.25\n3 4 1\n');
    expect(p).toMatchObject({ direction: 'follows', reason: 'default-follows', edgeValues: 'probability' });
    expect(p.lines[0]).toBe('# comment');
    expect(previewEdgeList('1 2 3\n2 3 7\n').edgeValues).toBe('weight');
    expect(previewEdgeList('1 2\n').edgeValues).toBeNull();
  });
});

describe('seed groups', () => {
  const none = { kind: 'groups' as const, groups: [] };
  it('toggles a seed in and out, creating the target group', () => {
    const one = toggleSeed(none, 'a', 1);
    expect(one).toEqual({
      kind: 'groups',
      groups: [
        { ids: [], start: 0 },
        { ids: ['a'], start: 0 },
      ],
    });
    expect(allSeedIds(toggleSeed(one, 'a', 0)).size).toBe(0);
  });
  it('adds only ids that are not seeds yet', () => {
    const s = addSeeds(addSeeds(none, ['a', 'b'], 0), ['b', 'c'], 0);
    expect(s).toEqual({ kind: 'groups', groups: [{ ids: ['a', 'b', 'c'], start: 0 }] });
  });
  it('maps ids to indices, dropping unknown ids and empty groups; keepKnown filters', () => {
    const index = new Map([
      ['a', 0],
      ['b', 1],
    ]);
    const seeds = {
      kind: 'groups' as const,
      groups: [
        { ids: ['a', 'zz'], start: 0 },
        { ids: ['zz'], start: 2 },
        { ids: ['b'], start: 3 },
      ],
    };
    expect(toSeedPlan(seeds, index)).toEqual({
      kind: 'groups',
      groups: [
        { nodes: [0], start: 0 },
        { nodes: [1], start: 3 },
      ],
    });
    expect(keepKnown(seeds, index)).toEqual({
      kind: 'groups',
      groups: [
        { ids: ['a'], start: 0 },
        { ids: [], start: 2 },
        { ids: ['b'], start: 3 },
      ],
    });
  });
  it('ranks the top k by a metric, ties by first appearance', () => {
    const facts: GraphFacts = {
      components: 1,
      largestComponent: 4,
      outDegree: Uint32Array.from([1, 3, 3, 0]),
      inDegree: Uint32Array.from([2, 0, 1, 4]),
      pagerank: Float64Array.from([0.1, 0.2, 0.3, 0.4]),
    };
    expect(topBy(facts, 'degree', 2)).toEqual([1, 2]);
    expect(topBy(facts, 'indegree', 2)).toEqual([3, 0]);
    expect(topBy(facts, 'pagerank', 3)).toEqual([3, 2, 1]);
  });
});

describe('planDrawing', () => {
  const star = csrOf(
    6,
    [
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [4, 5],
    ],
    'undirected',
  );
  it('draws a small graph whole, one edge per undirected pair', () => {
    const plan = planDrawing(star, [3, 2, 2, 1, 1, 1]);
    expect(plan.cut).toBe(false);
    expect(plan.nodes.length).toBe(6);
    expect(plan.edges.length / 2).toBe(5);
  });
  it('keeps the best-scored nodes and the edges among them when over budget', () => {
    const plan = planDrawing(star, [3, 2, 2, 1, 1, 1], 3, 100);
    expect(plan.cut).toBe(true);
    expect([...plan.nodes]).toEqual([0, 1, 2]);
    expect(plan.edges.length / 2).toBe(3); // 0-1, 0-2, 1-2
    expect(planDrawing(star, [3, 2, 2, 1, 1, 1], 10, 2).edges.length / 2).toBe(2);
  });
});

describe('Store', () => {
  it('patches the scenario (params one level deep); results belong to one graph; stale follows the scenario', () => {
    const store = new Store();
    store.patchScenario({ params: { p: 0.3 } });
    store.patchScenario({ runs: 42 });
    expect(store.scenario.value.params).toEqual({ ...defaultScenario().params, p: 0.3 });
    expect(store.scenario.value.runs).toBe(42);
    store.setGraph({ serial: 1 } as GraphState);
    const result = {
      graphSerial: 1,
      scenario: store.scenario.value,
      shard: { trace: null },
    } as unknown as RunResult;
    store.setResult(result);
    expect(store.currentResult.value).toBe(result);
    expect(store.stale.value).toBe(false);
    store.patchScenario({ runs: 43 });
    expect(store.stale.value).toBe(true);
    store.setGraph({ serial: 2 } as GraphState);
    expect(store.currentResult.value).toBeNull();
    expect(store.result.value).toBeNull();
  });
  it('keeps one legend section per feature', () => {
    const store = new Store();
    store.setLegend('communities', [{ swatch: '#000', label: () => 'x' }]);
    expect(Object.keys(store.legend.value)).toEqual(['communities']);
    store.setLegend('communities', null);
    expect(store.legend.value).toEqual({});
  });
});

describe('the seed box', () => {
  it('splits a typed list on commas, with quotes around ids that hold one', () => {
    expect(parseIdList('a, b ,c')).toEqual(['a', 'b', 'c']);
    expect(parseIdList('"Smith, John", @alice, x;y')).toEqual(['Smith, John', '@alice', 'x;y']);
    expect(parseIdList('"say ""hi""",  " padded "')).toEqual(['say "hi"', ' padded ']);
    expect(parseIdList(' , ,')).toEqual([]);
    expect(parseIdList('"unclosed, still one')).toEqual(['unclosed, still one']);
  });
  it('finds accounts by id, then exact label, then a label containing the text; a whole id may hold commas', () => {
    const csr = csrOf(4, [[0, 1]], 'undirected');
    const graph = {
      loaded: {
        csr,
        ids: ['a', 'Smith, John', '@alice', 'x'],
        labels: ['Alpha', undefined, 'Alice A.', 'Alphabet'],
      },
      index: new Map([
        ['a', 0],
        ['Smith, John', 1],
        ['@alice', 2],
        ['x', 3],
      ]),
    } as unknown as GraphState;
    expect(findNode(graph, 'x')).toBe(3);
    expect(findNode(graph, 'alphabet')).toBe(3);
    expect(findNode(graph, 'alph')).toBe(0);
    expect(findNode(graph, 'nobody')).toBeNull();
    expect(findNodes(graph, 'Smith, John')).toEqual({ found: [1], missing: [] });
    expect(findNodes(graph, '"Smith, John", @alice, zz')).toEqual({ found: [1, 2], missing: ['zz'] });
  });
});

describe('what the reach chart plots', () => {
  // A path 0 -> 1 -> 2 -> 3 plus a shortcut 0 -> 3: node 3 is one link from the seed.
  const csr = csrOf(
    5,
    [
      [0, 1],
      [1, 2],
      [2, 3],
      [0, 3],
    ],
    'influences',
  );
  it('measures graph distance from the nearest seed, -1 beyond reach', () => {
    expect([...seedDistances(csr, [0])]).toEqual([0, 1, 2, 1, -1]);
    expect([...seedDistances(csr, [0], 1)]).toEqual([0, 1, -1, 1, -1]);
    expect([...seedDistances(csr, [2, 0])]).toEqual([0, 1, 0, 1, -1]);
  });
  it('turns per-account counts into the mean reached within h links', () => {
    // 4 runs: node 0 always, 1 in 2 runs, 2 in 1 run, 3 in 4 runs.
    expect(reachedWithin(seedDistances(csr, [0]), [4, 2, 1, 4, 0], 4, 3)).toEqual([1, 2.5, 2.75, 2.75]);
  });
  it('plots distance and generations beside the structural ceiling, 6+ being everything', () => {
    expect(generationSeries([1, 2, 3], 3.5)).toEqual([2, 3, 3, 3, 3, 3.5]);
    const result = {
      summary: { mean: 2.75, reachByHop: [1, 2, 2.5, 2.75] },
      seedGroups: [{ nodes: [0], start: 0 }],
      shard: { nodeCounts: Uint32Array.from([4, 2, 1, 4, 0]), runCount: 4 },
    } as unknown as RunResult;
    const series = hopSeries(csr, result);
    expect(series.distance).toEqual([2.5, 2.75, 2.75, 2.75, 2.75, 2.75]);
    expect(series.generations).toEqual([2, 2.5, 2.75, 2.75, 2.75, 2.75]);
    expect(series.structural).toEqual([3, 4, 4, 4, 4, 4]);
    const noCounts = { ...result, shard: { nodeCounts: null, runCount: 4 } } as unknown as RunResult;
    expect(hopSeries(csr, noCounts).distance).toBeNull();
  });
});
