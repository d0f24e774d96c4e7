/**
 * Split loads of large edge lists on two threads (Node), when RIPPLE_SPLIT_BYTES asks for them: a
 * worker thread (workers/load-tail.node.ts) reads the second half of the file, from the first line
 * start after its middle, while loadGraph reads the first half here and then appends the worker's
 * records (LoadOptions.edgeListTail). The result, errors and warnings included, is the same as on
 * one thread: the worker gives up at any problem and the tail is then read here. Only plain files
 * of at least RIPPLE_SPLIT_BYTES that do not start like gzip, XML or JSON, and when the bundled
 * worker is there (not when running from source).
 *
 * Not by default: a split costs a third more CPU time (the worker's own string table and arrays,
 * the appending), and on one thread the scan now keeps up with it. Integer lists stopped being
 * split first (their WebAssembly scan reads the 10M-edge list in about 0.13 s, before a worker
 * has started and read its half: 0.67 s on one thread against 0.78 s on two, load 2-3); then
 * string-id lists (bench/RESULTS.md, "Loading string ids on one thread"): the 3M-edge list took
 * 1.02 s wall and 0.76 s CPU on one thread against 1.42 s and 1.05 s split (medians of 9, load
 * 4.7), and 0.66-0.72 s against 0.74 s wall in a quiet moment.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { EdgeListOptions, EdgeListPart } from '../../graph/edge-list.ts';
import { readEdgeListTail } from '../../graph/edge-list-blocks.ts';
import type { EdgeListTail, LoadOptions } from '../../graph/load.ts';
import { MAX_LINE } from '../../graph/stream.ts';
import { bundledWorker, bytesFromEnvironment } from './second-thread.ts';

/** What the worker is given (workerData). */
export interface TailJob {
  path: string;
  at: number;
  options: EdgeListOptions;
}

/** A running split: the tail option for loadGraph, and close() to stop the worker. */
export interface TailWorker {
  tail: EdgeListTail;
  close: () => Promise<void>;
}

/**
 * Start a worker reading the tail of the file open in `handle`, or null when the file is not
 * worth splitting or there is no line start near its middle.
 */
export async function startTailWorker(
  handle: FileHandle,
  path: string,
  size: number,
  options: LoadOptions,
): Promise<TailWorker | null> {
  const min = bytesFromEnvironment('RIPPLE_SPLIT_BYTES') ?? 0;
  if (min === 0 || size < min || size < 2 * MAX_LINE) return null;
  const script = bundledWorker(new URL('./load-tail.worker.mjs', import.meta.url));
  if (!script) return null;
  // Not for gzip, XML or JSON (whose first byte after spaces is '<' or '{'): no worker to start.
  const start = new Uint8Array(256);
  const head = start.subarray(0, (await handle.read(start, 0, start.length, 0)).bytesRead);
  if (head[0] === 0x1f && head[1] === 0x8b) return null;
  let first = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0; // a BOM
  while (
    first < head.length &&
    (head[first] === 0x20 || head[first] === 0x09 || head[first] === 0x0a || head[first] === 0x0d)
  )
    first++;
  if (first === head.length || head[first] === 0x3c || head[first] === 0x7b) return null;
  // The first line start after the middle, within one longest line.
  const probe = new Uint8Array(MAX_LINE + 1);
  const middle = Math.floor(size / 2);
  const { bytesRead } = await handle.read(probe, 0, probe.length, middle);
  const lf = probe.subarray(0, bytesRead).indexOf(0x0a);
  if (lf < 0 || middle + lf + 1 >= size) return null;
  const job: TailJob = {
    path,
    at: middle + lf + 1,
    options: {
      file: options.file,
      direction: options.direction ?? 'influences',
      edgeValues: options.edgeValues ?? 'probability',
      header: options.header ?? 'auto',
      gzip: false,
      maxEdges: options.maxEdges,
      sizeHint: size - middle,
    },
  };
  const worker = new Worker(script, { workerData: job });
  const result = new Promise<EdgeListPart | null>((resolve) => {
    worker.once('message', (part: EdgeListPart | null) => resolve(part));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return {
    tail: { at: job.at, read: () => result },
    close: async () => {
      await worker.terminate();
    },
  };
}

/** The file's bytes from `offset` on, 1 MiB at a time (for the worker). */
export async function* fileChunks(handle: FileHandle, offset: number): AsyncGenerator<Uint8Array> {
  const CHUNK = 1 << 20;
  let position = offset;
  for (;;) {
    const buffer = new Uint8Array(CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield bytesRead === CHUNK ? buffer : buffer.subarray(0, bytesRead);
  }
}

/** The worker's side: read the tail and post its records (or null), transferring the arrays. */
export async function runTailJob(
  job: TailJob,
  post: (part: EdgeListPart | null, transfer: ArrayBuffer[]) => void,
) {
  const handles: FileHandle[] = [];
  try {
    const from = (offset: number) => {
      const opened = open(job.path, 'r').then((h) => {
        handles.push(h);
        return h;
      });
      return (async function* () {
        yield* fileChunks(await opened, offset);
      })();
    };
    const part = await readEdgeListTail(from, job.at, job.options);
    const transfer: ArrayBuffer[] = [];
    if (part)
      for (const a of [part.src, part.dst, part.values, part.pool, part.starts])
        if (a && a.buffer instanceof ArrayBuffer && !transfer.includes(a.buffer)) transfer.push(a.buffer);
    post(part, transfer);
  } catch {
    post(null, []);
  } finally {
    for (const h of handles) await h.close().catch(() => {});
  }
}
