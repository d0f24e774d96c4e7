/**
 * The cluster (issue 13) on this machine: Monte Carlo throughput (arcs examined per second, IC on
 * soc-Slashdot0902, one random seed per run) of the local pool beside `ripple worker` processes
 * behind a redis-server on a loopback port, with 1 and with 2 worker processes and the same
 * number of engine threads in all; the first call of a cluster (the graph's snapshot stored in
 * Redis and fetched by every worker) apart from the steady state. Then graph loading: a snapshot
 * (--graph G.rsnap) beside parsing the text file, in a fresh process each (median of three).
 * `npm run bench -- --cluster` runs this alone.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGraphFile } from '../src/cli/common/read-graph-file.ts';
import { ClusterRunner } from '../src/cluster/runner.ts';
import { resolveParams } from '../src/diffusion/defaults.ts';
import type { EngineRunner } from '../src/engine/runner.ts';
import { createNodePool } from '../src/engine/spawn-node.ts';
import { encodeSnapshot } from '../src/graph/snapshot.ts';
import type { Csr, Direction } from '../src/graph/types.ts';
import type { BenchContext } from './context.ts';

const REDIS = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : `${(x / 1e3).toFixed(0)} k`);

/** A free loopback port: a redis-server that fails to bind simply exits, and we try the next. */
async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(
      REDIS,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const ok = await new Promise<boolean>((resolve) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ready to accept connections')) resolve(true);
      });
      child.once('exit', () => resolve(false));
    });
    if (ok)
      return {
        url: `redis://127.0.0.1:${port}`,
        stop: () =>
          new Promise((resolve) => {
            child.once('exit', () => resolve());
            if (child.pid) process.kill(child.pid, 'SIGTERM');
          }),
      };
  }
  throw new Error('could not start redis-server on a free port');
}

/** `ripple worker` processes; resolves once each is connected. */
async function startWorkers(
  root: string,
  url: string,
  count: number,
  threads: number,
): Promise<ChildProcess[]> {
  const workers = Array.from({ length: count }, () =>
    spawn(
      process.execPath,
      [join(root, 'bin/ripple.mjs'), 'worker', '--cluster', url, '--workers', String(threads), '--json'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    ),
  );
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.stdout?.on('data', (d: Buffer) => {
            if (d.toString().includes('"event":"ready"')) resolve();
          });
          w.once('exit', (code) => reject(new Error(`ripple worker exited with code ${code}`)));
        }),
    ),
  );
  return workers;
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.exitCode !== null) return resolve();
          w.once('exit', () => resolve());
          w.kill('SIGTERM');
        }),
    ),
  );
}

/** Arcs examined per second over `runs` runs (after one warm-up call), and the first call's seconds. */
async function throughput(runner: EngineRunner, csr: Csr, runs: number, repeats: number) {
  const request = {
    params: resolveParams({ model: 'ic', p: 0.05 }, csr),
    seeds: { kind: 'random' as const, k: 1 },
    rngSeed: 7,
    traceRun: null,
  };
  runner.setGraph(csr);
  const t0 = performance.now();
  await runner.simulate({ ...request, runs: 64 });
  const firstCall = (performance.now() - t0) / 1000;
  const rates: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    const result = await runner.simulate({ ...request, rngSeed: 100 + i, runs });
    rates.push(result.arcsExamined / ((performance.now() - t) / 1000));
  }
  return { arcsPerSecond: median(rates), firstCall };
}

/** Load a graph file in a fresh process (the benchmark's --load-child mode): seconds and peak RSS. */
function loadInChild(file: string, direction: Direction): { seconds: number; maxRssMB: number } {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', self, '--load-child', file, direction],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`load of ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

export async function benchCluster(ctx: BenchContext): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { section: 'cluster' };
  console.log(
    '\nCluster (issue 13): throughput on redis-server and ripple worker processes, snapshot loading',
  );
  const slashdot = join(ctx.root, 'datasets', 'soc-Slashdot0902.txt.gz');

  // Loading: snapshot beside the text file.
  const dir = join(ctx.root, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const graphs: [string, string, Direction][] = [['soc-Slashdot0902 (.gz)', slashdot, 'follows']];
  if (ctx.largeGraph && existsSync(ctx.largeGraph))
    graphs.push(['power-law 1M/10M', ctx.largeGraph, 'influences']);
  const loads: Record<string, unknown>[] = [];
  for (const [name, file, direction] of graphs) {
    const loaded = await readGraphFile(file, { direction });
    const { file: _f, ...report } = loaded.report;
    const snap = join(dir, `${name.replace(/[^a-zA-Z0-9]+/g, '-')}.rsnap`);
    writeFileSync(
      snap,
      encodeSnapshot({
        csr: loaded.csr,
        ids: loaded.ids,
        labels: loaded.labels,
        positions: loaded.positions,
        report,
      }),
    );
    const repeats = 3;
    const text: number[] = [];
    const binary: number[] = [];
    let textRss = 0;
    let snapRss = 0;
    for (let i = 0; i < repeats; i++) {
      // Alternate, so a burst of load on the shared machine hits both alike.
      const a = loadInChild(file, direction);
      const b = loadInChild(snap, direction);
      text.push(a.seconds);
      binary.push(b.seconds);
      textRss = Math.max(textRss, a.maxRssMB);
      snapRss = Math.max(snapRss, b.maxRssMB);
    }
    const line = {
      graph: name,
      arcs: loaded.csr.arcs,
      textBytes: statSync(file).size,
      snapshotBytes: statSync(snap).size,
      textSeconds: median(text),
      snapshotSeconds: median(binary),
      speedup: median(text) / median(binary),
      textRssMB: Math.round(textRss),
      snapshotRssMB: Math.round(snapRss),
    };
    loads.push(line);
    console.log(
      `  load ${name}: text ${line.textSeconds.toFixed(3)} s (${line.textRssMB} MB), snapshot ${line.snapshotSeconds.toFixed(3)} s (${line.snapshotRssMB} MB, ${(line.snapshotBytes / 2 ** 20).toFixed(1)} MiB) = ${line.speedup.toFixed(1)}x faster`,
    );
  }
  out.loads = loads;

  if (!existsSync(REDIS)) {
    console.log(`  throughput: skipped (no redis-server at ${REDIS}; apt-get install redis-server)`);
    return out;
  }
  const { csr } = await readGraphFile(slashdot, { direction: 'follows' });
  const threads = availableParallelism();
  const runs = ctx.quick ? 4000 : 20000;
  const repeats = ctx.quick ? 1 : 3;
  const rows: Record<string, unknown>[] = [];
  const local = createNodePool(ctx.workerFile, threads);
  try {
    const r = await throughput(local, csr, runs, repeats);
    rows.push({ setup: `local pool, ${threads} threads`, ...r });
  } finally {
    local.terminate();
  }
  const redis = await startRedis();
  try {
    for (const [processes, each] of [
      [1, threads],
      [2, Math.max(1, threads / 2)],
    ] as const) {
      const workers = await startWorkers(ctx.root, redis.url, processes, each);
      const runner = new ClusterRunner({ url: redis.url, local: () => createNodePool(ctx.workerFile, 1) });
      try {
        const r = await throughput(runner, csr, runs, repeats);
        rows.push({
          setup: `cluster, ${processes} worker process${processes > 1 ? 'es' : ''} x ${each} threads`,
          ...r,
        });
      } finally {
        await runner.terminate();
        await stopWorkers(workers);
      }
    }
  } finally {
    await redis.stop();
  }
  const base = rows[0].arcsPerSecond as number;
  for (const row of rows)
    console.log(
      `  ${String(row.setup).padEnd(42)} ${fmt(row.arcsPerSecond as number)} arcs/s (${((100 * (row.arcsPerSecond as number)) / base).toFixed(0)}% of local); first call ${(row.firstCall as number).toFixed(2)} s`,
    );
  out.throughput = { graph: 'soc-Slashdot0902', model: 'ic', p: 0.05, runs, rows };
  return out;
}
