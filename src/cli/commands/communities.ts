/**
 * `ripple communities`: Louvain communities (src/analysis/communities.ts) with their modularity,
 * and optionally how far a simulated cascade gets into each community.
 */

import { communityReach, louvainCommunities } from '../../analysis/communities.ts';
import { MEMBERS, RESOLUTION } from '../../analysis/communities-params.ts';
import { RNG_SEED, RUNS, SEEDS, SEEDS_FILE } from '../../diffusion/params.ts';
import { summarize } from '../../diffusion/summary.ts';
import type { SeedPlan } from '../../diffusion/types.ts';
import { JSON_OUTPUT } from '../../engine/run-params.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import { nodeIds } from '../../graph/node-ids.ts';
import { describeSeeds } from '../../seeding/seed-spec.ts';
import { adapt } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import { type Command, type ParsedOptions, UsageError } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import {
  GRAPH_OPTIONS,
  loadGraphOption,
  modelParamsOption,
  OUTPUT_OPTIONS,
  seedPlanOption,
  workerCount,
} from '../common/graph-options.ts';
import { progressBar } from '../common/progress.ts';
import { MODEL_OPTIONS } from './simulate.ts';

const LOUVAIN_RNG = adapt(RNG_SEED, {
  help: {
    en: "seed of Louvain's random node order (and of the simulation); the same seed gives the same communities",
    zh: 'Louvain 随机节点顺序（以及模拟）的种子；种子相同，社群划分就相同',
  },
});
const REACH_SEEDS = adapt(SEEDS, {
  help: {
    en: 'simulate from these seeds (as in simulate) and report the reach per community',
    zh: '从这些种子开始模拟（写法同 simulate），并报告每个社群的触达情况',
  },
});
/** The simulation's options, which need --seeds. */
const SIMULATION_OPTIONS = MODEL_OPTIONS.filter((o) => o !== RNG_SEED);

export const COMMUNITIES: Command = {
  summary: 'Louvain communities and modularity; with --seeds, how far a cascade gets into each',
  usage: '--graph FILE [--seeds LIST [simulation options]] [options]',
  options: [
    ...GRAPH_OPTIONS,
    LOUVAIN_RNG,
    RESOLUTION,
    MEMBERS,
    REACH_SEEDS,
    SEEDS_FILE,
    ...SIMULATION_OPTIONS,
    ...OUTPUT_OPTIONS,
  ],
  examples: [
    'ripple communities --graph datasets/facebook_combined.txt --seeds 107,1684 --p 0.02 --runs 1000 --json',
  ],
  run: communitiesCommand,
};

export async function communitiesCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const resolution = options.need(RESOLUTION);
  const seed = options.need(LOUVAIN_RNG);
  const withSeeds = options.has(REACH_SEEDS) || options.has(SEEDS_FILE);
  const simulationOnly = options.givenOf(SIMULATION_OPTIONS);
  if (!withSeeds && simulationOnly.length > 0)
    throw new UsageError(
      `--${simulationOnly[0].flag} needs --seeds LIST (per-community reach of a simulation)`,
    );
  const workers = withSeeds ? workerCount(options, ctx) : 0;
  const loaded = await loadGraphOption(options);
  const { csr, ids } = loaded;
  const started = performance.now();
  const found = louvainCommunities(csr, { rngSeed: seed, resolution });
  const members: string[][] = Array.from({ length: found.count }, () => []);
  for (let v = 0; v < csr.n; v++) members[found.community[v]].push(ids[v]);

  let reach: Record<string, unknown> | null = null;
  if (withSeeds) reach = await simulateReach(options, ctx, loaded, found, seed, workers);

  const output = {
    count: found.count,
    modularity: found.modularity,
    sizes: found.sizes,
    nodes: csr.n,
    resolution,
    rng: seed,
    communities: members.map((m, c) => ({ community: c, size: m.length, members: m })),
    ...(reach ?? {}),
    seconds: (performance.now() - started) / 1000,
  };
  if (options.get(JSON_OUTPUT)) {
    ctx.stdout.write(`${JSON.stringify(output)}\n`);
    return;
  }
  const lines = [
    `${printable(loaded.report.file)}: ${found.count} communities, modularity ${found.modularity.toFixed(4)} (Louvain, rng ${seed})`,
    `sizes ${found.sizes.slice(0, 20).join(' ')}${found.count > 20 ? ' ...' : ''}`,
  ];
  if (options.get(MEMBERS))
    for (const c of output.communities) lines.push(`  ${c.community}: ${c.members.map(printable).join(' ')}`);
  if (reach) {
    const rows = reach.reach as ReturnType<typeof communityReach>;
    lines.push(
      `simulated reach per community (${reach.runs} runs, mean total ${(reach.mean as number).toFixed(2)}):`,
      '  community   size  seeds  mean reached  share reached  entered >=',
    );
    for (const r of rows.slice(0, 30))
      lines.push(
        `  ${String(r.community).padStart(9)} ${String(r.size).padStart(6)} ${String(r.seeds).padStart(6)} ${r.meanReached.toFixed(2).padStart(13)} ${`${(100 * r.shareReached).toFixed(1)}%`.padStart(14)} ${`${(100 * r.enteredAtLeast).toFixed(1)}%`.padStart(11)}`,
      );
    if (rows.length > 30) lines.push(`  ... ${rows.length - 30} more (see --json)`);
  }
  ctx.stdout.write(`${lines.join('\n')}\n`);
}

async function simulateReach(
  options: ParsedOptions,
  ctx: CommandContext,
  graph: { csr: Parameters<typeof louvainCommunities>[0]; ids: string[] },
  found: ReturnType<typeof louvainCommunities>,
  seed: number,
  workers: number,
): Promise<Record<string, unknown>> {
  const { csr } = graph;
  const params = modelParamsOption(options, csr);
  const seeds = (await seedPlanOption(options, graph, ctx, params.maxSteps)) as SeedPlan;
  const runs = options.need(RUNS);
  const pool = createNodePool(ctx.workerFile, workers);
  const bar = progressBar(ctx.stderr, 'simulating');
  try {
    pool.setGraph(csr);
    const result = await pool.simulate(
      { params, seeds, runs, rngSeed: seed, traceRun: null, nodeCounts: true },
      { onProgress: (p) => bar.update(p), signal: ctx.signal },
    );
    if (!result.nodeCounts) throw new Error('the engine returned no per-node counts');
    const seedNodes = seeds.kind === 'groups' ? seeds.groups.flatMap((g) => g.nodes) : [];
    const summary = summarize(result);
    return {
      model: params.model,
      params,
      seeds: describeSeeds(seeds, nodeIds(graph)),
      runs: summary.runs,
      mean: summary.mean,
      ci95: summary.ci95,
      reach: communityReach(found, result.nodeCounts, summary.runs, seedNodes),
      workers,
    };
  } finally {
    bar.done();
    pool.terminate();
  }
}
