/**
 * `ripple rank`: the opinion leaders of a graph by one metric (src/analysis/centrality), top K.
 * Heavy metrics (betweenness, closeness) run as worker jobs with a progress bar; the others run
 * here. Scores follow networkx's conventions; see the README's `ripple rank` section.
 */

import {
  type JobRunner,
  localRunner,
  METRICS,
  type MetricName,
  type MetricOptions,
  type MetricResult,
  planMetric,
  runMetric,
  runPlanWhereFastest,
  topK,
} from '../../analysis/centrality/index.ts';
import { METRIC, SAMPLES, TOP } from '../../analysis/centrality/params.ts';
import { RNG_SEED } from '../../diffusion/params.ts';
import type { EnginePool } from '../../engine/pool.ts';
import { JSON_OUTPUT, WORKERS } from '../../engine/run-params.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import { nodeIds } from '../../graph/node-ids.ts';
import type { LoadedGraph } from '../../graph/types.ts';
import { type InfluenceScores, influenceScores } from '../../seeding/influence.ts';
import { poolRrSource } from '../../seeding/pool-sources.ts';
import { rrParams } from '../../seeding/rr-sets.ts';
import { adapt } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import { type Command, type ParsedOptions, UsageError } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import {
  GRAPH_OPTIONS,
  loadGraphOption,
  OUTPUT_OPTIONS,
  warn,
  workerCount,
} from '../common/graph-options.ts';
import { progressBar } from '../common/progress.ts';
import { CLUSTER_OPTIONS, createRunner } from '../common/runner.ts';
import { INFLUENCE_RANK_OPTIONS, influenceSettings } from './seeds.ts';

const RANK_RNG = adapt(RNG_SEED, {
  help: { en: 'seed of the sampled sources (and of influence)', zh: '抽样源点（以及 influence）的随机种子' },
});
const RANK_WORKERS = adapt(WORKERS, {
  help: {
    en: 'worker threads for betweenness, closeness and influence (capped at the core count)',
    zh: '计算介数、接近中心性和影响力的工作线程数（不超过核心数）',
  },
});

export const RANK: Command = {
  summary: 'opinion leaders: top accounts by degree, pagerank, betweenness, closeness, ...',
  usage: '--graph FILE --metric M [options]',
  options: [
    ...GRAPH_OPTIONS,
    METRIC,
    TOP,
    SAMPLES,
    ...INFLUENCE_RANK_OPTIONS,
    RANK_RNG,
    RANK_WORKERS,
    ...CLUSTER_OPTIONS,
    ...OUTPUT_OPTIONS,
  ],
  examples: ['ripple rank --graph datasets/facebook_combined.txt --metric betweenness --top 10 --json'],
  run: rankCommand,
};

/** One ranked node in the output. */
interface Leader {
  id: string;
  score: number;
  label?: string;
  /** HITS: the node's hub score beside its authority score. */
  hub?: number;
  /** Sampled betweenness: the node's 95% interval. */
  ci95?: [number, number];
}

export async function rankCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const name: MetricName = options.need(METRIC);
  const top = options.need(TOP);
  const samples = options.given(SAMPLES);
  if (samples !== undefined && name !== 'betweenness' && name !== 'closeness')
    throw new UsageError('--samples applies to --metric betweenness and closeness only');
  const workers = workerCount(options, ctx);
  const seed = options.need(RANK_RNG);
  if (name === 'influence') return influenceRanking(options, ctx, { top, workers, seed });
  if (options.givenOf(INFLUENCE_RANK_OPTIONS).length > 0)
    throw new UsageError('--model, --p and --sets apply to --metric influence only');
  if (options.givenOf(CLUSTER_OPTIONS).length > 0)
    throw new UsageError('--cluster and --cluster-timeout apply to --metric influence only');

  const loaded = await loadGraphOption(options);
  const { csr } = loaded;
  const sampling = { rngSeed: seed, ...(samples !== undefined ? { samples } : {}) };
  const metricOptions: MetricOptions = { betweenness: sampling, closeness: sampling };
  const started = performance.now();
  const plan = planMetric(csr, name, metricOptions);
  let result: MetricResult;
  let usedWorkers = 0;
  if (plan && plan.inputs.length > 1) {
    // The first batch here; the others shard over the pool if they are worth it, progress on stderr.
    const started: { pool: EnginePool | null } = { pool: null };
    const bar = progressBar(ctx.stderr, name);
    try {
      const runner: JobRunner = (kind, inputs) => {
        const pool = createNodePool(ctx.workerFile, Math.min(workers, inputs.length));
        started.pool = pool;
        pool.setGraph(csr);
        usedWorkers = pool.size;
        return pool.runJobs(kind, inputs as never, {
          onProgress: (p) => bar.update(p),
          signal: ctx.signal,
        }) as Promise<unknown[]>;
      };
      result = (await runPlanWhereFastest(csr, plan, runner)).result;
    } finally {
      bar.done();
      started.pool?.terminate();
    }
  } else {
    result = await runMetric(csr, name, metricOptions, localRunner(csr));
  }
  const seconds = (performance.now() - started) / 1000;
  const output = {
    metric: name,
    top: leaders(result, loaded, top),
    nodes: csr.n,
    directed: csr.directed,
    approximate: result.approximate,
    convention: METRICS[name].convention,
    ...(result.sampling ? samplingFields(result.sampling) : {}),
    ...(result.iteration ? result.iteration : {}),
    ...(name === 'betweenness' || name === 'closeness' ? { workers: usedWorkers } : {}),
    seconds,
  };
  if (result.iteration && !result.iteration.converged)
    warn(
      ctx,
      `${name} did not converge in ${result.iteration.iterations} iterations; scores are the last iterate`,
    );
  if (options.get(JSON_OUTPUT)) {
    ctx.stdout.write(`${JSON.stringify(output)}\n`);
    return;
  }
  const lines = [
    `${printable(loaded.report.file)}: top ${output.top.length} of ${csr.n} by ${name} (${METRICS[name].question})`,
  ];
  const s = result.sampling;
  if (s)
    lines.push(
      `approximate: ${s.samples} sampled sources; ${
        s.error !== undefined && s.confidence !== undefined
          ? `every score within ±${s.error.toPrecision(3)} with ${100 * s.confidence}% confidence`
          : 'a 95% interval per leader'
      }`,
    );
  const shown = output.top.map((l) => printable(l.id));
  const width = Math.max(2, ...shown.map((id) => id.length));
  output.top.forEach((l, i) => {
    const extra = l.ci95
      ? `  95% CI [${fmt(l.ci95[0])}, ${fmt(l.ci95[1])}]`
      : l.hub !== undefined
        ? `  hub ${fmt(l.hub)}`
        : '';
    const label = l.label ? `  ${printable(l.label)}` : '';
    lines.push(`${String(i + 1).padStart(4)}. ${shown[i].padEnd(width)}  ${fmt(l.score)}${extra}${label}`);
  });
  ctx.stdout.write(`${lines.join('\n')}\n`);
}

function leaders(result: MetricResult, loaded: LoadedGraph, k: number): Leader[] {
  const ids = nodeIds(loaded);
  return topK(result.scores, k).map((v) => {
    const leader: Leader = { id: ids.id(v), score: result.scores[v] };
    const label = loaded.labels?.[v];
    if (label) leader.label = label;
    if (result.hubs) leader.hub = result.hubs[v];
    if (result.sampling) {
      const half = result.sampling.halfWidth95[v];
      leader.ci95 = [Math.max(0, result.scores[v] - half), result.scores[v] + half];
    }
    return leader;
  });
}

function samplingFields(s: NonNullable<MetricResult['sampling']>) {
  return {
    samples: s.samples,
    ...(s.error !== undefined ? { error: s.error } : {}),
    ...(s.confidence !== undefined ? { confidence: s.confidence } : {}),
  };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6);
}

/**
 * `--metric influence`: every node's expected spread as a lone seed under --model, from one batch
 * of reverse-reachable sets sharded over the pool (src/seeding/influence.ts), with a 95% interval.
 */
async function influenceRanking(
  options: ParsedOptions,
  ctx: CommandContext,
  run: { top: number; workers: number; seed: number },
): Promise<void> {
  const loaded = await loadGraphOption(options);
  const { csr } = loaded;
  const { params, sets } = influenceSettings(options, csr);
  const started = performance.now();
  const pool = await createRunner(options, ctx, run.workers);
  const bar = progressBar(ctx.stderr, 'influence');
  let scores: InfluenceScores;
  try {
    pool.setGraph(csr);
    const source = poolRrSource(pool, csr.n, rrParams(params), {
      onProgress: (p) => bar.update(p),
      signal: ctx.signal,
    });
    scores = await influenceScores(source, { sets, rngSeed: run.seed });
  } finally {
    bar.done();
    await pool.terminate();
  }
  const ids = nodeIds(loaded);
  const top = topK(scores.score, run.top).map((v) => {
    const leader: Leader = {
      id: ids.id(v),
      score: scores.score[v],
      ci95: [scores.lo[v], scores.hi[v]],
    };
    const label = loaded.labels?.[v];
    if (label) leader.label = label;
    return leader;
  });
  const output = {
    metric: 'influence',
    top,
    nodes: csr.n,
    directed: csr.directed,
    approximate: true,
    convention: METRICS.influence.convention,
    model: params.model,
    params,
    sets: scores.sets,
    workers: pool.size,
    seconds: (performance.now() - started) / 1000,
  };
  if (options.get(JSON_OUTPUT)) {
    ctx.stdout.write(`${JSON.stringify(output)}\n`);
    return;
  }
  const width = Math.max(2, ...top.map((l) => printable(l.id).length));
  const lines = [
    `${printable(loaded.report.file)}: top ${top.length} of ${csr.n} by influence under ${params.model} (expected spread as a lone seed, ${scores.sets} RR sets)`,
    ...top.map(
      (l, i) =>
        `${String(i + 1).padStart(4)}. ${printable(l.id).padEnd(width)}  ${fmt(l.score)}  95% CI [${fmt((l.ci95 as [number, number])[0])}, ${fmt((l.ci95 as [number, number])[1])}]${l.label ? `  ${printable(l.label)}` : ''}`,
    ),
  ];
  ctx.stdout.write(`${lines.join('\n')}\n`);
}
