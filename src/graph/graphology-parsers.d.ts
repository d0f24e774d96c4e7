// graphology-gexf and graphology-graphml ship types only for their Node/browser entry points, which
// bind a DOMParser at import time (xmldom, or the global one that Web Workers do not have). The
// loaders import the shared factories instead, to inject a DOMParser; this is their signature.
declare module 'graphology-gexf/common/parser.js' {
  import type { AbstractGraph } from 'graphology-types';
  export default function createParserFunction(
    DOMParser: unknown,
    Document: unknown,
  ): (Graph: unknown, source: string | Document, options?: Record<string, unknown>) => AbstractGraph;
}

declare module 'graphology-graphml/common/parser.js' {
  import type { AbstractGraph } from 'graphology-types';
  export default function createParserFunction(
    DOMParser: unknown,
    Document: unknown,
  ): (Graph: unknown, source: string | Document, options?: Record<string, unknown>) => AbstractGraph;
}
