/**
 * Crisis watch end to end on any EnginePool: `watchMonitors` (where to listen) and
 * `containRumour` (whom to reach), used by `ripple watch` / `ripple contain`. Stories and worlds
 * used to choose come from one random stream, the figures reported from another, so the figures
 * are not flattered by the choice. Results never depend on the number of workers.
 */
import { pagerank } from '../analysis/centrality/pagerank.ts';
import { type Estimate, estimate } from '../campaign/figures.ts';
import type { EnginePool, Progress, RunOptions } from '../engine/pool.ts';
import type { Csr } from '../graph/types.ts';
import { randomSeeds, topK } from '../seeding/baselines.ts';
import { maxCoverage, phaseSeed } from '../seeding/imm.ts';
import { RrCollection, type RrParams } from '../seeding/rr-sets.ts';
import type { BallBatch } from './contain.ts';
import { mergeStories, type Stories } from './stories.ts';
import { chooseMonitors, type StoryOutcomes, WATCH_OBJECTIVES, type WatchObjective } from './watch.ts';

export const WATCH_DEFAULTS = { objective: 'detect', runs: 10_000 } as const;
export const CONTAIN_DEFAULTS = { runs: 2000, delay: 1 } as const;

export interface CrisisRun {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  onPhase?: (phase: string) => void;
}

/** Split [0, count) into jobs of about `per`, at least a few per worker. */
function chunks(count: number, workers: number, per = 500): [number, number][] {
  const size = Math.max(1, Math.min(per, Math.ceil(count / (4 * workers))));
  const out: [number, number][] = [];
  for (let at = 0; at < count; at += size) out.push([at, Math.min(size, count - at)]);
  return out;
}

export interface WatchOptions {
  rr: RrParams;
  /** Monitors to choose, or (with costs) the most the budget allows. */
  k: number;
  /** Monitors under a budget: cost per account (the planner's cost model) and the budget. */
  costs?: Float64Array | null;
  budget?: number | null;
  objective?: WatchObjective;
  /** Steps a story may spread (null: until it dies out). */
  horizon?: number | null;
  /** Stories to choose on, and fresh stories to measure on. */
  runs?: number;
  rngSeed: number;
  /** Source weights per account (null: uniform). */
  weights?: Float64Array | null;
}

export interface WatchFigures {
  monitors: number[];
  detect: Estimate;
  time: Estimate;
  affected: Estimate;
  /** P(detected) of the first k monitors, k = 1..K. */
  detectionCurve: number[];
}

export interface WatchResult extends WatchFigures {
  objective: WatchObjective;
  /** What the monitors cost (under a budget), else null. */
  cost: number | null;
  /** Steps counted for an undetected story (time). */
  horizon: number;
  /** The online bound: the choice is at least this share of the best possible (on the sample). */
  ofBest: number;
  /** Mean penalty reduction on the choosing sample, and its upper bound. */
  reduction: number;
  bound: number;
  baselines: ({ name: 'degree' | 'pagerank' | 'random' } & WatchFigures)[];
  runs: number;
}

/** PageRank along the reach direction: accounts that hear from well-heard accounts. */
function listeningRank(csr: Csr): Float64Array {
  return pagerank({
    ...csr,
    outOffsets: csr.inOffsets,
    outTargets: csr.inSources,
    inOffsets: csr.outOffsets,
    inSources: csr.outTargets,
    outValues: csr.inValues,
    inValues: csr.outValues,
  });
}

/** The k best accounts by score (ties: lower index), seeding's topK over a score function. */
function topBy(score: (v: number) => number, n: number, k: number): number[] {
  return topK(
    Float64Array.from({ length: n }, (_, v) => score(v)),
    k,
  );
}

export async function watchMonitors(
  pool: EnginePool,
  csr: Csr,
  options: WatchOptions,
  run: CrisisRun = {},
): Promise<WatchResult> {
  const n = csr.n;
  const objective = options.objective ?? WATCH_DEFAULTS.objective;
  const runs = options.runs ?? WATCH_DEFAULTS.runs;
  const { k, rr, rngSeed } = options;
  if (!WATCH_OBJECTIVES.includes(objective))
    throw new RangeError(`objective: expected one of ${WATCH_OBJECTIVES.join(', ')}, got '${objective}'`);
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`k: expected a whole number from 1 to ${n} (the number of accounts), got ${k}`);
  const limit = options.horizon ?? Number.POSITIVE_INFINITY;
  const weights = options.weights ?? null;
  const progress: RunOptions = { signal: run.signal, onProgress: run.onProgress };

  run.onPhase?.('sampling stories');
  const chooseStream = phaseSeed(rngSeed, 2);
  const parts = await pool.runJobs(
    'watchStories',
    chunks(runs, pool.size).map(([first, count]) => ({
      params: rr,
      stream: chooseStream,
      first,
      count,
      horizon: limit,
      weights,
    })),
    progress,
  );
  const stories: Stories = mergeStories(parts);
  let longest = 0;
  for (let s = 0; s < stories.count; s++) longest = Math.max(longest, stories.lastStep[s]);
  const horizon = options.horizon ?? longest + 1;

  run.onPhase?.('choosing monitors');
  const budgeted = options.costs && options.budget !== null && options.budget !== undefined;
  const choice = budgeted
    ? chooseMonitors(stories, n, objective, horizon, options.costs as Float64Array, options.budget as number)
    : chooseMonitors(stories, n, objective, horizon, new Float64Array(n).fill(1), k);
  // Greedy stops early when no account adds anything: fill up to k with the next by in-degree.
  const monitors = [...choice.monitors];
  const target = budgeted ? monitors.length : k;
  if (monitors.length < target) {
    const chosen = new Set(monitors);
    for (const v of topBy((v) => csr.inOffsets[v + 1] - csr.inOffsets[v], n, n)) {
      if (monitors.length === target) break;
      if (!chosen.has(v)) monitors.push(v);
    }
  }
  // Baselines get as many monitors as the choice has (under a budget: what it bought).
  const kb = Math.max(1, monitors.length);

  run.onPhase?.('baselines');
  const baselineLists = {
    degree: topBy((v) => csr.inOffsets[v + 1] - csr.inOffsets[v], n, kb),
    pagerank: (() => {
      const pr = listeningRank(csr);
      return topBy((v) => pr[v], n, kb);
    })(),
    random: randomSeeds(n, kb, rngSeed),
  };

  run.onPhase?.('measuring');
  const lists = [monitors, baselineLists.degree, baselineLists.pagerank, baselineLists.random];
  const measured = await pool.runJobs(
    'watchOutcomes',
    chunks(runs, pool.size).map(([first, count]) => ({
      params: rr,
      stream: phaseSeed(rngSeed, 7),
      first,
      count,
      horizon: limit,
      weights,
      lists,
      cap: horizon,
    })),
    progress,
  );
  const figures = lists.map((list, j) =>
    figuresOf(
      list,
      measured.map((m) => m[j]),
    ),
  );
  const ofBest = choice.bound > 0 ? choice.reduction / choice.bound : 1;
  return {
    ...figures[0],
    objective,
    cost: budgeted ? choice.cost : null,
    horizon,
    ofBest: Math.min(1, ofBest),
    reduction: choice.reduction,
    bound: choice.bound,
    baselines: [
      { name: 'degree', ...figures[1] },
      { name: 'pagerank', ...figures[2] },
      { name: 'random', ...figures[3] },
    ],
    runs: stories.count,
  };
}

function concat<T extends Uint8Array | Float64Array | Int32Array>(parts: T[], make: (n: number) => T): T {
  const out = make(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p as never, at);
    at += p.length;
  }
  return out;
}

function figuresOf(list: number[], parts: StoryOutcomes[]): WatchFigures {
  const detected = concat(
    parts.map((p) => p.detected),
    (n) => new Uint8Array(n),
  );
  const first = concat(
    parts.map((p) => p.firstIndex),
    (n) => new Int32Array(n),
  );
  const curve = new Float64Array(list.length);
  for (const f of first) if (f >= 0) curve[f]++;
  let running = 0;
  const detectionCurve = Array.from(curve, (c) => {
    running += c;
    return running / Math.max(1, first.length);
  });
  return {
    monitors: list,
    detect: estimate(detected),
    time: estimate(
      concat(
        parts.map((p) => p.time),
        (n) => new Float64Array(n),
      ),
    ),
    affected: estimate(
      concat(
        parts.map((p) => p.affected),
        (n) => new Float64Array(n),
      ),
    ),
    detectionCurve,
  };
}

export interface ContainOptions {
  rr: RrParams;
  rumour: number[];
  delay?: number;
  k: number;
  runs?: number;
  rngSeed: number;
}

export interface ContainResult {
  correctors: number[];
  rumourReach: Estimate;
  withoutCorrection: Estimate;
  /** Accounts kept from the rumour on average (withoutCorrection - rumourReach). */
  saved: number;
  /** The same as an estimate from the per-world differences (paired: the same worlds). */
  savedEstimate: Estimate;
  baselines: { name: 'degree' | 'neighbourhood'; correctors: number[]; rumourReach: Estimate }[];
  delay: number;
  runs: number;
}

/** The k accounts nearest the rumour's seeds (breadth-first, larger audience first within a hop). */
function nearRumour(csr: Csr, rumour: readonly number[], k: number): number[] {
  const dist = new Int32Array(csr.n).fill(-1);
  let frontier = [...new Set(rumour)];
  for (const s of frontier) dist[s] = 0;
  const out: number[] = [];
  const degree = (v: number) => csr.outOffsets[v + 1] - csr.outOffsets[v];
  while (frontier.length > 0 && out.length < k) {
    const next: number[] = [];
    for (const u of frontier)
      for (let i = csr.outOffsets[u]; i < csr.outOffsets[u + 1]; i++) {
        const v = csr.outTargets[i];
        if (dist[v] >= 0) continue;
        dist[v] = dist[u] + 1;
        next.push(v);
      }
    next.sort((a, b) => degree(b) - degree(a) || a - b);
    for (const v of next) if (out.length < k) out.push(v);
    frontier = next;
  }
  return out;
}

export async function containRumour(
  pool: EnginePool,
  csr: Csr,
  options: ContainOptions,
  run: CrisisRun = {},
): Promise<ContainResult> {
  const n = csr.n;
  const delay = options.delay ?? CONTAIN_DEFAULTS.delay;
  const runs = options.runs ?? CONTAIN_DEFAULTS.runs;
  const { k, rr, rngSeed } = options;
  const rumour = [...new Set(options.rumour)];
  const candidates = n - rumour.length;
  if (rumour.length === 0) throw new RangeError('rumour: give at least one account where the rumour starts');
  if (!Number.isInteger(delay) || delay < 0)
    throw new RangeError(`delay: expected a whole number of steps >= 0, got ${delay}`);
  if (!Number.isInteger(k) || k < 1 || k > candidates)
    throw new RangeError(
      `k: expected a whole number from 1 to ${candidates} (the accounts that are not rumour seeds), got ${k}`,
    );
  const progress: RunOptions = { signal: run.signal, onProgress: run.onProgress };

  run.onPhase?.('sampling worlds');
  const chooseStream = phaseSeed(rngSeed, 2);
  const batches: BallBatch[] = await pool.runJobs(
    'containSets',
    chunks(runs, pool.size, 100).map(([first, count]) => ({
      params: rr,
      stream: chooseStream,
      first,
      count,
      rumour,
      delay,
    })),
    progress,
  );
  const sets = new RrCollection(n);
  for (const b of batches)
    sets.append({ first: 0, count: b.offsets.length - 1, offsets: b.offsets, nodes: b.nodes, examined: 0 });

  run.onPhase?.('choosing correctors');
  const isRumour = new Uint8Array(n);
  for (const s of rumour) isRumour[s] = 1;
  const chosen = sets.count > 0 ? maxCoverage(sets, Math.min(k, n)).seeds.filter((v) => !isRumour[v]) : [];
  // Accounts that save nothing in the sample: fill up with the next largest audiences.
  const correctors = chosen.slice(0, k);
  if (correctors.length < k) {
    const taken = new Set(correctors);
    for (const v of topBy((v) => csr.outOffsets[v + 1] - csr.outOffsets[v], n, n)) {
      if (correctors.length === k) break;
      if (!taken.has(v) && !isRumour[v]) {
        correctors.push(v);
        taken.add(v);
      }
    }
  }
  const degree = topBy((v) => (isRumour[v] ? -1 : csr.outOffsets[v + 1] - csr.outOffsets[v]), n, k);
  const neighbourhood = nearRumour(csr, rumour, k);

  run.onPhase?.('measuring');
  const lists = [[], correctors, degree, neighbourhood];
  const reached = await pool.runJobs(
    'containReach',
    chunks(runs, pool.size, 100).map(([first, count]) => ({
      params: rr,
      stream: phaseSeed(rngSeed, 7),
      first,
      count,
      rumour,
      delay,
      lists,
    })),
    progress,
  );
  const perWorld = lists.map((_, j) => {
    const all = new Uint32Array(runs);
    let at = 0;
    for (const part of reached) {
      all.set(part[j], at);
      at += part[j].length;
    }
    return all;
  });
  const perList = perWorld.map((all) => estimate(all));
  const savedEstimate = estimate(Float64Array.from(perWorld[0], (without, w) => without - perWorld[1][w]));
  return {
    correctors,
    rumourReach: perList[1],
    withoutCorrection: perList[0],
    saved: perList[0].mean - perList[1].mean,
    savedEstimate,
    baselines: [
      { name: 'degree', correctors: degree, rumourReach: perList[2] },
      { name: 'neighbourhood', correctors: neighbourhood, rumourReach: perList[3] },
    ],
    delay,
    runs,
  };
}
