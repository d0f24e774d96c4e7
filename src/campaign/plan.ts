/**
 * Planning a campaign end to end on any EnginePool (the CLI's worker threads, the app's Web
 * Workers): the seeds a budget can buy that maximise the objective, the campaign figures of the
 * plan and of the rule-of-thumb strategies at the same budget (Monte Carlo, 95% intervals), and
 * the budget curve of every strategy. `ripple plan` and the app's Plan panel both call
 * planCampaign, so the same options and rng give the same plan.
 *
 * Choosing (method imm): reverse-reachable sets of the objective's kind (rr-sets.ts: reach, or
 * exposure) and budgeted max coverage, better of two greedy rules (budgeted-coverage.ts), inside
 * IMM's sampling scheme (rrMaximize): expected objective >= ((1 - 1/e)/2 - epsilon) x the best
 * affordable plan's, with probability 1 - 1/n. Method celf: the same rules on Monte Carlo
 * estimates (small graphs).
 *
 * Measuring: every strategy's figures come from fresh runs of one random stream (the same runs
 * for every strategy: differences are not noise of different draws), never from the samples the
 * plan was chosen on. Budget curves come from the sampling-phase RR sets, independent of the
 * selection sets the plans at each budget are chosen on.
 */
import type { ModelParams } from '../diffusion/types.ts';
import type { EnginePool, Progress, RunOptions } from '../engine/pool.ts';
import type { Csr } from '../graph/types.ts';
import { rrEstimate } from '../seeding/budget-curve.ts';
import { CELF_DEFAULTS, checkCelfSize } from '../seeding/celf.ts';
import { collectionInput } from '../seeding/find-seeds.ts';
import { logChoose, phaseSeed } from '../seeding/imm.ts';
import { rrAdaptive } from '../seeding/opim.ts';
import { poolRrSource } from '../seeding/pool-sources.ts';
import { RrCollection, type RrSource, rrParams, withTarget } from '../seeding/rr-sets.ts';
import { printable } from '../util/printable.ts';
import { budgetedCelf } from './budgeted-celf.ts';
import {
  approxOf,
  BUDGETED_APPROX,
  type BudgetedCoverage,
  enumerationFor,
  type GreedyRule,
} from './budgeted-coverage.ts';
import { cheapest, mostAffordable } from './costs.ts';
import { type CampaignRuns, costPer, type Estimate, estimate, mergeCampaignRuns } from './figures.ts';
import type { CampaignTarget } from './jobs.ts';
import type { Baseline } from './strategies.ts';

export { PLAN_OBJECTIVES as OBJECTIVES, type PlanObjective as Objective } from '../engine/objective-param.ts';

import { PLAN_OBJECTIVES as OBJECTIVES, type PlanObjective as Objective } from '../engine/objective-param.ts';
export const PLAN_METHODS = ['imm', 'celf'] as const;
export type PlanMethod = (typeof PLAN_METHODS)[number];
export type StrategyName = 'optimised' | 'optimised-staggered' | Baseline;
export const STRATEGIES: readonly StrategyName[] = [
  'optimised',
  'optimised-staggered',
  'biggest',
  'small',
  'community',
];

export const PLAN_DEFAULTS = {
  objective: 'reach',
  method: 'imm',
  conversion: 0.01,
  runs: 2000,
  epsilon: 0.1,
  celfRuns: CELF_DEFAULTS.runs,
  stagger: 1,
  curvePoints: 8,
  /** RR sets of the budget curves when the plan was chosen by CELF (no sampling phase). */
  celfCurveSets: 50_000,
} as const;

export interface PlanOptions {
  /** Resolved ic, wc or lt parameters. */
  params: ModelParams;
  /** Cost per account (node index), every one >= 0. */
  costs: Float64Array;
  budget: number;
  objective?: Objective;
  method?: PlanMethod;
  /** Conversion rate per reached account, in [0, 1]. */
  conversion?: number;
  /** Value of one conversion (for ROI), or null. */
  value?: number | null;
  /** Price of 1000 impressions of paid advertising (for the ad-equivalent value), or null. */
  cpm?: number | null;
  runs?: number;
  rngSeed: number;
  epsilon?: number;
  celfRuns?: number;
  /** Steps between successive seeds of the staggered launch. */
  stagger?: number;
  curvePoints?: number;
}

export type PlanPhase =
  | { name: 'sampling' | 'selection'; sets: number }
  | { name: 'celf' }
  | { name: 'strategies' }
  | { name: 'curve' }
  | { name: 'measuring'; strategy: StrategyName };

export interface PlanRun {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  onPhase?: (phase: PlanPhase) => void;
}

export interface CampaignFigures {
  reach: Estimate;
  exposure: Estimate;
  impressions: Estimate;
  conversions: Estimate;
  /** Cost per reached account, per conversion (null when the interval reaches 0). */
  costPerReach: Estimate | null;
  costPerConversion: Estimate | null;
  /** (value x conversions - cost) / cost, when a value and a positive cost are given. */
  roi: Estimate | null;
  /** impressions x cpm / 1000, when a CPM is given. */
  adEquivalent: Estimate | null;
}

export interface StrategyResult extends CampaignFigures {
  name: StrategyName;
  /** Node indices, in the order the strategy picked them. */
  seeds: number[];
  /** Launch step of each seed (all 0 but for the staggered launch). */
  starts: number[];
  cost: number;
}

export interface CurvePoint {
  budget: number;
  cost: number;
  seeds: number;
  /** Expected objective at this budget (RR estimate with its 95% interval). */
  objective: Estimate;
}

export interface PlanPick {
  node: number;
  cost: number;
  followers: number;
  /** What this pick adds to the expected objective, after the picks before it. */
  marginalGain: number;
}

export interface Guarantee {
  method: PlanMethod;
  /** The better of the cost-effective and the plain greedy won. */
  rule: GreedyRule;
  /** Expected objective >= ratio x the best affordable plan's (rr: with probability `confidence`). */
  ratio: number;
  epsilon: number | null;
  confidence: number | null;
  rrSets: number | null;
  /** The most accounts the budget can buy: the size of the largest feasible seed set. */
  maxSeeds: number;
  text: string;
}

export interface PlanResult extends CampaignFigures {
  seeds: number[];
  cost: number;
  budget: number;
  objective: Objective;
  picks: PlanPick[];
  guarantee: Guarantee;
  strategies: StrategyResult[];
  budgetCurve: { budgets: number[]; strategies: Record<StrategyName, CurvePoint[]> };
  runs: number;
  seconds: number;
  warnings: string[];
}

/** A plan that cannot be made from these inputs (the message says why and what would work). */
export class PlanError extends Error {}

/** ln (number of seed sets of at most k of n accounts): log-sum-exp of ln C(n, j), j <= k. */
export function logFeasible(n: number, k: number): number {
  let total = 0; // ln C(n, 0)
  for (let j = 1; j <= k; j++) {
    const term = logChoose(n, j);
    total = Math.max(total, term) + Math.log1p(Math.exp(-Math.abs(total - term)));
  }
  return total;
}

function checkOptions(
  o: PlanOptions,
  n: number,
): Required<Omit<PlanOptions, 'value' | 'cpm'>> & {
  value: number | null;
  cpm: number | null;
} {
  const d = PLAN_DEFAULTS;
  const r = {
    ...o,
    objective: o.objective ?? d.objective,
    method: o.method ?? d.method,
    conversion: o.conversion ?? d.conversion,
    value: o.value ?? null,
    cpm: o.cpm ?? null,
    runs: o.runs ?? d.runs,
    epsilon: o.epsilon ?? d.epsilon,
    celfRuns: o.celfRuns ?? d.celfRuns,
    stagger: o.stagger ?? d.stagger,
    curvePoints: o.curvePoints ?? d.curvePoints,
  };
  if (o.costs.length !== n) throw new RangeError(`costs: ${o.costs.length} costs for ${n} accounts`);
  if (!(Number.isFinite(r.budget) && r.budget >= 0))
    throw new RangeError(`budget: expected a number >= 0, got ${r.budget}`);
  if (!(r.conversion >= 0 && r.conversion <= 1))
    throw new RangeError(`conversion: expected a rate from 0 to 1, got ${r.conversion}`);
  if (!OBJECTIVES.includes(r.objective))
    throw new RangeError(`objective: expected one of ${OBJECTIVES.join(', ')}`);
  if (!PLAN_METHODS.includes(r.method))
    throw new RangeError(`method: expected one of ${PLAN_METHODS.join(', ')}`);
  if (!(r.epsilon > 0 && r.epsilon < BUDGETED_APPROX))
    throw new RangeError(
      `epsilon: expected a number between 0 and ${BUDGETED_APPROX.toFixed(3)} ((1 - 1/e)/2, the better-of-two guarantee), got ${r.epsilon}`,
    );
  for (const [name, v, min] of [
    ['runs', r.runs, 1],
    ['celf runs', r.celfRuns, 1],
    ['stagger', r.stagger, 0],
    ['curve points', r.curvePoints, 1],
  ] as const) {
    if (!(Number.isInteger(v) && v >= min))
      throw new RangeError(`${name}: expected a whole number >= ${min}, got ${v}`);
  }
  return r;
}

/** Figures from per-run values: every money figure is linear in a per-run count. */
export function campaignFigures(
  runs: CampaignRuns,
  cost: number,
  rate: number,
  value: number | null,
  cpm: number | null,
): CampaignFigures {
  const reach = estimate(runs.reach);
  const conversions = estimate(runs.reach, rate);
  const impressions = estimate(runs.impressions);
  let roi: Estimate | null = null;
  if (value !== null && cost > 0) {
    const r = estimate(runs.reach, (rate * value) / cost);
    roi = { mean: r.mean - 1, ci95: [r.ci95[0] - 1, r.ci95[1] - 1] };
  }
  return {
    reach,
    exposure: estimate(runs.exposure),
    impressions,
    conversions,
    costPerReach: costPer(cost, reach),
    costPerConversion: costPer(cost, conversions),
    roi,
    adEquivalent: cpm === null ? null : estimate(runs.impressions, cpm / 1000),
  };
}

/** Monte Carlo runs of fixed seed groups, sharded over the pool. */
async function measure(
  pool: EnginePool,
  params: ModelParams,
  seeds: number[],
  starts: number[],
  runs: number,
  rngSeed: number,
  options: RunOptions,
): Promise<CampaignRuns> {
  if (seeds.length === 0)
    return {
      firstRun: 0,
      reach: new Uint32Array(runs),
      exposure: new Uint32Array(runs),
      impressions: new Float64Array(runs),
    };
  const byStart = new Map<number, number[]>();
  seeds.forEach((s, i) => {
    const list = byStart.get(starts[i]) ?? [];
    list.push(s);
    byStart.set(starts[i], list);
  });
  const groups = [...byStart].map(([start, nodes]) => ({ start, nodes }));
  const per = Math.max(16, Math.ceil(runs / (8 * pool.size)));
  const inputs = [];
  for (let first = 0; first < runs; first += per)
    inputs.push({ params, groups, rngSeed, first, count: Math.min(per, runs - first) });
  return mergeCampaignRuns(await pool.runJobs('campaignRuns', inputs, options));
}

export async function planCampaign(
  pool: EnginePool,
  csr: Csr,
  ids: readonly string[],
  options: PlanOptions,
  run: PlanRun = {},
): Promise<PlanResult> {
  const started = performance.now();
  const o = checkOptions(options, csr.n);
  const n = csr.n;
  const { costs, budget } = o;
  const low = cheapest(costs);
  if (costs[low] > budget)
    throw new PlanError(
      `budget ${budget} buys no account: the cheapest, '${printable(ids[low])}', costs ${costs[low]}`,
    );
  const target: CampaignTarget = o.objective === 'exposure' ? 'exposure' : 'reach';
  const scale = o.objective === 'conversions' ? o.conversion : 1;
  const rr = withTarget(rrParams(o.params), target);
  const progress: RunOptions = { signal: run.signal, onProgress: run.onProgress };
  const source: RrSource = poolRrSource(pool, n, rr, progress);
  const maxSeeds = mostAffordable(costs, budget);
  const costsInput = costs.slice();
  const warnings: string[] = [];

  // The rule-of-thumb strategies at every budget of the curve (the last is the budget itself):
  // Louvain takes seconds on large graphs, so they run beside the choosing.
  const budgets = Array.from({ length: o.curvePoints }, (_, j) => (budget * (j + 1)) / o.curvePoints);
  const baselinesLater = pool.runJobs('baselinePicks', [{ costs: costsInput, budgets, rngSeed: o.rngSeed }], {
    signal: run.signal,
  });
  baselinesLater.catch(() => {
    // Awaited below; a failure of the choosing comes first.
  });

  // Choose the plan.
  let chosen: { seeds: number[]; rule: GreedyRule };
  let selectionSets: RrCollection;
  let curveSets: RrCollection;
  let guarantee: Guarantee;
  if (o.method === 'imm') {
    const enumeration = enumerationFor(n);
    const approx = approxOf(enumeration);
    let rule: GreedyRule = 'cost-effective';
    const result = await rrAdaptive(source, {
      logSets: logFeasible(n, maxSeeds),
      approx,
      epsilon: o.epsilon,
      minOpt: Math.max(1, maxSeeds),
      rngSeed: o.rngSeed,
      onRound: (r) => run.onPhase?.({ name: 'sampling', sets: r.sets }),
      select: async (sets) => {
        const [[cover]] = await pool.runJobs(
          'budgetedCover',
          [{ ...collectionInput(sets), costs: costsInput, budgets: [budget] }],
          { signal: run.signal },
        );
        rule = cover.best.rule;
        return { seeds: cover.best.seeds, covered: cover.best.covered, upperCovered: cover.upperCovered };
      },
      covers: async (sets, seeds) => {
        const [[hits]] = await pool.runJobs(
          'setsCovered',
          [{ ...collectionInput(sets), seedLists: [[...seeds]] }],
          {
            signal: run.signal,
          },
        );
        return hits;
      },
    });
    chosen = { seeds: result.seeds, rule };
    selectionSets = result.selectionSets;
    curveSets = result.validationSets;
    const how =
      enumeration === 'full'
        ? 'every start of up to 3 accounts completed by the cost-effective greedy, and the plain greedy'
        : 'the better of the cost-effective and the plain greedy, and completions from the top accounts';
    guarantee = {
      method: 'imm',
      rule,
      ratio: result.ratio,
      epsilon: o.epsilon,
      confidence: 1 - 1 / n,
      rrSets: 2 * result.theta,
      maxSeeds,
      text: `expected ${o.objective} at least ${(100 * result.ratio).toFixed(1)}% of the best plan the budget can buy, with probability at least 1 - 1/n (OPIM-C bounds on ${2 * result.theta} RR sets; never below ${enumeration === 'full' ? '1 - 1/e' : '(1 - 1/e)/2'} - epsilon); ${how} (${rule} won)`,
    };
  } else {
    const warning = checkCelfSize(n);
    if (warning) warnings.push(warning);
    run.onPhase?.({ name: 'celf' });
    const evaluate = async (base: readonly number[], candidates: readonly number[]) => {
      const group = Math.max(1, Math.min(256, Math.ceil(candidates.length / (4 * pool.size))));
      const inputs = [];
      for (let i = 0; i < candidates.length; i += group)
        inputs.push({
          params: o.params,
          target,
          base: [...base],
          candidates: candidates.slice(i, i + group),
          rngSeed: phaseSeed(o.rngSeed, 5),
          runs: o.celfRuns,
        });
      const outputs = await pool.runJobs('campaignSpreads', inputs, progress);
      const out = new Float64Array(candidates.length);
      let at = 0;
      for (const part of outputs) {
        out.set(part, at);
        at += part.length;
      }
      return out;
    };
    const celf = await budgetedCelf(costs, budget, evaluate);
    chosen = { seeds: celf.best.seeds, rule: celf.best.rule };
    run.onPhase?.({ name: 'curve' });
    curveSets = new RrCollection(n);
    for (const b of await source.generate(phaseSeed(o.rngSeed, 1), 0, PLAN_DEFAULTS.celfCurveSets))
      curveSets.append(b);
    selectionSets = new RrCollection(n);
    for (const b of await source.generate(phaseSeed(o.rngSeed, 2), 0, PLAN_DEFAULTS.celfCurveSets))
      selectionSets.append(b);
    guarantee = {
      method: 'celf',
      rule: chosen.rule,
      ratio: BUDGETED_APPROX,
      epsilon: null,
      confidence: null,
      rrSets: null,
      maxSeeds,
      text: `expected ${o.objective} at least ${(100 * BUDGETED_APPROX).toFixed(1)}% ((1 - 1/e)/2) of the best plan the budget can buy, on ${o.celfRuns} Monte Carlo runs per estimate (the guarantee holds for those estimates); the better of the cost-effective and the plain greedy (${chosen.rule} won)`,
    };
  }

  run.onPhase?.({ name: 'strategies' });
  // Smaller budgets of the curve: the two greedy rules on the selection sets (the full budget's
  // plan is the one chosen above).
  const [smaller] = await pool.runJobs(
    'budgetedCover',
    [
      {
        ...collectionInput(selectionSets),
        costs: costsInput,
        budgets: budgets.slice(0, -1),
        enumeration: 'none',
      },
    ],
    { signal: run.signal },
  );
  const optimisedByBudget = [...smaller.map((c: BudgetedCoverage) => c.best.seeds), chosen.seeds];
  const [baselines] = await baselinesLater;
  const seedLists: Record<StrategyName, number[][]> = {
    optimised: optimisedByBudget,
    'optimised-staggered': optimisedByBudget,
    biggest: baselines.map((b) => b.biggest.seeds),
    small: baselines.map((b) => b.small.seeds),
    community: baselines.map((b) => b.community.seeds),
  };

  // Budget curves from the independent curve sets, and each pick's marginal gain.
  run.onPhase?.({ name: 'curve' });
  const curveNames: StrategyName[] = ['optimised', 'biggest', 'small', 'community'];
  const lists = curveNames.flatMap((s) => seedLists[s]);
  lists.push(...chosen.seeds.map((_, i) => chosen.seeds.slice(0, i + 1)));
  const [covered] = await pool.runJobs('setsCovered', [{ ...collectionInput(curveSets), seedLists: lists }], {
    signal: run.signal,
  });
  const curves = {} as Record<StrategyName, CurvePoint[]>;
  curveNames.forEach((s, i) => {
    curves[s] = budgets.map((b, j) => ({
      budget: b,
      cost: seedLists[s][j].reduce((sum, v) => sum + costs[v], 0),
      seeds: seedLists[s][j].length,
      objective: rrEstimate(covered[i * budgets.length + j], curveSets.count, n, scale),
    }));
  });
  curves['optimised-staggered'] = [];
  const prefixHits = covered.slice(curveNames.length * budgets.length);
  const picks: PlanPick[] = chosen.seeds.map((v, i) => ({
    node: v,
    cost: costs[v],
    followers: csr.outOffsets[v + 1] - csr.outOffsets[v],
    marginalGain: (scale * n * (prefixHits[i] - (i > 0 ? prefixHits[i - 1] : 0))) / curveSets.count,
  }));

  // Campaign figures of every strategy at the full budget, on the same fresh runs.
  const evaluationSeed = phaseSeed(o.rngSeed, 7);
  const strategies: StrategyResult[] = [];
  for (const name of STRATEGIES) {
    run.onPhase?.({ name: 'measuring', strategy: name });
    const seeds = seedLists[name][budgets.length - 1];
    const starts = seeds.map((_, i) => (name === 'optimised-staggered' ? i * o.stagger : 0));
    const runs = await measure(pool, o.params, seeds, starts, o.runs, evaluationSeed, progress);
    const cost = seeds.reduce((sum, v) => sum + costs[v], 0);
    strategies.push({
      name,
      seeds,
      starts,
      cost,
      ...campaignFigures(runs, cost, o.conversion, o.value, o.cpm),
    });
  }
  const plan = strategies[0];
  return {
    seeds: plan.seeds,
    cost: plan.cost,
    budget,
    objective: o.objective,
    reach: plan.reach,
    exposure: plan.exposure,
    impressions: plan.impressions,
    conversions: plan.conversions,
    costPerReach: plan.costPerReach,
    costPerConversion: plan.costPerConversion,
    roi: plan.roi,
    adEquivalent: plan.adEquivalent,
    picks,
    guarantee,
    strategies,
    budgetCurve: { budgets, strategies: curves },
    runs: o.runs,
    seconds: (performance.now() - started) / 1000,
    warnings,
  };
}
