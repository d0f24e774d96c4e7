/**
 * ClusterRunner: the engine (src/engine/runner.ts) on many machines, through Redis and BullMQ.
 * Each simulate or runJobs call cuts its work into shards (fixed run ranges, or the job inputs;
 * see src/engine/shardable.ts), enqueues them as BullMQ jobs and merges their results in shard
 * order with the code the local pool uses, so the numbers equal a local run with the same seed,
 * bit for bit. Jobs that are not shardable run on this machine's own worker threads.
 *
 * The graph travels once: its snapshot (src/graph/snapshot.ts) is stored in Redis under its
 * content hash (graph-store.ts) and every shard names the hash. Results arrive through BullMQ's
 * event stream; every RECONCILE_MS the shards still outstanding are also looked up directly, so a
 * missed event only delays a result, and a shard Redis no longer knows (restarted without
 * persistence, flushed) fails the call instead of hanging it. A result carries its call and shard
 * index and is accepted once: late duplicates are ignored. Failures are one ClusterError and no
 * partial result: a shard that failed on a worker (with the worker's message), a connection to
 * Redis lost for longer than lostConnectionMs, no worker connected for --cluster-timeout. Abort
 * (Ctrl-C) and failures remove the call's shards that no worker has started.
 */
import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { mergeShards } from '../diffusion/summary.ts';
import type { ShardRequest, ShardResult } from '../diffusion/types.ts';
import type { JobInput, JobKind, JobOutput } from '../engine/jobs.ts';
import { AbortError, PROGRESS_MS } from '../engine/pool.ts';
import type { EngineRunner } from '../engine/runner.ts';
import { isShardable } from '../engine/shardable.ts';
import type { RunOptions, SimulationRequest } from '../engine/types.ts';
import { encodeSnapshot, snapshotHash } from '../graph/snapshot.ts';
import type { Csr } from '../graph/types.ts';
import { decodePayload, encodePayload } from './codec.ts';
import { ClusterError, clientOptions, connectRedis, redisReason } from './connect.ts';
import { putGraph } from './graph-store.ts';
import { installNodeSha256 } from './node-sha256.ts';
import {
  HEARTBEAT_TTL_MS,
  jobId,
  MAX_RESULT_CHARS,
  PREFIX,
  PROTOCOL,
  QUEUE,
  type ShardData,
  type ShardReply,
  shardReplyProblem,
  WORKER_KEYS,
} from './protocol.ts';
import { parseRedisUrl, type RedisTarget } from './url.ts';

installNodeSha256();

export interface ClusterRunnerOptions {
  /** redis:// or rediss:// URL of the cluster's Redis. */
  url: string;
  /** This machine's worker threads, for the jobs that are not shardable. */
  local: () => EngineRunner;
  /** One line for the user (stderr): that no worker is connected, that one came. */
  notice?: (line: string) => void;
  /** Give up when no worker has been connected for this long (--cluster-timeout); null: wait. */
  noWorkerTimeoutMs?: number | null;
  /** Say that no worker is connected after this long [3000]. */
  noWorkerNoticeMs?: number;
  /** Fail when the connection to Redis stays lost for this long [5000]. */
  lostConnectionMs?: number;
}

/** Shards of one simulate call: at least MIN_SHARDS and 4 per worker thread, at most MAX_SHARDS. */
const MIN_SHARDS = 16;
const MAX_SHARDS = 4096;
const RUNS_PER_SHARD = 5000;
const ENQUEUE_BATCH = 500;
const TICK_MS = 250;
const RECONCILE_MS = 2000;
const RECONCILE_BATCH = 64;
const WORKERS_MS = 2000;
/** Events kept in the queue's stream (results travel in it; the oldest are trimmed). */
const EVENTS_MAX = 1000;

interface Call {
  id: string;
  kind: string;
  /** Inputs per shard, and the progress units (runs or jobs) each stands for. */
  batches: number[];
  units: number[];
  outputs: (unknown[] | undefined)[];
  received: number;
  done: number;
  total: number;
  started: number;
  /** A worker has taken one of this call's shards. */
  taken: boolean;
  duplicates: number;
  /** Where the reconciliation continues, and when it last ran. */
  cursor: number;
  checked: number;
  finished: boolean;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class ClusterRunner implements EngineRunner {
  readonly target: RedisTarget;
  private readonly options: ClusterRunnerOptions;
  private readonly session = randomBytes(4).toString('hex');
  private seq = 0;
  private opening: Promise<void> | null = null;
  private redis: Redis | null = null;
  private queue: Queue | null = null;
  private events: QueueEvents | null = null;
  private readonly calls = new Map<string, Call>();
  private graph: { csr: Csr; hash: string | null } | null = null;
  private local: EngineRunner | null = null;
  private localGraph: Csr | null = null;
  private ticker: NodeJS.Timeout | null = null;
  private lastError: unknown = null;
  private lostSince: number | null = null;
  private reconcileNow = false;
  private workers = { count: 0, threads: 0, checked: 0, busy: false };
  private noWorkerSince: number | null = null;
  private noticed = false;
  /** Results accepted twice and ignored, over all calls (tests read it). */
  duplicates = 0;

  constructor(options: ClusterRunnerOptions) {
    this.options = options;
    this.target = parseRedisUrl(options.url);
  }

  /** Worker threads of the workers connected at the last look (at least 1). */
  get size(): number {
    return Math.max(1, this.workers.threads);
  }

  /** Worker processes connected at the last look. */
  get workerCount(): number {
    return this.workers.count;
  }

  setGraph(csr: Csr): void {
    this.graph = { csr, hash: null };
  }

  async simulate(request: SimulationRequest, options: RunOptions = {}): Promise<ShardResult> {
    const { runs } = request;
    if (!Number.isInteger(runs) || runs < 1)
      throw new RangeError(`runs: expected a whole number >= 1, got ${runs}`);
    await this.open();
    const shards = Math.min(
      runs,
      MAX_SHARDS,
      Math.max(MIN_SHARDS, 4 * this.size, Math.ceil(runs / RUNS_PER_SHARD)),
    );
    const per = Math.ceil(runs / shards);
    const batches: ShardRequest[][] = [];
    for (let first = 0; first < runs; first += per)
      batches.push([
        {
          params: request.params,
          seeds: request.seeds,
          rngSeed: request.rngSeed,
          firstRun: first,
          runCount: Math.min(per, runs - first),
          traceRun: request.traceRun,
          nodeCounts: request.nodeCounts ?? false,
        },
      ]);
    const outputs = await this.runShards(
      'simulateRuns',
      batches,
      batches.map(([r]) => r.runCount),
      options,
    );
    return mergeShards(outputs.map((o) => o[0] as ShardResult));
  }

  async runJobs<K extends JobKind>(
    kind: K,
    inputs: readonly JobInput<K>[],
    options: RunOptions = {},
  ): Promise<JobOutput<K>[]> {
    if (!isShardable(kind)) return this.localRunner().runJobs(kind, inputs, options);
    if (inputs.length === 0) return [];
    await this.open();
    const per = Math.ceil(inputs.length / Math.min(inputs.length, MAX_SHARDS));
    const batches: unknown[][] = [];
    for (let at = 0; at < inputs.length; at += per) batches.push(inputs.slice(at, at + per));
    const outputs = await this.runShards(
      kind,
      batches,
      batches.map((b) => b.length),
      options,
    );
    return outputs.flat() as JobOutput<K>[];
  }

  async terminate(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    this.local?.terminate();
    this.local = null;
    this.localGraph = null;
    const opening = this.opening;
    this.opening = null;
    await opening?.catch(() => {});
    // BullMQ's close waits for Redis; with Redis gone, give up soon and drop the sockets.
    const healthy = this.redis?.status === 'ready';
    const closing = [this.events?.close(), this.queue?.close()].map((p) => p?.catch(() => {}));
    await withTimeout(Promise.all(closing), healthy ? 3000 : 300);
    const dropping = [this.events?.disconnect(), this.queue?.disconnect()].map((p) => p?.catch(() => {}));
    await withTimeout(Promise.all(dropping), 300);
    this.redis?.disconnect();
    this.events = null;
    this.queue = null;
    this.redis = null;
  }

  private localRunner(): EngineRunner {
    const graph = this.graph;
    if (!graph) throw new Error('cluster: no graph set');
    this.local ??= this.options.local();
    if (this.localGraph !== graph.csr) {
      this.local.setGraph(graph.csr);
      this.localGraph = graph.csr;
    }
    return this.local;
  }

  private open(): Promise<void> {
    this.opening ??= this.connect().catch((e) => {
      this.opening = null;
      throw e;
    });
    return this.opening;
  }

  private async connect(): Promise<void> {
    const redis = await connectRedis(this.target, 'coordinator');
    this.redis = redis;
    redis.on('error', (e) => {
      this.lastError = e;
    });
    const connection = clientOptions(this.target, 'coordinator');
    const remember = (e: unknown) => {
      this.lastError = e;
    };
    const queue = new Queue(QUEUE, {
      connection,
      prefix: PREFIX,
      streams: { events: { maxLen: EVENTS_MAX } },
      defaultJobOptions: {
        // A shard that throws is tried once more (a crashed engine thread); bad input fails at once.
        attempts: 2,
        removeOnComplete: { age: 3600 },
        removeOnFail: { age: 24 * 3600 },
      },
    });
    queue.on('error', remember);
    this.queue = queue;
    await queue.waitUntilReady();
    // Listen from the stream's current end: older events belong to other calls.
    const last = await redis.xrevrange(queue.keys.events, '+', '-', 'COUNT', 1);
    // A short blocking read: closing waits for the read in flight (its timer outlives a lost Redis).
    const events = new QueueEvents(QUEUE, {
      connection,
      prefix: PREFIX,
      lastEventId: last[0]?.[0] ?? '0-0',
      blockingTimeout: 1000,
    });
    events.on('error', remember);
    events.on('completed', ({ jobId: id, returnvalue }) => this.onCompleted(id, returnvalue));
    events.on('failed', ({ jobId: id, failedReason }) => this.onFailed(id, failedReason));
    events.on('active', ({ jobId: id }) => {
      const call = this.callOf(id);
      if (call) call.taken = true;
    });
    this.events = events;
    await events.waitUntilReady();
    await this.refreshWorkers();
  }

  /** Store the graph's snapshot in Redis (once; later calls only refresh its expiry). */
  private async storeGraph(): Promise<string> {
    const graph = this.graph;
    if (!graph) throw new Error('cluster: no graph set');
    let bytes: Uint8Array | null = null;
    if (graph.hash === null) {
      bytes = encodeSnapshot({ csr: graph.csr });
      graph.hash = snapshotHash(bytes);
    }
    const hash = graph.hash;
    await putGraph(this.redis as Redis, hash, () => bytes ?? encodeSnapshot({ csr: graph.csr }));
    return hash;
  }

  private async runShards(
    kind: string,
    batches: unknown[][],
    units: number[],
    options: RunOptions,
  ): Promise<unknown[][]> {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw new AbortError();
    await this.open();
    const queue = this.queue as Queue;
    let hash: string;
    try {
      hash = await this.storeGraph();
    } catch (e) {
      throw new ClusterError(
        `could not store the graph in Redis at ${this.target.display} (${redisReason(e)})`,
      );
    }
    if (signal?.aborted) throw new AbortError();
    const id = `${this.session}-${(++this.seq).toString(36)}`;
    let settle: { resolve: () => void; reject: (e: Error) => void } = { resolve() {}, reject() {} };
    const finished = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const call: Call = {
      id,
      kind,
      batches: batches.map((b) => b.length),
      units,
      outputs: new Array(batches.length).fill(undefined),
      received: 0,
      done: 0,
      total: units.reduce((a, b) => a + b, 0),
      started: Date.now(),
      taken: false,
      duplicates: 0,
      cursor: 0,
      checked: Date.now(),
      finished: false,
      resolve: settle.resolve,
      reject: settle.reject,
    };
    this.calls.set(id, call);
    const report = () => {
      const elapsedMs = Date.now() - call.started;
      const etaMs = call.done > 0 ? (elapsedMs / call.done) * (call.total - call.done) : null;
      onProgress?.({ done: call.done, total: call.total, elapsedMs, etaMs });
    };
    const progress = onProgress ? setInterval(report, PROGRESS_MS) : null;
    const onAbort = () => this.finish(call, new AbortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    this.tick();
    try {
      for (let at = 0; at < batches.length && !call.finished; at += ENQUEUE_BATCH) {
        const jobs = batches.slice(at, at + ENQUEUE_BATCH).map((batch, j) => {
          const shard = at + j;
          const data: ShardData = {
            v: PROTOCOL,
            run: id,
            shard,
            of: batches.length,
            graph: hash,
            kind,
            units: units[shard],
            input: encodePayload(batch),
          };
          return { name: kind, data, opts: { jobId: jobId(id, shard) } };
        });
        try {
          await queue.addBulk(jobs);
        } catch (e) {
          this.finish(
            call,
            new ClusterError(
              `could not enqueue shards in Redis at ${this.target.display} (${redisReason(e)})`,
            ),
          );
        }
      }
      await finished;
      report();
      return call.outputs as unknown[][];
    } finally {
      if (progress) clearInterval(progress);
      signal?.removeEventListener('abort', onAbort);
      this.calls.delete(id);
      if (call.received < call.outputs.length) await this.removePending(call);
    }
  }

  private finish(call: Call, error?: Error): void {
    if (call.finished) return;
    call.finished = true;
    if (error) call.reject(error);
    else call.resolve();
  }

  /** The call a job id belongs to (its prefix), if still running. */
  private callOf(id: string): Call | undefined {
    const dot = id.lastIndexOf('.');
    return dot > 0 ? this.calls.get(id.slice(0, dot)) : undefined;
  }

  private onCompleted(id: string, returnvalue: unknown): void {
    const call = this.callOf(id);
    if (!call || call.finished) return;
    call.taken = true;
    let reply: ShardReply;
    try {
      reply = decodePayload(returnvalue, MAX_RESULT_CHARS) as ShardReply;
    } catch (e) {
      this.finish(
        call,
        new ClusterError(`a worker returned a malformed result for ${id}: ${(e as Error).message}`),
      );
      return;
    }
    this.accept(call, reply, id);
  }

  private accept(call: Call, reply: ShardReply, id: string): void {
    const shard = reply?.shard;
    // Results name their call and shard: anything else, or a shard already merged, is ignored.
    if (reply?.run !== call.id || !Number.isInteger(shard) || shard < 0 || shard >= call.outputs.length)
      return;
    const problem = shardReplyProblem(reply, call.batches[shard]);
    if (problem) {
      this.finish(
        call,
        new ClusterError(`a worker returned a malformed result for shard ${shard} (${problem})`),
      );
      return;
    }
    if (call.outputs[shard] !== undefined) {
      call.duplicates++;
      this.duplicates++;
      return;
    }
    call.outputs[shard] = reply.outputs;
    call.received++;
    call.done += call.units[shard];
    // The result is ours now: free its memory in Redis.
    if (id === jobId(call.id, shard)) this.queue?.remove(id).catch(() => {});
    if (call.received === call.outputs.length) this.finish(call);
  }

  private onFailed(id: string, reason: string): void {
    const call = this.callOf(id);
    if (!call || call.finished) return;
    const shard = Number(id.slice(id.lastIndexOf('.') + 1));
    if (Number.isInteger(shard) && call.outputs[shard] !== undefined) return; // a duplicate's failure
    this.finish(
      call,
      new ClusterError(
        `shard ${Number.isInteger(shard) ? `${shard + 1} of ${call.outputs.length}` : id} failed on a worker: ${reason}`,
      ),
    );
  }

  /** Remove the call's shards no worker has started (started ones finish; their results are ignored). */
  private async removePending(call: Call): Promise<void> {
    const queue = this.queue;
    if (!queue || this.redis?.status !== 'ready') return;
    const pending: string[] = [];
    call.outputs.forEach((o, shard) => {
      if (o === undefined) pending.push(jobId(call.id, shard));
    });
    const removeAll = async () => {
      for (let at = 0; at < pending.length; at += 200)
        await Promise.all(pending.slice(at, at + 200).map((id) => queue.remove(id).catch(() => 0)));
    };
    await withTimeout(removeAll(), 5000);
  }

  /** Start the watchdog while calls run. */
  private tick(): void {
    if (this.ticker) return;
    this.ticker = setInterval(() => {
      if (this.calls.size === 0) {
        if (this.ticker) clearInterval(this.ticker);
        this.ticker = null;
        return;
      }
      this.watch();
    }, TICK_MS);
  }

  private watch(): void {
    const now = Date.now();
    const lostMs = this.options.lostConnectionMs ?? 5000;
    if (this.redis?.status !== 'ready') {
      this.lostSince ??= now;
      if (now - this.lostSince >= lostMs) {
        const reason = this.lastError ? ` (${redisReason(this.lastError)})` : '';
        for (const call of this.calls.values())
          this.finish(
            call,
            new ClusterError(
              `lost the connection to Redis at ${this.target.display}${reason} for ${lostMs / 1000} s, with ${call.received} of ${call.outputs.length} shards done; nothing was merged`,
            ),
          );
      }
      return;
    }
    if (this.lostSince !== null) {
      this.lostSince = null;
      this.reconcileNow = true;
    }
    if (now - this.workers.checked >= WORKERS_MS) void this.refreshWorkers();
    const waiting = [...this.calls.values()].some((c) => !c.taken);
    if (this.workers.count === 0 && waiting) {
      this.noWorkerSince ??= now;
      const first = Math.min(...[...this.calls.values()].map((c) => c.started));
      if (!this.noticed && now - first >= (this.options.noWorkerNoticeMs ?? 3000)) {
        this.noticed = true;
        this.options.notice?.(
          `no worker is connected to ${this.target.display}; waiting (start one with: ripple worker --cluster ${this.target.display})`,
        );
      }
      const timeout = this.options.noWorkerTimeoutMs;
      if (timeout != null && now - this.noWorkerSince >= timeout)
        for (const call of this.calls.values())
          this.finish(
            call,
            new ClusterError(
              `no worker connected to ${this.target.display} for ${timeout / 1000} s (--cluster-timeout); gave up and removed the pending shards`,
            ),
          );
    } else if (this.workers.count > 0) {
      if (this.noticed && this.noWorkerSince !== null)
        this.options.notice?.(`a worker connected; continuing`);
      this.noWorkerSince = null;
    }
    for (const call of this.calls.values()) {
      if (this.reconcileNow || now - call.checked >= RECONCILE_MS) {
        call.checked = now;
        void this.reconcile(call);
      }
    }
    this.reconcileNow = false;
  }

  /** Look up some outstanding shards directly: completed (event missed), failed, or lost. */
  private async reconcile(call: Call): Promise<void> {
    const queue = this.queue;
    if (!queue) return;
    const outstanding: number[] = [];
    for (let i = 0; i < call.outputs.length && outstanding.length < RECONCILE_BATCH; i++) {
      const shard = (call.cursor + i) % call.outputs.length;
      if (call.outputs[shard] === undefined) outstanding.push(shard);
    }
    call.cursor = (call.cursor + RECONCILE_BATCH) % call.outputs.length;
    try {
      const states = await Promise.all(outstanding.map((s) => queue.getJobState(jobId(call.id, s))));
      for (let i = 0; i < outstanding.length; i++) {
        if (call.finished) return;
        const shard = outstanding[i];
        const id = jobId(call.id, shard);
        if (states[i] === 'completed') {
          const job = await queue.getJob(id);
          if (job && call.outputs[shard] === undefined) this.onCompleted(id, job.returnvalue);
        } else if (states[i] === 'failed') {
          const job = await queue.getJob(id);
          this.onFailed(id, job?.failedReason ?? 'no reason given');
        } else if (states[i] === 'unknown' && call.outputs[shard] === undefined) {
          this.finish(
            call,
            new ClusterError(
              `Redis at ${this.target.display} lost shard ${shard + 1} of ${call.outputs.length} (was it restarted without persistence, or flushed?); nothing was merged`,
            ),
          );
        }
      }
    } catch (e) {
      this.lastError = e; // the connection watch decides whether it is fatal
    }
  }

  /** Count the workers and their threads from their heartbeats. */
  private async refreshWorkers(): Promise<void> {
    const redis = this.redis;
    if (!redis || this.workers.busy) return;
    this.workers.busy = true;
    try {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', WORKER_KEYS, 'COUNT', 200);
        cursor = next;
        keys.push(...found);
      } while (cursor !== '0' && keys.length < 100_000);
      let threads = 0;
      let count = 0;
      const values = keys.length > 0 ? await redis.mget(...keys) : [];
      for (const value of values) {
        if (value === null) continue;
        try {
          const beat = JSON.parse(value) as { threads?: unknown; at?: unknown };
          if (typeof beat.at === 'number' && Date.now() - beat.at > HEARTBEAT_TTL_MS) continue;
          count++;
          if (typeof beat.threads === 'number' && Number.isInteger(beat.threads) && beat.threads > 0)
            threads += Math.min(beat.threads, 4096);
        } catch {
          // not a heartbeat of ours
        }
      }
      this.workers.count = count;
      this.workers.threads = threads;
    } catch (e) {
      this.lastError = e;
    } finally {
      this.workers.checked = Date.now();
      this.workers.busy = false;
    }
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
