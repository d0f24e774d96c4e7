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
 * decides how much better than the guarantee the answer is made.
 *
 * opimSeeds below is `ripple seeds --method imm`: k seeds with IMM's guarantee (1 - 1/e - epsilon,
 * probability 1 - 1/n) shown by these bounds instead of IMM's worst-case sample size.
 */
import { type Coverage, logChoose, maxCoverage, phaseSeed, topUp, validateImmOptions } from './imm.ts';
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
  for (let i = 0; ; i++) {
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
        rounds: i + 1,
        selectionSets: r1,
        validationSets: r2,
      };
    }
  }
}

/**
 * Margins `ripple seeds --method imm` accepts: at most this fraction of the ratio shown (or epsilon,
 * when smaller). On NetHEPT and soc-Slashdot0902 (wc, k = 50) the seeds then spread within about
 * half a per cent of what unlimited sets pick, as far as the original IMM's (bench/RESULTS.md); the
 * guarantee alone (1 - 1/e - epsilon) is shown on about ten times fewer sets, whose seeds spread
 * 3-4% less, and 10% margins still lose about 1%.
 */
export const SEEDS_PRECISION = 0.07;

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

/** k seeds by OPIM-C with IMM's guarantee, kept on until the margins cost at most SEEDS_PRECISION. */
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
    precision: Math.min(epsilon, SEEDS_PRECISION),
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
