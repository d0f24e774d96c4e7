/**
 * GEXF and GraphML loaders, via graphology-gexf and graphology-graphml with an injected DOMParser
 * (the browser passes its own, Node passes @xmldom/xmldom's), so this file uses no DOM globals.
 *
 * The libraries assume a well-formed file and fail on anything else with bare TypeErrors, so the
 * document is parsed here first and its structure checked (root, <graph>, node ids, edge
 * endpoints) with errors naming the element. Edge directedness is read here from the DOM too:
 * graphology-graphml ignores directed="false", and both libraries copy the whole graph when the
 * type changes, which is quadratic on mixed files. The libraries then only read attributes
 * (labels, viz positions, weights, typed <attvalue>/<data>) into a graph that is always mixed and
 * multi and never copies itself, and its export() goes to the builder shared with JSON.
 */
import Graph from 'graphology';
import createGexfParser from 'graphology-gexf/common/parser.js';
import createGraphmlParser from 'graphology-graphml/common/parser.js';
import { buildObjectGraph, type Located, type ObjectEdge, type ObjectNode } from './json.ts';
import { LoadError } from './load-error.ts';
import type { Direction, EdgeValues, LoadedGraph } from './types.ts';

/** A DOMParser class: `window.DOMParser` in browsers, a wrapper of @xmldom/xmldom's in Node. */
export type { DOMParserConstructor } from '../util/strict-xml-parser.ts';

import type { DOMParserConstructor } from '../util/strict-xml-parser.ts';

export interface XmlLoadOptions {
  file: string;
  format: 'gexf' | 'graphml';
  gzip: boolean;
  direction: Direction | null;
  edgeValues: EdgeValues;
  DOMParser: DOMParserConstructor;
}

/**
 * The graph the libraries fill: whatever options they pass, it is mixed and multi, and copy()
 * returns itself, so "upgrading" to mixed or multi costs nothing and edge order stays file order.
 */
class LoaderGraph extends Graph {
  constructor() {
    super({ type: 'mixed', multi: true, allowSelfLoops: true });
  }

  override copy(): this {
    return this;
  }
}

/** Load a GEXF or GraphML document from its text. */
export function loadXml(text: string, o: XmlLoadOptions): LoadedGraph {
  const doc = parseDocument(text, o);
  const root = doc.documentElement;
  const rootName = localName(root);
  if (rootName !== o.format) {
    throw xmlError(o, root, `root element is <${rootName}>; expected a <${o.format}> document`);
  }
  const graph = root.getElementsByTagName('graph')[0];
  if (!graph)
    throw xmlError(o, root, `has no <graph> element; expected <${o.format}><graph>…</graph></${o.format}>`);
  const nodeElements = Array.from(doc.getElementsByTagName('node'));
  const edgeElements = Array.from(doc.getElementsByTagName('edge'));
  const undirected =
    o.format === 'gexf' ? gexfUndirected(o, graph, edgeElements) : graphmlUndirected(o, graph, edgeElements);
  checkNodes(o, nodeElements);
  checkEdges(o, edgeElements, nodeElements);
  if (o.format === 'gexf') checkGexfValues(o, doc);
  else prepareGraphmlKeys(o, doc);

  const exported = readAttributes(o, doc);
  if (exported.nodes.length !== nodeElements.length || exported.edges.length !== edgeElements.length) {
    throw new LoadError(
      o.file,
      o.format,
      `graphology-${o.format} read a different number of nodes or edges than the file has`,
    );
  }
  const nodes: ObjectNode[] = exported.nodes.map((n) => ({ key: n.key, attributes: n.attributes ?? {} }));
  const edges: ObjectEdge[] = exported.edges.map((e, i) => ({
    source: e.source,
    target: e.target,
    attributes: e.attributes ?? {},
    undirected: undirected[i],
  }));
  return buildObjectGraph(nodes, edges, {
    ...o,
    node: (i) => located(nodeElements[i], describeNode(nodeElements[i], i)),
    edge: (i) => located(edgeElements[i], describeEdge(edgeElements[i])),
    noEdgesHint: 'the document has no <edge> elements',
  });
}

/** Parse with the injected DOMParser; xmldom throws, browsers return a <parsererror> document. */
function parseDocument(text: string, o: XmlLoadOptions): Document {
  const hint = '; the file may be truncated or not XML';
  let doc: Document;
  try {
    doc = new o.DOMParser().parseFromString(text, 'application/xml');
  } catch (e) {
    const line = errorLine(e);
    throw new LoadError(o.file, o.format, `not well-formed XML (${errorMessage(e)})${hint}`, { line });
  }
  const error = doc?.getElementsByTagName('parsererror')[0];
  if (error) {
    const message = (error.textContent ?? '').replace(/\s+/g, ' ').trim();
    const at = /line(?: number)?\s*:?\s*(\d+)/i.exec(message);
    throw new LoadError(o.file, o.format, `not well-formed XML (${message.slice(0, 200)})${hint}`, {
      line: at ? Number(at[1]) : undefined,
    });
  }
  if (!doc?.documentElement) throw new LoadError(o.file, o.format, `no root element${hint}`);
  return doc;
}

/** Run graphology's parser for attributes only; anything it throws becomes a LoadError. */
function readAttributes(o: XmlLoadOptions, doc: Document) {
  const factory = o.format === 'gexf' ? createGexfParser : createGraphmlParser;
  try {
    const parse = factory(o.DOMParser, doc.constructor);
    return parse(LoaderGraph, doc, { allowUndeclaredAttributes: true }).export();
  } catch (e) {
    throw new LoadError(
      o.file,
      o.format,
      `graphology-${o.format} could not read the document: ${errorMessage(e)}`,
    );
  }
}

/** GEXF: edge `type` (directed, undirected, mutual) or the graph's defaultedgetype (default undirected). */
function gexfUndirected(o: XmlLoadOptions, graph: Element, edges: Element[]): boolean[] {
  const fallback = graph.getAttribute('defaultedgetype') || 'undirected';
  if (!['directed', 'undirected', 'mutual', 'mixed'].includes(fallback)) {
    throw xmlError(o, graph, `defaultedgetype="${fallback}"; expected "directed", "undirected" or "mutual"`);
  }
  return edges.map((edge) => {
    const type = edge.getAttribute('type') || fallback;
    if (!['directed', 'undirected', 'mutual', 'mixed'].includes(type)) {
      throw xmlError(
        o,
        edge,
        `type="${type}"; expected "directed", "undirected" or "mutual"`,
        describeEdge(edge),
      );
    }
    return type !== 'directed';
  });
}

/** GraphML: edge `directed` (true/false) or the graph's edgedefault (default undirected). */
function graphmlUndirected(o: XmlLoadOptions, graph: Element, edges: Element[]): boolean[] {
  const fallback = graph.getAttribute('edgedefault') || 'undirected';
  if (fallback !== 'directed' && fallback !== 'undirected') {
    throw xmlError(o, graph, `edgedefault="${fallback}"; expected "directed" or "undirected"`);
  }
  return edges.map((edge) => {
    const directed = edge.getAttribute('directed');
    if (directed === null || directed === '') return fallback === 'undirected';
    if (directed !== 'true' && directed !== 'false') {
      throw xmlError(o, edge, `directed="${directed}"; expected "true" or "false"`, describeEdge(edge));
    }
    return directed === 'false';
  });
}

function checkNodes(o: XmlLoadOptions, nodes: Element[]): void {
  const seen = new Set<string>();
  nodes.forEach((node, i) => {
    const id = node.getAttribute('id');
    if (!id)
      throw xmlError(o, node, 'has no id attribute; every <node> needs a unique id', describeNode(node, i));
    if (seen.has(id))
      throw xmlError(o, node, `id "${id}" is used by an earlier <node>`, describeNode(node, i));
    seen.add(id);
  });
}

function checkEdges(o: XmlLoadOptions, edges: Element[], nodes: Element[]): void {
  const ids = new Set(nodes.map((node) => node.getAttribute('id') as string));
  const edgeIds = new Set<string>();
  for (const edge of edges) {
    for (const end of ['source', 'target']) {
      const id = edge.getAttribute(end);
      if (!id)
        throw xmlError(
          o,
          edge,
          `has no ${end} attribute; expected <edge source="…" target="…">`,
          describeEdge(edge),
        );
      if (!ids.has(id))
        throw xmlError(o, edge, `${end} "${clip(id)}" is not the id of any <node>`, describeEdge(edge));
    }
    const id = edge.getAttribute('id');
    if (id) {
      if (edgeIds.has(id))
        throw xmlError(o, edge, `id "${clip(id)}" is used by an earlier <edge>`, describeEdge(edge));
      edgeIds.add(id);
    }
  }
}

/** GEXF <attvalue> needs a value (graphology-gexf reads list types from it without a check). */
function checkGexfValues(o: XmlLoadOptions, doc: Document): void {
  for (const attvalue of Array.from(doc.getElementsByTagName('attvalue'))) {
    if (attvalue.getAttribute('value') === null) {
      throw xmlError(o, attvalue, 'has no value attribute; expected <attvalue for="…" value="…"/>');
    }
  }
}

const GRAPHML_TYPES = ['boolean', 'int', 'long', 'float', 'double', 'string'];
/** Valid GraphML key domains that carry nothing this loader reads. */
const GRAPHML_OTHER_DOMAINS = ['graphml', 'hyperedge', 'port', 'endpoint'];

/**
 * Check GraphML <key> declarations and shape them for graphology-graphml, which only knows the
 * domains node, edge and graph (and crashes on others) and crashes on an unknown attr.type:
 * for="all" becomes one key per domain, keys for hyperedges, ports and the like are dropped.
 */
function prepareGraphmlKeys(o: XmlLoadOptions, doc: Document): void {
  for (const key of Array.from(doc.getElementsByTagName('key'))) {
    const describe = `key id="${clip(key.getAttribute('id') ?? '')}"`;
    const type = key.getAttribute('attr.type') || 'string';
    if (!GRAPHML_TYPES.includes(type)) {
      throw xmlError(o, key, `attr.type="${clip(type)}"; expected ${GRAPHML_TYPES.join(', ')}`, describe);
    }
    const domain = key.getAttribute('for') || 'node';
    if (domain === 'node' || domain === 'edge' || domain === 'graph') continue;
    if (domain === 'all') {
      key.setAttribute('for', 'node');
      for (const other of ['edge', 'graph']) {
        const copy = key.cloneNode(true) as Element;
        copy.setAttribute('for', other);
        key.parentNode?.insertBefore(copy, key);
      }
    } else if (GRAPHML_OTHER_DOMAINS.includes(domain)) {
      key.parentNode?.removeChild(key);
    } else {
      throw xmlError(o, key, `for="${clip(domain)}"; expected node, edge, graph or all`, describe);
    }
  }
}

function xmlError(o: XmlLoadOptions, element: Element, problem: string, description?: string): LoadError {
  const at = located(element, description ?? localName(element));
  return new LoadError(o.file, o.format, at.prefix + problem, at.where);
}

/** Element and, when the DOMParser records it (xmldom does), its line. */
function located(element: Element, description: string): Located {
  const line = (element as { lineNumber?: unknown }).lineNumber;
  if (typeof line === 'number' && line > 0)
    return { where: { line, element: description }, prefix: `<${description}> ` };
  return { where: { element: description }, prefix: '' };
}

function describeNode(node: Element, i: number): string {
  const id = node.getAttribute('id');
  return id ? `node id="${clip(id)}"` : `node #${i + 1}`;
}

function describeEdge(edge: Element): string {
  const id = edge.getAttribute('id');
  if (id) return `edge id="${clip(id)}"`;
  return `edge source="${clip(edge.getAttribute('source') ?? '')}" target="${clip(edge.getAttribute('target') ?? '')}"`;
}

function localName(element: Element): string {
  return element.localName || element.nodeName;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function errorMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0].slice(0, 300);
}

/** The line of a DOMParser exception: xmldom's ParseError has a locator. */
function errorLine(e: unknown): number | undefined {
  const err = e as { locator?: { lineNumber?: unknown }; lineNumber?: unknown } | null;
  const line = err?.locator?.lineNumber ?? err?.lineNumber;
  return typeof line === 'number' && line > 0 ? line : undefined;
}
