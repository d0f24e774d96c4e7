/**
 * Cluster test helpers: `ripple worker` and coordinator commands as child processes (the bundled
 * CLI, as users run it), with their output collected line by line and waited on by pattern.
 * Workers get short BullMQ locks, so a killed worker's shard is taken over within a second or two.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cli.ts';

/** Short lock and stalled-check intervals for tests (production: 30 s and 15 s). */
export const FAST_LOCKS = { RIPPLE_CLUSTER_LOCK_MS: '1000', RIPPLE_CLUSTER_STALLED_MS: '500' };

export interface Child {
  readonly process: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves with the first line (stdout or stderr) matching, waiting up to `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  readonly exited: Promise<number | string>;
  signal(name: NodeJS.Signals): void;
}

/**
 * How a child runs the CLI: `node bin/ripple.mjs`, or the executable itself as `ripple` runs
 * (bin/ripple.cjs through its shebang, which moves NODE_EXTRA_CA_CERTS to RIPPLE_EXTRA_CA_CERTS
 * before Node starts).
 */
export type RunAs = 'node' | 'executable';

export function rippleChild(args: string[], env: Record<string, string> = {}, runAs: RunAs = 'node'): Child {
  const cli = join(ROOT, runAs === 'node' ? 'bin/ripple.mjs' : 'bin/ripple.cjs');
  const child = spawn(runAs === 'node' ? process.execPath : cli, runAs === 'node' ? [cli, ...args] : args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const take = (into: string[], line: string) => {
    into.push(line);
    for (const w of [...waiters])
      if (w.pattern.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
  };
  /** Complete lines as they come; the unterminated rest when the stream ends. */
  const collect = (stream: NodeJS.ReadableStream | null, into: string[]) => {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) take(into, line);
    });
    return new Promise<void>((resolve) =>
      stream?.on('close', () => {
        if (rest !== '') take(into, rest);
        resolve();
      }),
    );
  };
  const closed = Promise.all([collect(child.stdout, stdout), collect(child.stderr, stderr)]);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => closed.then(() => resolve(signal ?? code ?? -1))),
  );
  return {
    process: child,
    stdout,
    stderr,
    exited,
    waitFor(pattern, ms = 60_000) {
      const seen = [...stdout, ...stderr].find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `no line matching ${pattern} within ${ms} ms; got:\n${[...stdout, ...stderr].join('\n')}`,
              ),
            ),
          ms,
        );
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exited.then(() => {
          clearTimeout(timer);
          reject(
            new Error(`exited before a line matching ${pattern}; got:\n${[...stdout, ...stderr].join('\n')}`),
          );
        });
      });
    },
    signal(name) {
      if (child.exitCode === null && child.signalCode === null) child.kill(name);
    },
  };
}

/** A `ripple worker` with JSON logs and short locks; resolves once it is connected. */
export async function startWorker(
  url: string,
  args: string[] = [],
  env: Record<string, string> = {},
  runAs: RunAs = 'node',
): Promise<Child> {
  const worker = rippleChild(
    ['worker', '--cluster', url, '--workers', '1', '--json', ...args],
    { ...FAST_LOCKS, ...env },
    runAs,
  );
  try {
    await worker.waitFor(/"event":"ready"/, 90_000);
  } catch (e) {
    worker.signal('SIGKILL'); // no orphan left retrying a Redis that is gone
    throw e;
  }
  return worker;
}

/** Stop a worker the way an operator does (SIGTERM), or at once if it does not stop in `ms`. */
export async function stopWorker(worker: Child, ms = 5000): Promise<number | string> {
  worker.signal('SIGTERM');
  const timer = setTimeout(() => worker.signal('SIGKILL'), ms);
  const code = await worker.exited;
  clearTimeout(timer);
  return code;
}

/** The shard lines a worker logged (JSON mode). */
export function shardLines(worker: Child): { run: string; shard: number; kind: string }[] {
  return worker.stdout.filter((l) => l.includes('"event":"shard"')).map((l) => JSON.parse(l));
}

/** A parsed --json output with the fields that differ between any two runs removed (timings, thread count). */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON output
export function comparable(output: any): any {
  const { seconds: _s, evaluationSeconds: _e, workers: _w, ...rest } = output;
  return rest;
}
