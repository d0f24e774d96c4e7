/**
 * The campaign plan's settings in the scenario: the URL hash and the scenario JSON round-trip them
 * exactly (formula and file costs, value and CPM or none), a link without them stays as it was,
 * and bad plan fields are refused with the field named. The Plan form's draft reads the same
 * settings back (panels/plan/settings.ts), and a plan change never makes a simulation stale.
 */
import { describe, expect, it } from 'vitest';
import { lang } from '../../src/app/i18n/lang.ts';
import { knownProblem, problemText } from '../../src/app/panels/plan/costs.ts';
import { planCsv } from '../../src/app/panels/plan/effects.ts';
import { t } from '../../src/app/panels/plan/messages.ts';
import { defaultPlan, draftOf, fieldErrors, readDraft } from '../../src/app/panels/plan/settings.ts';
import { decodeScenarioHash, encodeScenarioHash } from '../../src/app/persist/hash.ts';
import { scenarioFromJson, scenarioToJson } from '../../src/app/persist/scenario-file.ts';
import { ScenarioError, validateScenario } from '../../src/app/persist/validate.ts';
import { Store } from '../../src/app/state/store.ts';
import { CostsError, completeCosts, parseCostsTable } from '../../src/campaign/costs.ts';
import type { Scenario, ScenarioPlan } from '../../src/engine/scenario.ts';
import { csrOf } from '../support/graphs.ts';

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

const plans: ScenarioPlan[] = [
  {
    budget: 30,
    costs: { kind: 'formula', flat: 2, perFollower: 1 },
    objective: 'reach',
    conversion: 0.01,
    value: null,
    cpm: null,
  },
  {
    budget: 0.1 + 0.2,
    costs: { kind: 'formula', flat: 0, perFollower: 1 / 3 },
    objective: 'conversions',
    conversion: 1,
    value: 29.99,
    cpm: 8,
  },
  {
    budget: 1e9,
    costs: { kind: 'file', name: 'prices: 2024 & more %.csv', defaultCost: null },
    objective: 'exposure',
    conversion: 0,
    value: 0,
    cpm: 0,
  },
  {
    budget: 0,
    costs: { kind: 'file', name: 'p.csv', defaultCost: 2.5 },
    objective: 'reach',
    conversion: 0.02,
    value: null,
    cpm: 3,
  },
];

describe('plan settings in the scenario', () => {
  it.each(plans)('round-trip through the hash and the scenario file (%#)', (plan) => {
    const scenario = { ...base, plan };
    expect(decodeScenarioHash(encodeScenarioHash(scenario))).toEqual(scenario);
    expect(scenarioFromJson(scenarioToJson(scenario))).toEqual(scenario);
  });

  it('leaves a link without a plan as it was', () => {
    const hash = encodeScenarioHash(base);
    expect(hash).not.toContain('budget');
    expect(decodeScenarioHash(hash)).toEqual(base);
    expect(encodeScenarioHash({ ...base, plan: plans[0] })).toBe(
      `${hash}&budget=30&costs=formula:2:1&objective=reach&conversion=0.01&value=none&cpm=none`,
    );
  });

  it.each([
    ['&budget=30&costs=formula:2:1', /the plan's fields come together; missing 'objective'/],
    ['&budget=-1&costs=formula:2:1&objective=reach&conversion=0.01&value=none&cpm=none', /plan\.budget/],
    [
      '&budget=x&costs=formula:2:1&objective=reach&conversion=0.01&value=none&cpm=none',
      /'budget' should be a number/,
    ],
    [
      '&budget=3&costs=bid:2&objective=reach&conversion=0.01&value=none&cpm=none',
      /'costs' should be formula/,
    ],
    ['&budget=3&costs=formula:2:1&objective=likes&conversion=0.01&value=none&cpm=none', /plan\.objective/],
    ['&budget=3&costs=formula:2:1&objective=reach&conversion=2&value=none&cpm=none', /plan\.conversion/],
    [
      '&budget=3&costs=file:-1:a.csv&objective=reach&conversion=0.1&value=none&cpm=none',
      /plan\.costs\.defaultCost/,
    ],
  ])('refuses %s', (tail, message) => {
    expect(() => decodeScenarioHash(`${encodeScenarioHash(base)}${tail}`)).toThrow(message);
  });

  it('refuses unknown plan fields in a scenario file', () => {
    expect(() => validateScenario({ ...base, plan: { ...plans[0], stagger: 2 } })).toThrow(ScenarioError);
    expect(() =>
      validateScenario({ ...base, plan: { ...plans[0], costs: { kind: 'file', name: '' } } }),
    ).toThrow(/plan\.costs/);
  });

  it('a plan change does not make the simulation on screen stale', () => {
    const store = new Store();
    store.setScenario(base);
    store.graph.value = { serial: 1 } as never;
    store.result.value = { graphSerial: 1, scenario: base } as never;
    expect(store.stale.value).toBe(false);
    store.patchScenario({ plan: plans[0] });
    expect(store.stale.value).toBe(false);
    store.patchScenario({ rngSeed: 8 });
    expect(store.stale.value).toBe(true);
  });
});

describe('the Plan form', () => {
  // A star: node 0 reaches 4 followers, the others 1 each (undirected).
  const csr = csrOf(
    5,
    [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
    ],
    'undirected',
  );

  it('reads back the settings it shows', () => {
    for (const plan of plans) {
      const name = plan.costs.kind === 'file' ? plan.costs.name : null;
      expect(readDraft(draftOf(plan), name)).toEqual({ plan });
    }
  });

  it('defaults to about ten median accounts under the default formula', () => {
    expect(defaultPlan(csr).budget).toBe(110);
  });

  it('names the fields that are wrong, keeping what was typed', () => {
    const d = { ...draftOf(plans[0]), budget: 'abc', conversion: '1.5', cpm: '' };
    const errors = fieldErrors(d);
    expect(Object.keys(errors)).toEqual(['budget', 'conversion']);
    expect(errors.budget).toMatch(/Budget/);
    expect(readDraft(d, null)).toEqual({ error: errors.budget });
    expect(d.budget).toBe('abc');
  });

  it('needs the file for file costs', () => {
    expect(readDraft(draftOf(plans[2]), null)).toEqual({ needFile: true });
  });

  it('exports id, cost, followers and marginal gain per seed', () => {
    const picks = [
      { node: 1, cost: 2, followers: 1, marginalGain: 1.5 },
      { node: 0, cost: 6, followers: 4, marginalGain: 0.25 },
    ];
    expect(planCsv({ result: { picks } }, ['=a', 'b,c'])).toBe(
      'id,cost,followers,marginal_gain\r\n"b,c",2,1,1.5\r\n\'=a,6,4,0.25\r\n',
    );
  });
});

describe('costs problems in the page language', () => {
  const ids = ['a', 'b', 'c'];
  const bad = [
    'id,cost\na,1\nnobody,2\n',
    'id,cost\na,1\na,2\n',
    'id,cost\na,\n',
    'id,cost\na,cheap\n',
    'id,cost\na,1e999\n',
    'id,cost\na,-4\n',
    'id,cost\na,1,2\n',
    'name,price\na,1\n',
    '',
    'id,cost\na\0,1\n',
  ];

  it.each(bad)('knows every problem the parser names (%j)', (text) => {
    let problem = '';
    try {
      parseCostsTable(text, 'f.csv', ids);
    } catch (error) {
      expect(error).toBeInstanceOf(CostsError);
      problem = (error as CostsError).problem;
    }
    expect(problem).not.toBe('');
    expect(knownProblem(problem)).toBe(true);
    const zh = problemText(problem, (key, vars) => {
      lang.value = 'zh-CN';
      try {
        return t(key, vars);
      } finally {
        lang.value = 'en';
      }
    });
    // Only the data (ids, the text given) and the header's literal stay in Latin letters.
    expect(zh.replace(/id,cost|cheap|nobody|name,price|1e999|NUL|CSV/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('knows the accounts left without a cost, and keeps the English wording as the engine has it', () => {
    let problem = '';
    try {
      completeCosts(parseCostsTable('id,cost\na,1\n', 'f.csv', ids).costs, ids, null, 'f.csv');
    } catch (error) {
      problem = (error as CostsError).problem;
    }
    expect(knownProblem(problem)).toBe(true);
    expect(problemText(problem, t)).toBe(
      "2 of 3 accounts have no cost: 'b', 'c'; give them one in the file, or set a default cost",
    );
    expect(problemText("account 'x' is not in the graph", t)).toBe("account 'x' is not in the graph");
    expect(problemText('something new', t)).toBe('something new');
  });
});
