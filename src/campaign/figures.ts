/**
 * Campaign figures per Monte Carlo run, from the accounts a run activated (its reached set R):
 *   reach        |R|, seeds included
 *   exposure     |R ∪ out-neighbours(R)|: every account that saw the content at least once
 *                (activated, or following an activated account), adopted or not
 *   impressions  the sum of out-degree over R: each reached account's post shown once to each of
 *                its followers (counted per post view, so an account following three reached
 *                accounts counts three times)
 * Conversions, costs per result, ROI and ad-equivalent value are linear in these, so their means
 * and intervals follow from the per-run values (summary below). Run r uses the random stream
 * (rngSeed, r) as every simulation does, so the figures never depend on how runs were split.
 */
import { createSimulator, type Simulator } from '../diffusion/simulator.ts';
import { Z95 } from '../diffusion/summary.ts';
import type { ModelParams, SeedGroup } from '../diffusion/types.ts';
import type { Csr } from '../graph/types.ts';

export interface CampaignRuns {
  firstRun: number;
  reach: Uint32Array;
  exposure: Uint32Array;
  impressions: Float64Array;
}

export interface CampaignMeter {
  /** Runs [firstRun, firstRun + runCount) of seed groups `groups` (start steps allowed). */
  runs(groups: SeedGroup[], rngSeed: number, firstRun: number, runCount: number): CampaignRuns;
}

export function createCampaignMeter(csr: Csr, params: ModelParams, sim?: Simulator): CampaignMeter {
  const simulator = sim ?? createSimulator(csr, params);
  const mark = new Uint32Array(csr.n);
  let stamp = 0;
  const { outOffsets, outTargets } = csr;
  return {
    runs(groups, rngSeed, firstRun, runCount) {
      const reach = new Uint32Array(runCount);
      const exposure = new Uint32Array(runCount);
      const impressions = new Float64Array(runCount);
      simulator.runShard(
        { seeds: { kind: 'groups', groups }, rngSeed, firstRun, runCount, traceRun: null },
        (run, active, count) => {
          const i = run - firstRun;
          stamp++;
          if (stamp === 0xffffffff) {
            mark.fill(0);
            stamp = 1;
          }
          let seen = 0;
          let shown = 0;
          for (let j = 0; j < count; j++) {
            const u = active[j];
            if (mark[u] !== stamp) {
              mark[u] = stamp;
              seen++;
            }
          }
          for (let j = 0; j < count; j++) {
            const u = active[j];
            const end = outOffsets[u + 1];
            shown += end - outOffsets[u];
            for (let k = outOffsets[u]; k < end; k++) {
              const w = outTargets[k];
              if (mark[w] !== stamp) {
                mark[w] = stamp;
                seen++;
              }
            }
          }
          reach[i] = count;
          exposure[i] = seen;
          impressions[i] = shown;
        },
      );
      return { firstRun, reach, exposure, impressions };
    },
  };
}

/** Concatenate shards of runs in run order (they must tile one range). */
export function mergeCampaignRuns(parts: CampaignRuns[]): CampaignRuns {
  const sorted = [...parts].sort((a, b) => a.firstRun - b.firstRun);
  const total = sorted.reduce((s, p) => s + p.reach.length, 0);
  const out: CampaignRuns = {
    firstRun: sorted[0]?.firstRun ?? 0,
    reach: new Uint32Array(total),
    exposure: new Uint32Array(total),
    impressions: new Float64Array(total),
  };
  let at = 0;
  for (const p of sorted) {
    if (p.firstRun !== out.firstRun + at) throw new Error('campaign runs: shards do not tile the runs');
    out.reach.set(p.reach, at);
    out.exposure.set(p.exposure, at);
    out.impressions.set(p.impressions, at);
    at += p.reach.length;
  }
  return out;
}

/** A mean with its normal 95% interval over runs. */
export interface Estimate {
  mean: number;
  ci95: [number, number];
}

/** Mean and 95% interval of scale x values (the interval of the mean, normal approximation). */
export function estimate(values: ArrayLike<number>, scale = 1): Estimate {
  const runs = values.length;
  if (runs === 0) return { mean: 0, ci95: [0, 0] };
  let sum = 0;
  for (let i = 0; i < runs; i++) sum += values[i];
  const mean = sum / runs;
  let squares = 0;
  for (let i = 0; i < runs; i++) squares += (values[i] - mean) ** 2;
  const std = runs > 1 ? Math.sqrt(squares / (runs - 1)) : 0;
  const half = (Z95 * std) / Math.sqrt(runs);
  return { mean: scale * mean, ci95: [scale * (mean - half), scale * (mean + half)] };
}

/** cost / X with its interval from X's (null unless X's interval lies above 0). */
export function costPer(cost: number, of: Estimate): Estimate | null {
  const [lo, hi] = of.ci95;
  if (!(lo > 0)) return null;
  return { mean: cost / of.mean, ci95: [cost / hi, cost / lo] };
}
