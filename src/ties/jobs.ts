/**
 * Tie jobs for the engine workers (registered with the engine, src/engine/jobs.ts), so the app
 * never classifies ties or runs the removal experiment on the main thread:
 *   tieKinds      every arc's kind (strong or weak under the rule, between Louvain communities,
 *                 splitting a component) with the counts `ripple ties` prints; seconds on
 *                 soc-Slashdot0902, once per graph and rule
 *   removalPoint  one point of the weak-tie experiment (removal.ts): one order, one share removed,
 *                 the largest component and the mean reach of ic on the reduced graph
 * Both are deterministic in their input, so the app shows the numbers `ripple ties` prints for
 * the same options (run r of a point uses the random stream (rngSeed, r), whoever runs it).
 */
import { createSimulator } from '../diffusion/simulator.ts';
import { summarize } from '../diffusion/summary.ts';
import type { ModelParams, SeedPlan } from '../diffusion/types.ts';
import { cached, registerJobs } from '../engine/jobs.ts';
import type { JobContext } from '../engine/types.ts';
import { parseStrongBy, type StrongBy } from '../graph/ties.ts';
import { type RemovalPoint, removalPoint, type Tie, tiesByStrength } from './removal.ts';
import { type TiesNote, tiesNote, tieTables } from './summary.ts';

/** Bits of TieKindsOutput.kinds. */
export const KIND_STRONG = 1;
export const KIND_BETWEEN = 2;
export const KIND_SPLITTING = 4;

export interface TieKindsInput {
  strongBy: string;
  /** Louvain's random seed and resolution (the bridges between communities). */
  rngSeed: number;
  resolution: number;
}

export interface TieKindsOutput {
  /** Per out-arc (aligned with outTargets): KIND_STRONG | KIND_BETWEEN | KIND_SPLITTING bits. */
  kinds: Uint8Array;
  arcs: number;
  mutualPairs: number;
  strong: number;
  weak: number;
  between: number;
  splitting: number;
  communities: number;
  /** Between-community arcs that are weak. */
  weakBetween: number;
  note: TiesNote | null;
}

export interface RemovalPointInput {
  strongBy: string;
  /** Seeds the shuffle of equal strengths and the cascades. */
  rngSeed: number;
  order: 'weakFirst' | 'strongFirst';
  index: number;
  steps: number;
  /** The cascade (ic with p); null: only the largest component. */
  reach: { params: ModelParams; seeds: SeedPlan; runs: number } | null;
}

function rule(text: string): StrongBy {
  const by = parseStrongBy(text);
  if ('error' in by) throw new Error(`strong-by: ${by.error}`);
  return by;
}

export const tieJobs = {
  tieKinds(ctx: JobContext, input: TieKindsInput): TieKindsOutput {
    const { csr } = ctx;
    const by = rule(input.strongBy);
    const t = tieTables(csr, by, { rngSeed: input.rngSeed, resolution: input.resolution });
    const kinds = new Uint8Array(csr.arcs);
    let mutual = 0;
    let strong = 0;
    let between = 0;
    let splitting = 0;
    let weakBetween = 0;
    for (let u = 0; u < csr.n; u++) {
      for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) {
        const across = t.community[u] !== t.community[csr.outTargets[k]];
        kinds[k] =
          (t.strong[k] ? KIND_STRONG : 0) |
          (across ? KIND_BETWEEN : 0) |
          (t.splitting[k] ? KIND_SPLITTING : 0);
        mutual += t.mutual[k];
        strong += t.strong[k];
        splitting += t.splitting[k];
        if (across) {
          between++;
          if (!t.strong[k]) weakBetween++;
        }
      }
    }
    return {
      kinds,
      arcs: csr.arcs,
      mutualPairs: mutual / 2,
      strong,
      weak: csr.arcs - strong,
      between,
      splitting,
      communities: t.communities,
      weakBetween,
      note: tiesNote(csr, by, mutual),
    };
  },

  removalPoint(ctx: JobContext, input: RemovalPointInput): { point: RemovalPoint; ties: number } {
    const { csr } = ctx;
    const key = `ties:order:${input.strongBy}:${input.rngSeed}`;
    const weakFirst = cached(ctx, key, () => tiesByStrength(csr, rule(input.strongBy), input.rngSeed));
    const order: readonly Tie[] =
      input.order === 'weakFirst'
        ? weakFirst
        : cached(ctx, `${key}:reversed`, () => [...weakFirst].reverse());
    const { reduced, ...point } = removalPoint(csr, order, input.index, input.steps);
    if (!input.reach) return { point: { ...point, reach: null }, ties: order.length };
    const { params, seeds, runs } = input.reach;
    const shard = createSimulator(reduced(), params).runShard({
      seeds,
      rngSeed: input.rngSeed,
      firstRun: 0,
      runCount: runs,
      traceRun: null,
    });
    const s = summarize(shard);
    return { point: { ...point, reach: { mean: s.mean, ci95: s.ci95 } }, ties: order.length };
  },
};
registerJobs(tieJobs);
type TieJobs = typeof tieJobs;
declare module '../engine/jobs.ts' {
  interface JobTypes extends TieJobs {}
}
