/**
 * A generated power-law follower graph for the benchmark (Chung-Lu style): both endpoints of
 * every arc are drawn with probability proportional to (i+1)^(-1/(gamma-1)), gamma = 2.5, so in-
 * and out-degrees follow a power law with a few large hubs. Written as a plain "a b" edge list.
 */
import { createWriteStream } from 'node:fs';
import { Rng } from '../src/util/rng.ts';

export async function writePowerLawEdgeList(path: string, n: number, m: number, seed = 2026): Promise<void> {
  const alpha = 1 / (2.5 - 1);
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += (i + 1) ** -alpha;
    cdf[i] = total;
  }
  // A random relabelling so hubs do not all sit at small ids.
  const rng = new Rng(seed, 0);
  const label = new Uint32Array(n);
  for (let i = 0; i < n; i++) label[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    const t = label[i];
    label[i] = label[j];
    label[j] = t;
  }
  const draw = (): number => {
    const x = rng.float() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return label[lo];
  };
  const out = createWriteStream(path);
  const batch = 100_000;
  for (let written = 0; written < m; written += batch) {
    const lines: string[] = [];
    for (let i = 0; i < batch && written + i < m; i++) lines.push(`${draw()} ${draw()}`);
    if (!out.write(`${lines.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
