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
import type { Csr } from '../../../graph/types.ts';
import { type InfluenceScores, influenceScores } from '../../../seeding/influence.ts';
import { poolRrSource } from '../../../seeding/pool-sources.ts';
import { rrParams } from '../../../seeding/rr-sets.ts';
import { LIGHT, type MetricBook } from './metric-book.ts';

const installed = new WeakMap<EnginePool, Csr>();

/** Give the pool this graph unless it already has it (the run controller may have set it). */
export function ensurePoolGraph(pool: EnginePool, csr: Csr): void {
  if (installed.get(pool) === csr) return;
  pool.setGraph(csr);
  installed.set(pool, csr);
}

/** Every light metric not yet in the book, one worker job each. */
export async function computeLight(
  pool: EnginePool,
  csr: Csr,
  book: MetricBook,
  options: RunOptions,
): Promise<void> {
  const missing = LIGHT.filter((m) => !book.has(m));
  if (missing.length === 0) return;
  ensurePoolGraph(pool, csr);
  const outputs = await pool.runJobs(
    'lightMetric',
    missing.map((metric) => ({ metric })),
    options,
  );
  outputs.forEach((o, i) => {
    if (o.converged === false) book.unconverged.add(missing[i]);
  });
  book.setMany(outputs.map((o, i) => [missing[i], o.scores]));
}

/** Betweenness or closeness, sharded over the workers in ~100 ms batches of sources. */
export async function computeHeavy(
  pool: EnginePool,
  csr: Csr,
  metric: MetricName,
  book: MetricBook,
  options: RunOptions,
): Promise<void> {
  const plan = planMetric(csr, metric);
  if (!plan) throw new Error(`${metric} is not a sharded metric`);
  ensurePoolGraph(pool, csr);
  // biome-ignore lint/suspicious/noExplicitAny: the plan built its inputs for its own job kind
  const outputs = await pool.runJobs(plan.kind, plan.inputs as any[], options);
  const result = plan.finish(outputs);
  if (metric === 'betweenness') book.betweennessSamples = result.sampling ? result.sampling.samples : null;
  book.set(metric, result.scores);
}

/** Every account's expected spread as a lone seed under params (ic, wc or lt), with 95% intervals. */
export async function computeInfluence(
  pool: EnginePool,
  csr: Csr,
  params: ModelParams,
  sets: number,
  rngSeed: number,
  options: RunOptions,
): Promise<InfluenceScores> {
  const rr = rrParams(params);
  ensurePoolGraph(pool, csr);
  return influenceScores(poolRrSource(pool, csr.n, rr, options), { sets, rngSeed });
}

/** Louvain communities in a worker (graphology's Louvain is too slow for the main thread). */
export async function computeCommunities(
  pool: EnginePool,
  csr: Csr,
  rngSeed: number,
  resolution: number,
  options: RunOptions,
): Promise<Communities> {
  ensurePoolGraph(pool, csr);
  const [found] = await pool.runJobs('louvain', [{ rngSeed, resolution }], options);
  return found;
}
