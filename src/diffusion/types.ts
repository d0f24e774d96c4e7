/**
 * Types of the cascade engine: models, their parameters, seed plans, and what a shard of Monte
 * Carlo runs returns. Everything here is plain data so it crosses the worker boundary as is.
 */

export type ModelName = 'ic' | 'wc' | 'lt' | 'sir' | 'threshold';
export const MODEL_NAMES: readonly ModelName[] = ['ic', 'wc', 'lt', 'sir', 'threshold'];

/** Parameters of every model, resolved (see defaults.ts); a model reads only the ones it uses. */
export interface ModelParams {
  model: ModelName;
  /** ic/sir: transmission probability per arc and attempt; ic with null uses the file's probabilities. */
  p: number | null;
  /** sir: recovery probability per step. */
  gamma: number;
  /** threshold: fraction of in-neighbours that must have adopted. */
  phi: number;
  /** Stop after this step (0 = seeds only); null = until the cascade dies out. */
  maxSteps: number | null;
  /** Tie-aware diffusion (ic: strong/weak probabilities and groups; threshold: strong ties only). */
  ties?: TieParams;
}

/**
 * What the tie kinds change (docs/models.md, "Strong and weak ties"). Arcs are classified once
 * per simulator by src/graph/ties.ts; groups are node indices.
 */
export interface TieParams {
  /** `mutual` or `embeddedness:X`. */
  strongBy: string;
  /** ic: probability on strong arcs. */
  pStrong: number;
  /** ic: probability on weak arcs. */
  pWeak: number;
  /** ic: groups of node indices; an adopter reaches each other member with pGroup, once per shared group. */
  groups: number[][];
  pGroup: number;
  /** threshold: count only strong in-arcs (both for the need and for the adopted neighbours). */
  strongOnly: boolean;
}

/** Indices of the `via` counters: adoptions through a strong arc, a weak arc, a group. */
export const VIA_STRONG = 0;
export const VIA_WEAK = 1;
export const VIA_GROUP = 2;
export const VIA_KINDS = 3;

/** Seeds launched together at one step. Seeds of later groups may already be active by then. */
export interface SeedGroup {
  nodes: number[];
  start: number;
}

/** Fixed seed groups, or a fresh uniformly random set of k distinct nodes in every run. */
export type SeedPlan = { kind: 'groups'; groups: SeedGroup[] } | { kind: 'random'; k: number };

/** A Monte Carlo job over runs [firstRun, firstRun + runCount) of one scenario. */
export interface ShardRequest {
  params: ModelParams;
  seeds: SeedPlan;
  rngSeed: number;
  firstRun: number;
  runCount: number;
  /** Record the activation tree of this run index if it falls in the shard. */
  traceRun: number | null;
  /** Count, for every node, the runs in which it was activated (per-community reach, heat maps). */
  nodeCounts?: boolean;
}

/** One cascade, recorded for playback: activation order with step, hop and parent. */
export interface Trace {
  run: number;
  /** Activated nodes in activation order (seeds first). */
  nodes: Uint32Array;
  /** Step at which each node became active. */
  steps: Uint32Array;
  /** Hops along the activation chain from a seed (seeds have 0). */
  hops: Uint32Array;
  /** Who activated each node (node index), -1 for seeds. */
  parents: Int32Array;
  /** Accounts that received the content at least once in this run, active or not. */
  exposed: Uint32Array;
}

/**
 * Per-run outcomes of a shard, indexed by run - firstRun. Counts are integers, so merging shards
 * by concatenation and integer sums is exact whatever the split.
 */
export interface ShardResult {
  firstRun: number;
  runCount: number;
  /** Final number of active nodes per run. */
  sizes: Uint32Array;
  /** Accounts exposed (received at least one activation attempt, or are seeds) per run. */
  exposed: Uint32Array;
  /** Sum over runs of the number of nodes activated at hop h (not cumulative). */
  hopCounts: Float64Array;
  /** Sum over runs of the number of nodes activated at step t (not cumulative). */
  stepCounts: Float64Array;
  /** Step of each run's last activation (after it the run's adoption curve stays at its size). */
  lastSteps: Uint32Array;
  /**
   * Sum over runs r of A_r(t)^2 for t <= lastSteps[r], where A_r(t) = nodes active after step t
   * in run r: with stepCounts and lastSteps it gives the spread of the adoption curve per step.
   */
  stepSquares: Float64Array;
  /** Runs in which each node was activated, when the request asked for nodeCounts; else null. */
  nodeCounts: Uint32Array | null;
  /** Arcs examined (activation attempts considered), for throughput figures. */
  arcsExamined: number;
  trace: Trace | null;
  /**
   * Tie-aware runs only: per run, adoptions (seeds excluded) through a strong arc, a weak arc and
   * a group, at [VIA_KINDS * (run - firstRun) + kind].
   */
  via?: Uint32Array | null;
}

/** Monte Carlo summary: the fields of `ripple simulate --json`. */
export interface SimulationSummary {
  runs: number;
  mean: number;
  std: number;
  ci95: [number, number];
  /** Mean number of exposed accounts (impressions: received the content, adopted or not). */
  exposed: number;
  /** reachByHop[h] = mean number active within h hops of the seeds (cumulative, index 0 = seeds). */
  reachByHop: number[];
  /** adoptionByStep[t] = mean number active after step t (cumulative, index 0 = step 0). */
  adoptionByStep: number[];
  /** 95% confidence interval of adoptionByStep[t], per step. */
  adoptionByStepCi95: [number, number][];
  sizes: { min: number; max: number; median: number; histogram: HistogramBin[] };
  /** Tie-aware runs only: mean adoptions per run (seeds excluded) by what carried them. */
  via?: { strong: number; weak: number; group: number };
}

/** Cascade sizes in [from, to] (inclusive integers). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}
