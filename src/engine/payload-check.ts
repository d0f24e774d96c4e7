/**
 * Checking job inputs that arrive from outside this process (a cluster shard, decoded from
 * Redis): small combinators that describe an input's shape, and throw a PayloadError naming the
 * field and what it expected. A `record` schema is typed by the input it checks, so renaming a
 * field of a job's input without updating its schema fails to compile.
 */

/** A shard input that breaks its job's schema: the message names the field. */
export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

/** What a check may compare with: the graph the job will run on. */
export interface PayloadContext {
  /** Nodes of the graph. */
  n: number;
  /** Whether its arcs carry probabilities (what ic without p uses). */
  probabilities: boolean;
}

export type Check = (value: unknown, path: string, ctx: PayloadContext) => void;

type Bound = number | ((ctx: PayloadContext) => number);
const bound = (b: Bound, ctx: PayloadContext) => (typeof b === 'function' ? b(ctx) : b);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'string') return `text of ${value.length} characters`;
  if (typeof value === 'number') return String(value);
  return typeof value;
}

function fail(path: string, expected: string, value: unknown): never {
  throw new PayloadError(`${path}: expected ${expected}, got ${describe(value)}`);
}

/** A whole number in [min, max]. */
export function int(min: Bound, max: Bound): Check {
  return (value, path, ctx) => {
    const lo = bound(min, ctx);
    const hi = bound(max, ctx);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi)
      fail(path, `a whole number from ${lo} to ${hi}`, value);
  };
}

/** A finite number in [min, max]. */
export function num(min: number, max: number): Check {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
      fail(path, `a number from ${min} to ${max}`, value);
  };
}

export const bool: Check = (value, path) => {
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
};

export function text(maxLength: number): Check {
  return (value, path) => {
    if (typeof value !== 'string' || value.length > maxLength)
      fail(path, `text of at most ${maxLength} characters`, value);
  };
}

export function oneOf(...values: readonly (string | number | null)[]): Check {
  return (value, path) => {
    if (!values.includes(value as string))
      fail(path, `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, value);
  };
}

export function nullable(check: Check): Check {
  return (value, path, ctx) => {
    if (value !== null) check(value, path, ctx);
  };
}

/** A list of at most maxLength items, each passing `item`. */
export function list(item: Check, maxLength: Bound, minLength = 0): Check {
  return (value, path, ctx) => {
    const most = bound(maxLength, ctx);
    if (!Array.isArray(value) || value.length > most || value.length < minLength)
      fail(path, `a list of ${minLength} to ${most} items`, value);
    for (let i = 0; i < value.length; i++) item(value[i], `${path}[${i}]`, ctx);
  };
}

/** A node index of the graph. */
export const node: Check = int(0, (ctx) => ctx.n - 1);

/** A list of node indices, at most one per node. */
export const nodes: Check = list(node, (ctx) => ctx.n);

/**
 * A plain object with exactly these fields (those in `optional` may be absent); every field of T
 * must have a check. Unknown fields are refused.
 */
export function record<T>(fields: { [P in keyof T]-?: Check }, optional: readonly (keyof T)[] = []): Check {
  const names = Object.keys(fields);
  return (value, path, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value))
      fail(path, `an object with ${names.join(', ')}`, value);
    const o = value as Record<string, unknown>;
    for (const key of Object.keys(o))
      if (!Object.hasOwn(fields, key)) throw new PayloadError(`${path}: unknown field '${key}'`);
    for (const name of names) {
      if (!Object.hasOwn(o, name)) {
        if (optional.includes(name as keyof T)) continue;
        throw new PayloadError(`${path}: missing field '${name}'`);
      }
      (fields as Record<string, Check>)[name](o[name], `${path}.${name}`, ctx);
    }
  };
}

/** One of several record shapes, chosen by the value of a tag field. */
export function tagged(tag: string, shapes: Record<string, Check>): Check {
  return (value, path, ctx) => {
    const kind =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[tag] : undefined;
    if (typeof kind !== 'string' || !Object.hasOwn(shapes, kind))
      fail(`${path}.${tag}`, `one of ${Object.keys(shapes).join(', ')}`, kind);
    shapes[kind](value, path, ctx);
  };
}

/** A further check on a value that passed `check` (e.g. the model's own validation). */
export function also(check: Check, then: (value: never, path: string, ctx: PayloadContext) => void): Check {
  return (value, path, ctx) => {
    check(value, path, ctx);
    try {
      then(value as never, path, ctx);
    } catch (e) {
      if (e instanceof PayloadError) throw e;
      throw new PayloadError(`${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
