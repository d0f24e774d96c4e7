/**
 * The start-up half of bin/build-node.mjs: whether the bundles in .cache/node/ are fresh, and
 * running the CLI's bundle with V8's code cache. CommonJS, as is bin/ripple.cjs, the executable
 * that requires it: an ES module entry costs Node its ESM loader (about 5 ms of a 40 ms
 * `ripple --help` here), and this is all a command runs before its own code when nothing changed.
 * bin/build-node.mjs does the rest (the build, when a source changed) and shares these lists.
 */
'use strict';
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join, sep } = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

/** The repository's root, ending with a separator. */
const root = join(__dirname, '..', sep);
const outDir = join(root, '.cache', 'node');
const stampFile = join(outDir, 'stamp.json');

/** The bundles: output name → entry source. */
const entries = {
  ripple: 'src/cli/main.ts',
  'engine.worker': 'workers/engine.node.ts',
  'load-tail.worker': 'workers/load-tail.node.ts',
  'snapshot-arcs.worker': 'workers/snapshot-arcs.node.ts',
  bench: 'bench/bench.ts',
};
/** Files outside the bundles' inputs whose change means a rebuild. */
const alsoWatched = ['package-lock.json', 'bin/build-node.mjs', 'bin/load-cli.cjs'];

/** The bundles' files (the CommonJS CLI beside the ES modules). */
const outputs = () => [...Object.keys(entries).map((name) => `${name}.mjs`), 'ripple.cjs'];

/** The name import.meta.url becomes in the CommonJS bundle (loadCli passes the bundle's URL). */
const CLI_URL = '__rippleBundleUrl';

/** The stamp when every bundle and every file they were built from is unchanged, else null. */
function freshStamp() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return null;
  }
  if (!Object.keys(entries).every((name) => stamp.entries?.[name] === entries[name])) return null;
  // Paths by concatenation: path.join, cold, costs about what the 190 stats cost.
  for (const file of outputs())
    if (!statSync(`${outDir}${sep}${file}`, { throwIfNoEntry: false })) return null;
  for (const file of [...stamp.inputs, ...alsoWatched]) {
    const s = statSync(root + file, { throwIfNoEntry: false });
    if (!s || s.mtimeMs >= stamp.started) return null;
  }
  return stamp;
}

/**
 * The CLI's exports (main, writeDocs), rebuilding first if its sources changed: ripple.cjs run
 * with the V8 code cache of an earlier run, which is written (or replaced, if V8 rejected it)
 * once `done`, the promise returned with the exports, is called after the command ran.
 */
async function loadCli() {
  let stamp = freshStamp();
  if (!stamp) {
    const { buildNode } = await import('./build-node.mjs');
    await buildNode({ force: true });
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  }
  const file = join(outDir, 'ripple.cjs');
  const cacheFile = join(outDir, `ripple.${stamp.started}.cache`);
  const source = readFileSync(file, 'latin1'); // esbuild writes ASCII
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname, ${CLI_URL}) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext()(
    bundle.exports,
    createRequire(file),
    bundle,
    file,
    outDir,
    pathToFileURL(file).href,
  );
  const done = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // No cache this time (read-only checkout): the next start compiles again.
    }
  };
  return { ...bundle.exports, done };
}

exports.root = root;
exports.outDir = outDir;
exports.stampFile = stampFile;
exports.entries = entries;
exports.alsoWatched = alsoWatched;
exports.outputs = outputs;
exports.CLI_URL = CLI_URL;
exports.freshStamp = freshStamp;
exports.loadCli = loadCli;
