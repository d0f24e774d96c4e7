/**
 * A tiny WebAssembly assembler: enough of the binary format (WebAssembly Core Specification 2.0,
 * chapter 5) to write a hot loop as a tree of instructions in TypeScript and compile it at run
 * time, with the sizes and addresses of the arrays baked in as immediates. No build step and no
 * dependency; hand-written code stays readable as the folded text format would be:
 *
 *   loop('arcs', [brIf('row', geU(get(k), get(end))), set(v, load32(get(k), TGT)), ...])
 *
 * Branches name their target block (resolved to relative depths here). Only i32, f64 and v128
 * (four i32 lanes) values, one memory (the module's, exported, or imported, shared or not) and
 * exported functions: what src/diffusion/ic-wasm.ts, src/graph/snapshot-arc-hash.ts,
 * src/seeding/rr-wasm.ts and src/analysis/centrality/eigenvector-wasm.ts need.
 */

export type ValType = 'i32' | 'f64' | 'v128';
const VAL: Record<ValType, number> = { i32: 0x7f, f64: 0x7c, v128: 0x7b };

/** An instruction, a sequence of them, or a structured block. */
export type Code = number[] | Block | Branch | Code[];
interface Block {
  kind: 'block' | 'loop' | 'if';
  label: string;
  body: Code[];
  otherwise?: Code[];
}
interface Branch {
  kind: 'br' | 'br_if';
  label: string;
}

/** A local variable or parameter, by index. */
export interface Local {
  readonly index: number;
  readonly type: ValType;
}

export interface FunctionSpec {
  name: string;
  params: ValType[];
  results: ValType[];
  /** Extra locals (after the parameters). */
  locals: ValType[];
  body: Code[];
}

/** The function `name` exports: its parameters and extra locals from `locals`, then `body`. */
export function exported(
  name: string,
  locals: Locals,
  body: Code[],
  results: ValType[] = ['i32'],
): FunctionSpec {
  return { name, params: locals.params, results, locals: locals.extra, body };
}

// Unsigned and signed LEB128.
function uleb(x: number): number[] {
  const out: number[] = [];
  let v = x >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

function sleb(x: number): number[] {
  const out: number[] = [];
  let v = x | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const utf8 = (s: string) => [...new TextEncoder().encode(s)];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

function encode(code: Code, labels: string[], out: number[]): void {
  if (Array.isArray(code)) {
    if (code.length > 0 && typeof code[0] === 'number') out.push(...(code as number[]));
    else for (const c of code as Code[]) encode(c, labels, out);
    return;
  }
  if (!('body' in code)) {
    const depth = labels.lastIndexOf(code.label);
    if (depth < 0) throw new Error(`wasm: no enclosing block '${code.label}'`);
    out.push(code.kind === 'br' ? 0x0c : 0x0d, ...uleb(labels.length - 1 - depth));
    return;
  }
  out.push(code.kind === 'block' ? 0x02 : code.kind === 'loop' ? 0x03 : 0x04, 0x40);
  labels.push(code.label);
  for (const c of code.body) encode(c, labels, out);
  if (code.otherwise) {
    out.push(0x05);
    for (const c of code.otherwise) encode(c, labels, out);
  }
  labels.pop();
  out.push(0x0b);
}

/**
 * A module with one memory of `pages` 64 KiB pages and the given exported functions. The memory
 * is the module's own and exported, or, with `imported`, the `memory` of the import object
 * (`{ env: { memory } }`, a WebAssembly.Memory of exactly `pages` pages, shared or not), so the
 * code runs on bytes already in it (a file read into it, a SharedArrayBuffer a worker sees).
 */
export function assemble(
  pages: number,
  functions: FunctionSpec[],
  imported?: { shared: boolean },
): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [
    0x60,
    ...vec(f.params.map((t) => [VAL[t]])),
    ...vec(f.results.map((t) => [VAL[t]])),
  ]);
  const bodies = functions.map((f) => {
    const groups: number[][] = f.locals.map((t) => [1, VAL[t]]);
    const body: number[] = [...vec(groups)];
    encode(f.body, [], body);
    body.push(0x0b);
    return [...uleb(body.length), ...body];
  });
  const exports = functions.map((f, i) => [...uleb(utf8(f.name).length), ...utf8(f.name), 0x00, ...uleb(i)]);
  if (!imported) exports.push([...uleb(6), ...utf8('memory'), 0x02, 0]);
  // Limits: 0x00 min; 0x01 min max; 0x03 min max shared (the threads proposal).
  const limits = imported
    ? [imported.shared ? 0x03 : 0x01, ...uleb(pages), ...uleb(pages)]
    : [0x00, ...uleb(pages)];
  const name = (text: string) => [...uleb(utf8(text).length), ...utf8(text)];
  const bytes = [
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec(types)),
    ...(imported ? section(2, vec([[...name('env'), ...name('memory'), 0x02, ...limits]])) : []),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...(imported ? [] : section(5, vec([limits]))),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ];
  return Uint8Array.from(bytes);
}

/** Locals of one function: parameters first, then extra locals, by name. */
export class Locals {
  readonly params: ValType[] = [];
  readonly extra: ValType[] = [];
  private sealed = false;

  param(type: ValType = 'i32'): Local {
    if (this.sealed || this.extra.length > 0) throw new Error('wasm: parameters come before locals');
    this.params.push(type);
    return { index: this.params.length - 1, type };
  }

  local(type: ValType = 'i32'): Local {
    this.extra.push(type);
    return { index: this.params.length + this.extra.length - 1, type };
  }
}

// Instructions, in the folded form: operands first, then the opcode.
const memarg = (align: number, offset: number) => [...uleb(align), ...uleb(offset)];
export const get = (l: Local): number[] => [0x20, ...uleb(l.index)];
export const set = (l: Local, value: Code): Code => [value, [0x21, ...uleb(l.index)]];
export const tee = (l: Local, value: Code): Code => [value, [0x22, ...uleb(l.index)]];
export const i32 = (x: number): number[] => [0x41, ...sleb(x)];
export const f64 = (x: number): number[] => {
  const b = new Uint8Array(new Float64Array([x]).buffer);
  return [0x44, ...b];
};
const bin =
  (op: number) =>
  (a: Code, b: Code): Code => [a, b, [op]];
const un =
  (op: number) =>
  (a: Code): Code => [a, [op]];
export const eqz = un(0x45);
export const eq = bin(0x46);
export const ne = bin(0x47);
export const ltS = bin(0x48);
export const ltU = bin(0x49);
export const gtU = bin(0x4b);
export const leU = bin(0x4d);
export const geU = bin(0x4f);
export const add = bin(0x6a);
export const sub = bin(0x6b);
export const mul = bin(0x6c);
export const and = bin(0x71);
export const or = bin(0x72);
export const xor = bin(0x73);
export const shl = bin(0x74);
export const shrS = bin(0x75);
export const shrU = bin(0x76);
export const rotl = bin(0x77);
export const feq = bin(0x61);
export const fgt = bin(0x64);
export const fabs = un(0x99);
export const fsqrt = un(0x9f);
export const fadd = bin(0xa0);
export const fsub = bin(0xa1);
export const fmul = bin(0xa2);
export const fdiv = bin(0xa3);
export const fge = bin(0x66);
/** i32.trunc_f64_u: a non-negative double below 2^32, rounded down (Math.floor of it). */
export const truncU = un(0xab);
export const fromU32 = un(0xb8);
export const load32 = (addr: Code, offset = 0): Code => [addr, [0x28, ...memarg(2, offset)]];
export const load8 = (addr: Code, offset = 0): Code => [addr, [0x2d, ...memarg(0, offset)]];
export const loadF64 = (addr: Code, offset = 0): Code => [addr, [0x2b, ...memarg(3, offset)]];
export const store32 = (addr: Code, value: Code, offset = 0): Code => [
  addr,
  value,
  [0x36, ...memarg(2, offset)],
];
export const store8 = (addr: Code, value: Code, offset = 0): Code => [
  addr,
  value,
  [0x3a, ...memarg(0, offset)],
];
export const storeF64 = (addr: Code, value: Code, offset = 0): Code => [
  addr,
  value,
  [0x39, ...memarg(3, offset)],
];

// 128-bit SIMD (the fixed-width SIMD proposal, in WebAssembly 2.0): four i32 lanes at a time.
const simd = (op: number, ...immediates: number[]) => [0xfd, ...uleb(op), ...immediates];
const vbin =
  (op: number) =>
  (a: Code, b: Code): Code => [a, b, simd(op)];
/** 16 bytes at addr + offset (no alignment needed). */
export const v128Load = (addr: Code, offset = 0): Code => [addr, simd(0x00, ...memarg(0, offset))];
/** Bytes of a and b (0-15 from a, 16-31 from b) in the order `lanes` names. */
export const shuffle = (a: Code, b: Code, lanes: readonly number[]): Code => [a, b, simd(0x0d, ...lanes)];
export const splat32 = (a: Code): Code => [a, simd(0x11)];
export const lane32 = (a: Code, lane: number): Code => [a, simd(0x1b, lane)];
export const x4Eq = vbin(0x37);
export const x4LtU = vbin(0x3a);
export const x4GeU = vbin(0x40);
export const vOr = vbin(0x50);
export const vXor = vbin(0x51);
/** 1 when any bit of a is set. */
export const anyTrue = (a: Code): Code => [a, simd(0x53)];
/** Each lane shifted right by the i32 `bits`. */
export const x4ShrU = (a: Code, bits: Code): Code => [a, bits, simd(0xad)];
export const x4Add = vbin(0xae);
export const x4Mul = vbin(0xb5);

export const block = (label: string, body: Code[]): Block => ({ kind: 'block', label, body });
export const loop = (label: string, body: Code[]): Block => ({ kind: 'loop', label, body });
/** `if` consumes the condition on the stack; its label lets `br` leave it. */
export const when = (cond: Code, body: Code[], otherwise?: Code[]): Code => [
  cond,
  { kind: 'if', label: '', body, ...(otherwise ? { otherwise } : {}) },
];
export const br = (label: string): Branch => ({ kind: 'br', label });
export const brIf = (label: string, cond: Code): Code => [cond, { kind: 'br_if', label }];
export const ret = (value?: Code): Code => [value ?? [], [0x0f]];
