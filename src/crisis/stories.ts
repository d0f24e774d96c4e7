/**
 * Sampled stories for outbreak detection: story r starts at one account (uniform, or drawn from
 * source weights) and spreads in live-edge world r (live-world.ts) up to the horizon. A story is
 * kept as the accounts it reached in order of arrival, with their arrival steps and, for each, how
 * many accounts the story had reached by that step (what a monitor there would see happen before
 * it notices). Story r of a stream is the same whatever worker sampled it.
 */
import { Rng } from '../util/rng.ts';
import type { LiveWorlds } from './live-world.ts';

export interface Stories {
  count: number;
  /** count + 1 offsets into the entry arrays. */
  offsets: Uint32Array;
  /** Accounts reached, story by story, in order of arrival. */
  nodes: Uint32Array;
  /** Arrival step of each entry. */
  steps: Uint32Array;
  /** Accounts the story had reached by the entry's step (ties included). */
  reachedBy: Uint32Array;
  /** Source of each story. */
  sources: Uint32Array;
  /** The latest arrival step of each story. */
  lastStep: Uint32Array;
}

/** The source of story r: uniform, or by weight (cumulative weights, last = total). */
export function storySource(n: number, cumulative: Float64Array | null, stream: number, r: number): number {
  const rng = new Rng(stream ^ 0x51ed270b, r);
  if (!cumulative) return rng.below(n);
  const x = rng.float() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Stories [first, first + count) of a stream. */
export function sampleStories(
  worlds: LiveWorlds,
  stream: number,
  first: number,
  count: number,
  horizon: number,
  sourceWeights: Float64Array | null,
): Stories {
  const n = worlds.csr.n;
  const dist = new Uint32Array(n);
  const offsets = new Uint32Array(count + 1);
  const sources = new Uint32Array(count);
  const lastStep = new Uint32Array(count);
  const nodes: number[] = [];
  const steps: number[] = [];
  const reachedBy: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = first + i;
    const s = storySource(n, sourceWeights, stream, r);
    sources[i] = s;
    const reached = worlds.forward(r, [s], null, horizon, dist);
    const base = nodes.length;
    for (let j = 0; j < reached.length; j++) {
      nodes.push(reached[j]);
      steps.push(dist[reached[j]]);
    }
    // reachedBy: the end of each run of equal steps.
    let j = reached.length;
    while (j > 0) {
      const t = steps[base + j - 1];
      let k = j;
      while (k > 0 && steps[base + k - 1] === t) k--;
      for (let x = k; x < j; x++) reachedBy[base + x] = j;
      j = k;
    }
    reachedBy.length = nodes.length;
    lastStep[i] = reached.length > 0 ? steps[nodes.length - 1] : 0;
    offsets[i + 1] = nodes.length;
  }
  return {
    count,
    offsets,
    nodes: Uint32Array.from(nodes),
    steps: Uint32Array.from(steps),
    reachedBy: Uint32Array.from(reachedBy),
    sources,
    lastStep,
  };
}

/** Concatenate story batches in order. */
export function mergeStories(parts: Stories[]): Stories {
  const count = parts.reduce((s, p) => s + p.count, 0);
  const entries = parts.reduce((s, p) => s + p.nodes.length, 0);
  const out: Stories = {
    count,
    offsets: new Uint32Array(count + 1),
    nodes: new Uint32Array(entries),
    steps: new Uint32Array(entries),
    reachedBy: new Uint32Array(entries),
    sources: new Uint32Array(count),
    lastStep: new Uint32Array(count),
  };
  let at = 0;
  let story = 0;
  for (const p of parts) {
    out.nodes.set(p.nodes, at);
    out.steps.set(p.steps, at);
    out.reachedBy.set(p.reachedBy, at);
    out.sources.set(p.sources, story);
    out.lastStep.set(p.lastStep, story);
    for (let i = 1; i <= p.count; i++) out.offsets[story + i] = at + p.offsets[i];
    at += p.nodes.length;
    story += p.count;
  }
  return out;
}
