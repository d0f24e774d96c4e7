/**
 * Playback state of one sampled cascade, in typed arrays: the step at which each node became
 * active (or first received the content without adopting), its hop and parent, and the nodes
 * sorted by step so "what is active at time t" and "what changed between t0 and t1" are O(1) and
 * O(changed). Pure: no DOM, no sigma; the sigma reducers (playback.ts) only read these arrays.
 *
 * Time t is measured in steps and may be fractional while animating; a node is active at t when
 * its activation step is <= t.
 */
import type { Trace } from '../../diffusion/types.ts';
import type { Csr } from '../../graph/types.ts';

/** No activation / exposure in this cascade. */
export const NEVER = -1;

export interface PlaybackState {
  n: number;
  /** Activation step per node, NEVER when the node stays inactive. */
  activeStep: Int32Array;
  /** Hop from a seed along the activation chain per node, NEVER when inactive. */
  hop: Int32Array;
  /** Who activated each node, -1 for seeds and inactive nodes. */
  parent: Int32Array;
  /** 1 for the seeds of this cascade. */
  seed: Uint8Array;
  /**
   * For nodes that received the content but never adopted: the first step at which an active
   * in-neighbour could have passed it on (its activation step + 1); NEVER otherwise. Without the
   * graph it is the end of the cascade.
   */
  exposedStep: Int32Array;
  /** Last activation step. */
  lastStep: number;
  /** Largest hop. */
  maxHop: number;
  /** End of the timeline: the last activation or exposure step. */
  end: number;
  /** Active nodes sorted by activation step; activeStart[s] = first position with step >= s (length end + 2). */
  byActiveStep: Uint32Array;
  activeStart: Uint32Array;
  /** Exposed non-adopters sorted by exposure step; exposedStart like activeStart. */
  byExposedStep: Uint32Array;
  exposedStart: Uint32Array;
}

/** Counting sort of `nodes` by `stepOf`, with the start of every step from 0 to end + 1. */
function sortByStep(nodes: ArrayLike<number>, stepOf: Int32Array, end: number) {
  const start = new Uint32Array(end + 2);
  for (let i = 0; i < nodes.length; i++) start[stepOf[nodes[i]] + 1]++;
  for (let s = 1; s <= end + 1; s++) start[s] += start[s - 1];
  const sorted = new Uint32Array(nodes.length);
  const fill = start.slice(0, end + 1);
  for (let i = 0; i < nodes.length; i++) sorted[fill[stepOf[nodes[i]]]++] = nodes[i];
  return { sorted, start };
}

/**
 * Build the state of a cascade on a graph of n nodes. With the CSR (in the reach direction the
 * cascade ran on), exposure steps of non-adopters are derived from their active in-neighbours.
 */
export function buildPlaybackState(trace: Trace, n: number, csr: Csr | null = null): PlaybackState {
  const activeStep = new Int32Array(n).fill(NEVER);
  const hop = new Int32Array(n).fill(NEVER);
  const parent = new Int32Array(n).fill(-1);
  const seed = new Uint8Array(n);
  let lastStep = 0;
  let maxHop = 0;
  for (let i = 0; i < trace.nodes.length; i++) {
    const v = trace.nodes[i];
    if (v >= n) throw new RangeError(`playback: trace node ${v} is outside the graph of ${n} nodes`);
    activeStep[v] = trace.steps[i];
    hop[v] = trace.hops[i];
    parent[v] = trace.parents[i];
    if (trace.parents[i] < 0) seed[v] = 1;
    if (trace.steps[i] > lastStep) lastStep = trace.steps[i];
    if (trace.hops[i] > maxHop) maxHop = trace.hops[i];
  }

  const exposedStep = new Int32Array(n).fill(NEVER);
  const exposedOnly: number[] = [];
  let end = lastStep;
  for (let i = 0; i < trace.exposed.length; i++) {
    const v = trace.exposed[i];
    if (v >= n || activeStep[v] !== NEVER) continue;
    let first = lastStep;
    if (csr) {
      first = Number.POSITIVE_INFINITY;
      for (let k = csr.inOffsets[v]; k < csr.inOffsets[v + 1]; k++) {
        const s = activeStep[csr.inSources[k]];
        if (s !== NEVER && s + 1 < first) first = s + 1;
      }
      if (first === Number.POSITIVE_INFINITY) first = lastStep;
    }
    exposedStep[v] = first;
    if (first > end) end = first;
    exposedOnly.push(v);
  }

  const active = sortByStep(trace.nodes, activeStep, end);
  const exposed = sortByStep(exposedOnly, exposedStep, end);
  return {
    n,
    activeStep,
    hop,
    parent,
    seed,
    exposedStep,
    lastStep,
    maxHop,
    end,
    byActiveStep: active.sorted,
    activeStart: active.start,
    byExposedStep: exposed.sorted,
    exposedStart: exposed.start,
  };
}

/** The whole step reached at time t, clamped to the timeline. */
export function stepAt(state: PlaybackState, t: number): number {
  return Math.max(0, Math.min(state.end, Math.floor(t)));
}

/** Number of active nodes at time t (t < 0: none). */
export function activeCountAt(state: PlaybackState, t: number): number {
  if (t < 0) return 0;
  return state.activeStart[stepAt(state, t) + 1];
}

/** Number of nodes that received the content without adopting, by time t. */
export function exposedCountAt(state: PlaybackState, t: number): number {
  if (t < 0) return 0;
  return state.exposedStart[stepAt(state, t) + 1];
}

export function isActiveAt(state: PlaybackState, v: number, t: number): boolean {
  const s = state.activeStep[v];
  return s !== NEVER && s <= t;
}

export function isExposedAt(state: PlaybackState, v: number, t: number): boolean {
  const s = state.exposedStep[v];
  return s !== NEVER && s <= t;
}

/**
 * Whether the edge between a and b carried the activation by time t: one activated the other
 * (a is b's parent, or b is a's parent) and that activation has happened.
 */
export function isEdgeActiveAt(state: PlaybackState, a: number, b: number, t: number): boolean {
  return (
    (state.parent[b] === a && isActiveAt(state, b, t)) || (state.parent[a] === b && isActiveAt(state, a, t))
  );
}

/**
 * Nodes whose display may differ between times t0 and t1: activated or exposed at a step in
 * (min, max] of the two, plus `margin` steps either side (for effects that fade over steps).
 */
export function changedBetween(state: PlaybackState, t0: number, t1: number, margin = 0): number[] {
  const lo = Math.floor(Math.min(t0, t1)) + 1 - margin;
  const hi = Math.floor(Math.max(t0, t1)) + margin;
  const out: number[] = [];
  if (hi < lo) return out;
  const from = Math.max(0, lo);
  const to = Math.min(state.end, hi);
  if (to < from) return out;
  for (let i = state.activeStart[from]; i < state.activeStart[to + 1]; i++) out.push(state.byActiveStep[i]);
  for (let i = state.exposedStart[from]; i < state.exposedStart[to + 1]; i++)
    out.push(state.byExposedStep[i]);
  return out;
}
