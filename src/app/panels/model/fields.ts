/** The Model tab's number fields (to be generated from the parameter table). */
import type { ModelName } from '../../../diffusion/types.ts';
import { t } from './messages.ts';

export type NumberField = 'p' | 'gamma' | 'phi' | 'maxSteps' | 'runs' | 'rngSeed';

interface FieldSpec {
  label: () => string;
  min: number;
  max: number | null;
  step: string;
  integer: boolean;
  /** Empty input allowed (null). */
  optional: boolean;
}

export const FIELDS: Record<NumberField, FieldSpec> & { p: { fallback: number } } = {
  p: {
    label: () => t('param.p'),
    min: 0,
    max: 1,
    step: '0.01',
    integer: false,
    optional: false,
    fallback: 0.05,
  },
  gamma: { label: () => t('param.gamma'), min: 0, max: 1, step: '0.05', integer: false, optional: false },
  phi: { label: () => t('param.phi'), min: 0, max: 1, step: '0.01', integer: false, optional: false },
  maxSteps: { label: () => t('param.maxSteps'), min: 0, max: null, step: '1', integer: true, optional: true },
  runs: {
    label: () => t('param.runs'),
    min: 1,
    max: 10_000_000,
    step: '100',
    integer: true,
    optional: false,
  },
  rngSeed: {
    label: () => t('param.rng'),
    min: 0,
    max: 2 ** 32 - 1,
    step: '1',
    integer: true,
    optional: false,
  },
};

/** The parameters each model reads. */
export const MODEL_FIELDS: Record<ModelName, ('p' | 'gamma' | 'phi')[]> = {
  ic: ['p'],
  wc: [],
  lt: [],
  sir: ['p', 'gamma'],
  threshold: ['phi'],
};

/** Parse a field's text: the number, null for an allowed empty value, or an error text. */
export function parseField(field: NumberField, text: string): { value: number | null } | { error: string } {
  const spec = FIELDS[field];
  if (text.trim() === '') return spec.optional ? { value: null } : { error: `${spec.label()}: required` };
  const v = Number(text);
  const range = spec.max === null ? `>= ${spec.min}` : `from ${spec.min} to ${spec.max}`;
  if (
    !Number.isFinite(v) ||
    v < spec.min ||
    (spec.max !== null && v > spec.max) ||
    (spec.integer && !Number.isInteger(v))
  )
    return {
      error: `${spec.label()}: expected ${spec.integer ? 'a whole number' : 'a number'} ${range}, got "${text}"`,
    };
  return { value: v };
}
