/**
 * Strong and weak ties in the app, as pure logic: the tie settings a tick and the presets give
 * (the same table as `ripple simulate --platform`), which preset a setting is, the engine's
 * TieParams (empty probabilities are p; threshold reads strong-only; p from the file needs them
 * given); the settings in the link and the scenario file (round trip, all keys or none, bad values
 * named); the lens's kind per drawn edge; and a kept result's `via` surviving the autosave check.
 */
import { describe, expect, it } from 'vitest';
import { checkSummary } from '../../src/app/panels/compare/kept-storage.ts';
import { drawnEdgeKinds, edgeColor, LENS_COLORS, lensKindOf } from '../../src/app/panels/ties/lens.ts';
import { decodeScenarioHash, encodeScenarioHash } from '../../src/app/persist/hash.ts';
import { scenarioFromJson, scenarioToJson } from '../../src/app/persist/scenario-file.ts';
import { ScenarioError, validateScenario } from '../../src/app/persist/validate.ts';
import {
  defaultTies,
  presetOf,
  presetTies,
  TiesNeedP,
  tieParams,
  withPreset,
} from '../../src/app/ties/settings.ts';
import type { Scenario, ScenarioTies } from '../../src/engine/scenario.ts';
import { hasMutualArc, mutualArcs } from '../../src/graph/ties.ts';
import { KIND_BETWEEN, KIND_STRONG } from '../../src/ties/jobs.ts';
import { csrOf } from '../support/graphs.ts';

const base: Scenario = {
  version: 1,
  graph: { kind: 'bundled', file: 'email-Eu-core.txt' },
  direction: 'influences',
  edgeValues: 'probability',
  model: 'ic',
  params: { p: 0.05, gamma: 0.2, phi: 0.18, maxSteps: null },
  seeds: { kind: 'groups', groups: [{ ids: ['0'], start: 0 }] },
  runs: 200,
  rngSeed: 1,
};

describe('tie settings', () => {
  it('presets are the table of ripple simulate --platform', () => {
    expect(presetTies('closed')).toEqual({
      strongBy: 'mutual',
      pStrong: null,
      pWeak: 0,
      groups: { kind: 'communities' },
      pGroup: null,
      strongOnly: false,
    });
    expect(presetTies('closed', 'clubs.txt').groups).toEqual({ kind: 'file', name: 'clubs.txt' });
    expect(presetTies('open')).toEqual({ ...defaultTies(), strongBy: 'mutual' });
    expect(presetOf(presetTies('closed', 'a b.txt'))).toBe('closed');
    expect(presetOf(presetTies('open'))).toBe('open');
    expect(presetOf({ ...presetTies('open'), pWeak: 0.01 })).toBeNull();
    expect(presetOf(undefined)).toBeNull();
    expect(withPreset({ ...base, model: 'sir' }, 'open', null).model).toBe('ic');
  });

  it('gives the engine p for empty probabilities, as the command line does', () => {
    const closed = withPreset(base, 'closed', null);
    expect(tieParams(closed, [[0, 1]])).toEqual({
      strongBy: 'mutual',
      pStrong: 0.05,
      pWeak: 0,
      groups: [[0, 1]],
      pGroup: 0.05,
      strongOnly: false,
    });
    // No groups: no group probability.
    expect(tieParams(closed, [])?.pGroup).toBe(0);
    expect(tieParams(base, [])).toBeUndefined();
    const threshold: Scenario = { ...base, model: 'threshold', ties: { ...defaultTies(), strongOnly: true } };
    expect(tieParams(threshold, [])).toMatchObject({ pStrong: 0, pWeak: 0, groups: [], strongOnly: true });
    expect(tieParams({ ...threshold, model: 'sir' }, [])).toBeUndefined();
    const fileP: Scenario = { ...closed, params: { ...base.params, p: null } };
    expect(() => tieParams(fileP, [])).toThrow(TiesNeedP);
    const given: ScenarioTies = { ...defaultTies(), pStrong: 0.3, pWeak: 0.1 };
    expect(tieParams({ ...fileP, ties: given }, [])).toMatchObject({ pStrong: 0.3, pWeak: 0.1, pGroup: 0 });
  });
});

describe('tie settings in the link and the scenario file', () => {
  const cases: ScenarioTies[] = [
    presetTies('closed'),
    presetTies('open'),
    { ...defaultTies(), strongBy: 'embeddedness:0.25', pStrong: 0.2, pWeak: 0.01, pGroup: 0.5 },
    { ...presetTies('closed', 'clubs & co, 2024.csv') },
    { ...defaultTies(), strongOnly: true },
  ];
  it.each(cases)('round-trips %j', (ties) => {
    const scenario = { ...base, ties };
    expect(decodeScenarioHash(encodeScenarioHash(scenario))).toEqual(scenario);
    expect(scenarioFromJson(scenarioToJson(scenario))).toEqual(scenario);
  });

  it('writes six keys, or none', () => {
    const hash = encodeScenarioHash(base);
    expect(hash).not.toMatch(/ties=|groups=/);
    expect(encodeScenarioHash({ ...base, ties: presetTies('closed') })).toBe(
      `${hash}&ties=mutual&pstrong=p&pweak=0&groups=communities&pgroup=p&strongonly=0`,
    );
  });

  it.each([
    ['&ties=mutual&pstrong=p', /come together; missing 'pweak'/],
    ['&ties=closeness&pstrong=p&pweak=p&groups=none&pgroup=p&strongonly=0', /ties.strongBy/],
    ['&ties=mutual&pstrong=1.5&pweak=p&groups=none&pgroup=p&strongonly=0', /ties.pStrong/],
    ['&ties=mutual&pstrong=p&pweak=p&groups=friends&pgroup=p&strongonly=0', /'groups' should be/],
    ['&ties=mutual&pstrong=p&pweak=p&groups=none&pgroup=p&strongonly=yes', /'strongonly' should be/],
  ])('refuses %s', (extra, message) => {
    expect(() => decodeScenarioHash(`${encodeScenarioHash(base)}${extra}`)).toThrow(message);
  });

  it('checks the scenario object strictly', () => {
    expect(() => validateScenario({ ...base, ties: { ...defaultTies(), extra: 1 } })).toThrow(ScenarioError);
    expect(() => validateScenario({ ...base, ties: { ...defaultTies(), groups: { kind: 'file' } } })).toThrow(
      /ties.groups/,
    );
    expect(() => validateScenario({ ...base, ties: { ...defaultTies(), pWeak: -0.1 } })).toThrow(
      /ties.pWeak/,
    );
  });
});

describe('the Ties lens', () => {
  it('finds the kind of every drawn edge', () => {
    // 0 <-> 1 mutual, 1 -> 2 weak, 2 -> 3 a bridge between communities.
    const csr = csrOf(4, [
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 3],
    ]);
    const mutual = mutualArcs(csr);
    const kinds = new Uint8Array(csr.arcs);
    const arcIndex = (u: number, v: number) => {
      for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) if (csr.outTargets[k] === v) return k;
      throw new Error('no arc');
    };
    for (let k = 0; k < csr.arcs; k++) kinds[k] = mutual[k] ? KIND_STRONG : 0;
    kinds[arcIndex(2, 3)] |= KIND_BETWEEN;
    // Drawn out of order, sources repeated: each still finds its arc.
    const edges = Uint32Array.from([2, 3, 0, 1, 1, 2, 1, 0]);
    const codes = drawnEdgeKinds(csr, kinds, edges);
    expect([...codes]).toEqual([2, 0, 1, 0]);
    expect(edgeColor(codes, '0')).toBe(LENS_COLORS.bridge);
    expect(edgeColor(codes, '2')).toBe(LENS_COLORS.weak);
    expect(lensKindOf(KIND_STRONG | KIND_BETWEEN)).toBe('bridge');
  });
});

describe('no reciprocated arc', () => {
  it('is found once, stopping at the first mutual arc', () => {
    expect(
      hasMutualArc(
        csrOf(3, [
          [0, 1],
          [1, 2],
        ]),
      ),
    ).toBe(false);
    expect(
      hasMutualArc(
        csrOf(3, [
          [0, 1],
          [1, 2],
          [2, 1],
        ]),
      ),
    ).toBe(true);
    expect(hasMutualArc(csrOf(3, [[0, 1]], 'undirected'))).toBe(true);
    expect(hasMutualArc(csrOf(3, []))).toBe(false);
  });
});

describe('kept results', () => {
  it('keep what carried the cascade through the autosave check', () => {
    const summary = {
      runs: 10,
      mean: 3,
      std: 1,
      ci95: [2, 4],
      exposed: 5,
      reachByHop: [1, 3],
      adoptionByStep: [1, 3],
      adoptionByStepCi95: [
        [1, 1],
        [2, 4],
      ],
      sizes: { min: 1, max: 5, median: 3, histogram: [{ from: 1, to: 5, count: 10 }] },
    };
    expect(checkSummary({ ...summary, via: { strong: 1.5, weak: 0.5, group: 0 } })?.via).toEqual({
      strong: 1.5,
      weak: 0.5,
      group: 0,
    });
    expect(checkSummary(summary)?.via).toBeUndefined();
    expect(checkSummary({ ...summary, via: { strong: 'x' } })).toBeNull();
  });
});
