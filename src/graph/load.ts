/**
 * loadGraph: bytes of a graph file in, LoadedGraph out. Un-gzips (by magic bytes, with an
 * injected gunzip), refuses binary data, detects the format from the content (then the file
 * extension) and dispatches to the edge-list, GEXF/GraphML or JSON loader. Everything it throws is
 * a LoadError naming the file; platform services (gunzip, DOMParser) are injected so the same code
 * runs in Node and in browser workers.
 */
import { EDGE_LINE_SHAPE, HEADER_OPTIONS, type HeaderOption, parseEdgeList } from './edge-list.ts';
import { loadJson } from './json.ts';
import { LoadError } from './load-error.ts';
import {
  DIRECTIONS,
  type Direction,
  EDGE_VALUES,
  type EdgeValues,
  type GraphFormat,
  type LoadedGraph,
} from './types.ts';
import { type DOMParserConstructor, loadXml } from './xml.ts';

export type { HeaderOption } from './edge-list.ts';
export type { DOMParserConstructor } from './xml.ts';

export interface LoadOptions {
  /** File name, used in every message and in the report (and its extension helps detection). */
  file: string;
  /** Required for edge lists; for GEXF/GraphML/JSON it overrides the file's declaration. */
  direction?: Direction;
  /** Meaning of the third column / `weight` attribute. Default 'probability'. */
  edgeValues?: EdgeValues;
  /** Whether an edge list's first line is a header. Default 'auto'. */
  header?: HeaderOption;
  /** Skip detection. */
  format?: GraphFormat;
  /** Needed for gzip-compressed input (Node: zlib.gunzipSync; browsers: DecompressionStream). */
  gunzip?: (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;
  /** Needed for GEXF and GraphML (browsers: window.DOMParser; Node: @xmldom/xmldom). */
  DOMParser?: DOMParserConstructor;
}

export interface ResolvedLoadOptions {
  file: string;
  direction: Direction | null;
  edgeValues: EdgeValues;
  header: HeaderOption;
  format: GraphFormat | null;
  gunzip: ((bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>) | null;
  DOMParser: DOMParserConstructor | null;
}

export const GRAPH_FORMATS: readonly GraphFormat[] = ['edgelist', 'gexf', 'graphml', 'json'];
const OPTION_NAMES = ['file', 'direction', 'edgeValues', 'header', 'format', 'gunzip', 'DOMParser'];
const EDGE_LIST_EXTENSIONS = ['txt', 'csv', 'tsv', 'edges', 'el'];

/** The three ways to read an edge list, as said to a user who gave none. */
export const DIRECTION_CHOICES =
  "'undirected' (a line \"a b\" is a mutual tie), 'influences' (line \"a b\": a's posts reach b) or 'follows' (line \"a b\": a follows b, so b's posts reach a; the usual meaning of follower exports)";

/**
 * Check options, filling defaults. Unknown keys and bad values are LoadErrors naming the option
 * and what it expects. `undefined` values count as absent.
 */
export function resolveLoadOptions(options: unknown): ResolvedLoadOptions {
  const named = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : null;
  const file = named && typeof named.file === 'string' && named.file !== '' ? named.file : '(graph)';
  const bad = (problem: string) => new LoadError(file, 'unknown', problem);
  if (!named) throw bad(`load options must be an object {file, direction?, ...}, got ${describe(options)}`);
  for (const key of Object.keys(named)) {
    if (!OPTION_NAMES.includes(key))
      throw bad(`unknown load option '${key}'; expected one of ${OPTION_NAMES.join(', ')}`);
  }
  if (typeof named.file !== 'string' || named.file === '') {
    throw bad(`option 'file' must be a non-empty string (the file name), got ${describe(named.file)}`);
  }
  const choice = <T extends string>(key: string, allowed: readonly T[], fallback: T | null): T | null => {
    const v = named[key];
    if (v === undefined) return fallback;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    throw bad(`option '${key}' must be ${allowed.map((a) => `'${a}'`).join(', ')}; got ${describe(v)}`);
  };
  const fn = <T>(key: string): T | null => {
    const v = named[key];
    if (v === undefined) return null;
    if (typeof v === 'function') return v as T;
    throw bad(`option '${key}' must be a function, got ${describe(v)}`);
  };
  return {
    file: named.file,
    direction: choice('direction', DIRECTIONS, null),
    edgeValues: choice('edgeValues', EDGE_VALUES, 'probability') as EdgeValues,
    header: choice('header', HEADER_OPTIONS, 'auto') as HeaderOption,
    format: choice('format', GRAPH_FORMATS, null),
    gunzip: fn('gunzip'),
    DOMParser: fn('DOMParser'),
  };
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'function') return 'a function';
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? 'an array' : 'an object';
}

/** Load a graph from the bytes of a file (possibly gzip-compressed). */
export async function loadGraph(bytes: Uint8Array, options: LoadOptions): Promise<LoadedGraph> {
  const o = resolveLoadOptions(options);
  let format: GraphFormat | 'unknown' = o.format ?? 'unknown';
  try {
    if (!(bytes instanceof Uint8Array))
      throw new LoadError(o.file, format, `expected the file's bytes (a Uint8Array), got ${describe(bytes)}`);
    const gzip = isGzip(bytes);
    const data = gzip ? await gunzip(bytes, o) : bytes;
    checkText(data, o.file, format, gzip);
    format = o.format ?? detectFormat(data, o.file);
    return parse(data, format, o, gzip);
  } catch (e) {
    if (e instanceof LoadError) throw e;
    // A bug or an exhausted resource should still say which file it was reading.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new LoadError(o.file, format, `could not be read (${message})`);
  }
}

function parse(data: Uint8Array, format: GraphFormat, o: ResolvedLoadOptions, gzip: boolean): LoadedGraph {
  if (format === 'edgelist') {
    if (!o.direction) {
      throw new LoadError(
        o.file,
        format,
        `an edge list does not say which way edges point; pass direction ${DIRECTION_CHOICES}`,
      );
    }
    return parseEdgeList(data, {
      file: o.file,
      direction: o.direction,
      edgeValues: o.edgeValues,
      header: o.header,
      gzip,
    });
  }
  const text = decodeText(data, o.file, format);
  if (format === 'json')
    return loadJson(text, { file: o.file, gzip, direction: o.direction, edgeValues: o.edgeValues });
  if (!o.DOMParser) {
    throw new LoadError(
      o.file,
      format,
      `reading ${format.toUpperCase()} needs a DOMParser; pass options.DOMParser`,
    );
  }
  return loadXml(text, {
    file: o.file,
    format,
    gzip,
    direction: o.direction,
    edgeValues: o.edgeValues,
    DOMParser: o.DOMParser,
  });
}

/** gzip magic bytes 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function gunzip(bytes: Uint8Array, o: ResolvedLoadOptions): Promise<Uint8Array> {
  if (!o.gunzip)
    throw new LoadError(
      o.file,
      o.format ?? 'unknown',
      'the file is gzip-compressed; pass options.gunzip to read it',
    );
  let out: unknown;
  try {
    out = await o.gunzip(bytes);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new LoadError(o.file, o.format ?? 'unknown', `gzip data is corrupt or truncated (${message})`);
  }
  if (!(out instanceof Uint8Array))
    throw new LoadError(o.file, o.format ?? 'unknown', 'gunzip did not return bytes');
  return out;
}

/** How much of the start of a file is checked for binary content. */
const SNIFF_BYTES = 1 << 16;

/** Refuse empty files, UTF-16 and binary data (NUL bytes or invalid UTF-8 near the start). */
function checkText(data: Uint8Array, file: string, format: GraphFormat | 'unknown', gzip: boolean): void {
  const inside = gzip ? ' (after gunzip)' : '';
  if (data.length === 0)
    throw new LoadError(
      file,
      format,
      `empty file${inside}; expected an edge list, GEXF, GraphML or JSON graph`,
    );
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
    throw new LoadError(file, format, `the file is UTF-16 text${inside}; save it as UTF-8`);
  }
  const head = data.subarray(0, SNIFF_BYTES);
  const nul = head.indexOf(0);
  const binary = `binary data${inside}, not a text graph file; expected an edge list, GEXF, GraphML or JSON (optionally gzip-compressed)`;
  if (nul >= 0)
    throw new LoadError(file, format, `${binary} (NUL byte at offset ${nul})`, { line: lineOf(data, nul) });
  try {
    // stream: true so a character cut by the end of the sniffed block is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < data.length });
  } catch {
    throw new LoadError(file, format, `${binary} (invalid UTF-8 in the first ${head.length} bytes)`);
  }
}

function lineOf(data: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (data[i] === 0x0a) line++;
  return line;
}

function decodeText(data: Uint8Array, file: string, format: GraphFormat): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data); // drops a BOM
  } catch {
    throw new LoadError(file, format, 'the file is not valid UTF-8 text');
  }
}

/**
 * Format from the content: an XML root <gexf or <graphml, or JSON's '{'. Otherwise from the
 * extension (.gz stripped); an unknown extension means an edge list.
 */
export function detectFormat(data: Uint8Array, file: string): GraphFormat {
  const ext = extension(file);
  const byExtension: GraphFormat | null =
    ext === 'gexf' ? 'gexf' : ext === 'graphml' ? 'graphml' : ext === 'json' ? 'json' : null;
  let p = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  while (p < data.length && (data[p] === 0x20 || data[p] === 0x09 || data[p] === 0x0a || data[p] === 0x0d))
    p++;
  if (data[p] === 0x7b) return 'json';
  if (data[p] === 0x3c) {
    const head = new TextDecoder('utf-8').decode(data.subarray(p, p + SNIFF_BYTES)).toLowerCase();
    const gexf = head.search(/<([\w-]+:)?gexf[\s>/]/);
    const graphml = head.search(/<([\w-]+:)?graphml[\s>/]/);
    if (gexf >= 0 && (graphml < 0 || gexf < graphml)) return 'gexf';
    if (graphml >= 0) return 'graphml';
    if (byExtension) return byExtension;
    if (!EDGE_LIST_EXTENSIONS.includes(ext)) {
      throw new LoadError(
        file,
        'unknown',
        `starts like XML but has no <gexf> or <graphml> element; expected GEXF, GraphML, JSON or ${EDGE_LINE_SHAPE} lines`,
      );
    }
    return 'edgelist';
  }
  if (byExtension) return byExtension;
  return 'edgelist';
}

/** Lower-case extension without a trailing .gz ("net.txt.gz" -> "txt"). */
function extension(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const parts = base.toLowerCase().split('.');
  if (parts.length > 1 && parts[parts.length - 1] === 'gz') parts.pop();
  return parts.length > 1 ? parts[parts.length - 1] : '';
}
