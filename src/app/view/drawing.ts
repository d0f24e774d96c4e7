/**
 * The graphology graph sigma draws, made from the draw plan (src/graph/draw-plan.ts): node keys
 * are node indices as text, sizes follow degree, positions come from start-positions.ts (the file,
 * the layout cache, a bundled layout) or a seeded random start for the layout. Built in slices of a few milliseconds: 10,000 nodes and 120,000 edges
 * take a few hundred milliseconds, which would otherwise freeze the page once per graph.
 */
import Graph from 'graphology';
import { type DrawPlan, planDrawing } from '../../graph/draw-plan.ts';
import { yieldTask } from '../../util/next-task.ts';
import { Rng } from '../../util/rng.ts';
import type { GraphState } from '../state/types.ts';
import { type PositionsOrigin, startPositions } from './start-positions.ts';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  label: string;
  /** Node index in the CSR. */
  i: number;
}

export interface Drawing {
  plan: DrawPlan;
  graph: Graph<NodeAttributes>;
  /** Where all positions came from; null: (partly) a random start, so the layout should run. */
  origin: PositionsOrigin | null;
}

/** Longest stretch of building in one task. */
const SLICE_MS = 8;

/** Build the drawing of a graph; null when `stale()` turns true on the way (a newer graph). */
export async function buildDrawing(state: GraphState, stale: () => boolean): Promise<Drawing | null> {
  const { csr, ids, labels } = state.loaded;
  const { outDegree, inDegree } = state.facts;
  const plan = planDrawing(csr, state.facts.pagerank ?? outDegree);
  const start = await startPositions(state, plan);
  if (stale()) return null;
  const xy = start.xy;
  let maxDegree = 1;
  for (const v of plan.nodes) maxDegree = Math.max(maxDegree, outDegree[v] + inDegree[v]);
  const graph = new Graph<NodeAttributes>({ type: csr.directed ? 'directed' : 'undirected' });
  // Seeded: the same random start, so the same layout, every time.
  const rng = new Rng(plan.nodes.length);
  let sliceStart = performance.now();
  /** Checked every 256 items: the slice is used up. */
  const due = (k: number) => (k & 255) === 255 && performance.now() - sliceStart >= SLICE_MS;
  /** Let the page run; false when the drawing is no longer wanted. */
  const pause = async (): Promise<boolean> => {
    await yieldTask();
    sliceStart = performance.now();
    return !stale();
  };
  const nodes = plan.nodes;
  for (let k = 0; k < nodes.length; k++) {
    const v = nodes[k];
    graph.addNode(String(v), {
      x: Number.isNaN(xy[2 * k]) ? rng.float() : xy[2 * k],
      y: Number.isNaN(xy[2 * k + 1]) ? rng.float() : xy[2 * k + 1],
      size: 1.5 + 8 * Math.sqrt((outDegree[v] + inDegree[v]) / maxDegree),
      label: labels?.[v] ?? ids[v],
      i: v,
    });
    if (due(k) && !(await pause())) return null;
  }
  const e = plan.edges;
  for (let k = 0; k < e.length; k += 2) {
    // Keys by position: graphology's generated keys cost more than the rest of the insertion.
    graph.addEdgeWithKey(String(k >> 1), String(e[k]), String(e[k + 1]));
    if (due(k >> 1) && !(await pause())) return null;
  }
  return stale() ? null : { plan, graph, origin: start.origin };
}
