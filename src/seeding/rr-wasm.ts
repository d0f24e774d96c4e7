/**
 * The ic / wc RR-set sampler compiled to WebAssembly (src/util/wasm.ts), for models whose every
 * receiver draws its live in-arcs from a live-count table (rr-sets.ts liveCountTables: wc, and ic
 * with --p where no receiver expects many live arcs) and sets that estimate reach: the same sets
 * as rr-sets.ts's icFill, random number for random number (test/seeding/rr-sampler.test.ts).
 *
 * Why: `ripple seeds` draws its hundreds of thousands of sets once, in a fresh process. V8 runs
 * the JS sampler unoptimized until its optimizing compiler, started while the loop runs, is done
 * (10-25 ms for icFill on 2 shared cores); WebAssembly is compiled before it runs, and reads the
 * graph from one linear memory without typed-array checks.
 *
 * One call draws up to CHUNK sets, back to back from OUT, each set's end at ENDS counted from the
 * first set kept (IO_BASE: the entries of the calls before), so ENDS is a batch's offsets as they
 * are, copied rather than shifted set by set in JS (a cold loop in a one-shot process: 8-11 ms for
 * 757k sets); SFC32's state, the block and the mark stamp stay in the IO block between calls.
 */
import type { Csr } from '../graph/types.ts';
import { mix32 } from '../util/rng.ts';
import {
  add,
  assemble,
  block,
  br,
  brIf,
  type Code,
  eq,
  eqz,
  exported,
  f64,
  fdiv,
  fge,
  fmul,
  fromU32,
  get,
  geU,
  gtU,
  i32,
  type Local,
  Locals,
  load32,
  loadF64,
  loop,
  ltS,
  mul,
  ne,
  rotl,
  set,
  shl,
  shrU,
  store32,
  sub,
  truncU,
  when,
  xor,
} from '../util/wasm.ts';

/** Sets per call at most. */
const CHUNK = 8192;
/** Slots of the IO block (4-byte words). */
const IO_A = 0;
const IO_B = 4;
const IO_C = 8;
const IO_D = 12;
const IO_STAMP = 16;
const IO_IN_BLOCK = 20;
const IO_BLOCK = 24;
const IO_SEED_WORD = 28;
const IO_EXAMINED = 32;
/** Entries the calls before this one gave: ENDS counts from there, so they go into a batch's offsets as they are. */
const IO_BASE = 36;
const PAGE = 65536;
const MAX_PAGES = 65536;
const align = (x: number, to: number) => Math.ceil(x / to) * to;

interface Layout {
  off: number;
  src: number;
  at: number;
  cdf: number;
  mark: number;
  picks: number;
  ends: number;
  out: number;
  /** Entries OUT holds. */
  outCap: number;
  bytes: number;
}

function layoutFor(n: number, arcs: number, tableEntries: number, most: number): Layout {
  const off = 64;
  const src = align(off + 4 * (n + 1), 8);
  const at = align(src + 4 * arcs, 8);
  const cdf = align(at + 4 * n, 8);
  const mark = cdf + 8 * tableEntries;
  const picks = align(mark + 4 * n, 8);
  const ends = picks + 4 * most;
  const out = ends + 4 * CHUNK;
  const outCap = n + (1 << 18);
  return { off, src, at, cdf, mark, picks, ends, out, outCap, bytes: out + 4 * outCap };
}

/** draw(sets) -> sets drawn (fewer when OUT may not hold one more set). */
function kernel(lay: Layout, n: number, blockSize: number): { locals: Locals; body: Code[] } {
  const L = new Locals();
  const sets = L.param();
  const all = Array.from({ length: 22 }, () => L.local());
  const [j, a, b, c, d, t, z, r, s, inBlock, blk, head, tail, v, at, live, k, deg, chosen, m, pos, i] = all;
  const [u, examined, base] = [L.local(), L.local(), L.local()];
  const x = L.local('f64');
  const word = (base: number, index: Local | Code): Code =>
    load32(shl('index' in index ? get(index) : index, i32(2)), base);
  const inc = (l: Local, by: Code = i32(1)) => set(l, add(get(l), by));
  const sfc32: Code[] = [
    set(t, add(add(get(a), get(b)), get(d))),
    inc(d),
    set(a, xor(get(b), shrU(get(b), i32(9)))),
    set(b, add(get(c), shl(get(c), i32(3)))),
    set(c, add(rotl(get(c), i32(21)), get(t))),
  ];
  const mix = (into: Local, value: Code): Code[] => [
    set(z, add(value, i32(0x9e3779b9 | 0))),
    set(z, mul(xor(get(z), shrU(get(z), i32(16))), i32(0x85ebca6b | 0))),
    set(z, mul(xor(get(z), shrU(get(z), i32(13))), i32(0xc2b2ae35 | 0))),
    set(into, xor(get(z), shrU(get(z), i32(16)))),
  ];
  // floor(u32 / 2^32 * m): rng.below(m), as the JS sampler computes it.
  const below = (m: Code): Code => truncU(fmul(fdiv(fromU32(get(t)), f64(4294967296)), fromU32(m)));
  const io = (slot: number) => load32(i32(slot));
  const keep = (slot: number, l: Local) => store32(i32(slot), get(l));
  // Rng(seed, blk) (util/rng.ts): r = the stream word, then a, b, c, d and 12 discarded outputs.
  const seedBlock: Code[] = [
    mix(r, xor(get(blk), i32(0x5bd1e995))),
    mix(a, xor(io(IO_SEED_WORD), get(r))),
    mix(b, xor(get(a), i32(0x68e31da4))),
    mix(c, xor(get(b), get(r))),
    set(d, i32(1)),
    Array.from({ length: 12 }, () => sfc32),
    inc(blk),
    set(inBlock, i32(0)),
  ];
  const addNode = (node: Local): Code =>
    when(ne(word(lay.mark, node), get(s)), [
      store32(shl(get(node), i32(2)), get(s), lay.mark),
      store32(shl(get(tail), i32(2)), get(node), lay.out),
      inc(tail),
    ]);
  // A receiver's live in-arcs: their number on its table, then which ones (Floyd's algorithm).
  const receiver: Code[] = [
    set(at, word(lay.at, v)),
    when(eqz(ltS(get(at), i32(0))), [
      sfc32,
      set(x, fromU32(get(t))),
      set(live, i32(0)),
      block('counted', [
        loop('count', [
          brIf('counted', eqz(fge(get(x), loadF64(shl(add(get(at), get(live)), i32(3)), lay.cdf)))),
          inc(live),
          br('count'),
        ]),
      ]),
      inc(examined, add(get(live), i32(1))),
      when(get(live), [
        set(k, word(lay.off, v)),
        set(deg, sub(word(lay.off, add(get(v), i32(1))), get(k))),
        set(chosen, i32(0)),
        when(
          eq(get(live), get(deg)),
          [
            block('allDone', [
              loop('all', [
                brIf('allDone', geU(get(chosen), get(deg))),
                store32(shl(get(chosen), i32(2)), get(chosen), lay.picks),
                inc(chosen),
                br('all'),
              ]),
            ]),
          ],
          [
            set(m, sub(get(deg), get(live))),
            block('floydDone', [
              loop('floyd', [
                brIf('floydDone', geU(get(m), get(deg))),
                sfc32,
                set(pos, below(add(get(m), i32(1)))),
                set(i, i32(0)),
                block('checked', [
                  loop('check', [
                    brIf('checked', geU(get(i), get(chosen))),
                    when(eq(word(lay.picks, i), get(pos)), [set(pos, get(m)), br('checked')]),
                    inc(i),
                    br('check'),
                  ]),
                ]),
                store32(shl(get(chosen), i32(2)), get(pos), lay.picks),
                inc(chosen),
                inc(m),
                br('floyd'),
              ]),
            ]),
          ],
        ),
        set(i, i32(0)),
        block('addedAll', [
          loop('adding', [
            brIf('addedAll', geU(get(i), get(chosen))),
            set(u, word(lay.src, add(get(k), word(lay.picks, i)))),
            addNode(u),
            inc(i),
            br('adding'),
          ]),
        ]),
      ]),
    ]),
  ];
  const body: Code[] = [
    set(a, io(IO_A)),
    set(b, io(IO_B)),
    set(c, io(IO_C)),
    set(d, io(IO_D)),
    set(s, io(IO_STAMP)),
    set(inBlock, io(IO_IN_BLOCK)),
    set(blk, io(IO_BLOCK)),
    set(base, io(IO_BASE)),
    block('done', [
      loop('set', [
        brIf('done', geU(get(j), get(sets))),
        brIf('done', gtU(add(get(tail), i32(n)), i32(lay.outCap))),
        brIf('done', gtU(get(examined), i32(1 << 30))),
        when(eq(get(inBlock), i32(blockSize)), seedBlock),
        inc(inBlock),
        inc(s),
        sfc32,
        set(v, below(i32(n))),
        set(head, get(tail)),
        store32(shl(get(v), i32(2)), get(s), lay.mark),
        store32(shl(get(tail), i32(2)), get(v), lay.out),
        inc(tail),
        block('expanded', [
          loop('expand', [
            brIf('expanded', geU(get(head), get(tail))),
            set(v, word(lay.out, head)),
            inc(head),
            receiver,
            br('expand'),
          ]),
        ]),
        store32(shl(get(j), i32(2)), add(get(base), get(tail)), lay.ends),
        inc(j),
        br('set'),
      ]),
    ]),
    keep(IO_A, a),
    keep(IO_B, b),
    keep(IO_C, c),
    keep(IO_D, d),
    keep(IO_STAMP, s),
    keep(IO_IN_BLOCK, inBlock),
    keep(IO_BLOCK, blk),
    keep(IO_EXAMINED, examined),
    store32(i32(IO_BASE), add(get(base), get(tail))),
    get(j),
  ];
  return { locals: L, body };
}

export interface CompiledRrSampler {
  /**
   * Sets first .. first + count - 1 of stream rngSeed, as rr-sets.ts's icFill draws them, handed
   * to `take` a chunk at a time: sets j0 .. j0 + drawn - 1, their `entries` nodes at out[0 ..
   * entries), set j0 + i ending at ends[i] counted from set 0's start (the sets of first's block
   * before it are drawn and dropped); the views are valid during the call. Returns the draws made
   * (the `examined` cost measure).
   */
  chunks(
    rngSeed: number,
    first: number,
    count: number,
    take: (j0: number, drawn: number, entries: number, out: Uint32Array, ends: Uint32Array) => void,
  ): number;
}

/**
 * The compiled sampler for `csr` with live-count tables `at` / `cdf` (every receiver's entry a
 * table or -2, and at most `most` entries per table); null when WebAssembly is missing or refused,
 * or the graph does not fit in 4 GiB: the caller then runs icFill.
 */
export function createCompiledRrSampler(
  csr: Csr,
  tables: { at: Int32Array; cdf: Float64Array },
  most: number,
  blockSize: number,
): CompiledRrSampler | null {
  if (typeof WebAssembly !== 'object') return null;
  const { n, arcs } = csr;
  if (n === 0 || n > 0x3fffffff) return null;
  const lay = layoutFor(n, arcs, tables.cdf.length, most);
  const pages = Math.ceil(lay.bytes / PAGE);
  if (pages > MAX_PAGES) return null;
  let draw: (sets: number) => number;
  let memory: WebAssembly.Memory;
  try {
    const { locals: L, body } = kernel(lay, n, blockSize);
    const bytes = assemble(pages, [exported('draw', L, body)]);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    draw = instance.exports.draw as typeof draw;
    memory = instance.exports.memory as WebAssembly.Memory;
  } catch {
    return null;
  }
  const buffer = memory.buffer;
  const words = new Uint32Array(buffer);
  new Uint32Array(buffer, lay.off, n + 1).set(csr.inOffsets.subarray(0, n + 1));
  new Uint32Array(buffer, lay.src, arcs).set(csr.inSources.subarray(0, arcs));
  new Int32Array(buffer, lay.at, n).set(tables.at);
  new Float64Array(buffer, lay.cdf, tables.cdf.length).set(tables.cdf);
  const mark = new Uint32Array(buffer, lay.mark, n);
  const ends = new Uint32Array(buffer, lay.ends, CHUNK);
  const out = new Uint32Array(buffer, lay.out, lay.outCap);

  return {
    chunks(rngSeed, first, count, take) {
      words[IO_SEED_WORD >> 2] = mix32(rngSeed >>> 0);
      words[IO_BLOCK >> 2] = Math.floor(first / blockSize);
      words[IO_IN_BLOCK >> 2] = blockSize;
      let examined = 0;
      for (let j = -(first % blockSize); j < count; ) {
        if (words[IO_STAMP >> 2] > 0xffffffff - CHUNK - 1) {
          mark.fill(0);
          words[IO_STAMP >> 2] = 0;
        }
        // The block's sets before `first` in calls of their own, then ENDS from the first set kept.
        if (j <= 0) words[IO_BASE >> 2] = 0;
        const before = words[IO_BASE >> 2];
        const drawn = draw(j < 0 ? -j : Math.min(CHUNK, count - j));
        examined += words[IO_EXAMINED >> 2];
        if (j >= 0) take(j, drawn, words[IO_BASE >> 2] - before, out, ends);
        j += drawn;
      }
      return examined;
    },
  };
}
