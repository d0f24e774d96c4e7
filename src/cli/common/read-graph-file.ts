/**
 * Node-only entry to the graph loaders: stream a file from disk into loadGraph, with Node's
 * streaming gunzip (zlib) and the strict xmldom parser (src/util/strict-xml-parser.ts) injected.
 * Chunks are read one at a time, so a file of any size (or a device like /dev/zero) costs one
 * chunk of memory beyond the graph, and reading stops, and the file is closed, as soon as loading
 * fails. A file that cannot be opened or read is a LoadError too, so the CLI has one error type.
 * A graph snapshot (`ripple snapshot`, src/graph/snapshot.ts) is recognised by its magic bytes and
 * decoded whole instead.
 */
import { createHash } from 'node:crypto';
import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, type ZlibOptions } from 'node:zlib';
import { installNodeSha256 } from '../../cluster/node-sha256.ts';
import { isGzip, type LoadOptions, loadGraph, readProblem, resolveLoadOptions } from '../../graph/load.ts';
import { LoadError } from '../../graph/load-error.ts';
import {
  type ArcChecksAsRead,
  arcChecksAsRead,
  type DecodeOptions,
  decodeSnapshot,
  decodeSnapshotWith,
  isSnapshot,
  loadedFromSnapshot,
  SNAPSHOT_HEADER_BYTES,
  snapshotScratchBytes,
} from '../../graph/snapshot.ts';
import { snapshotMemory } from '../../graph/snapshot-arc-hash.ts';
import type { Gunzip } from '../../graph/stream.ts';
import type { LoadedGraph } from '../../graph/types.ts';
import { strictXmlParser } from '../../util/strict-xml-parser.ts';
import { type ArcWorker, startArcWorker } from './snapshot-arcs.ts';
import { startTailWorker } from './split-load.ts';

installNodeSha256();

/** Load options without the file name and the Node services this module supplies. */
export type ReadGraphOptions = Omit<LoadOptions, 'file' | 'gunzip' | 'DOMParser' | 'sizeHint'>;

/** Bytes read from the file at a time; size of gunzip's output chunks and how far it works ahead. */
const CHUNK = 1 << 20;
const GUNZIP_CHUNK = 1 << 18;
const GUNZIP_AHEAD = 1 << 22;
/**
 * Bounds of the chunks a snapshot is read and hashed in. The first chunk's read and the last
 * one's hash do not overlap anything: 4 MiB chunks load a 92 MB snapshot in 0.094 s, 16 MiB ones
 * in 0.104 s (medians of 13, alternating, load 2); 2 MiB ones gain nothing more.
 */
const SNAPSHOT_CHUNK_MIN = 1 << 20;
const SNAPSHOT_CHUNK_MAX = 1 << 22;

/** zlib's streaming gunzip over an async iterable of compressed chunks. */
export const nodeGunzip: Gunzip = (compressed) => {
  // highWaterMark: zlib's thread decompresses the next chunks while the loader parses this one.
  const gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK, highWaterMark: GUNZIP_AHEAD } as ZlibOptions);
  // pipeline() destroys both ends when either fails or the reader stops early, which returns the
  // source iterator and so closes the file.
  pipeline(Readable.from(compressed, { objectMode: false }), gunzip).catch(() => {
    // The error reaches the reader of `gunzip`.
  });
  return gunzip;
};

/** The services Node injects into loadGraph; exported for tests that load bytes directly. */
export const nodeLoadServices: Pick<LoadOptions, 'gunzip' | 'DOMParser'> = {
  gunzip: nodeGunzip,
  DOMParser: strictXmlParser,
};

/** Read and load a graph file. `path` is also the name used in messages. */
export async function readGraphFile(path: string, options: ReadGraphOptions = {}): Promise<LoadedGraph> {
  const loadOptions: LoadOptions = { ...options, file: path, ...nodeLoadServices };
  resolveLoadOptions(loadOptions); // bad options are reported before touching the disk
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new LoadError(path, 'unknown', `cannot read the file (${readProblem(e)})`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new LoadError(path, 'unknown', 'cannot read the file (it is a directory)');
    size = stat.isFile() ? stat.size : 0;
    // A graph snapshot (ripple snapshot) by its magic bytes: decoded whole, no parsing.
    // Its header too: the arc passes are prepared from it while the rest is read (readChecked).
    const head = new Uint8Array(SNAPSHOT_HEADER_BYTES);
    const headRead = stat.isFile() ? (await handle.read(head, 0, head.length, 0)).bytesRead : 0;
    if (isSnapshot(head.subarray(0, headRead))) {
      // A large one is hashed and has its arc checks run on a worker thread (snapshot-arcs.ts),
      // started first so that its start-up overlaps the read into memory it shares.
      const worker = startArcWorker(size);
      try {
        if (worker) {
          const bytes = await readShared(handle, size, worker);
          return loadedFromSnapshot(await decodeSnapshotWith(bytes, path, worker.check), path);
        }
        const { bytes, ...checked } = await readChecked(handle, size, head.subarray(0, headRead));
        return loadedFromSnapshot(decodeSnapshot(bytes, path, checked), path);
      } finally {
        worker?.close();
      }
    }
    // A large edge list is read on two threads (split-load.ts); the result is the same.
    const split = await startTailWorker(handle, path, size, loadOptions).catch(() => null);
    try {
      // A plain file's chunks are read into a few buffers in turn (see chunks); not a gzip one,
      // whose decompressing stream may hold on to chunks.
      const input = chunks(handle, stat.isFile() && !isGzip(head.subarray(0, headRead)));
      return await loadGraph(input, { ...loadOptions, sizeHint: size, edgeListTail: split?.tail });
    } finally {
      await split?.close();
    }
  } finally {
    await handle.close().catch(() => {});
  }
}

/**
 * A snapshot's bytes in one WebAssembly memory of the file's size (the decoder's typed arrays view
 * it, and its arc pass runs on it, without copying; shared, so the engine's threads take the
 * graph without a copy of their own: `simulate` on the 10M-arc snapshot 2.142 s against 2.222 s,
 * medians of 9), the SHA-256 of the bytes after its header (the content hash the decoder checks)
 * and the sums of its arc passes: each chunk is hashed, and the arc passes run over the rows it
 * completes (arcChecksAsRead), while the system reads the next, so that both cost little more
 * than the read. Chunks are large, few reads, but at least a few per file to overlap.
 */
async function readChecked(
  handle: FileHandle,
  size: number,
  header: Uint8Array,
): Promise<{ bytes: Uint8Array } & DecodeOptions> {
  const memory = snapshotMemory(size, true, snapshotScratchBytes(header, size));
  const buffer = new Uint8Array(memory.buffer, 0, size);
  const hash = createHash('sha256');
  let arcChecks = null as ArcChecksAsRead | null;
  const at = await readChunks(
    handle,
    buffer,
    (from, to) => {
      hash.update(buffer.subarray(from, to));
      arcChecks?.advance(to);
    },
    // While the first chunk is read: the arc passes compiled for the sizes in the header.
    () => {
      arcChecks = arcChecksAsRead(header, buffer);
    },
  );
  // The file shrank while being read: the decoder reports the truncation.
  if (at < size) return { bytes: buffer.subarray(0, at), bodySha256: hash.digest() };
  return { bytes: buffer, bodySha256: hash.digest(), arcPassSums: await arcChecks?.sums() };
}

/** The same into a shared memory, each chunk handed to the worker to hash as it arrives. */
async function readShared(handle: FileHandle, size: number, worker: ArcWorker): Promise<Uint8Array> {
  const memory = snapshotMemory(size, true);
  worker.share(memory);
  const at = await readChunks(handle, new Uint8Array(memory.buffer, 0, size), worker.hash);
  return new Uint8Array(memory.buffer, 0, at);
}

/**
 * Read the file into `buffer` in a few large chunks, each read started before `onBody` is given
 * the body bytes (those after the header) of the previous one, and `whileFirstRead` called once
 * the first read is started; the number of bytes read.
 */
async function readChunks(
  handle: FileHandle,
  buffer: Uint8Array,
  onBody: (from: number, to: number) => void,
  whileFirstRead?: () => void,
): Promise<number> {
  const size = buffer.length;
  const chunk = Math.min(
    SNAPSHOT_CHUNK_MAX,
    Math.max(SNAPSHOT_CHUNK_MIN, 2 ** Math.ceil(Math.log2(size / 8))),
  );
  // The first read is the smallest: nothing overlaps it but the preparations of whileFirstRead.
  const read = (at: number) =>
    handle.read(buffer, at, Math.min(size - at, at === 0 ? SNAPSHOT_CHUNK_MIN : chunk), at);
  let at = 0;
  let next = size > 0 ? read(0) : null;
  whileFirstRead?.();
  while (next) {
    const { bytesRead } = await next;
    const from = at;
    at += bytesRead;
    next = bytesRead > 0 && at < size ? read(at) : null;
    if (at > SNAPSHOT_HEADER_BYTES) onBody(Math.max(from, SNAPSHOT_HEADER_BYTES), at);
  }
  return at;
}

/**
 * Buffers a plain file is read into in turn (chunks). The edge-list reader (BlockReader) holds at
 * most the chunk it reads and the next, and the next but one is being read: a fourth is spare.
 */
const CHUNK_BUFFERS = 4;

/**
 * The file's bytes, a chunk at a time, each read started while the loader parses the previous
 * chunk. Fresh chunks (the loader may keep a chunk while reading the next), or with `reuse`, for
 * a plain file read line by line, CHUNK_BUFFERS buffers in turn: fresh memory costs a page fault
 * per 4 KiB on first touch and the garbage collections it prompts (the 10M-edge list's 138 chunks,
 * about 15-20 ms of a 0.6 s load).
 */
async function* chunks(handle: FileHandle, reuse: boolean): AsyncGenerator<Uint8Array> {
  const buffers: Uint8Array[] = [];
  let turn = 0;
  const read = async (): Promise<Uint8Array | null> => {
    let buffer: Uint8Array;
    if (!reuse) buffer = new Uint8Array(CHUNK);
    else {
      if (buffers.length < CHUNK_BUFFERS) buffers.push(new Uint8Array(CHUNK));
      buffer = buffers[turn++ % buffers.length];
    }
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
    if (bytesRead === 0) return null;
    return bytesRead === CHUNK ? buffer : buffer.subarray(0, bytesRead);
  };
  let next = read();
  try {
    for (;;) {
      const chunk = await next;
      if (chunk === null) return;
      next = read();
      yield chunk;
    }
  } finally {
    await next.catch(() => null); // no read left running when the file is closed
  }
}
