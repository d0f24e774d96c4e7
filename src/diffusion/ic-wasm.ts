/**
 * Independent cascade compiled to WebAssembly: the same runs as icUniform / icPerArc driven by
 * runProgressive (ic.ts, run-state.ts), arc for arc and random number for random number, in a
 * module assembled at run time (src/util/wasm.ts) with the graph's addresses as immediates.
 *
 * Why: V8 re-checks each typed array's map, base and length on every access inside a JS loop that
 * stores to typed arrays, so the JS kernel spends about twice a C loop's time per arc. Compiled
 * WebAssembly keeps the graph in one linear memory addressed by plain integers, and the loop comes
 * within a few per cent of C (bench/peers/ic.ts).
 *
 * One call runs one whole cascade: seeds launched at their steps, levels expanded breadth-first
 * until none is left or maxSteps, hops, the levels (Scratch.levels), the per-hop totals and, when
 * tracing, parents and steps. The arrays live in the module's memory and the Scratch handed out
 * views them, so the simulator reads the run exactly as it reads a JS kernel's.
 *
 * The graph can be stored relabelled (src/graph/relabel.ts) for locality on large graphs; seeds
 * go in through `toNew` and everything read back is mapped through `toOld` by the simulator.
 */

import { type Relabelling, relabelRows } from '../graph/relabel.ts';
import type { Csr } from '../graph/types.ts';
import type { Rng } from '../util/rng.ts';
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
  f64,
  fadd,
  fromU32,
  get,
  geU,
  gtU,
  i32,
  type Local,
  Locals,
  load8,
  load32,
  loadF64,
  loop,
  ltU,
  mul,
  ne,
  rotl,
  set,
  shl,
  shrS,
  shrU,
  store8,
  store32,
  storeF64,
  sub,
  when,
  xor,
} from '../util/wasm.ts';
import type { SeedSchedule } from './run-state.ts';
import { Scratch, type ScratchLayout } from './scratch.ts';

/** Slots of the IO block (4-byte words): the rng state in, the run's counters out. */
const IO_A = 0;
const IO_B = 4;
const IO_C = 8;
const IO_D = 12;
const IO_EXPOSED = 16;
const IO_EXAMINED = 20;
const IO_LEVELS = 24;
const IO_MAX_HOP = 28;
/** Where the touched marks' sum goes, so the touching loads stay. */
const IO_TOUCH = 32;
/**
 * Tie kinds: the run's adoptions through strong and through weak arcs (ic-ties.ts's via), counted
 * in memory (zeroed before each run) so that the arc loop holds no more locals than plain IC's.
 */
const IO_VIA_STRONG = 36;
const IO_VIA_WEAK = IO_VIA_STRONG + 4;
/** A strong arc's stored target carries this bit (the tie variant; n < 2^31). */
const STRONG_BIT = 0x80000000;
/** Queue places between a node and the one whose row it touches. */
const AHEAD = 8;

interface Layout extends ScratchLayout {
  io: number;
  off: number;
  tgt: number;
  /** Per-arc thresholds, or -1 for one threshold on every arc. */
  thr: number;
  seeds: number;
  bytes: number;
}

const align = (x: number, to: number) => Math.ceil(x / to) * to;

function layoutFor(n: number, arcs: number, perArc: boolean): Layout {
  // The marks sit at address 0, so a mark is read at the node's own number.
  const state = 0;
  const io = align(n, 64);
  const off = io + 64;
  const tgt = align(off + 4 * (n + 1), 64);
  const thr = perArc ? tgt + 4 * arcs : -1;
  const order = align(tgt + 4 * arcs * (perArc ? 2 : 1), 64);
  const hop = order + 4 * n;
  const parent = hop + 4 * n;
  const step = parent + 4 * n;
  const hopCounts = align(step + 4 * n, 8);
  const levels = hopCounts + 8 * (n + 1);
  const seeds = levels + 8 * (n + 1);
  const bytes = seeds + 8 * (n + 1);
  return { state, io, off, tgt, thr, order, hop, parent, step, hopCounts, levels, seeds, bytes };
}

/**
 * How an arc's coin is decided (t >>> 1 < threshold): one threshold on every arc, one per arc
 * (the `thr` table), or the tie kinds' two (ic-ties.ts without groups): a strong arc's stored
 * target carries STRONG_BIT, and each adoption is counted as strong or weak by the arc that
 * carried it.
 */
type Coin =
  | { kind: 'uniform'; threshold: number }
  | { kind: 'perArc' }
  | { kind: 'ties'; strong: number; weak: number };

/**
 * The kernel: run(seedCount, limit, seen, tracing) -> activated. Seeds are (node, start) pairs at
 * `seeds`, sorted by start; limit is maxSteps (0xffffffff for none); the rng state is read from and
 * the counters written to the IO block. The uniform and per-arc variants emit no instruction of
 * the tie variant.
 */
function kernel(lay: Layout, arcs: number, coinKind: Coin): { locals: Locals; body: Code[] } {
  const L = new Locals();
  const seedCount = L.param();
  const limit = L.param();
  const seen = L.param();
  const tracing = L.param();
  const rngSeed = L.param();
  const stream = L.param();
  const fresh = L.param();
  const [active, a, b, c, d, t, head, tail, step, si, seedEnd, levelEnd, z, r] = locals(L, 14);
  const [u, h, k, end, v, s, before, exposed, examined, levels, maxHop, touch] = locals(L, 12);
  const tied = coinKind.kind === 'ties';
  // Tie variant only: where an adoption is counted (IO_VIA_STRONG or IO_VIA_WEAK).
  const [viaAt] = tied ? locals(L, 1) : [];
  // The arc's stored target, read again where the tie variant needs its strong bit: an L1 hit,
  // cheaper than holding it in a local across the loop (measured: 1.11x plain against 1.22x with
  // the target and both counters in locals, whose register pressure spilt the loop's state).
  const storedTarget = load32(get(k), lay.tgt);
  const io = (slot: number) => load32(i32(lay.io + slot));
  const setIo = (slot: number, x: Local) => store32(i32(lay.io + slot), get(x));
  const inc = (x: Local, by: number | Code = 1) => set(x, add(get(x), typeof by === 'number' ? i32(by) : by));
  // One SFC32 step (src/util/rng.ts Rng.u32): t is the output.
  const sfc32: Code[] = [
    set(t, add(add(get(a), get(b)), get(d))),
    inc(d),
    set(a, xor(get(b), shrU(get(b), i32(9)))),
    set(b, add(get(c), shl(get(c), i32(3)))),
    set(c, add(rotl(get(c), i32(21)), get(t))),
  ];
  // z = mix32(x) (src/util/rng.ts).
  const mix32 = (x: Code): Code[] => [
    set(z, add(x, i32(0x9e3779b9 | 0))),
    set(z, mul(xor(get(z), shrU(get(z), i32(16))), i32(0x85ebca6b | 0))),
    set(z, mul(xor(get(z), shrU(get(z), i32(13))), i32(0xc2b2ae35 | 0))),
    set(z, xor(get(z), shrU(get(z), i32(16)))),
  ];
  // new Rng(rngSeed, stream): a, b, c, d, then 12 discarded outputs. r holds mix32(stream ^ ...).
  const newRng: Code[] = [
    mix32(xor(get(stream), i32(0x5bd1e995))),
    set(r, get(z)),
    mix32(get(rngSeed)),
    mix32(xor(get(z), get(r))),
    set(a, get(z)),
    mix32(xor(get(a), i32(0x68e31da4))),
    set(b, get(z)),
    mix32(xor(get(b), get(r))),
    set(c, get(z)),
    set(d, i32(1)),
    Array.from({ length: 12 }, () => sfc32),
  ];
  const coin =
    coinKind.kind === 'uniform'
      ? i32(coinKind.threshold)
      : coinKind.kind === 'perArc'
        ? load32(get(k), lay.thr)
        : // A strong arc (its stored target negative, as in ic-ties.ts) reads
          // weak + (strong - weak) modulo 2^32: the sign bit spread by an arithmetic
          // shift selects the difference (measured 1.10x plain against 1.12x with a select).
          add(
            and(shrS(storedTarget, i32(31)), i32((coinKind.strong - coinKind.weak) | 0)),
            i32(coinKind.weak),
          );
  // The node an arc's stored target names (without the strong bit in the tie variant).
  const target = (stored: Code): Code => (tied ? and(stored, i32(0x7fffffff)) : stored);
  const activate = (node: Local, hopValue: Code, parentValue: Code): Code[] => [
    store8(get(node), get(active)),
    store32(shl(get(node), i32(2)), hopValue, lay.hop),
    store32(get(tail), get(node), lay.order),
    inc(tail, 4),
    when(get(tracing), [
      store32(shl(get(node), i32(2)), parentValue, lay.parent),
      store32(shl(get(node), i32(2)), get(step), lay.step),
    ]),
  ];
  const body: Code[] = [
    set(active, add(get(seen), i32(1))),
    when(get(fresh), newRng, [set(a, io(IO_A)), set(b, io(IO_B)), set(c, io(IO_C)), set(d, io(IO_D))]),
    set(maxHop, io(IO_MAX_HOP)),
    set(seedEnd, shl(get(seedCount), i32(3))),
    when(get(seedCount), [set(step, load32(i32(0), lay.seeds + 4))]),
    block('exit', [
      loop('main', [
        brIf('exit', gtU(get(step), get(limit))),
        // Launch the seeds due at this step (run-state.ts launchSeeds / activate).
        block('launched', [
          loop('launch', [
            brIf('launched', geU(get(si), get(seedEnd))),
            brIf('launched', gtU(load32(get(si), lay.seeds + 4), get(step))),
            set(v, load32(get(si), lay.seeds)),
            inc(si, 8),
            set(s, load8(get(v))),
            when(ne(get(s), get(active)), [
              when(ne(get(s), get(seen)), [inc(exposed)]),
              activate(v, i32(0), i32(-1)),
              storeF64(i32(0), fadd(loadF64(i32(0), lay.hopCounts), f64(1)), lay.hopCounts),
            ]),
            br('launch'),
          ]),
        ]),
        set(levelEnd, get(tail)),
        when(eq(get(head), get(levelEnd)), [
          when(ltU(get(si), get(seedEnd)), [set(step, load32(get(si), lay.seeds + 4)), br('main')]),
          br('exit'),
        ]),
        // This step's activations are order[.., levelEnd): one level (Scratch.markLevel).
        store32(shl(get(levels), i32(3)), get(step), lay.levels),
        store32(shl(get(levels), i32(3)), shrU(get(levelEnd), i32(2)), lay.levels + 4),
        inc(levels),
        brIf('exit', eq(get(step), get(limit))),
        inc(step),
        // Expand the level (ic.ts icUniform / icPerArc): every node tries each out-arc once.
        loop('nodes', [
          set(u, load32(get(head), lay.order)),
          inc(head, 4),
          // Touch the row of the node AHEAD places further in the queue (its offsets and first
          // target's mark): WebAssembly has no prefetch, but a load the CPU starts early serves.
          when(ltU(add(get(head), i32(4 * AHEAD)), get(tail)), [
            set(v, load32(add(get(head), i32(4 * AHEAD)), lay.order)),
            set(s, load32(shl(get(v), i32(2)), lay.off)),
            // Past the last arc lies other data (not node numbers): touch only a real arc.
            when(ltU(get(s), i32(arcs)), [
              set(touch, add(get(touch), load8(target(load32(shl(get(s), i32(2)), lay.tgt))))),
            ]),
          ]),
          set(h, add(load32(shl(get(u), i32(2)), lay.hop), i32(1))),
          set(k, load32(shl(get(u), i32(2)), lay.off)),
          set(end, load32(shl(get(u), i32(2)), lay.off + 4)),
          set(examined, add(get(examined), sub(get(end), get(k)))),
          set(k, shl(get(k), i32(2))),
          set(end, shl(get(end), i32(2))),
          set(before, get(tail)),
          block('row', [
            loop('arcs', [
              brIf('row', geU(get(k), get(end))),
              set(v, target(load32(get(k), lay.tgt))),
              set(s, load8(get(v))),
              when(ne(get(s), get(active)), [
                when(ne(get(s), get(seen)), [store8(get(v), get(seen)), inc(exposed)]),
                sfc32,
                when(
                  ltU(shrU(get(t), i32(1)), coin),
                  tied
                    ? [
                        activate(v, get(h), get(u)),
                        // Credit the arc's kind: the weak counter, or the strong one 4 bytes before.
                        set(viaAt, sub(i32(lay.io + IO_VIA_WEAK), shl(shrU(storedTarget, i32(31)), i32(2)))),
                        store32(get(viaAt), add(load32(get(viaAt)), i32(1))),
                      ]
                    : activate(v, get(h), get(u)),
                ),
              ]),
              inc(k, 4),
              br('arcs'),
            ]),
          ]),
          when(ne(get(tail), get(before)), [
            storeF64(
              shl(get(h), i32(3)),
              fadd(
                loadF64(shl(get(h), i32(3)), lay.hopCounts),
                fromU32(shrU(sub(get(tail), get(before)), i32(2))),
              ),
              lay.hopCounts,
            ),
            when(gtU(get(h), get(maxHop)), [set(maxHop, get(h))]),
          ]),
          brIf('nodes', ltU(get(head), get(levelEnd))),
        ]),
        br('main'),
      ]),
    ]),
    setIo(IO_A, a),
    setIo(IO_B, b),
    setIo(IO_C, c),
    setIo(IO_D, d),
    setIo(IO_EXPOSED, exposed),
    setIo(IO_EXAMINED, examined),
    setIo(IO_LEVELS, levels),
    setIo(IO_MAX_HOP, maxHop),
    setIo(IO_TOUCH, touch),
    shrU(get(tail), i32(2)),
  ];
  return { locals: L, body };
}

function locals(L: Locals, count: number): Local[] {
  return Array.from({ length: count }, () => L.local());
}

export interface WasmIc {
  /** Scratch whose arrays view the module's memory (node numbers as stored: see toOld). */
  readonly sc: Scratch;
  /** The out-rows as the kernel reads them (relabelled when toOld is set; targets without tie bits). */
  readonly outOffsets: Uint32Array;
  readonly outTargets: Uint32Array;
  /** Relabelling of the stored graph, or null when nodes keep their numbers. */
  readonly relabelling: Relabelling | null;
  /** The seeds of the next runs (the file's node numbers, sorted by start). */
  setSeeds(seeds: SeedSchedule): void;
  /**
   * Run one cascade from the seeds, stopping after step `maxSteps` (null: until it dies out), on
   * the stream of `rng` as it stands, or with rng null on the stream (rngSeed, run) as a fresh
   * Rng(rngSeed, run) would draw it. Returns the run's counters; the activations are
   * sc.order[0, activated) and sc.levels holds the run's levels.
   */
  run(
    rngSeed: number,
    run: number,
    rng: Rng | null,
    seen: number,
    maxSteps: number | null,
    tracing: boolean,
  ): RunCounters;
}

/** A run's counters (one object, rewritten by every run). */
export interface RunCounters {
  activated: number;
  exposed: number;
  examined: number;
  /** With tie kinds: the adoptions through strong arcs and through weak arcs (seeds excluded). */
  viaStrong: number;
  viaWeak: number;
}

/** Tie kinds for the compiled loop (ic-ties.ts without groups). */
export interface WasmTies {
  /** 1 for a strong out-arc (aligned with csr.outTargets). */
  strong: Uint8Array;
  /** probabilityThreshold(pStrong) and probabilityThreshold(pWeak). */
  thrStrong: number;
  thrWeak: number;
}

/** WebAssembly pages are 64 KiB; a 32-bit memory holds at most 65536 of them. */
const PAGE = 65536;
const MAX_PAGES = 65536;

/**
 * A compiled IC engine for `csr`: `threshold` for one coin threshold on every arc, `arcThresholds`
 * (aligned with csr.outTargets) for one per arc, or `ties` (both others null) for the tie kinds'
 * two, counting each run's strong and weak adoptions as ic-ties.ts does. Null when WebAssembly is
 * missing or refused (a page whose Content-Security-Policy forbids compiling it) or the graph does
 * not fit in 4 GiB: the caller then runs the JS kernels.
 */
export function createWasmIc(
  csr: Csr,
  threshold: number | null,
  arcThresholds: Uint32Array | null,
  relabelling: Relabelling | null,
  ties: WasmTies | null = null,
): WasmIc | null {
  if (typeof WebAssembly !== 'object') return null;
  const { n, arcs } = csr;
  if (ties && n > 0x7fffffff) return null;
  const coin: Coin = ties
    ? { kind: 'ties', strong: ties.thrStrong, weak: ties.thrWeak }
    : threshold === null
      ? { kind: 'perArc' }
      : { kind: 'uniform', threshold };
  const lay = layoutFor(n, arcs, coin.kind === 'perArc');
  const pages = Math.ceil(lay.bytes / PAGE);
  if (pages > MAX_PAGES) return null;
  let run: (
    seedCount: number,
    limit: number,
    seen: number,
    tracing: number,
    rngSeed: number,
    stream: number,
    fresh: number,
  ) => number;
  let memory: WebAssembly.Memory;
  try {
    const { locals: L, body } = kernel(lay, arcs, coin);
    const bytes = assemble(pages, [exported('run', L, body)]);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    run = instance.exports.run as typeof run;
    memory = instance.exports.memory as WebAssembly.Memory;
  } catch {
    return null;
  }
  const buffer = memory.buffer;
  const outOffsets = new Uint32Array(buffer, lay.off, n + 1);
  const stored = new Uint32Array(buffer, lay.tgt, arcs);
  // With tie kinds the stored targets carry STRONG_BIT: the rows handed out are a plain copy.
  let outTargets: Uint32Array = stored;
  const thr = coin.kind === 'perArc' ? new Uint32Array(buffer, lay.thr, arcs) : null;
  if (ties) {
    let arcOf: Uint32Array | null = null;
    if (relabelling) {
      outTargets = new Uint32Array(arcs);
      arcOf = new Uint32Array(arcs);
      relabelRows(csr, relabelling, outOffsets, outTargets, arcOf);
    } else {
      outOffsets.set(csr.outOffsets);
      outTargets = csr.outTargets;
    }
    const strong = ties.strong;
    for (let k = 0; k < arcs; k++)
      stored[k] = outTargets[k] | (strong[arcOf ? arcOf[k] : k] === 1 ? STRONG_BIT : 0);
  } else if (relabelling) {
    const arcOf = thr ? new Uint32Array(arcs) : null;
    relabelRows(csr, relabelling, outOffsets, stored, arcOf);
    if (thr && arcOf && arcThresholds) for (let k = 0; k < arcs; k++) thr[k] = arcThresholds[arcOf[k]];
  } else {
    outOffsets.set(csr.outOffsets);
    stored.set(csr.outTargets);
    if (thr && arcThresholds) thr.set(arcThresholds);
  }
  const sc = new Scratch(n, { buffer, layout: lay });
  const io = new Int32Array(buffer, lay.io, 16);
  const seedPairs = new Uint32Array(buffer, lay.seeds, 2 * (n + 1));
  const toNew = relabelling?.toNew ?? null;
  let seedCount = 0;
  const counters: RunCounters = { activated: 0, exposed: 0, examined: 0, viaStrong: 0, viaWeak: 0 };

  function writeSeeds(seeds: SeedSchedule): number {
    const { nodes, starts } = seeds;
    let count = 0;
    // A node listed again later is a no-op when its turn comes (already active): drop repeats
    // when the list would not fit (more entries than nodes).
    const seenBefore = nodes.length > n ? new Set<number>() : null;
    for (let i = 0; i < nodes.length; i++) {
      const v = nodes[i];
      if (seenBefore) {
        if (seenBefore.has(v)) continue;
        seenBefore.add(v);
      }
      seedPairs[2 * count] = toNew ? toNew[v] : v;
      seedPairs[2 * count + 1] = starts[i];
      count++;
    }
    return count;
  }

  return {
    sc,
    outOffsets,
    outTargets,
    relabelling,
    setSeeds(seeds) {
      seedCount = writeSeeds(seeds);
    },
    run(rngSeed, stream, rng, seen, maxSteps, tracing) {
      if (rng) {
        io[0] = rng.a;
        io[1] = rng.b;
        io[2] = rng.c;
        io[3] = rng.d;
      }
      io[IO_MAX_HOP >> 2] = sc.maxHop;
      const limit = maxSteps === null ? -1 : maxSteps;
      if (ties) {
        io[IO_VIA_STRONG >> 2] = 0;
        io[IO_VIA_WEAK >> 2] = 0;
      }
      const activated = run(seedCount, limit, seen, tracing ? 1 : 0, rngSeed, stream, rng ? 0 : 1);
      if (rng) {
        rng.a = io[0];
        rng.b = io[1];
        rng.c = io[2];
        rng.d = io[3];
      }
      sc.levelCount = io[IO_LEVELS >> 2];
      sc.maxHop = io[IO_MAX_HOP >> 2];
      counters.activated = activated;
      counters.exposed = io[IO_EXPOSED >> 2];
      counters.examined = io[IO_EXAMINED >> 2] >>> 0;
      if (ties) {
        counters.viaStrong = io[IO_VIA_STRONG >> 2];
        counters.viaWeak = io[IO_VIA_WEAK >> 2];
      }
      return counters;
    },
  };
}
