/**
 * A quick measurement of what finding seeds costs on this machine, for this graph and model, with
 * the worker pool as busy as it is now (estimate.ts turns it into a time): a few hundred
 * milliseconds of RR sets (time per set, entries per set, how much greedy's first k seeds cover on
 * the sets they were chosen on and on others), greedy max coverage timed on them, and a batch of
 * Monte Carlo runs from one random account (time per run, accounts reached). Its random streams
 * are its own: it changes nothing the method later picks.
 */
import type { ModelParams } from '../../../diffusion/types.ts';
import type { EnginePool } from '../../../engine/pool.ts';
import type { Csr } from '../../../graph/types.ts';
import { poolCoverage } from '../../../seeding/find-seeds.ts';
import { type Coverage, maxCoverage } from '../../../seeding/imm.ts';
import { poolRrSource } from '../../../seeding/pool-sources.ts';
import { type RrBatch, RrCollection, rrParams } from '../../../seeding/rr-sets.ts';
import type { Calibration } from './estimate.ts';

/** The random streams of the measurement (any fixed values: nothing else uses them). */
const PILOT_SETS_STREAM = 0x5eed_ca1;
const PILOT_RUNS_STREAM = 0x5eed_ca2;
/** Measuring time per part: long enough to average out a busy moment, short enough to go unnoticed. */
const SETS_MS = 600;
const RUNS_MS = 300;
/** One timed round: long enough for a few jobs per worker. */
const ROUND_MS = 120;
const MAX_PILOT_SETS = 50_000;
const MAX_PILOT_RUNS = 20_000;
/** The budget greedy coverage is timed with. */
const TIMED_K = 20;
/** Bounds of the coverage cost per stored entry (ms): a few ns to a tenth of a µs. */
const ENTRY_MS = [2e-6, 1e-4] as const;

/** The sets of the batches split in two halves by index parity (a batch is one job's consecutive sets). */
export function halves(batches: readonly RrBatch[], n: number): [RrCollection, RrCollection] {
  const sizes = [
    { sets: 0, entries: 0 },
    { sets: 0, entries: 0 },
  ];
  for (const batch of batches)
    for (let j = 0; j < batch.count; j++) {
      const h = sizes[(batch.first + j) % 2];
      h.sets++;
      h.entries += batch.offsets[j + 1] - batch.offsets[j];
    }
  const out = sizes.map(({ sets, entries }) => {
    const c = new RrCollection(n);
    c.offsets = new Uint32Array(sets + 1);
    c.nodes = new Uint32Array(entries);
    return c;
  });
  for (const batch of batches)
    for (let j = 0; j < batch.count; j++) {
      const c = out[(batch.first + j) % 2];
      const from = batch.offsets[j];
      const to = batch.offsets[j + 1];
      c.nodes.set(batch.nodes.subarray(from, to), c.size);
      c.size += to - from;
      c.count++;
      c.offsets[c.count] = c.size;
    }
  return [out[0], out[1]];
}

/** Greedy max coverage somewhere (this thread, or a worker as IMM runs it). */
export type Cover = (sets: RrCollection, k: number) => Promise<Coverage>;

const coverHere: Cover = async (sets, k) => maxCoverage(sets, k);

/** Greedy's first seeds on half of the sets, and how many of each half the prefixes cover. */
export async function pilotCoverage(
  batches: readonly RrBatch[],
  n: number,
  kMax: number,
  cover: Cover = coverHere,
): Promise<{ fitted: number[]; heldOut: number[]; msPerEntry: number; setSize: number }> {
  const [a, b] = halves(batches, n);
  const sets = a.count + b.count;
  const entries = a.size + b.size;
  const k = Math.max(1, Math.min(kMax, n));
  const { seeds, covered } = a.count > 0 ? await cover(a, k) : { seeds: [], covered: [] };
  // The cost per entry: greedy for a budget IMM is usually asked (inverting the sets dominates),
  // timed twice after the call above compiled the code; the faster time counts.
  let ms = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 2 && a.count > 0; i++) {
    const started = performance.now();
    await cover(a, Math.min(k, TIMED_K));
    ms = Math.min(ms, performance.now() - started);
  }
  const fitted = covered.map((c) => c / Math.max(1, a.count));
  // Held out: the sets of the other half each prefix of greedy's order hits.
  const rank = new Int32Array(n).fill(-1);
  seeds.forEach((v, i) => {
    rank[v] = i;
  });
  const firstHit = new Float64Array(seeds.length);
  for (let j = 0; j < b.count; j++) {
    let best = Number.POSITIVE_INFINITY;
    for (let t = b.offsets[j]; t < b.offsets[j + 1]; t++) {
      const r = rank[b.nodes[t]];
      if (r >= 0 && r < best) best = r;
    }
    if (best !== Number.POSITIVE_INFINITY) firstHit[best]++;
  }
  let hit = 0;
  const heldOut = [...firstHit].map((h) => {
    hit += h;
    return hit / Math.max(1, b.count);
  });
  const msPerEntry = Math.min(
    ENTRY_MS[1],
    Math.max(ENTRY_MS[0], a.size > 0 && ms < Infinity ? ms / a.size : ENTRY_MS[1]),
  );
  return { fitted, heldOut, msPerEntry, setSize: sets > 0 ? entries / sets : 0 };
}

/** Measure; `kMax` is the largest budget the estimate will be asked about. */
export async function calibrate(
  pool: EnginePool,
  csr: Csr,
  params: ModelParams,
  kMax: number,
  signal?: AbortSignal,
): Promise<Calibration> {
  const n = csr.n;
  const source = poolRrSource(pool, n, rrParams(params), { signal });
  const batches: RrBatch[] = [];
  // A first round starts the workers, hands them the graph and compiles the code: not timed. One
  // job per worker at least (a job holds 64 sets or more).
  const warm = 64 * pool.size;
  batches.push(...(await source.generate(PILOT_SETS_STREAM, 0, warm)));
  let have = warm;
  // Then rounds of about ROUND_MS (at least 128 sets per worker, so every worker is busy); the
  // fastest round is the rate: a busy moment of the page (a frame of the graph) or of the machine
  // slows some rounds, and a long run averages such moments out.
  const setRates: number[] = [];
  let spent = 0;
  let next = 128 * pool.size;
  while (spent < SETS_MS && have < MAX_PILOT_SETS) {
    const count = Math.min(next, MAX_PILOT_SETS - have);
    const t0 = performance.now();
    batches.push(...(await source.generate(PILOT_SETS_STREAM, have, count)));
    const ms = performance.now() - t0;
    spent += ms;
    have += count;
    setRates.push(ms / count);
    next = Math.max(128 * pool.size, Math.ceil(ROUND_MS / Math.max(Math.min(...setRates), 1e-4)));
  }
  // Greedy runs in a worker, as IMM's does (the page's main thread stays free).
  const coverage = await pilotCoverage(batches, n, kMax, (sets, k) => poolCoverage(pool, sets, k, signal));

  const simulate = (count: number, stream: number) =>
    pool.simulate(
      { params, seeds: { kind: 'random', k: 1 }, runs: count, rngSeed: stream >>> 0, traceRun: null },
      { signal },
    );
  // Again a first round not timed: each worker builds its simulator for these parameters.
  await simulate(16 * pool.size, PILOT_RUNS_STREAM - 1);
  const runRates: number[] = [];
  let runs = 0;
  let reached = 0;
  spent = 0;
  // Calls of at least 32 runs per worker: each call starts with small chunks to learn their cost.
  let batch = 32 * pool.size;
  while (spent < RUNS_MS && runs < MAX_PILOT_RUNS) {
    const count = Math.min(batch, MAX_PILOT_RUNS - runs);
    const t0 = performance.now();
    const shard = await simulate(count, PILOT_RUNS_STREAM + runs);
    const ms = performance.now() - t0;
    spent += ms;
    runs += count;
    runRates.push(ms / count);
    for (let r = 0; r < shard.sizes.length; r++) reached += shard.sizes[r];
    batch = Math.max(32 * pool.size, Math.ceil(ROUND_MS / Math.max(Math.min(...runRates), 1e-4)));
  }
  return {
    n,
    arcs: csr.arcs,
    msPerSet: Math.min(...setRates),
    setSize: coverage.setSize,
    fitted: coverage.fitted,
    heldOut: coverage.heldOut,
    msPerEntry: coverage.msPerEntry,
    msPerRun: Math.min(...runRates),
    runSize: reached / Math.max(1, runs),
  };
}
