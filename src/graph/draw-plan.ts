/**
 * What sigma draws. Small graphs are drawn whole; above the budget only the best-connected
 * accounts (by a score, e.g. PageRank or degree) and the edges among them, up to an edge budget.
 * The simulation always uses the whole graph: this only limits the picture.
 */
import { topK } from '../util/top-k.ts';
import type { Csr } from './types.ts';

export const NODE_BUDGET = 10_000;
export const EDGE_BUDGET = 120_000;

export interface DrawPlan {
  /** Node indices drawn, best first when cut. */
  nodes: Uint32Array;
  /** Edges drawn as [u0, v0, u1, v1, ...] node indices (one per undirected pair). */
  edges: Uint32Array;
  /** True when nodes or edges were left out. */
  cut: boolean;
}

export function planDrawing(
  csr: Csr,
  score: ArrayLike<number>,
  nodeBudget = NODE_BUDGET,
  edgeBudget = EDGE_BUDGET,
): DrawPlan {
  const n = csr.n;
  let nodes: Uint32Array;
  let cut = false;
  if (n <= nodeBudget) {
    nodes = new Uint32Array(n);
    for (let i = 0; i < n; i++) nodes[i] = i;
  } else {
    nodes = Uint32Array.from(topK(score, nodeBudget));
    cut = true;
  }
  const drawn = new Uint8Array(n);
  for (const v of nodes) drawn[v] = 1;
  const out: number[] = [];
  let edgeCount = 0;
  outer: for (const u of nodes) {
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) {
      const v = csr.outTargets[k];
      if (!drawn[v] || (!csr.directed && v < u)) continue;
      if (edgeCount >= edgeBudget) {
        cut = true;
        break outer;
      }
      out.push(u, v);
      edgeCount++;
    }
  }
  return { nodes, edges: Uint32Array.from(out), cut };
}
