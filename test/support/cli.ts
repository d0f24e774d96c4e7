/**
 * Run the `ripple` command as users do: a real process (bin/ripple.mjs), stdout and stderr
 * captured. `json` also checks the --json contract: exit 0, nothing on stderr, exactly one JSON
 * object on stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function ripple(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/ripple.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON output, checked field by field in tests
export function json(...args: string[]): any {
  const r = ripple(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(r.stdout);
}

/** A scratch directory for test files; returns a function writing `name` with `text` in it. */
export function scratchFiles(prefix: string): (name: string, text: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
}
