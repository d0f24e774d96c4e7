/**
 * Seed finding on NetHEPT, weighted cascade, k = 50 (issue 3, section 4): IMM's time and the
 * expected spread of its seeds beside the degree, PageRank and degree-discount baselines, each
 * measured by the same fresh Monte Carlo runs. Goal: IMM within a few seconds and at least 98% of
 * CELF's ~1298 on this reading of the file (directed as written, duplicate lines merged,
 * p(u,v) = 1/indegree(v)). `npm run bench -- --celf` also runs CELF (about half a minute here).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { readGraphFile } from '../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../src/diffusion/defaults.ts';
import { summarize } from '../src/diffusion/summary.ts';
import { createNodePool } from '../src/engine/spawn-node.ts';
import { degreeSeeds, pagerankSeeds } from '../src/seeding/baselines.ts';
import { celf } from '../src/seeding/celf.ts';
import { degreeDiscount, discountProbability } from '../src/seeding/degree-discount.ts';
import { poolCoverage, poolPrefixCoverage } from '../src/seeding/find-seeds.ts';
import { phaseSeed } from '../src/seeding/imm.ts';
import { opimSeeds } from '../src/seeding/opim.ts';
import { poolRrSource, poolSpreadEvaluator } from '../src/seeding/pool-sources.ts';
import { rrParams } from '../src/seeding/rr-sets.ts';
import type { BenchContext } from './context.ts';

/** CELF's expected spread on this reading (issue 3), the reference for the 98% goal. */
export const NETHEPT_CELF_K50_WC = 1298;

const K = 50;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function benchImm(ctx: BenchContext): Promise<Record<string, unknown>> {
  const withCelf = process.argv.includes('--celf');
  const { csr } = await readGraphFile(join(ctx.root, 'datasets', 'NetHEPT.txt'), {
    direction: 'influences',
    edgeValues: 'probability',
  });
  const workers = availableParallelism();
  const pool = createNodePool(ctx.workerFile, workers);
  try {
    pool.setGraph(csr);
    const params = resolveParams({ model: 'wc' }, csr);
    const rr = rrParams(params);
    const runs = ctx.quick ? 2000 : 10_000;
    const measure = async (seeds: number[]) => {
      const r = summarize(
        await pool.simulate({
          params,
          seeds: { kind: 'groups', groups: [{ nodes: seeds, start: 0 }] },
          runs,
          rngSeed: phaseSeed(1, 7),
          traceRun: null,
        }),
      );
      return { spread: r.mean, ci95: r.ci95 };
    };

    // IMM as `ripple seeds` runs it (OPIM-C bounds, opim.ts), epsilon 0.1: warm up the workers
    // once, then the median of three timed runs.
    const run = (rngSeed: number) =>
      opimSeeds(poolRrSource(pool, csr.n, rr), {
        k: K,
        rngSeed,
        cover: (sets, size) => poolCoverage(pool, sets, size),
        prefixCoverage: (sets, seeds) => poolPrefixCoverage(pool, sets, seeds),
      });
    await run(100);
    const times: number[] = [];
    let chosen: Awaited<ReturnType<typeof opimSeeds>> | null = null;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const result = await run(1 + i);
      times.push((performance.now() - t0) / 1000);
      if (i === 0) chosen = result;
    }
    const result = chosen as NonNullable<typeof chosen>;
    const line: Record<string, unknown> = {
      section: 'imm',
      graph: 'NetHEPT',
      model: 'wc',
      k: K,
      workers,
      evaluationRuns: runs,
      immSeconds: median(times),
      immRrSets: result.theta + result.validationTheta,
      imm: await measure(result.seeds),
    };
    const t0 = performance.now();
    const dd = degreeDiscount(csr, K, discountProbability(csr, rr));
    line.degreeDiscountSeconds = (performance.now() - t0) / 1000;
    line.degreeDiscount = await measure(dd);
    line.degree = await measure(degreeSeeds(csr, K));
    line.pagerank = await measure(pagerankSeeds(csr, K));
    if (withCelf) {
      const c0 = performance.now();
      const c = await celf(csr.n, poolSpreadEvaluator(pool, params, 1000, phaseSeed(1, 5)), { k: K });
      line.celfSeconds = (performance.now() - c0) / 1000;
      line.celf = await measure(c.seeds);
    }
    const spread = (key: string) => (line[key] as { spread: number }).spread;
    line.immOverCelfReference = spread('imm') / NETHEPT_CELF_K50_WC;
    line.goalMet = spread('imm') >= 0.98 * NETHEPT_CELF_K50_WC && median(times) < 5;

    const show = (key: string, label: string) => {
      const m = line[key] as { spread: number; ci95: [number, number] };
      return `  ${label.padEnd(16)} spread ${m.spread.toFixed(1)} [${m.ci95[0].toFixed(1)}, ${m.ci95[1].toFixed(1)}]`;
    };
    console.log(`\nseed finding: NetHEPT, weighted cascade, k = ${K} (${runs} fresh runs per seed set)`);
    console.log(
      `${show('imm', 'IMM eps=0.1')}  in ${median(times).toFixed(2)} s (${result.theta + result.validationTheta} RR sets, ${workers} workers); ${(100 * (line.immOverCelfReference as number)).toFixed(1)}% of CELF's ${NETHEPT_CELF_K50_WC}`,
    );
    if (withCelf)
      console.log(`${show('celf', 'CELF 1000 runs')}  in ${(line.celfSeconds as number).toFixed(1)} s`);
    console.log(show('degreeDiscount', 'degree discount'));
    console.log(show('pagerank', 'PageRank'));
    console.log(show('degree', 'degree'));
    console.log(
      `  goal (>= 98% of ${NETHEPT_CELF_K50_WC} within a few seconds): ${line.goalMet ? 'met' : 'NOT met'}`,
    );
    return line;
  } finally {
    pool.terminate();
  }
}
