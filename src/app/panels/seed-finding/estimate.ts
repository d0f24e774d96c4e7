/**
 * How long finding seeds will take, before it runs and while it runs.
 *
 * Before: a model of the work each method does (the same formulas as src/seeding: IMM's sampling
 * rounds and theta from Tang, Shi & Xiao 2015, CELF's first round of n x runs cascades, the
 * budget-curve sets, the fresh measuring runs), priced with a calibration measured on this
 * machine for this graph and model (calibrate.ts): milliseconds per RR set and per Monte Carlo run
 * through the worker pool, per stored set entry for greedy coverage, and how much of a sample of
 * RR sets greedy's first k seeds cover (which decides IMM's lower bound of OPT, hence theta).
 *
 * While running: a Forecast follows the phases the run reports, replaces predicted amounts with the
 * real ones as they become known (IMM's theta), and scales what is left by how fast the work done
 * so far went against its prediction, so the time left is the whole task's, not the current batch's.
 */
import { CELF_DEFAULTS } from '../../../seeding/celf.ts';
import type { SeedMethod } from '../../../seeding/find-seeds.ts';
import { logChoose } from '../../../seeding/imm.ts';
import {
  coverageLower,
  coverageUpper,
  leastCoverageWithin,
  nextRound,
  SEEDS_VALIDATION_SHARE,
  seedsPrecision,
} from '../../../seeding/opim.ts';

/** What calibrate.ts measured for one graph and model on this machine, with the pool as it is. */
export interface Calibration {
  /** Nodes and arcs of the graph. */
  n: number;
  arcs: number;
  /** Wall-clock ms per RR set generated through the pool (every worker busy), transfer included. */
  msPerSet: number;
  /** Mean nodes per RR set. */
  setSize: number;
  /**
   * Share of sampled RR sets covered by greedy's first k seeds, k = 1..length: on the sets greedy
   * chose them on (optimistic) and on other sets (pessimistic).
   */
  fitted: number[];
  heldOut: number[];
  /** Wall-clock ms per stored RR-set entry of a greedy max coverage (inverting included). */
  msPerEntry: number;
  /** Wall-clock ms per Monte Carlo run from one random account through the pool. */
  msPerRun: number;
  /** Mean accounts reached by those runs. */
  runSize: number;
}

/** What the run will do and how long each part should take. */
export interface EstimateStep {
  name: 'sampling' | 'selection' | 'celfFirst' | 'celf' | 'choosing' | 'budget' | 'measuring';
  ms: number;
}

export interface Estimate {
  ms: number;
  steps: EstimateStep[];
  /** RR sets the run will sample in all (IMM: sampling and selection; others: the budget curve). */
  sets: number;
  /** Mean accounts per RR set (what a set costs). */
  setSize: number;
  /** Monte Carlo cascades (CELF's choice and the measuring runs). */
  cascades: number;
  /** Predicted IMM quantities, for the forecast. */
  imm: ImmPlan | null;
}

export interface EstimateSettings {
  method: SeedMethod;
  k: number;
  epsilon: number;
  runs: number;
  /** RR sets of the budget curve of methods other than IMM. */
  curveSets: number;
  celfRuns?: number;
}

/** Pool round trips, worker start-up and the main thread's share: a fixed floor. */
export const FIXED_MS = 300;
/** Louvain and the heuristics in a worker: ms per arc (measured: ~0.3 s for ego-Facebook's 176k arcs). */
const CHOOSE_MS_PER_ARC = 0.002;

/**
 * IMM's amounts for a coverage share F of its k seeds. `ripple seeds --method imm` and this tab run
 * opimSeeds (src/seeding/opim.ts): R1 doubles from OPIM-C's base size until the bounds show
 * 1 - 1/e - epsilon and R1's margin is within seedsPrecision(epsilon) / 2, with R2 a quarter of
 * R1, skipping the rounds too small to reach that margin; this replays those rounds with F
 * standing for the share R1's and R2's sets are covered.
 */
export interface ImmPlan {
  /** Sets of R1 and R2 together after each round (what the run reports as it samples). */
  rounds: number[];
  /** The expected spread of the k seeds, n F. */
  lowerBound: number;
  /** R1's size at the last round. */
  theta: number;
  /** R2's size at the last round (the budget curve counts its coverage). */
  curveSets: number;
}

const sq = (x: number) => x * x;

export function immPlan(n: number, k: number, epsilon: number, share: number): ImmPlan {
  const approx = 1 - 1 / Math.E;
  const delta = 1 / Math.max(n, 2);
  const eps = Math.min(epsilon, approx - 1e-6);
  const precision = seedsPrecision(epsilon);
  const alpha = Math.sqrt(Math.log(6 / delta));
  const beta = Math.sqrt(approx * (logChoose(n, k) + Math.log(6 / delta)));
  const base = Math.max(1, Math.ceil(2 * sq(approx * alpha + beta)));
  const most = Math.ceil((2 * n * sq(approx * alpha + beta)) / (Math.max(1, k) * sq(eps))) + 1;
  const count = Math.max(1, Math.floor(Math.log2(most / base)) + 1);
  const a = Math.log((3 * count) / delta);
  const least = leastCoverageWithin(precision / 2, a);
  const rounds: number[] = [];
  for (let i = 0; ; i = nextRound(i, count, base, share, least)) {
    const theta = i === count - 1 ? Math.max(most, base * 2 ** i) : base * 2 ** i;
    const theta2 = Math.max(1, Math.ceil(SEEDS_VALIDATION_SHARE * theta));
    rounds.push(theta + theta2);
    const covered = share * theta;
    const upper = coverageUpper(covered, a) / theta;
    const shown = upper > 0 ? coverageLower(share * theta2, a) / theta2 / upper : 1;
    const precise = covered === 0 || coverageUpper(covered, a) / covered - 1 <= precision / 2;
    if (i === count - 1 || (shown >= approx - eps && precise))
      return { rounds, lowerBound: n * share, theta, curveSets: theta2 };
  }
}

/** Coverage share of k seeds: between the optimistic and the pessimistic measurement. */
export function coverageShare(cal: Calibration, k: number): number {
  const i = Math.min(k, cal.fitted.length) - 1;
  if (i < 0) return 0;
  const fit = cal.fitted[i];
  const held = cal.heldOut[i];
  return held > 0 ? Math.sqrt(fit * held) : fit;
}

/** ms of `runs` cascades from seeds reaching `reach` accounts on average. */
function cascadesMs(cal: Calibration, runs: number, reach: number): number {
  return runs * cal.msPerRun * Math.max(1, reach / Math.max(1, cal.runSize));
}

/** The time IMM needs for `sets` more sets and greedy coverage over `stored` sets. */
function setsMs(cal: Calibration, sets: number): number {
  return sets * cal.msPerSet;
}
function coverMs(cal: Calibration, stored: number): number {
  return stored * cal.setSize * cal.msPerEntry;
}

/** The sampling-phase ms of an IMM plan up to and including round `upTo` (index into rounds). */
export function immSamplingMs(cal: Calibration, rounds: readonly number[], upTo = rounds.length - 1): number {
  let ms = 0;
  let have = 0;
  for (let i = 0; i <= upTo && i < rounds.length; i++) {
    ms += setsMs(cal, Math.max(0, rounds[i] - have)) + coverMs(cal, rounds[i]);
    have = Math.max(have, rounds[i]);
  }
  return ms;
}

export function immSelectionMs(cal: Calibration, theta: number): number {
  return setsMs(cal, theta) + coverMs(cal, theta);
}

export function immBudgetMs(cal: Calibration, sampled: number, theta: number): number {
  const target = Math.max(sampled, Math.ceil(theta / 2));
  return setsMs(cal, target - sampled) + coverMs(cal, target);
}

/** What finding seeds with these settings will take on the calibrated graph. */
export function estimate(cal: Calibration, s: EstimateSettings): Estimate {
  const n = cal.n;
  const k = Math.max(1, Math.min(s.k, n));
  const reachK = n * coverageShare(cal, k);
  const measuring = cascadesMs(cal, s.runs, reachK);
  const steps: EstimateStep[] = [];
  let sets = 0;
  let cascades = s.runs;
  let plan: ImmPlan | null = null;
  switch (s.method) {
    case 'imm': {
      plan = immPlan(n, k, s.epsilon, coverageShare(cal, k));
      // Each round samples its new sets and covers R1 greedily; the budget curve counts R2.
      steps.push({ name: 'sampling', ms: immSamplingMs(cal, plan.rounds) });
      steps.push({ name: 'budget', ms: coverMs(cal, plan.curveSets) });
      sets = plan.theta + plan.curveSets;
      break;
    }
    case 'celf': {
      const runs = s.celfRuns ?? CELF_DEFAULTS.runs;
      // First round: every account alone; then, per seed, a few batches of candidates re-evaluated
      // on top of the seeds chosen so far (lazy evaluation: about two batches a round in practice).
      steps.push({ name: 'celfFirst', ms: cascadesMs(cal, n * runs, cal.runSize) });
      const later = k > 1 ? (k - 1) * 2 * CELF_DEFAULTS.batch : 0;
      steps.push({
        name: 'celf',
        ms: cascadesMs(cal, later * runs, n * coverageShare(cal, Math.ceil(k / 2))),
      });
      steps.push({ name: 'budget', ms: setsMs(cal, s.curveSets) });
      sets = s.curveSets;
      cascades += n * runs + later * runs;
      break;
    }
    default: {
      steps.push({ name: 'choosing', ms: s.method === 'community' ? cal.arcs * CHOOSE_MS_PER_ARC : 0 });
      steps.push({ name: 'budget', ms: setsMs(cal, s.curveSets) });
      sets = s.curveSets;
    }
  }
  steps.push({ name: 'measuring', ms: measuring });
  const ms = FIXED_MS + steps.reduce((sum, step) => sum + step.ms, 0);
  return { ms, steps, sets, setSize: cal.setSize, cascades, imm: plan };
}

/**
 * The whole task's time left while it runs. Work is counted in predicted milliseconds: the steps
 * of the estimate, each done when the next starts, the current one by its reported fraction. How
 * fast the done part went against its prediction scales what is left; with nothing done yet, the
 * estimate stands.
 */
export class Forecast {
  private readonly steps: EstimateStep[];
  private current = -1;
  private fraction = 0;
  private readonly started: number;

  constructor(
    estimate: Pick<Estimate, 'steps'>,
    now: number,
    private readonly fixedMs = FIXED_MS,
  ) {
    this.steps = estimate.steps.map((s) => ({ ...s }));
    this.started = now;
  }

  /** A step starts (the ones before it are done); `ms` replaces its prediction when now known. */
  start(name: EstimateStep['name'], ms?: number): void {
    let i = this.steps.findIndex((s, j) => j >= Math.max(0, this.current) && s.name === name);
    if (i < 0) {
      this.steps.splice(this.current + 1, 0, { name, ms: ms ?? 0 });
      i = this.current + 1;
    }
    if (ms !== undefined) this.steps[i].ms = ms;
    this.current = i;
    this.fraction = 0;
  }

  /** Replace the prediction of a later step (IMM's selection once theta is known). */
  replan(name: EstimateStep['name'], ms: number): void {
    const i = this.steps.findIndex((s, j) => j > this.current && s.name === name);
    if (i >= 0) this.steps[i].ms = ms;
  }

  /** How far the current step is (0..1). */
  progress(fraction: number): void {
    this.fraction = Math.max(0, Math.min(1, fraction));
  }

  /** Predicted ms of the work done and of all the work. */
  private predicted(): { done: number; total: number } {
    let done = 0;
    let total = this.fixedMs;
    this.steps.forEach((s, i) => {
      total += s.ms;
      if (i < this.current) done += s.ms;
      else if (i === this.current) done += s.ms * this.fraction;
    });
    return { done, total };
  }

  /** Time left in ms at `now`. */
  etaMs(now: number): number {
    const elapsed = Math.max(0, now - this.started);
    const { done, total } = this.predicted();
    const left = Math.max(0, total - done);
    // Until a tenth of the predicted work is done the rate says little: trust the prediction,
    // but never say less than what the elapsed time already shows is left.
    if (done < 0.1 * total || done <= 0) return Math.max(0, total - elapsed);
    const rate = Math.max(0.2, Math.min(5, elapsed / done));
    return left * rate;
  }
}
