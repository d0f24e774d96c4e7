/**
 * Options every command shares (which graph, how to read it, JSON output, help) and the helpers
 * that turn parsed options into what the engine takes: the model parameters, the seed plan, the
 * number of worker threads. The options themselves are the parameter table's (src/all-params.ts).
 */
import { readFile } from 'node:fs/promises';
import { resolveParams } from '../../diffusion/defaults.ts';
import { GAMMA, MAX_STEPS_PARAM, MODEL, P, PHI, SEEDS, SEEDS_FILE } from '../../diffusion/params.ts';
import type { ModelParams, SeedPlan } from '../../diffusion/types.ts';
import { HELP, JSON_OUTPUT, WORKERS } from '../../engine/run-params.ts';
import { defaultWorkerCount } from '../../engine/spawn-node.ts';
import { DIRECTION, EDGE_VALUES_PARAM, GRAPH, HEADER, MAX_EDGES } from '../../graph/params.ts';
import type { Csr, LoadedGraph } from '../../graph/types.ts';
import { parseSeedLines, parseSeedSpec, type SeedGraph } from '../../seeding/seed-spec.ts';
import type { ParamSpec } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import { type ParsedOptions, UsageError } from './args.ts';
import type { CommandContext } from './context.ts';
import { bundledDataset } from './datasets.ts';
import { readGraphFile } from './read-graph-file.ts';

/** How to read the graph: every command takes these first. */
export const GRAPH_OPTIONS: readonly ParamSpec[] = [GRAPH, DIRECTION, EDGE_VALUES_PARAM, HEADER, MAX_EDGES];

/** Every command but layout ends with these. */
export const OUTPUT_OPTIONS: readonly ParamSpec[] = [JSON_OUTPUT, HELP];

/** One warning line on stderr, prefixed with the command, control characters made visible. */
export function warn(ctx: CommandContext, message: string): void {
  ctx.stderr.write(`ripple${ctx.command ? ` ${ctx.command}` : ''}: warning: ${printable(message)}\n`);
}

export async function loadGraphOption(options: ParsedOptions): Promise<LoadedGraph> {
  const file = options.need(GRAPH);
  const bundled = bundledDataset(file);
  return readGraphFile(file, {
    direction: options.given(DIRECTION) ?? bundled?.direction,
    edgeValues: options.given(EDGE_VALUES_PARAM) ?? bundled?.edgeValues,
    header: options.get(HEADER),
    maxEdges: options.get(MAX_EDGES),
  });
}

/**
 * --workers: how many worker threads; all cores by default. More threads than cores only add
 * memory (each holds its own scratch space) and contention, so a larger number is capped at the
 * core count with one warning.
 */
export function workerCount(options: ParsedOptions, ctx: CommandContext): number {
  const cores = defaultWorkerCount();
  const asked = options.given(WORKERS);
  if (asked === undefined) return cores;
  if (asked > cores) {
    warn(ctx, `--workers ${asked} is more than the ${cores} cores of this machine; using ${cores}`);
    return cores;
  }
  return asked;
}

/** The model options (--model --p --gamma --phi --max-steps), resolved for the graph. */
export function modelParamsOption(options: ParsedOptions, csr: Csr): ModelParams {
  return resolveParams(
    {
      model: options.need(MODEL),
      p: options.given(P) ?? null,
      gamma: options.need(GAMMA),
      phi: options.need(PHI),
      maxSteps: options.given(MAX_STEPS_PARAM) ?? null,
    },
    csr,
  );
}

/**
 * The seed plan from --seeds or --seeds-file (undefined when neither is given), with start steps
 * checked against the step limit and repeated seeds reported on stderr.
 */
export async function seedPlanOption(
  options: ParsedOptions,
  graph: SeedGraph,
  ctx: CommandContext,
  maxSteps: number | null,
): Promise<SeedPlan | undefined> {
  const file = options.given(SEEDS_FILE);
  const text = options.given(SEEDS);
  if (file !== undefined && text !== undefined)
    throw new UsageError('give --seeds or --seeds-file, not both');
  const limit =
    maxSteps === null
      ? {}
      : {
          maxStart: maxSteps,
          maxStartReason: {
            en: `a group starting after --max-steps ${maxSteps} would never launch`,
            zh: `在 --max-steps ${maxSteps} 之后开始的组永远不会发布`,
          },
        };
  let parsed: ReturnType<typeof parseSeedSpec>;
  if (file !== undefined) {
    let content: string;
    try {
      content = await readFile(file, 'utf8');
    } catch (e) {
      const code = (e as { code?: unknown } | null)?.code;
      throw new UsageError(
        `--seeds-file: cannot read ${file} (${code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)})`,
      );
    }
    parsed = parseSeedLines(content, graph, { where: `--seeds-file ${file}`, ...limit });
  } else if (text !== undefined) {
    parsed = parseSeedSpec(text, graph, { where: '--seeds', ...limit });
  } else {
    const fallback = options.get(SEEDS);
    if (fallback === undefined) return undefined;
    parsed = parseSeedSpec(fallback, graph, { where: '--seeds', ...limit });
  }
  for (const w of parsed.warnings) warn(ctx, w);
  return parsed.plan;
}

/** Stop before loading the graph when a command that needs seeds got none. */
export function needSeeds(options: ParsedOptions): void {
  if (!options.has(SEEDS) && !options.has(SEEDS_FILE))
    throw new UsageError('--seeds LIST is required (or --seeds-file FILE)');
}

/** Like seedPlanOption, for commands where seeds are required. */
export async function requiredSeedPlan(
  options: ParsedOptions,
  graph: SeedGraph,
  ctx: CommandContext,
  maxSteps: number | null,
): Promise<SeedPlan> {
  const plan = await seedPlanOption(options, graph, ctx, maxSteps);
  if (!plan) throw new UsageError('--seeds LIST is required (or --seeds-file FILE)');
  return plan;
}
