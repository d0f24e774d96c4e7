/**
 * One cascade, step by step, for the classroom view: from the engine's trace of a single run,
 * typed arrays saying when each account was reached and at which hop, the accounts sorted by
 * step, and per step the running count of reached accounts and the farthest hop so far. Pure:
 * no DOM; the node overlay (view.ts) only reads these arrays.
 */
import type { Trace } from '../../../diffusion/types.ts';

/** Not reached in this cascade. */
export const UNREACHED = -1;

export interface CascadeSteps {
  n: number;
  /** Step at which each account was reached, UNREACHED otherwise. */
  step: Int32Array;
  /** Hops from a seed along the activation chain, UNREACHED otherwise (seeds 0). */
  hop: Int32Array;
  /** Last step at which someone was reached (0 when only seeds). */
  lastStep: number;
  /** Reached accounts sorted by step; byStep[stepStart[s] .. stepStart[s + 1]) were reached at s. */
  byStep: Uint32Array;
  stepStart: Uint32Array;
  /** reached[s] = accounts reached at steps <= s. */
  reached: Uint32Array;
  /** farthest[s] = largest hop among the accounts reached at steps <= s. */
  farthest: Uint32Array;
}

export function cascadeSteps(trace: Trace, n: number): CascadeSteps {
  const step = new Int32Array(n).fill(UNREACHED);
  const hop = new Int32Array(n).fill(UNREACHED);
  let lastStep = 0;
  for (let i = 0; i < trace.nodes.length; i++) {
    const v = trace.nodes[i];
    if (v >= n) throw new Error(`cascade: node ${v} is not in the graph of ${n} accounts`);
    step[v] = trace.steps[i];
    hop[v] = trace.hops[i];
    if (trace.steps[i] > lastStep) lastStep = trace.steps[i];
  }
  // Counting sort of the reached accounts by step.
  const stepStart = new Uint32Array(lastStep + 2);
  for (let i = 0; i < trace.nodes.length; i++) stepStart[trace.steps[i] + 1]++;
  for (let s = 1; s <= lastStep + 1; s++) stepStart[s] += stepStart[s - 1];
  const byStep = new Uint32Array(trace.nodes.length);
  const fill = stepStart.slice(0, lastStep + 1);
  for (let i = 0; i < trace.nodes.length; i++) byStep[fill[trace.steps[i]]++] = trace.nodes[i];
  const reached = new Uint32Array(lastStep + 1);
  const farthest = new Uint32Array(lastStep + 1);
  let far = 0;
  for (let s = 0; s <= lastStep; s++) {
    reached[s] = stepStart[s + 1];
    for (let k = stepStart[s]; k < stepStart[s + 1]; k++) far = Math.max(far, hop[byStep[k]]);
    farthest[s] = far;
  }
  return { n, step, hop, lastStep, byStep, stepStart, reached, farthest };
}

/** The accounts first reached at step s (a view, not a copy). */
export function reachedAt(c: CascadeSteps, s: number): Uint32Array {
  if (s < 0 || s > c.lastStep) return new Uint32Array(0);
  return c.byStep.subarray(c.stepStart[s], c.stepStart[s + 1]);
}

/** The step after pressing "next" (+1) or "back" (-1), kept within 0..lastStep. */
export function moveStep(c: CascadeSteps, current: number, by: number): number {
  return Math.min(c.lastStep, Math.max(0, current + by));
}
