/**
 * Calibration from observed cascades, end to end: tally the attempts of the log (attempts.ts),
 * fit IC's p exactly (fit-ic.ts), per community when asked (fit-communities.ts, Louvain
 * communities), compare with weighted cascade and linear threshold by log-likelihood and AIC,
 * then replay every observed cascade with the fitted model on the worker pool (jobs.ts) and
 * compare sizes and reach by step (goodness-of-fit.ts), saying in plain words whether the data
 * reject the fit. Pure orchestration: the CLI and the app pass the pool (or anything that runs
 * jobs), the graph and the parsed log.
 */
import type { Communities } from '../analysis/communities.ts';
import type { JobInput, JobKind, JobOutput } from '../engine/jobs.ts';
import type { RunOptions } from '../engine/types.ts';
import type { Csr } from '../graph/types.ts';
import { type AttemptTally, mergeTallies } from './attempts.ts';
import type { Cascade, CascadeLog } from './cascade-log.ts';
import { type CommunityFit, fitCommunities } from './fit-communities.ts';
import { fitIc, type IcFit, icCounts } from './fit-ic.ts';
import {
  cumulativeMean,
  type KsTest,
  ksTwoSample,
  observedReachByStep,
  observedSizes,
  padCurve,
  sizeCdfs,
} from './goodness-of-fit.ts';
import type { CalibrationRuns, CalibrationRunsInput, FlatCascades, SeedSchedules } from './jobs.ts';

export type CalibrateBy = 'global' | 'community';
export const CALIBRATE_BY: readonly CalibrateBy[] = ['global', 'community'];

/** Anything that runs engine jobs: the EnginePool, or an in-thread runner in tests. */
export interface JobRunner {
  runJobs<K extends JobKind>(
    kind: K,
    inputs: readonly JobInput<K>[],
    options?: RunOptions,
  ): Promise<JobOutput<K>[]>;
  readonly size: number;
}

export interface CalibrateOptions {
  by: CalibrateBy;
  /** Simulated cascades for the goodness of fit, spread evenly over the observed ones (at least one each). */
  runs: number;
  rngSeed: number;
  /** Communities to use with by = community (else Louvain with rngSeed). */
  communities?: Communities;
}

export type CalibratePhase = 'fitting' | 'communities' | 'simulating';

export interface ModelComparison {
  model: 'ic' | 'ic-community' | 'wc' | 'lt';
  /** Free parameters fitted. */
  parameters: number;
  /** null: the data are impossible under this model (a term is log 0). */
  logLikelihood: number | null;
  /** Akaike's 2k - 2 log L (null with logLikelihood). */
  aic: number | null;
}

export interface CalibrationResult {
  ic: IcFit;
  community: (CommunityFit & { labels: Uint32Array; count: number; modularity: number }) | null;
  tally: AttemptTally;
  comparison: ModelComparison[];
  /** The model with the lowest AIC. */
  best: ModelComparison['model'];
  fit: {
    observedSizes: Uint32Array;
    simulatedSizes: Uint32Array;
    observedMeanSize: number;
    simulatedMeanSize: number;
    ks: KsTest;
    cdf: { size: number[]; observed: number[]; simulated: number[] };
    reachByStep: { observed: number[]; simulated: number[] };
    runsPerCascade: number;
    rejected: boolean;
    verdict: string;
  };
  seconds: { fit: number; simulate: number };
}

/** Target jobs per worker, so progress flows and cancelling is quick. */
const JOBS_PER_WORKER = 16;
const RUNS_PER_JOB = 2000;

/**
 * Adopters per part of the log tallied as one job: fixed, not from the number of workers, so the
 * floating-point sums of the tally are the same on any number of workers.
 */
const TALLY_PART_ADOPTERS = 50_000;

/** Consecutive cascades in parts of about `adopters` adopters each, flattened for the workers. */
export function splitCascades(cascades: readonly Cascade[], adopters: number): FlatCascades[] {
  const parts: FlatCascades[] = [];
  let from = 0;
  while (from < cascades.length) {
    let to = from;
    let total = 0;
    while (to < cascades.length && (to === from || total + cascades[to].nodes.length <= adopters)) {
      total += cascades[to].nodes.length;
      to++;
    }
    const offsets = new Uint32Array(to - from + 1);
    const nodes = new Uint32Array(total);
    const steps = new Uint32Array(total);
    for (let i = from; i < to; i++) {
      const at = offsets[i - from];
      nodes.set(cascades[i].nodes, at);
      steps.set(cascades[i].steps, at);
      offsets[i - from + 1] = at + cascades[i].nodes.length;
    }
    parts.push({ offsets, nodes, steps });
    from = to;
  }
  return parts;
}

export async function calibrate(
  runner: JobRunner,
  csr: Csr,
  log: CascadeLog,
  options: CalibrateOptions,
  run: RunOptions & { onPhase?: (phase: CalibratePhase) => void } = {},
): Promise<CalibrationResult> {
  const t0 = performance.now();
  let communities: Communities | null = null;
  if (options.by === 'community') {
    run.onPhase?.('communities');
    // Louvain runs on a worker (the app's page stays responsive), as the Communities tab runs it.
    communities =
      options.communities ??
      (await runner.runJobs('louvain', [{ rngSeed: options.rngSeed, resolution: 1 }], run))[0];
  }
  run.onPhase?.('fitting');
  const community = communities ? { labels: communities.community, count: communities.count } : null;
  const parts = splitCascades(log.cascades, TALLY_PART_ADOPTERS);
  const tallies = await runner.runJobs(
    'calibrationTally',
    parts.map((cascades) => ({ cascades, community })),
    run,
  );
  const tally = mergeTallies(tallies);
  const ic = fitIc(icCounts(tally));
  const byCommunity =
    communities && tally.byCommunity ? fitCommunities(tally.byCommunity, ic.estimate) : null;
  const comparison = compare(ic, byCommunity, tally);
  const best = comparison
    .filter((m) => m.aic !== null)
    .reduce((a, b) => ((b.aic as number) < (a.aic as number) ? b : a)).model;
  const fitSeconds = (performance.now() - t0) / 1000;

  run.onPhase?.('simulating');
  const t1 = performance.now();
  const n = log.cascades.length;
  const runsPer = Math.max(1, Math.ceil(options.runs / n));
  // Cascades per job: enough jobs for every worker, and at most about RUNS_PER_JOB runs in each.
  const perJob = Math.max(
    1,
    Math.min(Math.ceil(n / (runner.size * JOBS_PER_WORKER)), Math.floor(RUNS_PER_JOB / runsPer)),
  );
  const fitted =
    communities && byCommunity
      ? {
          labels: communities.community,
          p: byCommunity.communities.map((c) => c.estimate ?? ic.estimate),
        }
      : null;
  const inputs: CalibrationRunsInput[] = [];
  for (let first = 0; first < n; first += perJob) {
    inputs.push({
      p: ic.estimate,
      community: fitted,
      schedules: seedSchedules(csr, log.cascades.slice(first, first + perJob)),
      firstCascade: first,
      runsPer,
      rngSeed: options.rngSeed,
    });
  }
  const outputs: CalibrationRuns[] = await runner.runJobs('calibrationRuns', inputs, run);
  const simulatedSizes = new Uint32Array(n * runsPer);
  let stepSums: number[] = [];
  outputs.forEach((o, k) => {
    simulatedSizes.set(o.sizes, inputs[k].firstCascade * runsPer);
    for (let t = 0; t < o.stepSums.length; t++) stepSums[t] = (stepSums[t] ?? 0) + o.stepSums[t];
  });
  stepSums = Array.from(stepSums, (x) => x ?? 0);
  const observed = observedSizes(log.cascades);
  const simulatedSorted = Uint32Array.from(simulatedSizes).sort();
  const ks = ksTwoSample(observed, simulatedSorted);
  const observedCurve = observedReachByStep(log.cascades);
  const simulatedCurve = cumulativeMean(stepSums, n * runsPer);
  const steps = Math.max(observedCurve.length, simulatedCurve.length);
  const mean = (xs: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += xs[i];
    return s / xs.length;
  };
  const observedMeanSize = mean(observed);
  const simulatedMeanSize = mean(simulatedSizes);
  const rejected = ks.pValue < 0.05;
  return {
    ic,
    community:
      byCommunity && communities
        ? {
            ...byCommunity,
            labels: communities.community,
            count: communities.count,
            modularity: communities.modularity,
          }
        : null,
    tally,
    comparison,
    best,
    fit: {
      observedSizes: observed,
      simulatedSizes,
      observedMeanSize,
      simulatedMeanSize,
      ks,
      cdf: sizeCdfs(observed, simulatedSorted),
      reachByStep: { observed: padCurve(observedCurve, steps), simulated: padCurve(simulatedCurve, steps) },
      runsPerCascade: runsPer,
      rejected,
      verdict: verdict(rejected, ks, observedMeanSize, simulatedMeanSize),
    },
    seconds: { fit: fitSeconds, simulate: (performance.now() - t1) / 1000 },
  };
}

function verdict(rejected: boolean, ks: KsTest, observed: number, simulated: number): string {
  const d = ks.statistic.toFixed(3);
  const p = ks.pValue < 0.001 ? '< 0.001' : `= ${ks.pValue.toFixed(3)}`;
  const sizes = `observed cascades average ${observed.toFixed(2)} accounts, simulated ones ${simulated.toFixed(2)}`;
  return rejected
    ? `The data reject the fitted model: the sizes of the observed cascades do not look like cascades of this model (KS D = ${d}, p ${p}; ${sizes}). Use its p with caution: the spread follows another mechanism (a threshold, outside pushes, time effects).`
    : `The data do not reject the fitted model: simulated cascade sizes match the observed ones (KS D = ${d}, p ${p}; ${sizes}).`;
}

function compare(ic: IcFit, community: CommunityFit | null, tally: AttemptTally): ModelComparison[] {
  const row = (model: ModelComparison['model'], parameters: number, ll: number): ModelComparison => {
    const finite = Number.isFinite(ll);
    return {
      model,
      parameters,
      logLikelihood: finite ? ll : null,
      aic: finite ? 2 * parameters - 2 * ll : null,
    };
  };
  const rows = [row('ic', 1, ic.logLikelihood)];
  if (community)
    rows.push(
      row(
        'ic-community',
        community.communities.filter((c) => c.estimate !== null).length,
        community.logLikelihood,
      ),
    );
  rows.push(row('wc', 0, tally.wcLogLikelihood), row('lt', 0, tally.ltLogLikelihood));
  return rows;
}

/**
 * The seeds to replay each cascade from: its first adopters at step 0, and every later adopter
 * that no adopter of the step before could reach (an outside start) at its own step.
 */
export function seedSchedules(csr: Csr, cascades: readonly Cascade[]): SeedSchedules {
  const offsets = [0];
  const nodes: number[] = [];
  const starts: number[] = [];
  const stepOf = new Map<number, number>();
  for (const c of cascades) {
    stepOf.clear();
    for (let i = 0; i < c.nodes.length; i++) stepOf.set(c.nodes[i], c.steps[i]);
    for (let i = 0; i < c.nodes.length; i++) {
      const v = c.nodes[i];
      const s = c.steps[i];
      let outside = s === 0;
      if (!outside) {
        outside = true;
        for (let k = csr.inOffsets[v]; k < csr.inOffsets[v + 1]; k++)
          if (stepOf.get(csr.inSources[k]) === s - 1) {
            outside = false;
            break;
          }
      }
      if (outside) {
        nodes.push(v);
        starts.push(s);
      }
    }
    offsets.push(nodes.length);
  }
  return {
    offsets: Uint32Array.from(offsets),
    nodes: Uint32Array.from(nodes),
    starts: Uint32Array.from(starts),
  };
}
