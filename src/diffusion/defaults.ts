/**
 * Model parameters: defaults, resolution and validation in one place (sigma's settings habit).
 * Each error names the option and what it expected.
 */
import type { Csr } from '../graph/types.ts';
import { MODEL_NAMES, type ModelName, type ModelParams } from './types.ts';

export const DEFAULTS = {
  /** Transmission probability for ic and sir when the file gives none. */
  p: 0.1,
  gamma: 0.2,
  phi: 0.18,
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
  if (!MODEL_NAMES.includes(model)) {
    throw new OptionError(`model: expected one of ${MODEL_NAMES.join(', ')}, got '${String(model)}'`);
  }
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

function checkUnit(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new OptionError(`${name}: expected a probability between 0 and 1, got ${String(value)}`);
  }
}

export function validateParams(params: ModelParams): void {
  if (params.p !== null) checkUnit('p', params.p);
  checkUnit('gamma', params.gamma);
  checkUnit('phi', params.phi);
  const { maxSteps } = params;
  if (maxSteps !== null && !(Number.isInteger(maxSteps) && maxSteps >= 0)) {
    throw new OptionError(`maxSteps: expected a whole number >= 0, got ${String(maxSteps)}`);
  }
  if (params.model === 'sir' && params.gamma === 0 && maxSteps === null) {
    throw new OptionError(
      'gamma: with gamma = 0 nobody recovers and SIR never ends; give maxSteps or gamma > 0',
    );
  }
}
