/**
 * Analysis work that runs in the engine workers besides Monte Carlo shards: distance BFS
 * batches, HyperANF rounds, reverse-reachable sets, sweeps. Each capability contributes a
 * record of pure handlers `(ctx, input) => output` from its own module; this file only joins them.
 *
 * A handler gets the worker's CSR and a per-graph cache (cleared when the graph changes) for
 * things worth building once per worker, such as an undirected view. Inputs and outputs cross
 * the worker boundary by structured clone; top-level typed arrays of an output are transferred,
 * so a handler must return arrays it owns (never a view of something it keeps in the cache).
 * Handlers must be deterministic in their input (take an rng seed in the input when random), so
 * results never depend on which worker ran them.
 */
import { centralityJobs } from '../src/analysis/centrality/jobs.ts';
import { distanceJobs } from '../src/analysis/distance/jobs.ts';
import type { Csr } from '../src/graph/types.ts';
import { seedingJobs } from '../src/seeding/jobs.ts';
import { graphMetricJobs } from './graph-metrics-jobs.ts';
import { seedFindingJobs } from './seed-finding-jobs.ts';
import { sixDegreesJobs } from './six-degrees-jobs.ts';

export interface JobContext {
  csr: Csr;
  /** Per-graph, per-worker cache; cleared when another graph is installed. */
  cache: Map<string, unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: each handler declares its own input type
export type JobHandler = (ctx: JobContext, input: any) => unknown;

/** Every job kind, joined from the capabilities' job modules. */
export const JOBS = {
  ...centralityJobs,
  ...distanceJobs,
  ...seedingJobs,
  ...seedFindingJobs,
  ...sixDegreesJobs,
  ...graphMetricJobs,
  /** A trivial job, used by the pool tests: sums the out-degrees of a range of nodes. */
  outDegreeSum(ctx: JobContext, input: { from: number; to: number }): number {
    const { outOffsets } = ctx.csr;
    const to = Math.min(input.to, ctx.csr.n);
    return to > input.from ? outOffsets[to] - outOffsets[input.from] : 0;
  },
} satisfies Record<string, JobHandler>;

export type JobKind = keyof typeof JOBS;
export type JobInput<K extends JobKind> = Parameters<(typeof JOBS)[K]>[1];
export type JobOutput<K extends JobKind> = ReturnType<(typeof JOBS)[K]>;

/** Run a job in this thread (tests, and small graphs where a worker round trip is not worth it). */
export function runJobLocal<K extends JobKind>(
  csr: Csr,
  kind: K,
  input: JobInput<K>,
  cache: Map<string, unknown> = new Map(),
): JobOutput<K> {
  const handler = JOBS[kind] as JobHandler;
  return handler({ csr, cache }, input) as JobOutput<K>;
}

/** The ArrayBuffers of an output's top-level typed arrays (to transfer instead of copy). */
export function transferables(output: unknown): ArrayBuffer[] {
  const found: ArrayBuffer[] = [];
  const add = (value: unknown) => {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer && !found.includes(value.buffer))
      found.push(value.buffer);
  };
  add(output);
  if (output && typeof output === 'object' && !ArrayBuffer.isView(output)) {
    for (const value of Object.values(output)) add(value);
  }
  return found;
}
