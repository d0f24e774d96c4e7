/**
 * Loader worker: parses a graph file off the main thread (all formats, gzip via
 * DecompressionStream, XML via @xmldom/xmldom since workers have no DOMParser) and measures what
 * the summary shows (components, degrees, PageRank). Replies once, then the page terminates it.
 */
import { pagerank } from '../../analysis/centrality/pagerank.ts';
import { weakComponents } from '../../analysis/distance/components.ts';
import { csrBuffers, inDegrees, outDegrees } from '../../graph/csr.ts';
import { loadGraph } from '../../graph/load.ts';
import { LoadError } from '../../graph/load-error.ts';
import { strictXmlParser } from '../../util/strict-xml-parser.ts';
import { gunzip } from './browser-io.ts';
import type { LoadReply, LoadRequest } from './protocol.ts';

/**
 * The most edge lines the page reads from a file: a browser tab has a few gigabytes at most, and
 * a graph this size takes about one while loading (the command line's default is 200 million).
 */
export const APP_MAX_EDGES = 30_000_000;

const post = (reply: LoadReply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(reply, transfer);

self.addEventListener('message', async (event: MessageEvent<LoadRequest>) => {
  const { bytes, file, direction, edgeValues } = event.data;
  try {
    const loaded = await loadGraph(bytes, {
      file,
      direction,
      edgeValues,
      gunzip,
      DOMParser: strictXmlParser,
      maxEdges: APP_MAX_EDGES,
    });
    const components = weakComponents(loaded.csr);
    const facts = {
      components: components.count,
      largestComponent: components.largestSize,
      outDegree: outDegrees(loaded.csr),
      inDegree: inDegrees(loaded.csr),
      pagerank: loaded.csr.n > 0 ? pagerank(loaded.csr) : null,
    };
    const transfer: Transferable[] = [
      ...csrBuffers(loaded.csr),
      facts.outDegree.buffer,
      facts.inDegree.buffer,
    ];
    if (facts.pagerank) transfer.push(facts.pagerank.buffer);
    if (loaded.positions) transfer.push(loaded.positions.buffer);
    post({ ok: true, loaded, facts }, transfer);
  } catch (error) {
    const message =
      error instanceof LoadError
        ? error.message
        : `${file}: could not be read (${error instanceof Error ? error.message : String(error)})`;
    post({ ok: false, message });
  }
});
