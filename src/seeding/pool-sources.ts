/**
 * The clients that shard seed-finding jobs (jobs.ts) over the worker pool: RR sets and influence
 * counts for IMM, and Monte Carlo spreads for CELF. Set i of stream s and run r of seed rngSeed
 * are the same whichever worker computes them, so the results never depend on the number of
 * workers or on how the work was split.
 */
import type { ModelParams } from '../diffusion/types.ts';
import type { RunOptions } from '../engine/pool.ts';
import type { EngineRunner } from '../engine/runner.ts';
import type { SpreadEvaluator } from './celf.ts';
import type { SeedSpreadsInput } from './jobs.ts';
import type { RrParams, RrSource } from './rr-sets.ts';

/** Work units (in-arcs examined, plus a per-set overhead) a job should take: about 100 ms. */
const JOB_WORK = 2_000_000;
const SET_OVERHEAD = 40;
const FIRST_JOB_SETS = 2000;
/**
 * Jobs of at most this many sets count as short (RunOptions.shortJobs) before any cost is known:
 * an inline pool may run them in the calling thread while its workers start, whatever the graph.
 */
const SHORT_FIRST_SETS = 512;

/** Split [first, first + count) into jobs of about JOB_WORK, at least one per worker when worth it. */
function split(first: number, count: number, setsPerJob: number, workers: number): [number, number][] {
  const per = Math.max(64, Math.min(setsPerJob, Math.ceil(count / workers)));
  const out: [number, number][] = [];
  for (let at = first; at < first + count; at += per) out.push([at, Math.min(per, first + count - at)]);
  return out;
}

/**
 * RR sets sharded over the worker pool, in jobs sized from the cost of the sets seen so far.
 * `options` carries the cancel signal and the progress callback of each batch of jobs.
 */
export function poolRrSource(
  pool: EngineRunner,
  n: number,
  params: RrParams,
  options: RunOptions = {},
): RrSource {
  let setsPerJob = FIRST_JOB_SETS;
  let learned = false;
  const learn = (examined: number, sets: number) => {
    if (sets === 0) return;
    const perSet = examined / sets + SET_OVERHEAD;
    setsPerJob = Math.max(64, Math.round(JOB_WORK / perSet));
    learned = true;
  };
  return {
    n,
    async generate(rngSeed, first, count) {
      const jobs = split(first, count, setsPerJob, pool.size);
      const inputs = jobs.map(([f, c]) => ({ params, rngSeed, first: f, count: c }));
      // Sized from their cost once it is known, or few enough sets before: short either way.
      const shortJobs = learned || jobs.every(([, c]) => c <= SHORT_FIRST_SETS);
      const batches = await pool.runJobs('rrSets', inputs, { ...options, shortJobs });
      learn(
        batches.reduce((s, b) => s + b.examined, 0),
        batches.reduce((s, b) => s + b.count, 0),
      );
      return batches;
    },
    async counts(rngSeed, first, count) {
      // Counts cost an n-sized array per job: fewer, larger jobs.
      const jobs = split(first, count, Math.max(setsPerJob, 4 * FIRST_JOB_SETS), pool.size);
      const inputs = jobs.map(([f, c]) => ({ params, rngSeed, first: f, count: c }));
      const outputs = await pool.runJobs('rrCounts', inputs, options);
      const total = new Uint32Array(n);
      for (const o of outputs) for (let v = 0; v < n; v++) total[v] += o.counts[v];
      return total;
    },
  };
}

/**
 * Monte Carlo spreads for CELF sharded over the pool: candidates in groups sized so each job runs
 * about `runs * groupSize` cascades; every candidate uses the same runs (seed rngSeed, 0..runs-1).
 */
export function poolSpreadEvaluator(
  pool: EngineRunner,
  params: ModelParams,
  runs: number,
  rngSeed: number,
  options: RunOptions = {},
): SpreadEvaluator {
  return async (base, candidates) => {
    const group = Math.max(1, Math.min(256, Math.ceil(candidates.length / (4 * pool.size))));
    const inputs: SeedSpreadsInput[] = [];
    for (let i = 0; i < candidates.length; i += group)
      inputs.push({ params, base: [...base], candidates: candidates.slice(i, i + group), rngSeed, runs });
    const outputs = await pool.runJobs('seedSpreads', inputs, options);
    const out = new Float64Array(candidates.length);
    let at = 0;
    for (const o of outputs) {
      out.set(o, at);
      at += o.length;
    }
    return out;
  };
}
