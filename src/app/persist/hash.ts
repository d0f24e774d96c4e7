/**
 * The scenario in the URL hash, readable and versioned:
 *
 *   #v=1&graph=bundled:facebook_combined.txt&direction=undirected&values=probability&model=ic
 *    &p=0.02&gamma=0.2&phi=0.18&steps=all&seeds=107@0;12,13@3&runs=1000&rng=1
 *
 * - graph: `bundled:FILE`, `url:URL` or `file:NAME` (the rest percent-encoded).
 * - p: a number, or `file` for the file's per-edge probabilities; steps: a whole number or `all`.
 * - seeds: groups `id,id@start` separated by `;` (each id percent-encoded, so ids may hold any
 *   character), or `random:K`.
 * - page fields, after the scenario and not part of it: `class=…` opens the classroom over the
 *   scenario with its own network and settings (src/app/panels/classroom/link.ts); `mode=educator`,
 *   written by earlier builds, opens it with its first lesson. pageFields() reads them.
 * - The campaign plan (optional, all six keys or none, written once the Plan tab is used):
 *   `budget=30&costs=formula:2:1&objective=reach&conversion=0.01&value=none&cpm=8`. costs is
 *   `formula:FLAT:PER_FOLLOWER` or `file:DEFAULT:NAME` (DEFAULT a number or `none`; only the file's
 *   name travels, the file itself must be opened again); value and cpm are a number or `none`.
 * - Crisis watch (optional, each group all its keys or none, written once the Crisis tab is used):
 *   where to listen `watch=detect&monitors=3&horizon=none` (the objective, the number of monitors,
 *   the horizon in steps or `none`); whom to reach `rumour=33,1&delay=1&correctors=2` (the ids
 *   where the rumour starts, each percent-encoded, the delay in steps, the number of correctors).
 * - Strong and weak ties (optional, all six keys or none, written once tie-aware diffusion is on):
 *   `ties=mutual&pstrong=p&pweak=0&groups=communities&pgroup=p&strongonly=0`. ties is the rule
 *   (`mutual` or `embeddedness:X`); pstrong, pweak and pgroup a number or `p` (the value of p);
 *   groups `none`, `communities` or `file:NAME` (only the file's name travels: the page asks for
 *   the file again); strongonly `1` or `0`.
 * Numbers are written in JavaScript's shortest round-trip form, so decoding gives back exactly the
 * same values and opening the link reproduces the same numbers. Everything decoded goes through
 * validateScenario; a malformed or foreign hash throws a ScenarioError that names the problem.
 */

import type { Scenario } from '../../engine/scenario.ts';
import { parseDecimal } from '../../util/param-spec.ts';
import { SCENARIO_VERSION, ScenarioError, validateScenario } from './validate.ts';

const KEYS = [
  'v',
  'graph',
  'direction',
  'values',
  'model',
  'p',
  'gamma',
  'phi',
  'steps',
  'seeds',
  'runs',
  'rng',
  'budget',
  'costs',
  'objective',
  'conversion',
  'value',
  'cpm',
  'watch',
  'monitors',
  'horizon',
  'rumour',
  'delay',
  'correctors',
  'ties',
  'pstrong',
  'pweak',
  'groups',
  'pgroup',
  'strongonly',
] as const;
type Key = (typeof KEYS)[number];
/** The campaign plan's keys: all of them or none. */
const PLAN_KEYS = ['budget', 'costs', 'objective', 'conversion', 'value', 'cpm'] as const satisfies Key[];
/** Crisis watch's keys: where to listen, whom to reach (each group all or none). */
const WATCH_KEYS = ['watch', 'monitors', 'horizon'] as const satisfies Key[];
const CONTAIN_KEYS = ['rumour', 'delay', 'correctors'] as const satisfies Key[];
/** Strong and weak ties' keys: all of them or none. */
const TIES_KEYS = ['ties', 'pstrong', 'pweak', 'groups', 'pgroup', 'strongonly'] as const satisfies Key[];
/** Keys added within format 1 that older links lack: absent means the default. */
const OPTIONAL_KEYS: readonly Key[] = [...PLAN_KEYS, ...WATCH_KEYS, ...CONTAIN_KEYS, ...TIES_KEYS];
/** Fields of the page shown over the scenario (not part of it), in the order they are written. */
export const PAGE_KEYS = ['class', 'mode'] as const;
export type PageKey = (typeof PAGE_KEYS)[number];

/** The page fields of a hash (raw, still percent-encoded as written). */
export function pageFields(hash: string): Partial<Record<PageKey, string>> {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const out: Partial<Record<PageKey, string>> = {};
  for (const pair of body.split('&')) {
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq);
    if (eq > 0 && (PAGE_KEYS as readonly string[]).includes(key)) out[key as PageKey] = pair.slice(eq + 1);
  }
  return out;
}

/** Page fields as written after the scenario's hash ('' for none). */
export function pageSuffix(fields: Partial<Record<PageKey, string>>): string {
  return PAGE_KEYS.filter((k) => fields[k] !== undefined)
    .map((k) => `&${k}=${fields[k]}`)
    .join('');
}

const enc = encodeURIComponent;

export function encodeScenarioHash(scenario: Scenario): string {
  const s = validateScenario(scenario);
  const g = s.graph;
  const graph =
    g.kind === 'bundled'
      ? `bundled:${enc(g.file)}`
      : g.kind === 'url'
        ? `url:${enc(g.url)}`
        : `file:${enc(g.name)}`;
  const seeds =
    s.seeds.kind === 'random'
      ? `random:${s.seeds.k}`
      : s.seeds.groups.map((group) => `${group.ids.map(enc).join(',')}@${group.start}`).join(';');
  const fields: Record<Key, string> = {
    v: String(SCENARIO_VERSION),
    graph,
    direction: s.direction,
    values: s.edgeValues,
    model: s.model,
    p: s.params.p === null ? 'file' : String(s.params.p),
    gamma: String(s.params.gamma),
    phi: String(s.params.phi),
    steps: s.params.maxSteps === null ? 'all' : String(s.params.maxSteps),
    seeds,
    runs: String(s.runs),
    rng: String(s.rngSeed),
    ...planFields(s.plan),
    ...watchFields(s.watch),
    ...containFields(s.contain),
    ...tiesFields(s.ties),
  };
  const written = KEYS.filter((key) => !(OPTIONAL_KEYS.includes(key) && fields[key] === ''));
  return `#${written.map((key) => `${key}=${fields[key]}`).join('&')}`;
}

const orNone = (v: number | null) => (v === null ? 'none' : String(v));

function planFields(plan: Scenario['plan']): Record<(typeof PLAN_KEYS)[number], string> {
  if (!plan) return { budget: '', costs: '', objective: '', conversion: '', value: '', cpm: '' };
  const c = plan.costs;
  return {
    budget: String(plan.budget),
    costs:
      c.kind === 'formula'
        ? `formula:${c.flat}:${c.perFollower}`
        : `file:${orNone(c.defaultCost)}:${enc(c.name)}`,
    objective: plan.objective,
    conversion: String(plan.conversion),
    value: orNone(plan.value),
    cpm: orNone(plan.cpm),
  };
}

function watchFields(watch: Scenario['watch']): Record<(typeof WATCH_KEYS)[number], string> {
  if (!watch) return { watch: '', monitors: '', horizon: '' };
  return { watch: watch.objective, monitors: String(watch.k), horizon: orNone(watch.horizon) };
}

function containFields(contain: Scenario['contain']): Record<(typeof CONTAIN_KEYS)[number], string> {
  if (!contain) return { rumour: '', delay: '', correctors: '' };
  return {
    rumour: contain.rumour.map(enc).join(','),
    delay: String(contain.delay),
    correctors: String(contain.k),
  };
}

const orP = (v: number | null) => (v === null ? 'p' : String(v));

function tiesFields(ties: Scenario['ties']): Record<(typeof TIES_KEYS)[number], string> {
  if (!ties) return { ties: '', pstrong: '', pweak: '', groups: '', pgroup: '', strongonly: '' };
  const g = ties.groups;
  return {
    ties: enc(ties.strongBy),
    pstrong: orP(ties.pStrong),
    pweak: orP(ties.pWeak),
    groups: g.kind === 'file' ? `file:${enc(g.name)}` : g.kind,
    pgroup: orP(ties.pGroup),
    strongonly: ties.strongOnly ? '1' : '0',
  };
}

/** The ties' keys read back (the values are checked with the scenario). */
function parseTies(fields: Record<string, string>): Record<string, unknown> {
  const ties = group(fields, TIES_KEYS, "strong and weak ties' ('ties')");
  if (!ties) return {};
  const numberOrP = (key: Key) => (fields[key] === 'p' ? null : number(fields, key));
  const file = /^file:(.+)$/.exec(ties.groups);
  let groups: Record<string, unknown>;
  if (file) groups = { kind: 'file', name: decode(file[1], 'groups') };
  else if (ties.groups === 'none' || ties.groups === 'communities') groups = { kind: ties.groups };
  else
    throw new ScenarioError(
      `link: 'groups' should be none, communities or file:NAME, got '${clip(ties.groups)}'`,
    );
  if (ties.strongonly !== '0' && ties.strongonly !== '1')
    throw new ScenarioError(`link: 'strongonly' should be 1 or 0, got '${clip(ties.strongonly)}'`);
  return {
    ties: {
      strongBy: decode(ties.ties, 'ties'),
      pStrong: numberOrP('pstrong'),
      pWeak: numberOrP('pweak'),
      groups,
      pGroup: numberOrP('pgroup'),
      strongOnly: ties.strongonly === '1',
    },
  };
}

/** The keys of one optional group: null when none is given, an error when only some are. */
function group<K extends Key>(
  fields: Record<string, string>,
  keys: readonly K[],
  what: string,
): Record<K, string> | null {
  const given = keys.filter((key) => key in fields);
  if (given.length === 0) return null;
  const missing = keys.filter((key) => !(key in fields));
  if (missing.length > 0)
    throw new ScenarioError(`link: ${what} fields come together; missing '${missing.join("', '")}'`);
  return fields as Record<K, string>;
}

/** Crisis watch's keys read back (the values are checked with the scenario). */
function parseCrisis(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const watch = group(fields, WATCH_KEYS, "where-to-listen ('watch')");
  if (watch)
    out.watch = {
      objective: watch.watch,
      k: number(watch, 'monitors'),
      horizon: numberOrNone(watch, 'horizon'),
    };
  const contain = group(fields, CONTAIN_KEYS, "whom-to-reach ('rumour')");
  if (contain)
    out.contain = {
      rumour: contain.rumour === '' ? [] : contain.rumour.split(',').map((id) => decode(id, 'rumour')),
      delay: number(contain, 'delay'),
      k: number(contain, 'correctors'),
    };
  return out;
}

/** A number or `none` (null). */
function numberOrNone(fields: Record<string, string>, key: Key): number | null {
  return fields[key] === 'none' ? null : number(fields, key);
}

/** The plan's keys read back (the values are checked with the scenario). */
function parsePlan(fields: Record<string, string>): Record<string, unknown> | null {
  const given = PLAN_KEYS.filter((key) => key in fields);
  if (given.length === 0) return null;
  const missing = PLAN_KEYS.filter((key) => !(key in fields));
  if (missing.length > 0)
    throw new ScenarioError(`link: the plan's fields come together; missing '${missing.join("', '")}'`);
  const raw = fields.costs;
  let costs: Record<string, unknown>;
  const formula = /^formula:([^:]*):([^:]*)$/.exec(raw);
  const file = /^file:([^:]*):(.+)$/.exec(raw);
  if (formula) {
    const part = { flat: formula[1], perFollower: formula[2] };
    costs = {
      kind: 'formula',
      flat: number({ costs: part.flat }, 'costs'),
      perFollower: number({ costs: part.perFollower }, 'costs'),
    };
  } else if (file) {
    costs = {
      kind: 'file',
      name: decode(file[2], 'costs'),
      defaultCost: numberOrNone({ costs: file[1] }, 'costs'),
    };
  } else
    throw new ScenarioError(
      `link: 'costs' should be formula:FLAT:PER_FOLLOWER or file:DEFAULT:NAME, got '${clip(raw)}'`,
    );
  return {
    budget: number(fields, 'budget'),
    costs,
    objective: fields.objective,
    conversion: number(fields, 'conversion'),
    value: numberOrNone(fields, 'value'),
    cpm: numberOrNone(fields, 'cpm'),
  };
}

/**
 * A number field read as the command line reads numbers (src/util/param-spec.ts): decimal
 * notation only, and a non-zero number too small to represent (`p=1e-400`) refused rather than
 * read as 0. Ranges are checked with the scenario (validateScenario).
 */
function number(fields: Record<string, string>, key: Key): number {
  const raw = fields[key];
  const read = parseDecimal(raw);
  if (read.ok) return read.value;
  if (!read.ok && read.code === 'underflow')
    throw new ScenarioError(
      `link: '${key}': '${clip(raw)}' is too small to represent and would be read as 0; write 0, or a larger value`,
    );
  throw new ScenarioError(`link: '${key}' should be a number, got '${clip(raw)}'`);
}

function clip(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
}

function decode(raw: string, key: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ScenarioError(`link: '${key}' holds a broken %-escape: '${clip(raw)}'`);
  }
}

function parseSeeds(raw: string): Scenario['seeds'] {
  const random = /^random:(.*)$/.exec(raw);
  if (random) {
    if (!/^\d+$/.test(random[1]))
      throw new ScenarioError(`link: 'seeds=random:K' needs a whole number K, got '${clip(random[1])}'`);
    return { kind: 'random', k: Number(random[1]) };
  }
  if (raw === '') return { kind: 'groups', groups: [] };
  const groups = raw.split(';').map((part, g) => {
    const at = part.lastIndexOf('@');
    if (at < 0)
      throw new ScenarioError(`link: seed group ${g + 1} ('${clip(part)}') lacks its '@start' step`);
    const start = part.slice(at + 1);
    if (!/^\d+$/.test(start)) {
      throw new ScenarioError(
        `link: seed group ${g + 1} has start step '${clip(start)}', expected a whole number`,
      );
    }
    const list = part.slice(0, at);
    return { ids: list === '' ? [] : list.split(',').map((id) => decode(id, 'seeds')), start: Number(start) };
  });
  return { kind: 'groups', groups };
}

/**
 * Read a scenario from `location.hash` (with or without the leading '#'). An empty hash gives
 * null (nothing to restore); anything else must be a whole, valid scenario or a ScenarioError is
 * thrown, so the caller can show the message and keep its current state.
 */
export function decodeScenarioHash(hash: string): Scenario | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return null;
  if (!body.startsWith('v=')) {
    throw new ScenarioError("link: the part after '#' is not a Ripple scenario (it should start with 'v=')");
  }
  const fields: Record<string, string> = {};
  for (const pair of body.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw new ScenarioError(`link: '${clip(pair)}' is not of the form key=value`);
    const key = pair.slice(0, eq);
    if ((PAGE_KEYS as readonly string[]).includes(key)) continue;
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new ScenarioError(`link: unknown field '${clip(key)}' (expected ${KEYS.join(', ')})`);
    }
    if (key in fields) throw new ScenarioError(`link: field '${key}' appears twice`);
    fields[key] = pair.slice(eq + 1);
  }
  const version = number(fields, 'v');
  if (version !== SCENARIO_VERSION) {
    throw new ScenarioError(
      version > SCENARIO_VERSION
        ? `link: scenario format ${version} comes from a newer Ripple; this one reads format ${SCENARIO_VERSION}`
        : `link: unknown scenario format ${version}`,
    );
  }
  for (const key of KEYS)
    if (!(key in fields) && !OPTIONAL_KEYS.includes(key))
      throw new ScenarioError(`link: missing field '${key}'`);

  const graphMatch = /^(bundled|url|file):(.+)$/.exec(fields.graph);
  if (!graphMatch) {
    throw new ScenarioError(
      `link: 'graph' should be bundled:FILE, url:URL or file:NAME, got '${clip(fields.graph)}'`,
    );
  }
  const where = decode(graphMatch[2], 'graph');
  const graph: Scenario['graph'] =
    graphMatch[1] === 'bundled'
      ? { kind: 'bundled', file: where }
      : graphMatch[1] === 'url'
        ? { kind: 'url', url: where }
        : { kind: 'file', name: where };

  const plan = parsePlan(fields);
  const candidate = {
    version,
    graph,
    direction: fields.direction,
    edgeValues: fields.values,
    model: fields.model,
    params: {
      p: fields.p === 'file' ? null : number(fields, 'p'),
      gamma: number(fields, 'gamma'),
      phi: number(fields, 'phi'),
      maxSteps: fields.steps === 'all' ? null : number(fields, 'steps'),
    },
    seeds: parseSeeds(fields.seeds),
    runs: number(fields, 'runs'),
    rngSeed: number(fields, 'rng'),
    ...(plan ? { plan } : {}),
    ...parseCrisis(fields),
    ...parseTies(fields),
  };
  try {
    return validateScenario(candidate);
  } catch (error) {
    if (error instanceof ScenarioError) throw new ScenarioError(`link: ${error.message}`);
    throw error;
  }
}
