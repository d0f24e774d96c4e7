/** Heavy metrics through the worker pool: the same numbers with 1 and 2 workers as in-process. */
import { afterEach, describe, expect, it } from 'vitest';
import { computeMetric, type JobRunner, runMetric } from '../../src/analysis/centrality/index.ts';
import { AbortError, type EnginePool } from '../../src/engine/pool.ts';
import { createNodePool } from '../../src/engine/spawn-node.ts';
import { Rng } from '../../src/util/rng.ts';
import { csrOf } from '../support/graphs.ts';
import { ENGINE_WORKER } from '../support/workers.ts';

const pools: EnginePool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.terminate();
});

function randomDirected(n: number, m: number, seed: number) {
  const rng = new Rng(seed);
  const pairs: [number, number][] = [];
  for (let i = 0; i < m; i++) pairs.push([rng.below(n), rng.below(n)]);
  return csrOf(n, pairs, 'influences');
}

describe('centrality jobs in the engine pool', () => {
  const csr = randomDirected(800, 3200, 2);
  // Small jobs (40 sources each), so the pool really shards: 20 jobs for the exact metrics.
  const exact = { batchSources: 40 };
  const sampled = { batchSources: 40, betweenness: { samples: 300, rngSeed: 3 } };
  // Batching is a function of the graph and options only (never of the worker count), so the
  // in-process run with the same batches must match to the last bit.
  const local = {
    betweenness: computeMetric(csr, 'betweenness', exact).scores,
    closeness: computeMetric(csr, 'closeness', exact).scores,
    sampled: computeMetric(csr, 'betweenness', sampled).scores,
  };

  it.each([1, 2])('betweenness and closeness with %i worker(s) equal the in-process result', async (size) => {
    const pool = createNodePool(ENGINE_WORKER, size);
    pools.push(pool);
    pool.setGraph(csr);
    let jobs = 0;
    const runner: JobRunner = (kind, inputs) => {
      jobs += inputs.length;
      return pool.runJobs(kind, inputs as never) as Promise<unknown[]>;
    };
    for (const name of ['betweenness', 'closeness'] as const) {
      const pooled = await runMetric(csr, name, exact, runner);
      expect(Array.from(pooled.scores), name).toEqual(Array.from(local[name]));
    }
    const pooledSample = await runMetric(csr, 'betweenness', sampled, runner);
    expect(Array.from(pooledSample.scores)).toEqual(Array.from(local.sampled));
    expect(jobs).toBe(20 + 20 + 8);
  });

  it('cancels: aborting mid-way rejects with AbortError', async () => {
    const big = randomDirected(5000, 25000, 4);
    const pool = createNodePool(ENGINE_WORKER, 2);
    pools.push(pool);
    pool.setGraph(big);
    const controller = new AbortController();
    let done = 0;
    const runner: JobRunner = (kind, inputs) =>
      pool.runJobs(kind, inputs as never, {
        signal: controller.signal,
        onProgress: (p) => {
          done = p.done;
        },
      }) as Promise<unknown[]>;
    // One source per job: 5000 round trips of a 25000-arc search, well over the 100 ms we wait.
    setTimeout(() => controller.abort(), 100);
    await expect(runMetric(big, 'betweenness', { batchSources: 1 }, runner)).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(done).toBeLessThan(5000);
  });
});
