/** Loading graph files in the browser: fetch with status checks, native streaming gzip, the page's DOMParser. */
import { loadGraph } from '../../graph/load.ts';
import { LoadError } from '../../graph/load-error.ts';
import type { Gunzip } from '../../graph/stream.ts';
import type { Direction, EdgeValues, LoadedGraph } from '../../graph/types.ts';

/** loadGraph's streaming gunzip for browsers and workers: DecompressionStream over the chunks. */
export const gunzip: Gunzip = (compressed) =>
  readableFrom(compressed).pipeThrough(
    new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>,
  );

/** An async iterable as a ReadableStream (ReadableStream.from is not in every browser yet). */
function readableFrom(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
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
