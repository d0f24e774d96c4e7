/**
 * Monte Carlo statistics. Shards hold per-run integers, so merging is exact and the summary of a
 * scenario is the same bit for bit however its runs were split over workers.
 */
import {
  type HistogramBin,
  type ShardResult,
  type SimulationSummary,
  VIA_GROUP,
  VIA_KINDS,
  VIA_STRONG,
  VIA_WEAK,
} from './types.ts';

/** Concatenate shards of one scenario in run order; they must tile [first, first + runs) exactly. */
export function mergeShards(shards: ShardResult[]): ShardResult {
  if (shards.length === 0) throw new Error('mergeShards: no shards');
  const sorted = [...shards].sort((a, b) => a.firstRun - b.firstRun);
  const firstRun = sorted[0].firstRun;
  let runCount = 0;
  let hopLength = 0;
  let stepLength = 0;
  let counted = sorted.every((s) => s.nodeCounts !== null);
  for (const s of sorted) {
    if (s.firstRun !== firstRun + runCount) {
      throw new Error(`mergeShards: runs ${firstRun + runCount}..${s.firstRun - 1} are missing or repeated`);
    }
    runCount += s.runCount;
    hopLength = Math.max(hopLength, s.hopCounts.length);
    stepLength = Math.max(stepLength, s.stepCounts.length, s.stepSquares.length);
  }
  const sizes = new Uint32Array(runCount);
  const exposed = new Uint32Array(runCount);
  const lastSteps = new Uint32Array(runCount);
  const hopCounts = new Float64Array(hopLength);
  const stepCounts = new Float64Array(stepLength);
  const stepSquares = new Float64Array(stepLength);
  const n = counted ? (sorted[0].nodeCounts as Uint32Array).length : 0;
  counted &&= sorted.every((s) => s.nodeCounts?.length === n);
  const nodeCounts = counted ? new Uint32Array(n) : null;
  let arcsExamined = 0;
  let trace = null;
  const via = sorted.every((s) => s.via) ? new Uint32Array(VIA_KINDS * runCount) : null;
  for (const s of sorted) {
    if (via && s.via) via.set(s.via, VIA_KINDS * (s.firstRun - firstRun));
    sizes.set(s.sizes, s.firstRun - firstRun);
    exposed.set(s.exposed, s.firstRun - firstRun);
    lastSteps.set(s.lastSteps, s.firstRun - firstRun);
    s.stepSquares.forEach((c, t) => {
      stepSquares[t] += c;
    });
    if (nodeCounts) {
      const counts = s.nodeCounts as Uint32Array;
      for (let v = 0; v < n; v++) nodeCounts[v] += counts[v];
    }
    s.hopCounts.forEach((c, h) => {
      hopCounts[h] += c;
    });
    s.stepCounts.forEach((c, t) => {
      stepCounts[t] += c;
    });
    arcsExamined += s.arcsExamined;
    trace ??= s.trace;
  }
  return {
    firstRun,
    runCount,
    sizes,
    exposed,
    hopCounts,
    stepCounts,
    lastSteps,
    stepSquares,
    nodeCounts,
    arcsExamined,
    trace,
    ...(via ? { via } : {}),
  };
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
  const half = runs > 0 ? (Z95 * std) / Math.sqrt(runs) : 0;
  const adoptionByStep = cumulativeMeans(result.stepCounts, runs);
  const sorted = Uint32Array.from(sizes).sort();
  const via = result.via ? viaMeans(result.via, runs) : null;
  return {
    runs,
    mean,
    std,
    ci95: [mean - half, mean + half],
    exposed: runs > 0 ? exposedSum / runs : 0,
    reachByHop: cumulativeMeans(result.hopCounts, runs),
    adoptionByStep,
    adoptionByStepCi95: adoptionBand(result, adoptionByStep),
    sizes: {
      min: runs > 0 ? sorted[0] : 0,
      max: runs > 0 ? sorted[runs - 1] : 0,
      median: runs > 0 ? median(sorted) : 0,
      histogram: histogram(sorted),
    },
    ...(via ? { via } : {}),
  };
}

/** Mean adoptions per run by what carried them (seeds excluded). */
function viaMeans(via: Uint32Array, runs: number): { strong: number; weak: number; group: number } {
  const sum = [0, 0, 0];
  for (let i = 0; i < via.length; i++) sum[i % VIA_KINDS] += via[i];
  const mean = (kind: number) => (runs > 0 ? sum[kind] / runs : 0);
  return { strong: mean(VIA_STRONG), weak: mean(VIA_WEAK), group: mean(VIA_GROUP) };
}

/** The normal quantile of a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * 95% CI of the mean adoption curve at every step. A run contributes A_r(t)^2 to stepSquares up
 * to its last step and its final size squared after it (its curve is flat from there).
 */
function adoptionBand(result: ShardResult, means: number[]): [number, number][] {
  const runs = result.runCount;
  const steps = means.length;
  // flatSquares[t] = sum of size^2 over runs that ended before step t.
  const endedAt = new Float64Array(steps + 1);
  for (let i = 0; i < runs; i++) {
    const after = result.lastSteps[i] + 1;
    if (after < steps) endedAt[after] += result.sizes[i] * result.sizes[i];
  }
  const band: [number, number][] = [];
  let flat = 0;
  for (let t = 0; t < steps; t++) {
    flat += endedAt[t];
    const meanSquare = ((t < result.stepSquares.length ? result.stepSquares[t] : 0) + flat) / runs;
    const variance = runs > 1 ? Math.max(0, ((meanSquare - means[t] ** 2) * runs) / (runs - 1)) : 0;
    const half = runs > 0 ? (Z95 * Math.sqrt(variance)) / Math.sqrt(runs) : 0;
    band.push([means[t] - half, means[t] + half]);
  }
  return band;
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
