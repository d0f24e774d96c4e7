/**
 * The campaign planner on soc-Slashdot0902 (issue 11): `ripple plan` with costs of 10 per account
 * plus 1 per follower (the median account costs 12) and a budget worth 50 median accounts (600),
 * weighted cascade and IC p = 0.01, timed as a user runs it (the whole process: load, choose,
 * strategies, budget curve, 2000 Monte Carlo runs per strategy). Goal: under 10 s on 2 cores.
 * `npm run bench -- --plan` runs this section alone.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchContext } from './context.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function benchPlan(ctx: BenchContext): Promise<Record<string, unknown>> {
  const cli = join(ctx.root, 'bin', 'ripple.mjs');
  const graph = join(ctx.root, 'datasets', 'soc-Slashdot0902.txt.gz');
  const repeats = ctx.quick ? 1 : 3;
  const out: Record<string, unknown> = {
    section: 'plan',
    graph: 'soc-Slashdot0902',
    costs: '10 + 1 per follower',
    budget: 600,
  };
  console.log('\nplan: soc-Slashdot0902, budget 600 (50 median accounts), costs 10 + 1 per follower');
  for (const model of [
    ['--model', 'wc'],
    ['--model', 'ic', '--p', '0.01'],
  ]) {
    const name = model.slice(1).join(' ');
    const times: number[] = [];
    let last: Record<string, unknown> & {
      reach: { mean: number; ci95: [number, number] };
      seeds: string[];
      cost: number;
      guarantee: { ratio: number; rrSets: number };
      strategies: { name: string; reach: { mean: number } }[];
    } = null as never;
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      const r = spawnSync(
        process.execPath,
        [
          cli,
          'plan',
          '--graph',
          graph,
          '--budget',
          '600',
          '--cost-flat',
          '10',
          '--cost-per-follower',
          '1',
          ...model,
          '--json',
        ],
        { encoding: 'utf8', maxBuffer: 1 << 26 },
      );
      times.push((performance.now() - t0) / 1000);
      if (r.status !== 0) throw new Error(`ripple plan failed: ${r.stderr}`);
      last = JSON.parse(r.stdout);
    }
    const strategies = Object.fromEntries(last.strategies.map((s) => [s.name, Math.round(s.reach.mean)]));
    console.log(
      `  ${name}: ${median(times).toFixed(2)} s whole process (median of ${repeats}), ${last.seeds.length} seeds costing ${last.cost}, reach ${last.reach.mean.toFixed(0)} [${last.reach.ci95.map((x) => x.toFixed(0)).join(', ')}], guarantee ${(100 * last.guarantee.ratio).toFixed(1)}% of the best on ${last.guarantee.rrSets} RR sets; strategies ${JSON.stringify(strategies)}`,
    );
    out[name] = {
      seconds: median(times),
      allSeconds: times,
      seeds: last.seeds.length,
      cost: last.cost,
      reach: last.reach,
      guarantee: last.guarantee.ratio,
      rrSets: last.guarantee.rrSets,
      strategies,
    };
  }
  return out;
}
