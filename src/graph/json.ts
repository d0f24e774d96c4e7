/**
 * graphology serialized JSON loader ({attributes?, options?: {type}, nodes: [{key, attributes?}],
 * edges: [{source, target, attributes?, undirected?}]}), and the builder shared with the XML
 * loader: both end as a list of node objects and edge objects, which this file turns into the
 * CSR, ids, labels, positions and report.
 *
 * Prototype safety: node keys index a Map, never an object, and attributes are read as own
 * properties only, so ids and attribute names such as "__proto__" or "constructor" are plain data.
 * (JSON.parse itself makes "__proto__" an own property, never a prototype.)
 */
import { compileCsr } from './csr.ts';
import { allOnesWarning, edgeValueProblem } from './edge-list.ts';
import { LoadError, type LoadErrorWhere } from './load-error.ts';
import type { Direction, EdgeValues, GraphFormat, LoadedGraph } from './types.ts';

/** A node as graphology serializes it; only own properties of `attributes` are read. */
export interface ObjectNode {
  key: string;
  attributes: Record<string, unknown>;
}

/** An edge as graphology serializes it; `undirected` is the file's own declaration. */
export interface ObjectEdge {
  source: string;
  target: string;
  attributes: Record<string, unknown>;
  undirected: boolean;
}

/** An own property, never an inherited one. */
export function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Where a node or edge of the input is, for error messages. */
export interface Located {
  where: LoadErrorWhere;
  /** Prefix for the problem text ("edges[3]: ", or "" when `where` says it all). */
  prefix: string;
}

export interface BuildContext {
  file: string;
  format: GraphFormat;
  gzip: boolean;
  /** Explicit direction; when absent the file's declaration decides. */
  direction: Direction | null;
  edgeValues: EdgeValues;
  node(i: number): Located;
  edge(i: number): Located;
  /** What the format calls a missing edge list, for the "no edges" message. */
  noEdgesHint: string;
  /** Most edges allowed (see LoadOptions.maxEdges); default unlimited. */
  maxEdges?: number;
  /** A node attribute to return as written (LoadOptions.nodeAttribute). */
  nodeAttribute?: string | null;
}

export interface JsonLoadOptions {
  file: string;
  gzip: boolean;
  direction: Direction | null;
  edgeValues: EdgeValues;
  maxEdges?: number;
  nodeAttribute?: string | null;
}

/** Load graphology serialized JSON from its text. */
export function loadJson(text: string, options: JsonLoadOptions): LoadedGraph {
  const file = options.file;
  const fail = (problem: string, where: LoadErrorWhere = {}) => new LoadError(file, 'json', problem, where);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const syntax = jsonSyntaxError(text);
    const problem = syntax
      ? syntax.problem
      : e instanceof Error
        ? e.message.split('\n')[0].slice(0, 200)
        : String(e);
    throw fail(`not valid JSON (${problem}); expected a graphology graph {"nodes": [...], "edges": [...]}`, {
      line: syntax ? lineAt(text, syntax.offset) : undefined,
    });
  }
  if (!isObject(data) || (!Array.isArray(own(data, 'nodes')) && !Array.isArray(own(data, 'edges')))) {
    throw fail('not a graphology JSON graph; expected an object with "nodes" and "edges" arrays');
  }
  const graphOptions = own(data, 'options');
  const type = isObject(graphOptions) ? own(graphOptions, 'type') : undefined;
  if (type !== undefined && type !== 'directed' && type !== 'undirected' && type !== 'mixed') {
    throw fail(`options.type is ${shownValue(type)}; expected "directed", "undirected" or "mixed"`);
  }
  const nodes = jsonNodes(own(data, 'nodes'), fail);
  const edges = jsonEdges(own(data, 'edges'), type, fail);
  return buildObjectGraph(nodes, edges, {
    ...options,
    format: 'json',
    node: (i) => ({ where: {}, prefix: `nodes[${i}]: ` }),
    edge: (i) => ({ where: {}, prefix: `edges[${i}]: ` }),
    noEdgesHint: 'the "edges" array is empty',
  });
}

type Fail = (problem: string, where?: LoadErrorWhere) => LoadError;

function jsonNodes(raw: unknown, fail: Fail): ObjectNode[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw fail('"nodes" is not an array');
  return raw.map((item, i) => {
    if (!isObject(item))
      throw fail(`nodes[${i}] is not an object; expected {"key": ..., "attributes": {...}}`);
    const key = jsonKey(own(item, 'key'));
    if (key === null) throw fail(`nodes[${i}]: "key" must be a string or a number`);
    return { key, attributes: jsonAttributes(own(item, 'attributes'), `nodes[${i}]`, fail) };
  });
}

function jsonEdges(raw: unknown, type: unknown, fail: Fail): ObjectEdge[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw fail('"edges" is not an array');
  return raw.map((item, i) => {
    if (!isObject(item)) throw fail(`edges[${i}] is not an object; expected {"source": ..., "target": ...}`);
    const source = jsonKey(own(item, 'source'));
    const target = jsonKey(own(item, 'target'));
    if (source === null || target === null) {
      throw fail(`edges[${i}]: "source" and "target" must be node keys (strings or numbers)`);
    }
    const undirected = own(item, 'undirected');
    if (undirected !== undefined && typeof undirected !== 'boolean') {
      throw fail(`edges[${i}]: "undirected" must be true or false`);
    }
    if (type === 'directed' && undirected === true) {
      throw fail(`edges[${i}] is undirected but options.type is "directed"`);
    }
    return {
      source,
      target,
      attributes: jsonAttributes(own(item, 'attributes'), `edges[${i}]`, fail),
      undirected: type === 'undirected' || undirected === true,
    };
  });
}

function jsonKey(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function jsonAttributes(v: unknown, at: string, fail: Fail): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) throw fail(`${at}: "attributes" must be an object`);
  return v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Where JSON.parse failed and why, found by a small recursive-descent scan of the JSON grammar.
 * JSON.parse does not always give a position (V8 often quotes a snippet instead), and a line
 * number is what helps a user fix the file. Only run after JSON.parse has thrown.
 */
export function jsonSyntaxError(text: string): { offset: number; problem: string } | null {
  let i = 0;
  const skip = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const error = (expected: string): { offset: number; problem: string } => {
    const found = i < text.length ? `${JSON.stringify(text[i])}` : 'the end of the file';
    return { offset: i, problem: `found ${found} where ${expected} was expected` };
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const STRING = /"(?:[^"\\]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
  const match = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  /** A string token; raw control characters are not allowed in JSON strings. */
  const string = (): boolean => {
    const start = i;
    if (!match(STRING)) return false;
    for (let j = start; j < i; j++) {
      if (text.charCodeAt(j) < 0x20) {
        i = j;
        return false;
      }
    }
    return true;
  };
  const scalar = (): boolean => {
    if (text[i] === '"') return string();
    if (match(NUMBER)) return true;
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (word) i += word.length;
    return word !== undefined;
  };
  const key = () => {
    skip();
    if (text[i] !== '"' || !string()) return error('a property name in double quotes');
    skip();
    if (text[i] !== ':') return error("':'");
    i++;
    return null;
  };
  // A loop over an explicit stack of closing brackets, so deep nesting cannot overflow the stack.
  const closers: string[] = [];
  let wantValue = true;
  for (;;) {
    skip();
    if (wantValue) {
      const c = text[i];
      if (c === '{' || c === '[') {
        const close = c === '{' ? '}' : ']';
        i++;
        skip();
        if (text[i] === close) {
          i++;
          wantValue = false;
          continue;
        }
        closers.push(close);
        const problem = c === '{' ? key() : null;
        if (problem) return problem;
        continue;
      }
      if (!scalar()) return error('a value');
      wantValue = false;
      continue;
    }
    const close = closers[closers.length - 1];
    if (close === undefined) return i < text.length ? error('the end of the file') : null;
    if (text[i] === close) {
      closers.pop();
      i++;
      continue;
    }
    if (text[i] !== ',') return error(`',' or '${close}'`);
    i++;
    const problem = close === '}' ? key() : null;
    if (problem) return problem;
    wantValue = true;
  }
}

// ---------------------------------------------------------------------------------------------
// Shared builder.

/** A number from an attribute: numbers as they are, numeric strings (GraphML without types) parsed. */
function numeric(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
  return Number.NaN;
}

function shownValue(v: unknown): string {
  if (typeof v === 'number') return String(v);
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/**
 * Turn node and edge objects into a LoadedGraph. Direction: the file's declaration unless
 * ctx.direction overrides it; a mixed graph keeps its arcs and stores undirected edges both ways.
 */
export function buildObjectGraph(nodes: ObjectNode[], edges: ObjectEdge[], ctx: BuildContext): LoadedGraph {
  const fail = (located: Located, problem: string) =>
    new LoadError(ctx.file, ctx.format, located.prefix + problem, located.where);
  if (edges.length === 0) throw new LoadError(ctx.file, ctx.format, `no edges: ${ctx.noEdgesHint}`);
  if (ctx.maxEdges !== undefined && edges.length > ctx.maxEdges) {
    throw new LoadError(
      ctx.file,
      ctx.format,
      `${edges.length.toLocaleString('en-US')} edges, more than the limit of ${ctx.maxEdges.toLocaleString('en-US')}; if the graph really is this large, raise it with --max-edges N (load option maxEdges)`,
    );
  }

  const index = new Map<string, number>();
  const ids: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const key = nodes[i].key;
    if (index.has(key)) throw fail(ctx.node(i), `node id ${shownValue(key)} is used twice`);
    index.set(key, i);
    ids.push(key);
  }

  let undirectedCount = 0;
  for (const e of edges) if (e.undirected) undirectedCount++;
  const declared =
    undirectedCount === 0 ? 'directed' : undirectedCount === edges.length ? 'undirected' : 'mixed';
  const warnings: string[] = [];
  let direction: Direction;
  /** Whether undirected edges become two arcs (a mixed graph read with its own declaration). */
  let bothWays = false;
  if (ctx.direction === null) {
    direction = declared === 'undirected' ? 'undirected' : 'influences';
    if (declared === 'mixed') {
      bothWays = true;
      warnings.push(
        `mixed graph: ${undirectedCount} undirected edges are stored as arcs both ways, ${edges.length - undirectedCount} directed edges as source -> target`,
      );
    }
  } else {
    direction = ctx.direction;
    if (direction !== 'undirected' && undirectedCount > 0) {
      warnings.push(
        `${undirectedCount} edges are declared undirected in the file but are read one way (direction '${direction}')`,
      );
    } else if (direction === 'undirected' && declared !== 'undirected') {
      warnings.push(`${edges.length - undirectedCount} directed edges of the file are read as undirected`);
    }
  }

  const values = edgeValues(edges, ctx, fail);
  const capacity = edges.length + (bothWays ? undirectedCount : 0);
  const src = new Uint32Array(capacity);
  const dst = new Uint32Array(capacity);
  const kept = values ? new Float64Array(capacity) : null;
  let count = 0;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined) {
      const missing = a === undefined ? `source ${shownValue(e.source)}` : `target ${shownValue(e.target)}`;
      throw fail(ctx.edge(i), `${missing} is not a declared node`);
    }
    src[count] = a;
    dst[count] = b;
    if (kept && values) kept[count] = values[i];
    count++;
    if (bothWays && e.undirected && a !== b) {
      src[count] = b;
      dst[count] = a;
      if (kept && values) kept[count] = values[i];
      count++;
    }
  }

  const valueKind = values ? (ctx.edgeValues as 'probability' | 'weight') : null;
  if (valueKind === 'probability' && values?.every((v) => v === 1))
    warnings.push(allOnesWarning('edge weight'));
  const compiled = compileCsr({ n: nodes.length, count, src, dst, values: kept, valueKind }, direction);
  return {
    csr: compiled.csr,
    ids,
    labels: nodeLabels(nodes),
    positions: nodePositions(nodes),
    ...(ctx.nodeAttribute ? { nodeAttribute: nodeAttributeOf(nodes, ctx, fail) } : {}),
    report: {
      file: ctx.file,
      format: ctx.format,
      gzip: ctx.gzip,
      direction,
      selfLoops: compiled.selfLoops,
      duplicateEdges: compiled.duplicateEdges,
      edges: compiled.edges,
      header: null,
      edgeLines: edges.length,
      skippedLines: 0,
      warnings,
    },
  };
}

/**
 * The `weight` of every edge, validated as edgeValues says; null when no edge has one or values
 * are ignored. Either every edge has a weight or none has: a missing one is an error, not a guess.
 */
function edgeValues(
  edges: ObjectEdge[],
  ctx: BuildContext,
  fail: (located: Located, problem: string) => LoadError,
): Float64Array | null {
  if (ctx.edgeValues === 'ignore') return null;
  const kind = ctx.edgeValues;
  let withWeight = 0;
  let firstWithout = -1;
  for (let i = 0; i < edges.length; i++) {
    const w = own(edges[i].attributes, 'weight');
    if (w === undefined || w === null) {
      if (firstWithout < 0) firstWithout = i;
    } else {
      withWeight++;
    }
  }
  if (withWeight === 0) return null;
  if (firstWithout >= 0) {
    throw fail(
      ctx.edge(firstWithout),
      `this edge has no weight but ${withWeight} other edge${withWeight === 1 ? ' has' : 's have'} one; give every edge a weight, or pass edgeValues 'ignore'`,
    );
  }
  const values = new Float64Array(edges.length);
  for (let i = 0; i < edges.length; i++) {
    const raw = own(edges[i].attributes, 'weight');
    const v = numeric(raw);
    const problem = edgeValueProblem(v, kind);
    if (problem) throw fail(ctx.edge(i), `weight ${shownValue(raw)} ${problem}`);
    values[i] = v;
  }
  return values;
}

/** The values of the requested node attribute (undefined where a node lacks it). */
function nodeAttributeOf(
  nodes: ObjectNode[],
  ctx: BuildContext,
  fail: (located: Located, problem: string) => LoadError,
): { name: string; values: unknown[] } {
  const name = ctx.nodeAttribute as string;
  const values = nodes.map((node) => own(node.attributes, name));
  if (nodes.length > 0 && values.every((v) => v === undefined))
    throw fail(ctx.node(0), `no node has the attribute '${name}'`);
  return { name, values };
}

/** Labels when at least one node has a `label` attribute (others null), else null. */
function nodeLabels(nodes: ObjectNode[]): (string | null)[] | null {
  let any = false;
  const labels = nodes.map((node) => {
    const label = own(node.attributes, 'label');
    if (typeof label === 'string' || typeof label === 'number') {
      any = true;
      return String(label);
    }
    return null;
  });
  return any ? labels : null;
}

/** Interleaved x,y when every node has finite x and y attributes, else null. */
function nodePositions(nodes: ObjectNode[]): Float64Array | null {
  if (nodes.length === 0) return null;
  const xy = new Float64Array(2 * nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const x = numeric(own(nodes[i].attributes, 'x'));
    const y = numeric(own(nodes[i].attributes, 'y'));
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
  }
  return xy;
}
