/**
 * Calibration jobs for the engine workers (registered with src/engine/jobs.ts):
 *   calibrationRuns   replay observed cascades with a fitted model: cascade i (its first adopters
 *                     at step 0, outside starts at their steps) is simulated `runsPer` times, run
 *                     r = i * runsPer + j using the stream (rngSeed, r), so results never depend
 *                     on how cascades are split over jobs and workers.
 * The fitted model is one p, or one p per community of the attempter (per-arc probabilities).
 */
import { createSimulator, type Simulator } from '../diffusion/simulator.ts';
import type { ModelParams, SeedGroup } from '../diffusion/types.ts';
import { registerJobs } from '../engine/jobs.ts';
import type { JobContext } from '../engine/types.ts';
import { type AttemptTally, tallyAttempts } from './attempts.ts';

/** Seed schedules of a run of cascades, flattened: cascade i has entries [offsets[i], offsets[i+1]). */
export interface SeedSchedules {
  offsets: Uint32Array;
  nodes: Uint32Array;
  starts: Uint32Array;
}

export interface CalibrationRunsInput {
  /** One global p (community null), or p per community of the attempter. */
  p: number;
  community: { labels: Uint32Array; p: number[] } | null;
  schedules: SeedSchedules;
  /** Global index of the first cascade in `schedules`. */
  firstCascade: number;
  runsPer: number;
  rngSeed: number;
}

export interface CalibrationRuns {
  /** Size of every run, cascade by cascade. */
  sizes: Uint32Array;
  /** Sum over runs of the accounts activated at each step. */
  stepSums: Float64Array;
}

function simulator(ctx: JobContext, input: CalibrationRunsInput): Simulator {
  const key = `calibration:${input.p}:${input.community ? `${input.community.p.join(',')}:${checksum(input.community.labels)}` : ''}`;
  let sim = ctx.cache.get(key) as Simulator | undefined;
  if (sim) return sim;
  const params: ModelParams = { model: 'ic', p: input.p, gamma: 0, phi: 0, maxSteps: null };
  if (input.community) {
    const { labels, p } = input.community;
    const csr = ctx.csr;
    const values = new Float64Array(csr.arcs);
    for (let u = 0; u < csr.n; u++) values.fill(p[labels[u]], csr.outOffsets[u], csr.outOffsets[u + 1]);
    sim = createSimulator(
      { ...csr, outValues: values, inValues: null, values: 'probability' },
      { ...params, p: null },
    );
  } else sim = createSimulator(ctx.csr, params);
  ctx.cache.set(key, sim);
  return sim;
}

/** A cheap fingerprint of community labels, so a cached simulator never serves other labels. */
function checksum(labels: Uint32Array): number {
  let h = labels.length;
  for (let v = 0; v < labels.length; v++) h = (Math.imul(h, 31) + labels[v]) | 0;
  return h >>> 0;
}

export function calibrationRuns(ctx: JobContext, input: CalibrationRunsInput): CalibrationRuns {
  const sim = simulator(ctx, input);
  const { offsets, nodes, starts } = input.schedules;
  const count = offsets.length - 1;
  const sizes = new Uint32Array(count * input.runsPer);
  let stepSums = new Float64Array(0);
  for (let i = 0; i < count; i++) {
    const byStart = new Map<number, number[]>();
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const group = byStart.get(starts[e]);
      if (group) group.push(nodes[e]);
      else byStart.set(starts[e], [nodes[e]]);
    }
    const groups: SeedGroup[] = [...byStart].map(([start, members]) => ({ nodes: members, start }));
    const shard = sim.runShard({
      seeds: { kind: 'groups', groups },
      rngSeed: input.rngSeed,
      firstRun: (input.firstCascade + i) * input.runsPer,
      runCount: input.runsPer,
      traceRun: null,
    });
    sizes.set(shard.sizes, i * input.runsPer);
    if (shard.stepCounts.length > stepSums.length) {
      const grown = new Float64Array(shard.stepCounts.length);
      grown.set(stepSums);
      stepSums = grown;
    }
    for (let t = 0; t < shard.stepCounts.length; t++) stepSums[t] += shard.stepCounts[t];
  }
  return { sizes, stepSums };
}

/** Consecutive cascades, flattened: cascade i has adopters [offsets[i], offsets[i+1]), by step. */
export interface FlatCascades {
  offsets: Uint32Array;
  nodes: Uint32Array;
  steps: Uint32Array;
}

export interface CalibrationTallyInput {
  cascades: FlatCascades;
  community: { labels: Uint32Array; count: number } | null;
}

/** The attempt tally of a part of the log (attempts.ts); the parts merge with mergeTallies. */
export function calibrationTally(ctx: JobContext, input: CalibrationTallyInput): AttemptTally {
  const { offsets, nodes, steps } = input.cascades;
  const cascades = [];
  for (let i = 0; i + 1 < offsets.length; i++)
    cascades.push({
      nodes: nodes.subarray(offsets[i], offsets[i + 1]),
      steps: steps.subarray(offsets[i], offsets[i + 1]),
    });
  return tallyAttempts(ctx.csr, cascades, input.community);
}

export const calibrationJobs = { calibrationRuns, calibrationTally };
registerJobs(calibrationJobs);
type CalibrationJobs = typeof calibrationJobs;
declare module '../engine/jobs.ts' {
  interface JobTypes extends CalibrationJobs {}
}
