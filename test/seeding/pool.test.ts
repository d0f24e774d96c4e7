/**
 * Seed finding over real worker threads: the same RR sets, IMM choice, influence counts and CELF
 * estimates whatever the number of workers, and equal to the in-thread computation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import type { EnginePool } from '../../src/engine/pool.ts';
import { createNodePool } from '../../src/engine/spawn-node.ts';
import { celf, localSpreadEvaluator } from '../../src/seeding/celf.ts';
import { imm } from '../../src/seeding/imm.ts';
import { influenceScores } from '../../src/seeding/influence.ts';
import { poolRrSource, poolSpreadEvaluator } from '../../src/seeding/pool-sources.ts';
import { localRrSource, type RrParams } from '../../src/seeding/rr-sets.ts';
import { lcgDraw, randomArcsGraph } from '../support/graphs.ts';
import { ENGINE_WORKER } from '../support/workers.ts';

const randomGraph = (n = 2000, m = 12_000) => randomArcsGraph(n, m, lcgDraw(777));

const pools: EnginePool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.terminate();
});
function pool(size: number, csr: ReturnType<typeof randomGraph>) {
  const p = createNodePool(ENGINE_WORKER, size);
  pools.push(p);
  p.setGraph(csr);
  return p;
}

describe('seed finding on the worker pool', () => {
  const csr = randomGraph();
  const rr: RrParams = { model: 'wc', p: null };

  it('IMM, RR batches and influence counts do not depend on the number of workers', async () => {
    const one = pool(1, csr);
    const three = pool(3, csr);
    const local = localRrSource(csr, rr);
    const [batchLocal] = await local.generate(9, 100, 5000);
    const batches = await poolRrSource(three, csr.n, rr).generate(9, 100, 5000);
    expect(batches.length).toBeGreaterThan(1);
    const joined = batches.flatMap((b) => Array.from(b.nodes));
    expect(joined).toEqual(Array.from(batchLocal.nodes));

    const a = await imm(poolRrSource(one, csr.n, rr), { k: 5, epsilon: 0.3, rngSeed: 2 });
    const b = await imm(poolRrSource(three, csr.n, rr), { k: 5, epsilon: 0.3, rngSeed: 2 });
    const c = await imm(local, { k: 5, epsilon: 0.3, rngSeed: 2 });
    expect(b.seeds).toEqual(a.seeds);
    expect(c.seeds).toEqual(a.seeds);
    expect(b.theta).toBe(a.theta);

    const s1 = await influenceScores(poolRrSource(one, csr.n, rr), { sets: 20_000, rngSeed: 3 });
    const s3 = await influenceScores(poolRrSource(three, csr.n, rr), { sets: 20_000, rngSeed: 3 });
    expect(Array.from(s3.score)).toEqual(Array.from(s1.score));
  });

  it('CELF on the pool equals CELF in this thread', async () => {
    const small = randomGraph(300, 1200);
    const params = resolveParams({ model: 'ic', p: 0.1 }, small);
    const viaPool = await celf(small.n, poolSpreadEvaluator(pool(2, small), params, 200, 5), { k: 3 });
    const here = await celf(small.n, localSpreadEvaluator(small, params, 200, 5), { k: 3 });
    expect(viaPool).toEqual(here);
  });
});
