/**
 * Run the `ripple` command's main() in this test process, streams captured, worker threads
 * running the bundled engine: cheaper than a process (test/support/cli.ts) when a test compares
 * many CLI answers with the app's or across worker counts.
 */
import { expect } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliResult } from './cli.ts';
import { ENGINE_WORKER } from './workers.ts';

export async function rippleInProcess(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    ({
      isTTY: false,
      write(chunk: string) {
        append(chunk);
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  const code = await main(args, {
    stdout: sink((s) => {
      stdout += s;
    }),
    stderr: sink((s) => {
      stderr += s;
    }),
    workerFile: ENGINE_WORKER,
  });
  return { code, stdout, stderr };
}

/** `ripple <args> --json` in this process; checks exit 0 and a quiet stderr. */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON output, checked field by field in tests
export async function jsonInProcess(...args: string[]): Promise<any> {
  const r = await rippleInProcess(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}
