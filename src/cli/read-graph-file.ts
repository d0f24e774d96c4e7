/**
 * Node-only entry to the graph loaders: read a file from disk and load it with Node's gunzip
 * (zlib) and the strict xmldom parser (src/util/strict-xml-parser.ts) injected. A file that
 * cannot be read is a LoadError too, so the CLI has one error type to report.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { type LoadOptions, loadGraph, resolveLoadOptions } from '../graph/load.ts';
import { LoadError } from '../graph/load-error.ts';
import type { LoadedGraph } from '../graph/types.ts';
import { strictXmlParser } from '../util/strict-xml-parser.ts';

/** Load options without the file name and the Node services this module supplies. */
export type ReadGraphOptions = Omit<LoadOptions, 'file' | 'gunzip' | 'DOMParser'>;

/** The services Node injects into loadGraph; exported for tests that load bytes directly. */
export const nodeLoadServices: Pick<LoadOptions, 'gunzip' | 'DOMParser'> = {
  gunzip: (bytes) => gunzipSync(bytes),
  DOMParser: strictXmlParser,
};

/** Read and load a graph file. `path` is also the name used in messages. */
export async function readGraphFile(path: string, options: ReadGraphOptions = {}): Promise<LoadedGraph> {
  const loadOptions: LoadOptions = { ...options, file: path, ...nodeLoadServices };
  resolveLoadOptions(loadOptions); // bad options are reported before touching the disk
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new LoadError(path, 'unknown', `cannot read the file (${readProblem(e)})`);
  }
  return loadGraph(bytes, loadOptions);
}

function readProblem(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}
