/**
 * Small work runs inline (src/engine/pool.ts): with an in-thread engine, pieces run in the calling
 * thread while the work left looks small, and the workers start only when it does not. Where a
 * piece ran must never change a result: the same numbers inline, on workers only, and mixed (some
 * pieces here, the rest on workers started midway), and the same as in-process.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/all-jobs.ts';
import { createSimulator } from '../../src/diffusion/simulator.ts';
import { summarize } from '../../src/diffusion/summary.ts';
import { EnginePool, INLINE_MAX_ARCS } from '../../src/engine/pool.ts';
import { shareCsr } from '../../src/engine/share.ts';
import { nodeSpawner } from '../../src/engine/spawn-node.ts';
import { createEngineApi } from '../../src/engine/worker-api.ts';
import { findSeeds } from '../../src/seeding/find-seeds.ts';
import { lcgDraw, randomArcsGraph } from '../support/graphs.ts';
import { params, seedsAt } from '../support/simulate.ts';
import { ENGINE_WORKER } from '../support/workers.ts';

const csr = randomArcsGraph(2000, 12_000, lcgDraw(99));

const pools: EnginePool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.terminate();
});

/** Workers only (no inline engine), all inline (no budget limit), or mixed (workers after one piece). */
const modes = {
  workers: {},
  inline: { inline: createEngineApi, inlineMs: Number.POSITIVE_INFINITY },
  mixed: { inline: createEngineApi, inlineMs: 0 },
} as const;

function pool(mode: keyof typeof modes, graph = csr): EnginePool {
  const p = new EnginePool(nodeSpawner(ENGINE_WORKER), 2, shareCsr, modes[mode]);
  p.setGraph(graph);
  pools.push(p);
  return p;
}

describe('inline and pooled runs give identical results', () => {
  it('simulate: in-process, inline, on workers and mixed agree exactly', async () => {
    const model = params({ model: 'ic', p: 0.12 });
    const request = {
      params: model,
      seeds: seedsAt(1, 2, 3),
      runs: 3000,
      rngSeed: 41,
      traceRun: 17,
      nodeCounts: true,
    };
    const expected = createSimulator(csr, model).runShard({
      seeds: request.seeds,
      rngSeed: request.rngSeed,
      firstRun: 0,
      runCount: request.runs,
      traceRun: 17,
      nodeCounts: true,
    });
    for (const mode of ['inline', 'workers', 'mixed'] as const) {
      const p = pool(mode);
      const merged = await p.simulate(request);
      expect(summarize(merged), mode).toEqual(summarize(expected));
      expect(Array.from(merged.nodeCounts ?? []), mode).toEqual(Array.from(expected.nodeCounts ?? []));
      expect(merged.trace?.run, mode).toBe(17);
      expect(p.workersRunning, mode).toBe(mode !== 'inline');
    }
  });

  it('jobs: RR-set batches are the same wherever they ran', async () => {
    const rr = { model: 'wc' as const, p: null };
    const inputs = Array.from({ length: 6 }, (_, i) => ({
      params: rr,
      rngSeed: 5,
      first: i * 700,
      count: 700,
    }));
    const [inline, workers, mixed] = await Promise.all(
      (['inline', 'workers', 'mixed'] as const).map((mode) => pool(mode).runJobs('rrSets', inputs)),
    );
    expect(inline).toEqual(workers);
    expect(mixed).toEqual(workers);
  });

  it('jobs run inline on a large graph only when the caller says they are short', async () => {
    const large = randomArcsGraph(50_000, INLINE_MAX_ARCS + 30_000, lcgDraw(3));
    expect(large.arcs).toBeGreaterThan(INLINE_MAX_ARCS);
    const inputs = [{ params: { model: 'wc' as const, p: null }, rngSeed: 5, first: 0, count: 100 }];
    const unknown = pool('inline', large);
    const short = pool('inline', large);
    const [onWorkers, inline] = await Promise.all([
      unknown.runJobs('rrSets', inputs),
      short.runJobs('rrSets', inputs, { shortJobs: true }),
    ]);
    expect(unknown.workersRunning).toBe(true);
    expect(short.workersRunning).toBe(false);
    expect(inline).toEqual(onWorkers);
  });

  it('seeds: IMM and its measured spread are the same inline and on workers', async () => {
    const small = randomArcsGraph(300, 1500, lcgDraw(7));
    const found = await Promise.all(
      (['inline', 'workers', 'mixed'] as const).map((mode) =>
        findSeeds(pool(mode, small), small, {
          method: 'imm',
          params: params({ model: 'wc' }),
          k: 5,
          epsilon: 0.3,
          rngSeed: 3,
          runs: 500,
        }),
      ),
    );
    for (const f of found.slice(1)) {
      expect(f.seeds).toEqual(found[0].seeds);
      expect(f.spread).toBe(found[0].spread);
      expect(f.budgetCurve).toEqual(found[0].budgetCurve);
      expect(f.details).toEqual(found[0].details);
    }
  });

  it('cancels inline work too', async () => {
    const p = pool('inline');
    const controller = new AbortController();
    const job = p.simulate(
      {
        params: params({ model: 'ic', p: 0.2 }),
        seeds: seedsAt(0),
        runs: 10_000_000,
        rngSeed: 1,
        traceRun: null,
      },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 50);
    await expect(job).rejects.toThrow(/cancelled/);
    expect(p.workersRunning).toBe(false);
  });
});
