/**
 * OPIM-C: RR-set maximisation that stops as soon as the answer is provably good (Tang, Tang,
 * Xiao, Yuan, "Online Processing Algorithms for Influence Maximization", SIGMOD 2018).
 *
 * Two independent collections are drawn (of equal size, unless `validationShare` says otherwise):
 * R1 to choose on, R2 to check on. After
 * each doubling, with a = ln(3 i_max / delta):
 *   lower bound of the chosen set's coverage (from R2, which played no part in choosing it):
 *     ((sqrt(C2(S) + 2a/9) - sqrt(a/2))^2 - a/18)
 *   upper bound of the best set's coverage (from R1, any bound U >= best coverage on R1):
 *     (sqrt(U + a/2) + sqrt(a/2))^2
 * Their ratio (both scaled by n / theta) is a ratio the answer achieves with probability at least
 * 1 - delta, whatever the stopping rule, since the bounds hold at every round at once. U comes
 * from the selector: coverage / its approximation ratio, or better, an online bound (for
 * submodular coverage, Leskovec et al. KDD 2007: the chosen coverage plus the best fractional
 * use of the budget on the remaining marginal gains).
 *
 * Stopping: once the ratio is at least approx - epsilon and the error margins cost at most a
 * fraction `precision` of it (the ratio is at least (1 - precision) of what the same sets say
 * without their margins; the planner's 2 epsilon is, with epsilon = 0.1, 4 times fewer sets than
 * 1 - epsilon asks). The last round, i_max, has IMM's worst-case size for a lower bound `minOpt`
 * of the optimum, which ensures approx - epsilon on its own (OPIM-C, Theorem 4). Any stopping
 * rule keeps the guarantee, since the bounds hold at every round at once: the precision rule only
 * decides how much better than the guarantee the answer is made. With precisionOn 'selection',
 * rounds too small for R1's margin to reach `precision` are skipped (nextRound): their sets are
 * drawn, nothing is chosen on them.
 *
 * opimSeeds below is `ripple seeds --method imm`: k seeds with IMM's guarantee (1 - 1/e - epsilon,
 * probability 1 - 1/n) shown by these bounds instead of IMM's worst-case sample size.
 */
import {
  type Coverage,
  IMM_DEFAULTS,
  logChoose,
  maxCoverage,
  phaseSeed,
  topUp,
  validateImmOptions,
} from './imm.ts';
import { RrCollection, type RrSource } from './rr-sets.ts';

export interface AdaptiveChoice {
  seeds: number[];
  /** Sets of the collection the seeds cover. */
  covered: number;
  /** An upper bound of the coverage of the best feasible set on the same collection. */
  upperCovered: number;
}

export interface AdaptiveOptions {
  /** ln (number of feasible seed sets), or of an upper bound (for the last round's size). */
  logSets: number;
  /** The selector's worst-case approximation ratio on max coverage. */
  approx: number;
  epsilon: number;
  /** Failure probability of the guarantee [1 / n]. */
  delta?: number;
  /** A lower bound of the optimum's expected value in accounts (>= 1). */
  minOpt: number;
  rngSeed: number;
  /**
   * Keep doubling until the bounds' statistical margins cost at most this fraction of the ratio
   * they show (the ratio is at least (1 - precision) of what the same sets say without margins)
   * [2 epsilon]. Smaller: more sets, seeds closer to what unlimited sets would pick.
   */
  precision?: number;
  /**
   * What `precision` bounds ['ratio']: the margins of the ratio shown (both collections), or, with
   * 'selection', only the margin of R1's upper bound, half of `precision` (R1 alone decides how good
   * the choice is; R2 then only has to show the guarantee and can be smaller).
   */
  precisionOn?: 'ratio' | 'selection';
  /** R2's size as a share of R1's [1]. */
  validationShare?: number;
  onRound?: (round: { index: number; rounds: number; sets: number }) => void;
  select: (sets: RrCollection) => Promise<AdaptiveChoice>;
  /** How many sets of `sets` the seeds cover. */
  covers: (sets: RrCollection, seeds: readonly number[]) => Promise<number>;
}

export interface AdaptiveResult {
  seeds: number[];
  /** With probability 1 - delta, the seeds' expected value is at least ratio x the optimum's. */
  ratio: number;
  /** The ratio the bounds showed in the last round (ratio may be approx - epsilon when higher). */
  shown: number;
  /** Lower bound of the seeds' expected value and upper bound of the optimum's (accounts). */
  lower: number;
  upper: number;
  /** R1's sets in the last round. */
  theta: number;
  /** R2's sets in the last round. */
  validationTheta: number;
  /** Rounds chosen on (the skipped ones not counted). */
  rounds: number;
  /** R1: the seeds were chosen on these. */
  selectionSets: RrCollection;
  /** R2: independent of the choice (unbiased estimates of any of the sets chosen on R1). */
  validationSets: RrCollection;
}

const sq = (x: number) => x * x;

/** OPIM-C's lower bound of a coverage seen as c on independent sets. */
export function coverageLower(c: number, a: number): number {
  return Math.max(0, sq(Math.sqrt(c + (2 * a) / 9) - Math.sqrt(a / 2)) - a / 18);
}

/** OPIM-C's upper bound of a coverage bounded by u on the sets it was chosen on. */
export function coverageUpper(u: number, a: number): number {
  return sq(Math.sqrt(u + a / 2) + Math.sqrt(a / 2));
}

/**
 * The least coverage u whose upper bound is within a fraction `margin` of it:
 * coverageUpper(u, a) <= (1 + margin) u exactly from u = 2 (1 + margin) a / margin^2 on.
 */
export function leastCoverageWithin(margin: number, a: number): number {
  return (2 * (1 + margin) * a) / sq(margin);
}

/**
 * The round after round `i` worth drawing when only R1's margin can stop the rounds (precisionOn
 * 'selection'): R1's bound covered a share `share` of its sets, and a round can stop only once
 * the bound reaches leastCoverageWithin; rounds whose sets times that share fall short are
 * skipped (their sets are drawn, their choice is not made). Greedy's share on the sets it chose
 * on shrinks as they grow (it fits small collections better), so the share seen overestimates
 * the next rounds' and a skipped round would, but for chance, not have stopped the run: the
 * rounds end where they did without skipping, with the same sets and seeds, one greedy cover and
 * one check fewer per round skipped. Which rounds are skipped depends on the sets alone, so the
 * result is still the same for a given rng whatever the workers.
 */
export function nextRound(i: number, rounds: number, base: number, share: number, least: number): number {
  if (!(share > 0)) return i + 1;
  let j = i + 1;
  while (j < rounds - 1 && base * 2 ** j * share < least) j++;
  return j;
}

export async function rrAdaptive(source: RrSource, o: AdaptiveOptions): Promise<AdaptiveResult> {
  const n = source.n;
  const delta = o.delta ?? 1 / Math.max(n, 2);
  if (!(o.epsilon > 0 && o.epsilon < o.approx))
    throw new RangeError(`epsilon: expected a number between 0 and ${o.approx.toFixed(3)}, got ${o.epsilon}`);
  const precision = o.precision ?? 2 * o.epsilon;
  if (!(precision > 0 && precision < 1))
    throw new RangeError(`precision: expected a number between 0 and 1 (exclusive), got ${precision}`);
  const share = o.validationShare ?? 1;
  if (!(share > 0 && share <= 1))
    throw new RangeError(`validation share: expected a number in (0, 1], got ${share}`);
  const alpha = Math.sqrt(Math.log(6 / delta));
  const beta = Math.sqrt(o.approx * (o.logSets + Math.log(6 / delta)));
  const base = Math.max(1, Math.ceil(2 * sq(o.approx * alpha + beta)));
  const most = Math.ceil((2 * n * sq(o.approx * alpha + beta)) / (Math.max(1, o.minOpt) * sq(o.epsilon))) + 1;
  const rounds = Math.max(1, Math.floor(Math.log2(most / base)) + 1);
  const a = Math.log((3 * rounds) / delta);
  const r1 = new RrCollection(n);
  const r2 = new RrCollection(n);
  const least = leastCoverageWithin(precision / 2, a);
  for (let i = 0, done = 0; ; done++) {
    const theta = i === rounds - 1 ? Math.max(most, base * 2 ** i) : base * 2 ** i;
    const theta2 = Math.max(1, Math.ceil(share * theta));
    o.onRound?.({ index: i + 1, rounds, sets: theta + theta2 });
    await topUp(source, r1, phaseSeed(o.rngSeed, 2), theta);
    // Choosing on R1 and drawing R2 are independent: on a pool they run side by side.
    const [choice] = await Promise.all([o.select(r1), topUp(source, r2, phaseSeed(o.rngSeed, 1), theta2)]);
    const checked = await o.covers(r2, choice.seeds);
    const bound = Math.max(choice.upperCovered, choice.covered);
    // Both as shares of their collection's sets.
    const lower = coverageLower(checked, a) / theta2;
    const upper = coverageUpper(bound, a) / theta;
    const shown = upper > 0 ? lower / upper : 1;
    const plain = bound > 0 ? checked / theta2 / (bound / theta) : 1;
    const precise =
      o.precisionOn === 'selection'
        ? bound === 0 || coverageUpper(bound, a) / bound - 1 <= precision / 2
        : shown >= (1 - precision) * Math.min(1, plain);
    const last = i === rounds - 1;
    if (last || (shown >= o.approx - o.epsilon && precise)) {
      return {
        seeds: choice.seeds,
        ratio: last ? Math.max(shown, o.approx - o.epsilon) : shown,
        shown,
        lower: n * lower,
        upper: n * upper,
        theta,
        validationTheta: theta2,
        rounds: done + 1,
        selectionSets: r1,
        validationSets: r2,
      };
    }
    i = o.precisionOn === 'selection' ? nextRound(i, rounds, base, bound / theta, least) : i + 1;
  }
}

/**
 * Margins `ripple seeds --method imm` accepts at epsilon 0.1: at most this fraction of the ratio
 * shown (or epsilon, when smaller; above 0.1, see seedsPrecision). On NetHEPT and soc-Slashdot0902
 * (wc, k = 50) the seeds then spread within about half a per cent of what unlimited sets pick, as
 * far as the original IMM's (bench/RESULTS.md); the guarantee alone (1 - 1/e - epsilon) is shown
 * on about ten times fewer sets, whose seeds spread 3-4% less, and 10% margins still lose about 1%.
 */
export const SEEDS_PRECISION = 0.07;

/**
 * The margins `ripple seeds --method imm` accepts at a given epsilon: a user asking for a weaker
 * guarantee gets a faster answer. Up to IMM's default epsilon (0.1), min(epsilon, SEEDS_PRECISION);
 * above, SEEDS_PRECISION x sqrt(epsilon / 0.1), at most twice SEEDS_PRECISION. R1's size goes as
 * 1 / precision^2, so the work shrinks as 1 / epsilon (IMM's worst case shrinks as 1 / epsilon^2)
 * down to a quarter of epsilon 0.1's from epsilon 0.4 on. Measured (wc, k = 50, rng 1-3, the same
 * Monte Carlo runs; precision: R1 + R2 sets, mean spread): NetHEPT 0.07: 365k, 1295.6; 0.1: 183k,
 * 1292.6; 0.14: 91k, 1291.2; 0.2: 46k, 1279.1. soc-Slashdot0902 0.07: 226k, 14240; 0.1: 113k,
 * 14216; 0.14: 56k, 14118 (rng 1-7: at least 14080); 0.2: 28k, 14027. The original IMM at epsilon
 * 0.5 spreads 1282.8 and 14193.1 there: the cap (0.14) keeps 0.99 of it, 0.2 would not.
 */
export function seedsPrecision(epsilon: number): number {
  const reference = IMM_DEFAULTS.epsilon;
  if (epsilon <= reference) return Math.min(epsilon, SEEDS_PRECISION);
  return Math.min(2 * SEEDS_PRECISION, SEEDS_PRECISION * Math.sqrt(epsilon / reference));
}

/**
 * R2's size as a share of R1's for `ripple seeds`: R2 only checks the choice, and a quarter of R1
 * shows the guarantee with room to spare (the ratio shown drops by a few points), for 5/8 of the
 * sets equal collections need.
 */
export const SEEDS_VALIDATION_SHARE = 0.25;

export interface OpimSeedsOptions {
  k: number;
  /** The guarantee is (1 - 1/e - epsilon) of the optimum, with probability 1 - 1/n [0.1]. */
  epsilon?: number;
  rngSeed?: number;
  /** The margins the rounds stop at (R1's upper bound within half of it) [seedsPrecision(epsilon)]. */
  precision?: number;
  /** Told when a round starts, with the sets both collections will hold. */
  onRound?: (round: { index: number; rounds: number; sets: number }) => void;
  /** Greedy max coverage with its online upper bound [maxCoverage in this thread]. */
  cover?: (sets: RrCollection, k: number) => Promise<Coverage>;
  /** Sets covered by each prefix of the seeds [sets.prefixCoverage in this thread]. */
  prefixCoverage?: (sets: RrCollection, seeds: readonly number[]) => Promise<number[]>;
}

export interface OpimSeedsResult {
  /** Node indices in the order greedy picked them. */
  seeds: number[];
  epsilon: number;
  /** 1 - 1/e - epsilon (or 0): the ratio guaranteed with probability 1 - 1/n. */
  guarantee: number;
  /**
   * With probability 1 - 1/n the seeds' expected spread is at least ratio x the optimum's: what the
   * bounds showed, at least the guarantee.
   */
  ratio: number;
  /** Sets of R1 (the seeds were chosen on them) and of R2 (which checked them). */
  theta: number;
  validationTheta: number;
  rounds: number;
  /** Lower bound of the seeds' expected spread and upper bound of the optimum's (accounts). */
  lower: number;
  upper: number;
  /** Sets of R2 (independent of the choice) hit by each prefix of the seeds: the budget curve. */
  prefixHits: number[];
  selectionSets: RrCollection;
  validationSets: RrCollection;
}

/** k seeds by OPIM-C with IMM's guarantee, kept on until the margins cost at most seedsPrecision. */
export async function opimSeeds(source: RrSource, options: OpimSeedsOptions): Promise<OpimSeedsResult> {
  const n = source.n;
  const { k, epsilon, rngSeed } = validateImmOptions(n, {
    k: options.k,
    epsilon: options.epsilon,
    rngSeed: options.rngSeed,
  });
  const approx = 1 - 1 / Math.E;
  const cover = options.cover ?? (async (sets: RrCollection, size: number) => maxCoverage(sets, size));
  const prefix =
    options.prefixCoverage ??
    (async (sets: RrCollection, seeds: readonly number[]) => sets.prefixCoverage(seeds));
  let prefixHits: number[] = [];
  const result = await rrAdaptive(source, {
    logSets: logChoose(n, k),
    approx,
    // From 1 - 1/e on the guarantee says nothing: the precision alone decides.
    epsilon: Math.min(epsilon, approx - 1e-6),
    precision: options.precision ?? seedsPrecision(epsilon),
    precisionOn: 'selection',
    validationShare: SEEDS_VALIDATION_SHARE,
    minOpt: k,
    rngSeed,
    onRound: options.onRound,
    select: async (sets) => {
      const c = await cover(sets, k);
      return { seeds: c.seeds, covered: c.covered[k - 1], upperCovered: c.upper };
    },
    covers: async (sets, seeds) => {
      prefixHits = await prefix(sets, seeds);
      return prefixHits[prefixHits.length - 1];
    },
  });
  return {
    seeds: result.seeds,
    epsilon,
    guarantee: Math.max(0, approx - epsilon),
    ratio: result.ratio,
    theta: result.theta,
    validationTheta: result.validationTheta,
    rounds: result.rounds,
    lower: result.lower,
    upper: result.upper,
    prefixHits,
    selectionSets: result.selectionSets,
    validationSets: result.validationSets,
  };
}
