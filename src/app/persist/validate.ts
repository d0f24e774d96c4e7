/**
 * Scenario validation: the one gate every scenario passes when it comes from outside the running
 * page (URL hash, scenario JSON file, IndexedDB autosave). Strict: unknown keys are rejected, and
 * every error names the field and what it expected, so a bad link or file says what is wrong.
 * Model parameters, runs, the random seed and start steps are checked against the parameter table
 * (src/all-params.ts), with the same ranges as the command line.
 */

import {
  BUDGET,
  CONVERSION,
  COST_FLAT,
  COST_PER_FOLLOWER,
  CPM,
  DEFAULT_COST,
  OBJECTIVE,
  VALUE,
} from '../../campaign/params.ts';
import { DELAY, HORIZON, WATCH_OBJECTIVE } from '../../crisis/params.ts';
import {
  GAMMA,
  MAX_STEPS_PARAM,
  MODEL,
  P,
  PHI,
  RNG_SEED,
  RUNS,
  START,
  START_CAP_REASON,
} from '../../diffusion/params.ts';
import type {
  GraphSource,
  Scenario,
  ScenarioContain,
  ScenarioPlan,
  ScenarioSeedGroup,
  ScenarioTies,
  ScenarioWatch,
} from '../../engine/scenario.ts';
import { DIRECTION, EDGE_VALUES_PARAM } from '../../graph/params.ts';
import { parseStrongBy } from '../../graph/ties.ts';
import { K } from '../../seeding/params.ts';
import { P_GROUP, P_STRONG, P_WEAK } from '../../ties/params.ts';
import {
  checkParam,
  formatParamError,
  type Limits,
  type ParamSpec,
  type ValueOf,
} from '../../util/param-spec.ts';

/** The one `mode` older files may carry (read and dropped, see validateScenario). */
const LEGACY_MODES = ['educator'] as const;

/** The scenario format this build writes and reads. */
export const SCENARIO_VERSION = 1;

/** Upper bounds that keep a hostile link or file from asking for absurd work. */
export const LIMITS = {
  runs: RUNS.max as number,
  seedIds: 100_000,
  groups: 1_000,
  start: START.max as number,
  maxSteps: MAX_STEPS_PARAM.max as number,
  idLength: 1_000,
} as const;

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

type Dict = Record<string, unknown>;

export function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function onlyKeys(
  value: Dict,
  allowed: readonly string[],
  where: string,
  optional: readonly string[] = [],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key) && !optional.includes(key)) {
      throw new ScenarioError(
        `${where}: unknown field '${key}' (expected ${[...allowed, ...optional].join(', ')})`,
      );
    }
  }
  for (const key of allowed) {
    if (!(key in value)) throw new ScenarioError(`${where}: missing field '${key}'`);
  }
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new ScenarioError(`${where}: expected one of ${allowed.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

/** A value checked against its parameter in the table; the error names the scenario field. */
function param<S extends ParamSpec>(spec: S, value: unknown, where: string, limits?: Limits): ValueOf<S> {
  const checked = checkParam(spec, value, limits);
  if (!checked.ok) throw new ScenarioError(formatParamError(checked.error, 'en', where));
  return checked.value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ScenarioError(`${where}: expected a non-empty text, got ${describe(value)}`);
  }
  if (value.length > 2_000) throw new ScenarioError(`${where}: text longer than 2000 characters`);
  return value;
}

function graphSource(value: unknown): GraphSource {
  if (!isDict(value)) throw new ScenarioError(`graph: expected an object, got ${describe(value)}`);
  const kind = oneOf(value.kind, ['bundled', 'url', 'file'] as const, 'graph.kind');
  if (kind === 'bundled') {
    onlyKeys(value, ['kind', 'file'], 'graph');
    return { kind, file: text(value.file, 'graph.file') };
  }
  if (kind === 'url') {
    onlyKeys(value, ['kind', 'url'], 'graph');
    return { kind, url: text(value.url, 'graph.url') };
  }
  onlyKeys(value, ['kind', 'name'], 'graph');
  return { kind, name: text(value.name, 'graph.name') };
}

function seedGroups(value: unknown, maxSteps: number | null): ScenarioSeedGroup[] {
  // A group starting after the step limit would never launch.
  const startLimits: Limits =
    maxSteps === null || maxSteps >= LIMITS.start
      ? { max: LIMITS.start, maxReason: START_CAP_REASON }
      : {
          max: maxSteps,
          maxReason: {
            en: `a group starting after params.maxSteps ${maxSteps} would never launch`,
            zh: `在 params.maxSteps ${maxSteps} 之后开始的组永远不会发布`,
          },
        };
  if (!Array.isArray(value)) throw new ScenarioError(`seeds.groups: expected a list, got ${describe(value)}`);
  if (value.length > LIMITS.groups) {
    throw new ScenarioError(`seeds.groups: at most ${LIMITS.groups} groups, got ${value.length}`);
  }
  let total = 0;
  return value.map((group, g) => {
    const where = `seeds.groups[${g}]`;
    if (!isDict(group)) throw new ScenarioError(`${where}: expected an object, got ${describe(group)}`);
    onlyKeys(group, ['ids', 'start'], where);
    if (!Array.isArray(group.ids)) {
      throw new ScenarioError(`${where}.ids: expected a list of node ids, got ${describe(group.ids)}`);
    }
    total += group.ids.length;
    if (total > LIMITS.seedIds) throw new ScenarioError(`seeds: more than ${LIMITS.seedIds} seed ids`);
    const ids = group.ids.map((id, i) => {
      if (typeof id !== 'string' || id.length === 0 || id.length > LIMITS.idLength) {
        throw new ScenarioError(
          `${where}.ids[${i}]: expected a node id (non-empty text), got ${describe(id)}`,
        );
      }
      return id;
    });
    return { ids, start: param(START, group.start, `${where}.start`, startLimits) };
  });
}

/** The campaign plan's settings, checked with the planner's parameter table. */
function planSettings(value: unknown): ScenarioPlan {
  if (!isDict(value)) throw new ScenarioError(`plan: expected an object, got ${describe(value)}`);
  onlyKeys(value, ['budget', 'costs', 'objective', 'conversion', 'value', 'cpm'], 'plan');
  const costs = value.costs;
  if (!isDict(costs)) throw new ScenarioError(`plan.costs: expected an object, got ${describe(costs)}`);
  const kind = oneOf(costs.kind, ['formula', 'file'] as const, 'plan.costs.kind');
  let checkedCosts: ScenarioPlan['costs'];
  if (kind === 'formula') {
    onlyKeys(costs, ['kind', 'flat', 'perFollower'], 'plan.costs');
    checkedCosts = {
      kind,
      flat: param(COST_FLAT, costs.flat, 'plan.costs.flat'),
      perFollower: param(COST_PER_FOLLOWER, costs.perFollower, 'plan.costs.perFollower'),
    };
  } else {
    onlyKeys(costs, ['kind', 'name', 'defaultCost'], 'plan.costs');
    checkedCosts = {
      kind,
      name: text(costs.name, 'plan.costs.name'),
      defaultCost:
        costs.defaultCost === null ? null : param(DEFAULT_COST, costs.defaultCost, 'plan.costs.defaultCost'),
    };
  }
  return {
    budget: param(BUDGET, value.budget, 'plan.budget'),
    costs: checkedCosts,
    objective: param(OBJECTIVE, value.objective, 'plan.objective'),
    conversion: param(CONVERSION, value.conversion, 'plan.conversion'),
    value: value.value === null ? null : param(VALUE, value.value, 'plan.value'),
    cpm: value.cpm === null ? null : param(CPM, value.cpm, 'plan.cpm'),
  };
}

/** Crisis watch's where-to-listen settings, checked with its parameter table. */
function watchSettings(value: unknown): ScenarioWatch {
  if (!isDict(value)) throw new ScenarioError(`watch: expected an object, got ${describe(value)}`);
  onlyKeys(value, ['objective', 'k', 'horizon'], 'watch');
  return {
    objective: param(WATCH_OBJECTIVE, value.objective, 'watch.objective'),
    k: param(K, value.k, 'watch.k', { max: LIMITS.seedIds }),
    horizon: value.horizon === null ? null : param(HORIZON, value.horizon, 'watch.horizon'),
  };
}

/** Crisis watch's whom-to-reach settings: the rumour's ids, the delay, the number of correctors. */
function containSettings(value: unknown): ScenarioContain {
  if (!isDict(value)) throw new ScenarioError(`contain: expected an object, got ${describe(value)}`);
  onlyKeys(value, ['rumour', 'delay', 'k'], 'contain');
  const ids = value.rumour;
  if (!Array.isArray(ids))
    throw new ScenarioError(`contain.rumour: expected a list of node ids, got ${describe(ids)}`);
  if (ids.length === 0)
    throw new ScenarioError('contain.rumour: expected at least one node id (where the rumour starts)');
  if (ids.length > LIMITS.seedIds) throw new ScenarioError(`contain.rumour: more than ${LIMITS.seedIds} ids`);
  const rumour = ids.map((id, i) => {
    if (typeof id !== 'string' || id.length === 0 || id.length > LIMITS.idLength)
      throw new ScenarioError(
        `contain.rumour[${i}]: expected a node id (non-empty text), got ${describe(id)}`,
      );
    return id;
  });
  return {
    rumour,
    delay: param(DELAY, value.delay, 'contain.delay'),
    k: param(K, value.k, 'contain.k', { max: LIMITS.seedIds }),
  };
}

/** The tie settings, checked with the ties' parameter table (src/ties/params.ts). */
function tiesSettings(value: unknown): ScenarioTies {
  if (!isDict(value)) throw new ScenarioError(`ties: expected an object, got ${describe(value)}`);
  onlyKeys(value, ['strongBy', 'pStrong', 'pWeak', 'groups', 'pGroup', 'strongOnly'], 'ties');
  if (typeof value.strongBy !== 'string')
    throw new ScenarioError(
      `ties.strongBy: expected mutual or embeddedness:X, got ${describe(value.strongBy)}`,
    );
  const rule = parseStrongBy(value.strongBy);
  if ('error' in rule) throw new ScenarioError(`ties.strongBy: ${rule.error}`);
  const orP = (spec: typeof P_STRONG, v: unknown, where: string) =>
    v === null ? null : param(spec, v, where);
  const groups = value.groups;
  if (!isDict(groups)) throw new ScenarioError(`ties.groups: expected an object, got ${describe(groups)}`);
  const kind = oneOf(groups.kind, ['none', 'communities', 'file'] as const, 'ties.groups.kind');
  let checkedGroups: ScenarioTies['groups'];
  if (kind === 'file') {
    onlyKeys(groups, ['kind', 'name'], 'ties.groups');
    checkedGroups = { kind, name: text(groups.name, 'ties.groups.name') };
  } else {
    onlyKeys(groups, ['kind'], 'ties.groups');
    checkedGroups = { kind };
  }
  if (typeof value.strongOnly !== 'boolean')
    throw new ScenarioError(`ties.strongOnly: expected true or false, got ${describe(value.strongOnly)}`);
  return {
    strongBy: value.strongBy,
    pStrong: orP(P_STRONG, value.pStrong, 'ties.pStrong'),
    pWeak: orP(P_WEAK, value.pWeak, 'ties.pWeak'),
    groups: checkedGroups,
    pGroup: orP(P_GROUP, value.pGroup, 'ties.pGroup'),
    strongOnly: value.strongOnly,
  };
}

/** Check a parsed value and return it as a Scenario (a fresh object), or throw a ScenarioError. */
export function validateScenario(value: unknown): Scenario {
  if (!isDict(value)) throw new ScenarioError(`scenario: expected an object, got ${describe(value)}`);
  if (value.version !== SCENARIO_VERSION) {
    if (typeof value.version === 'number' && value.version > SCENARIO_VERSION) {
      throw new ScenarioError(
        `version: this scenario has format ${value.version}, made by a newer Ripple; this one reads format ${SCENARIO_VERSION}`,
      );
    }
    throw new ScenarioError(`version: expected ${SCENARIO_VERSION}, got ${describe(value.version)}`);
  }
  // Files of an earlier build may say mode 'educator': how the page was shown, not part of the
  // scenario (the classroom keeps its own state, src/app/panels/classroom): read and dropped.
  // 'plan', 'watch', 'contain' and 'ties' are optional (added within format 1): checked, then the
  // required fields.
  if (value.mode !== undefined) oneOf(value.mode, LEGACY_MODES, 'mode');
  const plan = value.plan === undefined ? undefined : planSettings(value.plan);
  const watch = value.watch === undefined ? undefined : watchSettings(value.watch);
  const contain = value.contain === undefined ? undefined : containSettings(value.contain);
  const ties = value.ties === undefined ? undefined : tiesSettings(value.ties);
  const { mode: _mode, plan: _plan, watch: _watch, contain: _contain, ties: _ties, ...required } = value;
  onlyKeys(
    required,
    ['version', 'graph', 'direction', 'edgeValues', 'model', 'params', 'seeds', 'runs', 'rngSeed'],
    'scenario',
    ['mode', 'plan', 'watch', 'contain', 'ties'],
  );
  const params = value.params;
  if (!isDict(params)) throw new ScenarioError(`params: expected an object, got ${describe(params)}`);
  onlyKeys(params, ['p', 'gamma', 'phi', 'maxSteps'], 'params');
  const checkedParams = {
    p: params.p === null ? null : param(P, params.p, 'params.p'),
    gamma: param(GAMMA, params.gamma, 'params.gamma'),
    phi: param(PHI, params.phi, 'params.phi'),
    maxSteps: params.maxSteps === null ? null : param(MAX_STEPS_PARAM, params.maxSteps, 'params.maxSteps'),
  };
  const seeds = value.seeds;
  if (!isDict(seeds)) throw new ScenarioError(`seeds: expected an object, got ${describe(seeds)}`);
  const seedKind = oneOf(seeds.kind, ['groups', 'random'] as const, 'seeds.kind');
  let seedPlan: Scenario['seeds'];
  if (seedKind === 'groups') {
    onlyKeys(seeds, ['kind', 'groups'], 'seeds');
    seedPlan = { kind: 'groups', groups: seedGroups(seeds.groups, checkedParams.maxSteps) };
  } else {
    onlyKeys(seeds, ['kind', 'k'], 'seeds');
    seedPlan = { kind: 'random', k: param(K, seeds.k, 'seeds.k', { max: LIMITS.seedIds }) };
  }
  return {
    version: SCENARIO_VERSION,
    graph: graphSource(value.graph),
    direction: param(DIRECTION, value.direction, 'direction'),
    edgeValues: param(EDGE_VALUES_PARAM, value.edgeValues, 'edgeValues'),
    model: param(MODEL, value.model, 'model'),
    params: checkedParams,
    seeds: seedPlan,
    runs: param(RUNS, value.runs, 'runs'),
    rngSeed: param(RNG_SEED, value.rngSeed, 'rngSeed'),
    ...(plan ? { plan } : {}),
    ...(watch ? { watch } : {}),
    ...(contain ? { contain } : {}),
    ...(ties ? { ties } : {}),
  };
}

/** Two scenarios are the same when they would give the same numbers (field by field). */
export function sameScenario(a: Scenario, b: Scenario): boolean {
  return JSON.stringify(validateScenario(a)) === JSON.stringify(validateScenario(b));
}
