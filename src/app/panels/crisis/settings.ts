/**
 * The Crisis tab's two forms as data: what was typed (drafts kept as text, so a half-typed value
 * stays on screen with its error beside it), what it means (the scenario's watch and contain
 * settings, or the first error, with the command line's rules and words from the parameter
 * tables of src/crisis/params.ts), the defaults, and the scenario's model as crisis watch reads it
 * (ic, wc, lt only, as `ripple watch` and `ripple contain`).
 */
import { DELAY, HORIZON, WATCH_OBJECTIVE } from '../../../crisis/params.ts';
import { CONTAIN_DEFAULTS, WATCH_DEFAULTS } from '../../../crisis/run.ts';
import { resolveParams } from '../../../diffusion/defaults.ts';
import type { WatchObjective } from '../../../engine/objective-param.ts';
import type { Scenario, ScenarioContain, ScenarioWatch } from '../../../engine/scenario.ts';
import type { Csr } from '../../../graph/types.ts';
import { K } from '../../../seeding/params.ts';
import { RR_MODELS, type RrModel, type RrParams, rrParams } from '../../../seeding/rr-sets.ts';
import { adapt, type NumberParam } from '../../../util/param-spec.ts';
import { parseIdList } from '../../seeds/id-list.ts';
import type { GraphState } from '../../state/types.ts';
import { parseFor } from '../../ui/ParamField.tsx';
import { t } from './messages.ts';

export { WATCH_OBJECTIVE };

/** Measuring runs: the command line's defaults. */
export const WATCH_RUNS = WATCH_DEFAULTS.runs;
export const CONTAIN_RUNS = CONTAIN_DEFAULTS.runs;
/** The forms' k before the user sets one. */
export const DEFAULT_K = 3;

export const MONITORS = adapt(K, {
  label: { en: 'Accounts to monitor (k)', zh: '监测账号数（k）' },
  help: { en: 'how many accounts to listen to', zh: '要监测的账号个数' },
});
export const CORRECTORS = adapt(K, {
  label: { en: 'Accounts to reach (k)', zh: '辟谣账号数（k）' },
  help: { en: 'how many accounts launch the correction', zh: '由多少个账号发布辟谣' },
});
export const HORIZON_FIELD = adapt(HORIZON, {
  absent: { en: 'none: until stories die out', zh: '不限：直到事件停止扩散' },
});

export interface WatchDraft {
  objective: WatchObjective;
  k: string;
  horizon: string;
}

export interface ContainDraft {
  rumour: string;
  delay: string;
  k: string;
}

export function defaultWatch(csr: Csr | null): ScenarioWatch {
  return {
    objective: WATCH_DEFAULTS.objective,
    k: Math.max(1, Math.min(DEFAULT_K, csr?.n ?? DEFAULT_K)),
    horizon: null,
  };
}

/** The account with the largest audience starts the default rumour (a visible story). */
export function defaultContain(graph: GraphState | null): ScenarioContain {
  const csr = graph?.loaded.csr;
  let top = 0;
  if (csr)
    for (let v = 1; v < csr.n; v++)
      if (csr.outOffsets[v + 1] - csr.outOffsets[v] > csr.outOffsets[top + 1] - csr.outOffsets[top]) top = v;
  return {
    rumour: graph && graph.loaded.ids.length > 0 ? [graph.loaded.ids[top]] : [],
    delay: CONTAIN_DEFAULTS.delay,
    k: Math.max(1, Math.min(2, (csr?.n ?? 3) - 1)),
  };
}

export function watchDraftOf(w: ScenarioWatch): WatchDraft {
  return { objective: w.objective, k: String(w.k), horizon: w.horizon === null ? '' : String(w.horizon) };
}

/** An id written so parseIdList reads it back (quoted when it holds a comma, a quote or edge spaces). */
function writeId(id: string): string {
  return /[",\n]|^\s|\s$/.test(id) ? `"${id.replaceAll('"', '""')}"` : id;
}

export function idListText(ids: readonly string[]): string {
  return ids.map(writeId).join(', ');
}

export function containDraftOf(c: ScenarioContain): ContainDraft {
  return { rumour: idListText(c.rumour), delay: String(c.delay), k: String(c.k) };
}

const accountsReason = { en: 'the number of accounts', zh: '账号总数' };
const othersReason = { en: 'the accounts where the rumour does not start', zh: '谣言起点以外的账号数' };

function fieldError(spec: NumberParam, text: string, limits?: Parameters<typeof parseFor>[2]) {
  const parsed = parseFor(spec, text, limits);
  return 'error' in parsed ? { error: parsed.error } : { value: parsed.value };
}

export type WatchField = 'k' | 'horizon';
export type ContainField = 'rumour' | 'delay' | 'k';

/** The error of every field of the listening form that has one. */
export function watchErrors(d: WatchDraft, n: number): Partial<Record<WatchField, string>> {
  const out: Partial<Record<WatchField, string>> = {};
  const k = fieldError(MONITORS, d.k, { max: n, maxReason: accountsReason });
  if ('error' in k) out.k = k.error;
  const h = fieldError(HORIZON_FIELD, d.horizon);
  if ('error' in h) out.horizon = h.error;
  return out;
}

export function readWatch(d: WatchDraft, n: number): { watch: ScenarioWatch } | { error: string } {
  const errors = watchErrors(d, n);
  const first = errors.k ?? errors.horizon;
  if (first !== undefined) return { error: first };
  const k = parseFor(MONITORS, d.k);
  const h = parseFor(HORIZON_FIELD, d.horizon);
  return {
    watch: {
      objective: d.objective,
      k: 'value' in k ? (k.value ?? 1) : 1,
      horizon: 'value' in h ? h.value : null,
    },
  };
}

/** The rumour's accounts (indices, once each) or the first id not in the graph. */
export function rumourNodes(
  text: string,
  graph: GraphState,
): { nodes: number[]; ids: string[] } | { missing: string } | { empty: true } {
  const ids = parseIdList(text);
  if (ids.length === 0) return { empty: true };
  const nodes: number[] = [];
  const kept: string[] = [];
  for (const id of ids) {
    const v = graph.index.get(id);
    if (v === undefined) return { missing: id };
    if (nodes.includes(v)) continue;
    nodes.push(v);
    kept.push(id);
  }
  return { nodes, ids: kept };
}

export function containErrors(d: ContainDraft, graph: GraphState): Partial<Record<ContainField, string>> {
  const out: Partial<Record<ContainField, string>> = {};
  const read = rumourNodes(d.rumour, graph);
  if ('missing' in read) out.rumour = t('crisis.rumour.missing', { id: read.missing });
  else if ('empty' in read) out.rumour = t('crisis.rumour.empty');
  const delay = fieldError(DELAY, d.delay);
  if ('error' in delay) out.delay = delay.error;
  const others = graph.loaded.csr.n - ('nodes' in read ? read.nodes.length : 1);
  const k = fieldError(CORRECTORS, d.k, { max: Math.max(0, others), maxReason: othersReason });
  if ('error' in k) out.k = k.error;
  return out;
}

export function readContain(
  d: ContainDraft,
  graph: GraphState,
): { contain: ScenarioContain; rumour: number[] } | { error: string } {
  const errors = containErrors(d, graph);
  const first = errors.rumour ?? errors.delay ?? errors.k;
  if (first !== undefined) return { error: first };
  const read = rumourNodes(d.rumour, graph);
  if (!('nodes' in read)) return { error: '' };
  const delay = parseFor(DELAY, d.delay);
  const k = parseFor(CORRECTORS, d.k);
  return {
    contain: {
      rumour: read.ids,
      delay: 'value' in delay ? (delay.value ?? 0) : 0,
      k: 'value' in k ? (k.value ?? 1) : 1,
    },
    rumour: read.nodes,
  };
}

export function same<T>(a: T | undefined, b: T | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The scenario's model when crisis watch can use it. */
export function crisisModel(scenario: Scenario): RrModel | null {
  return (RR_MODELS as readonly string[]).includes(scenario.model) ? (scenario.model as RrModel) : null;
}

/** The live-edge parameters `ripple watch --model M [--p P]` would use for this scenario. */
export function crisisParams(scenario: Scenario, model: RrModel, csr: Csr): RrParams {
  const p = model === 'ic' ? scenario.params.p : null;
  return rrParams(resolveParams({ model, ...(p !== null ? { p } : {}) }, csr));
}
