/**
 * GEXF and GraphML loaders over a DOM from an injected DOMParser (the browser passes its own,
 * Node passes @xmldom/xmldom's), so this file uses no DOM globals.
 *
 * The document is parsed first and its structure checked (root, <graph>, node ids, edge
 * endpoints) with errors naming the element. Then the four attributes a simulation uses are read
 * straight from the DOM: label, x, y (nodes) and weight (edges), with the rules of
 * graphology-gexf and graphology-graphml (typed <attvalue>/<data>, declared defaults, GEXF
 * viz:position), whose files they must read alike. Those libraries are not called: they key plain
 * objects by ids and attribute names from the file, and graphology's multigraph index does too,
 * so a node id "__proto__" set Object.prototype.previous (prototype pollution). Here ids and
 * attribute names only ever index Maps, and attribute records have no prototype.
 */
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
  /** Most edges allowed (see LoadOptions.maxEdges); default unlimited. */
  maxEdges?: number;
  /** A node attribute to read besides the four wanted ones (LoadOptions.nodeAttribute). */
  nodeAttribute?: string | null;
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
  const wanted = (name: string) => WANTED.has(name) || name === o.nodeAttribute;
  const read =
    o.format === 'gexf' ? gexfAttributeReader(doc, wanted) : graphmlAttributeReader(o, doc, wanted);
  const nodes: ObjectNode[] = nodeElements.map((element) => ({
    key: element.getAttribute('id') as string,
    attributes: read(element, 'node'),
  }));
  const edges: ObjectEdge[] = edgeElements.map((element, i) => ({
    source: element.getAttribute('source') as string,
    target: element.getAttribute('target') as string,
    attributes: read(element, 'edge'),
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

/** GEXF: edge `type` (directed, undirected, mutual) or the graph's defaultedgetype (default undirected). */
function gexfUndirected(o: XmlLoadOptions, graph: Element, edges: Element[]): boolean[] {
  const fallback = graph.getAttribute('defaultedgetype') || 'undirected';
  if (!['directed', 'undirected', 'mutual', 'mixed'].includes(fallback)) {
    throw xmlError(
      o,
      graph,
      `defaultedgetype="${clip(fallback)}"; expected "directed", "undirected" or "mutual"`,
    );
  }
  return edges.map((edge) => {
    const type = edge.getAttribute('type') || fallback;
    if (!['directed', 'undirected', 'mutual', 'mixed'].includes(type)) {
      throw xmlError(
        o,
        edge,
        `type="${clip(type)}"; expected "directed", "undirected" or "mutual"`,
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
    throw xmlError(o, graph, `edgedefault="${clip(fallback)}"; expected "directed" or "undirected"`);
  }
  return edges.map((edge) => {
    const directed = edge.getAttribute('directed');
    if (directed === null || directed === '') return fallback === 'undirected';
    if (directed !== 'true' && directed !== 'false') {
      throw xmlError(o, edge, `directed="${clip(directed)}"; expected "true" or "false"`, describeEdge(edge));
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
      throw xmlError(o, node, `id "${clip(id)}" is used by an earlier <node>`, describeNode(node, i));
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

// ---------------------------------------------------------------------------------------------
// Attributes: label, x, y and weight, read as graphology-gexf / graphology-graphml read them.

/** The attributes the builder uses; every other attribute of the file is skipped. */
const WANTED = new Set(['label', 'x', 'y', 'weight']);

type Domain = 'node' | 'edge';
/** Reads the wanted attributes of a <node> or <edge> into a record without a prototype. */
type AttributeReader = (element: Element, domain: Domain) => Record<string, unknown>;

function record(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

interface GexfAttribute {
  title: string;
  type: string;
}

/**
 * GEXF: the element's label and weight attributes, then <attvalue for|id="…" value="…"> by the
 * declared <attribute> (its title when the id is numeric, else the id; undeclared ones are strings
 * titled by their id), then declared defaults, then <viz:position x y>.
 */
function gexfAttributeReader(doc: Document, wanted: (name: string) => boolean): AttributeReader {
  const models = { node: new Map<string, GexfAttribute>(), edge: new Map<string, GexfAttribute>() };
  const defaults = { node: new Map<string, unknown>(), edge: new Map<string, unknown>() };
  for (const block of Array.from(doc.getElementsByTagName('attributes'))) {
    const domain = block.getAttribute('class');
    if (domain !== 'node' && domain !== 'edge') continue;
    // As graphology-gexf: the last <attributes class="…"> of a class is its model.
    const model = new Map<string, GexfAttribute>();
    const fallback = new Map<string, unknown>();
    for (const attribute of Array.from(block.getElementsByTagName('attribute'))) {
      const id = attribute.getAttribute('id') || attribute.getAttribute('for') || '';
      const title = Number.isNaN(Number(id)) ? id : attribute.getAttribute('title') || id;
      const type = attribute.getAttribute('type') || 'string';
      model.set(id, { title, type });
      const value = attribute.getElementsByTagName('default')[0];
      if (value && wanted(title)) fallback.set(title, gexfValue(type, value.textContent ?? ''));
    }
    models[domain] = model;
    defaults[domain] = fallback;
  }
  return (element, domain) => {
    const out = record();
    const label = element.getAttribute('label');
    const weight = element.getAttribute('weight');
    if (label) out.label = label;
    if (weight) out.weight = Number(weight);
    for (const attvalue of Array.from(element.getElementsByTagName('attvalue'))) {
      const id = attvalue.getAttribute('id') || attvalue.getAttribute('for') || '';
      const declared = models[domain].get(id);
      const title = declared ? declared.title : id;
      if (wanted(title))
        out[title] = gexfValue(declared?.type ?? 'string', attvalue.getAttribute('value') ?? '');
    }
    for (const [title, value] of defaults[domain]) if (!(title in out)) out[title] = value;
    const position = vizElement(element, 'position');
    if (position) {
      const x = position.getAttribute('x');
      const y = position.getAttribute('y');
      if (x) out.x = Number(x);
      if (y) out.y = Number(y);
    }
    return out;
  };
}

const GEXF_NUMBERS = ['byte', 'short', 'integer', 'long', 'float', 'double'];

/** A typed GEXF value; list types stay text (no wanted attribute is a list). */
function gexfValue(type: string, text: string): unknown {
  if (type === 'boolean') return text === 'true';
  if (GEXF_NUMBERS.includes(type)) return Number(text);
  return text;
}

/** The first viz:<name> descendant, found the ways graphology-gexf looks for it. */
function vizElement(element: Element, name: string): Element | undefined {
  return (
    element.getElementsByTagName(`viz:${name}`)[0] ??
    element.getElementsByTagNameNS('viz', name)[0] ??
    element.getElementsByTagName(name)[0]
  );
}

const GRAPHML_TYPES = ['boolean', 'int', 'long', 'float', 'double', 'string'];
/** Valid GraphML key domains that carry nothing this loader reads. */
const GRAPHML_OTHER_DOMAINS = ['graph', 'graphml', 'hyperedge', 'port', 'endpoint'];

interface GraphmlKey {
  name: string;
  type: string;
}

/**
 * GraphML: each <data key="…"> by its <key> (attr.name, attr.type; for="all" serves nodes and
 * edges), an undeclared key being a string attribute of that name, then the keys' <default> text.
 */
function graphmlAttributeReader(
  o: XmlLoadOptions,
  doc: Document,
  wanted: (name: string) => boolean,
): AttributeReader {
  const keys = { node: new Map<string, GraphmlKey>(), edge: new Map<string, GraphmlKey>() };
  const defaults = { node: new Map<string, string>(), edge: new Map<string, string>() };
  for (const key of Array.from(doc.getElementsByTagName('key'))) {
    const id = key.getAttribute('id') ?? '';
    const describe = `key id="${clip(id)}"`;
    const type = key.getAttribute('attr.type') || 'string';
    if (!GRAPHML_TYPES.includes(type)) {
      throw xmlError(o, key, `attr.type="${clip(type)}"; expected ${GRAPHML_TYPES.join(', ')}`, describe);
    }
    const domain = key.getAttribute('for') || 'node';
    const domains: Domain[] =
      domain === 'all' ? ['node', 'edge'] : domain === 'node' || domain === 'edge' ? [domain] : [];
    if (domains.length === 0 && !GRAPHML_OTHER_DOMAINS.includes(domain)) {
      throw xmlError(o, key, `for="${clip(domain)}"; expected node, edge, graph or all`, describe);
    }
    const name = key.getAttribute('attr.name') ?? '';
    const value = key.getElementsByTagName('default')[0];
    for (const d of domains) {
      keys[d].set(id, { name, type });
      if (value && wanted(name)) defaults[d].set(name, value.textContent ?? '');
    }
  }
  return (element, domain) => {
    const out = record();
    for (const data of Array.from(element.getElementsByTagName('data'))) {
      const id = data.getAttribute('key') ?? '';
      const declared = keys[domain].get(id);
      const name = declared ? declared.name : id;
      if (wanted(name)) out[name] = graphmlValue(declared?.type ?? 'string', data.textContent ?? '');
    }
    for (const [name, value] of defaults[domain]) if (!(name in out)) out[name] = value;
    return out;
  };
}

/** A typed GraphML value, cast as graphology-graphml casts it. */
function graphmlValue(type: string, text: string): unknown {
  if (type === 'boolean') return text.toLowerCase() === 'true';
  if (type === 'string') return text;
  return Number(text);
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
