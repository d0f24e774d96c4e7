/**
 * The app's pure logic: the direction guess, seed groups, the draw budget, the store, parameter
 * parsing and the string catalogue. Small cases worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/app/i18n.ts';
import { previewEdgeList } from '../../src/app/load/direction-guess.ts';
import { addSeeds, allSeedIds, keepKnown, toggleSeed, topBy, toSeedPlan } from '../../src/app/seeds.ts';
import { defaultScenario, type GraphFacts, Store } from '../../src/app/store.ts';
import { planDrawing } from '../../src/graph/draw-plan.ts';
import { csrOf } from '../support/graphs.ts';

describe('previewEdgeList: the direction guess', () => {
  it('reads column names', () => {
    expect(previewEdgeList('follower,followee\na,b\n').direction).toBe('follows');
    expect(previewEdgeList('source;target\na;b\n')).toMatchObject({
      direction: 'influences',
      reason: 'header-influences',
    });
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
  it('patches the scenario (params one level deep) and notifies selectors only on change', () => {
    const store = new Store();
    const seen: number[] = [];
    store.select(
      (s) => s.scenario.runs,
      (runs) => seen.push(runs),
    );
    store.patchScenario({ params: { p: 0.3 } });
    store.patchScenario({ runs: 42 });
    expect(store.get().scenario.params).toEqual({ ...defaultScenario().params, p: 0.3 });
    expect(seen).toEqual([42]);
    const off = store.subscribe(() => seen.push(-1));
    off();
    store.setRun({ state: 'running' });
    expect(seen).toEqual([42]);
    expect(store.get().run.state).toBe('running');
  });
});

describe('string catalogue', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('seeds.noMatch', { query: 'x' })).toBe('No account with id or label "x".');
    expect(t('seeds.noMatch')).toContain('{query}');
  });
});

describe('form and result helpers', () => {
  it('parses model fields, naming the field and the expected range', async () => {
    const { parseField } = await import('../../src/app/ui/model-panel.ts');
    expect(parseField('p', '0.25')).toEqual({ value: 0.25 });
    expect(parseField('maxSteps', '')).toEqual({ value: null });
    expect(parseField('p', '1.5')).toEqual({
      error: "Probability p: expected a probability between 0 and 1, got '1.5'",
    });
    expect(parseField('p', '1e-400')).toEqual({
      error:
        "Probability p: '1e-400' is too small to represent and would be read as 0; write 0, or a larger value",
    });
    expect(parseField('runs', '2.5')).toEqual({
      error: "Monte Carlo runs: expected a whole number from 1 to 1000000000, got '2.5'",
    });
    expect(parseField('runs', '')).toHaveProperty('error');
  });

  it('finds accounts by id, then exact label, then a label containing the text', async () => {
    const { findNode } = await import('../../src/app/ui/seeds-panel.ts');
    const graph = {
      index: new Map([
        ['10', 0],
        ['20', 1],
        ['30', 2],
      ]),
      loaded: { labels: ['Ada Lovelace', 'ada', 'Grace Hopper'] },
    } as unknown as Parameters<typeof findNode>[0];
    expect(findNode(graph, '30')).toBe(2);
    expect(findNode(graph, 'ADA')).toBe(1);
    expect(findNode(graph, 'hop')).toBe(2);
    expect(findNode(graph, 'nobody')).toBeNull();
  });

  it('shows simulated reach within 1..5 hops and everything as 6+', async () => {
    const { hopSeries } = await import('../../src/app/ui/results-panel.ts');
    // reachByHop is cumulative from hop 0 (the seeds); a short cascade repeats its last value.
    expect(hopSeries([1, 3, 6], 6)).toEqual([3, 6, 6, 6, 6, 6]);
  });
});
