/**
 * The engine as a worker sees it: one interface, implemented in workers/engine-api.ts and
 * called through comlink from the pool. The compiler checks the implementation against it.
 */
import type { Csr } from '../graph/types.ts';
import type { ShardRequest, ShardResult } from './types.ts';

export interface EngineApi {
  /** Install the graph this worker simulates on (sent once per worker, shared or copied). */
  setGraph(csr: Csr, graphKey: string): void;
  /** Run a shard of Monte Carlo runs on the installed graph. */
  runShard(graphKey: string, request: ShardRequest): ShardResult;
  /** Run one analysis job (workers/jobs.ts) on the installed graph. */
  runJob(graphKey: string, kind: string, input: unknown): unknown;
}
