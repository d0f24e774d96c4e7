/**
 * Monte Carlo statistics. Shards hold per-run integers, so merging is exact and the summary of a
 * scenario is the same bit for bit however its runs were split over workers.
 */
import type { HistogramBin, ShardResult, SimulationSummary } from './types.ts';

/** Concatenate shards of one scenario in run order; they must tile [first, first + runs) exactly. */
export function mergeShards(shards: ShardResult[]): ShardResult {
  if (shards.length === 0) throw new Error('mergeShards: no shards');
  const sorted = [...shards].sort((a, b) => a.firstRun - b.firstRun);
  const firstRun = sorted[0].firstRun;
  let runCount = 0;
  let hopLength = 0;
  let stepLength = 0;
  for (const s of sorted) {
    if (s.firstRun !== firstRun + runCount) {
      throw new Error(`mergeShards: runs ${firstRun + runCount}..${s.firstRun - 1} are missing or repeated`);
    }
    runCount += s.runCount;
    hopLength = Math.max(hopLength, s.hopCounts.length);
    stepLength = Math.max(stepLength, s.stepCounts.length);
  }
  const sizes = new Uint32Array(runCount);
  const exposed = new Uint32Array(runCount);
  const hopCounts = new Float64Array(hopLength);
  const stepCounts = new Float64Array(stepLength);
  let arcsExamined = 0;
  let trace = null;
  for (const s of sorted) {
    sizes.set(s.sizes, s.firstRun - firstRun);
    exposed.set(s.exposed, s.firstRun - firstRun);
    s.hopCounts.forEach((c, h) => {
      hopCounts[h] += c;
    });
    s.stepCounts.forEach((c, t) => {
      stepCounts[t] += c;
    });
    arcsExamined += s.arcsExamined;
    trace ??= s.trace;
  }
  return { firstRun, runCount, sizes, exposed, hopCounts, stepCounts, arcsExamined, trace };
}

/** At most this many histogram bins; sizes are integers so narrow ranges get one bin per size. */
export const HISTOGRAM_BINS = 40;

export function summarize(result: ShardResult): SimulationSummary {
  const runs = result.runCount;
  const sizes = result.sizes;
  let sum = 0;
  let exposedSum = 0;
  for (let i = 0; i < runs; i++) {
    sum += sizes[i];
    exposedSum += result.exposed[i];
  }
  const mean = runs > 0 ? sum / runs : 0;
  let squares = 0;
  for (let i = 0; i < runs; i++) squares += (sizes[i] - mean) ** 2;
  const std = runs > 1 ? Math.sqrt(squares / (runs - 1)) : 0;
  const half = runs > 0 ? (1.959963984540054 * std) / Math.sqrt(runs) : 0;
  const sorted = Uint32Array.from(sizes).sort();
  return {
    runs,
    mean,
    std,
    ci95: [mean - half, mean + half],
    exposed: runs > 0 ? exposedSum / runs : 0,
    reachByHop: cumulativeMeans(result.hopCounts, runs),
    adoptionByStep: cumulativeMeans(result.stepCounts, runs),
    sizes: {
      min: runs > 0 ? sorted[0] : 0,
      max: runs > 0 ? sorted[runs - 1] : 0,
      median: runs > 0 ? median(sorted) : 0,
      histogram: histogram(sorted),
    },
  };
}

function cumulativeMeans(counts: Float64Array, runs: number): number[] {
  const out: number[] = [];
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    total += counts[i];
    out.push(runs > 0 ? total / runs : 0);
  }
  return out;
}

function median(sorted: Uint32Array): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

/** Equal-width integer bins from the smallest to the largest cascade; bimodal runs show two humps. */
export function histogram(sorted: Uint32Array): HistogramBin[] {
  if (sorted.length === 0) return [];
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const width = Math.max(1, Math.ceil((max - min + 1) / HISTOGRAM_BINS));
  const bins: HistogramBin[] = [];
  for (let from = min; from <= max; from += width)
    bins.push({ from, to: Math.min(max, from + width - 1), count: 0 });
  for (const s of sorted) bins[Math.floor((s - min) / width)].count++;
  return bins;
}
