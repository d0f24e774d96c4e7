/**
 * Snapshot loads on two threads (Node): a worker thread (workers/snapshot-arcs.node.ts) hashes a
 * large snapshot's chunks as this thread reads them; then both threads run the arc passes
 * (src/graph/snapshot-arc-hash.ts), taking blocks of rows from a shared counter until none is
 * left (this one at once, the worker when it has hashed the last bytes), and arcSumsProblem
 * (src/graph/snapshot.ts) adds up their sums; this thread also decodes the id table, labels and
 * load report (decodeSnapshotWith). The worker is started before the file is read, so its
 * start-up overlaps the read, and the file is read into a shared WebAssembly memory it sees
 * without a copy. Results and errors are those of the one-thread decoder; when the worker cannot
 * run or fails, the checks run here. Only for snapshots of at least ARC_WORKER_BYTES on a machine
 * with two cores, and when the bundled worker is there (not when running from source).
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { type ArcCheckResult, arcPassSums, arcSumsProblem, type SnapshotArcs } from '../../graph/snapshot.ts';
import { adoptMemory } from '../../graph/snapshot-arc-hash.ts';
import { bundledWorker, bytesFromEnvironment } from './second-thread.ts';

/**
 * Smallest snapshot checked on a worker: below it the worker's start-up (20-50 ms of a core) and
 * its messages outweigh the hash and the arc passes it takes over, which cost the main thread
 * about 1 ms per MB (the id strings are no longer made at load). Measured in fresh processes,
 * medians, load 2-3 from other sessions: a 92 MB snapshot (10M arcs) 0.115 s with the worker,
 * 0.102 s without (11 runs); a 276 MB one (30M arcs) 0.232-0.239 s against 0.264 s in quiet runs,
 * no difference in busy ones (7 runs). Earlier, with the id strings on the main thread and the
 * checks in JavaScript, the worker paid from about 50 MB.
 * RIPPLE_SNAPSHOT_WORKER_BYTES overrides it (tests use a worker on small files with it; 0 turns
 * the worker off).
 */
const ARC_WORKER_BYTES = 160 << 20;

/**
 * A started worker: share() hands it the memory the snapshot is read into (first), hash() bytes
 * [from, to) of it, in order, for the content hash; check() the arcs (once, after the last
 * bytes), close() stops it if still running.
 */
export interface ArcWorker {
  share: (memory: WebAssembly.Memory) => void;
  hash: (from: number, to: number) => void;
  check: (arcs: SnapshotArcs) => Promise<ArcCheckResult | undefined>;
  close: () => void;
}

/** What the worker is sent. */
type ArcWorkerMessage =
  | { memory: WebAssembly.Memory }
  | { hash: [number, number] }
  | { arcs: SnapshotArcs; blocks: Int32Array };
/** What it sends back: the sums of the blocks of arcs it hashed (null: a problem), the content hash. */
interface ArcWorkerResult {
  sums: Int32Array | null;
  bodySha256: Uint8Array;
}

/** Start a worker for the arc checks of a snapshot of `size` bytes, or null when not worth it. */
export function startArcWorker(size: number): ArcWorker | null {
  const min = bytesFromEnvironment('RIPPLE_SNAPSHOT_WORKER_BYTES') ?? ARC_WORKER_BYTES;
  if (min === 0 || size < min) return null;
  const script = bundledWorker(new URL('./snapshot-arcs.worker.mjs', import.meta.url));
  if (!script) return null;
  const worker = new Worker(script);
  let done = false;
  const result = new Promise<ArcWorkerResult | undefined>((resolve) => {
    worker.once('message', (found: ArcWorkerResult) => resolve(found));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  }).finally(() => {
    done = true;
  });
  const post = (message: ArcWorkerMessage) => worker.postMessage(message);
  return {
    share: (memory) => post({ memory }),
    hash: (from, to) => post({ hash: [from, to] }),
    check: async (arcs) => {
      // Both threads take blocks of rows from `blocks` until none is left (this one starts at
      // once, the worker when it has hashed the last bytes): whichever is free does the work.
      const blocks = new Int32Array(new SharedArrayBuffer(4));
      post({ arcs, blocks });
      const own = arcPassSums(arcs, blocks);
      const found = await result;
      return found && { problem: arcSumsProblem(arcs, own, found.sums), bodySha256: found.bodySha256 };
    },
    close: () => {
      if (!done) void worker.terminate();
    },
  };
}

/** The worker's side: hash the bytes it is sent, then run its arc passes, post both and stop. */
export function serveArcChecks(port: {
  on: (event: 'message', listener: (message: ArcWorkerMessage) => void) => void;
  postMessage: (result: ArcWorkerResult) => void;
  close: () => void;
}): void {
  const hash = createHash('sha256');
  let buffer: ArrayBufferLike | null = null;
  port.on('message', (message) => {
    if ('memory' in message) {
      // A new object for the same memory here: the arc pass runs on it.
      buffer = adoptMemory(message.memory);
      return;
    }
    if (!buffer) throw new Error('snapshot-arcs: bytes before their memory');
    if ('hash' in message) {
      const [from, to] = message.hash;
      hash.update(new Uint8Array(buffer, from, to - from));
      return;
    }
    port.postMessage({
      sums: arcPassSums({ ...message.arcs, buffer }, message.blocks),
      bodySha256: hash.digest(),
    });
    port.close();
  });
}
