/**
 * The seed-finding form as data: what was typed (a draft, kept as text so a half-typed value
 * stays on screen), what it means (settings, or an error per field naming the field), and which
 * methods the graph allows. CELF is refused above CELF_LIMITS.warnNodes accounts, the size at
 * which `ripple seeds --method celf` warns that it will take minutes (src/seeding/celf.ts): the
 * same number in the app, the CLI and the docs.
 */
import { P, RNG_SEED } from '../../../diffusion/params.ts';
import type { Scenario } from '../../../engine/scenario.ts';
import { CELF_LIMITS } from '../../../seeding/celf.ts';
import { FIND_SEEDS_DEFAULTS, type SeedMethod } from '../../../seeding/find-seeds.ts';
import { IMM_DEFAULTS } from '../../../seeding/imm.ts';
import { RR_MODELS, type RrModel } from '../../../seeding/rr-sets.ts';
import { t } from './messages.ts';

/** Above this many accounts the app refuses CELF (the CLI warns there, and refuses above CELF_LIMITS.maxNodes). */
export const CELF_APP_LIMIT: number = CELF_LIMITS.warnNodes;

export function celfAllowed(nodes: number): boolean {
  return nodes <= CELF_APP_LIMIT;
}

export const DEFAULT_K = 10;
export const MAX_K = 1000;
export const MAX_RUNS = 10_000_000;
export const MAX_RNG = 2 ** 32 - 1;

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

function whole(text: string, name: string, min: number, max: number): number | string {
  const v = Number(text);
  if (text.trim() === '') return t('seedfind.required', { name });
  if (!Number.isInteger(v) || v < min || v > max)
    return t('seedfind.invalidWhole', { name, min, max, got: text });
  return v;
}

/** The error of every field that has one, in the order of the form. */
export function fieldErrors(
  draft: SeedFindDraft,
  graph: GraphFacts | null,
): Partial<Record<DraftField | 'method', string>> {
  const errors: Partial<Record<DraftField | 'method', string>> = {};
  const nodes = graph?.nodes ?? 1;
  const k = whole(draft.k, t('seedfind.k'), 1, maxK(nodes));
  if (typeof k === 'string') errors.k = k;
  if (draft.method === 'celf' && !celfAllowed(nodes))
    errors.method = t('seedfind.celfDisabled', { nodes, limit: CELF_APP_LIMIT });
  if (usesP(draft, graph)) {
    const p = Number(draft.p);
    if (draft.p.trim() === '' || !(p >= 0 && p <= 1)) errors.p = t('seedfind.invalidP', { got: draft.p });
  }
  if (draft.method === 'imm') {
    const e = Number(draft.epsilon);
    if (draft.epsilon.trim() === '' || !(e > 0 && e < 1))
      errors.epsilon = t('seedfind.invalidEpsilon', { got: draft.epsilon });
  }
  const runs = whole(draft.runs, t('seedfind.runs'), 1, MAX_RUNS);
  if (typeof runs === 'string') errors.runs = runs;
  const rng = whole(draft.rng, t('seedfind.rng'), 0, MAX_RNG);
  if (typeof rng === 'string') errors.rng = rng;
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
