/**
 * The edge-list reader's integer fast path (EdgeListReader.scanIntegerPairs) compiled to
 * WebAssembly: consecutive lines of exactly two canonical integer ids, read into two arrays of
 * records, stopping at the first line of any other shape, which the JS reader then reads as it
 * always has. It accepts exactly the lines the JS loop accepts (scanBody mirrors it), so the
 * results, warnings and errors are the same whichever reads a line.
 *
 * Why: V8 compiles WebAssembly at once (its baseline compiler, Liftoff, takes well under a
 * millisecond for this module), so the loop is fast from the first byte, where the JS loop runs in
 * V8's interpreter until its optimised code is ready: on ego-Facebook (88k lines) that is most of
 * the scan. On large files the compiled module also scans faster than the optimised JS loop, which
 * re-checks the typed arrays on every access. Every byte it accepts is an ASCII digit, space,
 * tab, CR, LF or the delimiter, so what it took needs no text check (see feedEdgeListBlock).
 *
 * The bytes are copied into the module's memory a window at a time (whole lines, at most WINDOW
 * bytes, which holds one block of the streaming reader), with a NUL after them: the loop stops at
 * any byte it does not expect, so it never reads past the window, and needs no bounds check.
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
  load8,
  loop,
  ltU,
  mul,
  ne,
  or,
  set,
  shl,
  store32,
  sub,
  when,
} from '../util/wasm.ts';
import { LAST_PREFIX, MAX_CANONICAL } from './edge-list-codes.ts';

/** Most bytes scanned per call: more than one block of the streaming reader (MAX_LINE + 1). */
export const WINDOW = 1 << 17;
/** Most records one window can hold: the shortest line is "0 0\n"; a last line may lack its "\n". */
const MAX_RECORDS = (WINDOW >>> 2) + 1;

// The module's memory: the window (and its NUL), the counters, the two record arrays.
const IO = WINDOW + 64;
const IO_RECORDS = IO;
const IO_MAX_SMALL = IO + 4;
const OUT_SRC = IO + 64;
const OUT_DST = OUT_SRC + 4 * MAX_RECORDS;
const PAGES = Math.ceil((OUT_DST + 4 * MAX_RECORDS) / 65536);

/** How the two ids of a line are separated (the file's delimiter, EdgeListReader.delimiter). */
export type PairDelimiter = 'whitespace' | 'comma' | 'tab' | 'semicolon';

/** What the reader needs to know after a scan: how far, how many records and the largest small id. */
export interface IntegerPairScan {
  /** Start of the first line not taken (relative to `from`'s bytes: an index into `bytes`). */
  end: number;
  /** Records read; their ids are in src/dst[0, records). */
  records: number;
  maxSmall: number;
}

export interface IntegerPairScanner {
  /**
   * Read lines of bytes[from, to), where `to` is the end of a line (after its "\n") or of the
   * block, and to - from <= WINDOW; at most `room` records (room <= WINDOW / 4 + 1 always suffices);
   * `maxSmall`: the largest id below `directLimit` so far.
   */
  scan(bytes: Uint8Array, from: number, to: number, room: number, maxSmall: number): IntegerPairScan;
  /** The ids of the records of the last scan (views of the module's memory). */
  readonly src: Uint32Array;
  readonly dst: Uint32Array;
  readonly maxRecords: number;
}

/** Step to the next byte: p + 1, and its byte in b. */
export const nextByte = (p: Local, b: Local): Code => [set(p, add(get(p), i32(1))), set(b, load8(get(p)))];

const isBlank = (x: Local) => or(eq(get(x), i32(0x20)), eq(get(x), i32(0x09)));

/** Skip spaces and tabs (counting the tabs in `tabs`, when given). */
const skipBlanks = (p: Local, b: Local, tabs?: Local): Code =>
  block('blanksEnd', [
    loop('blanks', [
      brIf('blanksEnd', eqz(isBlank(b))),
      tabs ? set(tabs, add(get(tabs), eq(get(b), i32(0x09)))) : [],
      nextByte(p, b),
      br('blanks'),
    ]),
  ]);

/**
 * The separator between a line's two ids, as the JS loops read it: runs of spaces/tabs (at least
 * one tab when tabs delimit), or one delimiter byte with optional spaces/tabs around it; branches
 * to 'done' where there is none. `b` holds the byte at `p`; `start` and `tabs` are scratch.
 */
export function separatorCode(
  delimiter: PairDelimiter,
  { p, b, start, tabs }: { p: Local; b: Local; start: Local; tabs: Local },
): Code {
  if (delimiter === 'whitespace' || delimiter === 'tab')
    return [
      set(start, get(p)),
      set(tabs, i32(0)),
      skipBlanks(p, b, delimiter === 'tab' ? tabs : undefined),
      delimiter === 'tab' ? brIf('done', eqz(get(tabs))) : brIf('done', eq(get(p), get(start))),
    ];
  const sep = delimiter === 'comma' ? 0x2c : 0x3b;
  return [skipBlanks(p, b), brIf('done', ne(get(b), i32(sep))), nextByte(p, b), skipBlanks(p, b)];
}

/** Trailing spaces, tabs or CRs of a line: after them `b` should be its line feed. */
export const lineEndCode = (p: Local, b: Local): Code =>
  block('trailEnd', [
    loop('trail', [
      brIf('trailEnd', eqz(or(isBlank(b), eq(get(b), i32(0x0d))))),
      nextByte(p, b),
      br('trail'),
    ]),
  ]);

/**
 * The scanning function for one delimiter: scan(len, room, maxSmall) -> start of the first line
 * not taken, with the records and the new maxSmall in the IO block. Mirrors scanIntegerPairs in
 * edge-list.ts line for line; the window's NUL stands for the JS loop's `undefined` past the end.
 */
function scanBody(delimiter: PairDelimiter, directLimit: number): { locals: Locals; body: Code[] } {
  const L = new Locals();
  const len = L.param();
  const room = L.param();
  const maxIn = L.param();
  const p = L.local();
  const from = L.local();
  const b = L.local();
  const d = L.local();
  const a = L.local();
  const c = L.local();
  const start = L.local();
  const lead = L.local();
  const tabs = L.local();
  const count = L.local();
  const max = L.local();
  const next = nextByte(p, b);
  // A canonical integer id into `v` ("0", or digits not starting with 0, at most MAX_CANONICAL).
  const id = (v: Local): Code => [
    set(start, get(p)),
    set(lead, get(b)),
    set(v, i32(0)),
    block('digitsEnd', [
      loop('digits', [
        set(d, sub(get(b), i32(0x30))),
        brIf('digitsEnd', gtU(get(d), i32(9))),
        brIf('done', gtU(get(v), i32(LAST_PREFIX))),
        set(v, add(mul(get(v), i32(10)), get(d))),
        next,
        br('digits'),
      ]),
    ]),
    brIf('done', eq(get(p), get(start))),
    brIf('done', and(eq(get(lead), i32(0x30)), gtU(sub(get(p), get(start)), i32(1)))),
    brIf('done', gtU(get(v), i32(MAX_CANONICAL))),
  ];
  const separator = separatorCode(delimiter, { p, b, start, tabs });
  const keepSmall = (v: Local): Code =>
    when(and(gtU(get(v), get(max)), ltU(get(v), i32(directLimit))), [set(max, get(v))]);
  const body: Code[] = [
    set(max, get(maxIn)),
    block('done', [
      loop('line', [
        brIf('done', geU(get(p), get(len))),
        brIf('done', geU(get(count), get(room))),
        set(b, load8(get(p))),
        id(a),
        separator,
        id(c),
        // End of line: trailing spaces, tabs or CR, then a newline or the end of the window.
        lineEndCode(p, b),
        brIf('done', and(ltU(get(p), get(len)), ne(get(b), i32(0x0a)))),
        // The line is taken.
        store32(shl(get(count), i32(2)), get(a), OUT_SRC),
        store32(shl(get(count), i32(2)), get(c), OUT_DST),
        keepSmall(a),
        keepSmall(c),
        set(count, add(get(count), i32(1))),
        when(ltU(get(p), get(len)), [set(p, add(get(p), i32(1)))]),
        set(from, get(p)),
        br('line'),
      ]),
    ]),
    store32(i32(IO_RECORDS), get(count)),
    store32(i32(IO_MAX_SMALL), get(max)),
    get(from),
  ];
  return { locals: L, body };
}

const compiled = new Map<string, WebAssembly.Module>();

/**
 * A scanner for files with this delimiter, numbering ids below `directLimit` as small ones; null
 * where WebAssembly is missing or refused (a page whose Content-Security-Policy forbids compiling
 * it): the JS loop then reads every line.
 */
export function integerPairScanner(delimiter: PairDelimiter, directLimit: number): IntegerPairScanner | null {
  if (typeof WebAssembly !== 'object') return null;
  const key = `${delimiter} ${directLimit}`;
  let module = compiled.get(key);
  if (!module) {
    try {
      const { locals, body } = scanBody(delimiter, directLimit);
      const bytes = assemble(PAGES, [exported('scan', locals, body)]);
      module = new WebAssembly.Module(bytes);
    } catch {
      return null;
    }
    compiled.set(key, module);
  }
  const instance = new WebAssembly.Instance(module, {});
  const run = instance.exports.scan as (len: number, room: number, maxSmall: number) => number;
  const buffer = (instance.exports.memory as WebAssembly.Memory).buffer;
  const input = new Uint8Array(buffer, 0, WINDOW + 1);
  const io = new Uint32Array(buffer, IO, 2);
  const result: IntegerPairScan = { end: 0, records: 0, maxSmall: 0 };
  return {
    src: new Uint32Array(buffer, OUT_SRC, MAX_RECORDS),
    dst: new Uint32Array(buffer, OUT_DST, MAX_RECORDS),
    maxRecords: MAX_RECORDS,
    scan(bytes, from, to, room, maxSmall) {
      const length = to - from;
      input.set(bytes.subarray(from, to));
      input[length] = 0;
      result.end = from + run(length, Math.min(room, MAX_RECORDS), maxSmall);
      result.records = io[(IO_RECORDS - IO) >> 2];
      result.maxSmall = io[(IO_MAX_SMALL - IO) >> 2];
      return result;
    },
  };
}
