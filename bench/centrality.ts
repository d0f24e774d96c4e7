/**
 * Opinion-leader metrics on ego-Facebook (4039 nodes, 88234 edges): exact betweenness and closeness
 * in this thread and over 1 and 2 workers (medians), the light metrics, and sampled betweenness on
 * the 10M-arc generated graph (skipped with --quick). Results must not depend on the worker count;
 * the section checks that too.
 */
import { join } from 'node:path';
import {
  computeMetric,
  type JobRunner,
  type MetricName,
  runMetric,
} from '../src/analysis/centrality/index.ts';
import { readGraphFile } from '../src/cli/common/read-graph-file.ts';
import { createNodePool } from '../src/engine/spawn-node.ts';
import type { Csr } from '../src/graph/types.ts';
import type { BenchContext } from './context.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

async function pooled(ctx: BenchContext, csr: Csr, name: MetricName, workers: number, repeats: number) {
  const pool = createNodePool(ctx.workerFile, workers);
  try {
    pool.setGraph(csr);
    const runner: JobRunner = (kind, inputs) => pool.runJobs(kind, inputs as never) as Promise<unknown[]>;
    const times: number[] = [];
    let scores: Float64Array | null = null;
    for (let r = 0; r < repeats; r++) {
      const { value, seconds } = await timed(() => runMetric(csr, name, {}, runner));
      times.push(seconds);
      scores = value.scores;
    }
    return { seconds: median(times), scores: scores as Float64Array };
  } finally {
    pool.terminate();
  }
}

export async function benchCentrality(ctx: BenchContext): Promise<Record<string, unknown>> {
  const repeats = ctx.quick ? 1 : 3;
  const { csr } = await readGraphFile(join(ctx.root, 'datasets', 'facebook_combined.txt'), {
    direction: 'undirected',
  });
  const heavy: Record<string, unknown> = {};
  for (const name of ['betweenness', 'closeness'] as const) {
    const local = await timed(() => computeMetric(csr, name));
    const one = await pooled(ctx, csr, name, 1, repeats);
    const two = await pooled(ctx, csr, name, 2, repeats);
    const same = one.scores.every((x, i) => x === local.value.scores[i] && x === two.scores[i]);
    heavy[name] = {
      inProcessSeconds: local.seconds,
      workers1Seconds: one.seconds,
      workers2Seconds: two.seconds,
      speedup2: one.seconds / two.seconds,
      identicalAcrossWorkers: same,
    };
    console.log(
      `centrality ${name} exact on ego-Facebook: in-process ${local.seconds.toFixed(2)} s, 1 worker ${one.seconds.toFixed(2)} s, 2 workers ${two.seconds.toFixed(2)} s (x${(one.seconds / two.seconds).toFixed(2)}), identical: ${same}`,
    );
  }
  const light: Record<string, number> = {};
  for (const name of ['degree', 'pagerank', 'eigenvector', 'hits', 'kcore'] as const) {
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) times.push((await timed(() => computeMetric(csr, name))).seconds);
    light[name] = median(times);
  }
  console.log(
    `centrality light metrics on ego-Facebook (s): ${Object.entries(light)
      .map(([k, v]) => `${k} ${v.toFixed(3)}`)
      .join(', ')}`,
  );
  let large: Record<string, unknown> | null = null;
  if (ctx.largeGraph) {
    const { csr: big } = await readGraphFile(ctx.largeGraph, { direction: 'influences' });
    const pool = createNodePool(ctx.workerFile);
    try {
      pool.setGraph(big);
      const runner: JobRunner = (kind, inputs) => pool.runJobs(kind, inputs as never) as Promise<unknown[]>;
      const pr = await timed(() => computeMetric(big, 'pagerank'));
      const bc = await timed(() => runMetric(big, 'betweenness', { betweenness: { samples: 40 } }, runner));
      large = {
        nodes: big.n,
        arcs: big.arcs,
        pagerankSeconds: pr.seconds,
        betweennessSeconds: bc.seconds,
        betweennessSamples: bc.value.sampling?.samples ?? big.n,
        betweennessError: bc.value.sampling?.error ?? 0,
      };
      console.log(
        `centrality on the ${big.n}-node graph: pagerank ${pr.seconds.toFixed(2)} s; betweenness sampled (${large.betweennessSamples} sources) ${bc.seconds.toFixed(2)} s`,
      );
    } finally {
      pool.terminate();
    }
  }
  return { section: 'centrality', dataset: 'ego-Facebook', heavy, lightSeconds: light, large };
}
