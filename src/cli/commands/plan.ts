/**
 * `ripple plan`: the seeds a budget can buy that maximise reach, exposure or conversions, when
 * accounts have prices; the plan's campaign figures with 95% intervals; the rule-of-thumb
 * strategies (biggest accounts, many small ones, one per community, staggered launch) at the same
 * budget; and the budget curve of each (src/campaign/plan.ts).
 */
import {
  attributeCosts,
  CostsError,
  completeCosts,
  formulaCosts,
  parseCostsTable,
} from '../../campaign/costs.ts';
import type { Estimate } from '../../campaign/figures.ts';
import {
  BUDGET,
  CONVERSION,
  COST_COLUMN,
  COST_FLAT,
  COST_PER_FOLLOWER,
  COSTS,
  CPM,
  DEFAULT_COST,
  OBJECTIVE,
  STAGGER,
  VALUE,
} from '../../campaign/params.ts';
import {
  PLAN_DEFAULTS,
  PLAN_METHODS,
  type PlanMethod,
  type PlanPhase,
  type PlanResult,
  planCampaign,
} from '../../campaign/plan.ts';
import { RNG_SEED } from '../../diffusion/params.ts';
import { JSON_OUTPUT, SCENARIO_FILE, WORKERS } from '../../engine/run-params.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import { DIRECTION, EDGE_VALUES_PARAM, GRAPH, HEADER, MAX_EDGES } from '../../graph/params.ts';
import type { LoadedGraph } from '../../graph/types.ts';
import { CELF_RUNS, EPSILON, METHOD } from '../../seeding/params.ts';
import { adapt } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import { type Command, type ParsedOptions, UsageError } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import { bundledDataset } from '../common/datasets.ts';
import { GRAPH_OPTIONS, OUTPUT_OPTIONS, warn, workerCount } from '../common/graph-options.ts';
import { progressBar } from '../common/progress.ts';
import { readGraphFile } from '../common/read-graph-file.ts';
import { readTextFile } from '../common/read-text-file.ts';
import { MEASURE_RUNS, RR_MODEL, RR_P, rrModelParams } from './seeds.ts';

const PLAN_METHOD = adapt(METHOD, {
  only: PLAN_METHODS,
  default: PLAN_DEFAULTS.method,
  help: {
    en: 'imm: RR sets with a guarantee (any size); celf: Monte Carlo greedy (small graphs)',
    zh: 'imm：反向可达集合，有理论保证（任意规模）；celf：蒙特卡洛贪心（仅限小图）',
  },
});

const PLAN_EPSILON = adapt(EPSILON, {
  default: PLAN_DEFAULTS.epsilon,
  help: {
    en: "imm: the plan's objective is at least ((1 - 1/e)/2 - E) of the best affordable plan's, with probability 1 - 1/n (E < 0.316)",
    zh: 'imm：方案的目标值至少为预算内最优方案的 ((1 - 1/e)/2 - E)，成立的概率为 1 - 1/n（E < 0.316）',
  },
});

export const PLAN: Command = {
  summary: 'the seeds a budget buys for the most reach, exposure or conversions, vs rules of thumb',
  usage:
    '--graph FILE --budget B (--costs FILE | --cost-column NAME | --cost-flat X --cost-per-follower Y) [options]',
  options: [
    ...GRAPH_OPTIONS,
    adapt(BUDGET, { required: true }),
    COSTS,
    COST_COLUMN,
    COST_FLAT,
    COST_PER_FOLLOWER,
    DEFAULT_COST,
    OBJECTIVE,
    CONVERSION,
    VALUE,
    CPM,
    RR_MODEL,
    RR_P,
    PLAN_METHOD,
    PLAN_EPSILON,
    MEASURE_RUNS,
    CELF_RUNS,
    STAGGER,
    WORKERS,
    RNG_SEED,
    SCENARIO_FILE,
    ...OUTPUT_OPTIONS,
  ],
  examples: [
    'ripple plan --graph datasets/email-Eu-core.txt --budget 500 --cost-flat 10 --cost-per-follower 1 --json',
    'ripple plan --graph g.txt --budget 2000 --costs prices.csv --objective conversions --conversion 0.02 --value 30 --cpm 8',
  ],
  run: planCommand,
};

export type CostSource =
  | { kind: 'table'; file: string }
  | { kind: 'attribute'; name: string }
  | { kind: 'formula' };

/** Exactly one way of giving costs. */
export function costSource(options: ParsedOptions): CostSource {
  const table = options.given(COSTS);
  const column = options.given(COST_COLUMN);
  const formula = options.has(COST_FLAT) || options.has(COST_PER_FOLLOWER);
  const given = [table !== undefined, column !== undefined, formula].filter(Boolean).length;
  if (given === 0)
    throw new UsageError(
      'costs: give them with --costs FILE (a CSV id,cost), --cost-column NAME (a node attribute), or --cost-flat X --cost-per-follower Y',
    );
  if (given > 1)
    throw new UsageError('costs: give one of --costs, --cost-column, or --cost-flat/--cost-per-follower');
  if (options.has(DEFAULT_COST) && formula)
    throw new UsageError(
      '--default-cost: the formula gives every account a cost; use it with --costs or --cost-column',
    );
  if (table !== undefined) return { kind: 'table', file: table };
  if (column !== undefined) return { kind: 'attribute', name: column };
  return { kind: 'formula' };
}

export async function loadCosts(
  options: ParsedOptions,
  source: CostSource,
  graph: LoadedGraph,
): Promise<{ costs: Float64Array; matched: number }> {
  const { csr, ids } = graph;
  const fallback = options.given(DEFAULT_COST) ?? null;
  switch (source.kind) {
    case 'formula':
      return {
        costs: formulaCosts(csr, options.given(COST_FLAT) ?? 0, options.given(COST_PER_FOLLOWER) ?? 0),
        matched: csr.n,
      };
    case 'table': {
      const table = parseCostsTable(await readTextFile(source.file), source.file, ids);
      return { costs: completeCosts(table.costs, ids, fallback, source.file), matched: table.matched };
    }
    case 'attribute': {
      const values = graph.nodeAttribute?.values;
      if (!values) throw new CostsError(graph.report.file, 'unknown', `no node attribute '${source.name}'`);
      const costs = attributeCosts(values, source.name, graph.report.file, ids);
      const matched = costs.reduce((m, c) => (Number.isNaN(c) ? m : m + 1), 0);
      return {
        costs: completeCosts(costs, ids, fallback, `${graph.report.file} (attribute '${source.name}')`),
        matched,
      };
    }
  }
}

/** The graph, with the cost attribute read when the costs come from one. */
export function loadGraphForCosts(options: ParsedOptions, source: CostSource): Promise<LoadedGraph> {
  const file = options.need(GRAPH);
  const bundled = bundledDataset(file);
  return readGraphFile(file, {
    direction: options.given(DIRECTION) ?? bundled?.direction,
    edgeValues: options.given(EDGE_VALUES_PARAM) ?? bundled?.edgeValues,
    header: options.get(HEADER),
    maxEdges: options.get(MAX_EDGES),
    ...(source.kind === 'attribute' ? { nodeAttribute: source.name } : {}),
  });
}

export async function planCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const source = costSource(options);
  const method = options.need(PLAN_METHOD) as PlanMethod;
  const budget = options.need(BUDGET);
  const workers = workerCount(options, ctx);
  const rngSeed = options.need(RNG_SEED);
  const graph = await loadGraphForCosts(options, source);
  const { csr, ids } = graph;
  const params = rrModelParams(options, csr);
  const { costs, matched } = await loadCosts(options, source, graph);

  const pool = createNodePool(ctx.workerFile, workers);
  let bar = progressBar(ctx.stderr, 'planning');
  const onPhase = (phase: PlanPhase) => {
    bar.done();
    bar = progressBar(ctx.stderr, phaseLabel(phase));
  };
  try {
    pool.setGraph(csr);
    const plan = await planCampaign(
      pool,
      csr,
      ids,
      {
        params,
        costs,
        budget,
        objective: options.need(OBJECTIVE),
        method,
        conversion: options.need(CONVERSION),
        value: options.given(VALUE) ?? null,
        cpm: options.given(CPM) ?? null,
        runs: options.need(MEASURE_RUNS),
        rngSeed,
        epsilon: options.need(PLAN_EPSILON),
        celfRuns: options.need(CELF_RUNS),
        stagger: options.need(STAGGER),
      },
      { signal: ctx.signal, onProgress: (p) => bar.update(p), onPhase },
    );
    bar.done();
    const output = planJson(plan, ids, {
      model: params.model,
      params,
      method,
      costs: { source: source.kind, matched, accounts: csr.n },
      rng: rngSeed,
      workers,
    });
    if (options.get(JSON_OUTPUT)) ctx.stdout.write(`${JSON.stringify(output)}\n`);
    else {
      for (const w of plan.warnings) warn(ctx, w);
      ctx.stdout.write(formatPlan(plan, ids, graph.report.file));
    }
  } finally {
    bar.done();
    pool.terminate();
  }
}

function phaseLabel(phase: PlanPhase): string {
  switch (phase.name) {
    case 'sampling':
      return `sampling: ${phase.sets} RR sets`;
    case 'selection':
      return `selecting: ${phase.sets} RR sets`;
    case 'celf':
      return 'celf: estimating every account';
    case 'strategies':
      return 'strategies';
    case 'curve':
      return 'budget curve';
    case 'measuring':
      return `measuring ${phase.strategy}`;
  }
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const est = (e: Estimate) => ({ mean: round(e.mean), ci95: [round(e.ci95[0]), round(e.ci95[1])] });
const scalar = (e: Estimate | null) => (e === null ? null : round(e.mean));
const interval = (e: Estimate | null) => (e === null ? null : [round(e.ci95[0]), round(e.ci95[1])]);

/** The JSON of `ripple plan --json` (the names of the contract, and more). */
export function planJson(plan: PlanResult, ids: readonly string[], extra: Record<string, unknown>) {
  const name = (v: number) => ids[v];
  return {
    seeds: plan.seeds.map(name),
    cost: round(plan.cost),
    budget: plan.budget,
    objective: plan.objective,
    reach: est(plan.reach),
    exposure: est(plan.exposure),
    impressions: est(plan.impressions),
    conversions: est(plan.conversions),
    costPerReach: scalar(plan.costPerReach),
    costPerReachCi95: interval(plan.costPerReach),
    costPerConversion: scalar(plan.costPerConversion),
    costPerConversionCi95: interval(plan.costPerConversion),
    roi: scalar(plan.roi),
    roiCi95: interval(plan.roi),
    adEquivalent: scalar(plan.adEquivalent),
    adEquivalentCi95: interval(plan.adEquivalent),
    picks: plan.picks.map((p) => ({
      id: name(p.node),
      cost: round(p.cost),
      followers: p.followers,
      marginalGain: round(p.marginalGain),
    })),
    guarantee: plan.guarantee,
    strategies: plan.strategies.map((s) => ({
      name: s.name,
      seeds: s.seeds.map(name),
      starts: s.starts,
      cost: round(s.cost),
      reach: est(s.reach),
      exposure: est(s.exposure),
      impressions: est(s.impressions),
      conversions: est(s.conversions),
      costPerReach: scalar(s.costPerReach),
      costPerConversion: scalar(s.costPerConversion),
      roi: scalar(s.roi),
      adEquivalent: scalar(s.adEquivalent),
    })),
    budgetCurve: {
      budgets: plan.budgetCurve.budgets.map(round),
      strategies: Object.fromEntries(
        Object.entries(plan.budgetCurve.strategies)
          .filter(([, points]) => points.length > 0)
          .map(([s, points]) => [
            s,
            points.map((p) => ({
              budget: round(p.budget),
              cost: round(p.cost),
              seeds: p.seeds,
              ...est(p.objective),
            })),
          ]),
      ),
    },
    runs: plan.runs,
    seconds: round(plan.seconds),
    warnings: plan.warnings,
    ...extra,
  };
}

function formatPlan(plan: PlanResult, ids: readonly string[], file: string): string {
  const f1 = (x: number) => x.toFixed(1);
  const ci = (e: Estimate) => `${f1(e.mean)} [${f1(e.ci95[0])}, ${f1(e.ci95[1])}]`;
  const lines = [
    `${printable(file)}: plan for budget ${plan.budget} (${plan.objective}), ${plan.seeds.length} seeds costing ${plan.cost.toFixed(2)}, in ${plan.seconds.toFixed(2)} s`,
    `guarantee: ${plan.guarantee.text}`,
    `seeds ${plan.seeds.map((v) => printable(ids[v])).join(' ')}`,
    `reach ${ci(plan.reach)}  exposure ${ci(plan.exposure)}  impressions ${ci(plan.impressions)}  conversions ${ci(plan.conversions)}  (95% CI, ${plan.runs} runs)`,
  ];
  const money: string[] = [];
  if (plan.costPerReach) money.push(`cost per reach ${plan.costPerReach.mean.toFixed(3)}`);
  if (plan.costPerConversion) money.push(`cost per conversion ${plan.costPerConversion.mean.toFixed(2)}`);
  if (plan.roi) money.push(`ROI ${(100 * plan.roi.mean).toFixed(1)}%`);
  if (plan.adEquivalent) money.push(`ad-equivalent value ${plan.adEquivalent.mean.toFixed(2)}`);
  if (money.length > 0) lines.push(money.join('  '));
  lines.push('strategies at the same budget (reach, 95% CI):');
  for (const s of plan.strategies)
    lines.push(
      `  ${s.name.padEnd(20)} ${String(s.seeds.length).padStart(5)} seeds  cost ${s.cost.toFixed(2).padStart(10)}  reach ${ci(s.reach)}`,
    );
  return `${lines.join('\n')}\n`;
}
