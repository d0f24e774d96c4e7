/**
 * Shard inputs and outputs as text for BullMQ (which keeps job data and return values as JSON):
 * plain JSON, where a typed array becomes {"$t": type, "b": base64 of its bytes} and a number JSON
 * cannot hold (NaN, ±Infinity, -0) becomes {"$n": "NaN" | "Infinity" | "-Infinity" | "-0"}, so
 * every value a job takes or returns comes back bit for bit. Decoding accepts only those two tags
 * and plain JSON, within a size limit: a hostile payload can make no object but arrays, plain
 * objects, strings, numbers, booleans, null and typed arrays of the listed types.
 */

const TYPED = {
  u8: Uint8Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;
type TypedName = keyof typeof TYPED;

function typedName(value: ArrayBufferView): TypedName | null {
  for (const [name, Ctor] of Object.entries(TYPED)) if (value instanceof Ctor) return name as TypedName;
  return null;
}

/** A value as text; throws on values that have no faithful encoding (functions, other views). */
export function encodePayload(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    // `v` is after toJSON; read the raw value from the holder for typed arrays and numbers.
    const raw = (this as Record<string, unknown>)[key];
    if (ArrayBuffer.isView(raw)) {
      const name = typedName(raw);
      if (!name) throw new TypeError(`cannot encode a ${raw.constructor.name}`);
      return { $t: name, b: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
    }
    if (typeof raw === 'number' && (!Number.isFinite(raw) || Object.is(raw, -0)))
      return { $n: String(Object.is(raw, -0) ? '-0' : raw) };
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint')
      throw new TypeError(`cannot encode a ${typeof v}`);
    return v;
  });
}

export class PayloadDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadDecodeError';
  }
}

const NUMBERS: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

/** Decode text made by encodePayload; anything else is a PayloadDecodeError. */
export function decodePayload(text: unknown, maxLength: number): unknown {
  if (typeof text !== 'string') throw new PayloadDecodeError('the payload is not text');
  if (text.length > maxLength)
    throw new PayloadDecodeError(`the payload has ${text.length} characters, more than ${maxLength}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PayloadDecodeError('the payload is not valid JSON');
  }
  return revive(parsed, 0);
}

function revive(value: unknown, depth: number): unknown {
  if (depth > 32) throw new PayloadDecodeError('the payload nests deeper than 32 levels');
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item === 'object' && item !== null) value[i] = revive(item, depth + 1);
    }
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const o = value as Record<string, unknown>;
  if (Object.hasOwn(o, '$t')) {
    const name = o.$t;
    if (
      typeof name !== 'string' ||
      !Object.hasOwn(TYPED, name) ||
      typeof o.b !== 'string' ||
      Object.keys(o).length !== 2
    )
      throw new PayloadDecodeError('a typed array in the payload is malformed');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(o.b))
      throw new PayloadDecodeError('a typed array in the payload is not base64');
    const bytes = Buffer.from(o.b, 'base64');
    const Ctor = TYPED[name as TypedName];
    if (bytes.length % Ctor.BYTES_PER_ELEMENT !== 0)
      throw new PayloadDecodeError(`a ${name} array in the payload has ${bytes.length} bytes`);
    // A fresh, aligned buffer the array owns.
    const out = new Ctor(bytes.length / Ctor.BYTES_PER_ELEMENT);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  if (Object.hasOwn(o, '$n')) {
    const n = NUMBERS[o.$n as string];
    if (typeof o.$n !== 'string' || !Object.hasOwn(NUMBERS, o.$n) || Object.keys(o).length !== 1)
      throw new PayloadDecodeError('a number in the payload is malformed');
    return n;
  }
  for (const key of Object.keys(o)) {
    // JSON.parse makes "__proto__" an own key; assigning it back would set the prototype.
    if (key === '__proto__') throw new PayloadDecodeError('the payload has a __proto__ key');
    const item = o[key];
    if (typeof item === 'object' && item !== null) o[key] = revive(item, depth + 1);
  }
  return o;
}
