/**
 * CELF: lazy greedy on Monte Carlo spread estimates (Leskovec, Krause, Guestrin, Faloutsos,
 * VanBriesen, Glance, KDD 2007), the classic greedy of Kempe, Kleinberg, Tardos (KDD 2003)
 * made fast by submodularity: a node's marginal gain can only shrink as seeds are added, so a gain
 * computed in an earlier round is an upper bound, and only the node on top of the queue needs
 * re-evaluating.
 *
 * Every spread estimate uses the same Monte Carlo runs (run r of one rng seed for every seed set:
 * common random numbers), so the differences between candidates are far less noisy than the
 * estimates themselves. Stale candidates are re-evaluated a fixed batch at a time (so a pool can
 * work on them in parallel), which changes the amount of work but not the result's determinism.
 *
 * The first round evaluates every node: n x runs cascades. That is only practical on small
 * graphs; above CELF_LIMITS.maxNodes the function refuses and points at IMM.
 */
import { OptionError } from '../diffusion/defaults.ts';
import { createSimulator, type Simulator } from '../diffusion/simulator.ts';
import type { ModelParams } from '../diffusion/types.ts';
import type { Csr } from '../graph/types.ts';

/** Mean final size of `runs` cascades from each seed set base + {c} (common random numbers). */
export function seedSpreads(
  sim: Simulator,
  base: readonly number[],
  candidates: readonly number[],
  rngSeed: number,
  runs: number,
): Float64Array {
  const out = new Float64Array(candidates.length);
  candidates.forEach((c, i) => {
    const nodes = c < 0 ? [...base] : [...base, c];
    const shard = sim.runShard({
      seeds: { kind: 'groups', groups: [{ nodes, start: 0 }] },
      rngSeed,
      firstRun: 0,
      runCount: runs,
      traceRun: null,
    });
    let sum = 0;
    for (let r = 0; r < runs; r++) sum += shard.sizes[r];
    out[i] = sum / runs;
  });
  return out;
}

/** Mean spread of base + {c} for every candidate c (c = -1: base alone), on common runs. */
export type SpreadEvaluator = (
  base: readonly number[],
  candidates: readonly number[],
) => Promise<Float64Array>;

export const CELF_LIMITS = {
  /** Above this many nodes CELF refuses (use IMM). */
  maxNodes: 50_000,
  /**
   * Above this many nodes CELF warns that it will be slow; the app does not offer it there (one
   * number for the CLI, the app and the docs).
   */
  warnNodes: 5_000,
} as const;

export const CELF_DEFAULTS = { runs: 1000, batch: 8 } as const;

export interface CelfOptions {
  k: number;
  /** Re-evaluate up to this many stale candidates per round trip [8]. */
  batch?: number;
  /** Told after the first round and after every seed picked. */
  onSeed?: (picked: number, k: number) => void;
}

export interface CelfResult {
  seeds: number[];
  /** Monte Carlo estimate of the spread of seeds[0..i], from the selection runs (optimistic). */
  spreads: number[];
  /** Spread estimates computed (one per candidate seed set). */
  evaluations: number;
}

/** Refuse graphs too large for CELF; returns a warning for merely slow ones (or null). */
export function checkCelfSize(n: number): string | null {
  if (n > CELF_LIMITS.maxNodes) {
    throw new OptionError(
      `method: celf evaluates all ${n} nodes by Monte Carlo, too slow above ${CELF_LIMITS.maxNodes} nodes; use --method imm (same quality, seconds)`,
    );
  }
  if (n > CELF_LIMITS.warnNodes)
    return `celf on ${n} nodes runs ${n} x runs cascades in its first round alone: expect minutes; --method imm is much faster`;
  return null;
}

/** Spreads computed in this thread with the engine's simulator. */
export function localSpreadEvaluator(
  csr: Csr,
  params: ModelParams,
  runs: number,
  rngSeed: number,
): SpreadEvaluator {
  const sim = createSimulator(csr, params);
  return async (base, candidates) => seedSpreads(sim, base, candidates, rngSeed, runs);
}

export async function celf(n: number, evaluate: SpreadEvaluator, options: CelfOptions): Promise<CelfResult> {
  const { k } = options;
  const batch = options.batch ?? CELF_DEFAULTS.batch;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`k: expected a whole number from 1 to ${n} (the number of nodes), got ${k}`);
  checkCelfSize(n);
  const all = Array.from({ length: n }, (_, v) => v);
  const first = await evaluate([], all);
  let evaluations = n;
  options.onSeed?.(0, k);
  // Queue entries: node, upper bound of its gain, and the seed count when that bound was computed.
  const gain = Float64Array.from(first);
  const round = new Int32Array(n);
  const queue = new CandidateQueue(gain);
  const seeds: number[] = [];
  const spreads: number[] = [];
  let current = 0;
  while (seeds.length < k) {
    const top = queue.peek();
    if (round[top] === seeds.length) {
      queue.pop();
      seeds.push(top);
      current += gain[top];
      spreads.push(current);
      options.onSeed?.(seeds.length, k);
      continue;
    }
    const stale = queue.popStale(batch, round, seeds.length);
    const values = await evaluate(seeds, stale);
    evaluations += stale.length;
    stale.forEach((v, i) => {
      gain[v] = values[i] - current;
      round[v] = seeds.length;
      queue.push(v);
    });
  }
  return { seeds, spreads, evaluations };
}

/** Max-heap of nodes by (gain desc, node asc). */
class CandidateQueue {
  private readonly items: number[];
  private readonly gain: Float64Array;

  constructor(gain: Float64Array) {
    this.gain = gain;
    this.items = Array.from({ length: gain.length }, (_, v) => v).sort((a, b) =>
      this.before(a, b) ? -1 : 1,
    );
  }

  private before(a: number, b: number): boolean {
    return this.gain[a] > this.gain[b] || (this.gain[a] === this.gain[b] && a < b);
  }

  peek(): number {
    return this.items[0];
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as number;
    if (items.length > 0) {
      items[0] = last;
      this.down(0);
    }
    return top;
  }

  push(v: number): void {
    const items = this.items;
    let i = items.length;
    items.push(v);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(v, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = v;
  }

  /** Pop up to `count` top nodes whose bound is stale (stopping at the first fresh one). */
  popStale(count: number, round: Int32Array, now: number): number[] {
    const out: number[] = [];
    while (out.length < count && this.items.length > 0 && round[this.peek()] !== now) out.push(this.pop());
    return out;
  }

  private down(i: number): void {
    const items = this.items;
    const v = items[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && this.before(items[child + 1], items[child])) child++;
      if (!this.before(items[child], v)) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = v;
  }
}
