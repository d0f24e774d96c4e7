/**
 * The registered jobs (jobs.ts) a cluster may run on other machines, each with the schema its
 * input must pass before a worker runs it (payload-check.ts). Together with the registry this is
 * the shard plan of every distributed command:
 *
 *   simulate                 run ranges [first, first + count), each a `simulateRuns` job; merged
 *                            in run order by mergeShards (src/diffusion/summary.ts)
 *   runJobs(kind, inputs)    the inputs, in order; outputs returned in input order, reduced by
 *                            the caller as on the local pool (poolRrSource, poolSpreadEvaluator, ...)
 *
 * A kind missing here (greedy coverage and budget curves over a whole RR collection, which are
 * cheap beside their input) runs on the coordinator's own worker threads. Every job is
 * deterministic in its input, so where it ran never changes a result.
 */
import { validateParams } from '../diffusion/defaults.ts';
import { MAX_STEPS_PARAM, RNG_SEED, RUNS } from '../diffusion/params.ts';
import { MODEL_NAMES, type ModelParams, type SeedGroup, type TieParams } from '../diffusion/types.ts';
import type { JobInput, JobKind } from './jobs.ts';
import {
  also,
  bool,
  type Check,
  int,
  list,
  nodes,
  nullable,
  num,
  oneOf,
  type PayloadContext,
  PayloadError,
  record,
  tagged,
  text,
} from './payload-check.ts';

/** Most runs or RR sets one shard may ask for (more is a coordinator bug or a hostile payload). */
export const MAX_SHARD_UNITS = 100_000_000;

const probability = num(0, 1);
const rngSeed = int(RNG_SEED.min ?? 0, RNG_SEED.max ?? 0xffffffff);
const index32 = int(0, 0xffffffff);
const units = int(1, MAX_SHARD_UNITS);

const ties = record<TieParams>({
  strongBy: text(200),
  pStrong: probability,
  pWeak: probability,
  groups: list(
    list(
      int(0, (ctx) => ctx.n - 1),
      (ctx) => ctx.n,
      1,
    ),
    (ctx) => ctx.n,
  ),
  pGroup: probability,
  strongOnly: bool,
});

const modelParams: Check = also(
  record<ModelParams>(
    {
      model: oneOf(...MODEL_NAMES),
      p: nullable(probability),
      gamma: probability,
      phi: probability,
      maxSteps: nullable(int(0, MAX_STEPS_PARAM.max ?? 1_000_000)),
      ties,
    },
    ['ties'],
  ),
  (params: ModelParams, path, ctx) => {
    validateParams(params);
    needProbabilities(params, path, ctx);
  },
);

/** ic (and sir) without p read each arc's probability: the graph must have them. */
function needProbabilities(
  params: { model: string; p: number | null },
  path: string,
  ctx: PayloadContext,
): void {
  if (params.p === null && (params.model === 'ic' || params.model === 'sir') && !ctx.probabilities)
    throw new PayloadError(
      `${path}.p: ${params.model} without p needs per-arc probabilities, and the graph has none`,
    );
}

const seedPlan = tagged('kind', {
  groups: record<{ kind: 'groups'; groups: SeedGroup[] }>({
    kind: oneOf('groups'),
    groups: list(
      record<SeedGroup>({ nodes, start: int(0, MAX_STEPS_PARAM.max ?? 1_000_000) }),
      (ctx) => ctx.n,
      1,
    ),
  }),
  random: record<{ kind: 'random'; k: number }>({ kind: oneOf('random'), k: int(1, (ctx) => ctx.n) }),
});

const rrParams = also(
  record<JobInput<'rrSets'>['params']>(
    { model: oneOf('ic', 'wc', 'lt'), p: nullable(probability), target: oneOf('reach', 'exposure') },
    ['target'],
  ),
  needProbabilities,
);

/** A range [first, first + count) of 32-bit indices. */
function range<T extends { first: number; count: number }>(check: Check): Check {
  return also(check, (input: T, path) => {
    if (input.first + input.count > 2 ** 32) throw new Error(`${path}: the range ends beyond 2^32`);
  });
}

const rrRange = range(
  record<JobInput<'rrSets'>>({ params: rrParams, rngSeed, first: index32, count: units }),
);

/** Job kinds that may run on other machines, with the schema of their input. */
export const SHARDABLE_JOBS: { readonly [K in JobKind]?: Check } = {
  simulateRuns: also(
    record<JobInput<'simulateRuns'>>(
      {
        params: modelParams,
        seeds: seedPlan,
        rngSeed,
        firstRun: int(0, RUNS.max ?? MAX_SHARD_UNITS),
        runCount: units,
        traceRun: nullable(int(0, RUNS.max ?? MAX_SHARD_UNITS)),
        nodeCounts: bool,
      },
      ['nodeCounts'],
    ),
    (input: JobInput<'simulateRuns'>, path) => {
      const last = input.seeds.kind === 'groups' ? Math.max(...input.seeds.groups.map((g) => g.start)) : 0;
      if (input.params.maxSteps !== null && last > input.params.maxSteps)
        throw new Error(`${path}: a seed group starts after maxSteps`);
    },
  ),
  rrSets: rrRange,
  rrCounts: rrRange,
  rrFirstHits: range(
    record<JobInput<'rrFirstHits'>>({
      params: rrParams,
      rngSeed,
      first: index32,
      count: units,
      order: nodes,
    }),
  ),
  seedSpreads: record<JobInput<'seedSpreads'>>({
    params: modelParams,
    base: nodes,
    candidates: nodes,
    rngSeed,
    runs: int(1, RUNS.max ?? MAX_SHARD_UNITS),
  }),
};

/** Whether a kind may run on another machine. */
export function isShardable(kind: string): kind is JobKind {
  return Object.hasOwn(SHARDABLE_JOBS, kind);
}

/** Check a shard's input against its kind's schema; throws a PayloadError naming the field. */
export function checkShardInput(kind: JobKind, input: unknown, ctx: PayloadContext): void {
  const check = SHARDABLE_JOBS[kind];
  if (!check) throw new Error(`job '${kind}' does not run on a cluster`);
  check(input, 'input', ctx);
}
