/**
 * A progress bar on stderr, drawn only when stderr is a terminal (or when RIPPLE_PROGRESS=always,
 * which tests use to see the bar through a pipe). The line drawn last is remembered, so an
 * interrupted command can clear it before it exits.
 */
import type { Progress } from '../../engine/pool.ts';

/** The stream holding a drawn, not yet cleared progress line. */
let dirty: NodeJS.WriteStream | null = null;

/** Clear the progress line left on the terminal, if any. */
export function clearProgress(): void {
  if (dirty) dirty.write('\r\x1b[K');
  dirty = null;
}

export function progressBar(
  stream: NodeJS.WriteStream,
  label: string,
): { update(p: Progress): void; done(): void } {
  if (!stream.isTTY && process.env.RIPPLE_PROGRESS !== 'always') return { update() {}, done() {} };
  return {
    update({ done, total, etaMs }) {
      const width = 30;
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      const eta = etaMs === null ? '' : `, ${(etaMs / 1000).toFixed(1)} s left`;
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${eta}\x1b[K`,
      );
      dirty = stream;
    },
    done() {
      if (dirty === stream) clearProgress();
    },
  };
}
