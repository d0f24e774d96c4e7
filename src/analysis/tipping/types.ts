/**
 * Types of the tipping-point sweep: what the caller asks for, the backend it runs on (an
 * EnginePool, or the in-process backend for tests and small graphs), and what it returns.
 */

import type { ModelParams, ShardResult } from '../../diffusion/types.ts';
import type { Progress, RunOptions, SimulationRequest } from '../../engine/types.ts';

/** Anything that runs a Monte Carlo scenario like EnginePool.simulate (Node or browser pool). */
export interface SimulationBackend {
  simulate(scenario: SimulationRequest, options?: RunOptions): Promise<ShardResult>;
}

/** The parameter swept: spread probability, number of seeds, or adoption threshold. */
export type Vary = 'p' | 'k' | 'phi';
export const VARIES: readonly Vary[] = ['p', 'k', 'phi'];

/** How the k seeds of a `vary: 'k'` sweep are chosen: the first k of a ranking, or k at random per run. */
export type KSeeds = { kind: 'top'; order: ArrayLike<number> } | { kind: 'random' };

export interface TippingOptions {
  /** Model parameters; the swept one (p or phi) is replaced at every point. */
  params: ModelParams;
  vary: Vary;
  from: number;
  to: number;
  /** Points of the initial, evenly spaced grid (>= 2; integers for k, duplicates merged). */
  steps: number;
  /** Monte Carlo runs per point. */
  runs: number;
  /** Seeds for `p` and `phi` sweeps [one random seed per run, `random:1`]. */
  seeds?: import('../../diffusion/types.ts').SeedPlan;
  /** Seeds for `k` sweeps [random]. */
  kSeeds?: KSeeds;
  /** Random seed of the sweep; each point derives its own from it and its x. */
  rngSeed: number;
  /** Adaptive refinement around the detected transition [REFINE_DEFAULTS]. */
  refine?: Partial<RefineOptions>;
  /** With `vary: 'k'`: find the fewest seeds whose mean reach passes this share of the nodes. */
  target?: number | null;
}

export interface RefineOptions {
  /** Rounds of refinement at most; each adds up to two points around the transition. */
  rounds: number;
  /** Stop refining when the points bracketing the transition are closer than this fraction of the grid spacing. */
  minSpacing: number;
}

export const REFINE_DEFAULTS: RefineOptions = { rounds: 4, minSpacing: 1 / 16 };

/** Statistics of the runs at one sweep point. */
export interface CurvePoint {
  x: number;
  /** Mean cascade size (active nodes, seeds included). */
  mean: number;
  /** Normal 95% confidence interval of the mean. */
  ci95: [number, number];
  /** Share of runs whose cascade reached more than GLOBAL_SHARE of the nodes. */
  globalFraction: number;
  /** Mean size of the runs that stayed small (<= smallCut(n) nodes): the finite-size susceptibility; null if none did. */
  smallMean: number | null;
  /** Runs that stayed small (counted in smallMean). */
  smallRuns: number;
  /** Mean share of the nodes reached by the runs that went global; null if none did. */
  globalShare: number | null;
  runs: number;
  /** Whether the point was added by the adaptive refinement (false: initial grid). */
  refined: boolean;
}

export type Detector = 'susceptibility' | 'globalOnset' | 'reachPerSeed';

export interface Detection {
  /** The detected critical point, or null when the swept range shows no transition. */
  critical: number | null;
  detector: Detector | null;
  /** Where each signal puts the transition (null when it shows none). */
  susceptibilityPeak: number | null;
  globalOnset: number | null;
  /** k sweeps: where the reach per seed jumps (null for other sweeps, or when it does not). */
  reachPerSeed: number | null;
  /** The sweep points bracketing the transition of the detector used. */
  bracket: [number, number] | null;
}

export interface FewestSeeds {
  /** Fewest seeds whose mean reach is at least target * nodes. */
  k: number;
  mean: number;
  share: number;
  ci95: [number, number];
  /** The evaluation at k - 1 (below the target), when k > 1. */
  below: { k: number; mean: number; share: number } | null;
  /** Points the search simulated beyond those the sweep already had. */
  simulated: number;
}

export interface TippingResult {
  vary: Vary;
  params: ModelParams;
  nodes: number;
  curve: CurvePoint[];
  critical: number | null;
  theory: number | null;
  /** What the theory is and its ingredients (branching factor B, Watts' K*). */
  theoryDetail: TheoryDetail | null;
  detection: Detection;
  /** Points simulated (grid, refinement and seed search) and Monte Carlo runs in all. */
  pointsEvaluated: number;
  runsTotal: number;
  refinementRounds: number;
  fewestSeeds: FewestSeeds | null;
}

export type TheoryDetail =
  | { kind: 'branching'; formula: string; branching: number }
  | { kind: 'sir-branching'; formula: string; branching: number; gamma: number }
  | {
      kind: 'watts';
      formula: string;
      degree: number | null;
      branchingBelow: number | null;
      branchingAbove: number | null;
    };

export interface SweepRunOptions {
  signal?: AbortSignal;
  /** Runs done of the runs planned so far, over the whole sweep (the plan grows if the seed search needs more). */
  onProgress?: (progress: Progress) => void;
}
