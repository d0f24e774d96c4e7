/**
 * Whether memory can be shared between threads: SharedArrayBuffer exists, always in Node, in the
 * browser only when the page is cross-origin isolated.
 */
export function canShare(): boolean {
  const g = globalThis as { crossOriginIsolated?: boolean };
  return typeof SharedArrayBuffer === 'function' && (g.crossOriginIsolated ?? true);
}
