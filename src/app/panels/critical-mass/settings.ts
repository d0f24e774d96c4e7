/**
 * The critical-mass form as data: what was typed (a draft of texts), what it means (settings, or
 * an error per field naming it), the ranges that suit the graph, and the sweep options each
 * repeat hands to the engine. What to sweep: spread probability p, number of seeds k, adoption
 * threshold phi; the model, range, grid points and runs per point, the fixed parameters, the
 * seeds (p and phi sweeps: one random account per run or the scenario's seeds; k sweeps: the top
 * k by degree or PageRank, or k at random), for k sweeps the reach target of the fewest-seeds
 * search, and how many independent random seeds repeat the sweep (the tipping point is shown as
 * their median and range).
 */

import { FROM, STEPS, TO } from '../../../analysis/tipping/params.ts';
import { gridPoints } from '../../../analysis/tipping/plan.ts';
import { theoryFor } from '../../../analysis/tipping/theory.ts';
import type { KSeeds, TippingOptions, Vary } from '../../../analysis/tipping/types.ts';
import { DEFAULTS, resolveParams } from '../../../diffusion/defaults.ts';
import { GAMMA, P, PHI, RNG_SEED, RUNS } from '../../../diffusion/params.ts';
import type { ModelName, SeedPlan } from '../../../diffusion/types.ts';
import { adapt, type NumberParam } from '../../../util/param-spec.ts';
import type { GraphState } from '../../state/types.ts';
import { parseFor, say } from '../../ui/ParamField.tsx';
import { t } from './messages.ts';

export type KBy = 'degree' | 'pagerank' | 'random';
export type SweepSeeds = 'random' | 'scenario';

/** The models each sweep applies to. */
export const MODELS_FOR: Record<Vary, ModelName[]> = {
  p: ['ic', 'sir'],
  k: ['ic', 'wc', 'lt', 'sir', 'threshold'],
  phi: ['threshold'],
};

export const CRITICAL_DEFAULTS = { steps: 11, runs: 500, target: 20, repeats: 5 } as const;
/** Refinement rounds around the transition (each adds up to two points), as `ripple tipping --refine`. */
export const REFINE_ROUNDS = 4;
export const MAX_REPEATS = 50;
export const MAX_RNG = 2 ** 32 - 1;

export interface CriticalDraft {
  vary: Vary;
  model: ModelName;
  from: string;
  to: string;
  steps: string;
  runs: string;
  p: string;
  gamma: string;
  phi: string;
  seeds: SweepSeeds;
  by: KBy;
  /** k sweeps: reach target in % of the network ('' or 0: none). */
  target: string;
  rng: string;
  repeats: string;
}

export interface CriticalSettings {
  vary: Vary;
  model: ModelName;
  from: number;
  to: number;
  steps: number;
  runs: number;
  p: number;
  gamma: number;
  phi: number;
  seeds: SweepSeeds;
  by: KBy;
  /** k sweeps: reach target as a share of the nodes, or null. */
  target: number | null;
  rngSeed: number;
  repeats: number;
}

export type DraftField =
  | 'from'
  | 'to'
  | 'steps'
  | 'runs'
  | 'p'
  | 'gamma'
  | 'phi'
  | 'target'
  | 'rng'
  | 'repeats';

/** A round number near x with two significant digits. */
function round2(x: number): number {
  return Number(x.toPrecision(2));
}

/** Default sweep range for the graph: p to about 3x the branching threshold, k to 50, phi to 0.5. */
export function defaultRange(vary: Vary, graph: GraphState | null): [number, number] {
  const n = graph?.loaded.csr.n ?? 1;
  if (vary === 'k') return [1, Math.max(2, Math.min(50, n))];
  if (vary === 'phi') return [0.05, 0.5];
  const pc = graph ? theoryFor(graph.loaded.csr, 'p', { model: 'ic', ...DEFAULTS }).theory : null;
  return [0, pc !== null && pc > 0 ? Math.min(1, Math.max(0.05, round2(3 * pc))) : 0.5];
}

export function defaultDraft(): CriticalDraft {
  return {
    vary: 'p',
    model: 'ic',
    from: '0',
    to: '0.5',
    steps: String(CRITICAL_DEFAULTS.steps),
    runs: String(CRITICAL_DEFAULTS.runs),
    p: String(P.default),
    gamma: String(GAMMA.default),
    phi: String(PHI.default),
    seeds: 'random',
    by: 'degree',
    target: String(CRITICAL_DEFAULTS.target),
    rng: String(RNG_SEED.default),
    repeats: String(CRITICAL_DEFAULTS.repeats),
  };
}

/** Sweep something else: a model that applies to it and, when asked, the range that suits the graph. */
export function withVary(
  draft: CriticalDraft,
  vary: Vary,
  graph: GraphState | null,
  resetRange = true,
): CriticalDraft {
  const models = MODELS_FOR[vary];
  const model = models.includes(draft.model) ? draft.model : models[0];
  if (!resetRange) return { ...draft, vary, model };
  const [from, to] = defaultRange(vary, graph);
  return { ...draft, vary, model, from: String(from), to: String(to) };
}

/** The draft for a new graph: the scenario's random seed, the range that suits the graph. */
export function forGraph(draft: CriticalDraft, graph: GraphState | null, rngSeed: number): CriticalDraft {
  return withVary({ ...draft, rng: String(rngSeed) }, draft.vary, graph);
}

/** Which fields the form shows for the draft's sweep and model. */
export function shownFields(
  d: Pick<CriticalDraft, 'vary' | 'model'>,
): Record<'p' | 'gamma' | 'phi' | 'seeds' | 'by' | 'target', boolean> {
  return {
    p: d.vary !== 'p' && (d.model === 'ic' || d.model === 'sir'),
    gamma: d.model === 'sir',
    phi: d.vary !== 'phi' && d.model === 'threshold',
    seeds: d.vary !== 'k',
    by: d.vary === 'k',
    target: d.vary === 'k',
  };
}

const LABEL: Record<DraftField, Parameters<typeof t>[0]> = {
  from: 'critical.from',
  to: 'critical.to',
  steps: 'critical.steps',
  runs: 'critical.runs',
  p: 'critical.p',
  gamma: 'critical.gamma',
  phi: 'critical.phi',
  target: 'critical.target',
  rng: 'critical.rng',
  repeats: 'critical.repeats',
};

/** The parameter table's declaration of each field the command line also has (`ripple tipping`). */
const SPECS: Partial<Record<DraftField, NumberParam>> = {
  from: FROM,
  to: TO,
  steps: STEPS,
  runs: adapt(RUNS, { label: { en: 'Runs per point', zh: '每个点的运行次数' } }),
  p: P,
  gamma: GAMMA,
  phi: PHI,
  rng: RNG_SEED,
};

/**
 * A number from the text, or the error naming the field: checked with the table's rules (and
 * worded as the command line words them) where the field is a table parameter, within the
 * narrower range the form allows.
 */
function num(text: string, field: DraftField, min: number, max: number, whole: boolean): number | string {
  const spec = SPECS[field];
  const name = spec ? say(spec.label) : t(LABEL[field]);
  if (spec) {
    const parsed = parseFor(spec, text, { min, max });
    if ('error' in parsed) return parsed.error;
    if (whole && !Number.isInteger(parsed.value))
      return t('critical.invalidWhole', { name, min, max, got: text });
    return parsed.value as number;
  }
  if (text.trim() === '') return t('critical.required', { name });
  const v = Number(text);
  if (!Number.isFinite(v) || v < min || v > max || (whole && !Number.isInteger(v)))
    return t(whole ? 'critical.invalidWhole' : 'critical.invalidNumber', { name, min, max, got: text });
  return v;
}

/** The settings the draft means, or an error per field (in the order of the form). */
export function readSettings(
  d: CriticalDraft,
  nodes: number,
): { settings: CriticalSettings } | { errors: Partial<Record<DraftField | 'range', string>> } {
  const errors: Partial<Record<DraftField | 'range', string>> = {};
  const k = d.vary === 'k';
  const rangeMax = k ? nodes : 1;
  const read = (field: DraftField, text: string, min: number, max: number, whole: boolean): number => {
    const v = num(text, field, min, max, whole);
    if (typeof v === 'string') {
      errors[field] = v;
      return Number.NaN;
    }
    return v;
  };
  const shown = shownFields(d);
  const from = read('from', d.from, k ? 1 : 0, rangeMax, k);
  const to = read('to', d.to, k ? 1 : 0, rangeMax, k);
  if (!errors.from && !errors.to && !(from < to)) errors.range = t('critical.invalidRange');
  const steps = read('steps', d.steps, STEPS.min ?? 2, STEPS.max ?? 1000, true);
  const runs = read('runs', d.runs, RUNS.min ?? 1, RUNS.max ?? 1_000_000_000, true);
  // Fields not shown keep their value but are not checked (they are not used).
  const p = shown.p ? read('p', d.p, 0, 1, false) : Number(d.p) || 0;
  const gamma = shown.gamma ? read('gamma', d.gamma, 0, 1, false) : Number(d.gamma) || 0;
  const phi = shown.phi ? read('phi', d.phi, 0, 1, false) : Number(d.phi) || 0;
  let target: number | null = null;
  if (shown.target && d.target.trim() !== '') {
    const percent = read('target', d.target, 0, 100, false);
    target = percent > 0 ? percent / 100 : null;
  }
  const rngSeed = read('rng', d.rng, 0, MAX_RNG, true);
  const repeats = read('repeats', d.repeats, 1, MAX_REPEATS, true);
  if (Object.keys(errors).length > 0) return { errors };
  return {
    settings: {
      vary: d.vary,
      model: d.model,
      from,
      to,
      steps,
      runs,
      p,
      gamma,
      phi,
      seeds: d.seeds,
      by: d.by,
      target,
      rngSeed,
      repeats,
    },
  };
}

/**
 * What a sweep will simulate at most: grid points, the points the refinement and (k sweeps with a
 * target) the fewest-seeds search may add (doubling k, then bisecting: twice log2 of the nodes),
 * and the runs in all over the repeats.
 */
export function plannedWork(
  s: CriticalSettings,
  nodes: number,
): { points: number; added: number; runs: number } {
  const points = new Set(gridPoints(s.vary, s.from, s.to, s.steps)).size;
  const search = s.vary === 'k' && s.target !== null ? 2 * Math.ceil(Math.log2(Math.max(2, nodes))) : 0;
  const added = 2 * REFINE_ROUNDS + search;
  return { points, added, runs: (points + added) * s.runs * s.repeats };
}

/** The random seeds of the repeats: the form's seed and the next ones. */
export function repeatSeeds(rngSeed: number, repeats: number): number[] {
  return Array.from({ length: repeats }, (_, i) => (rngSeed + i) % 2 ** 32);
}

/** All nodes best first by out-degree or PageRank (ties by index), as seedRanking orders them. */
export function ranking(graph: GraphState, by: 'degree' | 'pagerank'): Uint32Array {
  const { facts } = graph;
  const score: ArrayLike<number> = by === 'pagerank' && facts.pagerank ? facts.pagerank : facts.outDegree;
  const order = Array.from({ length: score.length }, (_, i) => i);
  order.sort((a, b) => score[b] - score[a] || a - b);
  return Uint32Array.from(order);
}

/** The engine's sweep options for the settings and one repeat's random seed (throws OptionError naming a bad one). */
export function sweepOptions(
  graph: GraphState,
  s: CriticalSettings,
  scenarioSeeds: SeedPlan,
  rngSeed: number,
): TippingOptions {
  const csr = graph.loaded.csr;
  const usesP = s.model === 'ic' || s.model === 'sir';
  const params = resolveParams(
    {
      model: s.model,
      ...(s.vary === 'p' ? { p: s.from } : usesP ? { p: s.p } : {}),
      gamma: s.gamma,
      phi: s.vary === 'phi' ? s.from : s.phi,
    },
    csr,
  );
  let seeds: SeedPlan | undefined;
  let kSeeds: KSeeds | undefined;
  if (s.vary === 'k')
    kSeeds = s.by === 'random' ? { kind: 'random' } : { kind: 'top', order: ranking(graph, s.by) };
  else seeds = s.seeds === 'scenario' ? scenarioSeeds : { kind: 'random', k: 1 };
  return {
    params,
    vary: s.vary,
    from: s.from,
    to: s.to,
    steps: s.steps,
    runs: s.runs,
    seeds,
    kSeeds,
    rngSeed,
    refine: { rounds: REFINE_ROUNDS },
    target: s.vary === 'k' ? s.target : null,
  };
}
