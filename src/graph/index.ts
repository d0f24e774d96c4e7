/** The graph module's public surface: loading graph files into CSR form. Re-exports only. */
export { compileCsr, csrBuffers, type EdgeRecords, inDegrees, outDegrees, withInArcs } from './csr.ts';
export {
  DEFAULT_MAX_EDGES,
  EDGE_LINE_SHAPE,
  type EdgeListOptions,
  EdgeListReader,
  edgeValueProblem,
  HEADER_OPTIONS,
  parseEdgeList,
} from './edge-list.ts';
export { buildObjectGraph, loadJson, type ObjectEdge, type ObjectNode } from './json.ts';
export {
  DEFAULT_MAX_TEXT_BYTES,
  DIRECTION_CHOICES,
  type DOMParserConstructor,
  detectFormat,
  GRAPH_FORMATS,
  type GraphInput,
  type Gunzip,
  type HeaderOption,
  isGzip,
  type LoadOptions,
  loadGraph,
  type ResolvedLoadOptions,
  resolveLoadOptions,
} from './load.ts';
export { LoadError, type LoadErrorWhere } from './load-error.ts';
export * from './types.ts';
export { loadXml, type XmlLoadOptions } from './xml.ts';
