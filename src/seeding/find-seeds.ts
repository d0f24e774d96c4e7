/**
 * Finding seeds end to end, on any EngineRunner (the CLI's worker threads or the app's Web Workers):
 * choose k seeds with a method (IMM, CELF, degree discount, or a baseline), optionally estimate
 * the method's budget curve, then measure the chosen set's spread with fresh Monte Carlo runs on a
 * random stream of their own, never with the samples used to choose it. `ripple seeds` and the
 * app's seed-finding panel both call findSeeds, so the same options and rng give the same seeds.
 *
 * IMM: the seeds are chosen by OPIM-C's bounds with IMM's guarantee (opim.ts, opimSeeds); its
 * budget curve comes from the validation sets R2, which took no part in the choice. Other methods'
 * budget curves (when `curveSets` > 0) come from that many fresh RR sets of their own stream,
 * reduced in the workers to the sets each prefix of the method's curve order newly covers
 * (seed-order.ts).
 *
 * Only orchestration runs in the calling thread: RR sets, IMM's greedy coverage, the budget
 * curves and the Monte Carlo runs all go to the pool's workers, so the app's page stays responsive.
 */

import { summarize } from '../diffusion/summary.ts';
import type { ModelParams } from '../diffusion/types.ts';
import type { Progress, RunOptions } from '../engine/pool.ts';
import type { EngineRunner } from '../engine/runner.ts';
import type { Csr } from '../graph/types.ts';
import { canShare } from '../util/can-share.ts';
import { type BudgetPoint, rrEstimate } from './budget-curve.ts';
import { CELF_DEFAULTS, celf, checkCelfSize } from './celf.ts';
import { type Coverage, IMM_DEFAULTS, phaseSeed } from './imm.ts';
import { opimSeeds } from './opim.ts';
import { poolRrSource, poolSpreadEvaluator } from './pool-sources.ts';
import { type RrCollection, type RrParams, rrParams } from './rr-sets.ts';
import type { CollectionInput } from './seed-finding-jobs.ts';
import type { HeuristicMethod } from './seed-order.ts';

export const SEED_METHODS = [
  'imm',
  'celf',
  'degree',
  'degree-discount',
  'pagerank',
  'community',
  'random',
] as const;
export type SeedMethod = (typeof SEED_METHODS)[number];

export const FIND_SEEDS_DEFAULTS = { method: 'imm', model: 'ic', runs: 2000 } as const;

export interface FindSeedsOptions {
  method: SeedMethod;
  /** Resolved model parameters (ic, wc or lt). */
  params: ModelParams;
  k: number;
  /** IMM's approximation slack [IMM_DEFAULTS.epsilon]. */
  epsilon?: number;
  /** CELF's Monte Carlo runs per spread estimate [CELF_DEFAULTS.runs]. */
  celfRuns?: number;
  rngSeed: number;
  /** Fresh Monte Carlo runs measuring the chosen set. */
  runs: number;
  /** RR sets for the budget curve of methods other than IMM (0 or absent: no curve). */
  curveSets?: number;
}

export type SeedPhase =
  | { name: 'choosing' }
  | { name: 'sampling' | 'selection'; sets: number }
  | { name: 'celf'; first: boolean }
  | { name: 'budget' }
  | { name: 'measuring' };

export interface FindSeedsRun {
  signal?: AbortSignal;
  /** Progress of the current phase. */
  onProgress?: (progress: Progress) => void;
  /** Told when a phase starts. */
  onPhase?: (phase: SeedPhase) => void;
}

export interface ChosenSeeds {
  /** Node indices as the method returns them. */
  seeds: number[];
  /** Expected spread of the first k seeds of the method's curve order, k = 1..K, when estimated. */
  budgetCurve?: BudgetPoint[];
  details: Record<string, unknown>;
  warnings: string[];
}

export interface FoundSeeds extends ChosenSeeds {
  spread: number;
  ci95: [number, number];
  std: number;
  runs: number;
  /** Time spent choosing (and estimating the curve). */
  seconds: number;
  evaluationSeconds: number;
}

/** Check the options that do not depend on the engine; errors name the option. */
export function validateFindSeeds(options: FindSeedsOptions, n: number): void {
  const { k, runs } = options;
  if (!SEED_METHODS.includes(options.method))
    throw new RangeError(
      `method: expected one of ${SEED_METHODS.join(', ')}, got '${String(options.method)}'`,
    );
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`k: expected a whole number from 1 to ${n} (the number of nodes), got ${k}`);
  if (!Number.isInteger(runs) || runs < 1)
    throw new RangeError(`runs: expected a whole number >= 1, got ${runs}`);
  const epsilon = options.epsilon ?? IMM_DEFAULTS.epsilon;
  if (!(epsilon > 0 && epsilon < 1))
    throw new RangeError(`epsilon: expected a number between 0 and 1 (exclusive), got ${epsilon}`);
  const sets = options.curveSets ?? 0;
  if (!Number.isInteger(sets) || sets < 0)
    throw new RangeError(`curve sets: expected a whole number >= 0, got ${sets}`);
}

/** Work units (in-arcs examined plus a per-set overhead) per first-hit job: about 100 ms. */
const JOB_WORK = 2_000_000;
const SET_OVERHEAD = 40;
const PROBE_SETS = 256;

/**
 * The budget curve of a seed order from `sets` fresh RR sets of stream rngSeed, counted in the
 * workers: a probe round of small jobs learns the cost per set, the rest go in jobs of ~100 ms.
 */
export async function poolBudgetCurve(
  pool: EngineRunner,
  n: number,
  params: RrParams,
  order: readonly number[],
  sets: number,
  rngSeed: number,
  run: RunOptions = {},
): Promise<BudgetPoint[]> {
  const hits = new Float64Array(order.length);
  const started = Date.now();
  let done = 0;
  let examined = 0;
  const round = async (first: number, count: number, perJob: number) => {
    const inputs = [];
    for (let at = first; at < first + count; at += perJob)
      inputs.push({
        params,
        rngSeed,
        first: at,
        count: Math.min(perJob, first + count - at),
        order: [...order],
      });
    const base = done;
    const outputs = await pool.runJobs('rrFirstHits', inputs, {
      signal: run.signal,
      onProgress: (p) => {
        const now = base + (count * p.done) / Math.max(1, p.total);
        const elapsedMs = Date.now() - started;
        run.onProgress?.({
          done: Math.round(now),
          total: sets,
          elapsedMs,
          etaMs: now > 0 ? (elapsedMs / now) * (sets - now) : null,
        });
      },
    });
    for (const o of outputs) {
      for (let i = 0; i < hits.length; i++) hits[i] += o.hits[i];
      examined += o.examined;
    }
    done += count;
  };
  const probe = Math.min(sets, PROBE_SETS * pool.size);
  await round(0, probe, Math.max(1, Math.ceil(probe / pool.size)));
  if (sets > probe) {
    const perSet = examined / Math.max(1, probe) + SET_OVERHEAD;
    const perJob = Math.max(
      64,
      Math.min(Math.ceil((sets - probe) / pool.size), Math.round(JOB_WORK / perSet)),
    );
    await round(probe, sets - probe, perJob);
  }
  let covered = 0;
  return order.map((_, i) => {
    covered += hits[i];
    const { mean, ci95 } = rrEstimate(covered, sets, n);
    return { k: i + 1, spread: mean, ci95 };
  });
}

/**
 * A collection's sets trimmed to their size, in shared memory when the environment allows (one
 * copy, nothing copied again when sent to a worker), for the coverage jobs.
 */
export function collectionInput(sets: RrCollection): CollectionInput {
  // Collections live in shared memory where allowed (rr-sets.ts): a view is enough, no copy.
  const copy = (a: Uint32Array, length: number): Uint32Array => {
    if (a.buffer instanceof SharedArrayBuffer) return a.subarray(0, length);
    if (!canShare()) return a.slice(0, length);
    const out = new Uint32Array(new SharedArrayBuffer(4 * length));
    out.set(a.subarray(0, length));
    return out;
  };
  return {
    n: sets.n,
    count: sets.count,
    offsets: copy(sets.offsets, sets.count + 1),
    nodes: copy(sets.nodes, sets.size),
  };
}

/**
 * Stored entries (nodes of all sets) up to which a coverage job is short (RunOptions.shortJobs):
 * greedy visits each entry a few times, as the RR jobs of JOB_WORK (about 100 ms) do.
 */
const SHORT_COVER_ENTRIES = JOB_WORK;

/** IMM's greedy max coverage, run in a worker (or, when short, maybe in this thread). */
export async function poolCoverage(
  pool: EngineRunner,
  sets: RrCollection,
  k: number,
  signal?: AbortSignal,
): Promise<Coverage> {
  const [coverage] = await pool.runJobs('maxCoverage', [{ ...collectionInput(sets), k }], {
    signal,
    shortJobs: sets.size <= SHORT_COVER_ENTRIES,
  });
  return coverage;
}

/** Sets of a collection hit by each prefix of `seeds`, counted in a worker (or, when short, here). */
export async function poolPrefixCoverage(
  pool: EngineRunner,
  sets: RrCollection,
  seeds: readonly number[],
  signal?: AbortSignal,
): Promise<number[]> {
  const [hits] = await pool.runJobs('prefixCoverage', [{ ...collectionInput(sets), seeds: [...seeds] }], {
    signal,
    shortJobs: sets.size <= SHORT_COVER_ENTRIES,
  });
  return hits;
}

/** Choose the seeds (and estimate the budget curve when asked); the spread is not measured. */
export async function chooseSeeds(
  pool: EngineRunner,
  csr: Csr,
  options: FindSeedsOptions,
  run: FindSeedsRun = {},
): Promise<ChosenSeeds> {
  validateFindSeeds(options, csr.n);
  const { method, params, k, rngSeed } = options;
  const rr = rrParams(params);
  const progress: RunOptions = { signal: run.signal, onProgress: run.onProgress };
  switch (method) {
    case 'imm': {
      const source = poolRrSource(pool, csr.n, rr, progress);
      const result = await opimSeeds(source, {
        k,
        epsilon: options.epsilon ?? IMM_DEFAULTS.epsilon,
        rngSeed,
        onRound: (r) => run.onPhase?.({ name: 'sampling', sets: r.sets }),
        cover: (sets, size) => poolCoverage(pool, sets, size, run.signal),
        prefixCoverage: (sets, seeds) => poolPrefixCoverage(pool, sets, seeds, run.signal),
      });
      // R2 took no part in the choice: each prefix's hits there estimate its spread.
      const budgetCurve = result.prefixHits.map((hits, i) => {
        const { mean, ci95 } = rrEstimate(hits, result.validationTheta, csr.n);
        return { k: i + 1, spread: mean, ci95 };
      });
      return {
        seeds: result.seeds,
        budgetCurve,
        details: {
          imm: {
            bound: 'OPIM-C',
            epsilon: result.epsilon,
            ell: 1,
            rrSets: result.theta + result.validationTheta,
            rounds: result.rounds,
            lowerBound: result.lower,
            upperBound: result.upper,
            ratio: result.ratio,
            guarantee: result.guarantee,
          },
        },
        warnings: [],
      };
    }
    case 'celf': {
      const warning = checkCelfSize(csr.n);
      const celfRuns = options.celfRuns ?? CELF_DEFAULTS.runs;
      if (!Number.isInteger(celfRuns) || celfRuns < 1)
        throw new RangeError(`celf runs: expected a whole number >= 1, got ${celfRuns}`);
      // The first round evaluates every node (most of the work): its jobs drive the progress;
      // after it, progress counts the seeds picked.
      let first = true;
      run.onPhase?.({ name: 'celf', first: true });
      const evaluate = poolSpreadEvaluator(pool, params, celfRuns, phaseSeed(rngSeed, 5), {
        signal: run.signal,
        onProgress: (p) => {
          if (first) run.onProgress?.(p);
        },
      });
      const result = await celf(csr.n, evaluate, {
        k,
        onSeed: (done, total) => {
          if (first) {
            first = false;
            run.onPhase?.({ name: 'celf', first: false });
          }
          run.onProgress?.({ done, total, elapsedMs: 0, etaMs: null });
        },
      });
      const chosen: ChosenSeeds = {
        seeds: result.seeds,
        details: {
          celf: { runs: celfRuns, evaluations: result.evaluations, selectionEstimate: result.spreads },
        },
        warnings: warning ? [warning] : [],
      };
      return withCurve(chosen, result.seeds);
    }
    default: {
      run.onPhase?.({ name: 'choosing' });
      const [choice] = await pool.runJobs(
        'heuristicSeeds',
        [{ method: method as HeuristicMethod, k, rngSeed, rr }],
        { signal: run.signal },
      );
      return withCurve({ seeds: choice.seeds, details: choice.details, warnings: [] }, choice.order);
    }
  }

  async function withCurve(chosen: ChosenSeeds, order: number[]): Promise<ChosenSeeds> {
    const sets = options.curveSets ?? 0;
    if (sets === 0) return chosen;
    run.onPhase?.({ name: 'budget' });
    const budgetCurve = await poolBudgetCurve(pool, csr.n, rr, order, sets, phaseSeed(rngSeed, 8), progress);
    return { ...chosen, budgetCurve };
  }
}

/** Choose the seeds, then measure their spread with `runs` fresh Monte Carlo runs. */
export async function findSeeds(
  pool: EngineRunner,
  csr: Csr,
  options: FindSeedsOptions,
  run: FindSeedsRun = {},
): Promise<FoundSeeds> {
  const started = performance.now();
  const chosen = await chooseSeeds(pool, csr, options, run);
  const seconds = (performance.now() - started) / 1000;
  run.onPhase?.({ name: 'measuring' });
  const evaluation = await pool.simulate(
    {
      params: options.params,
      seeds: { kind: 'groups', groups: [{ nodes: chosen.seeds, start: 0 }] },
      runs: options.runs,
      rngSeed: phaseSeed(options.rngSeed, 7),
      traceRun: null,
    },
    { signal: run.signal, onProgress: run.onProgress },
  );
  const summary = summarize(evaluation);
  return {
    ...chosen,
    spread: summary.mean,
    ci95: summary.ci95,
    std: summary.std,
    runs: options.runs,
    seconds,
    evaluationSeconds: (performance.now() - started) / 1000 - seconds,
  };
}
