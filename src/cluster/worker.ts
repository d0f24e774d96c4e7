/**
 * A cluster worker (`ripple worker --cluster URL`): takes shards from the BullMQ queue, checks
 * them, runs them on this machine's engine threads and returns their outputs. One log line per
 * shard (text, or JSON objects with --json). On stop (SIGTERM) it takes no new shard, finishes
 * the ones it holds, and exits.
 *
 * Every shard is checked before it runs: the envelope (protocol.ts), the job kind (only those of
 * src/engine/shardable.ts), the decoded inputs against their kind's schema, node indices against
 * the graph. A shard that fails a check, or whose job throws (jobs are deterministic, so it
 * would throw again), fails with BullMQ's UnrecoverableError: no retry, the message goes back to
 * the coordinator. Only a crashed engine thread is retried (once, by the job's attempts).
 *
 * Graphs are fetched from Redis by content hash once and kept (with their pool of engine threads)
 * for the last MAX_GRAPHS graphs used.
 */
import { hostname } from 'node:os';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { mergeShards } from '../diffusion/summary.ts';
import type { ShardRequest, ShardResult } from '../diffusion/types.ts';
import type { JobKind } from '../engine/jobs.ts';
import { PayloadError } from '../engine/payload-check.ts';
import { WorkerCrashError } from '../engine/pool.ts';
import type { EngineRunner } from '../engine/runner.ts';
import { checkShardInput } from '../engine/shardable.ts';
import { LoadError } from '../graph/load-error.ts';
import { decodeSnapshot } from '../graph/snapshot.ts';
import { decodePayload, encodePayload } from './codec.ts';
import { ClusterError, clientOptions, connectRedis, redisReason } from './connect.ts';
import { GraphFetchError, getGraph } from './graph-store.ts';
import { installNodeSha256 } from './node-sha256.ts';
import {
  HEARTBEAT_MS,
  HEARTBEAT_TTL_MS,
  MAX_BATCH,
  MAX_INPUT_CHARS,
  PREFIX,
  PROTOCOL,
  QUEUE,
  type ShardData,
  type ShardReply,
  shardDataProblem,
  workerKey,
} from './protocol.ts';
import { parseRedisUrl } from './url.ts';

installNodeSha256();

/** Graphs (each with its engine threads) kept at once. */
const MAX_GRAPHS = 2;
/** A stop does not wait longer than this for a Redis that is gone. */
const LOST_ON_STOP_MS = 5000;

/** One log entry: `text` for people, the other fields for --json. */
export interface WorkerLogEntry {
  event: 'ready' | 'shard' | 'failed' | 'graph' | 'connection' | 'stopping' | 'stopped';
  text: string;
  [field: string]: unknown;
}

export interface ClusterWorkerOptions {
  url: string;
  /** Engine threads of this worker. */
  threads: number;
  /** Shards run at once. */
  concurrency: number;
  /** A pool of `threads` engine threads (one per graph in use). */
  pool: (threads: number) => EngineRunner;
  log: (entry: WorkerLogEntry) => void;
  /** Stop (after the current shards) when this aborts. */
  stop: AbortSignal;
  /** BullMQ's lock on a running shard, and how often stalled shards are looked for [30000, 15000]. */
  lockMs?: number;
  stalledMs?: number;
}

interface CachedGraph {
  hash: string;
  n: number;
  probabilities: boolean;
  pool: EngineRunner;
  inUse: number;
  used: number;
}

export async function runWorker(
  options: ClusterWorkerOptions,
): Promise<{ shards: number; failed: number; withoutRedis: boolean }> {
  const target = parseRedisUrl(options.url);
  const { threads, concurrency, log } = options;
  const id = `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const redis: Redis = await connectRedis(target, 'worker');

  const graphs = new Map<string, Promise<CachedGraph>>();
  let lost = false;
  redis.on('close', () => {
    if (lost || options.stop.aborted) return;
    lost = true;
    log({
      event: 'connection',
      state: 'lost',
      text: `lost the connection to Redis at ${target.display}; retrying`,
    });
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    log({ event: 'connection', state: 'back', text: `connected to Redis at ${target.display} again` });
  });

  const beat = () =>
    redis
      .set(
        workerKey(id),
        JSON.stringify({ id, host: hostname(), pid: process.pid, threads, concurrency, at: Date.now() }),
        'PX',
        HEARTBEAT_TTL_MS,
      )
      .catch(() => {});
  await beat();
  const heartbeat = setInterval(beat, HEARTBEAT_MS);

  const bad = (problem: string) => new UnrecoverableError(`bad shard: ${problem}`);

  async function graphFor(hash: string): Promise<CachedGraph> {
    let entry = graphs.get(hash);
    if (!entry) {
      entry = (async () => {
        const t0 = performance.now();
        let bytes: Uint8Array | null;
        try {
          bytes = await getGraph(redis, hash);
        } catch (e) {
          if (e instanceof GraphFetchError) throw new UnrecoverableError(e.message);
          throw e;
        }
        if (bytes === null)
          throw new UnrecoverableError(`graph ${hash} is not in Redis (expired, or Redis was restarted)`);
        let decoded: ReturnType<typeof decodeSnapshot>;
        try {
          decoded = decodeSnapshot(bytes, `graph ${hash} from Redis`);
        } catch (e) {
          if (e instanceof LoadError) throw new UnrecoverableError(e.message);
          throw e;
        }
        if (decoded.hash !== hash)
          throw new UnrecoverableError(`graph ${hash}: Redis holds a snapshot with hash ${decoded.hash}`);
        const pool = options.pool(threads);
        pool.setGraph(decoded.csr);
        log({
          event: 'graph',
          graph: hash,
          nodes: decoded.csr.n,
          arcs: decoded.csr.arcs,
          bytes: bytes.length,
          seconds: (performance.now() - t0) / 1000,
          text: `graph ${hash}: ${decoded.csr.n} nodes, ${decoded.csr.arcs} arcs (${bytes.length} bytes) fetched in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
        });
        return {
          hash,
          n: decoded.csr.n,
          probabilities: decoded.csr.values === 'probability',
          pool,
          inUse: 0,
          used: Date.now(),
        };
      })();
      graphs.set(hash, entry);
      entry.catch(() => graphs.delete(hash));
    }
    const graph = await entry;
    graph.inUse++;
    graph.used = Date.now();
    await evict();
    return graph;
  }

  /** Drop the least recently used graphs beyond MAX_GRAPHS that no shard is using. */
  async function evict(): Promise<void> {
    if (graphs.size <= MAX_GRAPHS) return;
    const ready = (await Promise.all([...graphs.values()].map((p) => p.catch(() => null)))).filter(
      (g): g is CachedGraph => g !== null && g.inUse === 0,
    );
    ready.sort((a, b) => a.used - b.used);
    for (const g of ready.slice(0, Math.max(0, graphs.size - MAX_GRAPHS))) {
      graphs.delete(g.hash);
      await g.pool.terminate();
    }
  }

  /** A range of runs, split over the engine threads and merged in run order. */
  async function runRange(pool: EngineRunner, request: ShardRequest): Promise<ShardResult> {
    const pieces = Math.min(threads, request.runCount);
    const per = Math.ceil(request.runCount / pieces);
    const inputs: ShardRequest[] = [];
    for (let at = 0; at < request.runCount; at += per)
      inputs.push({
        ...request,
        firstRun: request.firstRun + at,
        runCount: Math.min(per, request.runCount - at),
      });
    const parts = await pool.runJobs('simulateRuns', inputs);
    return parts.length === 1 ? parts[0] : mergeShards(parts);
  }

  let shards = 0;
  let failed = 0;
  const describe = (d: ShardData) =>
    `run ${d.run} shard ${d.shard + 1}/${d.of} (${d.kind}, ${d.units} ${d.kind === 'simulateRuns' ? 'runs' : d.units === 1 ? 'job' : 'jobs'})`;

  const processor = async (job: Job): Promise<string> => {
    const t0 = performance.now();
    const problem = shardDataProblem(job.data);
    if (problem) throw bad(problem);
    const data = job.data as ShardData;
    const kind = data.kind as JobKind;
    let batch: unknown;
    try {
      batch = decodePayload(data.input, MAX_INPUT_CHARS);
    } catch (e) {
      throw bad((e as Error).message);
    }
    if (!Array.isArray(batch) || batch.length < 1 || batch.length > MAX_BATCH)
      throw bad(`the input is not a list of 1 to ${MAX_BATCH} job inputs`);
    const graph = await graphFor(data.graph);
    try {
      for (let i = 0; i < batch.length; i++) {
        try {
          checkShardInput(kind, batch[i], { n: graph.n, probabilities: graph.probabilities });
        } catch (e) {
          if (e instanceof PayloadError)
            throw bad(`${e.message}${batch.length > 1 ? ` (input ${i + 1})` : ''}`);
          throw e;
        }
      }
      let outputs: unknown[];
      try {
        outputs =
          kind === 'simulateRuns'
            ? [await runRange(graph.pool, batch[0] as ShardRequest)]
            : await graph.pool.runJobs(kind, batch as never);
      } catch (e) {
        // Jobs are deterministic: only a crashed engine thread is worth another try.
        const message = e instanceof Error ? e.message : String(e);
        if (e instanceof WorkerCrashError) throw new Error(message);
        throw new UnrecoverableError(message);
      }
      const seconds = (performance.now() - t0) / 1000;
      const reply: ShardReply = {
        v: PROTOCOL,
        run: data.run,
        shard: data.shard,
        outputs,
        worker: id,
        seconds,
      };
      shards++;
      log({
        event: 'shard',
        run: data.run,
        shard: data.shard,
        of: data.of,
        kind,
        units: data.units,
        graph: data.graph,
        seconds,
        text: `${describe(data)} done in ${seconds.toFixed(2)} s`,
      });
      return encodePayload(reply);
    } finally {
      graph.inUse--;
    }
  };

  const worker = new Worker(QUEUE, processor, {
    connection: clientOptions(target, 'worker'),
    prefix: PREFIX,
    concurrency,
    lockDuration: options.lockMs ?? 30_000,
    stalledInterval: options.stalledMs ?? 15_000,
    maxStalledCount: 2,
  });
  worker.on('failed', (job, error) => {
    failed++;
    const data = job?.data as ShardData | undefined;
    const what = data && shardDataProblem(data) === null ? describe(data) : `job ${job?.id ?? '?'}`;
    log({
      event: 'failed',
      job: job?.id ?? null,
      run: data?.run ?? null,
      shard: data?.shard ?? null,
      error: error.message,
      retried: !(error instanceof UnrecoverableError) && (job?.attemptsMade ?? 0) < (job?.opts.attempts ?? 1),
      text: `${what} failed: ${error.message}`,
    });
  });
  worker.on('error', () => {
    // connection trouble: reported through our own client's events
  });
  await worker.waitUntilReady();
  log({
    event: 'ready',
    worker: id,
    redis: target.display,
    threads,
    concurrency,
    text: `connected to ${target.display} as ${id}: ${threads} engine thread${threads === 1 ? '' : 's'}, ${concurrency} shard${concurrency === 1 ? '' : 's'} at once; waiting for shards`,
  });

  await new Promise<void>((resolve) => {
    if (options.stop.aborted) resolve();
    else options.stop.addEventListener('abort', () => resolve(), { once: true });
  });
  log({ event: 'stopping', text: 'stopping: finishing the shards in hand, taking no new ones' });
  // Closing waits for the shards in hand and for Redis: with Redis gone for LOST_ON_STOP_MS their
  // results cannot be delivered anyway (other workers will rerun them), so stop without it.
  let lostFor = 0;
  let watch: NodeJS.Timeout | undefined;
  const redisGone = new Promise<'gone'>((resolve) => {
    watch = setInterval(() => {
      lostFor = redis.status === 'ready' ? 0 : lostFor + 500;
      if (lostFor >= LOST_ON_STOP_MS) resolve('gone');
    }, 500);
  });
  let withoutRedis = false;
  try {
    const how = await Promise.race([worker.close().then(() => 'closed' as const), redisGone]);
    withoutRedis = how === 'gone';
    if (how === 'gone') {
      log({ event: 'stopping', text: `Redis at ${target.display} is gone: stopping without it` });
      await Promise.race([worker.disconnect(), new Promise((r) => setTimeout(r, 1000))]).catch(() => {});
    }
  } catch (e) {
    throw new ClusterError(`could not stop cleanly (${redisReason(e)})`);
  } finally {
    clearInterval(watch);
    clearInterval(heartbeat);
    if (redis.status === 'ready') await redis.del(workerKey(id)).catch(() => {});
    for (const entry of graphs.values()) await (await entry.catch(() => null))?.pool.terminate();
    redis.disconnect();
  }
  log({
    event: 'stopped',
    shards,
    failed,
    text: `stopped after ${shards} shard${shards === 1 ? '' : 's'} (${failed} failed)`,
  });
  return { shards, failed, withoutRedis };
}
