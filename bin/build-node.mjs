/**
 * Bundle the Node entry points (the CLI, the engine worker, the benchmark) with esbuild into
 * .cache/node/. Node 20 cannot start a TypeScript worker thread, so the CLI, tests and benchmark
 * all run these bundles. Rebuilds only when a source file is newer than the bundles; outputs are
 * written to a temporary name and renamed, so concurrent callers never see half a file.
 */
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const outDir = join(root, '.cache', 'node');
const entries = {
  ripple: 'src/cli/main.ts',
  'engine.worker': 'workers/engine.node.ts',
  bench: 'bench/bench.ts',
};
const sourceDirs = ['src', 'workers', 'bench'];

async function newestSource() {
  let newest = 0;
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else newest = Math.max(newest, (await stat(path)).mtimeMs);
    }
  };
  for (const d of sourceDirs) await walk(join(root, d)).catch(() => {});
  newest = Math.max(
    newest,
    (await stat(join(root, 'package-lock.json')).catch(() => ({ mtimeMs: 0 }))).mtimeMs,
  );
  return newest;
}

async function oldestOutput() {
  let oldest = Number.POSITIVE_INFINITY;
  for (const name of Object.keys(entries)) {
    const s = await stat(join(outDir, `${name}.mjs`)).catch(() => null);
    if (!s) return 0;
    oldest = Math.min(oldest, s.mtimeMs);
  }
  return oldest;
}

export async function buildNode({ force = false } = {}) {
  if (!force && (await oldestOutput()) > (await newestSource())) return outDir;
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(root, v)])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    // The cluster's client libraries load from node_modules only when a command uses --cluster.
    external: ['bullmq', 'ioredis'],
    write: false,
    logLevel: 'error',
    // CommonJS dependencies bundled into ESM may call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  await mkdir(outDir, { recursive: true });
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(tmp, file.contents);
    await rename(tmp, file.path);
  }
  return outDir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildNode({ force: process.argv.includes('--force') });
}
