/**
 * bin/build-node.mjs never runs a stale bundle: in a scratch copy of the layout it bundles (a CLI
 * whose main returns a number), a source edit that keeps the bundle's length (V8 checks only the
 * length of a code cache's source) must still give the new code, and the old code cache must go.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'ripple-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Write a file of the scratch layout; `old`: dated a minute ago (written before any build). */
function write(path: string, text: string, old = false): void {
  const file = join(scratch, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  if (old) {
    const before = new Date(Date.now() - 60_000);
    utimesSync(file, before, before);
  }
}

describe('bin/build-node.mjs', () => {
  it('rebuilds after a source change, and the code cache never outlives its bundle', async () => {
    write('bin/build-node.mjs', readFileSync(join(ROOT, 'bin', 'build-node.mjs'), 'utf8'), true);
    write('bin/load-cli.cjs', readFileSync(join(ROOT, 'bin', 'load-cli.cjs'), 'utf8'), true);
    symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
    write('package-lock.json', '{}', true);
    // Every worker entry the bundler is told about (bin/load-cli.cjs), as an empty module.
    const { entries } = createRequire(import.meta.url)('../../bin/load-cli.cjs') as {
      entries: Record<string, string>;
    };
    const workers = Object.values(entries).filter((source) => source.startsWith('workers/'));
    expect(workers).toContain('workers/engine.node.ts');
    for (const entry of workers) write(entry, 'export {};\n', true);
    write('bench/bench.ts', 'export {};\n', true);
    write('src/cli/answer.ts', 'export const answer = (): number => 1;\n', true);
    const main = "import { answer } from './answer.ts';\nexport async function main() { return answer(); }\n";
    write('src/cli/main.ts', main, true);
    const { loadCli } = await import(pathToFileURL(join(scratch, 'bin', 'build-node.mjs')).href);
    const caches = () => readdirSync(join(scratch, '.cache', 'node')).filter((f) => f.endsWith('.cache'));

    const first = await loadCli();
    expect(await first.main()).toBe(1);
    first.done();
    expect(caches()).toHaveLength(1);
    const cache = caches()[0];
    const second = await loadCli(); // no rebuild: the same bundle and its code cache
    expect(await second.main()).toBe(1);
    second.done();
    expect(caches()).toEqual([cache]);

    write('src/cli/answer.ts', 'export const answer = (): number => 2;\n');
    const third = await loadCli();
    expect(await third.main()).toBe(2);
    expect(caches()).toHaveLength(0);
    third.done();
    expect(caches()).toHaveLength(1);
  });
});
