/**
 * One cascade, step by step, for the stage: from the engine's trace of one run and the network,
 * when each person joined, when each first heard of it, and the hand-offs (sharer -> new adopter,
 * the trace's parents) of every step. Pure; the stage only reads these arrays.
 *
 * Hearing follows the engine: a person who joins at step s tells every friend at step s + 1
 * (the trace's `exposed` is everyone who heard, joined or not), so the last step shown may be one
 * where people only hear of it and nobody joins.
 */
import type { Trace } from '../../../diffusion/types.ts';
import type { Csr } from '../../../graph/types.ts';

export const NEVER = -1;

/** What a person looks like at a step (the legend's order). */
export type PersonState = 'waiting' | 'fresh' | 'earlier' | 'heard';

export interface CascadeSteps {
  n: number;
  /** Step each person joined, NEVER otherwise. */
  joined: Int32Array;
  /** Step each person first heard of it (joined people: at the latest when they joined). */
  heard: Int32Array;
  /** Seeds (joined at step 0 with no sharer). */
  seed: Uint8Array;
  /** Last step at which anything happens (someone joins or hears). */
  lastStep: number;
  /** handoffs[s] = [sharer, adopter, sharer, adopter, …] of step s. */
  handoffs: Int32Array[];
  /** reached[s] = people who joined at steps <= s. */
  reached: Uint32Array;
  /** farthest[s] = most hops from a seed among them. */
  farthest: Uint32Array;
}

export function cascadeSteps(trace: Trace, csr: Csr): CascadeSteps {
  const n = csr.n;
  const joined = new Int32Array(n).fill(NEVER);
  const hop = new Int32Array(n).fill(NEVER);
  const seed = new Uint8Array(n);
  for (let i = 0; i < trace.nodes.length; i++) {
    const v = trace.nodes[i];
    joined[v] = trace.steps[i];
    hop[v] = trace.hops[i];
    if (trace.parents[i] < 0) seed[v] = 1;
  }
  const heard = joined.slice();
  for (let u = 0; u < n; u++) {
    if (joined[u] === NEVER) continue;
    const at = joined[u] + 1;
    for (let a = csr.outOffsets[u]; a < csr.outOffsets[u + 1]; a++) {
      const v = csr.outTargets[a];
      if (heard[v] === NEVER || at < heard[v]) heard[v] = at;
    }
  }
  let lastStep = 0;
  for (let v = 0; v < n; v++) lastStep = Math.max(lastStep, heard[v], joined[v]);
  const lists: number[][] = Array.from({ length: lastStep + 1 }, () => []);
  for (let i = 0; i < trace.nodes.length; i++)
    if (trace.parents[i] >= 0) lists[trace.steps[i]].push(trace.parents[i], trace.nodes[i]);
  const reached = new Uint32Array(lastStep + 1);
  const farthest = new Uint32Array(lastStep + 1);
  for (let v = 0; v < n; v++) {
    if (joined[v] === NEVER) continue;
    for (let s = joined[v]; s <= lastStep; s++) {
      reached[s]++;
      if (hop[v] > farthest[s]) farthest[s] = hop[v];
    }
  }
  return {
    n,
    joined,
    heard,
    seed,
    lastStep,
    handoffs: lists.map((l) => Int32Array.from(l)),
    reached,
    farthest,
  };
}

export function stateAt(c: CascadeSteps, v: number, s: number): PersonState {
  const j = c.joined[v];
  if (j !== NEVER && j <= s) return j === s ? 'fresh' : 'earlier';
  const h = c.heard[v];
  return h !== NEVER && h <= s ? 'heard' : 'waiting';
}

/** The step after moving by `by`, kept within 0..lastStep. */
export function moveStep(c: CascadeSteps, current: number, by: number): number {
  return Math.min(c.lastStep, Math.max(0, current + by));
}
