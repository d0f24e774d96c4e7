/**
 * The job registry: analysis work that runs in the engine workers besides Monte Carlo shards
 * (distance BFS batches, HyperANF, reverse-reachable sets, centrality batches, Louvain, …).
 *
 * Each capability declares a table of pure handlers `(ctx, input) => output` beside its code and
 * registers it, for the compiler and at run time:
 *
 *   export const distanceJobs = { distanceBfs(ctx, input) {...} } satisfies JobTable;
 *   registerJobs(distanceJobs);
 *   type DistanceJobs = typeof distanceJobs;
 *   declare module '../../engine/jobs.ts' { interface JobTypes extends DistanceJobs {} }
 *
 * The engine never imports a capability; src/all-jobs.ts imports every capability's job module
 * once, and the worker entries (workers/) import it. Inputs and outputs cross the worker boundary
 * by structured clone; top-level typed arrays of an output are transferred, so a handler must
 * return arrays it owns (never a view of something it keeps in the cache). Handlers must be
 * deterministic in their input (an rng seed in the input when random), so results never depend
 * on which worker ran them.
 */
import type { Csr } from '../graph/types.ts';
import type { JobContext, JobHandler, JobTable } from './types.ts';

/** Every registered job kind and its handler's type, extended by each capability (see above). */
export interface JobTypes {
  /** A trivial job, used by the pool tests: sums the out-degrees of a range of nodes. */
  outDegreeSum(ctx: JobContext, input: { from: number; to: number }): number;
}

export type JobKind = keyof JobTypes;
export type JobInput<K extends JobKind> = Parameters<JobTypes[K]>[1];
export type JobOutput<K extends JobKind> = ReturnType<JobTypes[K]>;

const registry = new Map<string, JobHandler>();

/** Register a capability's jobs (once per kind; a second table with the same kind is a bug). */
export function registerJobs(table: JobTable): void {
  for (const [kind, handler] of Object.entries(table)) {
    const known = registry.get(kind);
    if (known && known !== handler) throw new Error(`job '${kind}' is registered twice`);
    registry.set(kind, handler);
  }
}

registerJobs({
  outDegreeSum(ctx: JobContext, input: { from: number; to: number }): number {
    const { outOffsets } = ctx.csr;
    const to = Math.min(input.to, ctx.csr.n);
    return to > input.from ? outOffsets[to] - outOffsets[input.from] : 0;
  },
} satisfies Partial<JobTypes>);

/** What a job builds once per worker and graph (samplers, simulators, indexes), by key. */
export function cached<T>(ctx: JobContext, key: string, make: () => T): T {
  let value = ctx.cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    ctx.cache.set(key, value);
  }
  return value;
}

/** The handler of a job kind; throws when no capability registered it. */
export function jobHandler(kind: string): JobHandler {
  const handler = registry.get(kind);
  if (!handler) throw new Error(`engine: unknown job '${kind}' (is its capability in src/all-jobs.ts?)`);
  return handler;
}

/** Run a job in this thread (tests, and small graphs where a worker round trip is not worth it). */
export function runJobLocal<K extends JobKind>(
  csr: Csr,
  kind: K,
  input: JobInput<K>,
  cache: Map<string, unknown> = new Map(),
): JobOutput<K> {
  return jobHandler(kind)({ csr, cache }, input) as JobOutput<K>;
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
