/** Messages between the page and the loader worker. */
import type { Direction, EdgeValues, LoadedGraph } from '../../graph/types.ts';
import type { GraphFacts } from '../state/types.ts';

export interface LoadRequest {
  bytes: Uint8Array;
  file: string;
  direction: Direction | undefined;
  edgeValues: EdgeValues | undefined;
}

export type LoadReply = { ok: true; loaded: LoadedGraph; facts: GraphFacts } | { ok: false; message: string };
