/**
 * `ripple calibrate`: fit the independent cascade's spread probability to observed cascades (a
 * campaign's reshares, retweet cascades) by exact maximum likelihood, with a 95% interval, one p
 * or one per community; compare with weighted cascade and linear threshold; check the fit by
 * replaying the cascades (src/calibration/calibrate.ts); optionally write a scenario with the
 * fitted p that the app opens.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { scenarioToJson } from '../../app/persist/scenario-file.ts';
import { type CalibratePhase, type CalibrationResult, calibrate } from '../../calibration/calibrate.ts';
import { type CascadeLog, CascadeLogError, parseCascadeLog } from '../../calibration/cascade-log.ts';
import { NoInformationError } from '../../calibration/fit-ic.ts';
import { APPLY, BIN, CALIBRATE_BY_OPTION, CASCADES } from '../../calibration/params.ts';
import { GAMMA, MODEL, PHI, RNG_SEED, RUNS } from '../../diffusion/params.ts';
import { JSON_OUTPUT, WORKERS } from '../../engine/run-params.ts';
import type { Scenario } from '../../engine/scenario.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import { EDGE_VALUES_PARAM, GRAPH } from '../../graph/params.ts';
import type { LoadedGraph } from '../../graph/types.ts';
import { adapt } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import { type Command, type ParsedOptions, UsageError } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import { bundledDataset } from '../common/datasets.ts';
import {
  GRAPH_OPTIONS,
  loadGraphOption,
  OUTPUT_OPTIONS,
  warn,
  workerCount,
} from '../common/graph-options.ts';
import { progressBar } from '../common/progress.ts';
import { readTextFile } from '../common/read-text-file.ts';

const CALIBRATE_MODEL = adapt(MODEL, {
  only: ['ic'],
  default: 'ic',
  help: { en: 'the model whose probability is fitted', zh: '要拟合其传播概率的模型' },
});

const CHECK_RUNS = adapt(RUNS, {
  default: 10_000,
  help: {
    en: 'goodness of fit: cascades simulated with the fitted p, spread evenly over the observed ones (at least one each)',
    zh: '拟合优度检验：用拟合的 p 模拟的传播次数，平均分给每条观测到的传播（每条至少一次）',
  },
});

export const CALIBRATE: Command = {
  summary: 'fit the spread probability p to observed cascades, with its 95% CI and a goodness-of-fit check',
  usage: '--graph FILE --cascades FILE [--model ic] [--by global|community] [--bin SECONDS] [options]',
  options: [
    ...GRAPH_OPTIONS,
    adapt(CASCADES, { required: true }),
    CALIBRATE_MODEL,
    CALIBRATE_BY_OPTION,
    BIN,
    CHECK_RUNS,
    RNG_SEED,
    APPLY,
    WORKERS,
    ...OUTPUT_OPTIONS,
  ],
  examples: [
    'ripple calibrate --graph datasets/email-Eu-core.txt --cascades reshares.csv --json',
    'ripple calibrate --graph g.txt --cascades retweets.jsonl --bin 3600 --by community --apply fitted.json',
  ],
  run: calibrateCommand,
};

export async function calibrateCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const file = options.need(CASCADES);
  const by = options.need(CALIBRATE_BY_OPTION);
  const runs = options.need(CHECK_RUNS);
  const rngSeed = options.need(RNG_SEED);
  const apply = options.given(APPLY);
  const workers = workerCount(options, ctx);
  if (apply !== undefined && !apply.endsWith('.json'))
    throw new UsageError(`--apply: expected a file name ending in .json, got '${printable(apply)}'`);
  const graph = await loadGraphOption(options);
  const { csr, ids } = graph;
  const log = parseCascadeLog(await readTextFile(file), file, ids, csr, { bin: options.given(BIN) ?? null });

  const pool = createNodePool(ctx.workerFile, workers);
  let bar = progressBar(ctx.stderr, 'fitting');
  const onPhase = (phase: CalibratePhase) => {
    bar.done();
    bar = progressBar(ctx.stderr, phase === 'simulating' ? 'checking the fit' : phase);
  };
  try {
    pool.setGraph(csr);
    let result: CalibrationResult;
    try {
      result = await calibrate(
        pool,
        csr,
        log,
        { by, runs, rngSeed },
        { signal: ctx.signal, onProgress: (p) => bar.update(p), onPhase },
      );
    } catch (e) {
      if (e instanceof NoInformationError) throw new CascadeLogError(file, 'unknown', e.message);
      throw e;
    }
    bar.done();
    let applied: string | null = null;
    if (apply !== undefined) {
      await writeFile(apply, scenarioToJson(fittedScenario(result, log, graph, options, runs, rngSeed)));
      applied = apply;
    }
    const output = calibrationJson(result, log, { by, rng: rngSeed, workers, apply: applied });
    if (options.get(JSON_OUTPUT)) ctx.stdout.write(`${JSON.stringify(output)}\n`);
    else {
      if (result.tally.unexplained > 0)
        warn(
          ctx,
          `${result.tally.unexplained} adopters had no adopter the step before among the accounts that reach them; they are treated as outside starts`,
        );
      ctx.stdout.write(formatCalibration(output, graph.report.file, file, applied));
    }
  } finally {
    bar.done();
    pool.terminate();
  }
}

/** The scenario --apply writes: ic with the fitted p, from the largest cascade's first adopters. */
function fittedScenario(
  result: CalibrationResult,
  log: CascadeLog,
  graph: LoadedGraph,
  options: ParsedOptions,
  runs: number,
  rngSeed: number,
): Scenario {
  const file = options.need(GRAPH);
  const bundled = bundledDataset(file);
  let largest = log.cascades[0];
  for (const c of log.cascades) if (c.nodes.length > largest.nodes.length) largest = c;
  const first: string[] = [];
  for (let i = 0; i < largest.nodes.length && largest.steps[i] === 0; i++)
    first.push(graph.ids[largest.nodes[i]]);
  return {
    version: 1,
    graph: bundled ? { kind: 'bundled', file: bundled.file } : { kind: 'file', name: basename(file) },
    direction: graph.report.direction,
    edgeValues: options.given(EDGE_VALUES_PARAM) ?? bundled?.edgeValues ?? EDGE_VALUES_PARAM.default,
    model: 'ic',
    params: { p: result.ic.estimate, gamma: GAMMA.default, phi: PHI.default, maxSteps: null },
    seeds: { kind: 'groups', groups: [{ ids: first, start: 0 }] },
    runs: Math.min(runs, RUNS.default),
    rngSeed,
  };
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;
const pair = (x: [number, number] | null) => (x === null ? null : [round(x[0]), round(x[1])]);

/** The JSON of `ripple calibrate --json`: the issue's contract, and more. */
export function calibrationJson(r: CalibrationResult, log: CascadeLog, extra: Record<string, unknown>) {
  const sizes = r.community ? communitySizes(r.community.labels, r.community.count) : null;
  return {
    model: 'ic',
    p: {
      estimate: round(r.ic.estimate),
      ci95: pair(r.ic.ci95),
      ci95Method: r.ic.ci95Method,
      standardError: r.ic.standardError === null ? null : round(r.ic.standardError),
    },
    logLikelihood: round(r.ic.logLikelihood),
    cascades: r.tally.cascades,
    attempts: r.tally.attempts,
    failures: r.tally.failures,
    successes: r.tally.explained,
    firstAdopters: r.tally.firstAdopters,
    outsideStarts: r.tally.unexplained,
    rows: log.rows,
    accounts: log.accounts,
    parents: log.parents,
    communities: r.community
      ? {
          count: r.community.count,
          modularity: round(r.community.modularity),
          logLikelihood: round(r.community.logLikelihood),
          converged: r.community.converged,
          list: r.community.communities.map((c) => ({
            community: c.community,
            size: sizes?.[c.community] ?? 0,
            attempts: c.attempts,
            p: {
              estimate: c.estimate === null ? null : round(c.estimate),
              ci95: pair(c.ci95),
              ci95Method: c.ci95Method,
            },
          })),
        }
      : null,
    comparison: r.comparison.map((m) => ({
      model: m.model,
      parameters: m.parameters,
      logLikelihood: m.logLikelihood === null ? null : round(m.logLikelihood),
      aic: m.aic === null ? null : round(m.aic),
    })),
    best: r.best,
    fit: {
      observedMeanSize: round(r.fit.observedMeanSize),
      simulatedMeanSize: round(r.fit.simulatedMeanSize),
      ks: round(r.fit.ks.statistic),
      ksPValue: round(r.fit.ks.pValue),
      ksCritical05: round(r.fit.ks.critical05),
      rejected: r.fit.rejected,
      verdict: r.fit.verdict,
      runsPerCascade: r.fit.runsPerCascade,
      simulated: r.fit.simulatedSizes.length,
      sizes: {
        size: r.fit.cdf.size,
        observed: r.fit.cdf.observed.map(round),
        simulated: r.fit.cdf.simulated.map(round),
      },
      reachByStep: {
        observed: r.fit.reachByStep.observed.map(round),
        simulated: r.fit.reachByStep.simulated.map(round),
      },
    },
    seconds: { fit: round(r.seconds.fit), simulate: round(r.seconds.simulate) },
    ...extra,
  };
}

function communitySizes(labels: Uint32Array, count: number): number[] {
  const sizes = new Array<number>(count).fill(0);
  for (const c of labels) sizes[c]++;
  return sizes;
}

function formatCalibration(
  o: ReturnType<typeof calibrationJson>,
  graphFile: string,
  logFile: string,
  applied: string | null,
): string {
  const f = (x: number) => x.toFixed(4);
  const ci = (x: number[] | null) => (x === null ? 'none' : `[${f(x[0])}, ${f(x[1])}]`);
  const lines = [
    `${printable(logFile)} on ${printable(graphFile)}: ${o.cascades} cascades, ${o.rows} adoptions, ${o.attempts} attempts (${o.failures} failed)`,
    `p = ${f(o.p.estimate)}, 95% CI ${ci(o.p.ci95)} (${o.p.ci95Method}), log-likelihood ${o.logLikelihood.toFixed(2)}`,
  ];
  if (o.communities) {
    lines.push(
      `per community (${o.communities.count} Louvain communities, modularity ${o.communities.modularity.toFixed(3)}):`,
    );
    const tried = o.communities.list.filter((c) => c.attempts > 0);
    const shown = [...tried].sort((a, b) => b.attempts - a.attempts).slice(0, 20);
    for (const c of shown)
      lines.push(
        `  community ${String(c.community).padStart(4)}  ${String(c.size).padStart(7)} accounts  ${String(c.attempts).padStart(9)} attempts  p ${c.p.estimate === null ? 'none' : f(c.p.estimate)} ${ci(c.p.ci95)}`,
      );
    const rest = o.communities.list.length - shown.length;
    if (rest > 0)
      lines.push(
        `  … ${rest} more (${o.communities.list.length - tried.length} whose accounts made no attempt; see --json)`,
      );
  }
  lines.push('models by log-likelihood (AIC = 2 parameters - 2 log-likelihood; lower is better):');
  for (const m of o.comparison)
    lines.push(
      `  ${m.model.padEnd(13)} ${String(m.parameters).padStart(4)} parameters  ${m.logLikelihood === null ? 'impossible for these data' : `log-likelihood ${m.logLikelihood.toFixed(2)}  AIC ${(m.aic as number).toFixed(2)}`}`,
    );
  lines.push(`best fit: ${o.best}`);
  lines.push(
    `goodness of fit: mean size observed ${o.fit.observedMeanSize.toFixed(2)}, simulated ${o.fit.simulatedMeanSize.toFixed(2)}; KS D = ${o.fit.ks.toFixed(4)} (5% critical value ${o.fit.ksCritical05.toFixed(4)}, p = ${o.fit.ksPValue.toFixed(4)})`,
    o.fit.verdict,
  );
  if (applied) lines.push(`scenario with the fitted p written to ${printable(applied)}`);
  return `${lines.join('\n')}\n`;
}
