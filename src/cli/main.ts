/**
 * The `ripple` command line: the same engine and worker pool as the app, headless.
 * Errors go to stderr as one line, `ripple COMMAND: problem`, with a non-zero exit code: 1 for bad
 * input files, 2 for bad usage, 130 when interrupted (Ctrl-C). Every option is a parameter of the
 * table in src/all-params.ts; `--help` and docs/cli.md are generated from the same lists.
 */

import '../all-jobs.ts';
import { OptionError } from '../diffusion/defaults.ts';
import { AbortError } from '../engine/pool.ts';
import { HELP } from '../engine/run-params.ts';
import { useInlineEngine } from '../engine/spawn-node.ts';
import { createEngineApi } from '../engine/worker-api.ts';
import { LoadError } from '../graph/load-error.ts';
import { printable } from '../util/printable.ts';
import { CALIBRATE } from './commands/calibrate.ts';
import { COMMUNITIES } from './commands/communities.ts';
import { LAYOUT } from './commands/layout.ts';
import { PLAN } from './commands/plan.ts';
import { RANK } from './commands/rank.ts';
import { REACH } from './commands/reach.ts';
import { SEEDS_COMMAND } from './commands/seeds.ts';
import { SIMULATE } from './commands/simulate.ts';
import { SNAPSHOT } from './commands/snapshot.ts';
import { STATS } from './commands/stats.ts';
import { TIES } from './commands/ties.ts';
import { TIPPING } from './commands/tipping.ts';
import { CONTAIN, WATCH } from './commands/watch.ts';
import { WORKER } from './commands/worker.ts';
import { type Command, helpText, parseOptions, UsageError } from './common/args.ts';
import type { CommandContext } from './common/context.ts';
import { clearProgress } from './common/progress.ts';
import { withScenario } from './common/scenario-option.ts';
import { directStdout } from './common/stdout.ts';
import { writeCliReference } from './docs.ts';

// Small work runs in this thread, without starting the workers (src/engine/pool.ts).
useInlineEngine(createEngineApi);

export const COMMANDS: Record<string, Command> = {
  calibrate: CALIBRATE,
  communities: COMMUNITIES,
  contain: CONTAIN,
  layout: LAYOUT,
  plan: PLAN,
  rank: RANK,
  reach: REACH,
  seeds: SEEDS_COMMAND,
  simulate: SIMULATE,
  snapshot: SNAPSHOT,
  stats: STATS,
  ties: TIES,
  tipping: TIPPING,
  watch: WATCH,
  worker: WORKER,
};

export const USAGE = `ripple: relationship-chain diffusion simulator

Usage: ripple <command> [options]     (npm run --silent ripple -- <command> [options])

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run 'ripple <command> --help' for its options.
`;

/** Write docs/cli.md from the commands' parameter lists (`npm run docs`); returns its path. */
export function writeDocs(): string {
  return writeCliReference(COMMANDS);
}

/** Exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const INTERRUPTED = 130;

export async function main(argv: string[], ctx?: Partial<CommandContext>): Promise<number> {
  const [name, ...rest] = argv;
  // Only the real command (no context given) owns the process's Ctrl-C.
  const interrupt = ctx ? null : new AbortController();
  const context: CommandContext = {
    // Neither process.stdout nor process.stderr is created unless used (common/stdout.ts).
    stdout: ctx?.stdout ?? directStdout(),
    get stderr() {
      return ctx?.stderr ?? process.stderr;
    },
    workerFile: ctx?.workerFile ?? new URL('./engine.worker.mjs', import.meta.url),
    signal: ctx?.signal ?? interrupt?.signal,
    command: name,
  };
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    context.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    context.stderr.write(
      `ripple: unknown command '${printable(name)}' (commands: ${Object.keys(COMMANDS).join(', ')})\n`,
    );
    return 2;
  }
  // Ctrl-C: abort the work (the workers stop, the progress line is cleared on the way out) and
  // exit 130. A second Ctrl-C, or work that does not stop within a second, exits at once.
  const exitNow = () => {
    clearProgress();
    context.stderr.write(`ripple ${name}: interrupted\n`);
    process.exit(INTERRUPTED);
  };
  const onSigint = () => {
    if (interrupt?.signal.aborted) exitNow();
    interrupt?.abort();
    setTimeout(exitNow, 1000).unref();
  };
  if (interrupt) process.on('SIGINT', onSigint);
  try {
    const options = parseOptions(await withScenario(rest, command.options), command.options);
    if (options.has(HELP)) {
      context.stdout.write(helpText(name, command));
      return 0;
    }
    await command.run(options, context);
    return 0;
  } catch (error) {
    if (error instanceof AbortError && context.signal?.aborted) {
      clearProgress();
      context.stderr.write(`ripple ${name}: interrupted\n`);
      return INTERRUPTED;
    }
    if (error instanceof LoadError) {
      context.stderr.write(`ripple: ${printable(error.message)}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    context.stderr.write(`ripple ${name}: ${printable(message)}\n`);
    return error instanceof UsageError || error instanceof OptionError ? 2 : 1;
  } finally {
    if (interrupt) process.off('SIGINT', onSigint);
  }
}
