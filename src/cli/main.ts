/**
 * The `ripple` command line: the same engine and worker pool as the app, headless.
 * Errors go to stderr as one line and a non-zero exit code: 1 for bad input files, 2 for bad usage.
 */
import { OptionError } from '../diffusion/defaults.ts';
import { LoadError } from '../graph/load-error.ts';
import { helpText, type OptionSpec, type ParsedOptions, parseOptions, UsageError } from './args.ts';
import { COMMUNITIES_OPTIONS, communitiesCommand } from './commands/communities.ts';
import { LAYOUT_OPTIONS, layoutCommand } from './commands/layout.ts';
import { RANK_OPTIONS, rankCommand } from './commands/rank.ts';
import { REACH_OPTIONS, reachCommand } from './commands/reach.ts';
import { SEEDS_OPTIONS, seedsCommand } from './commands/seeds.ts';
import { SIMULATE_OPTIONS, simulateCommand } from './commands/simulate.ts';
import { STATS_OPTIONS, statsCommand } from './commands/stats.ts';
import { TIPPING_OPTIONS, tippingCommand } from './commands/tipping.ts';
import type { CommandContext } from './context.ts';

interface Command {
  summary: string;
  options: OptionSpec[];
  run(options: ParsedOptions, ctx: CommandContext): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  communities: {
    summary: 'Louvain communities and modularity; with --seeds, how far a cascade gets into each',
    options: COMMUNITIES_OPTIONS,
    run: communitiesCommand,
  },
  layout: {
    summary: 'ForceAtlas2 positions for the nodes the app draws, as a layout file',
    options: LAYOUT_OPTIONS,
    run: layoutCommand,
  },
  rank: {
    summary: 'opinion leaders: top accounts by degree, pagerank, betweenness, closeness, ...',
    options: RANK_OPTIONS,
    run: rankCommand,
  },
  reach: {
    summary: 'six degrees: share of the network within 0..6 hops of seeds, beside the simulated reach by hop',
    options: REACH_OPTIONS,
    run: reachCommand,
  },
  seeds: {
    summary: 'choose k seed accounts that maximise expected spread (IMM, CELF, heuristics)',
    options: SEEDS_OPTIONS,
    run: seedsCommand,
  },
  simulate: {
    summary: 'Monte Carlo cascades from seed accounts',
    options: SIMULATE_OPTIONS,
    run: simulateCommand,
  },
  stats: {
    summary:
      'what the graph holds: counts, dropped self-loops and duplicates, components, clustering, distances',
    options: STATS_OPTIONS,
    run: statsCommand,
  },
  tipping: {
    summary: 'critical mass: sweep p, the number of seeds or phi and find where cascades go global',
    options: TIPPING_OPTIONS,
    run: tippingCommand,
  },
};

const USAGE = `ripple: relationship-chain diffusion simulator

Usage: ripple <command> [options]     (npm run --silent ripple -- <command> [options])

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run 'ripple <command> --help' for its options.
`;

export async function main(argv: string[], ctx?: Partial<CommandContext>): Promise<number> {
  const context: CommandContext = {
    stdout: ctx?.stdout ?? process.stdout,
    stderr: ctx?.stderr ?? process.stderr,
    workerFile: ctx?.workerFile ?? new URL('./engine.worker.mjs', import.meta.url),
    signal: ctx?.signal,
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    context.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    context.stderr.write(
      `ripple: unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')})\n`,
    );
    return 2;
  }
  try {
    const options = parseOptions(rest, command.options, name);
    if (options.help) {
      context.stdout.write(helpText(`ripple ${name}`, command.summary, command.options));
      return 0;
    }
    await command.run(options, context);
    return 0;
  } catch (error) {
    if (error instanceof LoadError) {
      context.stderr.write(`ripple: ${error.message}\n`);
      return 1;
    }
    if (error instanceof UsageError || error instanceof OptionError) {
      context.stderr.write(`ripple ${name}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    context.stderr.write(`ripple ${name}: ${message}\n`);
    return 1;
  }
}
