/**
 * `npm run bench`: load time, peak memory, and cascade throughput (arcs examined per second) for
 * the bundled datasets and a generated 1M-node / 10M-arc power-law graph, on one worker and on
 * all workers, beside a tight C loop doing the same independent-cascade work.
 *
 * Options: --quick (datasets only, shorter timings), --large-only, and --plan, --crisis,
 * --calibrate, --ties, --cluster (those sections alone); `peers` (or `peers=imm,ic`) prints issue 14's
 * table of Ripple beside the tools users would pick instead (bench/peers/).
 * Figures are medians of repeated measurements within one run; the machine is shared and noisy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGraphFile } from '../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../src/diffusion/defaults.ts';
import type { ModelName } from '../src/diffusion/types.ts';
import { createNodePool } from '../src/engine/spawn-node.ts';
import type { Csr, Direction } from '../src/graph/types.ts';
import { benchCalibrate } from './calibrate.ts';
import { benchCentrality } from './centrality.ts';
import { benchCluster } from './cluster.ts';
import type { BenchContext } from './context.ts';
import { benchCrisis } from './crisis.ts';
import { benchDistance } from './distance.ts';
import { benchImm } from './imm.ts';
import { benchPeers } from './peers/index.ts';
import { benchPlan } from './plan.ts';
import { writePowerLawEdgeList } from './powerlaw.ts';
import { benchTies } from './ties.ts';
import { benchTipping } from './tipping.ts';

const here = dirname(fileURLToPath(import.meta.url)); // .cache/node
const root = resolve(here, '../..');
const workerFile = new URL('./engine.worker.mjs', import.meta.url);
const args = new Set(process.argv.slice(2));

/**
 * Peak resident memory of this process in MB. On Linux from VmHWM, which belongs to the address
 * space made at exec: getrusage's maxRSS survives exec, so a child spawned by a large benchmark
 * process would report the parent's size (NetHEPT showed 214 MB instead of 71 MB).
 */
function peakRssMB(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Child mode: load one file and report time and peak memory of this process only. */
async function loadChild(file: string, direction: Direction): Promise<void> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const g = await readGraphFile(file, { direction });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(
    JSON.stringify({
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      maxRssMB: peakRssMB(),
      nodes: g.csr.n,
      arcs: g.csr.arcs,
    }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function measureLoad(file: string, direction: Direction, repeats: number) {
  const results = [];
  for (let i = 0; i < repeats; i++) {
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=4096', fileURLToPath(import.meta.url), '--load-child', file, direction],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`load of ${file} failed: ${r.stderr}`);
    results.push(JSON.parse(r.stdout) as { seconds: number; maxRssMB: number; nodes: number; arcs: number });
  }
  return {
    seconds: median(results.map((r) => r.seconds)),
    maxRssMB: Math.max(...results.map((r) => r.maxRssMB)),
    nodes: results[0].nodes,
    arcs: results[0].arcs,
  };
}

function timeWc(file: string, repeats: number): number {
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    execFileSync('wc', ['-l', file]);
    times.push((performance.now() - t0) / 1000);
  }
  return median(times);
}

/** Arcs examined per wall second by a pool of `workers`, over about `seconds` of simulation. */
async function throughput(csr: Csr, model: ModelName, p: number, workers: number, seconds: number) {
  const pool = createNodePool(workerFile, workers);
  try {
    pool.setGraph(csr);
    const params = resolveParams({ model, ...(model === 'ic' ? { p } : {}) }, csr);
    const scenario = { params, seeds: { kind: 'random' as const, k: 1 }, rngSeed: 7, traceRun: null };
    // Warm up (JIT, graph transfer, per-arc tables), then calibrate the number of runs.
    await pool.simulate({ ...scenario, runs: 2 * workers });
    let runs = 2 * workers;
    let t0 = performance.now();
    await pool.simulate({ ...scenario, runs });
    let elapsed = (performance.now() - t0) / 1000;
    while (elapsed < 0.3) {
      runs *= 4;
      t0 = performance.now();
      await pool.simulate({ ...scenario, runs });
      elapsed = (performance.now() - t0) / 1000;
    }
    runs = Math.max(workers, Math.round((runs * seconds) / elapsed));
    const rates = [];
    let meanSize = 0;
    for (let i = 0; i < 3; i++) {
      t0 = performance.now();
      const r = await pool.simulate({ ...scenario, rngSeed: 100 + i, runs });
      const s = (performance.now() - t0) / 1000;
      rates.push(r.arcsExamined / s);
      meanSize = r.sizes.reduce((a, b) => a + b, 0) / r.runCount;
    }
    return { arcsPerSecond: median(rates), runs, meanSize };
  } finally {
    pool.terminate();
  }
}

/** Compile bench/NAME.c into .cache/bench/NAME; null (and a note) when there is no C compiler. */
function compileReference(name: string): string | null {
  const dir = join(root, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, name);
  const compile = spawnSync('cc', ['-O2', '-o', exe, join(root, 'bench', `${name}.c`)], {
    encoding: 'utf8',
  });
  if (compile.status !== 0) {
    console.log(`  (C reference skipped: cc failed: ${(compile.stderr || String(compile.error)).trim()})`);
    return null;
  }
  return exe;
}

/** The C loader (bench/load-reference.c) on the same file: seconds, median of `repeats`. */
function loadReferenceC(file: string, repeats: number): number | null {
  const exe = compileReference('load-reference');
  if (!exe) return null;
  const times = [];
  for (let i = 0; i < repeats; i++)
    times.push(Number(execFileSync(exe, [file], { encoding: 'utf8' }).split(' ')[0]));
  return median(times);
}

/** The C reference on the same CSR: arcs examined per second, median of three. */
function referenceC(csr: Csr, p: number, seconds: number): { arcsPerSecond: number } | null {
  const exe = compileReference('ic-reference');
  if (!exe) return null;
  const bin = join(root, '.cache', 'bench', 'csr.bin');
  const header = Uint32Array.from([csr.n, csr.arcs]);
  writeFileSync(
    bin,
    Buffer.concat([
      Buffer.from(header.buffer),
      Buffer.from(csr.outOffsets.buffer),
      Buffer.from(csr.outTargets.buffer),
    ]),
  );
  let runs = 4;
  for (;;) {
    const [examined, secs] = execFileSync(exe, [bin, String(p), String(runs), '7'], { encoding: 'utf8' })
      .trim()
      .split(' ')
      .map(Number);
    if (secs > 0.3) {
      runs = Math.max(1, Math.round((runs * seconds) / secs));
      void examined;
      break;
    }
    runs *= 4;
  }
  const rates = [];
  for (let i = 0; i < 3; i++) {
    const [examined, secs] = execFileSync(exe, [bin, String(p), String(runs), String(100 + i)], {
      encoding: 'utf8',
    })
      .trim()
      .split(' ')
      .map(Number);
    rates.push(examined / secs);
  }
  return { arcsPerSecond: median(rates) };
}

/** Pool responsiveness on a graph: progress gaps and the delay from abort() to rejection. */
async function poolResponsiveness(csr: Csr, p: number) {
  const pool = createNodePool(workerFile, availableParallelism());
  try {
    pool.setGraph(csr);
    const params = resolveParams({ model: 'ic', p }, csr);
    const scenario = { params, seeds: { kind: 'random' as const, k: 1 }, rngSeed: 7, traceRun: null };
    await pool.simulate({ ...scenario, runs: 200 });
    const cancelMs: number[] = [];
    let maxGapMs = 0;
    for (let i = 0; i < 5; i++) {
      const controller = new AbortController();
      let last = performance.now();
      const job = pool.simulate(
        { ...scenario, runs: 100_000_000 },
        {
          signal: controller.signal,
          onProgress: () => {
            const now = performance.now();
            maxGapMs = Math.max(maxGapMs, now - last);
            last = now;
          },
        },
      );
      await new Promise((r) => setTimeout(r, 700));
      const t0 = performance.now();
      controller.abort();
      await job.catch(() => {});
      cancelMs.push(performance.now() - t0);
    }
    return { cancelMs: median(cancelMs), maxCancelMs: Math.max(...cancelMs), maxProgressGapMs: maxGapMs };
  } finally {
    pool.terminate();
  }
}

const fmt = (x: number) =>
  x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(1);

async function benchGraph(
  name: string,
  file: string,
  direction: Direction,
  opts: { seconds: number; p: number; withC: boolean; wc: boolean },
) {
  const load = measureLoad(file, direction, opts.wc ? 3 : 1);
  const line: Record<string, unknown> = {
    graph: name,
    nodes: load.nodes,
    arcs: load.arcs,
    loadSeconds: load.seconds,
    peakRssMB: load.maxRssMB,
  };
  let versus = '';
  if (opts.wc) {
    const wc = timeWc(file, 3);
    line.wcSeconds = wc;
    line.loadOverWc = load.seconds / wc;
    versus = `, wc -l ${wc.toFixed(3)} s (load/wc = ${(load.seconds / wc).toFixed(1)})`;
    const c = loadReferenceC(file, 3);
    if (c !== null) {
      line.cLoadSeconds = c;
      line.loadOverC = load.seconds / c;
      versus += `, C loader ${c.toFixed(2)} s (load/C = ${(load.seconds / c).toFixed(2)}, C/wc = ${(c / wc).toFixed(1)})`;
    }
  }
  console.log(
    `\n${name}: ${load.nodes} nodes, ${load.arcs} arcs; load ${load.seconds.toFixed(2)} s, peak RSS ${load.maxRssMB.toFixed(0)} MB${versus}`,
  );
  const { csr } = await readGraphFile(file, { direction });
  const all = availableParallelism();
  const models: ModelName[] = ['ic', 'wc', 'lt'];
  for (const model of models) {
    const one = await throughput(csr, model, opts.p, 1, opts.seconds);
    const many = await throughput(csr, model, opts.p, all, opts.seconds);
    line[`${model}1`] = one.arcsPerSecond;
    line[`${model}${all}`] = many.arcsPerSecond;
    console.log(
      `  ${model.padEnd(3)} 1 worker ${fmt(one.arcsPerSecond)} arcs/s (mean cascade ${one.meanSize.toFixed(0)}); ${all} workers ${fmt(many.arcsPerSecond)} arcs/s; speedup ${(many.arcsPerSecond / one.arcsPerSecond).toFixed(2)}`,
    );
  }
  if (opts.withC) {
    const r = await poolResponsiveness(csr, opts.p);
    Object.assign(line, r);
    console.log(
      `  pool: cancel ${r.cancelMs.toFixed(1)} ms median (max ${r.maxCancelMs.toFixed(1)} ms) from abort() to rejection; longest gap between progress reports ${r.maxProgressGapMs.toFixed(0)} ms`,
    );
    const c = referenceC(csr, opts.p, opts.seconds);
    if (c) {
      line.icC = c.arcsPerSecond;
      line.icOverC = (line.ic1 as number) / c.arcsPerSecond;
      console.log(
        `  ic  C reference ${fmt(c.arcsPerSecond)} arcs/s; TypeScript 1 worker / C = ${(line.icOverC as number).toFixed(2)}`,
      );
    }
  }
  return line;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--load-child') return loadChild(process.argv[3], process.argv[4] as Direction);
  const quick = args.has('--quick');
  const seconds = quick ? 0.5 : 1.5;
  console.log(
    `Ripple benchmark: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  const results: Record<string, unknown>[] = [];
  const peersArg = process.argv.slice(2).find((a) => a === 'peers' || a.startsWith('peers='));
  if (peersArg) {
    const only = peersArg.includes('=') ? peersArg.slice(6).split(',') : null;
    await benchPeers({ quick, root, workerFile, largeGraph: null }, only);
    return;
  }
  if (
    args.has('--plan') ||
    args.has('--crisis') ||
    args.has('--calibrate') ||
    args.has('--ties') ||
    args.has('--cluster')
  ) {
    const only: BenchContext = { quick, root, workerFile, largeGraph: null };
    if (args.has('--plan')) results.push(await benchPlan(only));
    if (args.has('--crisis')) results.push(await benchCrisis(only));
    if (args.has('--calibrate')) results.push(await benchCalibrate(only));
    if (args.has('--ties')) results.push(await benchTies(only));
    // The snapshot timing also uses the 10M-arc file when an earlier full run has cached it.
    const large = join(root, '.cache', 'bench', 'powerlaw-1M-10M.txt');
    if (args.has('--cluster'))
      results.push(await benchCluster({ ...only, largeGraph: !quick && existsSync(large) ? large : null }));
    return;
  }
  if (!args.has('--large-only')) {
    const ds = (f: string) => join(root, 'datasets', f);
    results.push(
      await benchGraph('ego-Facebook', ds('facebook_combined.txt'), 'undirected', {
        seconds,
        p: 0.01,
        withC: true,
        wc: false,
      }),
    );
    results.push(
      await benchGraph('wiki-Vote', ds('Wiki-Vote.txt'), 'follows', {
        seconds,
        p: 0.05,
        withC: false,
        wc: false,
      }),
    );
    results.push(
      await benchGraph('NetHEPT', ds('NetHEPT.txt'), 'influences', {
        seconds,
        p: 0.1,
        withC: false,
        wc: false,
      }),
    );
    results.push(
      await benchGraph('soc-Slashdot0902', ds('soc-Slashdot0902.txt.gz'), 'follows', {
        seconds,
        p: 0.05,
        withC: false,
        wc: false,
      }),
    );
  }
  let largeGraph: string | null = null;
  if (!quick) {
    const dir = join(root, '.cache', 'bench');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'powerlaw-1M-10M.txt');
    largeGraph = file;
    if (!existsSync(file)) {
      console.log('\ngenerating the 1M-node / 10M-arc power-law edge list (once, cached in .cache/bench)...');
      await writePowerLawEdgeList(file, 1_000_000, 10_000_000);
    }
    results.push(
      await benchGraph('power-law 1M/10M', file, 'influences', {
        seconds: 3,
        p: 0.05,
        withC: true,
        wc: true,
      }),
    );
  }
  const ctx: BenchContext = { quick, root, workerFile, largeGraph };
  // Analysis sections, one module per capability: results.push(await benchX(ctx));
  results.push(await benchCentrality(ctx));
  results.push(await benchTipping(ctx));
  results.push(await benchDistance(ctx));
  results.push(await benchImm(ctx));
  results.push(await benchPlan(ctx));
  results.push(await benchCrisis(ctx));
  results.push(await benchCalibrate(ctx));
  results.push(await benchTies(ctx));
  results.push(await benchCluster(ctx));
  void ctx;
  const out = join(root, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'latest.json'),
    `${JSON.stringify({ date: new Date().toISOString(), cpu: cpus()[0]?.model, cores: availableParallelism(), node: process.version, results }, null, 2)}\n`,
  );
  console.log(`\nwritten to bench/results/latest.json`);
}

await main();
