/**
 * The panels' heavy work, always in the engine worker pool: light metrics as one job each,
 * betweenness and closeness as batches of BFS sources (planMetric), simulated influence from
 * reverse-reachable sets (src/seeding/influence.ts), Louvain as one job. Each takes the pool's
 * RunOptions (cancel signal, progress) and resolves to plain arrays.
 */

import type { MetricName } from '../../../analysis/centrality/index.ts';
import { planMetric } from '../../../analysis/centrality/index.ts';
import type { Communities } from '../../../analysis/communities.ts';
import type { ModelParams } from '../../../diffusion/types.ts';
import type { EnginePool, RunOptions } from '../../../engine/pool.ts';
import { type InfluenceScores, influenceScores } from '../../../seeding/influence.ts';
import { poolRrSource } from '../../../seeding/pool-sources.ts';
import { rrParams } from '../../../seeding/rr-sets.ts';
import { usePoolGraph } from '../../run/pool-graph.ts';
import type { GraphState } from '../../state/types.ts';
import { LIGHT, type MetricBook, metricsFor } from './metric-book.ts';

/** The light metrics the graph's table shows (in- and out-degree only when directed). */
export function lightFor(graph: GraphState): MetricName[] {
  const shown = metricsFor(graph.loaded.csr.directed);
  return LIGHT.filter((m) => shown.includes(m));
}

/** Every light metric of the graph not yet in the book, one worker job each. */
export async function computeLight(
  pool: EnginePool,
  graph: GraphState,
  book: MetricBook,
  options: RunOptions,
): Promise<void> {
  const missing = lightFor(graph).filter((m) => !book.has(m));
  if (missing.length === 0) return;
  usePoolGraph(pool, graph);
  const outputs = await pool.runJobs(
    'lightMetric',
    missing.map((metric) => ({ metric })),
    options,
  );
  book.markUnconverged(missing.filter((_, i) => outputs[i].converged === false));
  book.setMany(outputs.map((o, i) => [missing[i], o.scores]));
}

/** Betweenness or closeness, sharded over the workers in ~100 ms batches of sources. */
export async function computeHeavy(
  pool: EnginePool,
  graph: GraphState,
  metric: MetricName,
  book: MetricBook,
  options: RunOptions,
): Promise<void> {
  const plan = planMetric(graph.loaded.csr, metric);
  if (!plan) throw new Error(`${metric} is not a sharded metric`);
  usePoolGraph(pool, graph);
  // biome-ignore lint/suspicious/noExplicitAny: the plan built its inputs for its own job kind
  const outputs = await pool.runJobs(plan.kind, plan.inputs as any[], options);
  const result = plan.finish(outputs);
  if (metric === 'betweenness')
    book.betweennessSamples.value = result.sampling ? result.sampling.samples : null;
  book.set(metric, result.scores);
}

/** Every account's expected spread as a lone seed under params (ic, wc or lt), with 95% intervals. */
export async function computeInfluence(
  pool: EnginePool,
  graph: GraphState,
  params: ModelParams,
  sets: number,
  rngSeed: number,
  options: RunOptions,
): Promise<InfluenceScores> {
  const rr = rrParams(params);
  usePoolGraph(pool, graph);
  return influenceScores(poolRrSource(pool, graph.loaded.csr.n, rr, options), { sets, rngSeed });
}

/** Louvain communities in a worker (graphology's Louvain is too slow for the main thread). */
export async function computeCommunities(
  pool: EnginePool,
  graph: GraphState,
  rngSeed: number,
  resolution: number,
  options: RunOptions,
): Promise<Communities> {
  usePoolGraph(pool, graph);
  const [found] = await pool.runJobs('louvain', [{ rngSeed, resolution }], options);
  return found;
}
