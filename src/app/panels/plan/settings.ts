/**
 * The Plan form as data: what was typed (a draft, kept as text so a half-typed value stays on
 * screen with its error beside it), what it means (the scenario's plan settings, or an error per
 * field from the planner's parameter table, the command line's rules and words), the defaults for
 * a graph, and the scenario's model as the planner reads it (ic, wc, lt only, as `ripple plan`).
 */
import {
  BUDGET,
  CONVERSION,
  COST_FLAT,
  COST_PER_FOLLOWER,
  CPM,
  DEFAULT_COST,
  VALUE,
} from '../../../campaign/params.ts';
import { type Objective, PLAN_DEFAULTS } from '../../../campaign/plan.ts';
import { resolveParams } from '../../../diffusion/defaults.ts';
import type { ModelParams } from '../../../diffusion/types.ts';
import type { Scenario, ScenarioPlan } from '../../../engine/scenario.ts';
import type { Csr } from '../../../graph/types.ts';
import { RR_MODELS, type RrModel } from '../../../seeding/rr-sets.ts';
import { adapt, type NumberParam } from '../../../util/param-spec.ts';
import { parseFor } from '../../ui/ParamField.tsx';

export type CostKind = ScenarioPlan['costs']['kind'];

/** The form's formula before the user sets one: 10 per account plus 1 per follower. */
export const DEFAULT_FORMULA = { flat: 10, perFollower: 1 } as const;
/** The default budget buys about this many median accounts. */
export const DEFAULT_BUDGET_ACCOUNTS = 10;

/** Optional figures: empty means none (as leaving the flag out on the command line). */
export const VALUE_FIELD = adapt(VALUE, { absent: { en: 'none (no ROI)', zh: '无（不计算投资回报率）' } });
export const CPM_FIELD = adapt(CPM, {
  absent: { en: 'none (no ad-equivalent value)', zh: '无（不计算广告当量）' },
});
export const DEFAULT_COST_FIELD = adapt(DEFAULT_COST, {
  absent: { en: 'none: accounts left out are an error', zh: '无：未列出的账号视为错误' },
});

export interface PlanDraft {
  budget: string;
  costKind: CostKind;
  flat: string;
  perFollower: string;
  defaultCost: string;
  objective: Objective;
  conversion: string;
  value: string;
  cpm: string;
}

export type DraftField = 'budget' | 'flat' | 'perFollower' | 'defaultCost' | 'conversion' | 'value' | 'cpm';

/** The parameter-table entry behind each number field of the form. */
export const FIELD_SPECS: Record<DraftField, NumberParam> = {
  budget: BUDGET,
  flat: COST_FLAT,
  perFollower: COST_PER_FOLLOWER,
  defaultCost: DEFAULT_COST_FIELD,
  conversion: CONVERSION,
  value: VALUE_FIELD,
  cpm: CPM_FIELD,
};

const text = (v: number | null) => (v === null ? '' : String(v));

/** The median and largest out-degree (followers) of a graph. */
export function followerStats(csr: Csr): { median: number; max: number } {
  const degrees = new Uint32Array(csr.n);
  for (let u = 0; u < csr.n; u++) degrees[u] = csr.outOffsets[u + 1] - csr.outOffsets[u];
  degrees.sort();
  return { median: degrees[Math.floor((csr.n - 1) / 2)] ?? 0, max: degrees[csr.n - 1] ?? 0 };
}

/** Two significant digits: 214 -> 210, 0.0123 -> 0.012. */
function round2(x: number): number {
  return x > 0 ? Number(x.toPrecision(2)) : 0;
}

/** The plan settings before the user sets any: the default formula, a budget of about ten median accounts. */
export function defaultPlan(csr: Csr | null): ScenarioPlan {
  const median = csr ? followerStats(csr).median : 0;
  const cost = DEFAULT_FORMULA.flat + DEFAULT_FORMULA.perFollower * median;
  return {
    budget: round2(DEFAULT_BUDGET_ACCOUNTS * cost),
    costs: { kind: 'formula', ...DEFAULT_FORMULA },
    objective: PLAN_DEFAULTS.objective,
    conversion: PLAN_DEFAULTS.conversion,
    value: null,
    cpm: null,
  };
}

/** The draft showing some plan settings (formula fields kept from `keep` when the costs are a file). */
export function draftOf(plan: ScenarioPlan, keep?: PlanDraft): PlanDraft {
  const c = plan.costs;
  return {
    budget: String(plan.budget),
    costKind: c.kind,
    flat: c.kind === 'formula' ? String(c.flat) : (keep?.flat ?? String(DEFAULT_FORMULA.flat)),
    perFollower:
      c.kind === 'formula'
        ? String(c.perFollower)
        : (keep?.perFollower ?? String(DEFAULT_FORMULA.perFollower)),
    defaultCost: c.kind === 'file' ? text(c.defaultCost) : (keep?.defaultCost ?? ''),
    objective: plan.objective,
    conversion: String(plan.conversion),
    value: text(plan.value),
    cpm: text(plan.cpm),
  };
}

/** Which fields the draft reads. */
function fieldsRead(d: PlanDraft): DraftField[] {
  const costs: DraftField[] = d.costKind === 'formula' ? ['flat', 'perFollower'] : ['defaultCost'];
  return ['budget', ...costs, 'conversion', 'value', 'cpm'];
}

/** The error of every field that has one, in the order of the form. */
export function fieldErrors(d: PlanDraft): Partial<Record<DraftField, string>> {
  const errors: Partial<Record<DraftField, string>> = {};
  for (const field of fieldsRead(d)) {
    const parsed = parseFor(FIELD_SPECS[field], d[field]);
    if ('error' in parsed) errors[field] = parsed.error;
  }
  return errors;
}

/**
 * The plan settings the draft means, or the first error. `fileName` is the costs file in use
 * (null while none is open: the file costs then cannot be read).
 */
export function readDraft(
  d: PlanDraft,
  fileName: string | null,
): { plan: ScenarioPlan } | { error: string } | { needFile: true } {
  const errors = fieldErrors(d);
  const first = Object.values(errors)[0];
  if (first !== undefined) return { error: first };
  const num = (field: DraftField): number | null => {
    const parsed = parseFor(FIELD_SPECS[field], d[field]);
    return 'value' in parsed ? parsed.value : null;
  };
  let costs: ScenarioPlan['costs'];
  if (d.costKind === 'formula')
    costs = { kind: 'formula', flat: num('flat') ?? 0, perFollower: num('perFollower') ?? 0 };
  else {
    if (fileName === null) return { needFile: true };
    costs = { kind: 'file', name: fileName, defaultCost: num('defaultCost') };
  }
  return {
    plan: {
      budget: num('budget') ?? 0,
      costs,
      objective: d.objective,
      conversion: num('conversion') ?? PLAN_DEFAULTS.conversion,
      value: num('value'),
      cpm: num('cpm'),
    },
  };
}

export function samePlan(a: ScenarioPlan | undefined, b: ScenarioPlan | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The scenario's model when the planner can use it. */
export function plannerModel(scenario: Scenario): RrModel | null {
  return (RR_MODELS as readonly string[]).includes(scenario.model) ? (scenario.model as RrModel) : null;
}

/** The model parameters `ripple plan --model M [--p P]` would use for this scenario. */
export function planParams(scenario: Scenario, model: RrModel, csr: Csr): ModelParams {
  const p = model === 'ic' ? scenario.params.p : null;
  return resolveParams({ model, ...(p !== null ? { p } : {}) }, csr);
}
