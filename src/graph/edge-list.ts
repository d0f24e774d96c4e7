/**
 * Edge-list parser: "source target [value]" lines separated by runs of spaces/tabs, commas,
 * tabs or semicolons, with `#`/`%` comment lines and an optional header line.
 *
 * Built for files of tens of millions of edges: the bytes are read once, left to right, with no
 * split into lines and no string or object per edge. Endpoints go straight into typed arrays as
 * raw codes and are numbered in a second, tight pass (see "Node ids" below). Canonical decimal
 * integer ids ("0", "42", never "007") are numbered through a direct Int32Array table (a Map
 * above 2^24); every other id is interned by its bytes in an open-addressing hash table, so a
 * string is decoded once per distinct node, not once per occurrence. Because an id takes the
 * integer path exactly when its text is canonical, "7" and "007" are always different nodes.
 */
import { compileCsr } from './csr.ts';
import { FNV_OFFSET, FNV_PRIME, MAX_CANONICAL } from './edge-list-codes.ts';
import { type IntegerPairScanner, integerPairScanner, WINDOW } from './integer-pairs-wasm.ts';
import { LoadError } from './load-error.ts';
import { arrayIds, integerIds, lazyIds, type NodeIds } from './node-ids.ts';
import { type IdTable, RECORD, type StringPairScanner, stringPairScanner } from './string-pairs-wasm.ts';
import { firstTextProblem } from './text-check.ts';
import type { Direction, EdgeValues, LoadedGraph, LoadReport } from './types.ts';

export type HeaderOption = 'auto' | 'yes' | 'no';
export const HEADER_OPTIONS: readonly HeaderOption[] = ['auto', 'yes', 'no'];

export interface EdgeListOptions {
  /** Name used in messages and the report. */
  file: string;
  direction: Direction;
  edgeValues: EdgeValues;
  header: HeaderOption;
  /** Whether the bytes were gunzipped (report only). */
  gzip: boolean;
  /** Most edge lines read (before merging duplicates); one more is a LoadError. Default 200,000,000. */
  maxEdges?: number;
  /** Expected size of the text in bytes, when known, to size the edge arrays once. */
  sizeHint?: number;
}

/** Default of EdgeListOptions.maxEdges: about 10 GB of peak memory to load on a 24 GB machine. */
export const DEFAULT_MAX_EDGES = 200_000_000;

/** What every edge-list line must look like; quoted in error messages. */
export const EDGE_LINE_SHAPE = '"source target [value]"';

/**
 * Parse an edge list held in memory and compile it into a LoadedGraph. (loadGraph streams instead,
 * through an EdgeListReader, and checks the text first.)
 */
export function parseEdgeList(bytes: Uint8Array, options: EdgeListOptions): LoadedGraph {
  const reader = new EdgeListReader({ sizeHint: bytes.length, ...options });
  reader.feed(bytes);
  return reader.finish();
}

/**
 * Check one edge value (third column, or an XML/JSON `weight`) against what it is supposed to be.
 * Returns null when it is acceptable, else the problem in words, starting after "value X ".
 */
export function edgeValueProblem(value: number, kind: 'probability' | 'weight'): string | null {
  if (kind === 'probability') {
    if (value >= 0 && value <= 1) return null;
    if (Number.isNaN(value)) {
      return "is not a number; expected a probability in [0,1] (pass edgeValues 'weight' if it is a tie strength, or 'ignore' to skip it)";
    }
    return "is not a probability in [0,1]; pass edgeValues 'weight' if it is a tie strength";
  }
  if (value >= 0 && value < Number.POSITIVE_INFINITY) return null;
  if (Number.isNaN(value))
    return "is not a number; expected a weight >= 0 (or pass edgeValues 'ignore' to skip it)";
  return 'is not a valid weight; expected a finite number >= 0';
}

/** The warning given when every probability read is exactly 1 (Gephi and friends write weight 1). */
export function allOnesWarning(what: string): string {
  return `every ${what} is 1, read as probability 1 (the edge always transmits); pass edgeValues 'ignore' to use the model's own probability instead`;
}

// ---------------------------------------------------------------------------------------------
// Byte classes. One table per delimiter, so the hot loops do a single lookup per byte.

const TOKEN = 0;
const SPACE = 1;
const NEWLINE = 2;
const DELIM = 3;
const QUOTE = 4;
const CONTROL = 5;

type Delimiter = 'whitespace' | 'comma' | 'tab' | 'semicolon';

export function classTable(delimiter: Delimiter): Uint8Array {
  const t = new Uint8Array(256); // TOKEN everywhere, including every byte of UTF-8 sequences
  for (let b = 0; b < 32; b++) t[b] = CONTROL;
  t[0x7f] = CONTROL;
  t[0x20] = SPACE;
  t[0x09] = SPACE;
  t[0x0d] = SPACE; // CR of CRLF is trailing whitespace
  t[0x0a] = NEWLINE;
  t[0x22] = QUOTE;
  if (delimiter === 'comma') t[0x2c] = DELIM;
  else if (delimiter === 'semicolon') t[0x3b] = DELIM;
  else if (delimiter === 'tab') t[0x09] = DELIM;
  return t;
}

/**
 * The delimiter of the file, from its first data line: a comma if there is one (outside quotes),
 * else a tab between two fields, else a semicolon, else runs of spaces/tabs.
 */
function detectDelimiter(bytes: Uint8Array, start: number): Delimiter {
  let comma = false;
  let semicolon = false;
  let tab = false;
  let tabPending = false;
  let quoted = false;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) break;
    if (b === 0x22) quoted = !quoted;
    if (quoted) continue;
    if (b === 0x2c) comma = true;
    else if (b === 0x3b) semicolon = true;
    if (b === 0x09) tabPending = true;
    else if (b !== 0x20 && b !== 0x0d && tabPending) tab = true; // a trailing tab is not a delimiter
  }
  return comma ? 'comma' : tab ? 'tab' : semicolon ? 'semicolon' : 'whitespace';
}

/** Column names that make a first line a header without further evidence (compared lower-case). */
const COLUMN_NAMES = new Set([
  'source',
  'target',
  'from',
  'to',
  'src',
  'dst',
  'dest',
  'destination',
  'follower',
  'followee',
  'followed',
  'following',
  'follows',
  'user',
  'user1',
  'user2',
  'user_id',
  'userid',
  'id',
  'id1',
  'id2',
  'id_1',
  'id_2',
  'node',
  'node1',
  'node2',
  'node_1',
  'node_2',
  'fromnodeid',
  'tonodeid',
  'from_id',
  'to_id',
  'source_id',
  'target_id',
  'sourceid',
  'targetid',
  'sender',
  'receiver',
  'recipient',
  'account',
  'accounts',
  'account_id',
  'followers',
  'follower_id',
  'followee_id',
  'fan',
  'fans',
  'subscriber',
  'subscribers',
  'author',
  'influencer',
  'handle',
  'username',
  'user_name',
  'friend',
  'friends',
]);

// ---------------------------------------------------------------------------------------------
// Node ids.
//
// Interning happens in two passes. While scanning, each endpoint is stored in src/dst as a raw
// code: the id's value if it is a canonical integer (< 2^31), else STRING_TAG + its ordinal in a
// byte-keyed table of the other ids. Afterwards one tight loop over src/dst, in file order, turns
// codes into node indices by first appearance. Doing the random-access lookups in their own loop,
// rather than between byte-scanning work, lets the CPU overlap the cache misses (2-3x faster on
// a few million nodes).

/**
 * Smallest input (EdgeListOptions.sizeHint) read with the compiled loops: assembling one
 * costs about 1.3 ms on a cold start, what the JS loop takes to scan some 150 KB then.
 */
const COMPILED_SCAN_MIN_BYTES = 1 << 17;
/** Integer lines read in JS before the compiled loop is called (see scanIntegerPairs). */
const LEAD_LINES = 8;
/** Bytes of the first window of the compiled integer loop (it doubles up to WINDOW). */
const FIRST_WINDOW = 1 << 10;
/** Raw codes at or above this are string ids: STRING_TAG + ordinal. */
const STRING_TAG = 2 ** 31;
/** Integer ids below this are numbered through a direct table (at most 64 MB); larger via a Map. */
const DIRECT_LIMIT = 1 << 24;

// Ids are hashed by FNV-1a over their bytes, then a murmur finaliser (finishHash) so the low bits
// mix well.
function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

export function hashBytes(buf: Uint8Array, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], FNV_PRIME);
  return finishHash(h);
}

/** Slots of a StringIds table at the start, and most after its first growth. */
const FEWEST_SLOTS = 1 << 10;
const MOST_GROWN_SLOTS = 1 << 20;
/**
 * Bytes of text per distinct string id, for a first guess at their number (EdgeListReader): the
 * 3M-edge list has 212, sparser graphs fewer. Starting the table at its size saves the rehashes,
 * 20-50 ms of that list's load (measured in-process: see bench/RESULTS.md).
 */
const BYTES_PER_ID = 128;

/** Ids queued for interning at a time (see StringIds.queue). */
const QUEUE = 64;
/** Most bytes of ids decoded into one string (StringIds.texts). */
const TEXT_PIECE = 1 << 24;
const asciiDecoder = new TextDecoder('utf-8');

/**
 * Ids that are not canonical integers, interned by their UTF-8 bytes; each is decoded to a string
 * once, when asked for (idTexts()).
 *
 * Open addressing with linear probing. A slot is four ints (hash, ordinal + 1, start and length
 * of the id's bytes in the pool), so a lookup costs two cache misses: the slot, and the pool
 * bytes it is compared with. With ids in random order nearly every lookup misses the cache, and
 * misses, not instructions, are what it costs; so callers that have many ids at hand queue them
 * (queue(), then resolve()): resolve() first touches the slot of every queued id, letting the CPU
 * wait for those misses together, then looks them up one by one in queue order.
 *
 * Once handed to the compiled scanner's table (handTo), the ids live there and every id is
 * interned there, in the same order and numbering.
 */
export class StringIds {
  /** Ids interned here, before any handTo(). */
  private added = 0;
  private slots = new Int32Array(4 * FEWEST_SLOTS);
  private mask = FEWEST_SLOTS - 1;
  /** Slots after the first growth (see the constructor); also the first size of a handTo() table. */
  readonly grownSlots: number;
  private table: IdTable | null = null;
  private pool = new Uint8Array(1 << 12);
  private poolLength = 0;
  /** Whether every id is ASCII (then the pool decodes in one call). */
  private ascii = true;
  // The queue: hash, start, end of each queued id, in one buffer.
  private queued = new Int32Array(3 * QUEUE);
  private queueLength = 0;
  /** Ordinals of the queued ids after resolve(), in queue order; -1 for bytes that are not UTF-8. */
  readonly resolved = new Int32Array(QUEUE);
  touched = 0;

  /**
   * `expected`: how many ids there may be. The table doubles when half full; the first time, it
   * grows at once to hold that many (at most MOST_GROWN_SLOTS slots), so a file of integer ids,
   * which interns none, never makes the large table.
   */
  constructor(expected = 0) {
    let size = 2 * FEWEST_SLOTS;
    while (size < 2 * expected && size < MOST_GROWN_SLOTS) size *= 2;
    this.grownSlots = size;
  }

  /** Number of ids interned; ordinals are 0 .. count-1 in order of first interning. */
  get count(): number {
    return this.table ? this.table.count : this.added;
  }

  /**
   * Move the ids into `table`, in ordinal order, and intern every later id there (the compiled
   * scanner's table, string-pairs-wasm.ts).
   */
  handTo(table: IdTable): void {
    const { pool, starts } = this.bytes();
    for (let o = 0; o < this.added; o++)
      table.intern(pool, starts[o], starts[o + 1], hashBytes(pool, starts[o], starts[o + 1]));
    this.table = table;
    this.slots = new Int32Array(0);
    this.pool = new Uint8Array(0);
  }

  /**
   * Note an id the table took that is new and not ASCII (a scan's record says so); false when its
   * bytes are not valid UTF-8.
   */
  addedNonAscii(buf: Uint8Array, s: number, e: number): boolean {
    if (firstTextProblem(buf, s, e) >= 0) return false;
    this.ascii = false;
    return true;
  }

  /** Ordinal of the id in buf[s,e); -1 when the bytes are not valid UTF-8. */
  intern(buf: Uint8Array, s: number, e: number): number {
    return this.find(buf, s, e, hashBytes(buf, s, e));
  }

  /** Queue the id in buf[s,e) with its hashBytes(); returns the number queued (resolve at QUEUE). */
  queue(s: number, e: number, h: number): number {
    const q = this.queueLength;
    this.queued[3 * q] = h;
    this.queued[3 * q + 1] = s;
    this.queued[3 * q + 2] = e;
    this.queueLength = q + 1;
    return q + 1;
  }

  /** Intern every queued id of buf, in queue order, into `resolved`; returns how many. */
  resolve(buf: Uint8Array): number {
    const n = this.queueLength;
    const queued = this.queued;
    this.queueLength = 0;
    if (this.table) {
      for (let q = 0; q < n; q++)
        this.resolved[q] = this.find(buf, queued[3 * q + 1], queued[3 * q + 2], queued[3 * q]);
      return n;
    }
    const slots = this.slots;
    const mask = this.mask;
    let touch = 0;
    for (let q = 0; q < n; q++) touch |= slots[4 * (queued[3 * q] & mask) + 1];
    // Then the pool bytes the first probed slot points at: most lookups find their id there.
    const pool = this.pool;
    for (let q = 0; q < n; q++) touch |= pool[slots[4 * (queued[3 * q] & mask) + 2]];
    this.touched = touch; // kept, so the loops above are not optimised away
    for (let q = 0; q < n; q++)
      this.resolved[q] = this.find(buf, queued[3 * q + 1], queued[3 * q + 2], queued[3 * q]);
    return n;
  }

  private find(buf: Uint8Array, s: number, e: number, h: number): number {
    const table = this.table;
    if (table) {
      // The table keeps an id that is not UTF-8, but a -1 ends the reading.
      const before = table.count;
      const ordinal = table.intern(buf, s, e, h);
      if (ordinal === before) {
        let high = 0;
        for (let k = s; k < e; k++) high |= buf[k];
        if (high >= 0x80 && !this.addedNonAscii(buf, s, e)) return -1;
      }
      return ordinal;
    }
    const slots = this.slots;
    const pool = this.pool;
    const mask = this.mask;
    const length = e - s;
    let i = h & mask;
    for (let o = slots[4 * i + 1]; o !== 0; o = slots[4 * i + 1]) {
      if (slots[4 * i] === h && slots[4 * i + 3] === length) {
        let k = 0;
        for (let a = slots[4 * i + 2]; k < length; k++) if (pool[a + k] !== buf[s + k]) break;
        if (k === length) return o - 1;
      }
      i = (i + 1) & mask;
    }
    return this.add(buf, s, e, h, i);
  }

  private add(buf: Uint8Array, s: number, e: number, h: number, slot: number): number {
    const need = this.poolLength + (e - s);
    if (need > this.pool.length) {
      const bigger = new Uint8Array(Math.max(need, this.pool.length * 2));
      bigger.set(this.pool.subarray(0, this.poolLength));
      this.pool = bigger;
    }
    // The bytes go to the pool one by one (a subarray per id costs more for short ids), counted
    // as the pool's only once the id is taken.
    const pool = this.pool;
    let high = 0;
    for (let k = s, at = this.poolLength; k < e; k++, at++) {
      const b = buf[k];
      pool[at] = b;
      high |= b;
    }
    // Checked where first seen, so the error names the line (loadGraph checks the text first).
    if (high >= 0x80 && !this.addedNonAscii(buf, s, e)) return -1;
    const ord = this.added++;
    const slots = this.slots;
    slots[4 * slot] = h;
    slots[4 * slot + 1] = ord + 1;
    slots[4 * slot + 2] = this.poolLength;
    slots[4 * slot + 3] = e - s;
    this.poolLength = need;
    if (this.added * 8 > slots.length) this.rehash(); // load factor 1/2
    return ord;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(Math.max(old.length * 2, 4 * this.grownSlots));
    const mask = slots.length / 4 - 1;
    for (let k = 0; k < old.length; k += 4) {
      if (old[k + 1] === 0) continue;
      let i = old[k] & mask;
      while (slots[4 * i + 1] !== 0) i = (i + 1) & mask;
      slots[4 * i] = old[k];
      slots[4 * i + 1] = old[k + 1];
      slots[4 * i + 2] = old[k + 2];
      slots[4 * i + 3] = old[k + 3];
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Where each id starts in the pool, by ordinal, and the pool's length last. */
  private starts(): Int32Array {
    // Ids sit in the pool in ordinal order; the slots say where each starts.
    const start = new Int32Array(this.added + 1);
    const slots = this.slots;
    for (let k = 0; k < slots.length; k += 4) if (slots[k + 1] !== 0) start[slots[k + 1] - 1] = slots[k + 2];
    start[this.added] = this.poolLength;
    return start;
  }

  /** The ids' bytes, one after another by ordinal, and where each starts (count + 1 entries). */
  bytes(): { pool: Uint8Array; starts: Int32Array } {
    if (this.table) return this.table.bytes();
    return { pool: this.pool.subarray(0, this.poolLength), starts: this.starts() };
  }

  /** The ids as strings, by ordinal (IdTexts.all). */
  texts(pieceBytes = TEXT_PIECE): string[] {
    return this.idTexts().all(pieceBytes);
  }

  /** The ids' texts, to be decoded when asked for. */
  idTexts(): IdTexts {
    const { pool, starts } = this.bytes();
    return new IdTexts(pool, starts, this.ascii);
  }
}

/** The ids of a StringIds once reading is done, by ordinal: decoded one at a time, or all at once. */
class IdTexts {
  /** A fatal decoder where an id is not ASCII: it reads each id as all() does (a leading BOM dropped). */
  private readonly decoder: TextDecoder;

  constructor(
    private readonly pool: Uint8Array,
    private readonly start: Int32Array,
    private readonly ascii: boolean,
  ) {
    this.decoder = ascii ? asciiDecoder : new TextDecoder('utf-8', { fatal: true });
  }

  /** The id of ordinal o. */
  one(o: number): string {
    return this.decoder.decode(this.pool.subarray(this.start[o], this.start[o + 1]));
  }

  /**
   * Every id. An ASCII pool is decoded in one call and sliced; otherwise each id is decoded on its
   * own.
   */
  all(pieceBytes = TEXT_PIECE): string[] {
    const count = this.start.length - 1;
    const out = new Array<string>(count);
    const { start, pool } = this;
    if (this.ascii) {
      // In pieces of at most pieceBytes, far below V8's longest string.
      for (let o = 0; o < count; ) {
        let last = o + 1;
        while (last < count && start[last + 1] - start[o] <= pieceBytes) last++;
        const piece = asciiDecoder.decode(pool.subarray(start[o], start[last]));
        for (const base = start[o]; o < last; o++) out[o] = piece.slice(start[o] - base, start[o + 1] - base);
      }
    } else {
      for (let o = 0; o < count; o++) out[o] = this.one(o);
    }
    return out;
  }
}

/**
 * Replace the raw codes in src/dst[0,count) by node indices in order of first appearance
 * (src[0], dst[0], src[1], ...). Returns the raw code of each node.
 */
function numberNodes(
  src: Uint32Array,
  dst: Uint32Array,
  count: number,
  strings: number,
  maxSmall: number,
): Uint32Array {
  const direct = new Int32Array(maxSmall + 1); // value -> node + 1
  const size = direct.length;
  const large = new Map<number, number>();
  const named = new Int32Array(strings); // ordinal -> node + 1
  // node -> raw code. Nodes are at most the small integers, the strings and the large integers
  // seen so far, and at most two per record: sized for that, growing with each new large integer
  // only, so the small-integer path has no check (one costs a quarter of the loop).
  const bound = (largeNodes: number) => Math.min(2 * count, size + strings + largeNodes) + 1;
  let codes: Uint32Array = new Uint32Array(bound(0));
  let n = 0;
  // Small integers inline (already seen, or new); the others through otherNode. `n` stays a local
  // of this loop, not a variable shared with a closure: that too costs a quarter.
  for (let i = 0; i < count; i++) {
    let code = src[i];
    let u: number;
    if (code < size) {
      u = direct[code] - 1;
      if (u < 0) {
        u = n++;
        direct[code] = n;
        codes[u] = code;
      }
    } else {
      u = otherNode(code, n, named, large);
      if (u === n) {
        if (code < STRING_TAG) codes = atLeast(codes, bound(large.size));
        codes[n++] = code;
      }
    }
    src[i] = u;
    code = dst[i];
    if (code < size) {
      u = direct[code] - 1;
      if (u < 0) {
        u = n++;
        direct[code] = n;
        codes[u] = code;
      }
    } else {
      u = otherNode(code, n, named, large);
      if (u === n) {
        if (code < STRING_TAG) codes = atLeast(codes, bound(large.size));
        codes[n++] = code;
      }
    }
    dst[i] = u;
  }
  return codes.subarray(0, n);
}

/** Node of a string or large-integer code; `n`, the next free node, when it is new (then taken). */
function otherNode(code: number, n: number, named: Int32Array, large: Map<number, number>): number {
  let k: number;
  if (code >= STRING_TAG) {
    k = named[code - STRING_TAG];
    if (k === 0) named[code - STRING_TAG] = n + 1;
  } else {
    k = large.get(code) ?? 0;
    if (k === 0) large.set(code, n + 1);
  }
  return k !== 0 ? k - 1 : n;
}

/** `a`, or a copy at least `length` long (doubling). */
function atLeast(a: Uint32Array, length: number): Uint32Array {
  if (a.length >= length) return a;
  const bigger = new Uint32Array(Math.max(2 * a.length, length));
  bigger.set(a);
  return bigger;
}

/**
 * Node ids of a file with string ids, made when asked for: one from the pool's bytes (id), or every
 * one at once (all: each integer id converted once, the string ids decoded together), from which
 * the index of ids is made. Commands on a large graph mostly name a handful of nodes; making the
 * 3M-edge list's 300k strings, and collecting them, was about 30 ms of its load.
 */
function textIds(codes: Uint32Array, texts: IdTexts): { table: NodeIds; all: () => string[] } {
  let ids: string[] | null = null;
  const all = (): string[] => {
    if (ids) return ids;
    const strings = texts.all();
    const made = new Array<string>(codes.length);
    for (let u = 0; u < codes.length; u++) {
      const code = codes[u];
      made[u] = code < STRING_TAG ? String(code) : strings[code - STRING_TAG];
    }
    ids = made;
    return made;
  };
  let byId: NodeIds | null = null;
  const index = (text: string): number => {
    byId ??= arrayIds(all());
    return byId.index(text);
  };
  const id = (v: number): string => {
    if (ids) return ids[v];
    const code = codes[v];
    return code < STRING_TAG ? String(code) : texts.one(code - STRING_TAG);
  };
  return {
    table: { length: codes.length, id, index },
    all,
  };
}

// ---------------------------------------------------------------------------------------------
// Numbers in the value column.

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parse a decimal number from bytes; NaN when the text is not one. Plain decimals of at most 15
 * digits take the fast path: mantissa and 10^k are both exact doubles, so the one division is
 * correctly rounded and equals what Number() gives. Anything else goes through Number().
 */
function parseDecimal(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  const negative = buf[i] === 0x2d;
  if (negative || buf[i] === 0x2b) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1; // digits after the point, -1 before any point
  for (; i < e; i++) {
    const d = buf[i] - 48;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      if (fraction >= 0) fraction++;
    } else if (d === -2 && fraction < 0) {
      fraction = 0; // '.'
    } else {
      return slowDecimal(buf, s, e);
    }
  }
  if (digits === 0) return Number.NaN;
  if (digits > 15) return slowDecimal(buf, s, e);
  const v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
  return negative ? -v : v;
}

function slowDecimal(buf: Uint8Array, s: number, e: number): number {
  if (e - s > 64) return Number.NaN;
  let text = '';
  for (let i = s; i < e; i++) {
    if (buf[i] >= 0x80) return Number.NaN;
    text += String.fromCharCode(buf[i]);
  }
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

const looseDecoder = new TextDecoder('utf-8');

/** Text for messages: decoded leniently, control characters made visible, cut to a sane length. */
function shown(buf: Uint8Array, s: number, e: number): string {
  const text = looseDecoder.decode(buf.subarray(s, Math.min(e, s + 200)));
  const cut = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return JSON.stringify(cut);
}

// ---------------------------------------------------------------------------------------------
// The reader.

/** A first line that may be a header; decided once the whole file has been read. */
interface Candidate {
  kind: 'counts' | 'columns';
  line: number;
  text: string;
  columns: number;
  /** For 'counts': the second integer, which must equal the number of remaining data lines. */
  count: number;
  /** For 'counts': the first integer, the announced number of nodes. */
  nodes: number;
  /** Whether the line was interned as record 0 (header 'auto'), so it must be removed if confirmed. */
  interned: boolean;
  /** The raw third column, validated only if the line turns out to be an edge. */
  valueText: string | null;
}

/**
 * The records another reader read from some line on (a split load: see EdgeListReader.mark,
 * part and append). String ids are coded STRING_TAG + an ordinal into pool/starts.
 */
export interface EdgeListPart {
  count: number;
  src: Uint32Array;
  dst: Uint32Array;
  values: Float64Array | null;
  dataLines: number;
  skippedLines: number;
  stringEndpoints: number;
  allOnes: boolean;
  maxSmall: number;
  pool: Uint8Array;
  starts: Int32Array;
  /** How the lines were read, which must be how the appending reader reads them. */
  delimiter: string;
  columns: number;
}

/**
 * Reads an edge list block by block: feed() takes whole lines (a block may end without a line
 * feed only at the end of the file), finish() compiles the graph. Lines never span blocks, so the
 * scanners below work on one block at a time exactly as on a whole file.
 */
export class EdgeListReader {
  /** The block being read. */
  private bytes: Uint8Array = new Uint8Array(0);
  private readonly o: EdgeListOptions;
  private readonly maxEdges: number;
  private blocks = 0;
  /** Number of the next line to read (1-based), across blocks. */
  private nextLine = 1;
  private readonly strings: StringIds;
  /** Largest integer id below DIRECT_LIMIT, which sizes the direct table. */
  private maxSmall = 0;
  private cls = classTable('whitespace');
  private delimiter: Delimiter | null = null;
  /**
   * The compiled integer fast path for the delimiter, once wanted; null without WebAssembly or
   * for a small input (COMPILED_SCAN_MIN_BYTES).
   */
  private pairScanner: IntegerPairScanner | null | undefined;
  /** The compiled loop of scanPairs, likewise (string-pairs-wasm.ts). */
  private stringScanner: StringPairScanner | null | undefined;

  // Cursor and the current line's fields (at most 3 are kept; more is an error anyway).
  private pos = 0;
  private line = 1;
  private readonly fieldStart = new Int32Array(3);
  private readonly fieldEnd = new Int32Array(3);
  /** Canonical integer value of the field, or -1. */
  private readonly fieldInt = new Int32Array(3);
  /** 1 when the field's bytes are in `quoted` (an unescaped quoted field), else in `bytes`. */
  private readonly fieldQuoted = new Uint8Array(3);
  private quoted = new Uint8Array(256);
  private quotedLength = 0;
  /** The previous unquoted string id of columns 1 and 2 (see sameAsLast). */
  private readonly lastStart = new Int32Array(2).fill(-1);
  private readonly lastEnd = new Int32Array(2);
  private readonly lastOrdinal = new Int32Array(2);
  /** Where scanPairs stores each queued id: record index and column (0 or 1). */
  private readonly pendingAt = new Uint32Array(QUEUE);
  private readonly pendingColumn = new Uint8Array(QUEUE);
  private readonly pendingLine = new Int32Array(QUEUE);

  // Records, grown by doubling.
  private src: Uint32Array;
  private dst: Uint32Array;
  private values: Float64Array | null = null;
  private count = 0;

  // Line bookkeeping.
  private columns = 0;
  private columnsLine = 0;
  private dataLines = 0;
  private skippedLines = 0;
  private stringEndpoints = 0;
  private allOnes = true;
  private candidate: Candidate | null = null;
  private header: LoadReport['header'] = null;
  /** Counts when mark() was called (a reader reading the tail of a file for another). */
  private base: { count: number; dataLines: number; skippedLines: number; stringEndpoints: number } | null =
    null;

  constructor(options: EdgeListOptions) {
    this.o = options;
    this.maxEdges = options.maxEdges ?? DEFAULT_MAX_EDGES;
    // Numeric edge lines are rarely shorter than 12 bytes; one doubling at most for most files.
    const hint = options.sizeHint ?? 1 << 20;
    const guess = Math.min(1 << 25, this.maxEdges, Math.max(1024, Math.ceil(hint / 12)));
    this.src = new Uint32Array(guess);
    this.dst = new Uint32Array(guess);
    this.strings = new StringIds(Math.floor((options.sizeHint ?? 0) / BYTES_PER_ID));
  }

  /**
   * Whether the reader knows how every further data line is read (delimiter and columns), so the
   * lines after some point can be read by another reader: see mark().
   */
  get settled(): boolean {
    return this.delimiter !== null && this.columns !== 0;
  }

  /**
   * Start a part: the lines fed from now on (typically from a line start far into the file) are
   * what part() returns. The reader must be settled, having read the start of the same file.
   */
  mark(): void {
    this.base = {
      count: this.count,
      dataLines: this.dataLines,
      skippedLines: this.skippedLines,
      stringEndpoints: this.stringEndpoints,
    };
    this.allOnes = true;
  }

  /**
   * The records and counts of the lines fed since mark(), for append() by another reader. The
   * arrays are views of the reader's own: feed no more lines after taking them.
   */
  part(): EdgeListPart {
    const base = this.base;
    if (!base || this.delimiter === null) throw new Error('EdgeListReader.part() before mark()');
    const { pool, starts } = this.strings.bytes();
    // Views, not copies: a copy is as much fresh memory again, and the arrays are handed over.
    return {
      count: this.count - base.count,
      src: this.src.subarray(base.count, this.count),
      dst: this.dst.subarray(base.count, this.count),
      values: this.values ? this.values.subarray(base.count, this.count) : null,
      dataLines: this.dataLines - base.dataLines,
      skippedLines: this.skippedLines - base.skippedLines,
      stringEndpoints: this.stringEndpoints - base.stringEndpoints,
      allOnes: this.allOnes,
      maxSmall: this.maxSmall,
      pool,
      starts,
      delimiter: this.delimiter,
      columns: this.columns,
    };
  }

  /**
   * Add the records of the lines that follow those fed so far, read by another reader (part()).
   * Returns false, changing nothing, when they cannot be taken as they are: read another way, or
   * past the limit on edges, whose error names a line only reading them here can find.
   */
  append(part: EdgeListPart): boolean {
    const header = this.candidate?.interned ? 1 : 0;
    if (
      !this.settled ||
      part.delimiter !== this.delimiter ||
      part.columns !== this.columns ||
      (part.values !== null) !== (this.values !== null) ||
      this.count + part.count - header > this.maxEdges
    )
      return false;
    // The part's string ids, in this reader's numbering.
    const strings = this.strings;
    const ordinals = new Uint32Array(part.starts.length - 1);
    for (let o = 0; o < ordinals.length; ) {
      const first = o;
      let queued = 0;
      for (; o < ordinals.length && queued < QUEUE; o++) {
        const s = part.starts[o];
        const e = part.starts[o + 1];
        queued = strings.queue(s, e, hashBytes(part.pool, s, e));
      }
      strings.resolve(part.pool);
      for (let q = 0; q < queued; q++) ordinals[first + q] = STRING_TAG + strings.resolved[q];
    }
    const need = this.count + part.count;
    if (need > this.src.length) {
      const src = new Uint32Array(need);
      src.set(this.src.subarray(0, this.count));
      this.src = src;
      const dst = new Uint32Array(need);
      dst.set(this.dst.subarray(0, this.count));
      this.dst = dst;
      if (this.values) {
        const values = new Float64Array(need);
        values.set(this.values.subarray(0, this.count));
        this.values = values;
      }
    }
    const { src, dst } = this;
    for (let i = 0, k = this.count; i < part.count; i++, k++) {
      const a = part.src[i];
      src[k] = a < STRING_TAG ? a : ordinals[a - STRING_TAG];
      const b = part.dst[i];
      dst[k] = b < STRING_TAG ? b : ordinals[b - STRING_TAG];
    }
    if (this.values && part.values) this.values.set(part.values, this.count);
    this.count = need;
    this.dataLines += part.dataLines;
    this.skippedLines += part.skippedLines;
    this.stringEndpoints += part.stringEndpoints;
    this.allOnes &&= part.allOnes;
    this.maxSmall = Math.max(this.maxSmall, part.maxSmall);
    return true;
  }

  /** The line the reader is at: after feeding whole lines, the number of the next one. */
  get atLine(): number {
    return this.nextLine;
  }

  /** Read whole lines (see the class comment); throws a LoadError at the first bad line. */
  feed(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.lastStart.fill(-1); // positions of the previous block mean nothing in this one
    this.scanFile(this.blocks++ === 0);
  }

  /**
   * Read the lines of two canonical integer ids at the start of `bytes` (whole lines, as for
   * feed()), when the file's lines are known to have two columns; returns the number of bytes
   * taken, 0 when none. What it takes is ASCII digits, spaces, tabs, CRs, line feeds and the
   * delimiter, so it needs no text check: loadGraph checks only the rest of a block.
   */
  takeIntegerLines(bytes: Uint8Array): number {
    if (this.columns !== 2) return 0;
    this.bytes = bytes;
    this.lastStart.fill(-1);
    const taken = this.scanIntegerPairs(0, this.nextLine);
    this.nextLine = this.line;
    return taken;
  }

  /** Settle the header and compile the graph once every line has been fed. */
  finish(): LoadedGraph {
    this.settleCandidate();
    if (this.count === 0) throw this.noEdges();
    const codes = numberNodes(this.src, this.dst, this.count, this.strings.count, this.maxSmall);
    const valueKind = this.values ? (this.o.edgeValues as 'probability' | 'weight') : null;
    const compiled = compileCsr(
      {
        n: codes.length,
        count: this.count,
        src: this.src,
        dst: this.dst,
        values: this.values,
        valueKind,
        reuse: true, // src and dst are not read again
      },
      this.o.direction,
    );
    const warnings: string[] = [];
    if (valueKind === 'probability' && this.allOnes) warnings.push(allOnesWarning('value in column 3'));
    const c = this.candidate;
    if (c && this.header?.kind === 'counts' && c.nodes !== codes.length) {
      warnings.push(`the header line announces ${c.nodes} nodes but the edges name ${codes.length}`);
    }
    const graph: Omit<LoadedGraph, 'ids'> = {
      csr: compiled.csr,
      labels: null,
      positions: null,
      report: {
        file: this.o.file,
        format: 'edgelist',
        gzip: this.o.gzip,
        direction: this.o.direction,
        selfLoops: compiled.selfLoops,
        duplicateEdges: compiled.duplicateEdges,
        edges: compiled.edges,
        header: this.header,
        edgeLines: this.dataLines - (this.header ? 1 : 0),
        skippedLines: this.skippedLines,
        warnings,
      },
    };
    // Ids stay codes and bytes until a string is asked for (node-ids.ts): making a million integer
    // ids' strings, and collecting them, was about 85 ms of a 10M-edge load.
    if (this.strings.count === 0) return lazyIds(graph, integerIds(codes));
    const { table, all } = textIds(codes, this.strings.idTexts());
    return lazyIds(graph, table, all);
  }

  private tooManyEdges(): LoadError {
    return new LoadError(
      this.o.file,
      'edgelist',
      `more than ${this.maxEdges.toLocaleString('en-US')} edge lines, the limit on edges read (before merging duplicates); if the graph really is this large, raise it with --max-edges N (load option maxEdges)`,
      { line: this.line },
    );
  }

  private fail(line: number, problem: string): LoadError {
    return new LoadError(this.o.file, 'edgelist', problem, { line });
  }

  private noEdges(): LoadError {
    const seen = this.header
      ? `only a header line${this.skippedLines ? ' and comment/blank lines' : ''}`
      : 'only comment or blank lines';
    return new LoadError(
      this.o.file,
      'edgelist',
      `no edges: the file has ${seen}; expected lines ${EDGE_LINE_SHAPE}`,
    );
  }

  /** Walk the block line by line; comment and blank lines are skipped without looking further. */
  private scanFile(first: boolean): void {
    const bytes = this.bytes;
    const len = bytes.length;
    let p = first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    let line = this.nextLine;
    while (p < len) {
      let b = bytes[p];
      while (b === 0x20 || b === 0x09 || b === 0x0d) {
        if (++p === len) break;
        b = bytes[p];
      }
      if (p === len) {
        this.skippedLines++; // a last line of only spaces
        break;
      }
      if (b === 0x0a) {
        this.skippedLines++;
        line++;
        p++;
        continue;
      }
      if (b === 0x23 || b === 0x25) {
        this.skippedLines++;
        const nl = bytes.indexOf(0x0a, p);
        if (nl < 0) break;
        p = nl + 1;
        line++;
        continue;
      }
      if (this.delimiter === null) {
        this.delimiter = detectDelimiter(bytes, p);
        this.cls = classTable(this.delimiter);
      }
      this.pos = p;
      this.line = line;
      const fields = this.delimiter === 'whitespace' ? this.scanSpaced() : this.scanDelimited();
      this.dataLine(fields, p);
      p = this.pos;
      if (p > 0 && bytes[p - 1] === 0x0a) line++;
      if (this.columns === 2 && p < len) {
        p = this.scanIntegerPairs(p, line);
        line = this.line;
        if (p < len) {
          p = this.scanAnyPairs(p, line);
          line = this.line;
        }
      }
    }
    this.nextLine = line;
  }

  /**
   * The fastest path, for files of integer ids: consecutive lines of exactly two canonical
   * integer ids, read and stored in one tight loop with no per-line call (scanPairs does the same
   * for any ids, at about 15% more time per integer line). It stops at the first
   * line of any other shape (a comment, a string id, a quote, a stray byte, a third column...)
   * and hands that line back to the general path, so every line it accepts is read exactly as
   * scanSpaced/scanDelimited + dataLine would read it. Returns the position of the first line
   * not taken and leaves that line's number in `line`.
   */
  private scanIntegerPairs(from: number, firstLine: number): number {
    // A few lines here first: a call into the compiled loop pays off over a run of lines only.
    const before = this.count;
    let p = this.scanIntegerPairsUpTo(from, firstLine, LEAD_LINES);
    if (this.count - before < LEAD_LINES || p === this.bytes.length) return p;
    if (this.pairScanner === undefined && this.delimiter !== null)
      this.pairScanner =
        (this.o.sizeHint ?? Number.POSITIVE_INFINITY) >= COMPILED_SCAN_MIN_BYTES
          ? integerPairScanner(this.delimiter, DIRECT_LIMIT)
          : null;
    if (this.pairScanner) p = this.scanCompiledIntegerPairs(this.pairScanner, p, this.line);
    // The JS loop reads on from the line the compiled one stopped at (and stops there too, unless
    // the compiled loop stopped at the limit on edges).
    return this.scanIntegerPairsUpTo(p, this.line, Number.POSITIVE_INFINITY);
  }

  /** scanIntegerPairs's JS loop, taking at most `lines` lines. */
  private scanIntegerPairsUpTo(from: number, firstLine: number, lines: number): number {
    const bytes = this.bytes;
    const len = bytes.length;
    // The separator between the ids: runs of spaces/tabs, or one delimiter byte (any number of
    // tabs when tabs delimit) with optional spaces/tabs around it.
    const sep = this.delimiter === 'comma' ? 0x2c : this.delimiter === 'semicolon' ? 0x3b : -1;
    const needTab = this.delimiter === 'tab';
    let src = this.src;
    let dst = this.dst;
    const before = this.count;
    let count = before;
    let maxSmall = this.maxSmall;
    let line = firstLine;
    let p = from;
    const stop = before + lines;
    while (p < len && count < stop) {
      const start = p;
      // First id.
      let b = bytes[p];
      const lead1 = b;
      let a = 0;
      while (b >= 0x30 && b <= 0x39) {
        a = a * 10 + (b - 0x30);
        b = bytes[++p];
      }
      let digits = p - start;
      if (digits === 0 || digits > 10 || (lead1 === 0x30 && digits > 1) || a > MAX_CANONICAL) break;
      // Separator.
      const sepStart = p;
      let tabs = 0;
      while (b === 0x20 || b === 0x09) {
        if (b === 0x09) tabs++;
        b = bytes[++p];
      }
      if (sep >= 0) {
        if (b !== sep) break;
        b = bytes[++p];
        while (b === 0x20 || b === 0x09) b = bytes[++p];
      } else if (p === sepStart || (needTab && tabs === 0)) {
        break;
      }
      // Second id.
      const s2 = p;
      const lead2 = b;
      let c = 0;
      while (b >= 0x30 && b <= 0x39) {
        c = c * 10 + (b - 0x30);
        b = bytes[++p];
      }
      digits = p - s2;
      if (digits === 0 || digits > 10 || (lead2 === 0x30 && digits > 1) || c > MAX_CANONICAL) break;
      // End of line: trailing spaces, tabs or CR, then a newline or the end of the file.
      while (b === 0x20 || b === 0x09 || b === 0x0d) b = bytes[++p];
      if (p < len && b !== 0x0a) break;
      if (count === src.length) {
        this.count = count;
        this.line = line;
        this.grow();
        src = this.src;
        dst = this.dst;
      }
      src[count] = a;
      dst[count] = c;
      count++;
      if (a > maxSmall && a < DIRECT_LIMIT) maxSmall = a;
      if (c > maxSmall && c < DIRECT_LIMIT) maxSmall = c;
      if (p < len) {
        p++;
        line++;
      }
      from = p;
    }
    this.dataLines += count - before;
    this.count = count;
    this.maxSmall = maxSmall;
    this.line = line;
    return from;
  }

  /**
   * scanIntegerPairs's loop compiled to WebAssembly (integer-pairs-wasm.ts), a window of whole
   * lines at a time; the same lines, records and counts. Stops at the first line it does not take,
   * at the limit on edges, or at a line longer than a window; returns where, with `line` set.
   */
  private scanCompiledIntegerPairs(scanner: IntegerPairScanner, from: number, firstLine: number): number {
    const bytes = this.bytes;
    const len = bytes.length;
    const before = this.count;
    let count = before;
    let maxSmall = this.maxSmall;
    let line = firstLine;
    let p = from;
    // Windows start small and double while the lines are all taken: the bytes are copied into
    // the module's memory, and a file that leaves the loop at every few lines must not pay for
    // copying a whole window each time.
    let size = FIRST_WINDOW;
    while (p < len) {
      if (count === this.src.length) {
        // Full. At the limit on edges the JS loop reads on: it fails only if an edge line follows.
        this.count = count;
        if (this.atEdgeLimit()) break;
        this.grow();
      }
      const to = len - p <= size ? len : bytes.lastIndexOf(0x0a, p + size - 1) + 1;
      if (to <= p) {
        if (size === WINDOW) break; // a line longer than a window
        size *= 2;
        continue;
      }
      const scan = scanner.scan(bytes, p, to, this.src.length - count, maxSmall);
      const records = scan.records;
      if (records > 0) {
        this.src.set(scanner.src.subarray(0, records), count);
        this.dst.set(scanner.dst.subarray(0, records), count);
        count += records;
        maxSmall = scan.maxSmall;
        // One line each, less the last line of the block when it has no line feed.
        line += scan.end === len && bytes[len - 1] !== 0x0a ? records - 1 : records;
      }
      p = scan.end;
      if (p < to && count < this.src.length) break;
      size = Math.min(2 * size, WINDOW);
    }
    this.dataLines += count - before;
    this.count = count;
    this.maxSmall = maxSmall;
    this.line = line;
    return p;
  }

  /**
   * Lines of any two unquoted ids: the compiled loop first (string-pairs-wasm.ts), for a large
   * input, then scanPairs from the line it stopped at. Returns the position of the first line not
   * taken and leaves that line's number in `line`.
   */
  private scanAnyPairs(from: number, firstLine: number): number {
    if (this.stringScanner === undefined && this.delimiter !== null) {
      this.stringScanner =
        (this.o.sizeHint ?? Number.POSITIVE_INFINITY) >= COMPILED_SCAN_MIN_BYTES
          ? stringPairScanner(this.delimiter, this.cls, this.strings.grownSlots)
          : null;
      if (this.stringScanner) this.strings.handTo(this.stringScanner.table);
    }
    if (!this.stringScanner) return this.scanPairs(from, firstLine);
    const p = this.scanCompiledPairs(this.stringScanner, from, firstLine);
    return p < this.bytes.length ? this.scanPairs(p, this.line) : p;
  }

  /**
   * scanPairs with its scanning and interning compiled (string-pairs-wasm.ts), a window of whole
   * lines at a time: the same lines, records, counts and ordinals.
   * Stops at the first line it does not take, when the record arrays are full, or at a line longer
   * than a window; returns where, with `line` set.
   */
  private scanCompiledPairs(scanner: StringPairScanner, from: number, firstLine: number): number {
    const bytes = this.bytes;
    const len = bytes.length;
    const strings = this.strings;
    const src = this.src;
    const dst = this.dst;
    const capacity = src.length;
    const before = this.count;
    let count = before;
    let maxSmall = this.maxSmall;
    let stringEndpoints = 0;
    let line = firstLine;
    let p = from;
    // Windows start small and double while the lines are all taken (see scanCompiledIntegerPairs).
    let size = FIRST_WINDOW;
    while (p < len && count < capacity) {
      const to = len - p <= size ? len : bytes.lastIndexOf(0x0a, p + size - 1) + 1;
      if (to <= p) {
        if (size === WINDOW) break; // a line longer than a window
        size *= 2;
        continue;
      }
      const end = scanner.scan(bytes, p, to, capacity - count);
      const taken = scanner.count;
      const records = scanner.records;
      for (let r = 0; r < taken; r++) {
        // Each id: its start (-1 for a canonical integer), its end (or value), its ordinal, and
        // whether it is new and not ASCII.
        for (let column = 0; column < 2; column++) {
          const at = r * RECORD + column * (RECORD / 2);
          const out = column === 0 ? src : dst;
          if (records[at] < 0) {
            const v = records[at + 1];
            out[count] = v;
            if (v > maxSmall && v < DIRECT_LIMIT) maxSmall = v;
            continue;
          }
          if (records[at + 3] !== 0 && !strings.addedNonAscii(bytes, p + records[at], p + records[at + 1])) {
            throw this.fail(
              line,
              `node id in column ${column + 1} is not valid UTF-8 text; this does not look like a text edge list`,
            );
          }
          out[count] = STRING_TAG + records[at + 2];
          stringEndpoints++;
        }
        count++;
        line++;
      }
      // The last line of the block may have no line feed.
      if (taken > 0 && end === len && bytes[len - 1] !== 0x0a) line--;
      p = end;
      if (p < to) break;
      size = Math.min(2 * size, WINDOW);
    }
    this.dataLines += count - before;
    this.stringEndpoints += stringEndpoints;
    this.count = count;
    this.maxSmall = maxSmall;
    this.line = line;
    return p;
  }

  /**
   * The fast path for the bulk of a large file: consecutive lines of exactly two unquoted ids,
   * read and stored in one tight loop with no per-line call. Canonical integers are stored as they
   * are; other ids are hashed on the way (hashBytes, computed while the bytes are scanned, not in
   * a second pass) and queued for interning in batches (see StringIds). It stops at the first
   * line of any other shape (a comment, a quote, a stray byte, a third column...) and hands that
   * line back to the general path, so every line it accepts is read exactly as
   * scanSpaced/scanDelimited + dataLine would read it. Returns the position of the first line not
   * taken and leaves that line's number in `line`.
   */
  private scanPairs(from: number, firstLine: number): number {
    const bytes = this.bytes;
    const cls = this.cls;
    const len = bytes.length;
    // The separator between the ids: runs of spaces/tabs, or one delimiter byte (any number of
    // tabs when tabs delimit) with optional spaces/tabs around it.
    const sep = this.delimiter === 'comma' ? 0x2c : this.delimiter === 'semicolon' ? 0x3b : -1;
    const needTab = this.delimiter === 'tab';
    const strings = this.strings;
    const pendingAt = this.pendingAt;
    const pendingColumn = this.pendingColumn;
    const pendingLine = this.pendingLine;
    let pending = 0;
    const src = this.src;
    const dst = this.dst;
    const capacity = src.length;
    const before = this.count;
    let count = before;
    let maxSmall = this.maxSmall;
    let stringEndpoints = 0;
    let line = firstLine;
    let p = from;
    while (p < len && count < capacity) {
      // First id: a byte that starts a field (not a comment mark), then id bytes. Past the end
      // of the block, bytes[p] is undefined, which ends every loop below.
      let b = bytes[p];
      if (cls[b] !== TOKEN || b === 0x23 || b === 0x25) break;
      // Digits first: an integer id ends there. Anything else makes it a string id.
      const s1 = p;
      let a = 0;
      let h1 = FNV_OFFSET; // hashBytes of the id, on the way
      while (b >= 0x30 && b <= 0x39) {
        a = a * 10 + (b - 0x30);
        h1 = Math.imul(h1 ^ b, FNV_PRIME);
        b = bytes[++p];
      }
      let int1 = false;
      if (p === len || (cls[b] !== TOKEN && cls[b] !== QUOTE)) {
        const digits = p - s1;
        int1 = digits === 1 || (digits <= 10 && bytes[s1] !== 0x30 && a <= MAX_CANONICAL);
      } else {
        do {
          h1 = Math.imul(h1 ^ b, FNV_PRIME);
          b = bytes[++p];
        } while (p < len && (cls[b] === TOKEN || cls[b] === QUOTE));
      }
      const e1 = p;
      // Separator.
      const sepStart = p;
      let tabs = 0;
      while (b === 0x20 || b === 0x09) {
        if (b === 0x09) tabs++;
        b = bytes[++p];
      }
      if (sep >= 0) {
        if (b !== sep) break;
        b = bytes[++p];
        while (b === 0x20 || b === 0x09) b = bytes[++p];
      } else if (p === sepStart || (needTab && tabs === 0)) {
        break;
      }
      // Second id.
      if (p === len || cls[b] !== TOKEN) break;
      const s2 = p;
      let c = 0;
      let h2 = FNV_OFFSET;
      while (b >= 0x30 && b <= 0x39) {
        c = c * 10 + (b - 0x30);
        h2 = Math.imul(h2 ^ b, FNV_PRIME);
        b = bytes[++p];
      }
      let int2 = false;
      if (p === len || (cls[b] !== TOKEN && cls[b] !== QUOTE)) {
        const digits = p - s2;
        int2 = digits === 1 || (digits <= 10 && bytes[s2] !== 0x30 && c <= MAX_CANONICAL);
      } else {
        do {
          h2 = Math.imul(h2 ^ b, FNV_PRIME);
          b = bytes[++p];
        } while (p < len && (cls[b] === TOKEN || cls[b] === QUOTE));
      }
      const e2 = p;
      // End of line: trailing spaces, tabs or CR, then a newline or the end of the block.
      while (b === 0x20 || b === 0x09 || b === 0x0d) b = bytes[++p];
      if (p < len && b !== 0x0a) break;
      // The line is taken.
      if (int1) {
        src[count] = a;
        if (a > maxSmall && a < DIRECT_LIMIT) maxSmall = a;
      } else {
        pendingAt[pending] = count;
        pendingColumn[pending] = 0;
        pendingLine[pending] = line;
        stringEndpoints++;
        pending = strings.queue(s1, e1, finishHash(h1));
      }
      if (int2) {
        dst[count] = c;
        if (c > maxSmall && c < DIRECT_LIMIT) maxSmall = c;
      } else {
        pendingAt[pending] = count;
        pendingColumn[pending] = 1;
        pendingLine[pending] = line;
        stringEndpoints++;
        pending = strings.queue(s2, e2, finishHash(h2));
      }
      count++;
      if (pending >= QUEUE - 1) pending = this.resolvePending(pending);
      if (p < len) {
        p++;
        line++;
      }
      from = p;
    }
    if (pending > 0) this.resolvePending(pending);
    this.dataLines += count - before;
    this.stringEndpoints += stringEndpoints;
    this.count = count;
    this.maxSmall = maxSmall;
    this.line = line;
    return from;
  }

  /** Intern the ids queued by scanPairs and store their codes; 0 (the queue is empty). */
  private resolvePending(pending: number): number {
    const strings = this.strings;
    strings.resolve(this.bytes);
    const resolved = strings.resolved;
    for (let q = 0; q < pending; q++) {
      const ordinal = resolved[q];
      const column = this.pendingColumn[q];
      if (ordinal < 0) {
        throw this.fail(
          this.pendingLine[q],
          `node id in column ${column + 1} is not valid UTF-8 text; this does not look like a text edge list`,
        );
      }
      (column === 0 ? this.src : this.dst)[this.pendingAt[q]] = STRING_TAG + ordinal;
    }
    return 0;
  }

  /**
   * Fields of a line separated by runs of spaces/tabs. Leaves `pos` after the newline (or at the
   * end) and returns the number of fields.
   */
  private scanSpaced(): number {
    const bytes = this.bytes;
    const cls = this.cls;
    const len = bytes.length;
    let p = this.pos;
    let n = 0;
    this.quotedLength = 0;
    for (;;) {
      let k = SPACE;
      for (; p < len; p++) {
        k = cls[bytes[p]];
        if (k !== SPACE) break;
      }
      if (p === len) break;
      if (k === NEWLINE) {
        p++;
        break;
      }
      if (k === CONTROL) throw this.controlByte(p);
      if (k === QUOTE) {
        p = this.scanQuoted(p, n);
        if (p < len && cls[bytes[p]] !== SPACE && cls[bytes[p]] !== NEWLINE) throw this.afterQuote(p);
      } else {
        // Unquoted field: accumulate its integer value on the way.
        const s = p;
        let v = 0;
        let digits = true;
        for (; p < len; p++) {
          const b = bytes[p];
          k = cls[b];
          if (k !== TOKEN && k !== QUOTE) break;
          const d = b - 48;
          if (d >= 0 && d <= 9) v = v * 10 + d;
          else digits = false;
        }
        if (p < len && k === CONTROL) throw this.controlByte(p);
        if (n < 3) this.keepField(n, s, p, digits, v);
      }
      n++;
    }
    this.pos = p;
    return n;
  }

  /**
   * Fields of a line separated by one delimiter (comma, semicolon) or runs of tabs; spaces around
   * a field are trimmed and spaces inside it are part of the id.
   */
  private scanDelimited(): number {
    const bytes = this.bytes;
    const cls = this.cls;
    const len = bytes.length;
    const collapse = this.delimiter === 'tab';
    let p = this.pos;
    let n = 0;
    let wantField = true; // at line start, or right after a delimiter
    let afterDelimiter = false;
    this.quotedLength = 0;
    for (;;) {
      let k = SPACE;
      for (; p < len; p++) {
        k = cls[bytes[p]];
        if (k !== SPACE) break;
      }
      if (p === len || k === NEWLINE) {
        if (afterDelimiter && !collapse) throw this.emptyField(n + 1);
        if (p < len) p++;
        break;
      }
      if (k === DELIM) {
        if (wantField && !collapse) throw this.emptyField(n + 1);
        wantField = true;
        afterDelimiter = true;
        p++;
        continue;
      }
      if (k === CONTROL) throw this.controlByte(p);
      if (k === QUOTE) {
        p = this.scanQuoted(p, n);
        while (p < len && cls[bytes[p]] === SPACE) p++;
        if (p < len && cls[bytes[p]] !== DELIM && cls[bytes[p]] !== NEWLINE) throw this.afterQuote(p);
      } else {
        // Runs of id bytes, joined by inner spaces ("Ann Lee"); trailing spaces are not part of it.
        const s = p;
        let e = p;
        let v = 0;
        let digits = true;
        for (;;) {
          for (; p < len; p++) {
            const b = bytes[p];
            k = cls[b];
            if (k !== TOKEN && k !== QUOTE) break;
            const d = b - 48;
            if (d >= 0 && d <= 9) v = v * 10 + d;
            else digits = false;
          }
          e = p;
          if (p === len || k !== SPACE) break;
          while (p < len && cls[bytes[p]] === SPACE) p++;
          if (p === len) break;
          k = cls[bytes[p]];
          if (k !== TOKEN && k !== QUOTE) break;
          digits = false; // "1 2" is one id, and not an integer
        }
        if (p < len && k === CONTROL) throw this.controlByte(p);
        if (n < 3) this.keepField(n, s, e, digits, v);
      }
      n++;
      wantField = false;
      afterDelimiter = false;
    }
    this.pos = p;
    return n;
  }

  /** Record field n (bytes [s,e) of the file); its integer value if its text is canonical. */
  private keepField(n: number, s: number, e: number, digits: boolean, v: number): void {
    this.fieldStart[n] = s;
    this.fieldEnd[n] = e;
    this.fieldQuoted[n] = 0;
    const length = e - s;
    const canonical =
      digits && length <= 10 && (length === 1 || this.bytes[s] !== 0x30) && v <= MAX_CANONICAL;
    this.fieldInt[n] = canonical ? v : -1;
  }

  /**
   * A double-quoted field starting at p (the slow path): `""` is a literal quote, and a field
   * may not run past the end of its line. Its unescaped bytes go to `quoted`. Returns the
   * position after the closing quote.
   */
  private scanQuoted(p: number, n: number): number {
    const bytes = this.bytes;
    const len = bytes.length;
    const s = this.quotedLength;
    let q = p + 1;
    for (;;) {
      if (q >= len || bytes[q] === 0x0a) {
        throw this.fail(
          this.line,
          'a quoted field is not closed before the end of the line; expected a closing "',
        );
      }
      const b = bytes[q];
      if (b === 0x22) {
        if (bytes[q + 1] !== 0x22) break;
        q++; // "" stands for one "
      } else if (b < 0x20 && b !== 0x09 && b !== 0x0d) {
        throw this.controlByte(q);
      }
      this.pushQuoted(b);
      q++;
    }
    if (n < 3) {
      const e = this.quotedLength;
      let v = 0;
      let digits = e > s;
      for (let i = s; i < e && digits; i++) {
        const d = this.quoted[i] - 48;
        if (d >= 0 && d <= 9) v = v * 10 + d;
        else digits = false;
      }
      const length = e - s;
      const canonical =
        digits && length <= 10 && (length === 1 || this.quoted[s] !== 0x30) && v <= MAX_CANONICAL;
      this.fieldStart[n] = s;
      this.fieldEnd[n] = e;
      this.fieldQuoted[n] = 1;
      this.fieldInt[n] = canonical ? v : -1;
    }
    return q + 1;
  }

  private pushQuoted(b: number): void {
    if (this.quotedLength === this.quoted.length) {
      const bigger = new Uint8Array(this.quoted.length * 2);
      bigger.set(this.quoted);
      this.quoted = bigger;
    }
    this.quoted[this.quotedLength++] = b;
  }

  private controlByte(p: number): LoadError {
    const b = this.bytes[p];
    const what = b === 0 ? 'a NUL byte' : `control byte 0x${b.toString(16).padStart(2, '0')}`;
    return this.fail(this.line, `${what} in the line; a text edge list has only ${EDGE_LINE_SHAPE} lines`);
  }

  private afterQuote(p: number): LoadError {
    return this.fail(
      this.line,
      `unexpected ${shown(this.bytes, p, p + 1)} after a closing quote; expected a delimiter or the end of the line`,
    );
  }

  private emptyField(column: number): LoadError {
    return this.fail(this.line, `column ${column} is empty; expected ${EDGE_LINE_SHAPE}`);
  }

  private fieldBuffer(i: number): Uint8Array {
    return this.fieldQuoted[i] ? this.quoted : this.bytes;
  }

  private fieldText(i: number): string {
    return looseDecoder.decode(this.fieldBuffer(i).subarray(this.fieldStart[i], this.fieldEnd[i]));
  }

  /** Handle one data line whose fields were just scanned; lineStart is its first byte. */
  private dataLine(fields: number, lineStart: number): void {
    const line = this.line;
    this.dataLines++;
    if (this.dataLines === 1 && this.o.header === 'yes') {
      this.givenHeader(fields, lineStart);
      return;
    }
    if (fields > 3) {
      throw this.fail(
        line,
        `${fields} columns; expected ${EDGE_LINE_SHAPE} (two node ids and an optional value)`,
      );
    }
    if (fields === 1) {
      throw this.fail(
        line,
        `only one column (${shown(this.fieldBuffer(0), this.fieldStart[0], this.fieldEnd[0])}); expected ${EDGE_LINE_SHAPE}: ${this.separatedBy()}`,
      );
    }
    if (this.dataLines === 1) {
      if (this.firstLine(fields, lineStart)) return;
    } else if (fields !== this.columns) {
      if (this.columns !== 0) {
        throw this.fail(
          line,
          `${fields} columns but line ${this.columnsLine} has ${this.columns}; every edge line needs the same columns ${EDGE_LINE_SHAPE}`,
        );
      }
      // Name the deferred first line as the reference when it agrees: it is the earliest.
      const c = this.candidate;
      this.setColumns(fields, c?.interned && c.columns === fields ? c.line : line);
    }
    this.addEdge(line, true);
  }

  /** How fields must be separated, as found on the first data line. */
  private separatedBy(): string {
    if (this.delimiter === 'whitespace') return 'two node ids separated by spaces or tabs';
    const name = this.delimiter === 'tab' ? 'tabs' : this.delimiter === 'comma' ? 'commas' : 'semicolons';
    return `two node ids separated by ${name}, like the first line of the file`;
  }

  private setColumns(fields: number, line: number): void {
    this.columns = fields;
    this.columnsLine = line;
    if (fields === 3 && this.o.edgeValues !== 'ignore') {
      this.values = new Float64Array(this.src.length);
      // A deferred first line (candidate header) may already be record 0; it gets its value later.
    }
  }

  /**
   * Decide what the first data line is. Returns true when it is certainly a header (not an
   * edge). A line that only may be a header is kept as record 0 and settled at the end.
   */
  private firstLine(fields: number, lineStart: number): boolean {
    const line = this.line;
    if (this.o.header === 'no') {
      this.setColumns(fields, line);
      return false;
    }
    const text = this.lineText(lineStart);
    const twoIntegers = fields === 2 && this.fieldInt[0] >= 0 && this.fieldInt[1] >= 0;
    if (this.isColumnNames()) {
      this.header = { line, text, kind: 'columns' };
      return true;
    }
    const nonNumeric = (i: number) =>
      this.fieldInt[i] < 0 &&
      Number.isNaN(parseDecimal(this.fieldBuffer(i), this.fieldStart[i], this.fieldEnd[i]));
    if (twoIntegers || (nonNumeric(0) && nonNumeric(1))) {
      this.candidate = this.newCandidate(twoIntegers ? 'counts' : 'columns', fields, text, true);
      this.addEdge(line, false);
      return true;
    }
    this.setColumns(fields, line);
    return false;
  }

  /** With header 'yes' the first line is a header whatever it holds; 'counts' if it fits the rule. */
  private givenHeader(fields: number, lineStart: number): void {
    const text = this.lineText(lineStart);
    this.header = { line: this.line, text, kind: 'columns' };
    if (fields === 2 && this.fieldInt[0] >= 0 && this.fieldInt[1] >= 0) {
      this.candidate = this.newCandidate('counts', fields, text, false);
    }
  }

  private lineText(lineStart: number): string {
    return looseDecoder.decode(this.bytes.subarray(lineStart, this.pos)).trim();
  }

  private newCandidate(kind: Candidate['kind'], fields: number, text: string, interned: boolean): Candidate {
    return {
      kind,
      line: this.line,
      text,
      columns: fields,
      count: this.fieldInt[1],
      nodes: this.fieldInt[0],
      interned,
      valueText: fields === 3 ? this.fieldText(2) : null,
    };
  }

  private isColumnNames(): boolean {
    return (
      COLUMN_NAMES.has(this.fieldText(0).toLowerCase()) && COLUMN_NAMES.has(this.fieldText(1).toLowerCase())
    );
  }

  /** Append the current line as a record; with checkValue false its value is left for later. */
  private addEdge(line: number, checkValue: boolean): void {
    const before = this.stringEndpoints;
    const a = this.endpoint(0, line);
    const b = this.endpoint(1, line);
    if (!checkValue) this.stringEndpoints = before; // the candidate line's own ids do not count
    const k = this.count;
    if (k === this.src.length) this.grow();
    this.src[k] = a;
    this.dst[k] = b;
    if (this.values && checkValue) this.values[k] = this.value(line);
    this.count = k + 1;
  }

  private endpoint(i: number, line: number): number {
    const v = this.fieldInt[i];
    if (v >= 0) {
      if (v > this.maxSmall && v < DIRECT_LIMIT) this.maxSmall = v;
      return v;
    }
    const s = this.fieldStart[i];
    const e = this.fieldEnd[i];
    if (s === e) throw this.fail(line, `node id in column ${i + 1} is empty; expected ${EDGE_LINE_SHAPE}`);
    this.stringEndpoints++;
    const quoted = this.fieldQuoted[i] === 1;
    if (!quoted && this.sameAsLast(i, s, e)) return STRING_TAG + this.lastOrdinal[i];
    const ordinal = this.strings.intern(this.fieldBuffer(i), s, e);
    if (ordinal < 0) {
      throw this.fail(
        line,
        `node id in column ${i + 1} is not valid UTF-8 text; this does not look like a text edge list`,
      );
    }
    if (!quoted) {
      this.lastStart[i] = s;
      this.lastEnd[i] = e;
      this.lastOrdinal[i] = ordinal;
    }
    return STRING_TAG + ordinal;
  }

  /**
   * Whether bytes [s,e) repeat the previous string id of column i. Files grouped by source repeat
   * it line after line, and comparing with bytes still in cache is much cheaper than a lookup in
   * a large hash table, where every probe is a cache miss.
   */
  private sameAsLast(i: number, s: number, e: number): boolean {
    const a = this.lastStart[i];
    if (a < 0 || this.lastEnd[i] - a !== e - s) return false;
    const bytes = this.bytes;
    for (let k = 0; k < e - s; k++) if (bytes[a + k] !== bytes[s + k]) return false;
    return true;
  }

  private value(line: number): number {
    const v = parseDecimal(this.fieldBuffer(2), this.fieldStart[2], this.fieldEnd[2]);
    this.checkValue(v, line, () => shown(this.fieldBuffer(2), this.fieldStart[2], this.fieldEnd[2]));
    return v;
  }

  private checkValue(v: number, line: number, text: () => string): void {
    const problem = edgeValueProblem(v, this.o.edgeValues as 'probability' | 'weight');
    if (problem) throw this.fail(line, `value ${text()} in column 3 ${problem}`);
    if (v !== 1) this.allOnes = false;
  }

  /** Whether the records read are as many as the limit on edges allows. */
  private atEdgeLimit(): boolean {
    // A deferred first line (a possible header) is a record too, but not an edge of the limit.
    return this.count - (this.candidate?.interned ? 1 : 0) >= this.maxEdges;
  }

  private grow(): void {
    if (this.atEdgeLimit()) throw this.tooManyEdges();
    const header = this.candidate?.interned ? 1 : 0;
    const size = Math.min(this.src.length * 2, this.maxEdges + header);
    const src = new Uint32Array(size);
    src.set(this.src);
    this.src = src;
    const dst = new Uint32Array(size);
    dst.set(this.dst);
    this.dst = dst;
    if (this.values) {
      const values = new Float64Array(size);
      values.set(this.values);
      this.values = values;
    }
  }

  /** Now that every line has been read, decide whether the first line was a header. */
  private settleCandidate(): void {
    const c = this.candidate;
    if (!c) return;
    const remaining = this.dataLines - 1;
    if (!c.interned) {
      // header 'yes': already a header; only its kind is open.
      if (c.kind === 'counts' && c.count === remaining && this.header) this.header.kind = 'counts';
      return;
    }
    const confirmed =
      c.kind === 'counts' ? c.count === remaining : remaining > 0 && this.stringEndpoints === 0;
    if (confirmed) {
      this.header = { line: c.line, text: c.text, kind: c.kind };
      this.dropFirstRecord();
      return;
    }
    // It was an edge after all: it must look like the others.
    if (this.columns !== 0 && c.columns !== this.columns) {
      throw this.fail(
        c.line,
        `${c.columns} columns but line ${this.columnsLine} has ${this.columns}; every edge line needs the same columns ${EDGE_LINE_SHAPE}`,
      );
    }
    if (this.columns === 0) this.setColumns(c.columns, c.line);
    if (this.values && c.valueText !== null) {
      const bytes = new TextEncoder().encode(c.valueText);
      const v = parseDecimal(bytes, 0, bytes.length);
      this.checkValue(v, c.line, () => JSON.stringify(c.valueText));
      this.values[0] = v;
    }
  }

  /** Forget record 0, a header line read as an edge; ids named only there never become nodes. */
  private dropFirstRecord(): void {
    this.src.copyWithin(0, 1, this.count);
    this.dst.copyWithin(0, 1, this.count);
    this.values?.copyWithin(0, 1, this.count);
    this.count--;
  }
}
