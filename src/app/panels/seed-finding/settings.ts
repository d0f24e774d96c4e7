/**
 * The seed-finding form as data: what was typed (a draft, kept as text so a half-typed value
 * stays on screen), what it means (settings, or an error per field naming the field), and which
 * methods the graph allows. CELF is refused above CELF_LIMITS.warnNodes accounts, the size at
 * which `ripple seeds --method celf` warns that it will take minutes (src/seeding/celf.ts): the
 * same number in the app, the CLI and the docs.
 */
import { P, RNG_SEED, RUNS } from '../../../diffusion/params.ts';
import type { Scenario } from '../../../engine/scenario.ts';
import { CELF_LIMITS } from '../../../seeding/celf.ts';
import { FIND_SEEDS_DEFAULTS, type SeedMethod } from '../../../seeding/find-seeds.ts';
import { IMM_DEFAULTS } from '../../../seeding/imm.ts';
import { EPSILON, K } from '../../../seeding/params.ts';
import { RR_MODELS, type RrModel } from '../../../seeding/rr-sets.ts';
import { adapt, type Limits, type NumberParam } from '../../../util/param-spec.ts';
import { parseFor } from '../../ui/ParamField.tsx';
import { t } from './messages.ts';

/** Above this many accounts the app refuses CELF (the CLI warns there, and refuses above CELF_LIMITS.maxNodes). */
export const CELF_APP_LIMIT: number = CELF_LIMITS.warnNodes;

export function celfAllowed(nodes: number): boolean {
  return nodes <= CELF_APP_LIMIT;
}

export const DEFAULT_K = 10;
export const MAX_K = 1000;

/** Why k stops at that many: the graph's accounts, or the form's cap. */
const K_LIMIT_REASON = { en: 'the accounts of the graph, at most 1,000', zh: '图中的账号数，最多 1,000' };

/** The Monte Carlo runs that measure the chosen seeds: the table's runs, worded for this form. */
export const MEASURING_RUNS = adapt(RUNS, {
  label: { en: 'Monte Carlo runs measuring the result', zh: '衡量结果的蒙特卡洛运行次数' },
});

/**
 * RR sets per Monte Carlo run for the budget curves of methods other than IMM: an RR set costs
 * about a single-seed cascade, far less than a run from K seeds, and one batch serves all k, so
 * five per run keep the curve's 95% intervals within ±1% of n (10,000 sets) at a similar cost.
 */
export const CURVE_SETS_PER_RUN = 5;

export interface SeedFindDraft {
  k: string;
  method: SeedMethod;
  model: RrModel;
  p: string;
  /** ic: the file's per-edge probabilities instead of p (when the file has them). */
  useFile: boolean;
  epsilon: string;
  runs: string;
  rng: string;
}

export type DraftField = 'k' | 'p' | 'epsilon' | 'runs' | 'rng';

export interface SeedFindSettings {
  k: number;
  method: SeedMethod;
  model: RrModel;
  /** ic: uniform probability, or null for the file's per-edge probabilities (and for wc, lt). */
  p: number | null;
  epsilon: number;
  runs: number;
  rngSeed: number;
}

/** What the form needs to know of the graph. */
export interface GraphFacts {
  nodes: number;
  /** The file gives per-edge probabilities. */
  fileP: boolean;
}

export function defaultDraft(): SeedFindDraft {
  return {
    k: String(DEFAULT_K),
    method: FIND_SEEDS_DEFAULTS.method,
    model: FIND_SEEDS_DEFAULTS.model,
    p: String(P.default),
    useFile: false,
    epsilon: String(IMM_DEFAULTS.epsilon),
    runs: String(FIND_SEEDS_DEFAULTS.runs),
    rng: String(RNG_SEED.default),
  };
}

/** The draft for a new graph: the scenario's model (when seeds can be found for it), p and random seed. */
export function followScenario(
  draft: SeedFindDraft,
  scenario: Scenario,
  graph: GraphFacts | null,
): SeedFindDraft {
  const next = { ...draft, rng: String(scenario.rngSeed) };
  if ((RR_MODELS as readonly string[]).includes(scenario.model)) next.model = scenario.model as RrModel;
  if (scenario.params.p !== null) next.p = String(scenario.params.p);
  next.useFile = !!graph?.fileP && draft.useFile;
  if (next.method === 'celf' && graph && !celfAllowed(graph.nodes)) next.method = 'imm';
  return next;
}

/** The largest budget for a graph. */
export function maxK(nodes: number): number {
  return Math.max(1, Math.min(MAX_K, nodes));
}

/** Whether p is read: ic without the file's probabilities. */
export function usesP(draft: SeedFindDraft, graph: GraphFacts | null): boolean {
  return draft.model === 'ic' && !(draft.useFile && graph?.fileP);
}

/** A field's text checked with the parameter table's rules (the command line's): its error, or nothing. */
function problem(spec: NumberParam, text: string, limits?: Limits): string | undefined {
  const parsed = parseFor(spec, text, limits);
  return 'error' in parsed ? parsed.error : undefined;
}

/** The error of every field that has one, in the order of the form. */
export function fieldErrors(
  draft: SeedFindDraft,
  graph: GraphFacts | null,
): Partial<Record<DraftField | 'method', string>> {
  const errors: Partial<Record<DraftField | 'method', string>> = {};
  const nodes = graph?.nodes ?? 1;
  const found = {
    k: problem(K, draft.k, { max: maxK(nodes), maxReason: K_LIMIT_REASON }),
    method:
      draft.method === 'celf' && !celfAllowed(nodes)
        ? t('seedfind.celfDisabled', { nodes, limit: CELF_APP_LIMIT })
        : undefined,
    p: usesP(draft, graph) ? problem(P, draft.p) : undefined,
    epsilon: draft.method === 'imm' ? problem(EPSILON, draft.epsilon) : undefined,
    runs: problem(MEASURING_RUNS, draft.runs),
    rng: problem(RNG_SEED, draft.rng),
  };
  for (const [field, error] of Object.entries(found))
    if (error !== undefined) errors[field as DraftField | 'method'] = error;
  return errors;
}

/** The settings the draft means, or the first problem (one sentence naming the field). */
export function readSettings(
  draft: SeedFindDraft,
  graph: GraphFacts | null,
): { settings: SeedFindSettings } | { error: string } {
  const errors = fieldErrors(draft, graph);
  const first = Object.values(errors)[0];
  if (first !== undefined) return { error: first };
  return {
    settings: {
      k: Number(draft.k),
      method: draft.method,
      model: draft.model,
      p: usesP(draft, graph) ? Number(draft.p) : null,
      epsilon: Number(draft.epsilon),
      runs: Number(draft.runs),
      rngSeed: Number(draft.rng),
    },
  };
}

/**
 * What budget curves must share to be on one chart, and what a time calibration depends on: the
 * graph, the model and its probability.
 */
export function modelKey(serial: number, s: Pick<SeedFindSettings, 'model' | 'p'>): string {
  return JSON.stringify([serial, s.model, s.model === 'ic' ? s.p : null]);
}
