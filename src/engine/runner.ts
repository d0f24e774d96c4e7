/**
 * The engine as commands use it: one small interface that the local pool of worker threads
 * (EnginePool, pool.ts) and the cluster runner (src/cluster, shards on Redis and BullMQ) both
 * implement, so a capability written against it runs unchanged on either.
 *
 * Results never depend on the runner: run r of a scenario always uses random stream (seed, r) and
 * registered jobs (jobs.ts) are deterministic in their input. Each runner only chooses how to cut
 * the work into pieces (run ranges for `simulate`, the inputs of `runJobs`, possibly batched) and
 * where to run them; `simulate` merges the pieces in run order with mergeShards
 * (src/diffusion/summary.ts) and `runJobs` returns the outputs in input order.
 */
import type { ShardResult } from '../diffusion/types.ts';
import type { Csr } from '../graph/types.ts';
import type { JobInput, JobKind, JobOutput } from './jobs.ts';
import type { JobRunOptions, RunOptions, SimulationRequest } from './types.ts';

export interface EngineRunner {
  /**
   * Worker threads the runner offers (on a cluster: summed over the connected workers). Callers
   * size their pieces of work from it; results never depend on it.
   */
  readonly size: number;
  /** Use this graph from now on (sent to each worker once). */
  setGraph(csr: Csr): void;
  /** Monte Carlo runs 0 .. runs - 1 of a scenario, merged in run order. */
  simulate(request: SimulationRequest, options?: RunOptions): Promise<ShardResult>;
  /** Registered jobs (jobs.ts), one output per input, in input order. */
  runJobs<K extends JobKind>(
    kind: K,
    inputs: readonly JobInput<K>[],
    options?: JobRunOptions,
  ): Promise<JobOutput<K>[]>;
  /** Stop the workers (and close connections); the runner starts them again if used again. */
  terminate(): void | Promise<void>;
}
