/** Loading graph files in the browser: fetch with status checks, native streaming gzip, the page's DOMParser. */
import { loadGraph } from '../../graph/load.ts';
import { LoadError } from '../../graph/load-error.ts';
import type { Gunzip } from '../../graph/stream.ts';
import type { Direction, EdgeValues, LoadedGraph } from '../../graph/types.ts';

/**
 * Compressed bytes go into the decompressor this many at a time. A browser's DecompressionStream
 * inflates each chunk it is given whole, whatever the reader asks for: a 1 MB chunk of a gzip
 * bomb became a gigabyte before the loader saw its first line. Deflate expands at most about
 * 1,032 times, so a 16 KiB slice gives at most about 16 MB, and the stream's back-pressure stops
 * the rest once the loader refuses the text.
 */
export const GUNZIP_SLICE = 16 * 1024;

/** Decompress a stream of gzip chunks, fed to DecompressionStream in small slices. */
export function gunzipStream(compressed: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  return readableFrom(compressed).pipeThrough(
    new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>,
  );
}

/** loadGraph's streaming gunzip for browsers and workers. */
export const gunzip: Gunzip = gunzipStream;

/** An async iterable as a ReadableStream of slices of at most GUNZIP_SLICE bytes. */
export function readableFrom(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  let pending: Uint8Array | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (!pending || pending.length === 0) {
          const { done, value } = await iterator.next();
          if (done) {
            controller.close();
            return;
          }
          pending = value;
        }
        controller.enqueue(pending.subarray(0, GUNZIP_SLICE));
        pending = pending.subarray(GUNZIP_SLICE);
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

/** The bytes of one buffer as an async iterable (for readableFrom). */
export async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

export async function fetchGraph(
  url: string,
  file: string,
  options: { direction?: Direction; edgeValues?: EdgeValues },
): Promise<LoadedGraph> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new LoadError(file, 'unknown', `could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok)
    throw new LoadError(
      file,
      'unknown',
      `could not be fetched: HTTP ${response.status} ${response.statusText}`,
    );
  if (!response.body) throw new LoadError(file, 'unknown', 'could not be fetched: the response has no body');
  return loadGraph(response.body, { file, ...options, gunzip, DOMParser });
}
