/**
 * What every capability shares with the engine layer: the job context a worker hands to a job,
 * a Monte Carlo simulation request, progress and cancel options, and the interface of the engine
 * behind the worker boundary (implemented in worker-api.ts, called through comlink by pool.ts;
 * the compiler checks the implementation against it).
 */
import type { ModelParams, SeedPlan, ShardRequest, ShardResult } from '../diffusion/types.ts';
import type { Csr } from '../graph/types.ts';

/** What a job gets in a worker: the installed graph and a per-graph, per-worker cache. */
export interface JobContext {
  csr: Csr;
  /** Cleared when another graph is installed; for things worth building once per worker. */
  cache: Map<string, unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: each handler declares its own input type
export type JobHandler = (ctx: JobContext, input: any) => unknown;

/** A capability's jobs by kind. */
export type JobTable = Record<string, JobHandler>;

/** Monte Carlo runs of one model from one seed plan, sharded over the pool by run index. */
export interface SimulationRequest {
  params: ModelParams;
  seeds: SeedPlan;
  runs: number;
  rngSeed: number;
  /** Run index whose cascade is recorded for playback, or null. */
  traceRun: number | null;
  /** Also count, per node, the runs that activated it (ShardResult.nodeCounts). */
  nodeCounts?: boolean;
}

export interface Progress {
  done: number;
  total: number;
  elapsedMs: number;
  /** Estimated time left, null until the first chunk finishes. */
  etaMs: number | null;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** runJobs' options. */
export interface JobRunOptions extends RunOptions {
  /**
   * The caller sized each job to be short (about CHUNK_MS): a pool with an inline engine may run
   * them in the calling thread on any graph, not only on small ones (INLINE_MAX_ARCS).
   */
  shortJobs?: boolean;
}

/** The engine as a worker sees it. */
export interface EngineApi {
  /** Install the graph this worker simulates on (sent once per worker, shared or copied). */
  setGraph(csr: Csr, graphKey: string): void;
  /** Run a shard of Monte Carlo runs on the installed graph. */
  runShard(graphKey: string, request: ShardRequest): ShardResult;
  /** Run one registered job (jobs.ts) on the installed graph. */
  runJob(graphKey: string, kind: string, input: unknown): unknown;
}
