/**
 * Save a file from the page: a Blob URL on a temporary `<a download>`, revoked after the click.
 * Works offline and under the app's Content-Security-Policy (blob: is allowed for downloads).
 */
import type { GraphSource } from '../../engine/scenario.ts';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** The file name a graph came from: the dataset file, the URL's last segment, or the user's file. */
export function sourceFileName(source: GraphSource): string {
  if (source.kind === 'bundled') return source.file;
  if (source.kind === 'file') return source.name;
  return source.url.split(/[?#]/)[0].split('/').pop() || 'graph';
}

/** A file-name-safe stem from a graph name: letters, digits, dot, dash and underscore only. */
export function fileStem(name: string): string {
  const stem = name
    .replace(/\.(txt|csv|tsv|edges|gexf|graphml|json)(\.gz)?$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return stem.slice(0, 60) || 'ripple';
}
