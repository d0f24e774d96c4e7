/**
 * Issue 14's cascade rows: Ripple's independent cascade beside a plain C loop and the same loop
 * with software prefetching (bench/ic-peer.c), CPU time per run on one core.
 *
 * Same work on both sides: the C program draws Ripple's random numbers (Rng(seed, run)), so every
 * run examines the same arcs and ends with the same cascade; the totals of arcs examined, sizes
 * and exposures are compared and a mismatch fails the row. Ripple runs in this process through
 * createSimulator (the simulator a worker runs, without the pool), C as a child process timing its
 * runs alone (the graph is read before the clock starts). Repeats alternate between the sides and
 * the figures are medians. The JS kernels and the relabelled graphs (src/graph/relabel.ts) are
 * measured in the same rounds and reported in the notes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/diffusion/simulator.ts';
import type { SeedPlan } from '../../src/diffusion/types.ts';
import type { Csr, Direction } from '../../src/graph/types.ts';
import type { BenchContext } from '../context.ts';
import { writePowerLawEdgeList } from '../powerlaw.ts';
import type { PeerRow } from './table.ts';

/** CyNetDiff (Cython) on ego-Facebook, IC p = 0.01, one seed: issue 14's figure. */
const CYNETDIFF_US = 2.0;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

interface Totals {
  examined: number;
  sizes: number;
  exposed: number;
}

function compile(root: string): string {
  const dir = join(root, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, 'ic-peer');
  const r = spawnSync('cc', ['-O2', '-o', exe, join(root, 'bench', 'ic-peer.c')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cc failed: ${(r.stderr || String(r.error)).trim()}`);
  return exe;
}

function writeCsr(csr: Csr, file: string): void {
  const bytes = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  writeFileSync(
    file,
    Buffer.concat([bytes(Uint32Array.from([csr.n, csr.arcs])), bytes(csr.outOffsets), bytes(csr.outTargets)]),
  );
}

/** One timed C run: CPU µs per run and its totals. */
function runC(exe: string, bin: string, p: number, runs: number, seed: number, source: number, mode: string) {
  const [examined, seconds, sizes, exposed] = execFileSync(
    exe,
    [bin, String(p), String(runs), String(seed), String(source), mode],
    { encoding: 'utf8' },
  )
    .trim()
    .split(' ')
    .map(Number);
  return { us: (seconds * 1e6) / runs, totals: { examined, sizes, exposed } };
}

/** One timed Ripple shard: CPU µs per run (this process, one thread) and its totals. */
function runRipple(sim: Simulator, seeds: SeedPlan, runs: number, seed: number) {
  const c0 = process.cpuUsage();
  const shard = sim.runShard({ seeds, rngSeed: seed, firstRun: 0, runCount: runs, traceRun: null });
  const cpu = process.cpuUsage(c0);
  let sizes = 0;
  let exposed = 0;
  for (let i = 0; i < runs; i++) {
    sizes += shard.sizes[i];
    exposed += shard.exposed[i];
  }
  return { us: (cpu.user + cpu.system) / runs, totals: { examined: shard.arcsExamined, sizes, exposed } };
}

const same = (a: Totals, b: Totals) =>
  a.examined === b.examined && a.sizes === b.sizes && a.exposed === b.exposed;

interface Measured {
  /** Medians in µs per run, by side. */
  us: Record<string, number>;
  /** createSimulator's wall time by variant (compiling, copying and relabelling the graph). */
  setupMs: Record<string, number>;
  arcsPerRun: number;
  sizePerRun: number;
}

/**
 * Alternating rounds: every Ripple variant, then each C mode, `rounds` times; each side's median.
 * Throws if any side did different work.
 */
function measure(
  csr: Csr,
  p: number,
  source: number,
  runs: number,
  rounds: number,
  variants: Record<string, SimulatorOptions>,
  modes: string[],
  exe: string,
  bin: string,
): Measured {
  const params = resolveParams({ model: 'ic', p }, csr);
  const seeds: SeedPlan = { kind: 'groups', groups: [{ nodes: [source], start: 0 }] };
  const setupMs: Record<string, number> = {};
  const sims: Record<string, Simulator> = {};
  for (const [k, o] of Object.entries(variants)) {
    const t0 = performance.now();
    sims[k] = createSimulator(csr, params, o);
    setupMs[k] = performance.now() - t0;
  }
  for (const [name, sim] of Object.entries(sims)) {
    const want = variants[name].engine ?? 'auto';
    if (want !== 'auto' && sim.engine !== want)
      throw new Error(`${name}: asked for ${want}, runs ${sim.engine}`);
    runRipple(sim, seeds, Math.max(2, runs >> 2), 1); // warm-up: JIT and wasm tier-up
  }
  const times: Record<string, number[]> = {};
  const push = (side: string, us: number) => {
    times[side] ??= [];
    times[side].push(us);
  };
  let reference: Totals | null = null;
  const check = (side: string, t: Totals) => {
    reference ??= t;
    if (!same(reference, t))
      throw new Error(`${side} did different work: ${JSON.stringify(t)} vs ${JSON.stringify(reference)}`);
  };
  const seed = 7;
  for (let r = 0; r < rounds; r++) {
    for (const [name, sim] of Object.entries(sims)) {
      const m = runRipple(sim, seeds, runs, seed);
      check(name, m.totals);
      push(name, m.us);
    }
    for (const mode of modes) {
      const m = runC(exe, bin, p, runs, seed, source, mode);
      check(`C ${mode}`, m.totals);
      push(`C ${mode}`, m.us);
    }
  }
  const t = reference as unknown as Totals;
  return {
    us: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])),
    setupMs,
    arcsPerRun: t.examined / runs,
    sizePerRun: t.sizes / runs,
  };
}

async function load(file: string, direction: Direction) {
  const g = await readGraphFile(file, { direction });
  return { csr: g.csr, ids: g.ids };
}

const fmt = (x: number) => x.toFixed(2);

export async function benchIc(ctx: BenchContext): Promise<PeerRow[]> {
  const exe = compile(ctx.root);
  const dir = join(ctx.root, '.cache', 'bench');
  const rounds = ctx.quick ? 3 : 7;
  const rows: PeerRow[] = [];

  // Small cascades: ego-Facebook from account "0" (about 580 arcs examined, 6.4 accounts reached).
  const fb = await load(join(ctx.root, 'datasets', 'facebook_combined.txt'), 'undirected');
  const source = fb.ids.indexOf('0');
  const fbBin = join(dir, 'ic-peer-facebook.bin');
  writeCsr(fb.csr, fbBin);
  const small = measure(
    fb.csr,
    0.01,
    source,
    ctx.quick ? 50_000 : 200_000,
    rounds,
    { wasm: { engine: 'wasm' }, js: { engine: 'js' } },
    ['plain'],
    exe,
    fbBin,
  );
  const task = 'IC p=0.01, one seed, ego-Facebook, CPU per run, one core';
  const shared = `same work checked: ${small.arcsPerRun.toFixed(0)} arcs examined and ${small.sizePerRun.toFixed(2)} accounts reached per run on both sides; medians of ${rounds} alternating rounds`;
  console.log(
    `  ego-Facebook: Ripple ${fmt(small.us.wasm)} µs/run (JS kernels ${fmt(small.us.js)}), C ${fmt(small.us['C plain'])}`,
  );
  rows.push({
    task,
    peer: 'plain C loop (bench/ic-peer.c)',
    scope: 'compute',
    ripple: small.us.wasm,
    other: small.us['C plain'],
    unit: 'µs',
    goal: 1.25,
    note: `${shared}; JS kernels ${fmt(small.us.js)} µs (${fmt(small.us.js / small.us['C plain'])} × C)`,
  });
  rows.push({
    task,
    peer: 'CyNetDiff (Cython)',
    scope: 'compute',
    ripple: small.us.wasm,
    other: CYNETDIFF_US,
    unit: 'µs',
    skipped: 'CyNetDiff is on PyPI, which this machine cannot reach; ratio against the issue’s 2.0 µs',
  });

  // Large cascades: a 300k-node / 3M-arc power-law graph from its top hub, p = 0.05.
  const file = join(dir, 'powerlaw-300k-3M.txt');
  if (!existsSync(file)) {
    console.log('  generating the 300k-node / 3M-arc power-law edge list (once, cached in .cache/bench)...');
    await writePowerLawEdgeList(file, 300_000, 3_000_000);
  }
  const pl = await load(file, 'influences');
  let hub = 0;
  const degree = (v: number) => pl.csr.outOffsets[v + 1] - pl.csr.outOffsets[v];
  for (let v = 1; v < pl.csr.n; v++) if (degree(v) > degree(hub)) hub = v;
  const plBin = join(dir, 'ic-peer-powerlaw.bin');
  writeCsr(pl.csr, plBin);
  const large = measure(
    pl.csr,
    0.05,
    hub,
    ctx.quick ? 8 : 20,
    rounds,
    {
      wasm: { engine: 'wasm' },
      bfs: { engine: 'wasm', relabel: 'bfs' },
      degree: { engine: 'wasm', relabel: 'degree' },
      js: { engine: 'js' },
    },
    ['plain', 'prefetch'],
    exe,
    plBin,
  );
  const ms = (x: number) => x / 1000;
  const c = large.us['C plain'];
  const pf = large.us['C prefetch'];
  const largeTask = `IC p=0.05 from the top hub (id ${pl.ids[hub]}), power-law ${pl.csr.n} nodes / ${pl.csr.arcs} arcs, CPU per run, one core`;
  const largeShared = `same work checked: ${large.arcsPerRun.toFixed(0)} arcs, ${large.sizePerRun.toFixed(0)} reached per run; medians of ${rounds} alternating rounds`;
  const setup = large.setupMs;
  const relabelled = `relabelled graph (not used by default): breadth-first ${fmt(large.us.bfs / c)} × C, degree order ${fmt(large.us.degree / c)} × C, set-up ${setup.bfs.toFixed(0)} and ${setup.degree.toFixed(0)} ms against ${setup.wasm.toFixed(0)} ms`;
  console.log(
    `  power-law: Ripple ${fmt(ms(large.us.wasm))} ms/run (JS ${fmt(ms(large.us.js))}, bfs ${fmt(ms(large.us.bfs))}, degree ${fmt(ms(large.us.degree))}), C ${fmt(ms(c))}, C prefetch ${fmt(ms(pf))}`,
  );
  rows.push({
    task: largeTask,
    peer: 'plain C loop (bench/ic-peer.c)',
    scope: 'compute',
    ripple: ms(large.us.wasm),
    other: ms(c),
    unit: 'ms',
    goal: 1.0,
    note: `${largeShared}; JS kernels ${fmt(large.us.js / c)} × C; ${relabelled}`,
  });
  rows.push({
    task: largeTask,
    peer: 'C with software prefetch (bench/ic-peer.c, Ainsworth & Jones 2017)',
    scope: 'compute',
    ripple: ms(large.us.wasm),
    other: ms(pf),
    unit: 'ms',
    goal: Number((1 / 0.6).toFixed(2)),
    note: `prefetch / plain C ${fmt(pf / c)}`,
  });
  return rows;
}
