/**
 * Positions for the picture of a graph, computed ahead of time: ForceAtlas2 (the same settings the
 * app's layout worker uses) run for a fixed number of iterations from a seeded start, over the
 * nodes and edges the app draws (draw-plan.ts). `ripple layout` writes the result as a layout file;
 * the app opens bundled datasets with theirs, so their first picture is the finished layout, not a
 * random start whose long edges cost seconds per frame on a software renderer.
 *
 * Layout file (JSON): { format: "ripple-layout", version: 1, graph, direction, iterations, rng,
 * ids: [node id, ...], xy: [x0, y0, x1, y1, ...] }, one position per drawn node, by node id.
 */
import Graph from 'graphology';
import forceAtlas2, { inferSettings } from 'graphology-layout-forceatlas2';
import { Rng } from '../util/rng.ts';
import { type DrawPlan, planDrawing } from './draw-plan.ts';
import type { Direction, LoadedGraph } from './types.ts';

export const LAYOUT_FORMAT = 'ripple-layout';
export const LAYOUT_VERSION = 1;

export interface LayoutFile {
  format: typeof LAYOUT_FORMAT;
  version: typeof LAYOUT_VERSION;
  /** The graph file's name. */
  graph: string;
  direction: Direction;
  iterations: number;
  rng: number;
  /** Node ids, one per drawn node. */
  ids: string[];
  /** x,y per id, interleaved. */
  xy: number[];
}

/** ForceAtlas2's settings for a graph: inferred from its size, Barnes-Hut above 1000 nodes. */
export function fa2Settings(graph: Graph): ReturnType<typeof inferSettings> {
  return { ...inferSettings(graph), barnesHutOptimize: graph.order > 1000 };
}

/** Lay out the drawn part of a graph (plan from its PageRank) with ForceAtlas2. */
export function computeLayout(
  loaded: LoadedGraph,
  plan: DrawPlan,
  options: { iterations: number; rng: number },
): { ids: string[]; xy: number[] } {
  const graph = new Graph({ type: 'undirected', multi: false });
  const rng = new Rng(options.rng);
  for (const v of plan.nodes) graph.addNode(String(v), { x: rng.float(), y: rng.float() });
  const e = plan.edges;
  for (let k = 0; k < e.length; k += 2) graph.mergeEdge(String(e[k]), String(e[k + 1]));
  const positions = forceAtlas2(graph, { iterations: options.iterations, settings: fa2Settings(graph) });
  const ids: string[] = [];
  const xy: number[] = [];
  for (const v of plan.nodes) {
    const p = positions[String(v)];
    ids.push(loaded.ids[v]);
    // Two decimals: the picture cannot show more, and the file stays small.
    xy.push(Math.round(p.x * 100) / 100, Math.round(p.y * 100) / 100);
  }
  return { ids, xy };
}

/** The whole layout file of a loaded graph, its drawn part chosen by `score` (PageRank in the app). */
export function layoutFile(
  loaded: LoadedGraph,
  score: ArrayLike<number>,
  options: { graph: string; iterations: number; rng: number },
): LayoutFile {
  const plan = planDrawing(loaded.csr, score);
  const { ids, xy } = computeLayout(loaded, plan, options);
  return {
    format: LAYOUT_FORMAT,
    version: LAYOUT_VERSION,
    graph: options.graph,
    direction: loaded.report.direction,
    iterations: options.iterations,
    rng: options.rng,
    ids,
    xy,
  };
}

/** Read a layout file's JSON; throws an Error saying what is wrong. */
export function parseLayoutFile(text: string): LayoutFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`);
  }
  const v = value as Partial<LayoutFile> | null;
  if (!v || typeof v !== 'object' || v.format !== LAYOUT_FORMAT)
    throw new Error(`not a Ripple layout (expected "format": "${LAYOUT_FORMAT}")`);
  if (v.version !== LAYOUT_VERSION)
    throw new Error(`layout version ${String(v.version)}; this Ripple reads version ${LAYOUT_VERSION}`);
  if (!Array.isArray(v.ids) || !v.ids.every((id) => typeof id === 'string'))
    throw new Error('"ids" must be a list of node ids');
  if (!Array.isArray(v.xy) || v.xy.length !== v.ids.length * 2)
    throw new Error(`"xy" must hold 2 numbers per id (${v.ids.length} ids, ${String(v.xy?.length)} numbers)`);
  const bad = v.xy.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
  if (bad >= 0) throw new Error(`"xy" item ${bad} is not a finite number`);
  return v as LayoutFile;
}
