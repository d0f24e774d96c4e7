/**
 * Parameters as data: every model, method and command-line parameter is declared once as a
 * ParamSpec (name, CLI flag, type, default, range, form step, labels and help in English and
 * Simplified Chinese), and the command line, its help, docs/cli.md, the app's forms and the
 * scenario-link decoder are generated from or checked with these declarations
 * (gephi-lite's `core/metrics/types.ts` habit; STYLE.md sections 4 and 5).
 *
 * Pure: no DOM and no Node APIs, so the browser app and the CLI share it. Parsing never throws:
 * it returns the value or a structured ParamError, which formatParamError words in either language.
 */

export type Lang = 'en' | 'zh';

/** A text in both languages of the app. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

export type ParamType = 'number' | 'integer' | 'probability' | 'enum' | 'string' | 'flag';

interface ParamBase {
  /** The camelCase key used in code and scenarios. */
  readonly name: string;
  /** The command-line option without its dashes (kebab-case); absent for parameters with no option. */
  readonly flag?: string;
  readonly label: Text;
  /** One line: what the parameter does. */
  readonly help: Text;
  /**
   * Set when the parameter may be absent (left out on the command line, null in a scenario):
   * what absence means. A parameter with a default and no `absent` simply takes its default.
   */
  readonly absent?: Text;
  /** The command line stops without it (no default). */
  readonly required?: boolean;
  /** Placeholder of the value in `--help`, e.g. `P` or `FILE`. */
  readonly metavar?: string;
}

export interface NumberParam<D extends number | null = number | null> extends ParamBase {
  readonly type: 'number' | 'integer' | 'probability';
  /** null: no single default (see `absent`, or `required`). */
  readonly default: D;
  /** Inclusive unless minExclusive; null: unbounded (values must still be finite). */
  readonly min: number | null;
  readonly max: number | null;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  /** Only powers of two. */
  readonly powerOfTwo?: boolean;
  /** The form's step. */
  readonly step: number | 'any';
  readonly unit?: Text;
}

export interface EnumValue<T extends string = string> {
  readonly value: T;
  readonly label: Text;
}

export interface EnumParam<T extends string = string, D extends T | null = T | null> extends ParamBase {
  readonly type: 'enum';
  readonly values: readonly EnumValue<T>[];
  readonly default: D;
}

export interface StringParam extends ParamBase {
  readonly type: 'string';
  readonly default: string | null;
}

export interface FlagParam extends ParamBase {
  readonly type: 'flag';
  readonly default: false;
}

export type ParamSpec = NumberParam | EnumParam | StringParam | FlagParam;

/** The type of a parameter's value. */
export type ValueOf<S> = S extends NumberParam
  ? number
  : S extends EnumParam<infer T, infer _D>
    ? T
    : S extends StringParam
      ? string
      : S extends FlagParam
        ? boolean
        : never;

// Declaring ------------------------------------------------------------------------------------

type NumberDecl<D> = Omit<NumberParam, 'type' | 'default' | 'step'> & {
  default?: D;
  step?: number | 'any';
};

/** A real number parameter. */
export function numberParam<D extends number | null = null>(decl: NumberDecl<D>): NumberParam<D> {
  return { ...decl, type: 'number', default: (decl.default ?? null) as D, step: decl.step ?? 'any' };
}

/** A whole-number parameter. */
export function integerParam<D extends number | null = null>(decl: NumberDecl<D>): NumberParam<D> {
  return { ...decl, type: 'integer', default: (decl.default ?? null) as D, step: decl.step ?? 1 };
}

/** A probability: a number from 0 to 1. */
export function probabilityParam<D extends number | null = null>(
  decl: Omit<NumberDecl<D>, 'min' | 'max'>,
): NumberParam<D> {
  return {
    ...decl,
    type: 'probability',
    min: 0,
    max: 1,
    default: (decl.default ?? null) as D,
    step: decl.step ?? 0.01,
  };
}

/**
 * One of a fixed list of values: `values` in the order offered, `labels` for every one of them
 * (a Record, so a value without a label fails to compile).
 */
export function enumParam<T extends string, D extends T | null = null>(
  decl: Omit<EnumParam<T>, 'type' | 'default' | 'values'> & {
    values: readonly T[];
    labels: Record<T, Text>;
    default?: D;
  },
): EnumParam<T, D> {
  const { labels, values, ...rest } = decl;
  return {
    ...rest,
    type: 'enum',
    values: values.map((value) => ({ value, label: labels[value] })),
    default: (decl.default ?? null) as D,
  };
}

/** A text (a file name, a seed list). */
export function stringParam(decl: Omit<StringParam, 'type' | 'default'> & { default?: string }): StringParam {
  return { ...decl, type: 'string', default: decl.default ?? null };
}

/** An on/off switch (off unless given). */
export function flagParam(decl: Omit<FlagParam, 'type' | 'default'>): FlagParam {
  return { ...decl, type: 'flag', default: false };
}

/** A parameter with its default widened to its value type (a command may choose another). */
export type Widened<S extends ParamSpec> = S extends NumberParam
  ? NumberParam
  : S extends EnumParam<infer T, infer _D>
    ? EnumParam<T>
    : S;

/** What a command may change about a table parameter: its default, wording, required-ness, enum subset. */
export interface ParamChanges<S extends ParamSpec> {
  default?: Widened<S>['default'];
  help?: Text;
  label?: Text;
  absent?: Text;
  required?: boolean;
  /** Enums: only these of the parameter's values. */
  only?: S extends EnumParam<infer T, infer _D> ? readonly T[] : never;
}

/**
 * A table parameter as one command uses it: the identity (name, flag, type, range) stays the
 * table's; a command may give another default or help, or offer a subset of an enum's values.
 */
export function adapt<S extends ParamSpec>(spec: S, changes: ParamChanges<S>): Widened<S> {
  const { only, ...rest } = changes;
  const out = { ...spec, ...rest } as ParamSpec;
  if (only && spec.type === 'enum') {
    const keep = only as readonly string[];
    Object.assign(out, { values: spec.values.filter((v) => keep.includes(v.value)) });
  }
  return out as Widened<S>;
}

/** The values of an enum parameter. */
export function enumValues<T extends string>(spec: EnumParam<T>): T[] {
  return spec.values.map((v) => v.value);
}

/** Join parameter groups into one table keyed by name; a repeated name or flag is a bug. */
export function joinParams<G extends Record<string, ParamSpec>[]>(
  ...groups: G
): UnionToIntersection<G[number]> {
  const out: Record<string, ParamSpec> = {};
  const flags = new Map<string, string>();
  for (const group of groups) {
    for (const [key, spec] of Object.entries(group)) {
      if (key !== spec.name) throw new Error(`parameter table: key '${key}' holds '${spec.name}'`);
      if (key in out) throw new Error(`parameter table: '${key}' declared twice`);
      if (spec.flag !== undefined) {
        const other = flags.get(spec.flag);
        if (other) throw new Error(`parameter table: --${spec.flag} is both '${other}' and '${key}'`);
        flags.set(spec.flag, key);
      }
      out[key] = spec;
    }
  }
  return out as UnionToIntersection<G[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

// Checking -------------------------------------------------------------------------------------

export type ParamErrorCode =
  | 'required'
  | 'empty'
  | 'not-a-number'
  | 'integer'
  | 'range'
  | 'underflow'
  | 'power-of-two'
  | 'enum';

/** What was wrong with a value, with everything a message in either language needs. */
export interface ParamError {
  /** The parameter's name (camelCase). */
  param: string;
  /** Its command-line option, when it has one. */
  flag?: string;
  code: ParamErrorCode;
  type: ParamType;
  /** The text given (or a short description of a non-text value). */
  given: string;
  /** `given` describes a value that was not text (a number, null, a list): shown without quotes. */
  described?: boolean;
  /** The range in force (the table's, or narrower limits given by the caller). */
  min?: number | null;
  max?: number | null;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** Why the upper limit is what it is ("the number of nodes"), when it is not the table's. */
  maxReason?: Text;
  values?: readonly string[];
  /** The parameter takes powers of two only. */
  powerOfTwo?: boolean;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: ParamError };

/** Limits narrower than the table's, known only at run time (k <= nodes, start <= max steps). */
export interface Limits {
  min?: number;
  max?: number;
  maxReason?: Text;
}

/** Decimal notation only: no hex, no Infinity, no NaN, no digit separators. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/** A non-zero digit before the exponent: the text means a non-zero number. */
const NONZERO_MANTISSA = /^[+-]?[0.]*[1-9]/;

/**
 * The syntax step of reading a number: decimal notation (surrounding spaces ignored), and a
 * non-zero number too small to represent (`1e-400`) refused rather than read as 0. Ranges are
 * parseParam's and checkParam's business.
 */
export function parseDecimal(
  text: string,
): { ok: true; value: number } | { ok: false; code: 'empty' | 'not-a-number' | 'underflow' } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, code: 'empty' };
  if (!DECIMAL.test(trimmed)) return { ok: false, code: 'not-a-number' };
  const value = Number(trimmed);
  if (value === 0 && NONZERO_MANTISSA.test(trimmed)) return { ok: false, code: 'underflow' };
  return { ok: true, value: value === 0 ? 0 : value };
}

function fail<T>(
  spec: ParamSpec,
  code: ParamErrorCode,
  given: string,
  extra: Partial<ParamError> = {},
): Checked<T> {
  const error: ParamError = { param: spec.name, code, type: spec.type, given, ...extra };
  if (spec.flag !== undefined) error.flag = spec.flag;
  if (spec.type !== 'enum' && spec.type !== 'string' && spec.type !== 'flag' && spec.powerOfTwo)
    error.powerOfTwo = true;
  return { ok: false, error };
}

function rangeOf(spec: NumberParam, limits: Limits | undefined) {
  let min = spec.min;
  let max = spec.max;
  let minExclusive = spec.minExclusive ?? false;
  let maxExclusive = spec.maxExclusive ?? false;
  let maxReason: Text | undefined;
  if (limits?.min !== undefined && (min === null || limits.min > min)) {
    min = limits.min;
    minExclusive = false;
  }
  if (limits?.max !== undefined && (max === null || limits.max <= max)) {
    max = limits.max;
    maxExclusive = false;
    maxReason = limits.maxReason;
  }
  return { min, max, minExclusive, maxExclusive, ...(maxReason ? { maxReason } : {}) };
}

function checkNumber(
  spec: NumberParam,
  value: number,
  given: string,
  limits?: Limits,
  described = false,
): Checked<number> {
  const range = { ...rangeOf(spec, limits), ...(described ? { described } : {}) };
  if (!Number.isFinite(value)) return fail(spec, 'range', given, range);
  if (spec.type === 'integer' && !Number.isInteger(value)) return fail(spec, 'integer', given, range);
  const { min, max, minExclusive, maxExclusive } = range;
  const low = min !== null && (minExclusive ? !(value > min) : !(value >= min));
  const high = max !== null && (maxExclusive ? !(value < max) : !(value <= max));
  if (low || high) return fail(spec, 'range', given, range);
  if (spec.powerOfTwo && (value <= 0 || 2 ** Math.round(Math.log2(value)) !== value))
    return fail(spec, 'power-of-two', given, range);
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * Read a parameter from text (a command-line value, a form field, a link): decimal numbers only
 * (surrounding spaces ignored), whole numbers for integers (`1e3` is 1000), a non-zero number
 * that would round to 0 (`1e-400`) refused, enums exactly as listed.
 */
export function parseParam<S extends ParamSpec>(spec: S, text: string, limits?: Limits): Checked<ValueOf<S>> {
  type V = Checked<ValueOf<S>>;
  switch (spec.type) {
    case 'flag':
      if (text === 'true' || text === '') return { ok: true, value: true } as V;
      if (text === 'false') return { ok: true, value: false } as V;
      return fail(spec, 'enum', text, { values: ['true', 'false'] });
    case 'string':
      return text === '' ? fail(spec, 'empty', text) : ({ ok: true, value: text } as V);
    case 'enum': {
      const values = enumValues(spec);
      return values.includes(text) ? ({ ok: true, value: text } as V) : fail(spec, 'enum', text, { values });
    }
    default: {
      const read = parseDecimal(text);
      if (!read.ok) return fail(spec, read.code, text, rangeOf(spec, limits));
      return checkNumber(spec, read.value, text, limits) as V;
    }
  }
}

/** A short description of a non-text value for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Check a value that is already typed data (a scenario read from JSON, a form's number). */
export function checkParam<S extends ParamSpec>(
  spec: S,
  value: unknown,
  limits?: Limits,
): Checked<ValueOf<S>> {
  type V = Checked<ValueOf<S>>;
  const given = describeValue(value);
  const described = typeof value !== 'string';
  switch (spec.type) {
    case 'flag':
      return typeof value === 'boolean'
        ? ({ ok: true, value } as V)
        : fail(spec, 'enum', given, { values: ['true', 'false'], described });
    case 'string':
      if (typeof value !== 'string') return fail(spec, 'empty', given, { described });
      return parseParam(spec, value) as V;
    case 'enum':
      if (typeof value !== 'string')
        return fail(spec, 'enum', given, { values: enumValues(spec), described });
      return parseParam(spec, value) as V;
    default:
      if (typeof value !== 'number')
        return fail(spec, 'not-a-number', given, { ...rangeOf(spec, limits), described });
      return checkNumber(spec, value, given, limits, described) as V;
  }
}

/** A parameter missing where it is required. */
export function requiredError(spec: ParamSpec): ParamError {
  const error: ParamError = { param: spec.name, code: 'required', type: spec.type, given: '' };
  if (spec.flag !== undefined) error.flag = spec.flag;
  return error;
}

// Wording --------------------------------------------------------------------------------------

function num(x: number): string {
  return String(x);
}

type RangeFields = Pick<
  ParamError,
  'type' | 'min' | 'max' | 'minExclusive' | 'maxExclusive' | 'maxReason' | 'powerOfTwo'
>;

/** The range part of an expectation: " from 1 to 10", "1 到 10 之间的". */
function rangePhrase(error: RangeFields, lang: Lang): string {
  const min = error.min ?? null;
  const max = error.max ?? null;
  const lo = error.minExclusive ?? false;
  const hi = error.maxExclusive ?? false;
  if (lang === 'en') {
    if (error.type === 'probability' && min === 0 && max === 1 && !lo && !hi) return ' between 0 and 1';
    if (min !== null && max !== null) {
      if (!lo && !hi) return ` from ${num(min)} to ${num(max)}`;
      if (lo && hi) return ` between ${num(min)} and ${num(max)} (exclusive)`;
      return ` in ${lo ? '(' : '['}${num(min)}, ${num(max)}${hi ? ')' : ']'}`;
    }
    if (min !== null) return ` ${lo ? '>' : '>='} ${num(min)}`;
    if (max !== null) return ` ${hi ? '<' : '<='} ${num(max)}`;
    return '';
  }
  if (min !== null && max !== null) {
    if (!lo && !hi) return `${num(min)} 到 ${num(max)} 之间的`;
    if (lo && hi) return `介于 ${num(min)} 和 ${num(max)} 之间（不含两端）的`;
    return `区间 ${lo ? '(' : '['}${num(min)}, ${num(max)}${hi ? ')' : ']'} 内的`;
  }
  if (min !== null) return `${lo ? '大于' : '不小于'} ${num(min)} 的`;
  if (max !== null) return `${hi ? '小于' : '不大于'} ${num(max)} 的`;
  return '';
}

/** "a whole number from 1 to 1000000000", "1 到 1000000000 之间的整数". */
export function expectation(error: RangeFields, lang: Lang): string {
  const { type } = error;
  const reason = error.maxReason
    ? lang === 'en'
      ? ` (${error.maxReason.en})`
      : `（${error.maxReason.zh}）`
    : '';
  if (lang === 'en') {
    const kind = error.powerOfTwo
      ? 'a power of two'
      : type === 'integer'
        ? 'a whole number'
        : type === 'probability'
          ? 'a probability'
          : 'a number';
    return `${kind}${rangePhrase(error, 'en')}${reason}`;
  }
  const kind = error.powerOfTwo
    ? '2 的幂'
    : type === 'integer'
      ? '整数'
      : type === 'probability'
        ? '概率'
        : '数';
  return `${rangePhrase(error, 'zh')}${kind}${reason}`;
}

/** The Chinese expectation after 应为, set off by a space when it starts with a number. */
function zhExpectation(error: ParamError): string {
  const text = expectation(error, 'zh');
  return /^[\d+-]/.test(text) ? ` ${text}` : text;
}

/**
 * One line for an error. `subject` names the parameter as the reader knows it: `--runs` on the
 * command line (the default when the parameter has a flag), `params.p` in a scenario file, the
 * field's label in a form.
 */
export function formatParamError(error: ParamError, lang: Lang, subject?: string): string {
  const who = subject ?? (error.flag !== undefined ? `--${error.flag}` : error.param);
  if (lang === 'en') {
    const given = error.described ? error.given : `'${error.given}'`;
    switch (error.code) {
      case 'required':
        return `${who} is required`;
      case 'empty':
        return error.type === 'string'
          ? `${who}: expected a non-empty text, got ${given}`
          : `${who}: expected ${expectation(error, 'en')}, got nothing`;
      case 'enum':
        return `${who}: expected one of ${(error.values ?? []).join(', ')}, got ${given}`;
      case 'underflow':
        return `${who}: ${given} is too small to represent and would be read as 0; write 0, or a larger value`;
      default:
        return `${who}: expected ${expectation(error, 'en')}, got ${given}`;
    }
  }
  // Full-width quotes carry their own spacing; a bare number is set off by a space.
  const given = error.described ? ` ${error.given}` : `“${error.given}”`;
  switch (error.code) {
    case 'required':
      return `${who}：必须填写`;
    case 'empty':
      return error.type === 'string' ? `${who}：不能为空` : `${who}：应为${zhExpectation(error)}，但未填写`;
    case 'enum':
      return `${who}：应为 ${(error.values ?? []).join('、')} 之一，实际为${given}`;
    case 'underflow':
      return `${who}：${given.trim()}太小，无法表示，会被当作 0；请写 0 或更大的值`;
    default:
      return `${who}：应为${zhExpectation(error)}，实际为${given}`;
  }
}

/** A parameter's range for docs and help: "[0, 1]", ">= 1", "(0, 1)", "16 to 4096, a power of two". */
export function rangeText(spec: ParamSpec, lang: Lang = 'en'): string {
  if (spec.type === 'enum') return spec.values.map((v) => v.value).join(lang === 'en' ? ', ' : '、');
  if (spec.type === 'flag' || spec.type === 'string') return '';
  const { min, max } = spec;
  const lo = spec.minExclusive ?? false;
  const hi = spec.maxExclusive ?? false;
  let text: string;
  if (min !== null && max !== null) text = `${lo ? '(' : '['}${num(min)}, ${num(max)}${hi ? ')' : ']'}`;
  else if (min !== null) text = `${lo ? '>' : '≥'} ${num(min)}`;
  else if (max !== null) text = `${hi ? '<' : '≤'} ${num(max)}`;
  else text = lang === 'en' ? 'any' : '任意';
  if (spec.powerOfTwo) text += lang === 'en' ? ', a power of two' : '，2 的幂';
  return text;
}
