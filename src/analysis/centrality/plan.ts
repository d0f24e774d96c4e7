/**
 * Heavy metrics as plans: a list of worker-job inputs (batches of BFS sources sized to about
 * JOB_ARC_VISITS arc visits, ~100 ms, so progress flows and cancelling is quick) plus a `finish`
 * step that merges the outputs in input order. The same plan runs in this thread (tests, small
 * graphs) or over EnginePool.runJobs; since every batch is a pure function of its input and the
 * merge order is fixed, the result does not depend on the number of workers.
 */
import { Rng } from '../../util/rng.ts';

/** Arc visits one BFS-based job aims at: about 100 ms of work on a laptop core (bench/centrality.ts). */
export const JOB_ARC_VISITS = 2e7;

/** Sources per batch so a batch visits about JOB_ARC_VISITS arcs, and returning its per-node output is cheap. */
export function sourcesPerBatch(n: number, arcs: number, perNodeOutput: boolean): number {
  const work = Math.max(arcs + n, 1);
  let size = Math.round(JOB_ARC_VISITS / work);
  // A batch returning n numbers should do enough work to dwarf the copy (>= ~50 visits per number).
  if (perNodeOutput) size = Math.max(size, Math.ceil((50 * n) / work));
  return Math.max(1, size);
}

/**
 * Sources per batch for the bit-parallel searches of closeness (distances.ts): a multiple of
 * LANES, about LANE_GAIN times what one-by-one searches would get, as a sweep of the arcs serves
 * several searches (on ego-Facebook about 20; on a graph of small components, about 1).
 */
export function laneBatchSize(n: number, arcs: number, perNodeOutput: boolean, lanes: number): number {
  const size = sourcesPerBatch(n, arcs, perNodeOutput) * LANE_GAIN;
  return Math.max(1, Math.ceil(size / lanes)) * lanes;
}

/** Searches per arc sweep assumed by laneBatchSize. */
export const LANE_GAIN = 8;

/** Split the sources into consecutive batches of `size`. */
export function batchSources(sources: Uint32Array, size: number): { sources: Uint32Array }[] {
  const batches: { sources: Uint32Array }[] = [];
  for (let i = 0; i < sources.length; i += size) batches.push({ sources: sources.slice(i, i + size) });
  return batches;
}

export function allNodes(n: number): Uint32Array {
  const sources = new Uint32Array(n);
  for (let v = 0; v < n; v++) sources[v] = v;
  return sources;
}

/** k distinct nodes, uniformly, by a partial Fisher-Yates shuffle driven by a seeded stream. */
export function sampleWithoutReplacement(n: number, k: number, seed: number, stream: number): Uint32Array {
  const rng = new Rng(seed, stream);
  const pool = allNodes(n);
  for (let i = 0; i < k; i++) {
    const j = i + rng.below(n - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, k);
}

/** Sample size: all n when n * arcs fits the budget, else what the budget allows (at least 100). */
export function sampleSize(
  n: number,
  arcs: number,
  samples: number,
  exactWork: number,
  what: string,
): number {
  if (!(Number.isInteger(samples) && samples >= 0))
    throw new RangeError(`${what} samples: expected a whole number >= 0, got ${samples}`);
  if (!(exactWork > 0))
    throw new RangeError(`${what} exactWork: expected a positive number, got ${exactWork}`);
  if (samples > 0) return Math.min(samples, n);
  const work = Math.max(arcs, 1);
  if (n * work <= exactWork) return n;
  return Math.min(n, Math.max(100, Math.floor(exactWork / work)));
}
