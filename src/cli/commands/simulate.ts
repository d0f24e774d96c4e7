/** `ripple simulate`: Monte Carlo cascades from a seed list, sharded over worker threads. */

import {
  GAMMA,
  MAX_STEPS_PARAM,
  MODEL,
  P,
  PHI,
  RNG_SEED,
  RUNS,
  SEEDS,
  SEEDS_FILE,
  TRACE,
} from '../../diffusion/params.ts';
import { summarize } from '../../diffusion/summary.ts';
import { JSON_OUTPUT, SCENARIO_FILE, WORKERS } from '../../engine/run-params.ts';
import { nodeIds } from '../../graph/node-ids.ts';
import { describeSeeds } from '../../seeding/seed-spec.ts';
import { printable } from '../../util/printable.ts';
import type { Command, ParsedOptions } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import {
  GRAPH_OPTIONS,
  loadGraphOption,
  modelParamsOption,
  needSeeds,
  OUTPUT_OPTIONS,
  requiredSeedPlan,
  workerCount,
} from '../common/graph-options.ts';
import { progressBar } from '../common/progress.ts';
import { CLUSTER_OPTIONS, createRunner } from '../common/runner.ts';
import { TIE_OPTIONS, tieParamsOption } from './ties.ts';

/** The model and Monte Carlo options of simulate, which reach and communities share. */
export const MODEL_OPTIONS = [MODEL, P, GAMMA, PHI, MAX_STEPS_PARAM, RUNS, RNG_SEED, WORKERS] as const;

export const SIMULATE: Command = {
  summary: 'Monte Carlo cascades from seed accounts',
  usage: '--graph FILE (--seeds LIST | --seeds-file FILE) [options]',
  options: [
    ...GRAPH_OPTIONS,
    SEEDS,
    SEEDS_FILE,
    ...MODEL_OPTIONS,
    ...TIE_OPTIONS,
    TRACE,
    SCENARIO_FILE,
    ...CLUSTER_OPTIONS,
    ...OUTPUT_OPTIONS,
  ],
  examples: [
    'ripple simulate --graph datasets/facebook_combined.txt --model ic --p 0.02 --seeds top:degree:5 --runs 2000 --json',
    "ripple simulate --graph datasets/karate.txt --model sir --p 0.25 --gamma 0.5 --seeds '33;0@3' --runs 300 --rng 42",
    'ripple simulate --graph datasets/soc-Slashdot0902.txt.gz --p-strong 0.1 --p-weak 0.01 --seeds top:degree:10 --json',
  ],
  run: simulateCommand,
};

export async function simulateCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  needSeeds(options);
  const runs = options.need(RUNS);
  const workers = workerCount(options, ctx);
  const seed = options.need(RNG_SEED);
  const loaded = await loadGraphOption(options);
  const { csr } = loaded;
  const ids = nodeIds(loaded);
  const plain = modelParamsOption(options, csr);
  const ties = await tieParamsOption(options, ctx, loaded, plain);
  const params = ties ? { ...plain, ties } : plain;
  const seeds = await requiredSeedPlan(options, loaded, ctx, params.maxSteps);

  const pool = await createRunner(options, ctx, workers);
  const bar = progressBar(ctx.stderr, 'simulating');
  const started = performance.now();
  try {
    pool.setGraph(csr);
    const result = await pool.simulate(
      { params, seeds, runs, rngSeed: seed, traceRun: options.get(TRACE) ? 0 : null },
      { onProgress: (p) => bar.update(p), signal: ctx.signal },
    );
    bar.done();
    const seconds = (performance.now() - started) / 1000;
    const summary = summarize(result);
    const trace = result.trace;
    const output = {
      ...summary,
      nodes: csr.n,
      share: summary.mean / csr.n,
      model: params.model,
      params: ties ? { ...params, ties: { ...ties, groups: ties.groups.length } } : params,
      seeds: describeSeeds(seeds, ids),
      rng: seed,
      workers: pool.size,
      seconds,
      arcsExamined: result.arcsExamined,
      ...(trace
        ? {
            trace: {
              run: trace.run,
              activations: Array.from(trace.nodes, (v, i) => ({
                id: ids.id(v),
                step: trace.steps[i],
                hop: trace.hops[i],
                parent: trace.parents[i] < 0 ? null : ids.id(trace.parents[i]),
              })),
              exposed: trace.exposed.length,
            },
          }
        : {}),
    };
    if (options.get(JSON_OUTPUT)) ctx.stdout.write(`${JSON.stringify(output)}\n`);
    else {
      ctx.stdout.write(formatSummary(output, loaded.report.file));
      if (output.trace) ctx.stdout.write(formatTrace(output.trace));
    }
  } finally {
    bar.done();
    await pool.terminate();
  }
}

/** The recorded cascade as text: one activation per line, ids made safe to print. */
function formatTrace(trace: {
  run: number;
  activations: { id: string; step: number; hop: number; parent: string | null }[];
  exposed: number;
}): string {
  const lines = [
    `run ${trace.run}: ${trace.activations.length} activations, ${trace.exposed} accounts exposed`,
    '   step    hop  id <- parent',
    ...trace.activations.map(
      (a) =>
        `${String(a.step).padStart(7)} ${String(a.hop).padStart(6)}  ${printable(a.id)}${a.parent === null ? ' (seed)' : ` <- ${printable(a.parent)}`}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function formatSummary(
  s: ReturnType<typeof summarize> & {
    nodes: number;
    share: number;
    model: string;
    workers: number;
    seconds: number;
  },
  file: string,
): string {
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  const lines = [
    `${printable(file)}: ${s.model}, ${s.runs} runs on ${s.workers} workers in ${s.seconds.toFixed(2)} s`,
    `mean reach   ${s.mean.toFixed(2)} of ${s.nodes} (${pct(s.share)}), 95% CI [${s.ci95[0].toFixed(2)}, ${s.ci95[1].toFixed(2)}], std ${s.std.toFixed(2)}`,
    `exposed      ${s.exposed.toFixed(2)} accounts received it (${pct(s.exposed / s.nodes)})`,
    ...(s.via
      ? [
          `via          strong ties ${s.via.strong.toFixed(2)}, weak ties ${s.via.weak.toFixed(2)}, groups ${s.via.group.toFixed(2)} (mean adoptions per run, seeds excluded)`,
        ]
      : []),
    `sizes        min ${s.sizes.min}, median ${s.sizes.median}, max ${s.sizes.max}`,
    `reach by hop ${s.reachByHop
      .slice(0, 8)
      .map((x) => x.toFixed(1))
      .join('  ')}${s.reachByHop.length > 8 ? ' ...' : ''}`,
    'histogram of cascade sizes:',
  ];
  const peak = Math.max(1, ...s.sizes.histogram.map((b) => b.count));
  for (const b of s.sizes.histogram) {
    const label = b.from === b.to ? `${b.from}` : `${b.from}-${b.to}`;
    lines.push(
      `  ${label.padStart(15)} ${'#'.repeat(Math.round((40 * b.count) / peak)).padEnd(40)} ${b.count}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
