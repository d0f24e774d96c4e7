/**
 * Panels share the page's engine pool with the run controller: make sure the pool holds the graph
 * on screen before sending it jobs, without re-sending it to the workers on every call.
 */
import type { EnginePool } from '../../engine/pool.ts';
import type { GraphState } from '../state/types.ts';

const installed = new WeakMap<EnginePool, number>();

export function usePoolGraph(pool: EnginePool, graph: GraphState): void {
  if (installed.get(pool) === graph.serial) return;
  pool.setGraph(graph.loaded.csr);
  installed.set(pool, graph.serial);
}

/** Progress text: "done of total, about N s left". */
export function secondsLeft(etaMs: number | null): number | null {
  return etaMs === null ? null : Math.max(0, Math.ceil(etaMs / 1000));
}
