/**
 * compileCsr for graphs of COMPILED_CSR_MIN_RECORDS to COMPILED_CSR_RECORDS records without values,
 * compiled to WebAssembly (src/util/wasm.ts): the same arrays, arc for arc, as the JS loops of
 * csr.ts.
 *
 * Why: a graph of this size is loaded once per command, cold, and V8 runs the JS loops in its
 * interpreter for most of their iterations before their optimised code is ready (ego-Facebook,
 * 88k edges: 11-14 ms for what takes 1-2 ms optimised). WebAssembly is compiled before it runs
 * (Liftoff, well under a millisecond for this module), so the loops are fast from the first
 * record. The records are copied into the module's memory and the arrays copied out, which is
 * little next to the loops on graphs of this size. Larger ones keep the JS loops: optimised soon
 * enough, they then beat Liftoff's code (each function here runs once, so V8 never swaps in its
 * optimised WebAssembly): on the 1M-node power-law list in process, 1M records were a tie and 2M
 * records 5% slower here; ego-Facebook's CSR (88k records) takes 23 -> 16 ms of a cold load.
 *
 * The loops are those of csr.ts written as one loop each where csr.ts needs two (its
 * PLACES_FIRST does not apply to WebAssembly): rows counted, cursors placed and targets written in
 * record order, duplicates merged keeping the first, undirected edges stored both ways with lower
 * neighbours first, and the in-arcs by a counting sort over the rows in order.
 */

import {
  add,
  and,
  assemble,
  block,
  br,
  brIf,
  type Code,
  eq,
  exported,
  get,
  geU,
  gtU,
  i32,
  type Local,
  Locals,
  load32,
  loop,
  ne,
  set,
  shl,
  store32,
  when,
} from '../util/wasm.ts';
import type { CompiledGraph, EdgeRecords } from './csr.ts';
import type { Direction } from './types.ts';

/** Most records compiled here; larger graphs take the JS loops (see the file comment). */
export const COMPILED_CSR_RECORDS = 1 << 19;
/**
 * Fewest records compiled here: assembling the module costs about 2.5 ms on a cold start, more
 * than the JS loops take on a smaller graph (Zachary's karate club: a 3.0 ms load became 5.4 ms).
 */
export const COMPILED_CSR_MIN_RECORDS = 1 << 14;

const PAGE = 65536;
/** Where the self-loop count is written. */
const IO_SELF_LOOPS = 0;
const ARRAYS = 64;

/** Address of 32-bit element `index` of the array at `base`. */
const at = (base: Local, index: Code): Code => add(get(base), shl(index, i32(2)));
const inc = (x: Local): Code => set(x, add(get(x), i32(1)));

/** for (x = from; x < to; x++) body */
function forRange(x: Local, from: Code, to: Code, body: Code[]): Code {
  return [
    set(x, from),
    block('forEnd', [loop('for', [brIf('forEnd', geU(get(x), to)), ...body, inc(x), br('for')])]),
  ];
}

/** a[1..n] become the sums of a[0..u] (csr.ts prefixSums). */
function prefixSums(L: { u: Local }, a: Local, n: Local): Code {
  const { u } = L;
  return forRange(u, i32(0), get(n), [
    store32(at(a, add(get(u), i32(1))), add(load32(at(a, add(get(u), i32(1)))), load32(at(a, get(u))))),
  ]);
}

/** to[0..n) = from[0..n). */
function copyWords(u: Local, from: Local, to: Local, n: Local): Code {
  return forRange(u, i32(0), get(n), [store32(at(to, get(u)), load32(at(from, get(u))))]);
}

/**
 * Merge duplicates row by row, first kept, compacting `tgt` in place; `row` rewritten to the
 * distinct rows; `seen` (n words) as stamps. Leaves the distinct count in `w`.
 */
function mergeDuplicates(
  v: { u: Local; k: Local; t: Local; w: Local; start: Local; end: Local },
  row: Local,
  tgt: Local,
  seen: Local,
  n: Local,
): Code {
  const { u, k, t, w, start, end } = v;
  return [
    forRange(u, i32(0), get(n), [store32(at(seen, get(u)), i32(-1))]),
    set(w, i32(0)),
    set(start, i32(0)),
    forRange(u, i32(0), get(n), [
      set(end, load32(at(row, add(get(u), i32(1))))),
      store32(at(row, get(u)), get(w)),
      forRange(k, get(start), get(end), [
        set(t, load32(at(tgt, get(k)))),
        when(ne(load32(at(seen, get(t))), get(u)), [
          store32(at(seen, get(t)), get(u)),
          store32(at(tgt, get(w)), get(t)),
          inc(w),
        ]),
      ]),
      set(start, get(end)),
    ]),
    store32(at(row, get(n)), get(w)),
  ];
}

/**
 * out(count, n, src, dst, row, cur, tgt, deg, both, undirected) -> distinct edges. Rows keyed by
 * src (the reach direction's source), or when `undirected` (1) by the lower end, with both-ways
 * rows built in deg/both; the self-loops to IO_SELF_LOOPS. One function for both kinds: a second
 * would cost its assembly on every cold start, for a branch the CPU predicts.
 */
function outFunction(): { locals: Locals; body: Code[] } {
  const L = new Locals();
  const count = L.param();
  const n = L.param();
  const src = L.param();
  const dst = L.param();
  const row = L.param();
  const cur = L.param();
  const tgt = L.param();
  const deg = L.param();
  const both = L.param();
  const undirected = L.param();
  const i = L.local();
  const a = L.local();
  const b = L.local();
  const s = L.local();
  const u = L.local();
  const k = L.local();
  const t = L.local();
  const w = L.local();
  const start = L.local();
  const end = L.local();
  const self = L.local();
  const place = L.local();
  const readRecord: Code = [set(a, load32(at(src, get(i)))), set(b, load32(at(dst, get(i))))];
  // The row of a kept record into s, its target into t.
  const rowAndTarget: Code = [
    set(s, get(a)),
    set(t, get(b)),
    when(and(get(undirected), gtU(get(a), get(b))), [set(s, get(b)), set(t, get(a))]),
  ];
  const body: Code[] = [
    // Records per row; self-loops counted, not kept.
    forRange(i, i32(0), get(count), [
      readRecord,
      when(
        eq(get(a), get(b)),
        [inc(self)],
        [
          rowAndTarget,
          store32(at(row, add(get(s), i32(1))), add(load32(at(row, add(get(s), i32(1)))), i32(1))),
        ],
      ),
    ]),
    prefixSums({ u }, row, n),
    copyWords(u, row, cur, n),
    // Targets in record order.
    forRange(i, i32(0), get(count), [
      readRecord,
      when(ne(get(a), get(b)), [
        rowAndTarget,
        set(place, load32(at(cur, get(s)))),
        store32(at(cur, get(s)), add(get(place), i32(1))),
        store32(at(tgt, get(place)), get(t)),
      ]),
    ]),
    mergeDuplicates({ u, k, t, w, start, end }, row, tgt, cur, n),
  ];
  // Undirected: degrees both ways, then each row: its lower neighbours (written from their rows,
  // which come first), then its own higher ones.
  body.push(
    when(get(undirected), [
      forRange(u, i32(0), get(n), [
        forRange(k, load32(at(row, get(u))), load32(at(row, add(get(u), i32(1)))), [
          store32(at(deg, add(get(u), i32(1))), add(load32(at(deg, add(get(u), i32(1)))), i32(1))),
          set(t, add(load32(at(tgt, get(k))), i32(1))),
          store32(at(deg, get(t)), add(load32(at(deg, get(t))), i32(1))),
        ]),
      ]),
      prefixSums({ u }, deg, n),
      copyWords(u, deg, cur, n),
      forRange(u, i32(0), get(n), [
        set(end, load32(at(row, add(get(u), i32(1))))),
        forRange(k, load32(at(row, get(u))), get(end), [
          set(t, load32(at(tgt, get(k)))),
          set(place, load32(at(cur, get(t)))),
          store32(at(cur, get(t)), add(get(place), i32(1))),
          store32(at(both, get(place)), get(u)),
        ]),
        forRange(k, load32(at(row, get(u))), get(end), [
          set(place, load32(at(cur, get(u)))),
          store32(at(cur, get(u)), add(get(place), i32(1))),
          store32(at(both, get(place)), load32(at(tgt, get(k)))),
        ]),
      ]),
    ]),
    store32(i32(IO_SELF_LOOPS), get(self)),
    get(w),
  );
  return { locals: L, body };
}

/** inArcs(n, arcs, offsets, targets, inOffsets, cur, inSources): the in-direction of the rows. */
function inFunction(): { locals: Locals; body: Code[] } {
  const L = new Locals();
  const n = L.param();
  const arcs = L.param();
  const offsets = L.param();
  const targets = L.param();
  const inOffsets = L.param();
  const cur = L.param();
  const inSources = L.param();
  const u = L.local();
  const k = L.local();
  const t = L.local();
  const place = L.local();
  const body: Code[] = [
    forRange(k, i32(0), get(arcs), [
      set(t, add(load32(at(targets, get(k))), i32(1))),
      store32(at(inOffsets, get(t)), add(load32(at(inOffsets, get(t))), i32(1))),
    ]),
    prefixSums({ u }, inOffsets, n),
    copyWords(u, inOffsets, cur, n),
    forRange(u, i32(0), get(n), [
      forRange(k, load32(at(offsets, get(u))), load32(at(offsets, add(get(u), i32(1)))), [
        set(t, load32(at(targets, get(k)))),
        set(place, load32(at(cur, get(t)))),
        store32(at(cur, get(t)), add(get(place), i32(1))),
        store32(at(inSources, get(place)), get(u)),
      ]),
    ]),
  ];
  return { locals: L, body };
}

type OutRun = (...words: number[]) => number;

let compiled: WebAssembly.Module | null = null;

function csrModule(): WebAssembly.Module | null {
  if (typeof WebAssembly !== 'object') return null;
  if (compiled) return compiled;
  try {
    const fns = [
      { name: 'out', ...outFunction() },
      { name: 'inArcs', ...inFunction() },
    ];
    const bytes = assemble(
      1,
      fns.map((f) => exported(f.name, f.locals, f.body, f.name === 'inArcs' ? [] : ['i32'])),
    );
    compiled = new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
  return compiled;
}

/**
 * compileCsr's result for records without values, COMPILED_CSR_MIN_RECORDS to
 * COMPILED_CSR_RECORDS of them (`minRecords`: another lower bound, for tests); null when they are
 * fewer or more or carry values, or WebAssembly is missing or refused: csr.ts then runs its JS
 * loops.
 */
export function compileCsrCompiled(
  records: EdgeRecords,
  direction: Direction,
  minRecords = COMPILED_CSR_MIN_RECORDS,
): CompiledGraph | null {
  const { n, count, src, dst, values } = records;
  if (values || count > COMPILED_CSR_RECORDS || count < minRecords) return null;
  const module = csrModule();
  if (!module) return null;
  const directed = direction !== 'undirected';
  // Word addresses of the arrays: records, rows, cursors, targets, both-ways rows, in-arcs.
  const arcsMax = directed ? count : 2 * count;
  const srcAt = ARRAYS;
  const dstAt = srcAt + 4 * count;
  const rowAt = dstAt + 4 * count;
  const curAt = rowAt + 4 * (n + 1);
  const tgtAt = curAt + 4 * n;
  const degAt = tgtAt + 4 * count;
  const bothAt = directed ? degAt : degAt + 4 * (n + 1);
  const inOffAt = bothAt + (directed ? 0 : 4 * arcsMax);
  const inSrcAt = inOffAt + 4 * (n + 1);
  const bytes = inSrcAt + 4 * arcsMax;
  if (bytes > 2 ** 31) return null;
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(module, {});
    const memory = instance.exports.memory as WebAssembly.Memory;
    memory.grow(Math.ceil(bytes / PAGE));
  } catch {
    return null; // no memory for it: the JS loops then
  }
  const buffer = (instance.exports.memory as WebAssembly.Memory).buffer;
  const words = (address: number, length: number) => new Uint32Array(buffer, address, length);
  const reverse = direction === 'follows';
  words(srcAt, count).set((reverse ? dst : src).subarray(0, count));
  words(dstAt, count).set((reverse ? src : dst).subarray(0, count));
  const out = instance.exports.out as OutRun;
  const edges = out(count, n, srcAt, dstAt, rowAt, curAt, tgtAt, degAt, bothAt, directed ? 0 : 1);
  const selfLoops = words(IO_SELF_LOOPS, 1)[0];
  const arcs = directed ? edges : 2 * edges;
  const offsetsAt = directed ? rowAt : degAt;
  const targetsAt = directed ? tgtAt : bothAt;
  (instance.exports.inArcs as OutRun)(n, arcs, offsetsAt, targetsAt, inOffAt, curAt, inSrcAt);
  return {
    csr: {
      n,
      directed,
      outOffsets: words(offsetsAt, n + 1).slice(),
      outTargets: words(targetsAt, arcs).slice(),
      outValues: null,
      values: null,
      arcs,
      inOffsets: words(inOffAt, n + 1).slice(),
      inSources: words(inSrcAt, arcs).slice(),
      inValues: null,
    },
    selfLoops,
    duplicateEdges: count - selfLoops - edges,
    edges,
  };
}
