/**
 * What coordinators and workers agree on: the BullMQ queue, the Redis keys beside it, and the
 * shard envelope (job data) and result envelope (return value), each checked on arrival.
 *
 *   ripple:shards:*              the BullMQ queue of shards (one job per shard)
 *   ripple:graph:HASH:meta       a graph snapshot's size and chunk count (written last)
 *   ripple:graph:HASH:I          its bytes, in chunks of at most 64 MiB (Redis strings stop at 512)
 *   ripple:worker:ID             a worker's heartbeat: host, pid, threads (expires after 10 s)
 *
 * A shard is one job: a batch of inputs of one registered job kind (src/engine/shardable.ts) on
 * one graph, named by its call ("run") and index. Its result carries the same run and index, so
 * a coordinator accepts each shard of its own calls once and ignores late duplicates.
 */
import { isShardable } from '../engine/shardable.ts';

export const PREFIX = 'ripple';
export const QUEUE = 'shards';
export const PROTOCOL = 1;

export const graphKey = (hash: string, part: 'meta' | number) => `${PREFIX}:graph:${hash}:${part}`;
export const WORKER_KEYS = `${PREFIX}:worker:*`;
export const workerKey = (id: string) => `${PREFIX}:worker:${id}`;

/** Heartbeats are refreshed this often and expire after HEARTBEAT_TTL_MS. */
export const HEARTBEAT_MS = 3000;
export const HEARTBEAT_TTL_MS = 10_000;

/** Most characters of a shard's encoded input, and of a result. */
export const MAX_INPUT_CHARS = 64 << 20;
export const MAX_RESULT_CHARS = 512 << 20;
/** Most inputs in one shard. */
export const MAX_BATCH = 100_000;

/** The data of a shard job. */
export interface ShardData {
  v: typeof PROTOCOL;
  /** The coordinator's call this shard belongs to. */
  run: string;
  /** Index of the shard in its call, and the call's shard count. */
  shard: number;
  of: number;
  /** Content hash of the graph snapshot (src/graph/snapshot.ts) the inputs refer to. */
  graph: string;
  /** A job kind of src/engine/shardable.ts. */
  kind: string;
  /** Progress units (runs or jobs) the shard stands for. */
  units: number;
  /** The batch of inputs, as encoded by codec.ts. */
  input: string;
}

/** What a worker returns for a shard. */
export interface ShardReply {
  v: typeof PROTOCOL;
  run: string;
  shard: number;
  /** One output per input, in order. */
  outputs: unknown[];
  /** The worker that ran it, and how long it took. */
  worker: string;
  seconds: number;
}

export const RUN_ID = /^[0-9a-z-]{1,64}$/;
const HASH = /^[0-9a-f]{32}$/;

/** The job id of a shard: BullMQ ids may not contain ':'. */
export const jobId = (run: string, shard: number) => `${run}.${shard}`;

/** Check a job's data is a shard envelope; returns the problem, or null. */
export function shardDataProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return 'the job data is not an object';
  const d = data as Record<string, unknown>;
  const fields = ['v', 'run', 'shard', 'of', 'graph', 'kind', 'units', 'input'];
  for (const key of Object.keys(d))
    if (!fields.includes(key)) return `unknown field '${key}' in the job data`;
  if (d.v !== PROTOCOL) return `protocol version ${String(d.v)}, this worker speaks ${PROTOCOL}`;
  if (typeof d.run !== 'string' || !RUN_ID.test(d.run)) return 'run is not a run id';
  const whole = (x: unknown, min: number, max: number) =>
    typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
  if (!whole(d.of, 1, 10_000_000)) return 'of is not a shard count';
  if (!whole(d.shard, 0, (d.of as number) - 1)) return 'shard is not an index below of';
  if (typeof d.graph !== 'string' || !HASH.test(d.graph)) return 'graph is not a snapshot hash';
  if (typeof d.kind !== 'string' || !isShardable(d.kind))
    return `unknown job kind '${String(d.kind).slice(0, 80)}' (not one a cluster runs)`;
  if (!whole(d.units, 0, Number.MAX_SAFE_INTEGER)) return 'units is not a count';
  if (typeof d.input !== 'string') return 'input is not text';
  if (d.input.length > MAX_INPUT_CHARS)
    return `input has ${d.input.length} characters, more than ${MAX_INPUT_CHARS}`;
  return null;
}

/** Check a decoded result envelope; returns the problem, or null. */
export function shardReplyProblem(reply: unknown, batch: number): string | null {
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply))
    return 'the result is not an object';
  const r = reply as Record<string, unknown>;
  if (r.v !== PROTOCOL) return `protocol version ${String(r.v)}`;
  if (typeof r.run !== 'string' || typeof r.shard !== 'number') return 'the result names no run and shard';
  if (!Array.isArray(r.outputs) || r.outputs.length !== batch)
    return `the result has ${Array.isArray(r.outputs) ? r.outputs.length : 'no'} outputs for ${batch} inputs`;
  return null;
}
