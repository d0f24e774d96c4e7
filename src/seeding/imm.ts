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

import { LazyMaxHeap } from '../util/lazy-max-heap.ts';
import { yieldTask } from '../util/next-task.ts';
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
  /**
   * An upper bound of the coverage of the best k nodes on the same sets, at most covered[k-1] /
   * (1 - 1/e): the online bound of submodular maximisation (Leskovec et al., KDD 2007; used by
   * OPIM-C): for every prefix S_i of the greedy's picks, best <= cov(S_i) + the k largest
   * marginal gains left after S_i; the smallest of these k + 1 bounds.
   */
  upper: number;
}

/**
 * Up to this many gain reads in all (k x n) greedy finds each pick by scanning the gains for the
 * lowest node of the top gain (which the histogram already gives); above, with a lazy max-heap.
 * Both pick the same nodes. In a one-shot `ripple seeds`, greedy runs JIT-cold: building the heap
 * over every node and the stale pops cost NetHEPT (k = 50, 15k nodes) more than the scans' 0.8M
 * sequential reads.
 */
export const SCAN_GAIN_READS = 1 << 23;

/**
 * Greedy maximum coverage: k times, the node in the most not-yet-covered sets (ties: lowest index).
 * The next pick is the first node holding the top gain (`scan`, the default while k x n is at most
 * SCAN_GAIN_READS), or the top of a max-heap keyed by possibly stale gains, which is exact since
 * gains only decrease: a popped node whose key is out of date is pushed back with its current gain
 * (lazy evaluation, as CELF). A histogram of the gains (count of nodes per gain value) gives the
 * top gain and the sum of the k largest gains after each pick for the online upper bound, walking
 * down from the largest gain. Covering a pick needs the sets holding it: scanning, only those of the
 * `listed` nodes in most sets are listed first (the picks are nearly always among them; a pick
 * elsewhere lists every node's): on the power-law start-up graph that index took most of greedy's
 * time, its writes scattered over 1.4M entries.
 *
 * Each long loop is a function of its own (below): in a one-shot process V8 optimizes a loop while
 * it runs (on-stack replacement), and that code is thrown away as soon as it reaches code after the
 * loop that never ran, to be compiled again for the next loop (NetHEPT at epsilon 0.1, before: 9
 * deoptimizations of maxCoverage and invert per command, each followed by a compile of 1-30 ms).
 */
export function maxCoverage(
  sets: RrCollection,
  k: number,
  scan = k * sets.n <= SCAN_GAIN_READS,
  listed = listedNodes(k),
): Coverage {
  const n = sets.n;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`k: expected a whole number from 1 to ${n}, got ${k}`);
  const gain = new Uint32Array(n);
  countNodes(sets.nodes, sets.size, gain);
  // The nodes in some set, in increasing order: the others' gain is 0 throughout.
  const candidates = new Uint32Array(n);
  const [top0, inSets] = gainsTop(gain, candidates);
  let top = top0;
  const hist = gainHistogram(gain, top);
  // The sets of each node in some set (the heap), or, scanning, of the `listed` nodes of most sets
  // first (a pick elsewhere lists them all): the picks are among them but for rare cases, and the
  // index costs a fraction of the entries' writes.
  const counts = gain.slice();
  let lists = setLists(sets, counts, scan ? leastListed(hist, top, listed) : 1);
  const picked = new Uint8Array(n);
  // Where the last pick came from, and its gain: while the top gain stays, the next node of the top
  // gain comes after the last pick (the nodes before it had less, and gains only decrease).
  let lastPick = -1;
  let lastTop = -1;
  const heap = scan ? null : new LazyMaxHeap(n, (v) => gain[v]);
  const done = new Uint8Array(sets.count);
  const seeds: number[] = [];
  const covered: number[] = [];
  let total = 0;
  let upper = topGainsSum(hist, top, k);
  while (seeds.length < k) {
    let u: number;
    if (heap) u = heap.popFresh();
    else {
      top = topGain(hist, top);
      const from = top === lastTop ? lastPick + 1 : 0;
      lastTop = top;
      if (top > 0) {
        lastPick = firstWithGain(gain, candidates, inSets, top, from);
        u = lastPick < 0 ? -1 : candidates[lastPick];
      } else {
        // Every set is covered: the lowest nodes not picked yet, in order.
        lastPick = firstNotPicked(picked, from);
        u = lastPick;
      }
    }
    if (u < 0) throw new Error('max coverage: heap exhausted');
    picked[u] = 1;
    seeds.push(u);
    if (counts[u] > 0 && counts[u] < lists.least) lists = setLists(sets, counts, 1);
    const newly = coverSetsOf(u, lists, done);
    total += newly.length;
    // Lowering each gain's count in the histogram costs two updates per entry of the sets covered;
    // counting the gains again afterwards costs one read per candidate and one per gain value.
    if (entriesOf(newly, sets.offsets) > inSets + top) {
      lowerGains(newly, sets.offsets, sets.nodes, gain);
      countGains(gain, candidates, inSets, n, hist, top);
    } else lowerCountedGains(newly, sets.offsets, sets.nodes, gain, hist);
    covered.push(total);
    top = topGain(hist, top);
    const bound = total + topGainsSum(hist, top, k);
    if (bound < upper) upper = bound;
  }
  return { seeds, covered, upper };
}

/** How many nodes of most sets greedy lists the sets of before picking k (scanning). */
function listedNodes(k: number): number {
  return 4 * k + 64;
}

/** The least count of the `listed` nodes of most sets (at least 1), from the counts' histogram. */
function leastListed(hist: Uint32Array, top: number, listed: number): number {
  let nodes = 0;
  let g = top;
  for (; g > 1; g--) {
    nodes += hist[g];
    if (nodes >= listed) break;
  }
  return Math.max(1, g);
}

/** Per node holding at least `least` sets (counts), those sets in increasing order; the others none. */
interface SetLists {
  least: number;
  setOffsets: Uint32Array;
  setsOf: Uint32Array;
}

/**
 * The sets of the nodes in at least `least` of them: setsOf[setOffsets[v] .. setOffsets[v + 1]),
 * in increasing order (least 1: every node's, as RrCollection.invert). Each loop a function of its
 * own (see maxCoverage).
 */
function setLists(sets: RrCollection, counts: Uint32Array, least: number): SetLists {
  const n = counts.length;
  const setOffsets = listOffsets(counts, least);
  const listed = setOffsets[n];
  // Where each node's next set goes, and 1 for the listed nodes: the others write to one spare
  // slot at the end and stay there, so the pass over the entries has no branch on the node.
  const fill = new Uint32Array(n);
  const step = new Uint8Array(n);
  listStarts(counts, least, setOffsets, fill, step);
  const setsOf = new Uint32Array(listed + 1);
  listSets(sets.offsets, sets.nodes, sets.size, fill, step, setsOf);
  return { least, setOffsets, setsOf: setsOf.subarray(0, listed) };
}

function listStarts(
  counts: Uint32Array,
  least: number,
  setOffsets: Uint32Array,
  fill: Uint32Array,
  step: Uint8Array,
): void {
  const spare = setOffsets[counts.length];
  for (let v = 0; v < counts.length; v++) {
    const on = counts[v] >= least;
    fill[v] = on ? setOffsets[v] : spare;
    step[v] = on ? 1 : 0;
  }
}

function listOffsets(counts: Uint32Array, least: number): Uint32Array {
  const setOffsets = new Uint32Array(counts.length + 1);
  for (let v = 0; v < counts.length; v++) {
    const c = counts[v];
    setOffsets[v + 1] = setOffsets[v] + (c >= least ? c : 0);
  }
  return setOffsets;
}

/**
 * One pass over the entries, the set index moving on at each set's end: by the sign of end - i - 1
 * (sets hold at least their root, so at most one end per entry; an empty set, which no sampler
 * writes, is passed by the loop after it). Branch-free on random sizes and nodes: 1.8 times faster
 * than branching on both where most sets are singletons.
 */
function listSets(
  offsets: Uint32Array,
  nodes: Uint32Array,
  size: number,
  fill: Uint32Array,
  step: Uint8Array,
  setsOf: Uint32Array,
): void {
  let j = 0;
  let end = size > 0 ? offsets[1] : 0;
  for (let i = 0; i < size; i++) {
    j += (end - i - 1) >>> 31;
    end = offsets[j + 1];
    while (end <= i) end = offsets[++j + 1];
    const v = nodes[i];
    const at = fill[v];
    setsOf[at] = j;
    fill[v] = at + step[v];
  }
}

/** into[v] += the number of entries naming v. */
function countNodes(nodes: Uint32Array, size: number, into: Uint32Array): void {
  for (let i = 0; i < size; i++) into[nodes[i]]++;
}

/** The nodes with a gain go to `candidates` in increasing order. Returns the largest gain and their number. */
function gainsTop(gain: Uint32Array, candidates: Uint32Array): [number, number] {
  let top = 0;
  let m = 0;
  for (let v = 0; v < gain.length; v++) {
    const g = gain[v];
    if (g > top) top = g;
    if (g > 0) candidates[m++] = v;
  }
  return [top, m];
}

/** The number of nodes of each gain 0..top. */
function gainHistogram(gain: Uint32Array, top: number): Uint32Array {
  const hist = new Uint32Array(top + 1);
  for (let v = 0; v < gain.length; v++) hist[gain[v]]++;
  return hist;
}

/** The largest gain some node still has (at most `top`). */
function topGain(hist: Uint32Array, top: number): number {
  let g = top;
  while (g > 0 && hist[g] === 0) g--;
  return g;
}

/** The sum of the k largest gains, `top` being the largest. */
function topGainsSum(hist: Uint32Array, top: number, k: number): number {
  let sum = 0;
  let need = k;
  for (let g = top; g > 0 && need > 0; g--) {
    const m = Math.min(hist[g], need);
    sum += m * g;
    need -= m;
  }
  return sum;
}

/** The first place from `from` on in candidates[0 .. count) whose node's gain is `top`; -1 if none. */
function firstWithGain(
  gain: Uint32Array,
  candidates: Uint32Array,
  count: number,
  top: number,
  from: number,
): number {
  for (let i = from; i < count; i++) if (gain[candidates[i]] === top) return i;
  return -1;
}

/** The first node from `from` on not picked yet; -1 if none. */
function firstNotPicked(picked: Uint8Array, from: number): number {
  for (let v = from; v < picked.length; v++) if (picked[v] === 0) return v;
  return -1;
}

/** Mark the sets holding u covered; returns those not covered before. */
function coverSetsOf(u: number, lists: SetLists, done: Uint8Array): Uint32Array {
  const { setOffsets, setsOf } = lists;
  const newly = new Uint32Array(setOffsets[u + 1] - setOffsets[u]);
  let m = 0;
  for (let i = setOffsets[u]; i < setOffsets[u + 1]; i++) {
    const j = setsOf[i];
    if (done[j]) continue;
    done[j] = 1;
    newly[m++] = j;
  }
  return newly.subarray(0, m);
}

/** The entries of these sets. */
function entriesOf(list: Uint32Array, offsets: Uint32Array): number {
  let entries = 0;
  for (let i = 0; i < list.length; i++) entries += offsets[list[i] + 1] - offsets[list[i]];
  return entries;
}

/** Lower the gain of every node of these sets by one per set. */
function lowerGains(list: Uint32Array, offsets: Uint32Array, nodes: Uint32Array, gain: Uint32Array): void {
  for (let i = 0; i < list.length; i++) {
    const end = offsets[list[i] + 1];
    for (let t = offsets[list[i]]; t < end; t++) gain[nodes[t]]--;
  }
}

/** lowerGains, moving each node in the histogram of the gains as well. */
function lowerCountedGains(
  list: Uint32Array,
  offsets: Uint32Array,
  nodes: Uint32Array,
  gain: Uint32Array,
  hist: Uint32Array,
): void {
  for (let i = 0; i < list.length; i++) {
    const end = offsets[list[i] + 1];
    for (let t = offsets[list[i]]; t < end; t++) {
      const v = nodes[t];
      const g = gain[v];
      hist[g]--;
      hist[g - 1]++;
      gain[v] = g - 1;
    }
  }
}

/** hist[g] = the number of nodes of gain g, for g <= top (the nodes in no set have gain 0). */
function countGains(
  gain: Uint32Array,
  candidates: Uint32Array,
  inSets: number,
  n: number,
  hist: Uint32Array,
  top: number,
): void {
  hist.fill(0, 0, top + 1);
  hist[0] = n - inSets;
  for (let i = 0; i < inSets; i++) hist[gain[candidates[i]]]++;
}

/** IMM's theta for a lower bound LB of OPT (Tang et al. 2015, eq. 6 and Theorem 1). */
export function immLambdaStar(n: number, k: number, epsilon: number, ell: number): number {
  return lambdaStar(n, logChoose(n, k), 1 - 1 / Math.E, epsilon, ell);
}

/**
 * lambda* for any family of feasible seed sets: `logSets` = ln (number of feasible sets, or an
 * upper bound), `approx` = the selector's ratio on max coverage (1 - 1/e for greedy). The result
 * is then at least (approx - epsilon) x OPT with probability 1 - 1/n^ell (Tang et al. 2015,
 * Theorem 1, whose proof uses only the union bound over feasible sets and the selector's ratio).
 */
export function lambdaStar(n: number, logSets: number, approx: number, epsilon: number, ell: number): number {
  const alpha = Math.sqrt(ell * Math.log(n) + Math.log(2));
  const beta = Math.sqrt(approx * (logSets + ell * Math.log(n) + Math.log(2)));
  return (2 * n * (approx * alpha + beta) ** 2) / epsilon ** 2;
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
export async function topUp(
  source: RrSource,
  sets: RrCollection,
  stream: number,
  target: number,
): Promise<void> {
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
      await yieldTask();
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
  return lambdaPrime(n, logChoose(n, k), epsilon, ell);
}

/** lambda' for a family of feasible sets of ln-size `logSets` (see lambdaStar). */
export function lambdaPrime(n: number, logSets: number, epsilon: number, ell: number): number {
  const logN = Math.log(Math.max(n, 2));
  const epsPrime = Math.SQRT2 * epsilon;
  return (
    ((2 + (2 / 3) * epsPrime) * (logSets + ell * logN + Math.log(Math.max(Math.log2(n), 1))) * n) /
    epsPrime ** 2
  );
}

export async function imm(source: RrSource, options: ImmOptions): Promise<ImmResult> {
  const n = source.n;
  const { k, epsilon, rngSeed } = validateImmOptions(n, options);
  const cover = options.cover ?? (async (sets: RrCollection, size: number) => maxCoverage(sets, size));
  const run = await rrMaximize(source, {
    logSets: logChoose(n, k),
    approx: 1 - 1 / Math.E,
    epsilon,
    ell: options.ell ?? IMM_DEFAULTS.ell,
    rngSeed,
    onPhase: options.onPhase,
    select: async (sets) => {
      const { seeds, covered } = await cover(sets, k);
      return { seeds, covered: covered[k - 1] };
    },
  });
  return {
    seeds: run.seeds,
    coverageEstimate: run.coverageEstimate,
    theta: run.theta,
    lowerBound: run.lowerBound,
    samplingSets: run.samplingSets,
    epsilon,
    ell: options.ell ?? IMM_DEFAULTS.ell,
  };
}

/** A feasible seed set chosen on a collection, and how many of its sets it covers. */
export interface RrChoice {
  seeds: number[];
  covered: number;
}

/**
 * IMM's two phases for any family of feasible seed sets (k seeds, or seeds within a budget):
 * the family enters only through ln of its size and the selector's approximation ratio.
 */
export interface RrMaximizeOptions {
  /** ln (number of feasible seed sets), or of an upper bound. */
  logSets: number;
  /** The selector's approximation ratio on max coverage. */
  approx: number;
  epsilon: number;
  ell: number;
  rngSeed: number;
  onPhase?: (phase: ImmPhase) => void;
  /** The best feasible set the selector finds on `sets`. */
  select: (sets: RrCollection) => Promise<RrChoice>;
}

export interface RrMaximizeResult {
  seeds: number[];
  /** n * coverage / theta on the selection sets (optimistic). */
  coverageEstimate: number;
  theta: number;
  lowerBound: number;
  samplingSets: RrCollection;
  /** The theta sets the seeds were chosen on. */
  selectionSets: RrCollection;
}

export async function rrMaximize(source: RrSource, o: RrMaximizeOptions): Promise<RrMaximizeResult> {
  const n = source.n;
  const ell = immEll(n, o.ell);
  if (!(o.epsilon > 0 && o.epsilon < 1))
    throw new RangeError(`epsilon: expected a number between 0 and 1 (exclusive), got ${o.epsilon}`);

  // Phase 1: a lower bound of OPT (Algorithm 2).
  const sampling = new RrCollection(n);
  const samplingStream = phaseSeed(o.rngSeed, 1);
  const epsPrime = Math.SQRT2 * o.epsilon;
  const lambda1 = lambdaPrime(n, o.logSets, o.epsilon, ell);
  let lowerBound = 1;
  const rounds = Math.log2(n) - 1;
  for (let i = 1; i <= rounds; i++) {
    const x = n / 2 ** i;
    const thetaI = Math.ceil(lambda1 / x);
    o.onPhase?.({ name: 'sampling', sets: thetaI });
    await topUp(source, sampling, samplingStream, thetaI);
    const { covered } = await o.select(sampling);
    const estimate = (n * covered) / sampling.count;
    if (estimate >= (1 + epsPrime) * x) {
      lowerBound = estimate / (1 + epsPrime);
      break;
    }
  }

  // Phase 2: theta fresh sets and the selector on them (Algorithm 3 with Chen's fix).
  const theta = Math.max(1, Math.ceil(lambdaStar(n, o.logSets, o.approx, o.epsilon, ell) / lowerBound));
  o.onPhase?.({ name: 'selection', sets: theta });
  const selection = new RrCollection(n);
  await topUp(source, selection, phaseSeed(o.rngSeed, 2), theta);
  const { seeds, covered } = await o.select(selection);
  return {
    seeds,
    coverageEstimate: (n * covered) / selection.count,
    theta,
    lowerBound,
    samplingSets: sampling,
    selectionSets: selection,
  };
}
