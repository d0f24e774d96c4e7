/**
 * Model parameters: defaults, resolution and validation in one place (sigma's settings habit).
 * The defaults and ranges are the parameter table's (params.ts); each error names the option and
 * what it expected.
 */

import type { Csr } from '../graph/types.ts';
import { checkParam, formatParamError, type NumberParam } from '../util/param-spec.ts';
import { GAMMA, MAX_STEPS_PARAM, MODEL, P, PHI } from './params.ts';
import type { ModelName, ModelParams, TieParams } from './types.ts';

export const DEFAULTS = {
  /** Transmission probability for ic and sir when the file gives none. */
  p: P.default,
  gamma: GAMMA.default,
  phi: PHI.default,
  maxSteps: null,
} as const satisfies Omit<ModelParams, 'model' | 'p'> & { p: number };

/** What a caller may pass; anything missing takes its default. */
export interface ModelOptions {
  model: ModelName;
  p?: number | null;
  gamma?: number;
  phi?: number;
  maxSteps?: number | null;
  ties?: TieParams;
}

const KNOWN_KEYS = new Set(['model', 'p', 'gamma', 'phi', 'maxSteps', 'ties']);

export class OptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

/**
 * Fill in defaults for the graph at hand: `ic` without p uses the file's per-edge probabilities
 * when there are any, else DEFAULTS.p.
 */
export function resolveParams(options: ModelOptions, csr: Csr): ModelParams {
  for (const key of Object.keys(options)) {
    if (!KNOWN_KEYS.has(key)) throw new OptionError(`unknown model option '${key}'`);
  }
  const model = options.model;
  const checked = checkParam(MODEL, model);
  if (!checked.ok) throw new OptionError(formatParamError(checked.error, 'en', 'model'));
  let p = options.p ?? null;
  if (p === null && (model === 'sir' || (model === 'ic' && csr.values !== 'probability'))) p = DEFAULTS.p;
  const params: ModelParams = {
    model,
    p,
    gamma: options.gamma ?? DEFAULTS.gamma,
    phi: options.phi ?? DEFAULTS.phi,
    maxSteps: options.maxSteps === undefined ? DEFAULTS.maxSteps : options.maxSteps,
    ...(options.ties ? { ties: options.ties } : {}),
  };
  validateParams(params);
  return params;
}

function check(spec: NumberParam, value: unknown): void {
  const checked = checkParam(spec, value);
  if (!checked.ok) throw new OptionError(formatParamError(checked.error, 'en', spec.name));
}

export function validateParams(params: ModelParams): void {
  if (params.p !== null) check(P, params.p);
  check(GAMMA, params.gamma);
  check(PHI, params.phi);
  const { maxSteps } = params;
  if (maxSteps !== null) check(MAX_STEPS_PARAM, maxSteps);
  if (params.model === 'sir' && params.gamma === 0 && maxSteps === null) {
    throw new OptionError(
      'gamma: with gamma = 0 nobody recovers and SIR never ends; give maxSteps or gamma > 0',
    );
  }
  if (params.ties) validateTies(params.ties, params.model);
}

function validateTies(ties: TieParams, model: ModelName): void {
  if (model !== 'ic' && model !== 'threshold')
    throw new OptionError(`ties: tie options apply to the ic and threshold models, not ${model}`);
  for (const key of ['pStrong', 'pWeak', 'pGroup'] as const) {
    const p = ties[key];
    if (typeof p !== 'number' || !(p >= 0 && p <= 1))
      throw new OptionError(`${key}: expected a probability in [0, 1], got ${String(p)}`);
  }
  if (!/^(mutual|embeddedness:.+)$/.test(ties.strongBy))
    throw new OptionError(`strongBy: expected mutual or embeddedness:X, got '${ties.strongBy}'`);
  ties.groups.forEach((group, g) => {
    if (group.length === 0) throw new OptionError(`groups: group ${g + 1} is empty`);
    if (new Set(group).size !== group.length)
      throw new OptionError(`groups: group ${g + 1} names a member twice`);
  });
}
