/**
 * The scenario codecs: URL hash and scenario JSON round-trip every field exactly (numbers
 * included, so a link reproduces the same run), and malformed or foreign input is rejected with a
 * message naming the field. Restore order: a valid hash wins over the autosave.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeScenarioHash,
  encodeScenarioHash,
  pageFields,
  pageSuffix,
} from '../../src/app/persist/hash.ts';
import { restoreScenario } from '../../src/app/persist/restore.ts';
import { scenarioFromJson, scenarioToJson } from '../../src/app/persist/scenario-file.ts';
import { ScenarioError, validateScenario } from '../../src/app/persist/validate.ts';
import type { AutosaveStore } from '../../src/app/storage/autosave.ts';
import { CorruptRecordError, corruptKey, isQuotaError } from '../../src/app/storage/autosave.ts';
import type { Scenario } from '../../src/engine/scenario.ts';

const base: Scenario = {
  version: 1,
  graph: { kind: 'bundled', file: 'facebook_combined.txt' },
  direction: 'undirected',
  edgeValues: 'probability',
  model: 'ic',
  params: { p: 0.05, gamma: 0.2, phi: 0.18, maxSteps: null },
  seeds: { kind: 'groups', groups: [{ ids: ['107'], start: 0 }] },
  runs: 1000,
  rngSeed: 1,
};

const awkwardIds = [
  'a,b',
  'semi;colon',
  'at@sign',
  'amp&eq=',
  '100%',
  'hash#tag',
  ' spaced ',
  'quote"\'',
  'line\nbreak',
  'ümlaut',
  '🦊',
  'random:3',
  '007',
  '7',
];

const variants: Scenario[] = [
  base,
  {
    version: 1,
    graph: { kind: 'url', url: '/graphs/my file.gexf?x=1&y=2#frag' },
    direction: 'follows',
    edgeValues: 'weight',
    model: 'sir',
    params: { p: 0.1 + 0.2, gamma: 1 / 3, phi: 0, maxSteps: 17 },
    seeds: {
      kind: 'groups',
      groups: [
        { ids: awkwardIds.slice(0, 7), start: 0 },
        { ids: awkwardIds.slice(7), start: 3 },
        { ids: [], start: 9 },
      ],
    },
    runs: 100_000_000,
    rngSeed: 4294967295,
  },
  {
    version: 1,
    graph: { kind: 'file', name: 'follower export, 2024 (1).csv' },
    direction: 'influences',
    edgeValues: 'ignore',
    model: 'threshold',
    params: { p: null, gamma: 0, phi: 1, maxSteps: 0 },
    seeds: { kind: 'random', k: 25 },
    runs: 1,
    rngSeed: 0,
  },
  { ...base, model: 'wc', seeds: { kind: 'groups', groups: [] } },
  { ...base, model: 'lt', params: { p: 1e-7, gamma: 0.2, phi: 0.18, maxSteps: null } },
];

describe('URL hash codec', () => {
  it.each(variants.map((s, i) => [i, s] as const))('round-trips scenario %i exactly', (_, scenario) => {
    const hash = encodeScenarioHash(scenario);
    expect(hash.startsWith('#v=1&')).toBe(true);
    // The hash must survive being put in a URL and read back by the browser's URL parser.
    const url = new URL(`http://127.0.0.1/${hash}`);
    expect(decodeScenarioHash(url.hash)).toEqual(scenario);
    expect(decodeScenarioHash(hash.slice(1))).toEqual(scenario);
  });

  it('keeps the bits of every number', () => {
    const s = decodeScenarioHash(encodeScenarioHash(variants[1]))!;
    expect(Object.is(s.params.p, 0.30000000000000004)).toBe(true);
    expect(s.params.gamma).toBe(1 / 3);
  });

  it('is readable', () => {
    expect(encodeScenarioHash(base)).toBe(
      '#v=1&graph=bundled:facebook_combined.txt&direction=undirected&values=probability&model=ic&p=0.05&gamma=0.2&phi=0.18&steps=all&seeds=107@0&runs=1000&rng=1',
    );
  });

  it('keeps page fields (the classroom) out of the scenario, and reads them apart', () => {
    const own = encodeScenarioHash(base);
    expect(own).not.toContain('mode=');
    expect(decodeScenarioHash(`${own}&class=abc`)).toEqual(decodeScenarioHash(own));
    expect(decodeScenarioHash(`${own}&mode=educator`)).toEqual(decodeScenarioHash(own));
    expect(pageFields(`${own}&class=abc`)).toEqual({ class: 'abc' });
    expect(pageSuffix({ class: 'abc' })).toBe('&class=abc');
    expect(pageSuffix({})).toBe('');
  });

  it('gives null for an empty hash', () => {
    expect(decodeScenarioHash('')).toBeNull();
    expect(decodeScenarioHash('#')).toBeNull();
  });

  const good = encodeScenarioHash(base);
  const swap = (key: string, value: string) =>
    good.replace(new RegExp(`([#&])${key}=[^&]*`), `$1${key}=${value}`);
  const bad: [string, string, RegExp][] = [
    ['foreign hash', '#section-2', /not a Ripple scenario/],
    ['newer version', swap('v', '2'), /format 2 comes from a newer Ripple/],
    ['old version', swap('v', '0'), /unknown scenario format 0/],
    ['unknown field', `${good}&colour=red`, /unknown field 'colour'/],
    ['duplicate field', `${good}&runs=5`, /'runs' appears twice/],
    ['missing field', good.replace('&rng=1', ''), /missing field 'rng'/],
    ['no equals sign', `${good}&oops`, /'oops' is not of the form key=value/],
    ['not a number', swap('p', 'abc'), /'p' should be a number/],
    ['hex number', swap('runs', '0x10'), /'runs' should be a number/],
    ['p above 1', swap('p', '1.5'), /params\.p: expected a probability/],
    ['negative gamma', swap('gamma', '-0.1'), /params\.gamma/],
    ['fractional runs', swap('runs', '2.5'), /runs: expected a whole number/],
    ['zero runs', swap('runs', '0'), /runs: expected a whole number from 1/],
    ['rng too big', swap('rng', '4294967296'), /rngSeed: expected a whole number from 0 to 4294967295/],
    ['bad model', swap('model', 'magic'), /model: expected one of ic, wc, lt, sir, threshold/],
    [
      'bad direction',
      swap('direction', 'sideways'),
      /direction: expected one of undirected, influences, follows/,
    ],
    ['bad edge values', swap('values', 'maybe'), /edgeValues: expected one of/],
    ['bad graph kind', swap('graph', 'ftp:x'), /'graph' should be bundled:FILE/],
    ['empty graph', swap('graph', 'bundled:'), /'graph' should be bundled:FILE/],
    ['seed group without start', swap('seeds', '1,2'), /seed group 1 .* lacks its '@start'/],
    ['bad start', swap('seeds', '1@x'), /start step 'x'/],
    ['negative start', swap('seeds', '1@-1'), /start step '-1'/],
    ['broken escape', swap('seeds', '%E0%A4%A@0'), /broken %-escape/],
    ['empty id', swap('seeds', '1,,2@0'), /seeds\.groups\[0\]\.ids\[1\]: expected a node id/],
    ['random without k', swap('seeds', 'random:'), /random:K' needs a whole number/],
    ['random zero', swap('seeds', 'random:0'), /seeds\.k: expected a whole number from 1/],
    ['bad steps', swap('steps', 'forever'), /'steps' should be a number/],
    // The command line's rules (src/all-params.ts), read from the same table.
    ['p underflowing to 0', swap('p', '1e-400'), /'p': '1e-400' is too small to represent/],
    ['gamma underflowing to 0', swap('gamma', '1e-400'), /'gamma': '1e-400' is too small/],
    [
      'runs above 1e9',
      swap('runs', '1e12'),
      /runs: expected a whole number from 1 to 1000000000, got 1000000000000/,
    ],
    [
      'start beyond the step limit',
      swap('seeds', '107@0;1@50').replace('steps=all', 'steps=10'),
      /seeds\.groups\[1\]\.start: expected a whole number from 0 to 10 \(a group starting after params\.maxSteps 10 would never launch\), got 50/,
    ],
    [
      'start beyond the cap',
      swap('seeds', '107@0;1@1000000000'),
      /seeds\.groups\[1\]\.start: expected a whole number from 0 to 100000 .*, got 1000000000/,
    ],
  ];
  it('accepts runs up to 1e9 and a start at the step limit, as the command line does', () => {
    expect(decodeScenarioHash(swap('runs', '1e9'))?.runs).toBe(1e9);
    const atLimit = decodeScenarioHash(swap('seeds', '107@0;1@10').replace('steps=all', 'steps=10'));
    expect(atLimit?.seeds).toEqual({
      kind: 'groups',
      groups: [
        { ids: ['107'], start: 0 },
        { ids: ['1'], start: 10 },
      ],
    });
  });

  it.each(bad)('rejects %s with a clear message', (_, hash, message) => {
    expect(() => decodeScenarioHash(hash)).toThrow(ScenarioError);
    expect(() => decodeScenarioHash(hash)).toThrow(message);
  });
});

describe('scenario validation', () => {
  const table: [string, unknown, RegExp][] = [
    ['not an object', 'scenario', /scenario: expected an object/],
    ['no version', { ...base, version: undefined }, /version: expected 1/],
    ['newer version', { ...base, version: 3 }, /format 3, made by a newer Ripple/],
    ['extra field', { ...base, colour: 'red' }, /unknown field 'colour'/],
    ['missing field', { ...base, runs: undefined, rngSeed: 1 }, /runs: expected a whole number/],
    ['params extra', { ...base, params: { ...base.params, beta: 1 } }, /params: unknown field 'beta'/],
    ['params missing', { ...base, params: { p: 0.1 } }, /params: missing field 'gamma'/],
    ['p as text', { ...base, params: { ...base.params, p: '0.1' } }, /params\.p: expected a probability/],
    ['NaN phi', { ...base, params: { ...base.params, phi: Number.NaN } }, /params\.phi/],
    ['maxSteps negative', { ...base, params: { ...base.params, maxSteps: -1 } }, /params\.maxSteps/],
    [
      'graph url empty',
      { ...base, graph: { kind: 'url', url: '' } },
      /graph\.url: expected a non-empty text/,
    ],
    [
      'graph extra',
      { ...base, graph: { kind: 'file', name: 'a', bytes: 1 } },
      /graph: unknown field 'bytes'/,
    ],
    [
      'ids not a list',
      { ...base, seeds: { kind: 'groups', groups: [{ ids: '1', start: 0 }] } },
      /ids: expected a list/,
    ],
    [
      'numeric id',
      { ...base, seeds: { kind: 'groups', groups: [{ ids: [1], start: 0 }] } },
      /ids\[0\]: expected a node id/,
    ],
    ['seed kind', { ...base, seeds: { kind: 'top', k: 3 } }, /seeds\.kind: expected one of groups, random/],
    ['bad mode', { ...base, mode: 'kiosk' }, /mode: expected one of educator/],
  ];
  it.each(table)('rejects %s', (_, value, message) => {
    expect(() => validateScenario(value)).toThrow(message);
  });

  it('returns a fresh copy, not the input', () => {
    const copy = validateScenario(base);
    expect(copy).toEqual(base);
    expect(copy).not.toBe(base);
    expect(copy.seeds).not.toBe(base.seeds);
  });
});

describe('scenario JSON files', () => {
  it.each(variants.map((s, i) => [i, s] as const))('round-trips scenario %i', (_, scenario) => {
    expect(scenarioFromJson(scenarioToJson(scenario), 'a.json')).toEqual(scenario);
  });

  it('accepts a byte-order mark', () => {
    expect(scenarioFromJson(`\uFEFF${scenarioToJson(base)}`)).toEqual(base);
  });

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"format": ', /s\.json: not valid JSON/],
    ['other JSON', '{"nodes": []}', /s\.json: not a Ripple scenario file/],
    ['a list', '[1,2]', /s\.json: not a Ripple scenario file/],
    [
      'extra wrapper field',
      JSON.stringify({ format: 'ripple-scenario', scenario: base, x: 1 }),
      /unknown field 'x'/,
    ],
    [
      'bad field inside',
      JSON.stringify({ format: 'ripple-scenario', scenario: { ...base, runs: -5 } }),
      /s\.json: runs: expected a whole number from 1/,
    ],
  ];
  it.each(bad)('rejects %s naming the file and field', (_, content, message) => {
    expect(() => scenarioFromJson(content, 's.json')).toThrow(message);
  });
});

describe('restore order', () => {
  const saved: Scenario = { ...base, runs: 77 };
  /** A stand-in for the autosave that only reads a scenario, through the check it is given. */
  const reading = (load: AutosaveStore['loadScenario']) =>
    ({ loadScenario: load }) as unknown as AutosaveStore;
  const store = reading(async (check) => check(saved));
  const empty = reading(async () => null);
  const fromLink: Scenario = { ...base, runs: 5 };

  it('a valid hash wins over the autosave', async () => {
    const r = await restoreScenario(encodeScenarioHash(fromLink), store);
    expect(r).toEqual({ scenario: fromLink, from: 'hash', hashError: null, corrupt: null });
  });
  it('without a hash the autosave is used', async () => {
    expect(await restoreScenario('', store)).toEqual({
      scenario: saved,
      from: 'autosave',
      hashError: null,
      corrupt: null,
    });
  });
  it('a bad hash falls back to the autosave and says why', async () => {
    const r = await restoreScenario('#v=1&runs=x', store);
    expect(r.scenario).toEqual(saved);
    expect(r.from).toBe('autosave');
    expect(r.hashError).toMatch(/^link: /);
  });
  it('nothing to restore', async () => {
    const none = { scenario: null, from: 'none', hashError: null, corrupt: null };
    expect(await restoreScenario('', empty)).toEqual(none);
    expect(await restoreScenario('', null)).toEqual(none);
  });
  it('a corrupt saved scenario is reported with its record, the reason and where it was kept', async () => {
    const record = { key: 'scenario', reason: 'runs: expected a whole number', keptAs: 'scenario.corrupt.x' };
    const corrupt = reading(async () => {
      throw new CorruptRecordError(record);
    });
    expect(await restoreScenario('', corrupt)).toEqual({
      scenario: null,
      from: 'none',
      hashError: null,
      corrupt: record,
    });
    // A valid link does not even read the autosave.
    expect((await restoreScenario(encodeScenarioHash(fromLink), corrupt)).corrupt).toBeNull();
  });
  it('a failing read is reported too (nothing moved)', async () => {
    const failing = reading(async () => {
      throw new Error('read failed');
    });
    expect((await restoreScenario('', failing)).corrupt).toEqual({
      key: 'scenario',
      reason: 'read failed',
      keptAs: null,
    });
  });
  it('names the kept-aside key by record and date, and recognises a full quota', () => {
    expect(corruptKey('scenario', new Date(Date.UTC(2024, 4, 1, 12, 0, 0)))).toBe(
      'scenario.corrupt.2024-05-01T12:00:00.000Z',
    );
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new DOMException('gone', 'InvalidStateError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
