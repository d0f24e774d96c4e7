/**
 * Getting graph bytes into the app: bundled datasets, same-origin URLs and user files; a peek at
 * the first lines (for the direction question); and parsing in a short-lived worker so a large
 * file never freezes the page. Every failure is an Error whose message is one clear sentence.
 */
import { detectFormat, isGzip } from '../../graph/load.ts';
import type { Direction, EdgeValues, GraphFormat, LoadedGraph } from '../../graph/types.ts';
import { NoticeError } from '../state/notice.ts';
import type { GraphFacts } from '../state/types.ts';
import { gunzipStream, once } from './browser-io.ts';
import { type EdgeListPreview, previewEdgeList, SAMPLE_BYTES } from './direction-guess.ts';
import { t } from './messages.ts';
import type { LoadReply, LoadRequest } from './protocol.ts';

/** Fetch a same-origin URL's bytes; other origins are refused (the app never calls out). */
export async function fetchBytes(url: string, name: string): Promise<Uint8Array> {
  let target: URL;
  try {
    target = new URL(url, location.href);
  } catch {
    throw new NoticeError({ say: () => t('error.badUrl', { url }) });
  }
  if (target.origin !== location.origin)
    throw new NoticeError({ say: () => t('error.otherOrigin', { url }) });
  let response: Response;
  try {
    response = await fetch(target);
  } catch (error) {
    const detail = (error as Error).message;
    throw new NoticeError({ say: () => t('error.fetch', { name, detail }) });
  }
  if (!response.ok) {
    const detail = `HTTP ${response.status}`;
    throw new NoticeError({ say: () => t('error.fetch', { name, detail }) });
  }
  // A server that answers every address with its start page (a single-page-app fallback, such as
  // `vite preview`) sends a web page for a missing file: say so rather than parse the page.
  if (/^text\/html\b/i.test(response.headers.get('content-type') ?? '') && !/\.html?$/i.test(target.pathname))
    throw new NoticeError({ say: () => t('error.webPage', { name }) });
  return new Uint8Array(await response.arrayBuffer());
}

/** The start of the (possibly gzip-compressed) file as text, at most SAMPLE_BYTES. */
export async function headText(bytes: Uint8Array): Promise<string> {
  let head = bytes.subarray(0, SAMPLE_BYTES);
  if (isGzip(bytes)) {
    const stream = gunzipStream(once(bytes));
    const reader = stream.getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    try {
      while (size < SAMPLE_BYTES) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        size += value.length;
      }
    } catch {
      // A corrupt archive: the worker reports it properly when parsing.
    } finally {
      void reader.cancel().catch(() => {});
    }
    head = new Uint8Array(Math.min(size, SAMPLE_BYTES));
    let at = 0;
    for (const p of parts) {
      if (at >= head.length) break;
      head.set(p.subarray(0, head.length - at), at);
      at += p.length;
    }
  }
  return new TextDecoder('utf-8').decode(head);
}

export interface Sniffed {
  format: GraphFormat;
  /** For edge lists: first lines and the guessed direction. */
  preview: EdgeListPreview | null;
}

/** Format and, for edge lists, a preview with a direction guess. Never throws. */
export async function sniff(bytes: Uint8Array, file: string): Promise<Sniffed> {
  const text = await headText(bytes);
  let format: GraphFormat = 'edgelist';
  try {
    format = detectFormat(new TextEncoder().encode(text), file);
  } catch {
    // Parsing will name the problem.
  }
  return { format, preview: format === 'edgelist' ? previewEdgeList(text) : null };
}

export interface Parsed {
  loaded: LoadedGraph;
  facts: GraphFacts;
}

/** Parse in a worker; abort terminates it. */
export function parseInWorker(
  bytes: Uint8Array,
  options: { file: string; direction?: Direction; edgeValues?: EdgeValues },
  signal?: AbortSignal,
): Promise<Parsed> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load.worker.ts', import.meta.url), {
      type: 'module',
      name: 'ripple-loader',
    });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<LoadReply>) => {
      finish();
      const reply = event.data;
      if (reply.ok) resolve({ loaded: reply.loaded, facts: reply.facts });
      else reject(new Error(reply.message));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish();
      const detail = event.message || '';
      reject(new NoticeError({ say: () => t('error.worker', { file: options.file, detail }) }));
    });
    const request: LoadRequest = {
      bytes,
      file: options.file,
      direction: options.direction,
      edgeValues: options.edgeValues,
    };
    worker.postMessage(request);
  });
}
