/**
 * A pool of engine workers that shards Monte Carlo runs over all cores (the Squoosh
 * worker-bridge habit: comlink wrap, cancel by terminate and respawn).
 *
 * Runs are handed out in chunks sized to take about CHUNK_MS each, so idle workers always find
 * work and progress arrives often; since run r always uses random stream (seed, r), the merged
 * result does not depend on the number of workers or the chunking. Progress is reported at
 * least PROGRESS_MS apart (a timer, so a slow run does not silence it). Aborting terminates the
 * busy workers at once; a crashed worker is replaced, its chunk retried once, the crash reported.
 *
 * Small work runs inline (when the pool is given an in-thread engine: the CLI's): while no worker
 * is running, pieces run in the calling thread, and only when the work left is projected (from the
 * time the pieces took so far) to exceed INLINE_MS are the workers started, all at once; the
 * calling thread keeps taking pieces until the first of them is ready. Jobs are deterministic in
 * their input and runs are sharded by (rng seed, run index), so where a piece ran never changes
 * the result. Workers are started lazily, on the first piece they are needed for.
 */
import type { Remote } from 'comlink';
import { mergeShards } from '../diffusion/summary.ts';
import type { ShardResult } from '../diffusion/types.ts';
import type { Csr } from '../graph/types.ts';
import { yieldTask } from '../util/next-task.ts';
import type { JobInput, JobKind, JobOutput } from './jobs.ts';
import type { EngineRunner } from './runner.ts';
import type { EngineApi, JobRunOptions, RunOptions, SimulationRequest } from './types.ts';

export type { JobRunOptions, Progress, RunOptions, SimulationRequest } from './types.ts';

/** One live worker as the pool needs it, whatever the environment. */
export interface WorkerHandle {
  api: Remote<EngineApi>;
  terminate(): void;
  /** Called once if the worker dies (uncaught error or unexpected exit). */
  onCrash(listener: (error: Error) => void): void;
}

export type Spawn = () => WorkerHandle;

/** Turn the CSR into something cheap to send to every worker (shared memory when allowed). */
export type ShareGraph = (csr: Csr) => Csr;

export const CHUNK_MS = 100;
export const PROGRESS_MS = 200;
/**
 * Work left (ms in one thread, projected) below which a pool with an inline engine starts no
 * worker. Starting one costs about 100 ms of a core (a thread, Node, the engine bundle), so
 * workers pay off from about twice that.
 */
export const INLINE_MS = 200;
/** Jobs (whose cost is unknown beforehand) run inline only on graphs of at most this many arcs. */
export const INLINE_MAX_ARCS = 250_000;
/** Inline work done before deciding whether to start the workers. */
const INLINE_EVIDENCE_MS = 20;
/** Target length of a chunk of runs simulated inline (short, so the decision comes early). */
const INLINE_CHUNK_MS = 10;
/** Inline work yields to the event loop (timers, signals, progress) at least this often. */
const YIELD_MS = 20;

/** Pool options beyond the spawner. */
export interface PoolOptions {
  /**
   * The engine in this thread (createEngineApi, with every job registered), for small work;
   * absent: everything goes to the workers (the app: its page must stay responsive).
   */
  inline?: () => EngineApi;
  /** Projected work (ms in one thread) below which no worker is started [INLINE_MS]. */
  inlineMs?: number;
}

/** A call in flight on a worker, and who made it (one simulate/runJobs invocation). */
interface InFlight {
  owner: symbol;
  reject: (error: Error) => void;
}

interface Slot {
  handle: WorkerHandle | null;
  graphKey: string | null;
  /** Calls in flight on this worker (several callers may share the pool at once). */
  calls: Set<InFlight>;
  /** Woken when no call is in flight any more (or the worker is killed). */
  idle: (() => void)[];
}

/** Wake whoever waits for the slot to be idle. */
function wake(slot: Slot): void {
  for (const resume of slot.idle.splice(0)) resume();
}

export class AbortError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'AbortError';
  }
}

export class WorkerCrashError extends Error {
  constructor(cause: Error) {
    super(`an engine worker crashed: ${cause.message}`);
    this.name = 'WorkerCrashError';
  }
}

/**
 * The worker was terminated under a call because another caller cancelled its own work on the same
 * worker: not a failure; the call's chunk goes back to the queue and runs on a fresh worker.
 */
class WorkerRecycledError extends Error {
  constructor() {
    super('engine worker recycled');
    this.name = 'WorkerRecycledError';
  }
}

/** How a caller's work is cut into pieces and run on a worker (see EnginePool.schedule). */
interface WorkPlan<T> {
  name: string;
  /** Progress total (runs or jobs). */
  total: number;
  /** How many worker slots to use. */
  slots: number;
  /** The next new piece (for the calling thread when `inline`), or null when all are handed out. */
  next(inline: boolean): T | null;
  /** Run a piece; resolves to a function that keeps its result and returns the progress it made. */
  run(api: Remote<EngineApi>, graphKey: string, piece: T, inline: boolean): Promise<() => number>;
  /** Identity of a piece, for retrying it once after a crash. */
  key(piece: T): number;
  /** Whether pieces may run in the calling thread (when the pool has an inline engine) [true]. */
  inline?: boolean;
}

let nextGraphId = 1;

/** The graph as workers receive it: shared (copied into shared memory) once, when first needed. */
class PoolGraph {
  readonly key = `g${nextGraphId++}`;
  private sharedCsr: Csr | null = null;
  constructor(
    readonly csr: Csr,
    private readonly share: ShareGraph,
  ) {}
  get shared(): Csr {
    this.sharedCsr ??= this.share(this.csr);
    return this.sharedCsr;
  }
}

/** The in-thread engine with the worker API's promise-returning shape. */
function inlineRemote(api: EngineApi): Remote<EngineApi> {
  return {
    setGraph: async (csr: Csr, key: string) => api.setGraph(csr, key),
    runShard: async (key: string, request: Parameters<EngineApi['runShard']>[1]) =>
      api.runShard(key, request),
    runJob: async (key: string, kind: string, input: unknown) => api.runJob(key, kind, input),
  } as unknown as Remote<EngineApi>;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

export class EnginePool implements EngineRunner {
  readonly size: number;
  private readonly spawn: Spawn;
  private readonly share: ShareGraph;
  private readonly slots: Slot[];
  private graph: PoolGraph | null = null;
  private readonly makeInline: (() => EngineApi) | null;
  private readonly inlineMs: number;
  private inline: { remote: Remote<EngineApi>; graphKey: string | null } | null = null;
  /** Crashes seen (reported to the listener, if any). */
  readonly crashes: Error[] = [];
  onCrash: ((error: Error) => void) | null = null;

  constructor(spawn: Spawn, size: number, share: ShareGraph = (csr) => csr, options: PoolOptions = {}) {
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`workers: expected a whole number >= 1, got ${size}`);
    this.spawn = spawn;
    this.size = size;
    this.share = share;
    this.makeInline = options.inline ?? null;
    this.inlineMs = options.inlineMs ?? INLINE_MS;
    this.slots = Array.from({ length: size }, () => ({
      handle: null,
      graphKey: null,
      calls: new Set(),
      idle: [],
    }));
  }

  /** Use this graph from now on; workers receive it lazily, once each. */
  setGraph(csr: Csr): void {
    this.graph = new PoolGraph(csr, this.share);
  }

  /** Whether any worker is running (then work goes to the workers, not inline). */
  get workersRunning(): boolean {
    return this.slots.some((slot) => slot.handle !== null);
  }

  /** Run a scenario over all workers; resolves to the merged shard of all its runs. */
  async simulate(scenario: SimulationRequest, options: RunOptions = {}): Promise<ShardResult> {
    const total = scenario.runs;
    const shards: ShardResult[] = [];
    // Per-node counts are added up as shards arrive, so only one n-sized array is kept.
    let nodeCounts: Uint32Array | null = null;
    let nextRun = 0;
    let msPerRun: number | null = null;
    await this.schedule<{ first: number; count: number }>(
      {
        name: 'simulate',
        total,
        slots: this.size,
        next: (inline) => {
          if (nextRun >= total) return null;
          // Workers share what is left fairly; the calling thread needs no fairness.
          const fair = inline ? total - nextRun : Math.ceil((total - nextRun) / this.size);
          const ms = inline ? INLINE_CHUNK_MS : CHUNK_MS;
          const target = msPerRun === null ? 4 : Math.max(1, Math.round(ms / Math.max(msPerRun, 1e-3)));
          const chunk = { first: nextRun, count: Math.max(1, Math.min(fair, target)) };
          nextRun += chunk.count;
          return chunk;
        },
        async run(api, graphKey, chunk) {
          const t0 = performance.now();
          const shard = await api.runShard(graphKey, {
            params: scenario.params,
            seeds: scenario.seeds,
            rngSeed: scenario.rngSeed,
            firstRun: chunk.first,
            runCount: chunk.count,
            traceRun: scenario.traceRun,
            nodeCounts: scenario.nodeCounts ?? false,
          });
          return () => {
            if (shard.nodeCounts) {
              if (nodeCounts)
                for (let v = 0; v < nodeCounts.length; v++) nodeCounts[v] += shard.nodeCounts[v];
              else nodeCounts = shard.nodeCounts;
              shard.nodeCounts = null;
            }
            shards.push(shard);
            const per = (performance.now() - t0) / chunk.count;
            msPerRun = msPerRun === null ? per : 0.5 * msPerRun + 0.5 * per;
            return chunk.count;
          };
        },
        key: (chunk) => chunk.first,
      },
      options,
    );
    const merged = mergeShards(shards);
    if (scenario.nodeCounts) merged.nodeCounts = nodeCounts;
    return merged;
  }

  /**
   * Run a list of analysis jobs (src/engine/jobs.ts) over all workers, one job per call; resolves to
   * the outputs in input order. Size the jobs to take roughly CHUNK_MS each, so progress
   * (jobs done of total) flows and cancelling is quick. A crashed worker's job is retried once.
   */
  async runJobs<K extends JobKind>(
    kind: K,
    inputs: readonly JobInput<K>[],
    options: JobRunOptions = {},
  ): Promise<JobOutput<K>[]> {
    const total = inputs.length;
    const outputs = new Array<JobOutput<K>>(total);
    let next = 0;
    await this.schedule<number>(
      {
        name: 'runJobs',
        total,
        slots: Math.max(1, Math.min(this.size, total)),
        next: () => (next < total ? next++ : null),
        async run(api, graphKey, index) {
          const output = (await api.runJob(graphKey, kind, inputs[index])) as JobOutput<K>;
          return () => {
            outputs[index] = output;
            return 1;
          };
        },
        key: (index) => index,
        // A job's cost is unknown until it ran: only on small graphs, or when the caller says its
        // jobs are short, may one run in this thread (a long job there would hold up every other
        // caller's work).
        inline: options.shortJobs === true || (this.graph?.csr.arcs ?? 0) <= INLINE_MAX_ARCS,
      },
      options,
    );
    return outputs;
  }

  /**
   * The scheduling both callers share: every worker slot takes pieces of work until none are
   * left; a piece whose worker crashed is retried once, one whose worker was recycled by another
   * caller's cancel always; progress every PROGRESS_MS; an abort terminates the workers this
   * caller is using and rejects at once.
   */
  private async schedule<T>(plan: WorkPlan<T>, options: RunOptions): Promise<void> {
    const graph = this.graph;
    if (!graph) throw new Error('engine pool: no graph set');
    const { signal, onProgress } = options;
    if (signal?.aborted) throw new AbortError();
    const { total } = plan;
    const started = Date.now();
    let done = 0;
    let failure: Error | null = null;
    const retried = new Set<number>();
    const pending: T[] = [];

    const report = () => {
      if (!onProgress) return;
      const elapsedMs = Date.now() - started;
      const etaMs = done > 0 ? (elapsedMs / done) * (total - done) : null;
      onProgress({ done, total, elapsedMs, etaMs });
    };
    const timer = onProgress ? setInterval(report, PROGRESS_MS) : null;

    let abortAll: () => void = () => {};
    const aborted = new Promise<never>((_, reject) => {
      abortAll = () => reject(new AbortError());
    });
    aborted.catch(() => {});
    const owner = Symbol(plan.name);
    const onAbort = () => {
      this.killOwned(owner);
      abortAll();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    // The plan's slots: the least busy workers first (a one-job plan should not queue behind
    // another caller's long job when a worker is free).
    const foreign = (slot: Slot) => [...slot.calls].some((call) => call.owner !== owner);
    const used = [...this.slots].sort((a, b) => Number(foreign(a)) - Number(foreign(b))).slice(0, plan.slots);
    let exhausted = false;
    const take = (inline = false): T | null => {
      if (pending.length > 0) return pending.shift() as T;
      if (exhausted) return null;
      const piece = plan.next(inline);
      if (piece === null) exhausted = true;
      return piece;
    };
    // Loops waiting for their worker, woken when it is idle or when a piece is done elsewhere.
    const waiting = new Set<() => void>();
    const nudge = () => {
      for (const resume of [...waiting]) resume();
    };
    const work = async (slot: Slot): Promise<void> => {
      let startRetried = false;
      for (;;) {
        if (failure || signal?.aborted) return;
        if (exhausted && pending.length === 0) return;
        // Another caller's call holds this worker while a worker of this plan is not held by
        // anyone else: wait rather than queue a piece behind that call (the other takes the pieces).
        if (foreign(slot) && used.some((s) => s !== slot && !foreign(s))) {
          await new Promise<void>((resolve) => {
            const resume = () => {
              waiting.delete(resume);
              resolve();
            };
            waiting.add(resume);
            slot.idle.push(resume);
          });
          continue;
        }
        // Without an inline helper, a piece first (a worker starts only for work it will do);
        // with one, the worker first: pieces wait in the queue, where this thread takes them,
        // rather than in a worker that is still starting.
        let piece = helped ? null : take();
        if (!helped && piece === null) return;
        let handle: WorkerHandle;
        try {
          handle = await this.ready(slot, graph, owner);
        } catch (error) {
          nudge();
          if (signal?.aborted) return;
          if (piece !== null) {
            if (error instanceof WorkerRecycledError) pending.push(piece);
            else if (error instanceof WorkerCrashError && !retried.has(plan.key(piece))) {
              retried.add(plan.key(piece));
              pending.push(piece);
            } else failure ??= error instanceof Error ? error : new Error(String(error));
            continue;
          }
          if (error instanceof WorkerRecycledError) continue;
          if (error instanceof WorkerCrashError && !startRetried) {
            startRetried = true;
            continue;
          }
          failure ??= error instanceof Error ? error : new Error(String(error));
          return;
        }
        workerReady = true;
        piece ??= take();
        if (piece === null) return;
        const taken = piece;
        try {
          const accept = await this.call(slot, owner, handle, () =>
            plan.run(handle.api, graph.key, taken, false),
          );
          done += accept();
          nudge();
        } catch (error) {
          nudge();
          if (signal?.aborted) return;
          if (error instanceof WorkerRecycledError) pending.push(taken);
          else if (error instanceof WorkerCrashError && !retried.has(plan.key(taken))) {
            retried.add(plan.key(taken));
            pending.push(taken);
          } else {
            failure ??= error instanceof Error ? error : new Error(String(error));
          }
        }
      }
    };

    // Inline: pieces run here while no worker runs and the work left looks small; once it does
    // not, the workers start (all at once) and this thread helps until the first one is ready.
    let workerReady = false;
    /** Whether this thread takes pieces too while the workers start (see inlineLoop). */
    let helped = false;
    const inlineLoop = async (untilWorkerReady: boolean): Promise<boolean> => {
      const api = this.inlineApi(graph);
      let lastYield = performance.now();
      // The first pieces pay for set-up and run before the JIT compiler has warmed up: the
      // decision waits for INLINE_EVIDENCE_MS of work (unless one piece alone exceeds the budget)
      // and uses the median rate of the last three pieces.
      let spent = 0;
      const rates: number[] = [];
      for (;;) {
        if (failure || signal?.aborted) return false;
        if (untilWorkerReady && workerReady) return false;
        const piece = take(true);
        if (piece === null) return false;
        const t0 = performance.now();
        let made = 0;
        try {
          const accept = await plan.run(api, graph.key, piece, true);
          made = accept();
          done += made;
        } catch (error) {
          failure ??= error instanceof Error ? error : new Error(String(error));
          return false;
        }
        const t1 = performance.now();
        nudge();
        if (!untilWorkerReady && done < total) {
          spent += t1 - t0;
          rates.push((t1 - t0) / Math.max(1, made));
          if (t1 - t0 > this.inlineMs) return true;
          if (
            spent >= Math.min(INLINE_EVIDENCE_MS, this.inlineMs) &&
            median(rates.slice(-3)) * (total - done) > this.inlineMs
          )
            return true;
        }
        if (t1 - lastYield > YIELD_MS) {
          await yieldTask();
          lastYield = performance.now();
        }
      }
    };

    try {
      const inline = this.makeInline !== null && !this.workersRunning && (plan.inline ?? true);
      const needWorkers = inline ? await Promise.race([inlineLoop(false), aborted]) : true;
      helped = inline;
      if (needWorkers && !failure && !signal?.aborted)
        await Promise.race([
          Promise.all([...used.map(work), ...(inline ? [inlineLoop(true)] : [])]),
          aborted,
        ]);
      if (failure) throw failure;
      if (signal?.aborted) throw new AbortError();
      report();
    } finally {
      if (timer) clearInterval(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Terminate every worker; the pool respawns them if used again. Calls in flight are rejected. */
  terminate(): void {
    for (const slot of this.slots) this.kill(slot);
    this.inline = null;
  }

  /** The in-thread engine with `graph` installed (created on first use). */
  private inlineApi(graph: PoolGraph): Remote<EngineApi> {
    const make = this.makeInline;
    if (!make) throw new Error('engine pool: no inline engine');
    this.inline ??= { remote: inlineRemote(make()), graphKey: null };
    if (this.inline.graphKey !== graph.key) {
      // The caller's arrays as they are: nothing is copied for this thread.
      void this.inline.remote.setGraph(graph.csr, graph.key);
      this.inline.graphKey = graph.key;
    }
    return this.inline.remote;
  }

  /** Cancel one caller's work: terminate the workers it is using (others' calls there are requeued). */
  private killOwned(owner: symbol): void {
    for (const slot of this.slots) {
      for (const call of slot.calls) {
        if (call.owner === owner) {
          this.kill(slot);
          break;
        }
      }
    }
  }

  private kill(slot: Slot): void {
    slot.handle?.terminate();
    slot.handle = null;
    slot.graphKey = null;
    const calls = [...slot.calls];
    slot.calls.clear();
    for (const call of calls) call.reject(new WorkerRecycledError());
    wake(slot);
  }

  private async ready(slot: Slot, graph: PoolGraph, owner: symbol): Promise<WorkerHandle> {
    if (!slot.handle) {
      const handle = this.spawn();
      slot.handle = handle;
      handle.onCrash((error) => {
        if (slot.handle !== handle) return;
        this.crashes.push(error);
        this.onCrash?.(error);
        slot.handle = null;
        slot.graphKey = null;
        const calls = [...slot.calls];
        slot.calls.clear();
        for (const call of calls) call.reject(new WorkerCrashError(error));
      });
    }
    const handle = slot.handle;
    if (slot.graphKey !== graph.key) {
      await this.call(slot, owner, handle, () => handle.api.setGraph(graph.shared, graph.key));
      if (slot.handle === handle) slot.graphKey = graph.key;
    }
    return handle;
  }

  /**
   * Await a call on `handle`, failing fast if its worker crashes or is terminated meanwhile, or was
   * already replaced (another caller's cancel between ready() and here): comlink would wait forever
   * on a terminated worker.
   */
  private call<T>(slot: Slot, owner: symbol, handle: WorkerHandle, fn: () => Promise<T>): Promise<T> {
    if (slot.handle !== handle) return Promise.reject(new WorkerRecycledError());
    return new Promise<T>((resolve, reject) => {
      const entry: InFlight = { owner, reject };
      slot.calls.add(entry);
      fn()
        .then(resolve, reject)
        .finally(() => {
          slot.calls.delete(entry);
          if (slot.calls.size === 0) wake(slot);
        });
    });
  }
}
