/**
 * A snapshot's arc pass compiled to WebAssembly (src/util/wasm.ts), run on the bytes where they
 * were read: one sequential pass per side of the CSR that checks what can be checked arc by arc
 * and adds up a multiset hash of the arcs (snapshot.ts compares the sums and, when a pass fails,
 * names the problem with a plain JavaScript look).
 *
 * Why WebAssembly: a fresh process runs a JavaScript loop in V8's interpreter until it has been
 * compiled, and on a snapshot of Slashdot's size the checks end about then (11 ms, 5 ms once
 * compiled). V8 compiles a WebAssembly module at once (Liftoff), so the pass runs compiled from
 * the first arc: 5 ms there, and on 10M arcs 50-70 ms instead of 70-85 ms. Rows without values
 * are taken four arcs at a time in SIMD (85% of the arcs of Slashdot and of the 10M-arc test
 * graph; 10-13% off a whole load). The module is assembled per snapshot with its sizes and
 * section addresses as immediates (2 ms in a fresh process, most of it the assembler's cold
 * JavaScript).
 *
 * The bytes must be in a WebAssembly.Memory: readers that can, read the file into one
 * (snapshotMemory); the decoder copies other bytes (a snapshot fetched from Redis) into one
 * (inSnapshotMemory), and the arc pass copies the sections it is given elsewhere (a structured
 * clone).
 *
 * What one pass checks, row by row: offsets never decreasing and at most the arc count, arcs in
 * range with no self-loop (out-lists), in-lists strictly ascending, values finite and in range
 * (probabilities in [0, 1], weights >= 0). The hash of an arc u -> v is the same whichever side
 * lists it: mix(imul(u ^ SOURCE_SEED, SOURCE_FACTOR) ^ imul(v ^ TARGET_SEED, TARGET_FACTOR)
 * [^ valuePart of its value's two halves]), each part a bijection of 32-bit words; the sums of the
 * hashes and of their squares compare two multisets of arcs (a deliberately forged file could
 * collide, but could then only make its own numbers wrong, since every index is range-checked).
 */
import { canShare } from '../util/can-share.ts';
import {
  add,
  anyTrue,
  assemble,
  block,
  br,
  brIf,
  type Code,
  eq,
  exported,
  type FunctionSpec,
  f64,
  feq,
  fge,
  fgt,
  get,
  geU,
  gtU,
  i32,
  type Local,
  Locals,
  lane32,
  load32,
  loadF64,
  loop,
  ltU,
  mul,
  or,
  ret,
  set,
  shl,
  shrU,
  shuffle,
  splat32,
  v128Load,
  vOr,
  vXor,
  when,
  x4Add,
  x4Eq,
  x4GeU,
  x4LtU,
  x4Mul,
  x4ShrU,
  xor,
} from '../util/wasm.ts';

/** Where a snapshot's arc arrays sit in `buffer` (byte offsets), and what they hold. */
export interface ArcSections {
  buffer: ArrayBufferLike;
  n: number;
  arcs: number;
  directed: boolean;
  /** Arc values: null without; else whether they are probabilities (else weights). */
  probability: boolean | null;
  outOffsets: number;
  outTargets: number;
  outValues: number;
  inOffsets: number;
  inSources: number;
  inValues: number;
}

const PAGE = 65536;
/** The memories snapshotMemory made (and adoptMemory took in), by their buffers. */
const memories = new WeakMap<ArrayBufferLike, WebAssembly.Memory>();
/** Where the scratch room of a memory snapshotMemory made starts (nothing is read there). */
const scratchStarts = new WeakMap<ArrayBufferLike, number>();
/** Most pages of a (32-bit) WebAssembly memory. */
const MAX_PAGES = 65536;

/**
 * A WebAssembly memory of at least `bytes` bytes to read a snapshot into (shared, for a worker
 * thread to see, or not), so its arc pass runs on it without a copy; zero-filled. With up to
 * `scratch` bytes more after them (as many as fit in 4 GiB), room the decoder may write to
 * (snapshotScratch); untouched pages cost no memory.
 */
export function snapshotMemory(bytes: number, shared: boolean, scratch = 0): WebAssembly.Memory {
  const pages = Math.max(
    1,
    Math.ceil(bytes / PAGE),
    Math.min(MAX_PAGES, Math.ceil((bytes + scratch) / PAGE)),
  );
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared });
  memories.set(memory.buffer, memory);
  scratchStarts.set(memory.buffer, bytes);
  return memory;
}

/**
 * The memory `buffer` belongs to and the first byte of its scratch room, when snapshotMemory
 * made it (the room runs to the memory's end; it may be empty).
 */
export function snapshotScratch(
  buffer: ArrayBufferLike,
): { memory: WebAssembly.Memory; free: number } | null {
  const memory = memories.get(buffer);
  const free = scratchStarts.get(buffer);
  return memory && free !== undefined ? { memory, free } : null;
}

/**
 * The snapshot `input` in a WebAssembly memory: itself when it is in one snapshotMemory made (at
 * a multiple of 8 bytes), else a copy in a new one, shared where the engine shares graphs (so the
 * engine's threads then view it without a copy of their own).
 */
export function inSnapshotMemory(input: Uint8Array): Uint8Array {
  if (memories.has(input.buffer) && input.byteOffset % 8 === 0) return input;
  const copy = new Uint8Array(snapshotMemory(input.length, canShare()).buffer, 0, input.length);
  copy.set(input);
  return copy;
}

/** Take in a memory received from another thread (its buffer is a new object here). */
export function adoptMemory(memory: WebAssembly.Memory): ArrayBufferLike {
  memories.set(memory.buffer, memory);
  return memory.buffer;
}

/** Rows per call (a block): V8 moves a function to optimised code between calls, never within one. */
const ROWS_PER_CALL = 1 << 14;

/**
 * The passes over a snapshot's arcs: the out-lists, the in-lists, and for undirected graphs (the
 * symmetry check) the out-lists hashed as if listed by their targets. Each adds to two sums, at
 * 2 * its place in this list.
 */
const ARC_PASSES = ['out', 'in', 'reversed'] as const;
type ArcPass = (typeof ARC_PASSES)[number];

/**
 * The six sums of the arc passes (sum and sum of squares each, at the pass's place in ARC_PASSES;
 * 0 for 'reversed' on a directed graph), or null when a pass met a problem (snapshot.ts then
 * names it). The first and last offsets are snapshot.ts's to check.
 *
 * The passes go by blocks of rows, and their sums add up: with `shared`, an Int32Array in shared
 * memory starting at 0, threads running on the same bytes each take the next block from it
 * (Atomics.add) until none is left, and their sums add up to those of one thread. A thread that
 * meets a problem takes all the blocks left, so the others stop.
 */
export function arcHashSums(sections: ArcSections, shared?: Int32Array): Int32Array | null {
  const at = inMemory(sections);
  const bytes = passModule(at);
  const passes = compiledPasses(at, bytes && new WebAssembly.Module(bytes));
  const units = passes.specs.length * passes.blocks;
  let next = 0;
  const take = shared ? () => Atomics.add(shared, 0, 1) : () => next++;
  for (let unit = take(); unit < units; unit = take()) {
    if (!passes.runBlock(Math.floor(unit / passes.blocks), unit % passes.blocks)) {
      if (shared) Atomics.store(shared, 0, units);
      return null;
    }
  }
  return passes.sums;
}

/** The arc passes run as a snapshot is read: see arcHashSumsAsRead. */
export interface ArcHashSumsAsRead {
  /** Run every block of rows not yet run whose bytes all lie below byte `readTo` of the memory. */
  runReady: (readTo: number) => void;
  /**
   * Run the blocks left (all bytes read): the sums arcHashSums gives, null on a problem, or
   * undefined when the module could not be compiled (the caller then runs arcHashSums).
   */
  finish: () => Promise<Int32Array | null | undefined>;
}

/**
 * The arc passes of a snapshot being read, in order, into the memory snapshotMemory made for it:
 * the reader calls runReady after each read, so the passes run while the system reads the next
 * bytes (on a 92 MB snapshot most of them, instead of after the last byte), then finish. A block
 * runs once its offsets and the arcs (and values) its last offset reaches are read: the pass
 * checks each row's offsets against the row before and the arc count before reading its arcs,
 * so a block reads no byte beyond those, whatever the offsets say. The module is compiled in
 * the background (WebAssembly.compile) while the first bytes are read and hashed; blocks wait
 * for it. The sums are arcHashSums'.
 */
export function arcHashSumsAsRead(sections: ArcSections): ArcHashSumsAsRead {
  const memory = memories.get(sections.buffer);
  if (!memory) throw new Error('snapshot-arc-hash: bytes read as they arrive must be in a snapshot memory');
  const at = { ...sections, memory };
  const bytes = passModule(at);
  let passes: ReturnType<typeof compiledPasses> | null = null;
  const compiled = (bytes ? WebAssembly.compile(bytes) : Promise.resolve(null)).then((module) => {
    passes = compiledPasses(at, module);
  });
  const words = new Uint32Array(memory.buffer);
  let done: number[] = [];
  let failed = false;
  let readSoFar = 0;
  const run = (readTo: number) => {
    readSoFar = readTo;
    const p = passes;
    if (!p) return;
    if (done.length === 0) done = p.specs.map(() => 0);
    const ready = (pass: number, block: number) => {
      const side = p.specs[pass];
      const to = Math.min(sections.n, (block + 1) * ROWS_PER_CALL);
      if (side.offsets + 4 * (to + 1) > readTo) return false;
      const end = words[(side.offsets >>> 2) + to];
      const valued = sections.probability !== null && !side.reversed;
      return side.list + 4 * end <= readTo && (!valued || side.values + 8 * end <= readTo);
    };
    for (let pass = 0; pass < done.length && !failed; pass++)
      for (; done[pass] < p.blocks && ready(pass, done[pass]); done[pass]++)
        if (!p.runBlock(pass, done[pass])) {
          failed = true;
          break;
        }
  };
  // Blocks whose bytes came in while the module compiled run once it is ready.
  void compiled.then(() => run(readSoFar)).catch(() => {});
  return {
    runReady: run,
    finish: async () => {
      if (!(await compiled.then(() => true).catch(() => false))) return undefined;
      run(Number.POSITIVE_INFINITY);
      return failed ? null : (passes?.sums ?? null);
    },
  };
}

/** The passes to run over `at`, in order: the symmetry pass only for undirected graphs. */
function passesToRun(at: ArcSections): SideSpec[] {
  const specs: Record<ArcPass, SideSpec> = {
    out: {
      name: 'out',
      offsets: at.outOffsets,
      list: at.outTargets,
      values: at.outValues,
      rowIsSource: true,
    },
    in: { name: 'in', offsets: at.inOffsets, list: at.inSources, values: at.inValues, rowIsSource: false },
    reversed: {
      name: 'reversed',
      offsets: at.outOffsets,
      list: at.outTargets,
      values: at.outValues,
      rowIsSource: false,
      reversed: true,
    },
  };
  return ARC_PASSES.filter((pass) => pass !== 'reversed' || !at.directed).map((pass) => specs[pass]);
}

/** The module of the passes over `at` (their sizes and addresses as immediates); null without rows. */
function passModule(at: ArcSections & { memory: WebAssembly.Memory }): Uint8Array<ArrayBuffer> | null {
  if (at.n === 0) return null;
  const pages = (at.memory.buffer.byteLength / PAGE) | 0;
  const functions = passesToRun(at).map((side) => rowHasher(side, at.n, at.arcs, at.probability));
  return assemble(pages, functions, { shared: !(at.memory.buffer instanceof ArrayBuffer) });
}

/**
 * The passes over `at` with their compiled module (passModule): runBlock(p, block) runs the rows
 * of block `block` of the p-th pass to run, adding to its two sums in `sums`; false when it met
 * a problem.
 */
function compiledPasses(at: ArcSections & { memory: WebAssembly.Memory }, module: WebAssembly.Module | null) {
  const specs = passesToRun(at);
  const sums = new Int32Array(2 * ARC_PASSES.length);
  const blocks = Math.ceil(at.n / ROWS_PER_CALL);
  type Hasher = (from: number, to: number, s1: number, s2: number) => number[];
  const exports = module ? new WebAssembly.Instance(module, { env: { memory: at.memory } }).exports : {};
  const hashers = specs.map((side) => exports[side.name] as Hasher);
  const slots = specs.map((side) => 2 * ARC_PASSES.indexOf(side.name as ArcPass));
  return {
    specs,
    blocks,
    sums,
    runBlock: (p: number, block: number): boolean => {
      const from = block * ROWS_PER_CALL;
      const slot = slots[p];
      const [ok, s1, s2] = hashers[p](from, Math.min(at.n, from + ROWS_PER_CALL), sums[slot], sums[slot + 1]);
      sums[slot] = s1;
      sums[slot + 1] = s2;
      return ok === 1;
    },
  };
}

/** The sections with their memory: where they are, or a copy of them in a new memory. */
function inMemory(sections: ArcSections): ArcSections & { memory: WebAssembly.Memory } {
  const memory = memories.get(sections.buffer);
  if (memory) return { ...sections, memory };
  const valued = sections.probability !== null;
  const start = sections.outOffsets;
  const end = valued ? sections.inValues + 8 * sections.arcs : sections.inSources + 4 * sections.arcs;
  const copy = snapshotMemory(end - start, false);
  new Uint8Array(copy.buffer).set(new Uint8Array(sections.buffer, start, end - start));
  const moved = (offset: number) => offset - start;
  return {
    ...sections,
    buffer: copy.buffer,
    memory: copy,
    outOffsets: moved(sections.outOffsets),
    outTargets: moved(sections.outTargets),
    outValues: moved(sections.outValues),
    inOffsets: moved(sections.inOffsets),
    inSources: moved(sections.inSources),
    inValues: moved(sections.inValues),
  };
}

interface SideSpec {
  name: string;
  /** Byte addresses of the side's offsets, list and values in the memory. */
  offsets: number;
  list: number;
  values: number;
  /** Whether a row is an arc's source (out-lists) or its target (in-lists, reversed out-lists). */
  rowIsSource: boolean;
  /** The out-lists hashed as if listed by target: no ascending order, values already checked. */
  reversed?: boolean;
}

const SOURCE_SEED = 0x9e3779b9 | 0;
const SOURCE_FACTOR = 0x85ebca6b | 0;
const TARGET_SEED = 0x7f4a7c15;
const TARGET_FACTOR = 0xc2b2ae35 | 0;
const MIX_FACTOR = 0x2c1b3c6d;

/**
 * One side's pass over rows [from, to), carrying the two sums: (from, to, s1, s2) -> (ok, s1, s2).
 * `probability`: null without values, else whether values are probabilities.
 */
function rowHasher(side: SideSpec, n: number, arcs: number, probability: boolean | null): FunctionSpec {
  const L = new Locals();
  const from = L.param();
  const to = L.param();
  const s1 = L.param();
  const s2 = L.param();
  const row = L.local();
  const start = L.local();
  const end = L.local();
  const k = L.local();
  const x = L.local();
  const lo = L.local();
  const rowPart = L.local();
  const h = L.local();
  const value = L.local('f64');
  // Four arcs of a row at a time (rows without values): the arcs, what is wrong with them, their
  // hashes, the sums by lane, and the constants splatted.
  const vx = L.local('v128');
  const vNext = L.local('v128');
  const vBad = L.local('v128');
  const vh = L.local('v128');
  const vs1 = L.local('v128');
  const vs2 = L.local('v128');
  const vRow = L.local('v128');
  const vRowPart = L.local('v128');
  const vn = L.local('v128');
  const inList = !side.rowIsSource && !side.reversed;
  const rowSeed = side.rowIsSource ? SOURCE_SEED : TARGET_SEED;
  const rowFactor = side.rowIsSource ? SOURCE_FACTOR : TARGET_FACTOR;
  const seed = side.rowIsSource ? TARGET_SEED : SOURCE_SEED;
  const factor = side.rowIsSource ? TARGET_FACTOR : SOURCE_FACTOR;
  const fail = ret([i32(0), get(s1), get(s2)]);
  // An arc is bad when out of range, a self-loop, or out of order in an in-list; its value when
  // not finite or out of range (probabilities beyond 1, weights below 0).
  const badArc = or(or(geU(get(x), i32(n)), eq(get(x), get(row))), inList ? ltU(get(x), get(lo)) : i32(0));
  const badValue = or(
    or(eq(fge(get(value), f64(0)), i32(0)), feq(get(value), f64(Number.POSITIVE_INFINITY))),
    probability ? fgt(get(value), f64(1)) : i32(0),
  );
  const arcPart = xor(get(rowPart), mul(xor(get(x), i32(seed)), i32(factor)));
  const arcBody: Code[] = [
    brIf('row', geU(get(k), get(end))),
    set(x, load32(shl(get(k), i32(2)), side.list)),
    when(badArc, [fail]),
    inList ? set(lo, add(get(x), i32(1))) : [],
    probability !== null && !side.reversed
      ? [set(value, loadF64(shl(get(k), i32(3)), side.values)), when(badValue, [fail])]
      : [],
    set(
      h,
      mul(
        probability === null ? arcPart : xor(arcPart, valuePart(shl(get(k), i32(3)), side.values)),
        i32(MIX_FACTOR),
      ),
    ),
    set(h, xor(get(h), shrU(get(h), i32(15)))),
    set(s1, add(get(s1), get(h))),
    set(s2, add(get(s2), mul(get(h), get(h)))),
    set(k, add(get(k), i32(1))),
    br('arcs'),
  ];
  // The in-list order of four arcs: each at least the one before plus 1 (lo for the first).
  const NEXT_LANES = [0, 1, 2, 3, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27];
  const quadBody: Code[] = [
    brIf('quads', gtU(add(get(k), i32(4)), get(end))),
    set(vx, v128Load(shl(get(k), i32(2)), side.list)),
    set(vBad, vOr(x4GeU(get(vx), get(vn)), x4Eq(get(vx), get(vRow)))),
    inList
      ? [
          set(vNext, x4Add(get(vx), splat32(i32(1)))),
          set(vBad, vOr(get(vBad), x4LtU(get(vx), shuffle(splat32(get(lo)), get(vNext), NEXT_LANES)))),
          set(lo, lane32(get(vNext), 3)),
        ]
      : [],
    when(anyTrue(get(vBad)), [fail]),
    set(
      vh,
      x4Mul(
        vXor(get(vRowPart), x4Mul(vXor(get(vx), splat32(i32(seed))), splat32(i32(factor)))),
        splat32(i32(MIX_FACTOR)),
      ),
    ),
    set(vh, vXor(get(vh), x4ShrU(get(vh), i32(15)))),
    set(vs1, x4Add(get(vs1), get(vh))),
    set(vs2, x4Add(get(vs2), x4Mul(get(vh), get(vh)))),
    set(k, add(get(k), i32(4))),
    br('quad'),
  ];
  const quads = probability === null;
  const laneSum = (v: Local) =>
    add(add(lane32(get(v), 0), lane32(get(v), 1)), add(lane32(get(v), 2), lane32(get(v), 3)));
  const body: Code[] = [
    quads ? set(vn, splat32(i32(n))) : [],
    set(row, get(from)),
    set(end, load32(shl(get(from), i32(2)), side.offsets)),
    block('rows', [
      loop('next', [
        brIf('rows', geU(get(row), get(to))),
        set(start, get(end)),
        set(end, load32(shl(get(row), i32(2)), side.offsets + 4)),
        when(or(ltU(get(end), get(start)), gtU(get(end), i32(arcs))), [fail]),
        set(rowPart, mul(xor(get(row), i32(rowSeed)), i32(rowFactor))),
        set(lo, i32(0)),
        set(k, get(start)),
        quads
          ? [
              set(vRow, splat32(get(row))),
              set(vRowPart, splat32(get(rowPart))),
              block('quads', [loop('quad', quadBody)]),
            ]
          : [],
        block('row', [loop('arcs', arcBody)]),
        set(row, add(get(row), i32(1))),
        br('next'),
      ]),
    ]),
    ret([i32(1), add(get(s1), laneSum(vs1)), add(get(s2), laneSum(vs2))]),
  ];
  return exported(side.name, L, body, ['i32', 'i32', 'i32']);
}

/** The value part of arc k's hash, from its value's two 32-bit halves (at `values` + 8k). */
function valuePart(eightK: Code, values: number): Code {
  const low = load32(eightK, values);
  const high = load32(eightK, values + 4);
  return xor(
    mul(xor(low, i32(0x27d4eb2f)), i32(0x165667b1)),
    mul(add(high, i32(0x165667b1)), i32(0x9e3779b1 | 0)),
  );
}
