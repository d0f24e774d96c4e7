/**
 * `ripple communities`: Louvain communities (src/analysis/communities.ts) with their modularity,
 * and optionally how far a simulated cascade gets into each community.
 */

import { communityReach, louvainCommunities } from '../../analysis/communities.ts';
import { summarize } from '../../diffusion/summary.ts';
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
import { SIMULATE_OPTIONS } from './simulate.ts';

const SIMULATION_OPTION_NAMES = ['seeds', 'model', 'runs', 'p', 'gamma', 'phi', 'max-steps', 'workers'];

export const COMMUNITIES_OPTIONS: OptionSpec[] = [
  ...GRAPH_OPTIONS,
  RNG_OPTION,
  {
    name: 'resolution',
    kind: 'number',
    value: 'R',
    help: 'modularity resolution: above 1 finds more, smaller communities',
    default: '1',
  },
  { name: 'members', kind: 'flag', help: 'list every community’s member ids (always in --json)' },
  ...SIMULATE_OPTIONS.filter((o) => SIMULATION_OPTION_NAMES.includes(o.name)).map((o) =>
    o.name === 'seeds'
      ? { ...o, help: `${o.help}; with --seeds, report the simulated reach per community` }
      : o,
  ),
];

export async function communitiesCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const resolution = (options.resolution as number | undefined) ?? 1;
  if (!(resolution > 0)) throw new UsageError(`--resolution: expected a positive number, got ${resolution}`);
  const seed = rngSeed(options);
  const simulationOnly = SIMULATION_OPTION_NAMES.filter((n) => n !== 'seeds' && options[n] !== undefined);
  if (options.seeds === undefined && simulationOnly.length > 0)
    throw new UsageError(`--${simulationOnly[0]} needs --seeds LIST (per-community reach of a simulation)`);
  const loaded = await loadGraphOption(options);
  const { csr, ids } = loaded;
  const started = performance.now();
  const found = louvainCommunities(csr, { rngSeed: seed, resolution });
  const members: string[][] = Array.from({ length: found.count }, () => []);
  for (let v = 0; v < csr.n; v++) members[found.community[v]].push(ids[v]);

  let reach: Record<string, unknown> | null = null;
  if (typeof options.seeds === 'string')
    reach = await simulateReach(options, ctx, loaded.csr, ids, found, seed);
  else if (options.seeds !== undefined) throw new UsageError('--seeds: expected a seed list');

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
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(output)}\n`);
    return;
  }
  const lines = [
    `${loaded.report.file}: ${found.count} communities, modularity ${found.modularity.toFixed(4)} (Louvain, rng ${seed})`,
    `sizes ${found.sizes.slice(0, 20).join(' ')}${found.count > 20 ? ' ...' : ''}`,
  ];
  if (options.members)
    for (const c of output.communities) lines.push(`  ${c.community}: ${c.members.join(' ')}`);
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
  csr: Parameters<typeof louvainCommunities>[0],
  ids: string[],
  found: ReturnType<typeof louvainCommunities>,
  seed: number,
): Promise<Record<string, unknown>> {
  const params = modelParamsOption(options, csr);
  const seeds = parseSeedSpec(options.seeds as string, { csr, ids });
  const runs = wholeAtLeast(options, 'runs', 1, 1000);
  const workers = workerCount(options);
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
      seeds: describeSeeds(seeds, ids),
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
