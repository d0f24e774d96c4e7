/**
 * Where the drawn nodes start, decided before the first frame: positions from the file, then
 * this graph's cached layout (IndexedDB), then a bundled dataset's precomputed layout
 * (datasets/layouts/, made by `ripple layout`). Without any of them ForceAtlas2 runs from a seeded
 * random start. Deciding first matters: a first frame of 88,000 random, canvas-long edges takes
 * seconds on a software renderer, and the page shows nothing new until it is done.
 */

import { parseLayoutFile } from '../../graph/draw-layout.ts';
import type { DrawPlan } from '../../graph/draw-plan.ts';
import { DATASETS } from '../bundled/datasets.ts';
import type { GraphState } from '../state/types.ts';
import { getLayout } from './layout-cache.ts';

export type PositionsOrigin = 'file' | 'cached' | 'bundled';

export interface StartPositions {
  /** x,y per drawn node (plan order); NaN where nothing is known. */
  xy: Float32Array;
  /** Where every position came from; null when some are missing, so the layout must run. */
  origin: PositionsOrigin | null;
}

/** Key of the layout cache: the graph's identity and what is drawn. */
export function layoutKey(state: GraphState, drawn: number): string {
  const { loaded, source } = state;
  return `${JSON.stringify(source)}|${loaded.report.direction}|${loaded.csr.n}|${loaded.csr.arcs}|${drawn}`;
}

export async function startPositions(state: GraphState, plan: DrawPlan): Promise<StartPositions> {
  const nodes = plan.nodes;
  const xy = new Float32Array(nodes.length * 2).fill(Number.NaN);
  const filePositions = state.loaded.positions;
  if (filePositions) {
    nodes.forEach((v, k) => {
      xy[2 * k] = filePositions[2 * v];
      xy[2 * k + 1] = filePositions[2 * v + 1];
    });
    return { xy, origin: 'file' };
  }
  const cached = await getLayout(layoutKey(state, nodes.length));
  if (cached && cached.length === xy.length) return { xy: cached, origin: 'cached' };
  const bundled = await bundledLayout(state);
  if (!bundled) return { xy, origin: null };
  let known = 0;
  nodes.forEach((v, k) => {
    const p = bundled.get(state.loaded.ids[v]);
    if (!p) return;
    xy[2 * k] = p[0];
    xy[2 * k + 1] = p[1];
    known++;
  });
  // Loaded with another direction, a cut graph may draw other nodes: lay out from what is known.
  return { xy, origin: known === nodes.length ? 'bundled' : null };
}

/** A bundled dataset's layout by node id, or null (none, or it cannot be read: lay out instead). */
async function bundledLayout(state: GraphState): Promise<Map<string, [number, number]> | null> {
  const { source } = state;
  if (source.kind !== 'bundled') return null;
  const url = DATASETS.find((d) => d.file === source.file)?.layoutUrl;
  if (!url) return null;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const file = parseLayoutFile(await response.text());
    const byId = new Map<string, [number, number]>();
    file.ids.forEach((id, k) => {
      byId.set(id, [file.xy[2 * k], file.xy[2 * k + 1]]);
    });
    return byId;
  } catch (error) {
    // Our own asset: a failure is a bug or a broken deployment, not the user's doing. The
    // layout still runs, so the page only loses time; say so in the console.
    console.warn(`datasets/layouts/${source.file}.json: ${(error as Error).message}; laying out instead`);
    return null;
  }
}
