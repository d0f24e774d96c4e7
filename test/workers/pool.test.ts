/**
 * The worker pool with real worker_threads: results independent of the number of workers,
 * progress, cancellation, crash recovery, engine errors.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/diffusion/simulator.ts';
import { summarize } from '../../src/diffusion/summary.ts';
import type { ModelName } from '../../src/diffusion/types.ts';
import { AbortError, EnginePool, PROGRESS_MS, type Progress } from '../../src/engine/pool.ts';
import { shareCsr } from '../../src/engine/share.ts';
import { createNodePool, nodeSpawner } from '../../src/engine/spawn-node.ts';
import { lcgDraw, randomArcsGraph } from '../support/graphs.ts';
import { params, runLocal, seedsAt } from '../support/simulate.ts';
import { CRASH_WORKER, ENGINE_WORKER } from '../support/workers.ts';

/** A random graph with 3000 nodes and ~24000 arcs, fixed by a tiny LCG. */
const randomGraph = () => randomArcsGraph(3000, 24_000, lcgDraw(12345));

const pools: EnginePool[] = [];
const track = (pool: EnginePool) => {
  pools.push(pool);
  return pool;
};
afterEach(() => {
  for (const p of pools.splice(0)) p.terminate();
});

describe('engine pool', () => {
  const csr = randomGraph();
  const models: ModelName[] = ['ic', 'wc', 'lt', 'sir', 'threshold'];

  for (const model of models) {
    it(`${model}: 1, 2 and 3 workers give the in-process result exactly`, async () => {
      const p = params({ model, p: 0.08, gamma: 0.5, phi: 0.15 });
      const seeds = model === 'threshold' ? { kind: 'random' as const, k: 20 } : seedsAt(1, 2, 3);
      const expected = summarize(runLocal(csr, p, seeds, 400, 77).shard);
      for (const size of [1, 2, 3]) {
        const pool = track(createNodePool(ENGINE_WORKER, size));
        pool.setGraph(csr);
        const merged = await pool.simulate({ params: p, seeds, runs: 400, rngSeed: 77, traceRun: 5 });
        expect(summarize(merged)).toEqual(expected);
        expect(merged.trace?.run).toBe(5);
      }
    });
  }

  it('reports progress at least every PROGRESS_MS (4 times a second) and at the end', async () => {
    expect(PROGRESS_MS).toBeLessThanOrEqual(250);
    const pool = track(createNodePool(ENGINE_WORKER, 2));
    pool.setGraph(csr);
    const events: (Progress & { at: number })[] = [];
    const started = Date.now();
    await pool.simulate(
      {
        params: params({ model: 'ic', p: 0.2 }),
        seeds: { kind: 'random', k: 3 },
        runs: 6000,
        rngSeed: 1,
        traceRun: null,
      },
      { onProgress: (p) => events.push({ ...p, at: Date.now() }) },
    );
    const took = events.at(-1)!.at - started;
    // One event per PROGRESS_MS while running (with slack for a loaded machine), plus the final one.
    expect(events.length).toBeGreaterThanOrEqual(Math.floor(took / (2 * PROGRESS_MS)));
    expect(events.at(-1)!.done).toBe(6000);
    for (let i = 1; i < events.length; i++) expect(events[i].done).toBeGreaterThanOrEqual(events[i - 1].done);
  });

  it('cancels with an AbortSignal, then keeps working', async () => {
    const pool = track(createNodePool(ENGINE_WORKER, 2));
    pool.setGraph(csr);
    const controller = new AbortController();
    const scenario = {
      params: params({ model: 'ic', p: 0.2 }),
      seeds: { kind: 'random' as const, k: 3 },
      runs: 10_000_000,
      rngSeed: 1,
      traceRun: null,
    };
    const job = pool.simulate(scenario, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await expect(job).rejects.toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(5_000);
    const again = await pool.simulate({ ...scenario, runs: 50 });
    expect(again.runCount).toBe(50);
  });

  it('replaces a crashed worker, reports the crash and still returns every run', async () => {
    let spawned = 0;
    const real = nodeSpawner(ENGINE_WORKER);
    const crashing = nodeSpawner(CRASH_WORKER);
    const pool = track(new EnginePool(() => (spawned++ === 0 ? crashing() : real()), 2, shareCsr));
    const crashes: Error[] = [];
    pool.onCrash = (e) => crashes.push(e);
    pool.setGraph(csr);
    const p = params({ model: 'ic', p: 0.05 });
    const merged = await pool.simulate({
      params: p,
      seeds: seedsAt(4),
      runs: 200,
      rngSeed: 3,
      traceRun: null,
    });
    expect(crashes.length).toBe(1);
    expect(crashes[0].message).toMatch(/exited with code 3/);
    expect(summarize(merged)).toEqual(summarize(runLocal(csr, p, seedsAt(4), 200, 3).shard));
  });

  it('passes engine errors through with their message', async () => {
    const pool = track(createNodePool(ENGINE_WORKER, 2));
    pool.setGraph(csr);
    const job = pool.simulate({
      params: params({ model: 'ic', p: 0.1 }),
      seeds: seedsAt(999_999),
      runs: 10,
      rngSeed: 1,
      traceRun: null,
    });
    await expect(job).rejects.toThrow(/not in the graph/);
  });

  it('runs analysis jobs over the workers and returns their outputs in input order', async () => {
    const pool = track(createNodePool(ENGINE_WORKER, 2));
    pool.setGraph(csr);
    const ranges = Array.from({ length: 30 }, (_, i) => ({ from: i * 100, to: (i + 1) * 100 }));
    const progress: Progress[] = [];
    const sums = await pool.runJobs('outDegreeSum', ranges, { onProgress: (p) => progress.push(p) });
    expect(sums).toEqual(ranges.map((r) => csr.outOffsets[r.to] - csr.outOffsets[r.from]));
    expect(sums.reduce((a, b) => a + b, 0)).toBe(csr.arcs);
    expect(progress.at(-1)).toMatchObject({ done: 30, total: 30 });
  });

  it('retries the job of a crashed worker and rejects unknown jobs', async () => {
    let spawned = 0;
    const real = nodeSpawner(ENGINE_WORKER);
    const crashing = nodeSpawner(CRASH_WORKER);
    const pool = track(new EnginePool(() => (spawned++ === 0 ? crashing() : real()), 2, shareCsr));
    pool.setGraph(csr);
    const ranges = Array.from({ length: 6 }, (_, i) => ({ from: i * 500, to: (i + 1) * 500 }));
    const sums = await pool.runJobs('outDegreeSum', ranges);
    expect(sums.reduce((a, b) => a + b, 0)).toBe(csr.arcs);
    expect(pool.crashes.length).toBe(1);
    await expect(pool.runJobs('nope' as 'outDegreeSum', [{ from: 0, to: 1 }])).rejects.toThrow(
      /unknown job 'nope'/,
    );
  });

  it('cancelling one caller leaves another caller on the same pool unharmed', async () => {
    const pool = track(createNodePool(ENGINE_WORKER, 2));
    pool.setGraph(csr);
    const p = params({ model: 'ic', p: 0.05 });
    const controller = new AbortController();
    const doomed = pool.simulate(
      { params: p, seeds: { kind: 'random', k: 3 }, runs: 10_000_000, rngSeed: 1, traceRun: null },
      { signal: controller.signal },
    );
    const big = params({ model: 'ic', p: 0.2 }); // supercritical: the survivor is still running at the abort
    let survivorDone = false;
    const survivor = pool
      .simulate({ params: big, seeds: seedsAt(4), runs: 4000, rngSeed: 3, traceRun: null })
      .finally(() => {
        survivorDone = true;
      });
    const ranges = Array.from({ length: 20 }, (_, i) => ({ from: i * 150, to: (i + 1) * 150 }));
    const jobs = pool.runJobs('outDegreeSum', ranges);
    setTimeout(() => controller.abort(), 100);
    await expect(doomed).rejects.toBeInstanceOf(AbortError);
    expect(survivorDone).toBe(false);
    expect(summarize(await survivor)).toEqual(summarize(runLocal(csr, big, seedsAt(4), 4000, 3).shard));
    expect((await jobs).reduce((a, b) => a + b, 0)).toBe(csr.arcs);
    expect(pool.crashes).toEqual([]);
  });

  it("a caller does not queue behind another caller's long job while a worker is free", async () => {
    const pool = track(createNodePool(ENGINE_WORKER, 2));
    pool.setGraph(csr);
    // One job far longer than any machine load could hide (minutes of CELF-style spreads) holds
    // one worker; it is cancelled at the end, so the test never waits for it.
    const cancel = new AbortController();
    let longDone = false;
    const long = pool
      .runJobs(
        'seedSpreads',
        [
          {
            params: params({ model: 'ic', p: 0.2 }),
            base: [],
            candidates: Array.from({ length: 60 }, (_, i) => i),
            rngSeed: 1,
            runs: 2_000_000,
          },
        ],
        { signal: cancel.signal },
      )
      .finally(() => {
        longDone = true;
      });
    long.catch(() => {});
    // Another caller's two short jobs: both go to the free worker instead of one waiting.
    const ranges = [
      { from: 0, to: 1500 },
      { from: 1500, to: 3000 },
    ];
    const sums = await pool.runJobs('outDegreeSum', ranges);
    expect(longDone).toBe(false);
    expect(sums[0] + sums[1]).toBe(csr.arcs);
    cancel.abort();
    await expect(long).rejects.toThrow(AbortError);
  });

  it('adds up per-node counts across shards exactly as one in-process shard', async () => {
    const p = params({ model: 'ic', p: 0.1 });
    const local = createSimulator(csr, p).runShard({
      seeds: seedsAt(1, 2),
      rngSeed: 8,
      firstRun: 0,
      runCount: 600,
      traceRun: null,
      nodeCounts: true,
    });
    const pool = track(createNodePool(ENGINE_WORKER, 2));
    pool.setGraph(csr);
    const merged = await pool.simulate({
      params: p,
      seeds: seedsAt(1, 2),
      runs: 600,
      rngSeed: 8,
      traceRun: null,
      nodeCounts: true,
    });
    expect(merged.nodeCounts).toEqual(local.nodeCounts);
    const plain = await pool.simulate({
      params: p,
      seeds: seedsAt(1, 2),
      runs: 10,
      rngSeed: 8,
      traceRun: null,
    });
    expect(plain.nodeCounts).toBeNull();
  });
});
