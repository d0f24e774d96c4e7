/**
 * Eigenvector centrality's power-iteration step compiled to WebAssembly (src/util/wasm.ts): the
 * same arithmetic as eigenvector.ts's JS step, in the same order (four partial sums per row, the
 * squares summed row by row, each entry divided by the norm, the L1 change summed row by row), so
 * both give the same scores bit for bit.
 *
 * Why: `ripple rank --metric eigenvector` runs the loop once, in a fresh process. V8 runs a JS loop
 * unoptimized until its optimizing compiler, started while the loop runs, is done; on ego-Facebook
 * that first run took 25-45 ms where a warm one takes 9-15 ms. WebAssembly is compiled before it
 * runs (its baseline compiler at once, the optimizing one in the background as the step is called
 * again), and reads the graph from one linear memory without typed-array checks.
 */
import type { Csr } from '../../graph/types.ts';
import {
  add,
  assemble,
  block,
  br,
  brIf,
  type Code,
  exported,
  type FunctionSpec,
  f64,
  fabs,
  fadd,
  fdiv,
  fmul,
  fsub,
  get,
  geU,
  i32,
  type Local,
  Locals,
  load32,
  loadF64,
  loop,
  set,
  shl,
  storeF64,
} from '../../util/wasm.ts';
import type { PowerSteps } from './eigenvector.ts';

const PAGE = 65536;
const MAX_PAGES = 65536;
const align8 = (x: number) => Math.ceil(x / 8) * 8;

/** x[i] at `base` (a byte address in a local), for the index computed by `index`. */
const entry = (base: Local, index: Code): Code => loadF64(add(get(base), shl(index, i32(3))));

/** next <- (A + I) x over rows 0..n-1; returns the sum of squares of next. */
function multiply(n: number, offsets: number, targets: number): FunctionSpec {
  const L = new Locals();
  const from = L.param();
  const to = L.param();
  const u = L.local();
  const k = L.local();
  const end = L.local();
  const [s0, s1, s2, s3, value, norm] = Array.from({ length: 6 }, () => L.local('f64'));
  const target = (at: Code) => load32(shl(at, i32(2)), targets);
  const body: Code[] = [
    block('rows', [
      loop('row', [
        brIf('rows', geU(get(u), i32(n))),
        set(s0, entry(from, get(u))),
        set(s1, f64(0)),
        set(s2, f64(0)),
        set(s3, f64(0)),
        set(k, load32(shl(get(u), i32(2)), offsets)),
        set(end, load32(shl(get(u), i32(2)), offsets + 4)),
        block('quads', [
          loop('quad', [
            brIf('quads', geU(add(get(k), i32(3)), get(end))),
            set(s0, fadd(get(s0), entry(from, target(get(k))))),
            set(s1, fadd(get(s1), entry(from, target(add(get(k), i32(1)))))),
            set(s2, fadd(get(s2), entry(from, target(add(get(k), i32(2)))))),
            set(s3, fadd(get(s3), entry(from, target(add(get(k), i32(3)))))),
            set(k, add(get(k), i32(4))),
            br('quad'),
          ]),
        ]),
        block('ones', [
          loop('one', [
            brIf('ones', geU(get(k), get(end))),
            set(s0, fadd(get(s0), entry(from, target(get(k))))),
            set(k, add(get(k), i32(1))),
            br('one'),
          ]),
        ]),
        set(value, fadd(fadd(get(s0), get(s1)), fadd(get(s2), get(s3)))),
        storeF64(add(get(to), shl(get(u), i32(3))), get(value)),
        set(norm, fadd(get(norm), fmul(get(value), get(value)))),
        set(u, add(get(u), i32(1))),
        br('row'),
      ]),
    ]),
    get(norm),
  ];
  return exported('multiply', L, body, ['f64']);
}

/** next <- next / norm; returns the L1 change between next and x. */
function normalize(n: number): FunctionSpec {
  const L = new Locals();
  const next = L.param();
  const from = L.param();
  const norm = L.param('f64');
  const u = L.local();
  const value = L.local('f64');
  const change = L.local('f64');
  const at = (base: Local) => add(get(base), shl(get(u), i32(3)));
  const body: Code[] = [
    block('rows', [
      loop('row', [
        brIf('rows', geU(get(u), i32(n))),
        set(value, fdiv(loadF64(at(next)), get(norm))),
        storeF64(at(next), get(value)),
        set(change, fadd(get(change), fabs(fsub(get(value), loadF64(at(from)))))),
        set(u, add(get(u), i32(1))),
        br('row'),
      ]),
    ]),
    get(change),
  ];
  return exported('normalize', L, body, ['f64']);
}

/**
 * The compiled step for `csr`, starting from the uniform vector; null when WebAssembly is missing
 * or refused, or the graph does not fit in 4 GiB: the caller then runs the JS step.
 */
export function wasmPowerSteps(csr: Csr): PowerSteps | null {
  if (typeof WebAssembly !== 'object') return null;
  const { n, arcs } = csr;
  const offsets = 0;
  const targets = align8(4 * (n + 1));
  const first = align8(targets + 4 * arcs);
  const second = first + 8 * n;
  const pages = Math.max(1, Math.ceil((second + 8 * n) / PAGE));
  if (pages > MAX_PAGES) return null;
  let memory: WebAssembly.Memory;
  let step: {
    multiply: (from: number, to: number) => number;
    normalize: (next: number, from: number, norm: number) => number;
  };
  try {
    const bytes = assemble(pages, [multiply(n, offsets, targets), normalize(n)]);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    memory = instance.exports.memory as WebAssembly.Memory;
    step = instance.exports as unknown as typeof step;
  } catch {
    return null;
  }
  new Uint32Array(memory.buffer, offsets, n + 1).set(csr.outOffsets.subarray(0, n + 1));
  new Uint32Array(memory.buffer, targets, arcs).set(csr.outTargets.subarray(0, arcs));
  new Float64Array(memory.buffer, first, n).fill(n > 0 ? 1 / n : 0);
  let x = first;
  let next = second;
  return {
    multiply: () => step.multiply(x, next),
    normalizeAndSwap(norm) {
      const change = step.normalize(next, x, norm);
      const swap = x;
      x = next;
      next = swap;
      return change;
    },
    result: () => new Float64Array(memory.buffer, x, n).slice(),
  };
}
