/**
 * The tipping-point sweep: Monte Carlo at every point of a grid of spread probabilities, seed
 * counts or adoption thresholds; the critical point detected from where global cascades set in
 * (detect.ts); points added around it and the detection repeated until the bracket is narrow;
 * the theoretical threshold beside it (theory.ts); and, for seed-count sweeps with a target, the
 * fewest seeds reaching the target share (fewest-seeds.ts).
 *
 * Runs on any SimulationBackend (the Node or browser EnginePool, or the in-process backend), one
 * point at a time so each point uses every worker. Progress is one bar over the whole sweep;
 * the AbortSignal cancels between and within points.
 */

import { AbortError } from '../../engine/pool.ts';
import type { Csr } from '../../graph/types.ts';
import { detectCritical } from './detect.ts';
import { fewestSeeds } from './fewest-seeds.ts';
import { gridPoints, paramsAt, pointSeed, pointsBetween, seedsAt, validateTipping } from './plan.ts';
import { pointStats } from './point-stats.ts';
import { theoryFor } from './theory.ts';
import {
  type CurvePoint,
  REFINE_DEFAULTS,
  type SimulationBackend,
  type SweepRunOptions,
  type TippingOptions,
  type TippingResult,
} from './types.ts';

export async function tippingSweep(
  backend: SimulationBackend,
  csr: Csr,
  options: TippingOptions,
  run: SweepRunOptions = {},
): Promise<TippingResult> {
  validateTipping(options, csr.n);
  const { vary, runs, params } = options;
  const refine = { ...REFINE_DEFAULTS, ...options.refine };
  const grid = gridPoints(vary, options.from, options.to, options.steps);
  const spacing = (options.to - options.from) / Math.max(1, options.steps - 1);
  const minWidth = vary === 'k' ? 2 : refine.minSpacing * spacing;
  const resolution = vary === 'k' ? 0 : spacing / 4;

  // One progress bar over the sweep: the plan counts the grid and the refinement budget, and
  // grows if the seed search needs more points.
  let planned = (grid.length + 2 * refine.rounds) * runs;
  let finished = 0;
  const started = Date.now();
  const report = (current: number) => {
    const done = finished + current;
    planned = Math.max(planned, done);
    const elapsedMs = Date.now() - started;
    run.onProgress?.({
      done,
      total: planned,
      elapsedMs,
      etaMs: done > 0 ? (elapsedMs / done) * (planned - done) : null,
    });
  };

  const points = new Map<number, CurvePoint>();
  const evaluate = async (x: number, refined: boolean): Promise<CurvePoint> => {
    const known = points.get(x);
    if (known) return known;
    if (run.signal?.aborted) throw new AbortError();
    planned = Math.max(planned, finished + runs);
    const result = await backend.simulate(
      {
        params: paramsAt(params, vary, x),
        seeds: seedsAt(options, x),
        runs,
        rngSeed: pointSeed(options.rngSeed, x),
        traceRun: null,
      },
      { signal: run.signal, onProgress: (p) => report(p.done) },
    );
    finished += runs;
    report(0);
    const point = pointStats(x, result.sizes, csr.n, refined);
    points.set(x, point);
    return point;
  };
  const curve = () => [...points.values()].sort((a, b) => a.x - b.x);

  for (const x of grid) await evaluate(x, false);
  let detection = detectCritical(curve(), vary, resolution);
  let rounds = 0;
  while (rounds < refine.rounds && detection.signal) {
    const added = detection.signal.intervals
      .flatMap(({ a, b, parts }) => pointsBetween(vary, a, b, parts, minWidth))
      .filter((x) => !points.has(x));
    if (added.length === 0) break;
    rounds++;
    for (const x of added) await evaluate(x, true);
    detection = detectCritical(curve(), vary, resolution);
  }
  // The refinement budget not used leaves the plan.
  planned = Math.max(finished, planned - 2 * (refine.rounds - rounds) * runs);

  let seedsFound = null;
  if (vary === 'k' && options.target !== undefined && options.target !== null) {
    const maxK = options.kSeeds?.kind === 'top' ? Math.min(csr.n, options.kSeeds.order.length) : csr.n;
    seedsFound = await fewestSeeds((k) => evaluate(k, false), curve(), options.target, csr.n, maxK);
  }
  planned = finished;
  report(0);

  const { theory, detail } = theoryFor(csr, vary, params);
  const { signal: _signal, ...found } = detection;
  const gridAndRefined = curve().filter((c) => c.x >= options.from && c.x <= options.to);
  return {
    vary,
    params,
    nodes: csr.n,
    curve: gridAndRefined,
    critical: found.critical,
    theory,
    theoryDetail: detail,
    detection: found,
    pointsEvaluated: points.size,
    runsTotal: points.size * runs,
    refinementRounds: rounds,
    fewestSeeds: seedsFound,
  };
}
