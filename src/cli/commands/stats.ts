/**
 * `ripple stats`: what the loader read (counts, direction, what it dropped) and the six-degrees
 * analysis: components, average clustering, and the hop plot of the largest weak component with
 * its diameter, effective diameter and average distance (exact, or HyperANF on large graphs).
 */

import {
  analyzeDistances,
  DISTANCE_MODES,
  type DistanceAnalysis,
  type DistanceMode,
  type DistanceRunner,
  localRunner,
} from '../../analysis/distance/analyze.ts';
import { poolDistanceRunner } from '../../analysis/distance/pool-runner.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import type { Csr } from '../../graph/types.ts';
import { type OptionSpec, type ParsedOptions, UsageError } from '../args.ts';
import type { CommandContext } from '../context.ts';
import { GRAPH_OPTIONS, loadGraphOption, RNG_OPTION, rngSeed, workerCount } from '../graph-options.ts';
import { progressBar } from '../progress.ts';

export const STATS_OPTIONS: OptionSpec[] = [
  ...GRAPH_OPTIONS,
  {
    name: 'distances',
    kind: 'string',
    value: DISTANCE_MODES.join('|'),
    help: 'hop plot, diameter and clustering: exact (all-sources BFS), approx (HyperANF), auto (exact while quick), none',
    default: 'auto',
  },
  {
    name: 'registers',
    kind: 'integer',
    value: 'M',
    help: 'HyperANF registers per node, a power of two 16..4096 (relative error 1.04/sqrt(M))',
    default: 'up to 256 as size allows (64 at 10M arcs)',
  },
  { ...RNG_OPTION, help: 'HyperANF hash seed' },
  { name: 'workers', kind: 'integer', value: 'W', help: 'worker threads', default: 'all cores' },
];

/** Below this much BFS work (nodes x arcs) a worker pool costs more than it saves. */
const LOCAL_WORK = 2e7;

export async function statsCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const started = performance.now();
  const mode = (options.distances ?? 'auto') as DistanceMode;
  if (!DISTANCE_MODES.includes(mode))
    throw new UsageError(`--distances: expected one of ${DISTANCE_MODES.join(', ')}, got '${mode}'`);
  const registers = options.registers as number | undefined;
  if (registers !== undefined && (registers < 16 || registers > 4096 || (registers & (registers - 1)) !== 0))
    throw new UsageError(`--registers: expected a power of two from 16 to 4096, got ${registers}`);
  const workers = workerCount(options);
  const seed = rngSeed(options);
  const { csr, report } = await loadGraphOption(options);
  const loadSeconds = (performance.now() - started) / 1000;

  const distanceStarted = performance.now();
  const distances = await withRunner(csr, workers, ctx, (runner) =>
    analyzeDistances(csr, { mode, registers, seed, runner }),
  );
  const output = {
    nodes: csr.n,
    edges: report.edges,
    directed: csr.directed,
    selfLoops: report.selfLoops,
    duplicateEdges: report.duplicateEdges,
    arcs: csr.arcs,
    direction: report.direction,
    file: report.file,
    format: report.format,
    gzip: report.gzip,
    header: report.header,
    edgeLines: report.edgeLines,
    edgeValues: csr.values,
    warnings: report.warnings,
    loadSeconds,
    ...distances,
    distanceSeconds: (performance.now() - distanceStarted) / 1000,
  };
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(output)}\n`);
    return;
  }
  const lines = [
    `${report.file} (${report.format}${report.gzip ? ', gzip' : ''}), read as ${report.direction}`,
    `nodes            ${csr.n}`,
    `edges            ${report.edges} ${csr.directed ? 'arcs' : 'undirected edges'}`,
    `self-loops       ${report.selfLoops} dropped`,
    `duplicate edges  ${report.duplicateEdges} merged`,
  ];
  if (report.header)
    lines.push(`header           line ${report.header.line}: ${report.header.text} (${report.header.kind})`);
  lines.push(...describeDistances(distances, csr));
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  ctx.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Run the analysis with a worker pool when the BFS work is worth it (jobs through
 * EnginePool.runJobs, with a progress bar), in this thread otherwise.
 */
async function withRunner<T>(
  csr: Csr,
  workers: number,
  ctx: CommandContext,
  fn: (runner: DistanceRunner) => Promise<T>,
): Promise<T> {
  if (csr.n * csr.arcs <= LOCAL_WORK) return fn(localRunner(csr));
  const pool = createNodePool(ctx.workerFile, workers);
  const bar = progressBar(ctx.stderr, 'distances');
  const run = { onProgress: (p: Parameters<typeof bar.update>[0]) => bar.update(p), signal: ctx.signal };
  try {
    pool.setGraph(csr);
    return await fn(poolDistanceRunner(pool, run));
  } finally {
    bar.done();
    pool.terminate();
  }
}

function describeDistances(d: DistanceAnalysis, csr: Csr): string[] {
  if (d.approximate === null || !d.components || !d.hopPlot) return [];
  const c = d.components;
  const pairs = d.hopPlot[d.hopPlot.length - 1] - d.hopPlot[0];
  const approx = d.approximate
    ? `, HyperANF estimate (${d.hyperAnfRegisters} registers, ±${(100 * (d.relativeError ?? 0)).toFixed(1)}% per value)`
    : ', exact';
  return [
    `components       ${c.weak} weak (largest ${c.largestWeak}), ${c.strong} strong (largest ${c.largestStrong})`,
    `avg clustering   ${d.avgClustering?.toFixed(4)} (${d.triangles} triangles, undirected simple graph)`,
    `distances        over the largest weak component (${d.distanceNodes} nodes), ${csr.directed ? 'following arc direction' : 'undirected'}${approx}`,
    `diameter         ${d.diameter}`,
    `eff. diameter    ${d.effectiveDiameter?.toFixed(2)} (90% of connected pairs are this close)`,
    `avg distance     ${d.avgDistance === null ? 'n/a' : d.avgDistance.toFixed(3)} over ${pairs} connected ordered pairs`,
    `hop plot         ${d.hopPlot.map((x, h) => `${h}:${x}`).join('  ')}`,
  ];
}
