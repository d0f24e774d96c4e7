/**
 * Model parameters: defaults, resolution and validation in one place (sigma's settings habit).
 * The defaults and ranges are the parameter table's (params.ts); each error names the option and
 * what it expected.
 */

import type { Csr } from '../graph/types.ts';
import { checkParam, formatParamError, type NumberParam } from '../util/param-spec.ts';
import { GAMMA, MAX_STEPS_PARAM, MODEL, P, PHI } from './params.ts';
import type { ModelName, ModelParams } from './types.ts';

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
}

const KNOWN_KEYS = new Set(['model', 'p', 'gamma', 'phi', 'maxSteps']);

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
}
