/**
 * Crisis watch's settings in the scenario: the URL hash and the scenario JSON round-trip them
 * exactly (ids with commas and odd characters, a horizon or none), a link without them stays as it
 * was, a group given in part or a bad value is refused with the field named, and a change never
 * makes a simulation stale. The Crisis forms read their settings back and name bad input (an id
 * not in the graph, k above the accounts available, a negative or fractional delay). The race
 * (panels/crisis/race.ts) gives the rumour the same reach as the engine's measuring code in every
 * world, and ties go to the correction.
 */
import { describe, expect, it } from 'vitest';
import {
  CORRECTION,
  countsAt,
  MEASURE_PHASE,
  NONE,
  RUMOUR,
  raceFrom,
  raceOf,
  sideAt,
} from '../../src/app/panels/crisis/race.ts';
import {
  containDraftOf,
  readContain,
  readWatch,
  watchDraftOf,
  watchErrors,
} from '../../src/app/panels/crisis/settings.ts';
import { decodeScenarioHash, encodeScenarioHash } from '../../src/app/persist/hash.ts';
import { scenarioFromJson, scenarioToJson } from '../../src/app/persist/scenario-file.ts';
import { validateScenario } from '../../src/app/persist/validate.ts';
import { Store } from '../../src/app/state/store.ts';
import type { GraphState } from '../../src/app/state/types.ts';
import { rumourReach } from '../../src/crisis/contain.ts';
import { createLiveWorlds, UNREACHED } from '../../src/crisis/live-world.ts';
import type { Scenario, ScenarioContain, ScenarioWatch } from '../../src/engine/scenario.ts';
import { phaseSeed } from '../../src/seeding/imm.ts';
import { csrOf, lcgDraw, randomArcsGraph } from '../support/graphs.ts';

const base: Scenario = {
  version: 1,
  graph: { kind: 'bundled', file: 'karate.txt' },
  direction: 'undirected',
  edgeValues: 'probability',
  model: 'ic',
  params: { p: 0.1, gamma: 0.2, phi: 0.18, maxSteps: null },
  seeds: { kind: 'groups', groups: [{ ids: ['33'], start: 0 }] },
  runs: 200,
  rngSeed: 7,
};

const watches: ScenarioWatch[] = [
  { objective: 'detect', k: 3, horizon: null },
  { objective: 'affected', k: 20, horizon: 6 },
];
const contains: ScenarioContain[] = [
  { rumour: ['33'], delay: 1, k: 2 },
  { rumour: ['a,b', 'x&y=%', '  space', 'π'], delay: 0, k: 1 },
];

describe('crisis settings in the scenario', () => {
  it.each([
    [watches[0], contains[0]],
    [watches[1], contains[1]],
    [watches[0], undefined],
    [undefined, contains[1]],
  ])('round-trip through the hash and the scenario file (%#)', (watch, contain) => {
    const scenario: Scenario = { ...base, ...(watch ? { watch } : {}), ...(contain ? { contain } : {}) };
    expect(decodeScenarioHash(encodeScenarioHash(scenario))).toEqual(scenario);
    expect(scenarioFromJson(scenarioToJson(scenario))).toEqual(scenario);
  });

  it('leaves a link without them as it was', () => {
    const hash = encodeScenarioHash(base);
    expect(hash).not.toMatch(/watch|rumour/);
    expect(decodeScenarioHash(hash)).toEqual(base);
    expect(encodeScenarioHash({ ...base, watch: watches[0], contain: contains[0] })).toBe(
      `${hash}&watch=detect&monitors=3&horizon=none&rumour=33&delay=1&correctors=2`,
    );
  });

  it.each([
    ['&watch=detect&monitors=3', /where-to-listen \('watch'\) fields come together; missing 'horizon'/],
    ['&rumour=1&delay=1', /whom-to-reach \('rumour'\) fields come together; missing 'correctors'/],
    ['&watch=likes&monitors=3&horizon=none', /watch\.objective/],
    ['&watch=time&monitors=0&horizon=none', /watch\.k/],
    ['&watch=time&monitors=2&horizon=0', /watch\.horizon/],
    ['&rumour=1&delay=-1&correctors=2', /contain\.delay/],
    ['&rumour=1&delay=1.5&correctors=2', /contain\.delay/],
    ['&rumour=1&delay=1&correctors=0', /contain\.k/],
    ['&rumour=&delay=1&correctors=1', /contain\.rumour: expected at least one/],
  ])('refuses %s', (tail, message) => {
    expect(() => decodeScenarioHash(`${encodeScenarioHash(base)}${tail}`)).toThrow(message);
  });

  it('refuses unknown fields in a scenario file', () => {
    expect(() => validateScenario({ ...base, watch: { ...watches[0], budget: 2 } })).toThrow(/watch/);
    expect(() => validateScenario({ ...base, contain: { ...contains[0], rumour: [''] } })).toThrow(
      /contain\.rumour\[0\]/,
    );
  });

  it('a crisis change does not make the simulation on screen stale', () => {
    const store = new Store();
    store.setScenario(base);
    store.graph.value = { serial: 1 } as never;
    store.result.value = { graphSerial: 1, scenario: base } as never;
    store.patchScenario({ watch: watches[1], contain: contains[1] });
    expect(store.stale.value).toBe(false);
    store.patchScenario({ rngSeed: 8 });
    expect(store.stale.value).toBe(true);
  });
});

/** A path 0 - 1 - 2 - 3 - 4 with ids a..e. */
function pathGraph(): GraphState {
  const csr = csrOf(
    5,
    [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ],
    'undirected',
  );
  const ids = ['a', 'b', 'c', 'd', 'e'];
  return { serial: 1, loaded: { csr, ids }, index: new Map(ids.map((id, i) => [id, i])) } as never;
}

describe('the Crisis forms', () => {
  const graph = pathGraph();

  it('read back the settings they show', () => {
    for (const w of watches.filter((x) => x.k <= 5))
      expect(readWatch(watchDraftOf(w), 5)).toEqual({ watch: w });
    const c = { rumour: ['a', 'c'], delay: 2, k: 3 };
    expect(readContain(containDraftOf(c), graph)).toEqual({ contain: c, rumour: [0, 2] });
  });

  it('name bad input in one message', () => {
    expect(watchErrors({ objective: 'detect', k: '6', horizon: '' }, 5).k).toMatch(/5.*number of accounts/);
    expect(watchErrors({ objective: 'detect', k: '2', horizon: '-3' }, 5).horizon).toMatch(/Horizon/);
    const read = (rumour: string, delay: string, k: string) => readContain({ rumour, delay, k }, graph);
    expect(read('a, nobody', '1', '1')).toEqual({
      error: 'Rumour starts at: ‘nobody’ is not an account of this graph.',
    });
    expect(read('', '1', '1')).toMatchObject({ error: expect.stringMatching(/at least one account/) });
    expect(read('a, b', '1', '4')).toMatchObject({
      error: expect.stringMatching(/3.*rumour does not start/),
    });
    expect(read('a', '-1', '1')).toMatchObject({ error: expect.stringMatching(/delay/i) });
    expect(read('a', '0.5', '1')).toMatchObject({ error: expect.stringMatching(/delay/i) });
    expect(read('a, a', '0', '4')).toMatchObject({ contain: { rumour: ['a'], k: 4 } });
  });
});

describe('the race', () => {
  it('applies the earliest-arrival rule, ties to the correction', () => {
    const U = UNREACHED;
    const dr = Uint32Array.from([0, 1, 2, 3, U, 5]);
    const dc = Uint32Array.from([U, 2, 2, 2, 4, U]);
    const race = raceFrom(dr, dc);
    expect(Array.from(race.side)).toEqual([RUMOUR, RUMOUR, CORRECTION, CORRECTION, CORRECTION, RUMOUR]);
    expect(race.end).toBe(5);
    expect(sideAt(race, 4, 3)).toBe(NONE);
    expect(sideAt(race, 4, 4)).toBe(CORRECTION);
    expect(countsAt(race, 2)).toEqual({ rumour: 2, correction: 2 });
    expect(countsAt(race, race.end)).toEqual({ rumour: 3, correction: 3 });
  });

  it("gives the rumour the engine's measured reach in every world", () => {
    const csr = randomArcsGraph(60, 240, lcgDraw(5));
    const rr = { model: 'ic' as const, p: 0.3 };
    const rumour = [0, 7];
    const correctors = [3, 11, 20];
    const worlds = createLiveWorlds(csr, rr, phaseSeed(9, MEASURE_PHASE));
    const reach = rumourReach(worlds, rumour, 2, [correctors], 0, 40)[0];
    let corrected = 0;
    for (let w = 0; w < 40; w++) {
      const race = raceOf(csr, { rr, rngSeed: 9, rumour, correctors, delay: 2, world: w });
      expect(race.rumour).toBe(reach[w]);
      corrected += race.correction;
    }
    expect(corrected).toBeGreaterThan(0);
  });
});
