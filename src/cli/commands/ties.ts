/**
 * `ripple ties`: the graph's strong and weak ties (src/ties/summary.ts) and, with --removal, the
 * weak-tie experiment (src/ties/removal.ts). Also the tie options of `ripple simulate`
 * (tieParamsOption): --strong-by, --p-strong, --p-weak, --groups, --p-group, --strong-only.
 */
import { louvainCommunities } from '../../analysis/communities.ts';
import { RESOLUTION } from '../../analysis/communities-params.ts';
import { P, RNG_SEED, RUNS, SEEDS, SEEDS_FILE } from '../../diffusion/params.ts';
import { summarize } from '../../diffusion/summary.ts';
import type { ModelParams, SeedPlan, TieParams } from '../../diffusion/types.ts';
import { JSON_OUTPUT, WORKERS } from '../../engine/run-params.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import { nodeIds } from '../../graph/node-ids.ts';
import { hasMutualArc, parseStrongBy, type StrongBy } from '../../graph/ties.ts';
import type { LoadedGraph } from '../../graph/types.ts';
import { describeSeeds } from '../../seeding/seed-spec.ts';
import { communityGroups, parseGroups } from '../../ties/groups.ts';
import {
  GROUPS,
  P_GROUP,
  P_STRONG,
  P_WEAK,
  PLATFORM,
  REMOVAL,
  REMOVAL_STEPS,
  STRONG_BY,
  STRONG_ONLY,
} from '../../ties/params.ts';
import { PLATFORM_PRESETS } from '../../ties/presets.ts';
import {
  REMOVAL_RANDOM_SEEDS,
  type RemovalPoint,
  removalExperiment,
  removalParams,
} from '../../ties/removal.ts';
import { NO_MUTUAL_NOTE, summarizeTies, type TiesSummary } from '../../ties/summary.ts';
import { adapt } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import { type Command, type ParsedOptions, UsageError } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import {
  GRAPH_OPTIONS,
  loadGraphOption,
  OUTPUT_OPTIONS,
  seedPlanOption,
  warn,
  workerCount,
} from '../common/graph-options.ts';
import { progressBar } from '../common/progress.ts';
import { readTextFile } from '../common/read-text-file.ts';

/** The tie options simulate takes. */
export const TIE_OPTIONS = [PLATFORM, STRONG_BY, P_STRONG, P_WEAK, GROUPS, P_GROUP, STRONG_ONLY] as const;

const REMOVAL_RUNS = adapt(RUNS, {
  default: 200,
  help: {
    en: 'removal experiment: Monte Carlo runs per share removed (ic with --p)',
    zh: '移除实验：每个移除比例的蒙特卡洛模拟次数（ic 模型，概率 --p）',
  },
});
const REMOVAL_SEEDS = adapt(SEEDS, {
  help: {
    en: `removal experiment: the cascades' seeds (as in simulate); random:${REMOVAL_RANDOM_SEEDS} when absent`,
    zh: `移除实验：传播的种子（写法同 simulate）；不给时为 random:${REMOVAL_RANDOM_SEEDS}`,
  },
});
const REMOVAL_OPTIONS = [REMOVAL_STEPS, REMOVAL_SEEDS, SEEDS_FILE, P, REMOVAL_RUNS, WORKERS] as const;

export const TIES: Command = {
  summary: 'strong and weak ties, bridges and embeddedness; with --removal, the weak-tie experiment',
  usage: '--graph FILE [--strong-by mutual|embeddedness:X] [--removal [options]] [options]',
  options: [
    ...GRAPH_OPTIONS,
    STRONG_BY,
    RNG_SEED,
    RESOLUTION,
    REMOVAL,
    ...REMOVAL_OPTIONS,
    ...OUTPUT_OPTIONS,
  ],
  examples: [
    'ripple ties --graph datasets/soc-Slashdot0902.txt.gz --json',
    'ripple ties --graph datasets/facebook_combined.txt --strong-by embeddedness:0.2 --removal --p 0.05',
  ],
  run: tiesCommand,
};

export function strongByOption(options: ParsedOptions): { by: StrongBy; text: string } {
  const text = options.need(STRONG_BY);
  const by = parseStrongBy(text);
  if ('error' in by) throw new UsageError(`--strong-by: ${by.error}`);
  return { by, text };
}

export async function tiesCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const removal = options.get(REMOVAL);
  const removalOnly = options.givenOf(REMOVAL_OPTIONS);
  if (!removal && removalOnly.length > 0)
    throw new UsageError(`--${removalOnly[0].flag} needs --removal (the weak-tie experiment)`);
  const { by, text } = strongByOption(options);
  const rngSeed = options.need(RNG_SEED);
  const loaded = await loadGraphOption(options);
  const { csr } = loaded;
  const summary = summarizeTies(csr, by, text, { rngSeed, resolution: options.need(RESOLUTION) });
  for (const note of summary.notes) warn(ctx, note);
  let experiment: Awaited<ReturnType<typeof removalExperiment>> | null = null;
  let seeds: SeedPlan | null = null;
  if (removal) {
    seeds = (await seedPlanOption(options, loaded, ctx, null)) ?? {
      kind: 'random',
      k: Math.min(REMOVAL_RANDOM_SEEDS, csr.n),
    };
    const plan = seeds;
    const params = removalParams(options.need(P));
    const runs = options.need(REMOVAL_RUNS);
    const pool = createNodePool(ctx.workerFile, workerCount(options, ctx));
    const bar = progressBar(ctx.stderr, 'removing ties');
    const started = performance.now();
    try {
      experiment = await removalExperiment(csr, by, {
        steps: options.need(REMOVAL_STEPS),
        rngSeed,
        reach: async (reduced) => {
          pool.setGraph(reduced);
          const s = summarize(
            await pool.simulate(
              { params, seeds: plan, runs, rngSeed, traceRun: null },
              { signal: ctx.signal },
            ),
          );
          return { mean: s.mean, ci95: s.ci95 };
        },
        onPoint: (done, total) => {
          const elapsedMs = performance.now() - started;
          bar.update({ done, total, elapsedMs, etaMs: (elapsedMs / done) * (total - done) });
        },
      });
    } finally {
      bar.done();
      pool.terminate();
    }
  }
  const output = {
    ...summary,
    ...(experiment && seeds
      ? {
          removal: {
            ...experiment,
            p: options.need(P),
            runs: options.need(REMOVAL_RUNS),
            seeds: describeSeeds(seeds, nodeIds(loaded)),
          },
        }
      : {}),
  };
  if (options.get(JSON_OUTPUT)) ctx.stdout.write(`${JSON.stringify(output)}\n`);
  else ctx.stdout.write(formatTies(summary, loaded.report.file, experiment));
}

function formatTies(
  s: TiesSummary,
  file: string,
  experiment: { weakFirst: RemovalPoint[]; strongFirst: RemovalPoint[] } | null,
): string {
  const pct = (x: number, of: number) => (of > 0 ? `${((100 * x) / of).toFixed(1)}%` : '-');
  const lines = [
    `${printable(file)}: ${s.nodes} nodes, ${s.arcs} arcs (${s.directed ? 'directed' : 'undirected'})`,
    `mutual pairs ${s.mutualPairs}`,
    `strong       ${s.strong} arcs (${pct(s.strong, s.arcs)}) by ${s.strongBy}`,
    `weak         ${s.weak} arcs (${pct(s.weak, s.arcs)})`,
    `bridges      ${s.bridges.betweenCommunities} arcs between ${s.bridges.communities} Louvain communities; ${s.bridges.splitting} arcs whose removal splits a component`,
    `embeddedness mean overlap ${s.embeddedness.mean.toFixed(3)}; arcs by overlap:`,
  ];
  const peak = Math.max(1, ...s.embeddedness.bins.map((b) => b.arcs));
  for (const b of s.embeddedness.bins)
    lines.push(
      `  ${b.from.toFixed(1)}-${b.to.toFixed(1)} ${'#'.repeat(Math.round((40 * b.arcs) / peak)).padEnd(40)} ${b.arcs}`,
    );
  if (experiment) {
    lines.push('removal      share removed: largest component (share of nodes), mean reach [95% CI]');
    lines.push('  share   weakest first                 strongest first');
    const cell = (p: RemovalPoint) =>
      `${p.largestComponent.toFixed(3)}  ${p.reach ? `${p.reach.mean.toFixed(1)} [${p.reach.ci95[0].toFixed(1)}, ${p.reach.ci95[1].toFixed(1)}]` : ''}`.padEnd(
        30,
      );
    experiment.weakFirst.forEach((w, i) => {
      lines.push(`  ${w.share.toFixed(2).padStart(5)}   ${cell(w)}${cell(experiment.strongFirst[i])}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

/**
 * simulate's tie options as TieParams, or undefined when none is given (the default kernels).
 * Unknown group members are dropped with a warning naming their count and the first few.
 */
export async function tieParamsOption(
  options: ParsedOptions,
  ctx: CommandContext,
  loaded: LoadedGraph,
  params: ModelParams,
): Promise<TieParams | undefined> {
  const given = options.givenOf(TIE_OPTIONS);
  if (given.length === 0) return undefined;
  const { by, text } = strongByOption(options);
  if (by.kind === 'mutual' && loaded.csr.arcs > 0 && !hasMutualArc(loaded.csr)) warn(ctx, NO_MUTUAL_NOTE);
  const platform = options.given(PLATFORM);
  const preset = platform === undefined ? null : PLATFORM_PRESETS[platform];
  const icOnly = [PLATFORM, P_STRONG, P_WEAK, GROUPS, P_GROUP].filter((o) => options.has(o));
  if (params.model === 'threshold') {
    if (icOnly.length > 0) throw new UsageError(`--${icOnly[0].flag} applies to --model ic`);
  } else if (params.model === 'ic') {
    if (options.get(STRONG_ONLY)) throw new UsageError('--strong-only applies to --model threshold');
  } else throw new UsageError(`--${given[0].flag}: tie options apply to --model ic and threshold`);
  const p = params.p;
  const fallback = (spec: typeof P_STRONG): number => {
    const value = options.given(spec);
    if (value !== undefined) return value;
    // A preset's number (closed: no weak ties); 'p' falls through to the value of --p.
    const set = preset ? preset[spec.name as 'pStrong' | 'pWeak' | 'pGroup'] : 'p';
    if (typeof set === 'number') return set;
    if (params.model !== 'ic') return 0;
    if (p === null)
      throw new UsageError(
        `--${spec.flag}: give it, or --p (the graph's own per-edge probabilities have no tie kind)`,
      );
    return p;
  };
  let groups: number[][] = [];
  const groupsText = options.given(GROUPS) ?? preset?.groups ?? undefined;
  if (groupsText === 'communities') {
    const found = louvainCommunities(loaded.csr, { rngSeed: options.need(RNG_SEED) });
    groups = communityGroups(found.community, found.count);
  } else if (groupsText !== undefined) {
    const index = new Map(loaded.ids.map((id, v) => [id, v]));
    const parsed = parseGroups(await readTextFile(groupsText), groupsText, index);
    groups = parsed.groups;
    if (parsed.unknown.count > 0)
      warn(
        ctx,
        `${groupsText}: ${parsed.unknown.count} member(s) are not accounts of the graph and were left out (${parsed.unknown.first.join(', ')}${parsed.unknown.count > parsed.unknown.first.length ? ', ...' : ''})`,
      );
  } else if (options.has(P_GROUP))
    throw new UsageError('--p-group needs --groups FILE (or --groups communities)');
  return {
    strongBy: text,
    pStrong: fallback(P_STRONG),
    pWeak: fallback(P_WEAK),
    groups,
    pGroup: groups.length > 0 ? fallback(P_GROUP) : 0,
    strongOnly: options.get(STRONG_ONLY) === true,
  };
}
