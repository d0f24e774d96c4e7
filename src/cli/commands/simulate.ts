/** `ripple simulate`: Monte Carlo cascades from a seed list, sharded over worker threads. */

import { summarize } from '../../diffusion/summary.ts';
import { MODEL_NAMES } from '../../diffusion/types.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import { describeSeeds, parseSeedSpec } from '../../seeding/seed-spec.ts';
import { type OptionSpec, type ParsedOptions, UsageError } from '../args.ts';
import type { CommandContext } from '../context.ts';
import {
  GRAPH_OPTIONS,
  loadGraphOption,
  modelParamsOption,
  RNG_OPTION,
  rngSeed,
  wholeAtLeast,
  workerCount,
} from '../graph-options.ts';
import { progressBar } from '../progress.ts';

export const SIMULATE_OPTIONS: OptionSpec[] = [
  ...GRAPH_OPTIONS,
  RNG_OPTION,
  { name: 'model', kind: 'string', value: MODEL_NAMES.join('|'), help: 'cascade model', default: 'ic' },
  {
    name: 'seeds',
    kind: 'string',
    value: 'LIST',
    help: "ids 'a,b,c' | top:degree:K | random:K; staggered groups 'a,b;c@3' (c starts at step 3)",
  },
  { name: 'runs', kind: 'integer', value: 'R', help: 'Monte Carlo runs', default: '1000' },
  {
    name: 'p',
    kind: 'number',
    value: 'P',
    help: 'ic/sir transmission probability (ic: the file’s probabilities if omitted)',
    default: '0.1',
  },
  { name: 'gamma', kind: 'number', value: 'G', help: 'sir recovery probability per step', default: '0.2' },
  {
    name: 'phi',
    kind: 'number',
    value: 'F',
    help: 'threshold: fraction of in-neighbours needed to adopt',
    default: '0.18',
  },
  {
    name: 'max-steps',
    kind: 'integer',
    value: 'S',
    help: 'stop after this step',
    default: 'until the cascade dies out',
  },
  { name: 'workers', kind: 'integer', value: 'W', help: 'worker threads', default: 'all cores' },
  { name: 'trace', kind: 'flag', help: 'include the activations of run 0 (step, hop, parent) in the output' },
];

export async function simulateCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const loaded = await loadGraphOption(options);
  const { csr, ids } = loaded;
  const params = modelParamsOption(options, csr);
  if (typeof options.seeds !== 'string') throw new UsageError('simulate: --seeds LIST is required');
  const seeds = parseSeedSpec(options.seeds, { csr, ids });
  const runs = wholeAtLeast(options, 'runs', 1, 1000);
  const workers = workerCount(options);
  const seed = rngSeed(options);

  const pool = createNodePool(ctx.workerFile, workers);
  const bar = progressBar(ctx.stderr, 'simulating');
  const started = performance.now();
  try {
    pool.setGraph(csr);
    const result = await pool.simulate(
      { params, seeds, runs, rngSeed: seed, traceRun: options.trace ? 0 : null },
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
      params,
      seeds: describeSeeds(seeds, ids),
      rng: seed,
      workers,
      seconds,
      arcsExamined: result.arcsExamined,
      ...(trace
        ? {
            trace: {
              run: trace.run,
              activations: Array.from(trace.nodes, (v, i) => ({
                id: ids[v],
                step: trace.steps[i],
                hop: trace.hops[i],
                parent: trace.parents[i] < 0 ? null : ids[trace.parents[i]],
              })),
              exposed: trace.exposed.length,
            },
          }
        : {}),
    };
    if (options.json) ctx.stdout.write(`${JSON.stringify(output)}\n`);
    else ctx.stdout.write(formatSummary(output, loaded.report.file));
  } finally {
    bar.done();
    pool.terminate();
  }
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
    `${file}: ${s.model}, ${s.runs} runs on ${s.workers} workers in ${s.seconds.toFixed(2)} s`,
    `mean reach   ${s.mean.toFixed(2)} of ${s.nodes} (${pct(s.share)}), 95% CI [${s.ci95[0].toFixed(2)}, ${s.ci95[1].toFixed(2)}], std ${s.std.toFixed(2)}`,
    `exposed      ${s.exposed.toFixed(2)} accounts received it (${pct(s.exposed / s.nodes)})`,
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
