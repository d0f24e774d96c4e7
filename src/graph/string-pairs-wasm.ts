/**
 * The edge-list reader's fast path for lines of any two unquoted ids (EdgeListReader.scanPairs)
 * with its byte scanning compiled to WebAssembly: consecutive lines of exactly two ids, each id
 * given back as its span of bytes with its hash (hashBytes), or as its value when it is a canonical
 * integer; the reader then interns the string ids as scanPairs does. It stops at the first line of
 * any other shape, which the JS reader then reads as it always has, and accepts exactly the lines
 * scanPairs accepts (scanBody mirrors it), through the reader's own byte classes, copied into the
 * module's memory: so the results, warnings and errors are the same whichever reads a line.
 *
 * Why: on the 3M-edge list of string ids (64 MB) the JS loop spent about 0.2 s scanning and
 * hashing bytes, each of which it checks against the array's bounds and class table; the
 * compiled loop reads them without the bounds checks, as the C loader does.
 *
 * The bytes are copied into the module's memory a window of whole lines at a time (at most WINDOW
 * bytes), with a NUL after them (a CONTROL byte in every class table), which ends every id and
 * line, so the loop never reads past the window.
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
  get,
  gtU,
  i32,
  type Local,
  Locals,
  leU,
  load8,
  loop,
  ltU,
  mul,
  ne,
  or,
  set,
  shrU,
  store32,
  sub,
  when,
  xor,
} from '../util/wasm.ts';
import { lineEndCode, nextByte, type PairDelimiter, separatorCode, WINDOW } from './integer-pairs-wasm.ts';

/** Most records one window can hold: the shortest line is "a b\n"; a last line may lack its "\n". */
const MAX_RECORDS = (WINDOW >>> 2) + 1;
/** i32s per record: per id, its start (-1 for an integer), its end (or value) and its hash. */
export const RECORD = 6;

// The module's memory: the window (and its NUL), the byte classes, the record count, the records.
const CLASSES = WINDOW + 64;
const IO_RECORDS = CLASSES + 256;
const OUT = IO_RECORDS + 64;
const PAGES = Math.ceil((OUT + 4 * RECORD * MAX_RECORDS) / 65536);

// Byte classes, as edge-list.ts numbers them.
const TOKEN = 0;
const QUOTE = 4;
/** Canonical ids are at most this (2^31 - 1), as in the JS reader. */
const MAX_CANONICAL = 0x7fffffff;
/** An id with more digits than this prefix, times 10, is more than MAX_CANONICAL. */
const LAST_PREFIX = Math.floor(MAX_CANONICAL / 10);
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export interface StringPairScanner {
  /**
   * Read lines of bytes[from, to), where `to` is the end of a line (after its "\n") or of the
   * block, and to - from <= WINDOW; at most `room` records. Returns the start of the first line
   * not taken (an index into `bytes`); the records are in `records`, their number in `count`, and
   * their spans relative to `from`.
   */
  scan(bytes: Uint8Array, from: number, to: number, room: number): number;
  /** Records of the last scan (a view of the module's memory), RECORD i32s each. */
  readonly records: Int32Array;
  /** Number of records of the last scan. */
  readonly count: number;
}

/**
 * scan(len, room) -> start of the first line not taken, the record count in the IO block. Mirrors
 * scanPairs in edge-list.ts line for line; the window's NUL stands for the JS loop's `undefined`
 * past the end.
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
  const next = nextByte(p, b);
  const cls = (x: Local): Code => load8(get(x), CLASSES);
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
  const body: Code[] = [
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
        id(12),
        // End of line: trailing spaces, tabs or CR, then a newline or the end of the window.
        lineEndCode(p, b),
        brIf('done', and(ltU(get(p), get(len)), ne(get(b), i32(0x0a)))),
        set(count, add(get(count), i32(1))),
        when(ltU(get(p), get(len)), [set(p, add(get(p), i32(1)))]),
        set(from, get(p)),
        br('line'),
      ]),
    ]),
    store32(i32(IO_RECORDS), get(count)),
    get(from),
  ];
  return { locals: L, body };
}

const compiled = new Map<PairDelimiter, WebAssembly.Module>();

/**
 * A scanner for files with this delimiter and these byte classes (EdgeListReader's table, where
 * byte 0 is a CONTROL byte); null where WebAssembly is missing or refused: the JS loop then reads
 * every line.
 */
export function stringPairScanner(delimiter: PairDelimiter, classes: Uint8Array): StringPairScanner | null {
  if (typeof WebAssembly !== 'object') return null;
  let module = compiled.get(delimiter);
  if (!module) {
    try {
      const { locals, body } = scanBody(delimiter);
      const bytes = assemble(PAGES, [
        { name: 'scan', params: locals.params, results: ['i32'], locals: locals.extra, body },
      ]);
      module = new WebAssembly.Module(bytes);
    } catch {
      return null;
    }
    compiled.set(delimiter, module);
  }
  const instance = new WebAssembly.Instance(module, {});
  const run = instance.exports.scan as (len: number, room: number) => number;
  const buffer = (instance.exports.memory as WebAssembly.Memory).buffer;
  const input = new Uint8Array(buffer, 0, WINDOW + 1);
  new Uint8Array(buffer, CLASSES, 256).set(classes);
  const io = new Uint32Array(buffer, IO_RECORDS, 1);
  return {
    records: new Int32Array(buffer, OUT, RECORD * MAX_RECORDS),
    get count() {
      return io[0];
    },
    scan(bytes, from, to, room) {
      const length = to - from;
      input.set(bytes.subarray(from, to));
      input[length] = 0;
      return from + run(length, Math.min(room, MAX_RECORDS));
    },
  };
}
