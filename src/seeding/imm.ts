/**
 * IMM: influence maximization via martingales (Tang, Shi, Xiao, SIGMOD 2015).
 *
 * The expected spread of a seed set S is n times the probability that S meets a random
 * reverse-reachable set (rr-sets.ts), so picking k seeds that cover the most of theta RR sets
 * (greedy max coverage, a (1 - 1/e) approximation of max coverage) approximates the best seed set.
 * IMM chooses theta so that, with probability at least 1 - 1/n^ell, the result's expected spread
 * is at least (1 - 1/e - epsilon) times the optimum:
 *   1. sampling: guess OPT >= x = n/2, n/4, ... and test each guess with lambda'/x RR sets until
 *      the greedy coverage confirms it, which gives a lower bound LB of OPT (Algorithm 2);
 *   2. theta = lambda* / LB RR sets, greedy max coverage on them (Algorithm 3).
 * As Chen ("An issue in the martingale analysis of the influence maximization algorithm IMM",
 * 2018) shows, reusing the sampling-phase sets in step 2 breaks the independence the proof needs;
 * following his fix, step 2 draws theta fresh sets from a separate random stream.
 *
 * The sampling-phase sets are independent of the final choice, so they also give an unbiased
 * estimate of the spread of every prefix of the chosen seeds: the budget curve (budget-curve.ts).
 */
import { mix32 } from '../util/rng.ts';
import { RrCollection, type RrSource } from './rr-sets.ts';

export interface ImmOptions {
  k: number;
  /** Approximation slack: the guarantee is (1 - 1/e - epsilon) of the optimum [0.1]. */
  epsilon?: number;
  /** Confidence: the guarantee holds with probability 1 - 1/n^ell [1]. */
  ell?: number;
  /** Random seed [1]; the sampling and selection phases use separate streams derived from it. */
  rngSeed?: number;
  /** Told when a phase starts (for progress labels). */
  onPhase?: (phase: ImmPhase) => void;
  /**
   * Greedy max coverage [maxCoverage in this thread]; a caller may run it elsewhere (the app runs
   * it in a worker, so the page's main thread never blocks on it). Must return maxCoverage's answer.
   */
  cover?: (sets: RrCollection, k: number) => Promise<Coverage>;
}

export interface ImmPhase {
  name: 'sampling' | 'selection';
  /** RR sets this phase will have once done. */
  sets: number;
}

export interface ImmResult {
  /** Node indices in the order greedy picked them. */
  seeds: number[];
  /** n * coverage / theta on the selection sets (optimistic: the seeds were fitted to them). */
  coverageEstimate: number;
  /** RR sets used for the final selection (theta). */
  theta: number;
  /** Lower bound of OPT found by the sampling phase. */
  lowerBound: number;
  /** The sampling-phase sets, independent of the final selection (for the budget curve). */
  samplingSets: RrCollection;
  epsilon: number;
  ell: number;
}

export const IMM_DEFAULTS = { epsilon: 0.1, ell: 1, rngSeed: 1 } as const;

/** ln C(n, k) = sum_{i<k} ln((n - i) / (i + 1)). */
export function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.log((n - i) / (i + 1));
  return s;
}

/** Independent streams for the phases of one run, derived from the user's seed. */
export function phaseSeed(rngSeed: number, phase: number): number {
  return mix32((rngSeed >>> 0) ^ mix32(0x1a2b3c4d + phase));
}

export interface Coverage {
  seeds: number[];
  /** covered[i] = sets covered by seeds[0..i]. */
  covered: number[];
}

/**
 * Greedy maximum coverage: k times, the node in the most not-yet-covered sets (ties: lowest index).
 * Gains only decrease, so a max-heap keyed by possibly stale gains is exact if a popped node whose
 * key is out of date is pushed back with its current gain (lazy evaluation, as CELF).
 */
export function maxCoverage(sets: RrCollection, k: number): Coverage {
  const n = sets.n;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`k: expected a whole number from 1 to ${n}, got ${k}`);
  const { setOffsets, setsOf } = sets.invert();
  const gain = new Uint32Array(n);
  for (let v = 0; v < n; v++) gain[v] = setOffsets[v + 1] - setOffsets[v];
  const heap = new LazyMaxHeap(gain);
  const done = new Uint8Array(sets.count);
  const { offsets, nodes } = sets;
  const seeds: number[] = [];
  const covered: number[] = [];
  let total = 0;
  while (seeds.length < k) {
    const u = heap.popFresh(gain);
    seeds.push(u);
    for (let i = setOffsets[u]; i < setOffsets[u + 1]; i++) {
      const j = setsOf[i];
      if (done[j]) continue;
      done[j] = 1;
      total++;
      for (let t = offsets[j]; t < offsets[j + 1]; t++) gain[nodes[t]]--;
    }
    covered.push(total);
  }
  return { seeds, covered };
}

/** Binary max-heap of node indices by (key desc, node asc), keys snapshotted at push. */
class LazyMaxHeap {
  private readonly items: Uint32Array;
  private readonly keys: Float64Array;
  private size: number;

  constructor(initial: Uint32Array) {
    const n = initial.length;
    this.items = new Uint32Array(n);
    this.keys = Float64Array.from(initial);
    for (let v = 0; v < n; v++) this.items[v] = v;
    this.size = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private before(a: number, b: number): boolean {
    const ka = this.keys[a];
    const kb = this.keys[b];
    return ka > kb || (ka === kb && a < b);
  }

  private down(i: number): void {
    const { items, size } = this;
    const item = items[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && this.before(items[child + 1], items[child])) child++;
      if (!this.before(items[child], item)) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = item;
  }

  /** Pop the node with the largest current value, refreshing stale keys on the way. */
  popFresh(current: Uint32Array): number {
    for (;;) {
      if (this.size === 0) throw new Error('max coverage: heap exhausted');
      const top = this.items[0];
      if (this.keys[top] === current[top]) {
        this.items[0] = this.items[--this.size];
        if (this.size > 0) this.down(0);
        return top;
      }
      this.keys[top] = current[top];
      this.down(0);
    }
  }
}

/** IMM's theta for a lower bound LB of OPT (Tang et al. 2015, eq. 6 and Theorem 1). */
export function immLambdaStar(n: number, k: number, epsilon: number, ell: number): number {
  const e1 = 1 - 1 / Math.E;
  const alpha = Math.sqrt(ell * Math.log(n) + Math.log(2));
  const beta = Math.sqrt(e1 * (logChoose(n, k) + ell * Math.log(n) + Math.log(2)));
  return (2 * n * (e1 * alpha + beta) ** 2) / epsilon ** 2;
}

export function validateImmOptions(
  n: number,
  options: ImmOptions,
): Required<Omit<ImmOptions, 'onPhase' | 'cover'>> {
  const { k } = options;
  const epsilon = options.epsilon ?? IMM_DEFAULTS.epsilon;
  const ell = options.ell ?? IMM_DEFAULTS.ell;
  const rngSeed = options.rngSeed ?? IMM_DEFAULTS.rngSeed;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`k: expected a whole number from 1 to ${n} (the number of nodes), got ${k}`);
  if (!(epsilon > 0 && epsilon < 1))
    throw new RangeError(`epsilon: expected a number between 0 and 1 (exclusive), got ${epsilon}`);
  if (!(ell > 0 && Number.isFinite(ell))) throw new RangeError(`ell: expected a number > 0, got ${ell}`);
  return { k, epsilon, ell, rngSeed };
}

/**
 * Generate sets up to `target` and append them: room for all of them is made once, and the
 * appending yields to the event loop every few milliseconds, so a browser page stays responsive
 * while tens of megabytes of sets come in.
 */
async function topUp(source: RrSource, sets: RrCollection, stream: number, target: number): Promise<void> {
  if (sets.count >= target) return;
  const batches = await source.generate(stream, sets.count, target - sets.count);
  sets.reserve(
    batches.reduce((s, b) => s + b.count, 0),
    batches.reduce((s, b) => s + b.nodes.length, 0),
  );
  let slice = performance.now();
  for (const batch of batches) {
    sets.append(batch);
    if (performance.now() - slice > 8) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      slice = performance.now();
    }
  }
}

/** The confidence IMM works with: ell raised for the union bound over its two phases (Tang et al. 2015, section 3.3). */
export function immEll(n: number, ell: number): number {
  return ell * (n > 1 ? 1 + Math.log(2) / Math.log(n) : 1);
}

/**
 * lambda' of the sampling phase (Tang et al. 2015, eq. 9, with epsilon' = sqrt(2) epsilon): round i
 * tests the guess OPT >= n / 2^i on lambda' / (n / 2^i) RR sets. `ell` as immEll returns it.
 */
export function immLambdaPrime(n: number, k: number, epsilon: number, ell: number): number {
  const logN = Math.log(Math.max(n, 2));
  const epsPrime = Math.SQRT2 * epsilon;
  return (
    ((2 + (2 / 3) * epsPrime) * (logChoose(n, k) + ell * logN + Math.log(Math.max(Math.log2(n), 1))) * n) /
    epsPrime ** 2
  );
}

export async function imm(source: RrSource, options: ImmOptions): Promise<ImmResult> {
  const n = source.n;
  const { k, epsilon, rngSeed } = validateImmOptions(n, options);
  const ell = immEll(n, options.ell ?? IMM_DEFAULTS.ell);
  const cover = options.cover ?? (async (sets: RrCollection, size: number) => maxCoverage(sets, size));

  // Phase 1: a lower bound of OPT (Algorithm 2).
  const sampling = new RrCollection(n);
  const samplingStream = phaseSeed(rngSeed, 1);
  const epsPrime = Math.SQRT2 * epsilon;
  const lambdaPrime = immLambdaPrime(n, k, epsilon, ell);
  let lowerBound = 1;
  const rounds = Math.log2(n) - 1;
  for (let i = 1; i <= rounds; i++) {
    const x = n / 2 ** i;
    const thetaI = Math.ceil(lambdaPrime / x);
    options.onPhase?.({ name: 'sampling', sets: thetaI });
    await topUp(source, sampling, samplingStream, thetaI);
    const { covered } = await cover(sampling, k);
    const estimate = (n * covered[k - 1]) / sampling.count;
    if (estimate >= (1 + epsPrime) * x) {
      lowerBound = estimate / (1 + epsPrime);
      break;
    }
  }

  // Phase 2: theta fresh sets and greedy max coverage (Algorithm 3 with Chen's fix).
  const theta = Math.max(1, Math.ceil(immLambdaStar(n, k, epsilon, ell) / lowerBound));
  options.onPhase?.({ name: 'selection', sets: theta });
  const selection = new RrCollection(n);
  await topUp(source, selection, phaseSeed(rngSeed, 2), theta);
  const { seeds, covered } = await cover(selection, k);
  return {
    seeds,
    coverageEstimate: (n * covered[k - 1]) / selection.count,
    theta,
    lowerBound,
    samplingSets: sampling,
    epsilon,
    ell: options.ell ?? IMM_DEFAULTS.ell,
  };
}
