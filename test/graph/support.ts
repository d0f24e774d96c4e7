/** Helpers shared by the loader tests: load bytes the way Node does, and read a CSR back as arcs. */
import { nodeLoadServices } from '../../src/cli/common/read-graph-file.ts';
import { type LoadOptions, loadGraph } from '../../src/graph/load.ts';
import type { LoadedGraph } from '../../src/graph/types.ts';

export const FIXTURES = new URL('../fixtures/graphs/', import.meta.url);

/** Load in-memory bytes or text with Node's gunzip and DOMParser injected. */
export function load(content: string | Uint8Array, options: LoadOptions): Promise<LoadedGraph> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return loadGraph(bytes, { ...nodeLoadServices, ...options });
}

/** Every arc of the CSR (reach direction) as "from>to" with the file's ids. */
export function arcs(g: LoadedGraph): string[] {
  const out: string[] = [];
  const { outOffsets, outTargets } = g.csr;
  for (let u = 0; u < g.csr.n; u++) {
    for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) out.push(`${g.ids[u]}>${g.ids[outTargets[k]]}`);
  }
  return out;
}

/** The value stored on arc from>to, or undefined. */
export function arcValue(g: LoadedGraph, from: string, to: string): number | undefined {
  const u = g.ids.indexOf(from);
  const v = g.ids.indexOf(to);
  const { outOffsets, outTargets, outValues } = g.csr;
  for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) if (outTargets[k] === v) return outValues?.[k];
  return undefined;
}

/** Structural sanity of a loaded graph: sizes agree, offsets are monotone, targets in range. */
export function checkShape(g: LoadedGraph): void {
  const { csr } = g;
  const fail = (what: string) => {
    throw new Error(`bad CSR: ${what}`);
  };
  if (csr.n !== g.ids.length) fail('n !== ids.length');
  if (csr.outOffsets.length !== csr.n + 1 || csr.inOffsets.length !== csr.n + 1) fail('offset lengths');
  if (csr.outOffsets[csr.n] !== csr.arcs || csr.inOffsets[csr.n] !== csr.arcs) fail('offset totals');
  for (let u = 0; u < csr.n; u++) if (csr.outOffsets[u] > csr.outOffsets[u + 1]) fail('offsets not monotone');
  for (let k = 0; k < csr.arcs; k++)
    if (csr.outTargets[k] >= csr.n || csr.inSources[k] >= csr.n) fail('index range');
  if (csr.arcs !== (csr.directed ? g.report.edges : 2 * g.report.edges)) fail('arcs vs report.edges');
  if (g.labels && g.labels.length !== csr.n) fail('labels length');
  if (g.positions && g.positions.length !== 2 * csr.n) fail('positions length');
}
