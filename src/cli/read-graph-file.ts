/**
 * Node-only entry to the graph loaders: read a file from disk and load it with Node's gunzip
 * (zlib) and @xmldom/xmldom's DOMParser injected. A file that cannot be read is a LoadError too,
 * so the CLI has one error type to report.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { DOMParser as XmldomParser } from '@xmldom/xmldom';
import { type DOMParserConstructor, type LoadOptions, loadGraph, resolveLoadOptions } from '../graph/load.ts';
import { LoadError } from '../graph/load-error.ts';
import type { LoadedGraph } from '../graph/types.ts';

/** Load options without the file name and the Node services this module supplies. */
export type ReadGraphOptions = Omit<LoadOptions, 'file' | 'gunzip' | 'DOMParser'>;

/**
 * xmldom's DOMParser made strict and quiet: by default it prints recoverable errors to the console
 * and carries on; here the first error or fatal error stops parsing and is thrown with its line
 * (`locator.lineNumber`), which the XML loader turns into a LoadError.
 */
export class NodeDOMParser {
  parseFromString(source: string, type: string): Document {
    let first: { message: string; line: number | undefined } | null = null;
    const parser = new XmldomParser({
      onError: (level, message, context: { locator?: { lineNumber?: number } } | undefined) => {
        if (level !== 'warning' && !first)
          first = { message: message.trim(), line: context?.locator?.lineNumber };
      },
    });
    let doc: unknown;
    try {
      doc = parser.parseFromString(source, type);
    } catch (e) {
      throw withLine(first ?? { message: e instanceof Error ? e.message : String(e), line: undefined }, e);
    }
    if (first) throw withLine(first, null);
    return doc as Document;
  }
}

function withLine(error: { message: string; line: number | undefined }, cause: unknown): Error {
  const located = (cause as { locator?: { lineNumber?: number } } | null)?.locator?.lineNumber;
  return Object.assign(new Error(error.message), { locator: { lineNumber: error.line ?? located } });
}

/** The services Node injects into loadGraph; exported for tests that load bytes directly. */
export const nodeLoadServices: Pick<LoadOptions, 'gunzip' | 'DOMParser'> = {
  gunzip: (bytes) => gunzipSync(bytes),
  DOMParser: NodeDOMParser as DOMParserConstructor,
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
