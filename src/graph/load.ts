/**
 * loadGraph: a graph file's bytes in (whole or streamed), LoadedGraph out. Un-gzips as a stream
 * (by magic bytes, with an injected streaming gunzip), refuses binary data and text that is not
 * UTF-8 wherever it appears, detects the format from the content (then the file extension) and
 * dispatches to the edge-list, GEXF/GraphML or JSON loader, within limits on edges and text size.
 * Everything it throws is a LoadError naming the file; platform services (gunzip, DOMParser) are
 * injected so the same code runs in Node and in browser workers.
 */
import {
  DEFAULT_MAX_EDGES,
  EDGE_LINE_SHAPE,
  type EdgeListPart,
  EdgeListReader,
  HEADER_OPTIONS,
  type HeaderOption,
} from './edge-list.ts';
import { feedEdgeListBlock, splitBlock } from './edge-list-blocks.ts';
import { loadJson } from './json.ts';
import { LoadError } from './load-error.ts';
import {
  BlockReader,
  ChunkReader,
  type GraphInput,
  type Gunzip,
  NotBytesError,
  remaining,
  SourceError,
  type TextBlock,
} from './stream.ts';
import { countLines, firstTextProblem, looksBinary, textProblemError } from './text-check.ts';
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
export type { GraphInput, Gunzip } from './stream.ts';
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
  /** Needed for gzip-compressed input: a streaming gunzip (Node: zlib.createGunzip; browsers: DecompressionStream). */
  gunzip?: Gunzip;
  /** Needed for GEXF and GraphML (browsers: window.DOMParser; Node: @xmldom/xmldom). */
  DOMParser?: DOMParserConstructor;
  /** Most edges read (edge lines or elements, before merging duplicates). Default 200,000,000. */
  maxEdges?: number;
  /**
   * Most bytes of GEXF, GraphML or JSON text (after gunzip), which are parsed whole. Default by
   * format (DEFAULT_MAX_TEXT_BYTES): what parses within Node's default heap, not a crash.
   */
  maxTextBytes?: number;
  /** Size of the input in bytes when known (a plain file's size), to size the edge arrays once. */
  sizeHint?: number;
  /**
   * Also read this node attribute (GEXF, GraphML, JSON), as written, into `nodeAttribute` of the
   * result (e.g. a cost per account). Edge lists have no node attributes: asking is an error.
   */
  nodeAttribute?: string;
  /**
   * A split load of a plain (not gzipped) edge list: another thread reads the lines from `at` on
   * (readEdgeListTail) while this one reads those before. Given by the Node file reader for large
   * files; the result is the same with or without it.
   */
  edgeListTail?: EdgeListTail;
}

/** The lines of an edge list from a line start `at` on, read elsewhere (see LoadOptions.edgeListTail). */
export interface EdgeListTail {
  at: number;
  /** Their records, or null when the other reader could not read them exactly (then they are read here). */
  read: () => Promise<EdgeListPart | null>;
}

export interface ResolvedLoadOptions {
  file: string;
  direction: Direction | null;
  edgeValues: EdgeValues;
  header: HeaderOption;
  format: GraphFormat | null;
  gunzip: Gunzip | null;
  DOMParser: DOMParserConstructor | null;
  maxEdges: number;
  /** null: the format's default (DEFAULT_MAX_TEXT_BYTES). */
  maxTextBytes: number | null;
  sizeHint: number | null;
  nodeAttribute: string | null;
  edgeListTail: EdgeListTail | null;
}

export const GRAPH_FORMATS: readonly GraphFormat[] = ['edgelist', 'gexf', 'graphml', 'json'];
const OPTION_NAMES = [
  'file',
  'direction',
  'edgeValues',
  'header',
  'format',
  'gunzip',
  'DOMParser',
  'maxEdges',
  'maxTextBytes',
  'sizeHint',
  'nodeAttribute',
  'edgeListTail',
];
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
  const text = (key: string): string | null => {
    const v = named[key];
    if (v === undefined) return null;
    if (typeof v === 'string' && v !== '') return v;
    throw bad(`option '${key}' must be a non-empty string, got ${describe(v)}`);
  };
  const whole = (key: string, min: number, fallback: number | null): number | null => {
    const v = named[key];
    if (v === undefined) return fallback;
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= min) return v;
    throw bad(`option '${key}' must be a whole number >= ${min}, got ${describe(v)}`);
  };
  return {
    file: named.file,
    direction: choice('direction', DIRECTIONS, null),
    edgeValues: choice('edgeValues', EDGE_VALUES, 'probability') as EdgeValues,
    header: choice('header', HEADER_OPTIONS, 'auto') as HeaderOption,
    format: choice('format', GRAPH_FORMATS, null),
    gunzip: fn('gunzip'),
    DOMParser: fn('DOMParser'),
    maxEdges: whole('maxEdges', 1, DEFAULT_MAX_EDGES) as number,
    maxTextBytes: whole('maxTextBytes', 1, null),
    sizeHint: whole('sizeHint', 0, null),
    nodeAttribute: text('nodeAttribute'),
    edgeListTail: tailOption(named.edgeListTail, bad),
  };
}

function tailOption(v: unknown, bad: (problem: string) => LoadError): EdgeListTail | null {
  if (v === undefined) return null;
  const t = v as Partial<EdgeListTail> | null;
  if (typeof t === 'object' && t !== null && Number.isSafeInteger(t.at) && typeof t.read === 'function')
    return t as EdgeListTail;
  throw bad(`option 'edgeListTail' must be {at, read}, got ${describe(v)}`);
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'function') return 'a function';
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? 'an array' : 'an object';
}

/**
 * Load a graph from a file's bytes (possibly gzip-compressed), given whole or as a stream. The
 * input is read block by block: an edge list is parsed as it streams in, so memory follows the
 * size of the graph, not of the file; GEXF, GraphML and JSON are gathered (up to maxTextBytes)
 * and parsed whole. The stream is released as soon as loading fails.
 */
export async function loadGraph(input: GraphInput, options: LoadOptions): Promise<LoadedGraph> {
  const o = resolveLoadOptions(options);
  const at: Progress = { format: o.format ?? 'unknown', gzip: false };
  const byteLength = input instanceof Uint8Array ? input.length : undefined;
  let raw: ChunkReader | null = null;
  let text: ChunkReader | null = null;
  try {
    raw = new ChunkReader(input);
    const source = raw;
    // The first two bytes say whether it is gzip.
    const first: Uint8Array[] = [];
    let have = 0;
    while (have < 2) {
      const chunk = await readChunk(() => source.read(), o, at);
      if (!chunk) break;
      first.push(chunk);
      have += chunk.length;
    }
    const second = first.length === 0 ? -1 : first[0].length > 1 ? first[0][1] : (first[1]?.[0] ?? -1);
    at.gzip = first.length > 0 && first[0][0] === 0x1f && second === 0x8b;
    if (at.gzip) {
      if (!o.gunzip)
        throw new LoadError(o.file, at.format, 'the file is gzip-compressed; pass options.gunzip to read it');
      const gunzipped = o.gunzip(remaining(source, first));
      text = new ChunkReader(gunzipped);
    } else {
      text = new ChunkReader(remaining(source, first));
    }
    const chunks = text;
    const blocks = new BlockReader(() => readChunk(() => chunks.read(), o, at));
    return await readBlocks(blocks, o, at, byteLength);
  } catch (e) {
    if (e instanceof LoadError) throw e;
    if (e instanceof NotBytesError) throw new LoadError(o.file, at.format, e.message);
    // A bug or an exhausted resource should still say which file it was reading.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new LoadError(o.file, at.format, `could not be read (${message})`);
  } finally {
    await text?.cancel();
    await raw?.cancel();
  }
}

/** What is known so far about the input being loaded (for error messages). */
interface Progress {
  format: GraphFormat | 'unknown';
  gzip: boolean;
}

/** A chunk from the input or from gunzip, with read and gzip failures turned into LoadErrors. */
async function readChunk(
  read: () => Promise<Uint8Array | null>,
  o: ResolvedLoadOptions,
  at: Progress,
): Promise<Uint8Array | null> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof LoadError || e instanceof NotBytesError) throw e;
    if (!at.gzip || e instanceof SourceError) {
      const reason = e instanceof SourceError ? e.reason : e;
      throw new LoadError(o.file, at.format, `cannot read the file (${readProblem(reason)})`);
    }
    const message = e instanceof Error ? e.message : String(e);
    throw new LoadError(o.file, at.format, `gzip data is corrupt or truncated (${message})`);
  }
}

/** A read error in words: the usual system error codes, else the message. */
export function readProblem(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

/** How much of the start of the text decides the format, and where binary data beats other errors. */
const SNIFF_BYTES = 1 << 16;

async function readBlocks(
  blocks: BlockReader,
  o: ResolvedLoadOptions,
  at: Progress,
  byteLength: number | undefined,
): Promise<LoadedGraph> {
  const inside = at.gzip ? ' (after gunzip)' : '';
  const head: TextBlock[] = [];
  let headLength = 0;
  while (headLength < SNIFF_BYTES) {
    const block = await blocks.next();
    if (!block) break;
    head.push(block);
    headLength += block.end;
  }
  if (headLength === 0)
    throw new LoadError(
      o.file,
      at.format,
      `empty file${inside}; expected an edge list, GEXF, GraphML or JSON graph`,
    );
  const start = head[0].buf;
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
    throw new LoadError(o.file, at.format, `the file is UTF-16 text${inside}; save it as UTF-8`);
  }
  refuseBinaryHead(head, o, at);
  const headBytes = concat(head.map((b) => b.buf.subarray(0, b.end)));
  const format = o.format ?? detectFormat(headBytes, o.file);
  at.format = format;
  if (format === 'edgelist') {
    if (o.nodeAttribute !== null)
      throw new LoadError(
        o.file,
        format,
        `an edge list has no node attributes, so no attribute '${o.nodeAttribute}'; give them in a GEXF, GraphML or JSON graph, or as a separate table`,
      );
    return readEdgeList(head, blocks, o, at, byteLength);
  }
  if (format === 'json') {
    return loadJson(await readText(head, blocks, o, at), {
      file: o.file,
      gzip: at.gzip,
      direction: o.direction,
      edgeValues: o.edgeValues,
      maxEdges: o.maxEdges,
      nodeAttribute: o.nodeAttribute,
    });
  }
  const DOMParser = o.DOMParser;
  if (!DOMParser) {
    throw new LoadError(
      o.file,
      format,
      `reading ${FORMAT_NAMES[format]} needs a DOMParser; pass options.DOMParser`,
    );
  }
  const text = await readText(head, blocks, o, at);
  return loadXml(text, {
    file: o.file,
    format,
    gzip: at.gzip,
    direction: o.direction,
    edgeValues: o.edgeValues,
    maxEdges: o.maxEdges,
    nodeAttribute: o.nodeAttribute,
    DOMParser,
  });
}

/**
 * Binary data near the start is refused before anything else is said about the file (its format,
 * an earlier bad line). Further on, problems are reported in file order.
 */
function refuseBinaryHead(head: TextBlock[], o: ResolvedLoadOptions, at: Progress): void {
  for (const [i, block] of head.entries()) {
    const bad = firstTextProblem(block.buf, 0, block.end);
    if (bad < 0) continue;
    if (block.offset + bad < SNIFF_BYTES && looksBinary(block.buf, bad, block.buf.length)) {
      // Lines are counted only here: on a cold start, counting every head block costs more than
      // checking it.
      let line = 1 + countLines(block.buf, 0, bad);
      for (const before of head.slice(0, i)) line += countLines(before.buf, 0, before.end);
      throw textProblemError(block.buf, bad, block.buf.length, {
        file: o.file,
        format: at.format,
        gzip: at.gzip,
        line,
        offset: block.offset + bad,
      });
    }
    return;
  }
}

/** Stream an edge list through the parser, checking each block's text first. */
async function readEdgeList(
  head: TextBlock[],
  blocks: BlockReader,
  o: ResolvedLoadOptions,
  at: Progress,
  byteLength: number | undefined,
): Promise<LoadedGraph> {
  if (!o.direction) {
    throw new LoadError(
      o.file,
      'edgelist',
      `an edge list does not say which way edges point; pass direction ${DIRECTION_CHOICES}`,
    );
  }
  const reader = new EdgeListReader({
    file: o.file,
    direction: o.direction,
    edgeValues: o.edgeValues,
    header: o.header,
    gzip: at.gzip,
    maxEdges: o.maxEdges,
    // Edge lists compress about 4:1; a low guess costs a few doublings, a high one unused memory.
    sizeHint: (o.sizeHint ?? byteLength ?? 0) * (at.gzip ? 4 : 1) || undefined,
  });
  const feed = (block: TextBlock) => feedEdgeListBlock(reader, block, o.file, at.gzip);
  // A split load: at the block holding the tail's first line, the tail's records are taken if they
  // can be; otherwise reading goes on here.
  const tail = at.gzip ? null : o.edgeListTail;
  let split = tail ? tail.at : -1;
  const take = async (block: TextBlock): Promise<boolean> => {
    if (!tail || split < 0 || block.offset + block.end <= split) {
      feed(block);
      return false;
    }
    const skip = block.cut && block.offset < split; // not a line start: never given, but never trusted
    const [before, after] = block.offset < split ? splitBlock(block, split) : [null, block];
    split = -1;
    if (skip) {
      feed(block);
      return false;
    }
    if (before) feed(before);
    const part = await tail.read().catch(() => null);
    if (part && reader.append(part)) return true;
    feed(after);
    return false;
  };
  for (const block of head) if (await take(block)) return reader.finish();
  for (let block = await blocks.next(); block; block = await blocks.next())
    if (await take(block)) return reader.finish();
  return reader.finish();
}

/**
 * Defaults of LoadOptions.maxTextBytes, measured on this project's CLI (Node 20, 4 GB default heap):
 * an xmldom document takes about 55 times its GraphML text in memory (75 MB of text: 4.2 GB), a
 * parsed JSON graph about 8 times (77 MB: 0.64 GB). Larger files would end in an out-of-memory
 * crash instead of an error. Both stay under V8's longest string (2^29 - 24 characters).
 */
export const DEFAULT_MAX_TEXT_BYTES: Record<'gexf' | 'graphml' | 'json', number> = {
  gexf: 64 * 2 ** 20,
  graphml: 64 * 2 ** 20,
  json: 256 * 2 ** 20,
};

const FORMAT_NAMES: Record<GraphFormat, string> = {
  edgelist: 'edge list',
  gexf: 'GEXF',
  graphml: 'GraphML',
  json: 'JSON',
};

/** Gather a GEXF, GraphML or JSON file's text, checked block by block, up to maxTextBytes. */
async function readText(
  head: TextBlock[],
  blocks: BlockReader,
  o: ResolvedLoadOptions,
  at: Progress,
): Promise<string> {
  const decoder = new TextDecoder('utf-8'); // drops a BOM
  const parts: string[] = [];
  let size = 0;
  const format = at.format as 'gexf' | 'graphml' | 'json';
  const limit = o.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES[format];
  const take = (block: TextBlock) => {
    const { buf, end } = block;
    const before = size;
    size += end;
    // Whichever comes first in the file is reported: a bad byte, or the byte past the limit.
    const bad = firstTextProblem(buf, 0, end);
    if (bad >= 0 && before + bad < limit) {
      let line = 1 + countLines(buf, 0, bad);
      for (const part of parts)
        for (let i = part.indexOf('\n'); i >= 0; i = part.indexOf('\n', i + 1)) line++;
      throw textProblemError(buf, bad, buf.length, {
        file: o.file,
        format: at.format,
        gzip: at.gzip,
        line,
        offset: block.offset + bad,
      });
    }
    if (size > limit) {
      throw new LoadError(
        o.file,
        format,
        `more than ${formatBytes(limit)} of ${FORMAT_NAMES[format]} text${at.gzip ? ' after gunzip' : ''}, the most this loader reads: ${FORMAT_NAMES[format]} is parsed whole, in memory, and a larger document would exhaust it (load option maxTextBytes). Convert the graph to an edge list of "source target" lines, which is read as a stream`,
      );
    }
    parts.push(decoder.decode(buf.subarray(0, end), { stream: true }));
  };
  for (const block of head) take(block);
  for (let block = await blocks.next(); block; block = await blocks.next()) take(block);
  parts.push(decoder.decode());
  return parts.join('');
}

function formatBytes(n: number): string {
  return n % 2 ** 20 === 0 ? `${n / 2 ** 20} MiB` : `${n} bytes`;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** gzip magic bytes 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
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
