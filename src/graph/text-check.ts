/**
 * Text checks for graph files: every byte of the (decompressed) input is UTF-8 text without NUL
 * bytes, checked block by block as the input streams in, so binary data is refused from its first
 * block and text in another encoding is refused where it first goes wrong, with its line and byte
 * offset, wherever that is in the file.
 *
 * The verdict for a bad byte looks only at the bytes from it on (a fixed window), never at where a
 * block happens to end, so the same file always gets the same message however it is read: a NUL,
 * or an invalid UTF-8 sequence followed closely by control bytes, is binary data; an invalid UTF-8
 * sequence in otherwise clean text is text in another encoding (Latin-1, Windows-1252...), and the
 * message says how to convert it.
 */
import { LoadError } from './load-error.ts';
import type { GraphFormat } from './types.ts';

/** Bytes after a bad byte that decide between "binary data" and "another text encoding". */
export const VERDICT_WINDOW = 64;

export type TextProblemKind = 'nul' | 'utf8';

/**
 * Offset in buf of the first NUL byte or invalid UTF-8 sequence in [start, end), or -1. A UTF-8
 * sequence must end before `end`: callers cut blocks at line ends or at sequence boundaries.
 */
export function firstTextProblem(buf: Uint8Array, start: number, end: number): number {
  // Searched in a view ending at `end`: buf may run far past it (the rest of a chunk).
  let nul = end - start > 0 ? buf.subarray(start, end).indexOf(0) : -1;
  if (nul >= 0) nul += start;
  const stop = nul >= 0 ? nul : end;
  const high = firstHighByte(buf, start, stop);
  if (high >= 0) {
    const bad = firstInvalidUtf8(buf, high, stop);
    if (bad >= 0) return bad;
  }
  return nul;
}

/** Offset of the first byte >= 0x80 in [start, end), or -1; four bytes per step where aligned. */
function firstHighByte(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && ((buf.byteOffset + i) & 3) !== 0) {
    if (buf[i] >= 0x80) return i;
    i++;
  }
  const words = (end - i) >>> 2;
  if (words > 0) {
    const w = new Uint32Array(buf.buffer, buf.byteOffset + i, words);
    let k = 0;
    for (; k + 4 <= words; k += 4) if ((w[k] | w[k + 1] | w[k + 2] | w[k + 3]) & 0x80808080) break;
    for (; k < words; k++) if (w[k] & 0x80808080) break;
    i += k * 4;
  }
  for (; i < end; i++) if (buf[i] >= 0x80) return i;
  return -1;
}

/** Offset of the first byte of an invalid (or cut) UTF-8 sequence in [start, end), or -1. */
function firstInvalidUtf8(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Second-byte range by lead byte (Unicode table 3-7), then plain continuation bytes.
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + n >= end) return i;
    const b1 = buf[i + 1];
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= n; k++) if ((buf[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * Whether the bad byte at buf[at] starts binary data: a NUL, or control bytes (other than tab,
 * line feed, vertical tab, form feed, carriage return) within VERDICT_WINDOW bytes. `limit` is how
 * far buf holds the input; callers keep VERDICT_WINDOW bytes of look-ahead unless the input ends.
 */
export function looksBinary(buf: Uint8Array, at: number, limit: number): boolean {
  const end = Math.min(limit, at + VERDICT_WINDOW);
  for (let i = at; i < end; i++) {
    const b = buf[i];
    if (b < 0x20 && (b < 0x09 || b > 0x0d)) return true;
  }
  return false;
}

export interface TextProblemContext {
  file: string;
  format: GraphFormat | 'unknown';
  gzip: boolean;
  /** Line of the bad byte (1-based). */
  line: number;
  /** Offset of the bad byte in the (decompressed) input. */
  offset: number;
}

/** The LoadError for the bad byte buf[at] (see looksBinary for `limit`). */
export function textProblemError(
  buf: Uint8Array,
  at: number,
  limit: number,
  c: TextProblemContext,
): LoadError {
  const inside = c.gzip ? ' after gunzip' : '';
  const where = `byte offset ${c.offset}${inside}`;
  const b = buf[at];
  if (b === 0 || looksBinary(buf, at, limit)) {
    const what = b === 0 ? 'a NUL byte' : `byte 0x${hex(b)}, not UTF-8, among control bytes,`;
    return new LoadError(
      c.file,
      c.format,
      `binary data, not a text graph file: ${what} at ${where}; expected an edge list, GEXF, GraphML or JSON text, optionally gzip-compressed`,
      { line: c.line },
    );
  }
  const plain = c.file.replace(/\.gz$/i, '');
  const convert = c.gzip
    ? `gunzip -c ${quote(c.file)} | iconv -f latin1 -t utf-8 > ${quote(`${plain}.utf8`)}`
    : `iconv -f latin1 -t utf-8 ${quote(c.file)} > ${quote(`${c.file}.utf8`)}`;
  return new LoadError(
    c.file,
    c.format,
    `invalid UTF-8 (byte 0x${hex(b)} at ${where}); graph files must be UTF-8 text. If this one is in another encoding such as Latin-1 or Windows-1252, convert it first, e.g. ${convert}`,
    { line: c.line },
  );
}

function hex(b: number): string {
  return b.toString(16).padStart(2, '0');
}

/** A file name as a shell word, quoted only when it needs to be. */
function quote(name: string): string {
  return /^[\w./+-]+$/.test(name) ? name : `'${name.replace(/'/g, "'\\''")}'`;
}

/** Number of line feeds in buf[start, end). */
export function countLines(buf: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a, start); i >= 0 && i < end; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}
