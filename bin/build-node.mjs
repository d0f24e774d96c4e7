/**
 * Bundle the Node entry points (the CLI, the engine worker, the benchmark) with esbuild into
 * .cache/node/. Node 20 cannot start a TypeScript worker thread, so the CLI, tests and benchmark
 * all run these bundles, one file each. Outputs are written to a temporary name and renamed, so
 * concurrent callers never see half a file.
 *
 * Start-up is most of a small command's time, so:
 * - Checking for a rebuild is cheap: .cache/node/stamp.json lists the source files the bundles
 *   were built from (esbuild's metafile) and when the build started; the bundles are fresh when
 *   every listed file still exists and none, nor package-lock.json nor these scripts, changed since
 *   (one stat each, no directory walk). A file added later can only enter a bundle through an
 *   import in a listed file, whose change triggers the rebuild.
 * - Source maps go to .map files beside the bundles (node --enable-source-maps reads them), not
 *   inline: an inline map doubles what Node reads and scans on every start.
 * - The packages in LAZY (XML parser, graphology) are bundled but evaluated on first use: a few
 *   commands need them, and evaluating them costs every command tens of milliseconds.
 * - The `ripple` command runs a CommonJS copy of the CLI bundle (ripple.cjs) through loadCli()
 *   (bin/load-cli.cjs, with the freshness check), which hands V8 the code cache of the previous run: compiling the megabyte of the bundle is
 *   most of what is left of a small command's start-up, and Node 20 has no compile cache for ES
 *   modules. The cache file is named after the build it belongs to (V8 checks only the source's
 *   length), and a rebuild deletes the old ones.
 */
import { readdirSync, rmSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import startup from './load-cli.cjs';

const { root, outDir, stampFile, entries, freshStamp, CLI_URL } = startup;

export { outDir };
export const loadCli = startup.loadCli;

/**
 * Packages evaluated on first use, with the named exports the sources import from them (a new
 * named import fails the build until it is listed here). Every use must be at call time, not at
 * module top level, which holds for these (XML loading, Louvain, ForceAtlas2).
 */
const LAZY = {
  '@xmldom/xmldom': ['DOMParser'],
  graphology: [],
  'graphology-communities-louvain': [],
  'graphology-layout-forceatlas2': ['inferSettings'],
  // The cluster's client libraries (left external: loaded from node_modules, and only by
  // commands given --cluster).
  bullmq: ['Queue', 'QueueEvents', 'Worker', 'UnrecoverableError'],
  ioredis: ['Redis'],
};

/**
 * Node built-ins the CLI loads on first use (gzipped files, worker threads, snapshot hashes, the
 * cluster's connections): Node compiles them when first required, which costs a command that never
 * uses them 10-20 ms (crypto and net alone, 4 ms).
 */
const LAZY_BUILTINS = {
  'node:zlib': ['createGunzip'],
  'node:stream': ['Readable'],
  'node:stream/promises': ['pipeline'],
  'node:worker_threads': ['Worker'],
  'node:crypto': ['createHash', 'randomBytes'],
  'node:net': ['isIP'],
  'node:tls': [],
};

/**
 * An esbuild plugin: `import x, { y } from 'pkg'` of a package of `lazy` gets a stand-in module
 * whose exports are proxies (call, `new`, property access) that require() the real package on
 * first use; esbuild bundles that require() as a lazily run module wrapper (a built-in is left to
 * Node's require), so nothing is evaluated before.
 */
export const lazyPackages = (lazy = LAZY) => ({
  name: 'lazy-packages',
  setup(build) {
    const filter = new RegExp(
      `^(${Object.keys(lazy)
        .map((p) => p.replace(/[/.-]/g, '\\$&'))
        .join('|')})$`,
    );
    build.onResolve({ filter }, (args) =>
      args.kind === 'import-statement'
        ? { path: args.path, namespace: 'lazy-package', pluginData: { resolveDir: args.resolveDir } }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
      const named = lazy[args.path]
        .map((name) => `export const ${name} = lazy(() => load()[${JSON.stringify(name)}]);`)
        .join('\n');
      return {
        resolveDir: args.pluginData.resolveDir,
        loader: 'js',
        contents: `let real;
const load = () => (real ??= require(${JSON.stringify(args.path)}));
const lazy = (pick) =>
  new Proxy(function () {}, {
    construct: (_t, args) => Reflect.construct(pick(), args),
    apply: (_t, self, args) => Reflect.apply(pick(), self, args),
    get: (_t, key) => {
      const target = pick();
      const value = target[key];
      return typeof value === 'function' && key !== 'constructor' ? value.bind(target) : value;
    },
    has: (_t, key) => key in pick(),
  });
export default lazy(() => { const m = load(); return m && m.__esModule ? m.default : m; });
${named}
`,
      };
    });
  },
});

export async function buildNode({ force = false } = {}) {
  if (!force && freshStamp()) return outDir;
  // Sources changed after this instant are seen as changed by the next check. File times come
  // from a coarser clock than Date.now(): the margin keeps an edit made just as a build starts
  // from looking older than it (at worst, an edit just before a build rebuilds once more).
  const started = Date.now() - 100;
  const { build } = await import('esbuild');
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    // The cluster's client libraries load from node_modules, on first use (LAZY).
    external: ['bullmq', 'ioredis'],
    write: false,
    logLevel: 'error',
    plugins: [lazyPackages()],
  };
  const cliPlugins = [lazyPackages({ ...LAZY, ...LAZY_BUILTINS })];
  const [result, cliEsm, cli] = await Promise.all([
    build({
      ...common,
      entryPoints: Object.fromEntries(
        Object.entries(entries)
          .filter(([k]) => k !== 'ripple')
          .map(([k, v]) => [k, join(root, v)]),
      ),
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      // CommonJS dependencies bundled into ESM may call require() for Node built-ins.
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    }),
    build({
      ...common,
      plugins: cliPlugins,
      entryPoints: { ripple: join(root, entries.ripple) },
      outdir: outDir,
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    }),
    build({
      ...common,
      plugins: cliPlugins,
      entryPoints: [join(root, entries.ripple)],
      outfile: join(outDir, 'ripple.cjs'),
      format: 'cjs',
      define: { 'import.meta.url': CLI_URL },
    }),
  ]);
  await mkdir(outDir, { recursive: true });
  for (const old of readdirSync(outDir))
    if (old.endsWith('.cache')) rmSync(join(outDir, old), { force: true });
  for (const file of [...result.outputFiles, ...cliEsm.outputFiles, ...cli.outputFiles]) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(tmp, file.contents);
    await rename(tmp, file.path);
  }
  const inputs = [...new Set([...Object.keys(result.metafile.inputs), ...Object.keys(cli.metafile.inputs)])]
    .filter((f) => !f.includes('node_modules/') && !f.includes(':'))
    .map((f) => relative(root, join(root, f)))
    .sort();
  const tmp = `${stampFile}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ started, entries, inputs }));
  await rename(tmp, stampFile);
  return outDir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildNode({ force: process.argv.includes('--force') });
}
