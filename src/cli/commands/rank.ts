/**
 * `ripple rank`: the opinion leaders of a graph by one metric (src/analysis/centrality), top K.
 * Heavy metrics (betweenness, closeness) run as worker jobs with a progress bar; the others run
 * here. Scores follow networkx's conventions; see the README's `ripple rank` section.
 */

import {
  type JobRunner,
  localRunner,
  METRIC_NAMES,
  METRICS,
  type MetricName,
  type MetricOptions,
  type MetricResult,
  planMetric,
  runMetric,
  topK,
} from '../../analysis/centrality/index.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import type { LoadedGraph } from '../../graph/types.ts';
import { type InfluenceScores, influenceScores } from '../../seeding/influence.ts';
import { poolRrSource } from '../../seeding/pool-sources.ts';
import { rrParams } from '../../seeding/rr-sets.ts';
import { type OptionSpec, type ParsedOptions, UsageError } from '../args.ts';
import type { CommandContext } from '../context.ts';
import { GRAPH_OPTIONS, loadGraphOption, RNG_OPTION, rngSeed, workerCount } from '../graph-options.ts';
import { progressBar } from '../progress.ts';
import { INFLUENCE_RANK_OPTIONS, influenceSettings } from './seeds.ts';

export const RANK_OPTIONS: OptionSpec[] = [
  ...GRAPH_OPTIONS,
  { name: 'metric', kind: 'string', value: METRIC_NAMES.join('|'), help: 'what makes an opinion leader' },
  { name: 'top', kind: 'integer', value: 'K', help: 'how many leaders to list', default: '10' },
  {
    name: 'samples',
    kind: 'integer',
    value: 'S',
    help: 'betweenness, closeness: sample S source accounts (0 = exact)',
    default: 'exact while nodes x arcs <= 2e9, else sampled',
  },
  ...INFLUENCE_RANK_OPTIONS,
  RNG_OPTION,
  {
    name: 'workers',
    kind: 'integer',
    value: 'W',
    help: 'worker threads (betweenness, closeness)',
    default: 'all cores',
  },
];

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
  const metric = options.metric;
  if (typeof metric !== 'string')
    throw new UsageError(`--metric is required (one of ${METRIC_NAMES.join(', ')})`);
  if (!(METRIC_NAMES as readonly string[]).includes(metric))
    throw new UsageError(`--metric: expected one of ${METRIC_NAMES.join(', ')}, got '${metric}'`);
  const name = metric as MetricName;
  const top = (options.top as number | undefined) ?? 10;
  if (top < 1) throw new UsageError(`--top: expected a whole number >= 1, got ${top}`);
  const samples = options.samples as number | undefined;
  if (samples !== undefined && samples < 0)
    throw new UsageError(`--samples: expected a whole number >= 0, got ${samples}`);
  if (samples !== undefined && name !== 'betweenness' && name !== 'closeness')
    throw new UsageError('--samples applies to --metric betweenness and closeness only');
  const workers = workerCount(options);
  const seed = rngSeed(options);
  if (name === 'influence') return influenceRanking(options, ctx, { top, workers, seed });
  if (options.model !== undefined || options.p !== undefined || options.sets !== undefined)
    throw new UsageError('--model, --p and --sets apply to --metric influence only');

  const loaded = await loadGraphOption(options);
  const { csr } = loaded;
  const sampling = { rngSeed: seed, ...(samples !== undefined ? { samples } : {}) };
  const metricOptions: MetricOptions = { betweenness: sampling, closeness: sampling };
  const started = performance.now();
  const plan = planMetric(csr, name, metricOptions);
  let result: MetricResult;
  let usedWorkers = 0;
  if (plan && plan.inputs.length > 1) {
    // Worth the workers: shard the BFS batches over the pool, progress on stderr.
    const pool = createNodePool(ctx.workerFile, Math.min(workers, plan.inputs.length));
    const bar = progressBar(ctx.stderr, name);
    try {
      pool.setGraph(csr);
      const runner: JobRunner = (kind, inputs) =>
        pool.runJobs(kind, inputs as never, {
          onProgress: (p) => bar.update(p),
          signal: ctx.signal,
        }) as Promise<unknown[]>;
      result = await runMetric(csr, name, metricOptions, runner);
      usedWorkers = pool.size;
    } finally {
      bar.done();
      pool.terminate();
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
    ctx.stderr.write(
      `ripple rank: warning: ${name} did not converge in ${result.iteration.iterations} iterations; scores are the last iterate\n`,
    );
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(output)}\n`);
    return;
  }
  const lines = [
    `${loaded.report.file}: top ${output.top.length} of ${csr.n} by ${name} (${METRICS[name].question})`,
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
  const width = Math.max(2, ...output.top.map((l) => l.id.length));
  output.top.forEach((l, i) => {
    const extra = l.ci95
      ? `  95% CI [${fmt(l.ci95[0])}, ${fmt(l.ci95[1])}]`
      : l.hub !== undefined
        ? `  hub ${fmt(l.hub)}`
        : '';
    const label = l.label ? `  ${l.label}` : '';
    lines.push(`${String(i + 1).padStart(4)}. ${l.id.padEnd(width)}  ${fmt(l.score)}${extra}${label}`);
  });
  ctx.stdout.write(`${lines.join('\n')}\n`);
}

function leaders(result: MetricResult, loaded: LoadedGraph, k: number): Leader[] {
  return topK(result.scores, k).map((v) => {
    const leader: Leader = { id: loaded.ids[v], score: result.scores[v] };
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
  const pool = createNodePool(ctx.workerFile, run.workers);
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
    pool.terminate();
  }
  const top = topK(scores.score, run.top).map((v) => {
    const leader: Leader = { id: loaded.ids[v], score: scores.score[v], ci95: [scores.lo[v], scores.hi[v]] };
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
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(output)}\n`);
    return;
  }
  const width = Math.max(2, ...top.map((l) => l.id.length));
  const lines = [
    `${loaded.report.file}: top ${top.length} of ${csr.n} by influence under ${params.model} (expected spread as a lone seed, ${scores.sets} RR sets)`,
    ...top.map(
      (l, i) =>
        `${String(i + 1).padStart(4)}. ${l.id.padEnd(width)}  ${fmt(l.score)}  95% CI [${fmt((l.ci95 as [number, number])[0])}, ${fmt((l.ci95 as [number, number])[1])}]${l.label ? `  ${l.label}` : ''}`,
    ),
  ];
  ctx.stdout.write(`${lines.join('\n')}\n`);
}
