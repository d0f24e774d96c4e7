/**
 * The reference Louvain: graphology-communities-louvain on a graphology graph built from the CSR
 * exactly as src/analysis/communities.ts built it before its CSR port (src/analysis/louvain.ts):
 * the undirected simple view, node keys the node indices, edges merged node by node along the
 * out-arcs, unweighted, the rng a seeded Rng's floats.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Csr } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';

/** The undirected simple view as a graphology graph; node keys are the node indices. */
export function undirectedGraphology(csr: Csr): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let v = 0; v < csr.n; v++) graph.addNode(String(v));
  const { n, outOffsets, outTargets } = csr;
  for (let u = 0; u < n; u++) {
    for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) {
      const v = outTargets[k];
      if (csr.directed) graph.mergeEdge(String(u), String(v));
      else if (u < v) graph.addEdge(String(u), String(v));
    }
  }
  return graph;
}

/** graphology's raw communities (by node index) and modularity, for a graph with at least one edge. */
export function referenceLouvain(
  csr: Csr,
  options: { rngSeed?: number; resolution?: number; rng?: () => number } = {},
): { community: Uint32Array; modularity: number; level: number } {
  const graph = undirectedGraphology(csr);
  const seeded = new Rng(options.rngSeed ?? 1);
  const rng = options.rng ?? (() => seeded.float());
  const result = louvain.detailed(graph, { rng, resolution: options.resolution ?? 1, getEdgeWeight: null });
  const community = new Uint32Array(csr.n);
  for (let v = 0; v < csr.n; v++) community[v] = result.communities[String(v)];
  return { community, modularity: result.modularity, level: (result as unknown as { level: number }).level };
}
