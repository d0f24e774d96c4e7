/** A progress bar on stderr, drawn only when stderr is a terminal. */
import type { Progress } from '../engine/pool.ts';

export function progressBar(
  stream: NodeJS.WriteStream,
  label: string,
): { update(p: Progress): void; done(): void } {
  if (!stream.isTTY) return { update() {}, done() {} };
  let drawn = false;
  return {
    update({ done, total, etaMs }) {
      const width = 30;
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      const eta = etaMs === null ? '' : `, ${(etaMs / 1000).toFixed(1)} s left`;
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${eta}\x1b[K`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
