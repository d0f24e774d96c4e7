/**
 * Crisis watch on soc-Slashdot0902 (issue 15): `ripple watch --k 20` under IC p = 0.01, timed as
 * a user runs it (the whole process), with the online bound it reports.
 * `npm run bench -- --crisis` runs this section alone.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchContext } from './context.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function benchCrisis(ctx: BenchContext): Promise<Record<string, unknown>> {
  const cli = join(ctx.root, 'bin', 'ripple.mjs');
  const graph = join(ctx.root, 'datasets', 'soc-Slashdot0902.txt.gz');
  const repeats = ctx.quick ? 1 : 3;
  const out: Record<string, unknown> = { section: 'crisis', graph: 'soc-Slashdot0902' };
  console.log('\nwatch: soc-Slashdot0902, ic p = 0.01, k = 20');
  for (const objective of ['detect', 'affected']) {
    const times: number[] = [];
    let last: {
      detect: { mean: number; ci95: number[] };
      affected: { mean: number };
      ofBest: number;
      runs: number;
      baselines: { name: string; detect: { mean: number } }[];
    } = null as never;
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      const r = spawnSync(
        process.execPath,
        [
          cli,
          'watch',
          '--graph',
          graph,
          '--model',
          'ic',
          '--p',
          '0.01',
          '--k',
          '20',
          '--objective',
          objective,
          '--json',
        ],
        { encoding: 'utf8', maxBuffer: 1 << 26 },
      );
      times.push((performance.now() - t0) / 1000);
      if (r.status !== 0) throw new Error(`ripple watch failed: ${r.stderr}`);
      last = JSON.parse(r.stdout);
    }
    const baselines = Object.fromEntries(
      last.baselines.map((b) => [b.name, Number(b.detect.mean.toFixed(4))]),
    );
    console.log(
      `  ${objective}: ${median(times).toFixed(2)} s whole process (median of ${repeats}); detect ${last.detect.mean.toFixed(4)}, affected ${last.affected.mean.toFixed(2)}; at least ${(100 * last.ofBest).toFixed(1)}% of the best possible on ${last.runs} stories; baselines (detect) ${JSON.stringify(baselines)}`,
    );
    out[objective] = {
      seconds: median(times),
      allSeconds: times,
      detect: last.detect,
      affected: last.affected.mean,
      ofBest: last.ofBest,
      baselines,
    };
  }
  return out;
}
