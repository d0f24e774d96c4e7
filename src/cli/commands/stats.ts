/**
 * `ripple stats`: what the loader read (counts, direction, what it dropped) and the six-degrees
 * analysis: components, average clustering, and the hop plot of the largest weak component with
 * its diameter, effective diameter and average distance (exact, or HyperANF on large graphs).
 */

import {
  analyzeDistances,
  type DistanceAnalysis,
  type DistanceMode,
  type DistanceRunner,
  localRunner,
} from '../../analysis/distance/analyze.ts';
import { DISTANCES, REGISTERS } from '../../analysis/distance/params.ts';
import { poolDistanceRunner } from '../../analysis/distance/pool-runner.ts';
import { RNG_SEED } from '../../diffusion/params.ts';
import { JSON_OUTPUT, WORKERS } from '../../engine/run-params.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import type { Csr } from '../../graph/types.ts';
import { adapt } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import type { Command, ParsedOptions } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import { GRAPH_OPTIONS, loadGraphOption, OUTPUT_OPTIONS, workerCount } from '../common/graph-options.ts';
import { progressBar } from '../common/progress.ts';

const HASH_SEED = adapt(RNG_SEED, {
  help: {
    en: 'HyperANF hash seed: another seed gives an independent estimate',
    zh: 'HyperANF 的哈希种子：换一个种子得到一次独立的估计',
  },
});

export const STATS: Command = {
  summary:
    'what the graph holds: counts, dropped self-loops and duplicates, components, clustering, distances',
  usage: '--graph FILE [options]',
  options: [...GRAPH_OPTIONS, DISTANCES, REGISTERS, HASH_SEED, WORKERS, ...OUTPUT_OPTIONS],
  examples: ['ripple stats --graph datasets/facebook_combined.txt --json'],
  run: statsCommand,
};

/** Below this much BFS work (nodes x arcs) a worker pool costs more than it saves. */
const LOCAL_WORK = 2e7;

export async function statsCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const started = performance.now();
  const mode: DistanceMode = options.need(DISTANCES);
  const registers = options.given(REGISTERS);
  const workers = workerCount(options, ctx);
  const seed = options.need(HASH_SEED);
  const { csr, report } = await loadGraphOption(options);
  const loadSeconds = (performance.now() - started) / 1000;

  const distanceStarted = performance.now();
  // --distances none does no BFS work: no pool to start (and no graph to send to it).
  const distances = await withRunner(csr, mode === 'none' ? 0 : workers, ctx, (runner) =>
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
  if (options.get(JSON_OUTPUT)) {
    ctx.stdout.write(`${JSON.stringify(output)}\n`);
    return;
  }
  const lines = [
    `${printable(report.file)} (${report.format}${report.gzip ? ', gzip' : ''}), read as ${report.direction}`,
    `nodes            ${csr.n}`,
    `edges            ${report.edges} ${csr.directed ? 'arcs' : 'undirected edges'}`,
    `self-loops       ${report.selfLoops} dropped`,
    `duplicate edges  ${report.duplicateEdges} merged`,
  ];
  if (report.header)
    lines.push(
      `header           line ${report.header.line}: ${printable(report.header.text)} (${report.header.kind})`,
    );
  lines.push(...describeDistances(distances, csr));
  for (const w of report.warnings) lines.push(`warning: ${printable(w)}`);
  ctx.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Run the analysis with a worker pool when the BFS work is worth it (jobs through
 * EnginePool.runJobs, with a progress bar), in this thread otherwise (and always with 0 workers).
 */
async function withRunner<T>(
  csr: Csr,
  workers: number,
  ctx: CommandContext,
  fn: (runner: DistanceRunner) => Promise<T>,
): Promise<T> {
  if (workers === 0 || csr.n * csr.arcs <= LOCAL_WORK) return fn(localRunner(csr));
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
