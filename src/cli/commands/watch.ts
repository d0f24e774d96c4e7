/**
 * `ripple watch`: where to listen so a negative story is caught early (outbreak detection), and
 * `ripple contain`: whom to reach so a correction keeps a rumour small (src/crisis/).
 */
import { completeCosts, parseCostsTable } from '../../campaign/costs.ts';
import type { Estimate } from '../../campaign/figures.ts';
import {
  BUDGET,
  COST_COLUMN,
  COST_FLAT,
  COST_PER_FOLLOWER,
  COSTS,
  DEFAULT_COST,
} from '../../campaign/params.ts';
import { DELAY, HORIZON, RUMOUR, SOURCES, WATCH_OBJECTIVE } from '../../crisis/params.ts';
import { CONTAIN_DEFAULTS, containRumour, WATCH_DEFAULTS, watchMonitors } from '../../crisis/run.ts';
import { RNG_SEED, RUNS } from '../../diffusion/params.ts';
import { JSON_OUTPUT, WORKERS } from '../../engine/run-params.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import { K } from '../../seeding/params.ts';
import { rrParams } from '../../seeding/rr-sets.ts';
import { parseSeedSpec } from '../../seeding/seed-spec.ts';
import { adapt, parseParam } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import { type Command, ParamUsageError, type ParsedOptions, UsageError } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import {
  GRAPH_OPTIONS,
  loadGraphOption,
  OUTPUT_OPTIONS,
  warn,
  workerCount,
} from '../common/graph-options.ts';
import { progressBar } from '../common/progress.ts';
import { readTextFile } from '../common/read-text-file.ts';
import { costSource, loadCosts, loadGraphForCosts } from './plan.ts';
import { checkK, RR_MODEL, RR_P, rrModelParams } from './seeds.ts';

const WATCH_BUDGET = adapt(BUDGET, {
  help: {
    en: 'monitors under a budget instead of --k: the most monitoring the budget buys (costs as for plan)',
    zh: '按预算选监测账号（代替 --k）：预算能买到的最佳监测（成本设置同 plan）',
  },
});

const WATCH_RUNS = adapt(RUNS, {
  default: WATCH_DEFAULTS.runs,
  help: {
    en: 'stories sampled to choose on, and as many fresh ones to measure on',
    zh: '用于选择的抽样事件数，另取同样多的新事件用于衡量',
  },
});

const CONTAIN_RUNS = adapt(RUNS, {
  default: CONTAIN_DEFAULTS.runs,
  help: {
    en: 'worlds sampled to choose on, and as many fresh ones to measure on',
    zh: '用于选择的抽样世界数，另取同样多的新世界用于衡量',
  },
});

const MONITORS_K = adapt(K, {
  label: { en: 'Monitors K', zh: '监测账号数 K' },
  help: {
    en: 'number of accounts to monitor (watch) or to launch the correction from (contain)',
    zh: '要监测的账号数（watch）或发布辟谣的账号数（contain）',
  },
});

export const WATCH: Command = {
  summary: 'where to listen so a negative story is caught early (outbreak detection)',
  usage:
    '--graph FILE (--k K | --budget B with costs as for plan) [--objective detect|time|affected] [options]',
  options: [
    ...GRAPH_OPTIONS,
    MONITORS_K,
    WATCH_BUDGET,
    COSTS,
    COST_COLUMN,
    COST_FLAT,
    COST_PER_FOLLOWER,
    DEFAULT_COST,
    WATCH_OBJECTIVE,
    RR_MODEL,
    RR_P,
    HORIZON,
    SOURCES,
    WATCH_RUNS,
    WORKERS,
    RNG_SEED,
    ...OUTPUT_OPTIONS,
  ],
  examples: [
    'ripple watch --graph datasets/soc-Slashdot0902.txt.gz --model ic --p 0.01 --k 20 --json',
    'ripple watch --graph datasets/email-Eu-core.txt --p 0.05 --budget 100 --cost-flat 5 --cost-per-follower 0.2',
  ],
  run: watchCommand,
};

export const CONTAIN: Command = {
  summary: 'whom to reach so a correction keeps a rumour small',
  usage: '--graph FILE --rumour LIST --k K [--delay D] [options]',
  options: [
    ...GRAPH_OPTIONS,
    adapt(RUMOUR, { required: true }),
    DELAY,
    MONITORS_K,
    RR_MODEL,
    RR_P,
    CONTAIN_RUNS,
    WORKERS,
    RNG_SEED,
    ...OUTPUT_OPTIONS,
  ],
  examples: ['ripple contain --graph datasets/karate.txt --p 0.3 --rumour 33 --delay 1 --k 2 --json'],
  run: containCommand,
};

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const est = (e: Estimate) => ({ mean: round(e.mean), ci95: [round(e.ci95[0]), round(e.ci95[1])] });

async function watchCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const byBudget = options.has(WATCH_BUDGET);
  if (byBudget === options.has(MONITORS_K))
    throw new UsageError(
      'give --k K (how many monitors) or --budget B with costs (--costs, --cost-column or --cost-flat/--cost-per-follower), not both',
    );
  const source = byBudget ? costSource(options) : null;
  const graph = source ? await loadGraphForCosts(options, source) : await loadGraphOption(options);
  const { csr, ids } = graph;
  const k = byBudget ? 1 : checkK(options.need(MONITORS_K), csr.n);
  const costs = source ? (await loadCosts(options, source, graph)).costs : null;
  const budget = byBudget ? options.need(WATCH_BUDGET) : null;
  const params = rrModelParams(options, csr);
  const objective = options.need(WATCH_OBJECTIVE);
  const sourcesFile = options.given(SOURCES);
  let weights: Float64Array | null = null;
  if (sourcesFile !== undefined) {
    const table = parseCostsTable(await readTextFile(sourcesFile), sourcesFile, ids, 'weight');
    const filled = completeCosts(table.costs, ids, 0, sourcesFile);
    weights = new Float64Array(csr.n);
    let total = 0;
    for (let v = 0; v < csr.n; v++) {
      total += filled[v];
      weights[v] = total;
    }
    if (!(total > 0))
      throw new UsageError(`--sources ${sourcesFile}: every weight is 0; give some account a weight > 0`);
  }
  const workers = workerCount(options, ctx);
  const rngSeed = options.need(RNG_SEED);
  const pool = createNodePool(ctx.workerFile, workers);
  let bar = progressBar(ctx.stderr, 'watch');
  try {
    pool.setGraph(csr);
    const started = performance.now();
    const r = await watchMonitors(
      pool,
      csr,
      {
        rr: rrParams(params),
        k,
        costs,
        budget,
        objective,
        horizon: options.given(HORIZON) ?? null,
        runs: options.need(WATCH_RUNS),
        rngSeed,
        weights,
      },
      {
        signal: ctx.signal,
        onProgress: (p) => bar.update(p),
        onPhase: (phase) => {
          bar.done();
          bar = progressBar(ctx.stderr, phase);
        },
      },
    );
    bar.done();
    const out = {
      monitors: r.monitors.map((v) => ids[v]),
      detect: est(r.detect),
      time: est(r.time),
      affected: est(r.affected),
      objective,
      ...(budget !== null ? { budget, cost: r.cost } : {}),
      horizon: r.horizon,
      ofBest: round(r.ofBest),
      bound: `at least ${(100 * r.ofBest).toFixed(1)}% of the best possible ${objective} on the ${r.runs} sampled stories (online bound, Leskovec et al. 2007)`,
      detectionCurve: r.detectionCurve.map(round),
      baselines: r.baselines.map((b) => ({
        name: b.name,
        monitors: b.monitors.map((v) => ids[v]),
        detect: est(b.detect),
        time: est(b.time),
        affected: est(b.affected),
        detectionCurve: b.detectionCurve.map(round),
      })),
      model: params.model,
      params,
      k: r.monitors.length,
      runs: r.runs,
      rng: rngSeed,
      workers,
      seconds: round((performance.now() - started) / 1000),
    };
    if (options.get(JSON_OUTPUT)) ctx.stdout.write(`${JSON.stringify(out)}\n`);
    else {
      const ci = (e: Estimate, d = 3) =>
        `${e.mean.toFixed(d)} [${e.ci95[0].toFixed(d)}, ${e.ci95[1].toFixed(d)}]`;
      const lines = [
        `${printable(graph.report.file)}: ${r.monitors.length} monitors for ${objective}${budget !== null ? ` costing ${r.cost} of ${budget}` : ''}, ${out.bound}`,
        `monitors ${out.monitors.map(printable).join(' ')}`,
        `detected ${ci(r.detect)}  steps to detection ${ci(r.time, 2)}  accounts reached by then ${ci(r.affected, 1)}  (95% CI, ${r.runs} fresh stories; undetected = ${r.horizon} steps)`,
        'baselines at the same k (detected):',
        ...r.baselines.map((b) => `  ${b.name.padEnd(9)} ${ci(b.detect)}`),
      ];
      ctx.stdout.write(`${lines.join('\n')}\n`);
    }
  } finally {
    bar.done();
    pool.terminate();
  }
}

async function containCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const graph = await loadGraphOption(options);
  const { csr, ids } = graph;
  const parsed = parseSeedSpec(options.need(RUMOUR), graph, { where: '--rumour' });
  for (const w of parsed.warnings) warn(ctx, w);
  if (parsed.plan.kind !== 'groups')
    throw new UsageError('--rumour: give the accounts where the rumour starts, by id');
  if (parsed.plan.groups.some((g) => g.start !== 0))
    throw new UsageError(
      '--rumour: the rumour starts at step 0; give ids without @steps (the correction waits --delay steps)',
    );
  const rumour = [...new Set(parsed.plan.groups.flatMap((g) => g.nodes))];
  const kGiven = options.need(MONITORS_K);
  const checked = parseParam(MONITORS_K, String(kGiven), {
    max: csr.n - rumour.length,
    maxReason: { en: 'the accounts that are not rumour seeds', zh: '不是谣言起点的账号数' },
  });
  if (!checked.ok) throw new ParamUsageError(checked.error);
  const k = checked.value;
  const params = rrModelParams(options, csr);
  const delay = options.need(DELAY);
  const workers = workerCount(options, ctx);
  const rngSeed = options.need(RNG_SEED);
  const pool = createNodePool(ctx.workerFile, workers);
  let bar = progressBar(ctx.stderr, 'contain');
  try {
    pool.setGraph(csr);
    const started = performance.now();
    const r = await containRumour(
      pool,
      csr,
      { rr: rrParams(params), rumour, delay, k, runs: options.need(CONTAIN_RUNS), rngSeed },
      {
        signal: ctx.signal,
        onProgress: (p) => bar.update(p),
        onPhase: (phase) => {
          bar.done();
          bar = progressBar(ctx.stderr, phase);
        },
      },
    );
    bar.done();
    const out = {
      correctors: r.correctors.map((v) => ids[v]),
      rumourReach: est(r.rumourReach),
      withoutCorrection: est(r.withoutCorrection),
      saved: round(r.saved),
      savedCi95: est(r.savedEstimate).ci95,
      baselines: r.baselines.map((b) => ({
        name: b.name,
        correctors: b.correctors.map((v) => ids[v]),
        rumourReach: est(b.rumourReach),
      })),
      rumour: rumour.map((v) => ids[v]),
      delay,
      model: params.model,
      params,
      k,
      runs: r.runs,
      rng: rngSeed,
      workers,
      seconds: round((performance.now() - started) / 1000),
    };
    if (options.get(JSON_OUTPUT)) ctx.stdout.write(`${JSON.stringify(out)}\n`);
    else {
      const ci = (e: Estimate) => `${e.mean.toFixed(1)} [${e.ci95[0].toFixed(1)}, ${e.ci95[1].toFixed(1)}]`;
      const lines = [
        `${printable(graph.report.file)}: ${k} correctors starting ${delay} steps after the rumour`,
        `correctors ${out.correctors.map(printable).join(' ')}`,
        `rumour reach ${ci(r.rumourReach)} with the correction, ${ci(r.withoutCorrection)} without  (95% CI, ${r.runs} fresh runs)`,
        ...r.baselines.map((b) => `  ${b.name.padEnd(13)} rumour reach ${ci(b.rumourReach)}`),
      ];
      ctx.stdout.write(`${lines.join('\n')}\n`);
    }
  } finally {
    bar.done();
    pool.terminate();
  }
}
