/**
 * Graph snapshots (.rsnap): a loaded graph's CSR, id table, labels, positions and load report in
 * one compact binary, so a graph parsed once loads again without parsing (`ripple snapshot`,
 * `--graph G.rsnap`) and travels to cluster workers once, keyed by its content hash.
 *
 * Layout, little-endian, every section starting at a multiple of 8 bytes and padded with zeros:
 *
 *   header (64 bytes)  magic "\x89RSNAP\r\n" (8), format version u32, flags u32, n u32, arcs u32,
 *                      ids, labels and meta byte lengths u32 x3, reserved u32 (0), content hash
 *                      (16), body length (u32 low, u32 high)
 *   body               outOffsets u32[n+1], outTargets u32[arcs], outValues f64[arcs] (flag),
 *                      inOffsets u32[n+1], inSources u32[arcs], inValues f64[arcs] (flag),
 *                      ids (u32[n] when all are canonical decimal integers, else a JSON array
 *                      of strings; flag), labels (JSON array, flag), positions f64[2n] (flag),
 *                      meta (JSON: the load report, flag)
 *
 * Loading is a read, a hash and a few sequential passes, never a parse or a random-access pass
 * (the in-arrays are stored rather than rebuilt: rebuilding them is a third of a text load). The
 * hash (the first 16 bytes of a SHA-256, see hash128) names the content and catches corruption; it is no signature. Decoding
 * trusts nothing: sizes are checked against the byte length before anything is allocated, then
 * the hash, then the invariants the loaders guarantee: offsets from 0 to arcs, never decreasing;
 * targets and sources in range; no self-loops; every in-list strictly ascending (as withInArcs
 * builds it, which also rules out repeated arcs); the in-arrays the transpose of the out-arrays
 * and, for undirected graphs, the out-arrays symmetric with one value per edge (both checked by
 * comparing multiset hashes of the arcs, sequentially: a deliberately forged file could
 * collide, but could then only make its own numbers wrong, since every index is range-checked);
 * values finite, probabilities in [0, 1], weights >= 0; the id table (n distinct strings),
 * labels, positions and the load report. Every failure is one LoadError naming the file.
 * Environment-free: runs in Node and in browsers alike.
 */
import { LoadError } from './load-error.ts';
import { indexIds, integerIds, lazyIds, lazyIdTable, mixCode } from './node-ids.ts';
import { firstRepeatedCode } from './repeated-code.ts';
import {
  type ArcSections,
  arcHashSums,
  arcHashSumsAsRead,
  inSnapshotMemory,
  snapshotScratch,
} from './snapshot-arc-hash.ts';
import type { Csr, Direction, GraphFormat, LoadedGraph, LoadReport } from './types.ts';

/** "\x89RSNAP\r\n": the 0x89 byte keeps text tools away, CR LF catches newline translation. */
export const SNAPSHOT_MAGIC = Uint8Array.of(0x89, 0x52, 0x53, 0x4e, 0x41, 0x50, 0x0d, 0x0a);
export const SNAPSHOT_VERSION = 2;
export const SNAPSHOT_EXTENSION = '.rsnap';
/** The header's size: the content hash covers the bytes after it. */
export const SNAPSHOT_HEADER_BYTES = 64;
const HEADER_BYTES = SNAPSHOT_HEADER_BYTES;
/** Bytes the id check's bitmap may take beyond 4 per node (checkDistinctCodes). */
const ID_BITMAP_SLACK = 1 << 20;
/** Largest snapshot: one Uint8Array. */
const MAX_SNAPSHOT_BYTES = 2 ** 32 - 1;

const FLAG_DIRECTED = 1;
const FLAG_VALUES = 2;
const FLAG_PROBABILITY = 4;
const FLAG_IDS = 8;
const FLAG_LABELS = 16;
const FLAG_POSITIONS = 32;
const FLAG_META = 64;
/** The ids are canonical decimal integers below 2^32, stored as u32 (the common edge-list case). */
const FLAG_INTEGER_IDS = 128;
const KNOWN_FLAGS = 255;

/** Offsets of the header fields. */
const AT_VERSION = 8;
const AT_FLAGS = 12;
const AT_N = 16;
const AT_ARCS = 20;
const AT_IDS = 24;
const AT_LABELS = 28;
const AT_META = 32;
const AT_RESERVED = 36;
const AT_HASH = 40;
const AT_BODY = 56;

/**
 * Scratch room for decoding in place the snapshot of `bytes` bytes that starts with `header`, to
 * give snapshotMemory: the id check's bitmap, at most 4 bytes per node and ID_BITMAP_SLACK when
 * the ids are integers (none else), never more than the file's size and ID_BITMAP_SLACK whatever
 * the header says, so that a large graph does not ask for twice its size.
 */
export function snapshotScratchBytes(header: Uint8Array, bytes: number): number {
  if (header.length < HEADER_BYTES) return 0;
  const view = new DataView(header.buffer, header.byteOffset, HEADER_BYTES);
  if ((view.getUint32(AT_FLAGS, true) & FLAG_INTEGER_IDS) === 0) return 0;
  return Math.min(4 * view.getUint32(AT_N, true), bytes) + ID_BITMAP_SLACK;
}

/** What a snapshot holds; only the CSR is required (cluster workers need no more). */
export interface SnapshotContent {
  csr: Csr;
  ids?: readonly string[] | null;
  labels?: readonly (string | null)[] | null;
  positions?: Float64Array | null;
  /** The load report of the source file (without the file name, which the loader sets). */
  report?: Omit<LoadReport, 'file'> | null;
}

export interface DecodedSnapshot {
  csr: Csr;
  /** The id table, or null; integer ids are made into strings on first read (node-ids.ts). */
  ids: string[] | null;
  labels: (string | null)[] | null;
  positions: Float64Array | null;
  report: Omit<LoadReport, 'file'> | null;
  /** Content hash, 32 hex digits. */
  hash: string;
}

/** Whether these bytes start like a snapshot (the first 8 are enough). */
export function isSnapshot(bytes: Uint8Array): boolean {
  if (bytes.length < SNAPSHOT_MAGIC.length) return false;
  for (let i = 0; i < SNAPSHOT_MAGIC.length; i++) if (bytes[i] !== SNAPSHOT_MAGIC[i]) return false;
  return true;
}

/** Rounded up to a multiple of 8, in doubles: sizes from a hostile header exceed 32 bits. */
const pad8 = (bytes: number) => Math.ceil(bytes / 8) * 8;

interface Layout {
  n: number;
  arcs: number;
  flags: number;
  idsBytes: number;
  labelsBytes: number;
  metaBytes: number;
  /** Byte offsets of the sections from the start of the file. */
  outOffsets: number;
  outTargets: number;
  outValues: number;
  inOffsets: number;
  inSources: number;
  inValues: number;
  ids: number;
  labels: number;
  positions: number;
  meta: number;
  total: number;
}

function layout(
  n: number,
  arcs: number,
  flags: number,
  idsBytes: number,
  labelsBytes: number,
  metaBytes: number,
): Layout {
  let at = HEADER_BYTES;
  const section = (bytes: number, present: boolean) => {
    const start = at;
    if (present) at += pad8(bytes);
    return start;
  };
  const outOffsets = section(4 * (n + 1), true);
  const outTargets = section(4 * arcs, true);
  const outValues = section(8 * arcs, (flags & FLAG_VALUES) !== 0);
  const inOffsets = section(4 * (n + 1), true);
  const inSources = section(4 * arcs, true);
  const inValues = section(8 * arcs, (flags & FLAG_VALUES) !== 0);
  const ids = section(idsBytes, (flags & (FLAG_IDS | FLAG_INTEGER_IDS)) !== 0);
  const labels = section(labelsBytes, (flags & FLAG_LABELS) !== 0);
  const positions = section(16 * n, (flags & FLAG_POSITIONS) !== 0);
  const meta = section(metaBytes, (flags & FLAG_META) !== 0);
  return {
    n,
    arcs,
    flags,
    idsBytes,
    labelsBytes,
    metaBytes,
    outOffsets,
    outTargets,
    outValues,
    inOffsets,
    inSources,
    inValues,
    ids,
    labels,
    positions,
    meta,
    total: at,
  };
}

function littleEndian(): boolean {
  return new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
}

/** Encode a graph (at least its CSR) as a snapshot. */
export function encodeSnapshot(content: SnapshotContent): Uint8Array {
  if (!littleEndian()) throw new Error('snapshot: this machine is big-endian; snapshots are little-endian');
  const { csr } = content;
  const utf8 = new TextEncoder();
  const json = (value: unknown) => utf8.encode(JSON.stringify(value));
  const integerIds = content.ids ? integerCodes(content.ids) : null;
  const ids = integerIds ? new Uint8Array(integerIds.buffer) : content.ids ? json(content.ids) : null;
  const labels = content.labels ? json(content.labels) : null;
  const meta = content.report ? json(content.report) : null;
  const positions = content.positions ?? null;
  if (ids && content.ids?.length !== csr.n)
    throw new Error('snapshot: the id table must have one id per node');
  if (positions && positions.length !== 2 * csr.n)
    throw new Error('snapshot: positions must be x,y per node');
  const values = csr.outValues;
  const flags =
    (csr.directed ? FLAG_DIRECTED : 0) |
    (values ? FLAG_VALUES : 0) |
    (values && csr.values === 'probability' ? FLAG_PROBABILITY : 0) |
    (integerIds ? FLAG_INTEGER_IDS : ids ? FLAG_IDS : 0) |
    (labels ? FLAG_LABELS : 0) |
    (positions ? FLAG_POSITIONS : 0) |
    (meta ? FLAG_META : 0);
  const arcs = csr.outTargets.length;
  const at = layout(csr.n, arcs, flags, ids?.length ?? 0, labels?.length ?? 0, meta?.length ?? 0);
  // A snapshot is one typed array, and Node's stop at 2^32 elements.
  if (at.total > MAX_SNAPSHOT_BYTES)
    throw new Error(
      `snapshot: this graph needs ${(at.total / 2 ** 30).toFixed(1)} GiB, more than the 4 GiB a snapshot holds (docs/cluster.md)`,
    );
  const out = new Uint8Array(at.total);
  out.set(SNAPSHOT_MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(AT_VERSION, SNAPSHOT_VERSION, true);
  view.setUint32(AT_FLAGS, flags, true);
  view.setUint32(AT_N, csr.n, true);
  view.setUint32(AT_ARCS, arcs, true);
  view.setUint32(AT_IDS, at.idsBytes, true);
  view.setUint32(AT_LABELS, at.labelsBytes, true);
  view.setUint32(AT_META, at.metaBytes, true);
  view.setUint32(AT_RESERVED, 0, true);
  const body = at.total - HEADER_BYTES;
  view.setUint32(AT_BODY, body % 2 ** 32, true);
  view.setUint32(AT_BODY + 4, Math.floor(body / 2 ** 32), true);
  const bytesOf = (a: Uint32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  out.set(bytesOf(csr.outOffsets), at.outOffsets);
  out.set(bytesOf(csr.outTargets), at.outTargets);
  if (values) out.set(bytesOf(values), at.outValues);
  out.set(bytesOf(csr.inOffsets), at.inOffsets);
  out.set(bytesOf(csr.inSources), at.inSources);
  if (values && csr.inValues) out.set(bytesOf(csr.inValues), at.inValues);
  if (ids) out.set(ids, at.ids);
  if (labels) out.set(labels, at.labels);
  if (positions) out.set(bytesOf(positions), at.positions);
  if (meta) out.set(meta, at.meta);
  out.set(hash128(out, HEADER_BYTES, at.total), AT_HASH);
  return out;
}

/** The content hash of a snapshot, as stored in its header (32 hex digits); no validation. */
export function snapshotHash(bytes: Uint8Array): string {
  return hex(bytes.subarray(AT_HASH, AT_HASH + 16));
}

export interface DecodeOptions {
  /**
   * The SHA-256 of the bytes after the header, when the caller computed it as it read them (Node
   * hashes each chunk of the file while the next is read); else the decoder computes it.
   */
  bodySha256?: Uint8Array;
  /**
   * The sums of the arc passes, when the caller ran them on these bytes as it read them
   * (arcChecksAsRead; null: a pass met a problem); else (undefined) the decoder runs them.
   */
  arcPassSums?: Int32Array | null;
}

/** Decode and validate a snapshot; anything wrong is a LoadError naming `file`. */
export function decodeSnapshot(
  input: Uint8Array,
  file: string,
  options: DecodeOptions = {},
): DecodedSnapshot {
  const opened = openSnapshot(input, file);
  opened.verify(options.bodySha256);
  const sums = options.arcPassSums !== undefined ? options.arcPassSums : arcPassSums(opened.arcs);
  const problem = arcSumsProblem(opened.arcs, sums);
  if (problem) throw opened.fail(problem);
  return opened.decodeRest();
}

/**
 * Where the arrays a snapshot's arc checks read sit in its buffer (byte offsets from the buffer's
 * start): all a worker thread needs to check them (snapshotArcProblem) on a shared memory.
 */
export type SnapshotArcs = ArcSections;

/** What the arc checks run elsewhere found, and the content hash if they computed it too. */
export interface ArcCheckResult {
  problem: string | null;
  /** The SHA-256 of the bytes after the header (when options.bodySha256 was not given). */
  bodySha256?: Uint8Array;
}

/**
 * Decode and validate a snapshot with its arc checks (snapshotArcProblem, most of a large
 * snapshot's decoding) run by `checkArcs`, say on a worker thread that also hashed the bytes as
 * they were read, while the id table, labels and load report are decoded here. `checkArcs`
 * resolves to undefined when it could not check (the checks, and the hash, then run here).
 * Errors are those of decodeSnapshot, in the same order: a hash mismatch before anything else
 * found, an arc problem before one of the id table.
 */
export async function decodeSnapshotWith(
  input: Uint8Array,
  file: string,
  checkArcs: (arcs: SnapshotArcs) => Promise<ArcCheckResult | undefined>,
  options: DecodeOptions = {},
): Promise<DecodedSnapshot> {
  const opened = openSnapshot(input, file);
  if (options.bodySha256) opened.verify(options.bodySha256);
  const checked = checkArcs(opened.arcs);
  let decoded: DecodedSnapshot | null = null;
  let failure: unknown = null;
  try {
    decoded = opened.decodeRest();
  } catch (e) {
    failure = e;
  }
  const result = await checked.catch(() => undefined);
  if (!options.bodySha256) opened.verify(result?.bodySha256);
  const problem = result ? result.problem : snapshotArcProblem(opened.arcs);
  if (problem) throw opened.fail(problem);
  if (!decoded) throw failure;
  return decoded;
}

interface OpenedSnapshot {
  arcs: SnapshotArcs;
  fail: Fail;
  /**
   * The content hash (against `bodySha256` when given, else computed) and the padding checks,
   * before anything else is trusted.
   */
  verify: (bodySha256?: Uint8Array) => void;
  /** Everything but the arc checks: the CSR, ids, labels, positions and report. */
  decodeRest: () => DecodedSnapshot;
}

/** The header and size checks; the hash and padding checks and the rest, to run after. */
function openSnapshot(input: Uint8Array, file: string): OpenedSnapshot {
  const fail = (problem: string) => new LoadError(file, 'unknown', `graph snapshot: ${problem}`);
  if (!isSnapshot(input)) throw fail('not a Ripple graph snapshot (wrong magic bytes)');
  if (input.length < HEADER_BYTES)
    throw fail(`truncated: ${input.length} bytes, shorter than the ${HEADER_BYTES}-byte header`);
  if (!littleEndian()) throw fail('this machine is big-endian; snapshots are little-endian');
  // The arc pass runs in WebAssembly on the bytes where they are, and typed-array views need
  // aligned offsets: copy once into a memory if they are elsewhere or at an odd place.
  const bytes = inSnapshotMemory(input);
  const at = readHeader(bytes, fail);
  if (bytes.length < at.total) throw fail(`truncated: ${bytes.length} bytes of the ${at.total} expected`);
  if (bytes.length > at.total)
    throw fail(`${bytes.length - at.total} bytes of unexpected data after the end`);
  const stored = snapshotHash(bytes);
  const verify = (bodySha256?: Uint8Array) => {
    const actual = hex(bodySha256 ? bodySha256.subarray(0, 16) : hash128(bytes, HEADER_BYTES, at.total));
    if (actual !== stored) throw fail('content hash mismatch (the file is corrupt or was modified)');
    checkPadding(bytes, at, fail);
  };
  const arcViews = arcSections(bytes, at);
  return { arcs: arcViews, fail, verify, decodeRest: () => decodeRest(bytes, at, arcViews, stored, fail) };
}

/** The layout a snapshot's header (its first HEADER_BYTES bytes) gives, once checked. */
function readHeader(bytes: Uint8Array, fail: Fail): Layout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const version = view.getUint32(AT_VERSION, true);
  if (version === 1)
    throw fail(
      `format version 1, from an older Ripple; this Ripple reads version ${SNAPSHOT_VERSION} (rewrite it with ripple snapshot)`,
    );
  if (version !== SNAPSHOT_VERSION)
    throw fail(
      `format version ${version}; this Ripple reads version ${SNAPSHOT_VERSION} (make the snapshot again with ripple snapshot)`,
    );
  const flags = view.getUint32(AT_FLAGS, true);
  if ((flags & ~KNOWN_FLAGS) !== 0) throw fail(`unknown flags 0x${flags.toString(16)}`);
  if ((flags & FLAG_PROBABILITY) !== 0 && (flags & FLAG_VALUES) === 0)
    throw fail('flags say probabilities but the snapshot has no arc values');
  if ((flags & FLAG_IDS) !== 0 && (flags & FLAG_INTEGER_IDS) !== 0)
    throw fail('flags say both text and integer ids');
  if (view.getUint32(AT_RESERVED, true) !== 0) throw fail('reserved header field is not zero');
  const n = view.getUint32(AT_N, true);
  const arcs = view.getUint32(AT_ARCS, true);
  if (n === 0xffffffff) throw fail('too many nodes');
  const at = layout(
    n,
    arcs,
    flags,
    view.getUint32(AT_IDS, true),
    view.getUint32(AT_LABELS, true),
    view.getUint32(AT_META, true),
  );
  const body = view.getUint32(AT_BODY, true) + 2 ** 32 * view.getUint32(AT_BODY + 4, true);
  if (body !== at.total - HEADER_BYTES)
    throw fail(`header says ${body} body bytes, its sizes say ${at.total - HEADER_BYTES}`);
  return at;
}

/** Where the arc arrays of a snapshot laid out as `at` sit in the buffer of `bytes`. */
function arcSections(bytes: Uint8Array, at: Layout): SnapshotArcs {
  const { n, arcs, flags } = at;
  const buffer = bytes.buffer;
  const base = bytes.byteOffset;
  const directed = (flags & FLAG_DIRECTED) !== 0;
  const hasValues = (flags & FLAG_VALUES) !== 0;
  const probability = (flags & FLAG_PROBABILITY) !== 0;
  return {
    buffer,
    n,
    arcs,
    directed,
    probability: hasValues ? probability : null,
    outOffsets: base + at.outOffsets,
    outTargets: base + at.outTargets,
    outValues: base + at.outValues,
    inOffsets: base + at.inOffsets,
    inSources: base + at.inSources,
    inValues: base + at.inValues,
  };
}

/** The CSR over the snapshot's arc arrays (no copy, no checks). */
function arcCsr(a: SnapshotArcs): Csr {
  const { buffer, n, arcs } = a;
  const values = a.probability !== null;
  return {
    n,
    arcs,
    directed: a.directed,
    outOffsets: new Uint32Array(buffer, a.outOffsets, n + 1),
    outTargets: new Uint32Array(buffer, a.outTargets, arcs),
    inOffsets: new Uint32Array(buffer, a.inOffsets, n + 1),
    inSources: new Uint32Array(buffer, a.inSources, arcs),
    outValues: values ? new Float64Array(buffer, a.outValues, arcs) : null,
    inValues: values ? new Float64Array(buffer, a.inValues, arcs) : null,
    values: values ? (a.probability ? 'probability' : 'weight') : null,
  };
}

/**
 * The first problem of a snapshot's arcs, or null: values finite and in range, then the offsets,
 * arcs, in-lists, transpose and symmetry. One sequential pass per side only tells whether all is
 * well (arcHashSums, in WebAssembly); the first problem, in the order listed, is found and named
 * by a plain second look (namedArcProblem) only when something is wrong. Environment-free, so a
 * worker can run it.
 */
export function snapshotArcProblem(arcs: SnapshotArcs): string | null {
  return arcSumsProblem(arcs, arcPassSums(arcs));
}

/**
 * The sums of the arc passes (arcHashSums, which `shared` lets threads run together), or null when
 * one met a problem or the first and last offsets are wrong; arcSumsProblem takes the sums of
 * every thread.
 */
export function arcPassSums(arcs: SnapshotArcs, shared?: Int32Array): Int32Array | null {
  return offsetEndsHold(arcs) ? arcHashSums(arcs, shared) : null;
}

/** Whether both offset arrays start at 0 and end at the arc count. */
function offsetEndsHold(arcs: SnapshotArcs): boolean {
  const { n, buffer } = arcs;
  const first = (offsets: number) => new Uint32Array(buffer, offsets, 1)[0];
  const last = (offsets: number) => new Uint32Array(buffer, offsets + 4 * n, 1)[0];
  return (
    first(arcs.outOffsets) === 0 &&
    first(arcs.inOffsets) === 0 &&
    last(arcs.outOffsets) === arcs.arcs &&
    last(arcs.inOffsets) === arcs.arcs
  );
}

/** The arc passes run while a snapshot is read: see arcChecksAsRead. */
export interface ArcChecksAsRead {
  /** After each read: the first `readTo` bytes of the snapshot are in. */
  advance: (readTo: number) => void;
  /**
   * Once all are in: the sums for DecodeOptions.arcPassSums (arcPassSums' result), or undefined
   * when the header read in differs from the one they were prepared for (the decoder then runs
   * the passes itself).
   */
  sums: () => Promise<Int32Array | null | undefined>;
}

/**
 * The arc passes of a snapshot run as it is read, in order, into `bytes` (a memory from
 * snapshotMemory, as long as the file), prepared from its `header` (its first bytes, read apart
 * before the rest): each pass's blocks of rows run as soon as their bytes are in
 * (arcHashSumsAsRead), while the system reads the next ones, so that a large load no longer
 * waits for all of them after its last read. Null when the header is one the decoder refuses or
 * gives another size: the decoder then reports why, or runs the passes itself. Nothing is
 * reported here: the decoder reports a problem the passes met after the header, size and
 * content hash checks, as always.
 */
export function arcChecksAsRead(header: Uint8Array, bytes: Uint8Array): ArcChecksAsRead | null {
  if (header.length < HEADER_BYTES || !isSnapshot(header) || !littleEndian()) return null;
  let at: Layout;
  try {
    at = readHeader(header, (problem) => new LoadError('', 'unknown', problem));
  } catch {
    return null;
  }
  if (at.total !== bytes.length) return null;
  const prepared = header.slice(0, HEADER_BYTES);
  const arcs = arcSections(bytes, at);
  const passes = arcHashSumsAsRead(arcs);
  return {
    advance: passes.runReady,
    sums: async () => {
      for (let i = 0; i < HEADER_BYTES; i++) if (bytes[i] !== prepared[i]) return undefined;
      return offsetEndsHold(arcs) ? passes.finish() : null;
    },
  };
}

/**
 * The first problem of the arcs given the sums of the arc passes, run in parts (by threads taking
 * blocks of rows in turn), or null; a part is null when it met a problem, which a plain look at
 * the arrays then names.
 */
export function arcSumsProblem(arcs: SnapshotArcs, ...parts: (Int32Array | null)[]): string | null {
  if (parts.includes(null)) return namedArcProblem(arcCsr(arcs));
  const sums = new Int32Array(6);
  for (const part of parts as Int32Array[])
    for (let i = 0; i < sums.length; i++) sums[i] = (sums[i] + part[i]) | 0;
  if (sums[2] !== sums[0] || sums[3] !== sums[1]) return 'the in-arcs are not the reverse of the out-arcs';
  if (!arcs.directed && (sums[4] !== sums[0] || sums[5] !== sums[1]))
    return 'undirected, but the arcs are not symmetric with one value per edge';
  return null;
}

/** The first problem the arc pass can meet, named, in the order snapshotArcProblem lists them. */
function namedArcProblem(csr: Csr): string {
  if (csr.outValues && csr.inValues) {
    const probability = csr.values === 'probability';
    const problem = valueProblem(csr.outValues, probability) ?? valueProblem(csr.inValues, probability);
    if (problem) return problem;
  }
  return firstArcProblem(csr);
}

function decodeRest(
  bytes: Uint8Array,
  at: Layout,
  arcViews: SnapshotArcs,
  stored: string,
  fail: Fail,
): DecodedSnapshot {
  const { n, arcs, flags } = at;
  const { directed } = arcViews;
  const buffer = bytes.buffer;
  const base = bytes.byteOffset;
  const csr = arcCsr(arcViews);

  const text = (start: number, length: number, what: string): unknown => {
    const part = bytes.subarray(start, start + length);
    // The lenient decoder is fast; the strict one (slow to start) only when a U+FFFD appears.
    let decoded = new TextDecoder().decode(part);
    if (decoded.includes('\ufffd')) {
      try {
        decoded = new TextDecoder('utf-8', { fatal: true }).decode(part);
      } catch {
        throw fail(`${what} is not valid UTF-8`);
      }
    }
    try {
      return JSON.parse(decoded);
    } catch {
      throw fail(`${what} is not valid JSON`);
    }
  };
  let ids: string[] | null = null;
  let codes: Uint32Array | null = null;
  if ((flags & FLAG_INTEGER_IDS) !== 0) {
    if (at.idsBytes !== 4 * n) throw fail(`the integer id table has ${at.idsBytes} bytes, not 4 per node`);
    codes = new Uint32Array(buffer, base + at.ids, n);
    checkDistinctCodes(codes, base + at.total, fail);
  } else if ((flags & FLAG_IDS) !== 0) {
    const value = text(at.ids, at.idsBytes, 'the id table');
    if (!Array.isArray(value) || value.length !== n) throw fail(`the id table must list ${n} ids`);
    const seen = new Set<string>();
    for (let v = 0; v < n; v++) {
      const id = value[v];
      if (typeof id !== 'string') throw fail(`id of node ${v} is not a string`);
      if (seen.has(id)) throw fail(`id ${JSON.stringify(id.slice(0, 80))} appears twice in the id table`);
      seen.add(id);
    }
    ids = value as string[];
  }
  let labels: (string | null)[] | null = null;
  if ((flags & FLAG_LABELS) !== 0) {
    const value = text(at.labels, at.labelsBytes, 'the labels');
    if (!Array.isArray(value) || value.length !== n) throw fail(`the labels must list ${n} entries`);
    if (!value.every((l) => l === null || typeof l === 'string'))
      throw fail('a label is neither text nor null');
    labels = value as (string | null)[];
  }
  let positions: Float64Array | null = null;
  if ((flags & FLAG_POSITIONS) !== 0) {
    positions = new Float64Array(buffer, base + at.positions, 2 * n);
    for (let i = 0; i < positions.length; i++)
      if (!Number.isFinite(positions[i])) throw fail(`position of node ${i >> 1} is not a finite number`);
  }
  const report =
    (flags & FLAG_META) !== 0
      ? checkReport(
          text(at.meta, at.metaBytes, 'the load report'),
          directed,
          directed ? arcs : arcs / 2,
          fail,
        )
      : null;
  const decoded = { csr, labels, positions, report, hash: stored };
  // Integer ids stay codes until read: their strings cost more than the rest of a large load.
  return codes ? lazyIds(decoded, integerIds(codes)) : { ...decoded, ids };
}

/** A decoded snapshot as the loaders' LoadedGraph for `file` (ids are indices if it has none). */
export function loadedFromSnapshot(decoded: DecodedSnapshot, file: string): LoadedGraph {
  const { csr } = decoded;
  const report: LoadReport = {
    format: 'edgelist',
    gzip: false,
    direction: csr.directed ? 'influences' : 'undirected',
    selfLoops: 0,
    duplicateEdges: 0,
    edges: csr.directed ? csr.arcs : csr.arcs / 2,
    header: null,
    edgeLines: 0,
    skippedLines: 0,
    warnings: [],
    ...decoded.report,
    file,
  };
  const loaded = { csr, labels: decoded.labels, positions: decoded.positions, report };
  // Integer ids (or none: the indices) are made into strings on first use (node-ids.ts).
  const lazy = lazyIdTable(decoded);
  if (lazy) return lazyIds(loaded, lazy);
  return decoded.ids ? { ...loaded, ids: decoded.ids } : lazyIds(loaded, indexIds(csr.n));
}

type Fail = (problem: string) => LoadError;

function checkPadding(bytes: Uint8Array, at: Layout, fail: Fail): void {
  // Sections start on 8-byte boundaries; the bytes from a section's end to the next are zero.
  const sections: [number, number][] = [
    [at.outOffsets, 4 * (at.n + 1)],
    [at.outTargets, 4 * at.arcs],
  ];
  if (at.flags & (FLAG_IDS | FLAG_INTEGER_IDS)) sections.push([at.ids, at.idsBytes]);
  if (at.flags & FLAG_LABELS) sections.push([at.labels, at.labelsBytes]);
  if (at.flags & FLAG_META) sections.push([at.meta, at.metaBytes]);
  for (const [start, length] of sections) {
    for (let i = start + length; i < pad8(start + length); i++)
      if (bytes[i] !== 0) throw fail(`non-zero padding at byte ${i}`);
  }
}

/** The ids as u32 codes when every one is a canonical decimal integer below 2^32, else null. */
function integerCodes(ids: readonly string[]): Uint32Array | null {
  const codes = new Uint32Array(ids.length);
  for (let v = 0; v < ids.length; v++) {
    const id = ids[v];
    const code = Number(id);
    if (!(code <= 0xffffffff) || !Number.isInteger(code) || String(code) !== id) return null;
    codes[v] = code;
  }
  return codes;
}

/**
 * Integer ids checked distinct in O(n): a bitmap when the codes are dense (firstRepeatedCode, in
 * WebAssembly: in the scratch room of the snapshot's memory, from `end` on, when it has one, see
 * snapshotScratchBytes), else an open-addressing table of the codes.
 */
function checkDistinctCodes(codes: Uint32Array, end: number, fail: Fail): void {
  const twice = (code: number) => fail(`id ${code} appears twice in the id table`);
  const scratch = snapshotScratch(codes.buffer);
  const room = scratch && scratch.free <= end ? { memory: scratch.memory, free: end } : undefined;
  const repeated = firstRepeatedCode(codes, 4 * codes.length + ID_BITMAP_SLACK, room);
  if (repeated === null) duplicateCode(codes, twice);
  else if (repeated >= 0) throw twice(codes[repeated]);
}

/** Throws twice(code) for a code that appears twice: linear probing in a table at most half full. */
function duplicateCode(codes: Uint32Array, twice: (code: number) => LoadError): void {
  const EMPTY = 0xffffffff;
  let size = 2;
  while (size < 2 * codes.length) size *= 2;
  const table = new Uint32Array(size).fill(EMPTY);
  const mask = size - 1;
  let sawEmptyCode = false; // the code 0xffffffff, which marks an empty slot
  for (let v = 0; v < codes.length; v++) {
    const c = codes[v];
    if (c === EMPTY) {
      if (sawEmptyCode) throw twice(c);
      sawEmptyCode = true;
      continue;
    }
    let i = mixCode(c) & mask;
    for (let t = table[i]; t !== EMPTY; t = table[i]) {
      if (t === c) throw twice(c);
      i = (i + 1) & mask;
    }
    table[i] = c;
  }
}

/** The first offset or arc problem the arc pass can meet, named (the values are fine). */
function firstArcProblem(csr: Omit<Csr, 'values'>): string {
  const { n, arcs, outOffsets, outTargets, inOffsets, inSources } = csr;
  const offsets = (offsets: Uint32Array, side: string) => {
    if (offsets[0] !== 0) return `the first ${side}-offset is ${offsets[0]}, not 0`;
    for (let u = 0; u < n; u++)
      if (offsets[u + 1] < offsets[u]) return `${side}-offsets are not monotone at node ${u}`;
    if (offsets[n] !== arcs) return `the last ${side}-offset is ${offsets[n]}, not the ${arcs} arcs`;
    return null;
  };
  const problem = offsets(outOffsets, 'out') ?? offsets(inOffsets, 'in');
  if (problem) return problem;
  for (let u = 0; u < n; u++)
    for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) {
      const v = outTargets[k];
      if (v >= n) return `arc ${k} points to node ${v}, beyond the ${n} nodes`;
      if (v === u) return `node ${u} has a self-loop`;
    }
  for (let v = 0; v < n; v++)
    for (let j = inOffsets[v]; j < inOffsets[v + 1]; j++) {
      const u = inSources[j];
      if (u >= n) return `in-arc ${j} comes from node ${u}, beyond the ${n} nodes`;
      if (j > inOffsets[v] && u <= inSources[j - 1])
        return `the in-arcs of node ${v} are not in ascending order of source`;
    }
  // What is left is an in-arc from a node to itself, where the out-arcs have none.
  return 'the in-arcs are not the reverse of the out-arcs';
}

function valueProblem(values: Float64Array, probability: boolean): string | null {
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    if (!(x >= 0) || x === Number.POSITIVE_INFINITY || (probability && x > 1))
      return `arc ${k} has value ${x}, expected ${probability ? 'a probability in [0, 1]' : 'a weight >= 0'}`;
  }
  return null;
}

const FORMATS: readonly GraphFormat[] = ['edgelist', 'gexf', 'graphml', 'json'];
const DIRECTION_NAMES: readonly Direction[] = ['undirected', 'influences', 'follows'];

function checkReport(value: unknown, directed: boolean, edges: number, fail: Fail): Omit<LoadReport, 'file'> {
  const bad = (what: string) => fail(`the load report: ${what}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not an object');
  const r = value as Record<string, unknown>;
  const count = (key: string) => {
    const x = r[key];
    if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) throw bad(`${key} is not a count`);
    return x;
  };
  if (!FORMATS.includes(r.format as GraphFormat)) throw bad('unknown format');
  if (typeof r.gzip !== 'boolean') throw bad('gzip is not true or false');
  const direction = r.direction as Direction;
  if (!DIRECTION_NAMES.includes(direction) || (direction === 'undirected') === directed)
    throw bad('direction does not match the graph');
  const header = r.header;
  if (header !== null) {
    const h = header as Record<string, unknown>;
    if (
      typeof h !== 'object' ||
      typeof h.line !== 'number' ||
      typeof h.text !== 'string' ||
      (h.kind !== 'columns' && h.kind !== 'counts')
    )
      throw bad('header is malformed');
  }
  if (r.edges !== edges) throw bad(`it counts ${String(r.edges)} edges, the graph has ${edges}`);
  const warnings = r.warnings;
  if (!Array.isArray(warnings) || !warnings.every((w) => typeof w === 'string'))
    throw bad('warnings are not text');
  return {
    format: r.format as GraphFormat,
    gzip: r.gzip,
    direction,
    selfLoops: count('selfLoops'),
    duplicateEdges: count('duplicateEdges'),
    edges: count('edges'),
    header: header as LoadReport['header'],
    edgeLines: count('edgeLines'),
    skippedLines: count('skippedLines'),
    warnings: warnings as string[],
  };
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/**
 * A SHA-256 function (the whole digest, 32 bytes). Node injects its native one (useSha256, from
 * the Node-only modules that load or make snapshots): several times faster than sha256Js, and
 * fast from the first byte, where a JavaScript loop over a large file runs mostly before V8 has
 * optimised it. Both give the same bytes, so the format does not depend on which one ran.
 */
export type Sha256 = (bytes: Uint8Array) => Uint8Array;

let sha256: Sha256 = sha256Js;

/** Use this SHA-256 implementation (it must be a correct one) for snapshot content hashes. */
export function useSha256(implementation: Sha256): void {
  sha256 = implementation;
}

/**
 * The content hash of bytes [from, to): the first 16 bytes of their SHA-256 (format version 2;
 * version 1 used a MurmurHash3-based hash, three times slower on a fresh process).
 */
export function hash128(bytes: Uint8Array, from: number, to: number): Uint8Array {
  return sha256(bytes.subarray(from, to)).slice(0, 16);
}

const SHA256_K = Int32Array.of(
  0x428a2f98,
  0x71374491,
  0xb5c0fbcf,
  0xe9b5dba5,
  0x3956c25b,
  0x59f111f1,
  0x923f82a4,
  0xab1c5ed5,
  0xd807aa98,
  0x12835b01,
  0x243185be,
  0x550c7dc3,
  0x72be5d74,
  0x80deb1fe,
  0x9bdc06a7,
  0xc19bf174,
  0xe49b69c1,
  0xefbe4786,
  0x0fc19dc6,
  0x240ca1cc,
  0x2de92c6f,
  0x4a7484aa,
  0x5cb0a9dc,
  0x76f988da,
  0x983e5152,
  0xa831c66d,
  0xb00327c8,
  0xbf597fc7,
  0xc6e00bf3,
  0xd5a79147,
  0x06ca6351,
  0x14292967,
  0x27b70a85,
  0x2e1b2138,
  0x4d2c6dfc,
  0x53380d13,
  0x650a7354,
  0x766a0abb,
  0x81c2c92e,
  0x92722c85,
  0xa2bfe8a1,
  0xa81a664b,
  0xc24b8b70,
  0xc76c51a3,
  0xd192e819,
  0xd6990624,
  0xf40e3585,
  0x106aa070,
  0x19a4c116,
  0x1e376c08,
  0x2748774c,
  0x34b0bcb5,
  0x391c0cb3,
  0x4ed8aa4a,
  0x5b9cca4f,
  0x682e6ff3,
  0x748f82ee,
  0x78a5636f,
  0x84c87814,
  0x8cc70208,
  0x90befffa,
  0xa4506ceb,
  0xbef9a3f7,
  0xc67178f2,
);

/** SHA-256 (FIPS 180-4) in JavaScript: the path where no native implementation was injected. */
export function sha256Js(bytes: Uint8Array): Uint8Array {
  const length = bytes.length;
  // The message, then 0x80, zeros, and the length in bits (big-endian, 64 bits) to a 64-byte end.
  const whole = Math.floor(length / 64) * 64;
  const tail = new Uint8Array(length - whole + 9 <= 64 ? 64 : 128);
  tail.set(bytes.subarray(whole));
  tail[length - whole] = 0x80;
  const tailView = new DataView(tail.buffer);
  tailView.setUint32(tail.length - 8, Math.floor(length / 2 ** 29));
  tailView.setUint32(tail.length - 4, (length * 8) >>> 0);
  const state = Int32Array.of(
    0x6a09e667,
    0xbb67ae85,
    0x3c6ef372,
    0xa54ff53a,
    0x510e527f,
    0x9b05688c,
    0x1f83d9ab,
    0x5be0cd19,
  );
  const w = new Int32Array(64);
  sha256Blocks(new DataView(bytes.buffer, bytes.byteOffset, whole), state, w);
  sha256Blocks(tailView, state, w);
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setInt32(4 * i, state[i]);
  return out;
}

function sha256Blocks(data: DataView, state: Int32Array, w: Int32Array): void {
  const k = SHA256_K;
  for (let at = 0; at + 64 <= data.byteLength; at += 64) {
    for (let i = 0; i < 16; i++) w[i] = data.getInt32(at + 4 * i);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15];
      const y = w[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let a = state[0];
    let b = state[1];
    let c = state[2];
    let d = state[3];
    let e = state[4];
    let f = state[5];
    let g = state[6];
    let h = state[7];
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + k[i] + w[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    state[0] = (state[0] + a) | 0;
    state[1] = (state[1] + b) | 0;
    state[2] = (state[2] + c) | 0;
    state[3] = (state[3] + d) | 0;
    state[4] = (state[4] + e) | 0;
    state[5] = (state[5] + f) | 0;
    state[6] = (state[6] + g) | 0;
    state[7] = (state[7] + h) | 0;
  }
}
