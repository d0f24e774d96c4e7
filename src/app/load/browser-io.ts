/** Loading graph files in the browser: fetch with status checks, native gzip, the page's DOMParser. */
import { loadGraph } from '../../graph/load.ts';
import { LoadError } from '../../graph/load-error.ts';
import type { Direction, EdgeValues, LoadedGraph } from '../../graph/types.ts';

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
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
  const bytes = new Uint8Array(await response.arrayBuffer());
  return loadGraph(bytes, { file, ...options, gunzip, DOMParser });
}
