/**
 * The edge-list reader's fast path for lines of any two unquoted ids (EdgeListReader.scanPairs)
 * with its byte scanning and its interning compiled to WebAssembly: consecutive lines of exactly
 * two ids, each id given back as its value when it is a canonical integer, or else as its ordinal
 * in the id table kept in the module's memory (StringIds hands its ids to that table when the
 * scanner starts, and interns every later id there too, so one numbering serves all paths). It
 * stops at the first line of any other shape, which the JS reader then reads as it always has,
 * and accepts exactly the lines scanPairs accepts (scanBody mirrors it), through the reader's own
 * byte classes, copied into the module's memory: so the results, warnings and errors are the same
 * whichever reads a line.
 *
 * Why: on the 3M-edge list of string ids (64 MB) the JS loop spent about 0.2 s scanning and
 * hashing bytes, each of which it checks against the array's bounds and class table, and the JS
 * table about 0.28 s interning (45 ns an id, compared byte by byte); the compiled loops read and
 * compare without the bounds checks, four bytes at a time, as the C loader does.
 *
 * The bytes are copied into the module's memory a window of whole lines at a time (at most WINDOW
 * bytes), with a NUL after them (a CONTROL byte in every class table), which ends every id and
 * line, so the loop never reads past the window. The table (open addressing, linear probing, at
 * most half full) and the ids' bytes follow the records; JS grows the memory before a scan so
 * that every id of the window fits (IdTable.reserve).
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
  eqz,
  exported,
  get,
  geU,
  gtU,
  i32,
  type Local,
  Locals,
  leU,
  load8,
  load32,
  loop,
  ltU,
  mul,
  ne,
  or,
  set,
  shl,
  shrU,
  store8,
  store32,
  sub,
  when,
  xor,
} from '../util/wasm.ts';
import { FNV_OFFSET, FNV_PRIME, LAST_PREFIX, MAX_CANONICAL } from './edge-list-codes.ts';
import { lineEndCode, nextByte, type PairDelimiter, separatorCode, WINDOW } from './integer-pairs-wasm.ts';

/** Most records one window can hold: the shortest line is "a b\n"; a last line may lack its "\n". */
const MAX_RECORDS = (WINDOW >>> 2) + 1;
/**
 * i32s per record: per id, its start (-1 for an integer), its end (or value), its ordinal, and 1
 * when the id is new to the table and not ASCII (its text is then checked in JS).
 */
export const RECORD = 8;

// The module's memory: the window (and its NUL), the byte classes, the counters, the records, the
// table's slots (four i32s each: hash, ordinal + 1, start in the pool, length), the pool.
const CLASSES = WINDOW + 64;
const IO = CLASSES + 256;
const IO_RECORDS = IO;
const IO_IDS = IO + 4;
const IO_MASK = IO + 8;
const IO_POOL = IO + 12;
const IO_POOL_LENGTH = IO + 16;
const IO_TOUCHED = IO + 20;
/** Lines whose ids are interned together (StringIds.resolve's QUEUE ids). */
const QUEUE_LINES = 32;
const OUT = IO + 64;
const SLOTS = OUT + 4 * RECORD * MAX_RECORDS;
const PAGE = 65536;
/** Most pages of a memory: WebAssembly's 4 GiB. */
const MOST_PAGES = 65536;

// Byte classes, as edge-list.ts numbers them.
const TOKEN = 0;
const QUOTE = 4;

/**
 * The ids interned in the module's memory, numbered in order of first interning, as StringIds
 * numbers them (StringIds hands its ids over and then interns through this).
 */
export interface IdTable {
  readonly count: number;
  /** Ordinal of the id in buf[s,e) with its hashBytes() h, added when new. */
  intern(buf: Uint8Array, s: number, e: number, h: number): number;
  /** The ids' bytes by ordinal (a copy) and where each starts (count + 1 entries). */
  bytes(): { pool: Uint8Array; starts: Int32Array };
}

export interface StringPairScanner {
  /**
   * Read lines of bytes[from, to), where `to` is the end of a line (after its "\n") or of the
   * block, and to - from <= WINDOW; at most `room` records. Returns the start of the first line
   * not taken (an index into `bytes`); the records are in `records`, their number in `count`, and
   * their spans relative to `from`.
   */
  scan(bytes: Uint8Array, from: number, to: number, room: number): number;
  /** Records of the last scan (a view of the module's memory, new after each scan), RECORD i32s each. */
  readonly records: Int32Array;
  /** Number of records of the last scan. */
  readonly count: number;
  /** The table the scan interns string ids into. */
  readonly table: IdTable;
}

/** Locals of the interning code (internCode). */
interface InternLocals {
  s: Local;
  e: Local;
  h: Local;
  ord: Local;
  fresh: Local;
  ids: Local;
  mask: Local;
  pool: Local;
  poolLength: Local;
  i: Local;
  slot: Local;
  a: Local;
  k: Local;
  high: Local;
}

function internLocals(L: Locals): Omit<InternLocals, 's' | 'e' | 'h'> {
  const [ord, fresh, ids, mask, pool, poolLength, i, slot, a, k, high] = Array.from({ length: 11 }, () =>
    L.local(),
  );
  return { ord, fresh, ids, mask, pool, poolLength, i, slot, a, k, high };
}

/** The table's counters into locals, and back. */
const loadCounters = (x: InternLocals): Code => [
  set(x.ids, load32(i32(IO_IDS))),
  set(x.mask, load32(i32(IO_MASK))),
  set(x.pool, load32(i32(IO_POOL))),
  set(x.poolLength, load32(i32(IO_POOL_LENGTH))),
];
const storeCounters = (x: InternLocals): Code => [
  store32(i32(IO_IDS), get(x.ids)),
  store32(i32(IO_POOL_LENGTH), get(x.poolLength)),
];

/**
 * Intern the id at [s, e) of the memory with hash h: `ord` its ordinal, `fresh` 1 when it is new
 * and not ASCII. StringIds.find and add, with the comparison four bytes at a time; the caller has
 * made room (IdTable.reserve).
 */
function internCode(x: InternLocals): Code {
  const { s, e, h, ord, fresh, ids, mask, pool, poolLength, i, slot, a, k, high } = x;
  const length = sub(get(e), get(s));
  return block('interned', [
    set(fresh, i32(0)),
    set(i, and(get(h), get(mask))),
    loop('probe', [
      set(slot, add(shl(get(i), i32(4)), i32(SLOTS))),
      set(ord, load32(get(slot), 4)),
      when(eqz(get(ord)), [
        // New: its bytes to the end of the pool, then the slot.
        set(a, add(get(pool), get(poolLength))),
        set(high, i32(0)),
        set(k, get(s)),
        block('copied', [
          loop('copy', [
            brIf('copied', geU(get(k), get(e))),
            set(ord, load8(get(k))),
            store8(get(a), get(ord)),
            set(high, or(get(high), get(ord))),
            set(k, add(get(k), i32(1))),
            set(a, add(get(a), i32(1))),
            br('copy'),
          ]),
        ]),
        store32(get(slot), get(h)),
        store32(get(slot), add(get(ids), i32(1)), 4),
        store32(get(slot), get(poolLength), 8),
        store32(get(slot), length, 12),
        set(poolLength, add(get(poolLength), length)),
        set(ord, get(ids)),
        set(ids, add(get(ids), i32(1))),
        set(fresh, gtU(get(high), i32(0x7f))),
        br('interned'),
      ]),
      when(and(eq(load32(get(slot)), get(h)), eq(load32(get(slot), 12), length)), [
        set(a, add(get(pool), load32(get(slot), 8))),
        set(k, get(s)),
        block('differ', [
          loop('words', [
            when(leU(add(get(k), i32(4)), get(e)), [
              brIf('differ', ne(load32(get(a)), load32(get(k)))),
              set(k, add(get(k), i32(4))),
              set(a, add(get(a), i32(4))),
              br('words'),
            ]),
          ]),
          loop('rest', [
            when(ltU(get(k), get(e)), [
              brIf('differ', ne(load8(get(a)), load8(get(k)))),
              set(k, add(get(k), i32(1))),
              set(a, add(get(a), i32(1))),
              br('rest'),
            ]),
          ]),
          set(ord, sub(get(ord), i32(1))),
          br('interned'),
        ]),
      ]),
      set(i, and(add(get(i), i32(1)), get(mask))),
      br('probe'),
    ]),
  ]);
}

/** intern(s, e, h) -> ordinal of the id at [s, e) of the memory (new ones added). */
function internBody(): { locals: Locals; body: Code[] } {
  const L = new Locals();
  const s = L.param();
  const e = L.param();
  const h = L.param();
  const x = { s, e, h, ...internLocals(L) };
  return { locals: L, body: [loadCounters(x), internCode(x), storeCounters(x), get(x.ord)] };
}

/**
 * scan(len, room) -> start of the first line not taken, the record count in the IO block. Mirrors
 * scanPairs in edge-list.ts line for line; the window's NUL stands for the JS loop's `undefined`
 * past the end. A taken line's string ids are interned, the first id first, as resolvePending
 * interns them.
 */
function scanBody(delimiter: PairDelimiter): { locals: Locals; body: Code[] } {
  const L = new Locals();
  const len = L.param();
  const room = L.param();
  const p = L.local();
  const from = L.local();
  const b = L.local();
  const k = L.local();
  const d = L.local();
  const v = L.local();
  const h = L.local();
  const big = L.local();
  const s = L.local();
  const start = L.local();
  const tabs = L.local();
  const count = L.local();
  const out = L.local();
  const batch = L.local();
  const last = L.local();
  const touched = L.local();
  const x: InternLocals = { s, e: d, h, ...internLocals(L) };
  const next = nextByte(p, b);
  const cls = (y: Local): Code => load8(get(y), CLASSES);
  const hashIn: Code = set(h, mul(xor(get(h), get(b)), i32(FNV_PRIME)));
  // One id at p, into the record at out + offset: digits first (an integer id ends there), then
  // any other id bytes make it a string id.
  const id = (offset: number): Code => [
    set(s, get(p)),
    set(v, i32(0)),
    set(big, i32(0)),
    set(h, i32(FNV_OFFSET)),
    block('digitsEnd', [
      loop('digits', [
        set(d, sub(get(b), i32(0x30))),
        brIf('digitsEnd', gtU(get(d), i32(9))),
        set(big, or(get(big), gtU(get(v), i32(LAST_PREFIX)))),
        set(v, add(mul(get(v), i32(10)), get(d))),
        hashIn,
        next,
        br('digits'),
      ]),
    ]),
    set(k, cls(b)),
    when(
      or(eq(get(k), i32(TOKEN)), eq(get(k), i32(QUOTE))),
      [
        loop('rest', [
          hashIn,
          next,
          set(k, cls(b)),
          brIf('rest', or(eq(get(k), i32(TOKEN)), eq(get(k), i32(QUOTE)))),
        ]),
        set(big, i32(1)),
      ],
      [
        // "0", or at most 10 digits not starting with 0 and at most MAX_CANONICAL.
        set(d, sub(get(p), get(s))),
        set(
          big,
          and(
            ne(get(d), i32(1)),
            or(
              or(gtU(get(d), i32(10)), eq(load8(get(s)), i32(0x30))),
              or(get(big), gtU(get(v), i32(MAX_CANONICAL))),
            ),
          ),
        ),
      ],
    ),
    // big now means "a string id".
    when(
      get(big),
      [
        store32(get(out), get(s), offset),
        store32(get(out), get(p), offset + 4),
        // finishHash
        set(h, xor(get(h), shrU(get(h), i32(16)))),
        set(h, mul(get(h), i32(0x85ebca6b))),
        store32(get(out), xor(get(h), shrU(get(h), i32(13))), offset + 8),
      ],
      [store32(get(out), i32(-1), offset), store32(get(out), get(v), offset + 4)],
    ),
  ];
  // `code` for each string id of the records [batch, last), its record at out + offset.
  const eachId = (code: (offset: number) => Code[]): Code => [
    set(out, add(mul(get(batch), i32(4 * RECORD)), i32(OUT))),
    block('idsEnd', [
      loop('ids', [
        brIf('idsEnd', leU(add(mul(get(last), i32(4 * RECORD)), i32(OUT)), get(out))),
        [0, 4 * (RECORD / 2)].map((offset) => when(ne(load32(get(out), offset), i32(-1)), code(offset))),
        set(out, add(get(out), i32(4 * RECORD))),
        br('ids'),
      ]),
    ]),
  ];
  // The slot an id's hash points at first.
  const firstSlot = (offset: number): Code =>
    add(shl(and(load32(get(out), offset + 8), get(x.mask)), i32(4)), i32(SLOTS));
  // The string ids of the taken lines into the table, in order, QUEUE at a time: first touching
  // the slot each one's hash points at, and the pool bytes that slot points at, so that the CPU
  // waits for those cache misses together (as StringIds.resolve does), then interning them.
  const internAll: Code = [
    set(batch, i32(0)),
    block('batchesEnd', [
      loop('batches', [
        brIf('batchesEnd', leU(get(count), get(batch))),
        set(last, add(get(batch), i32(QUEUE_LINES))),
        when(ltU(get(count), get(last)), [set(last, get(count))]),
        eachId((offset) => [set(touched, or(get(touched), load32(firstSlot(offset), 4)))]),
        eachId((offset) => [
          set(touched, or(get(touched), load8(add(get(x.pool), load32(firstSlot(offset), 8))))),
        ]),
        eachId((offset) => [
          set(s, load32(get(out), offset)),
          set(x.e, load32(get(out), offset + 4)),
          set(h, load32(get(out), offset + 8)),
          internCode(x),
          store32(get(out), get(x.ord), offset + 8),
          store32(get(out), get(x.fresh), offset + 12),
        ]),
        set(batch, get(last)),
        br('batches'),
      ]),
    ]),
    // Kept, so the touching loads are not optimised away.
    store32(i32(IO_TOUCHED), get(touched)),
  ];
  const body: Code[] = [
    loadCounters(x),
    block('done', [
      loop('line', [
        brIf('done', leU(get(len), get(p))),
        brIf('done', leU(get(room), get(count))),
        set(out, add(mul(get(count), i32(4 * RECORD)), i32(OUT))),
        set(b, load8(get(p))),
        // First id: a byte that starts a field (not a comment mark).
        brIf('done', ne(cls(b), i32(TOKEN))),
        brIf('done', or(eq(get(b), i32(0x23)), eq(get(b), i32(0x25)))),
        id(0),
        separatorCode(delimiter, { p, b, start, tabs }),
        brIf('done', ne(cls(b), i32(TOKEN))),
        id(16),
        // End of line: trailing spaces, tabs or CR, then a newline or the end of the window.
        lineEndCode(p, b),
        brIf('done', and(ltU(get(p), get(len)), ne(get(b), i32(0x0a)))),
        set(count, add(get(count), i32(1))),
        when(ltU(get(p), get(len)), [set(p, add(get(p), i32(1)))]),
        set(from, get(p)),
        br('line'),
      ]),
    ]),
    internAll,
    storeCounters(x),
    store32(i32(IO_RECORDS), get(count)),
    get(from),
  ];
  return { locals: L, body };
}

const compiled = new Map<PairDelimiter, WebAssembly.Module>();

/**
 * A scanner for files with this delimiter and these byte classes (EdgeListReader's table, where
 * byte 0 is a CONTROL byte), its table starting with `firstSlots` slots (a power of two); null
 * where WebAssembly is missing or refused: the JS loop then reads every line.
 */
export function stringPairScanner(
  delimiter: PairDelimiter,
  classes: Uint8Array,
  firstSlots: number,
): StringPairScanner | null {
  if (typeof WebAssembly !== 'object') return null;
  let module = compiled.get(delimiter);
  if (!module) {
    try {
      const scan = scanBody(delimiter);
      const intern = internBody();
      const bytes = assemble(Math.ceil(SLOTS / PAGE), [
        exported('scan', scan.locals, scan.body),
        exported('intern', intern.locals, intern.body),
      ]);
      module = new WebAssembly.Module(bytes);
    } catch {
      return null;
    }
    compiled.set(delimiter, module);
  }
  const instance = new WebAssembly.Instance(module, {});
  const run = instance.exports.scan as (len: number, room: number) => number;
  const internAt = instance.exports.intern as (s: number, e: number, h: number) => number;
  const memory = instance.exports.memory as WebAssembly.Memory;
  new Uint8Array(memory.buffer, CLASSES, 256).set(classes);
  let u8 = new Uint8Array(memory.buffer);
  let i32s = new Int32Array(memory.buffer);
  let slots = 0;
  const ids = () => i32s[IO_IDS >> 2];
  const pool = () => i32s[IO_POOL >> 2];
  const poolLength = () => i32s[IO_POOL_LENGTH >> 2];

  /** At least `bytes` of memory, the views renewed when it grows. */
  const ensureMemory = (bytes: number): void => {
    const pages = Math.ceil(bytes / PAGE);
    const have = memory.buffer.byteLength / PAGE;
    if (pages <= have) return;
    try {
      memory.grow(Math.max(pages, Math.min(MOST_PAGES, Math.ceil(have * 1.5))) - have);
    } catch {
      try {
        memory.grow(pages - have);
      } catch {
        throw new Error(
          `the node ids of this file need more memory than WebAssembly can have (${bytes} bytes)`,
        );
      }
    }
    u8 = new Uint8Array(memory.buffer);
    i32s = new Int32Array(memory.buffer);
  };

  /** A table of `size` slots, the pool moved after it, the ids rehashed into it. */
  const resize = (size: number): void => {
    const old = i32s.slice(SLOTS >> 2, (SLOTS >> 2) + 4 * slots);
    const from = pool();
    const to = SLOTS + 16 * size;
    ensureMemory(to + poolLength());
    u8.copyWithin(to, from, from + poolLength());
    i32s.fill(0, SLOTS >> 2, to >> 2);
    const mask = size - 1;
    for (let k = 0; k < old.length; k += 4) {
      if (old[k + 1] === 0) continue;
      let i = old[k] & mask;
      while (i32s[(SLOTS >> 2) + 4 * i + 1] !== 0) i = (i + 1) & mask;
      i32s.set(old.subarray(k, k + 4), (SLOTS >> 2) + 4 * i);
    }
    slots = size;
    i32s[IO_MASK >> 2] = mask;
    i32s[IO_POOL >> 2] = to;
  };

  /** Room for `newIds` more ids of `newBytes` bytes in all: the table at most half full. */
  const reserve = (newIds: number, newBytes: number): void => {
    if (2 * (ids() + newIds) > slots) {
      let size = Math.max(2 * slots, 1 << 10);
      while (2 * (ids() + newIds) > size) size *= 2;
      resize(size);
    }
    ensureMemory(pool() + poolLength() + newBytes);
  };

  i32s[IO_POOL >> 2] = SLOTS;
  resize(firstSlots);
  let records = new Int32Array(memory.buffer, OUT, RECORD * MAX_RECORDS);
  const table: IdTable = {
    get count() {
      return ids();
    },
    intern(buf, s, e, h) {
      // The id goes where its bytes would be added (copied onto themselves when it is new), so it
      // may be of any length.
      reserve(1, e - s);
      const at = pool() + poolLength();
      u8.set(buf.subarray(s, e), at);
      return internAt(at, at + e - s, h);
    },
    bytes() {
      const starts = new Int32Array(ids() + 1);
      const base = SLOTS >> 2;
      for (let k = base; k < base + 4 * slots; k += 4)
        if (i32s[k + 1] !== 0) starts[i32s[k + 1] - 1] = i32s[k + 2];
      starts[ids()] = poolLength();
      return { pool: u8.slice(pool(), pool() + poolLength()), starts };
    },
  };
  return {
    table,
    get records() {
      return records;
    },
    get count() {
      return i32s[IO_RECORDS >> 2];
    },
    scan(bytes, from, to, room) {
      const length = to - from;
      const most = Math.min(room, MAX_RECORDS, (length >>> 2) + 1);
      reserve(2 * most, length);
      if (records.buffer !== memory.buffer)
        records = new Int32Array(memory.buffer, OUT, RECORD * MAX_RECORDS);
      u8.set(bytes.subarray(from, to), 0);
      u8[length] = 0;
      return from + run(length, most);
    },
  };
}
