/**
 * Issue 14's IMM rows: `ripple seeds --method imm` beside the original IMM C++ (Tang, Shi, Xiao,
 * SIGMOD 2015), weighted cascade, k = 50, on NetHEPT and soc-Slashdot0902 at epsilon 0.1 and 0.5.
 *
 * The original is GPL v3: it is built here from ../shared/peers/imm (or $RIPPLE_PEERS_DIR/imm)
 * into .cache/peers/imm, never linked, copied into the tree or committed; its README gives the
 * build line and to_imm.py, which converts each graph the way Ripple reads it (the dataset
 * manifest's direction, self-loops and duplicate arcs dropped, p(u,v) = 1/indegree(v)).
 *
 * Both run as a user runs them, one after the other in turn (median of REPEATS each):
 *   whole    the wall time of the process: `imm_discrete -dataset DIR -k 50 -model IC -epsilon E`
 *            and `ripple seeds --graph FILE --k 50 --model wc --epsilon E --runs 1 --json` (one
 *            measuring run: the original does not measure the spread; Ripple's default 2,000
 *            fresh runs are timed separately in the note)
 *   compute  what each prints of its own time: the original's "InfluenceMaximize(Total Time)"
 *            (sampling and selection, graph loading excluded; its rdtsc ticks are divided by a
 *            hard-coded 2.39391 GHz, rescaled here to this machine's TSC), Ripple's `seconds`
 *            (choosing and the budget curve, graph loading and measuring excluded)
 * Both seed sets are then measured by Ripple's simulator on the same runs (common random numbers).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { summarize } from '../../src/diffusion/summary.ts';
import { createNodePool } from '../../src/engine/spawn-node.ts';
import type { Direction } from '../../src/graph/types.ts';
import type { BenchContext } from '../context.ts';
import { AS_A_USER_RUNS_IT, rippleExecutable } from './ripple-process.ts';
import type { PeerRow } from './table.ts';

const K = 50;
const EPSILONS = [0.1, 0.5];
const PEER = 'original IMM (C++)';
/** The original's timer divides rdtsc ticks by this (head.h, TIMES_PER_SEC). */
const PEER_TICKS_PER_SECOND = 2393.91e6;

interface Graph {
  name: string;
  file: string;
  direction: Direction;
  /** to_imm.py --header: the file's first line is the "n m" header (NetHEPT). */
  header: boolean;
  /** Monte Carlo runs measuring each seed set. */
  runs: number;
}

const GRAPHS: Graph[] = [
  { name: 'NetHEPT', file: 'NetHEPT.txt', direction: 'influences', header: true, runs: 10_000 },
  {
    name: 'soc-Slashdot0902',
    file: 'soc-Slashdot0902.txt.gz',
    direction: 'follows',
    header: false,
    runs: 2000,
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const newer = (a: string, b: string) => statSync(a).mtimeMs > statSync(b).mtimeMs;

/** This machine's TSC rate in Hz (the kernel's "tsc: Detected" figure, else /proc/cpuinfo). */
function tscHz(): number | null {
  const dmesg = spawnSync('dmesg', [], { encoding: 'utf8' });
  const detected = /tsc: (?:Detected|Refined TSC clocksource calibration:) ([\d.]+) MHz/.exec(
    dmesg.stdout ?? '',
  );
  if (detected) return Number(detected[1]) * 1e6;
  try {
    const mhz = /^cpu MHz\s*:\s*([\d.]+)/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return mhz ? Number(mhz[1]) * 1e6 : null;
  } catch {
    return null;
  }
}

/** Build the original into .cache/peers/imm; a reason when it cannot be built here. */
function buildPeer(ctx: BenchContext): { exe: string; source: string } | { skipped: string } {
  const source = join(process.env.RIPPLE_PEERS_DIR ?? join(ctx.root, '..', 'shared', 'peers'), 'imm');
  const main = join(source, 'src', 'imm.cpp');
  if (!existsSync(main)) return { skipped: `no source at ${source}` };
  const dir = join(ctx.root, '.cache', 'peers', 'imm');
  const exe = join(dir, 'imm_discrete');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(exe) || newer(main, exe)) {
    console.log(`  building the original IMM into ${exe}`);
    const r = spawnSync(
      'g++',
      [
        '-DDISCRETE',
        '-O3',
        '-std=c++0x',
        '-fpermissive',
        '-w',
        '-o',
        exe,
        main,
        join(source, 'src', 'sfmt', 'SFMT.c'),
      ],
      { encoding: 'utf8' },
    );
    if (r.error || r.status !== 0)
      return { skipped: `g++ failed: ${r.error?.message ?? r.stderr.trim().split('\n')[0]}` };
  }
  return { exe, source };
}

/** The graph as to_imm.py writes it (converted once, again when the file or script changes). */
function convert(ctx: BenchContext, source: string, g: Graph): string {
  const dir = join(ctx.root, '.cache', 'peers', 'imm', g.name);
  const file = join(ctx.root, 'datasets', g.file);
  const script = join(source, 'to_imm.py');
  const done = join(dir, 'ids.txt');
  if (!existsSync(done) || newer(file, done) || newer(script, done)) {
    console.log(`  converting ${g.file} for the original`);
    const args = [script, file, dir, '--direction', g.direction, ...(g.header ? ['--header'] : [])];
    const r = spawnSync('python3', args, { encoding: 'utf8' });
    if (r.error || r.status !== 0)
      throw new Error(`to_imm.py failed: ${r.error?.message ?? r.stderr.trim()}`);
  }
  return dir;
}

interface Run {
  wall: number;
  compute: number;
  /** Original node ids. */
  seeds: string[];
}

function runPeer(exe: string, dir: string, epsilon: number, tsc: number | null): Run {
  const args = ['-dataset', `${dir}/`, '-k', String(K), '-model', 'IC', '-epsilon', String(epsilon)];
  const t0 = performance.now();
  const r = spawnSync(exe, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  if (r.error || r.status !== 0) throw new Error(`imm_discrete failed: ${r.error?.message ?? r.stderr}`);
  const spend = /Spend\s+([\d.]+) seconds on InfluenceMaximize\(Total Time\)/.exec(r.stdout);
  const line = /seed_set=([\d, ]+)/.exec(r.stdout);
  if (!spend || !line) throw new Error('imm_discrete: no time or seed_set in its output');
  const ids = readFileSync(join(dir, 'ids.txt'), 'utf8').split('\n');
  const seeds = line[1].split(',').map((s) => ids[Number(s.trim())]);
  const compute = (Number(spend[1]) * PEER_TICKS_PER_SECOND) / (tsc ?? PEER_TICKS_PER_SECOND);
  return { wall, compute, seeds };
}

function runRipple(ctx: BenchContext, g: Graph, epsilon: number, runs: number): Run & { evaluation: number } {
  const args = [
    'seeds',
    '--graph',
    join(ctx.root, 'datasets', g.file),
    '--k',
    String(K),
    '--model',
    'wc',
    '--epsilon',
    String(epsilon),
    '--runs',
    String(runs),
    '--json',
  ];
  const t0 = performance.now();
  const r = spawnSync(rippleExecutable(ctx.root), args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  if (r.error || r.status !== 0) throw new Error(`ripple seeds failed: ${r.error?.message ?? r.stderr}`);
  const out = JSON.parse(r.stdout) as { seeds: string[]; seconds: number; evaluationSeconds: number };
  return { wall, compute: out.seconds, seeds: out.seeds, evaluation: out.evaluationSeconds };
}

/** Mean spread of each seed list (original ids) on the same Monte Carlo runs. */
async function spreads(ctx: BenchContext, g: Graph, lists: string[][], runs: number): Promise<number[]> {
  const { csr, ids } = await readGraphFile(join(ctx.root, 'datasets', g.file), {
    direction: g.direction,
    edgeValues: 'probability',
  });
  const index = new Map(ids.map((id, i) => [id, i]));
  const pool = createNodePool(ctx.workerFile);
  try {
    pool.setGraph(csr);
    const params = resolveParams({ model: 'wc' }, csr);
    const out: number[] = [];
    for (const list of lists) {
      const nodes = list.map((id) => {
        const v = index.get(id);
        if (v === undefined) throw new Error(`seed '${id}' is not a node of ${g.name}`);
        return v;
      });
      const shard = await pool.simulate({
        params,
        seeds: { kind: 'groups', groups: [{ nodes, start: 0 }] },
        runs,
        rngSeed: 20_141,
        traceRun: null,
      });
      out.push(summarize(shard).mean);
    }
    return out;
  } finally {
    pool.terminate();
  }
}

export async function benchImmPeer(ctx: BenchContext): Promise<PeerRow[]> {
  const repeats = ctx.quick ? 3 : 5;
  const built = buildPeer(ctx);
  const rows: PeerRow[] = [];
  const tsc = tscHz();
  for (const g of GRAPHS) {
    for (const epsilon of EPSILONS) {
      const task = `IMM, WC, k=${K}, ${g.name}, ε=${epsilon}`;
      if ('skipped' in built) {
        rows.push({
          task,
          peer: PEER,
          scope: 'whole',
          ripple: null,
          other: null,
          unit: 's',
          skipped: built.skipped,
        });
        continue;
      }
      const dir = convert(ctx, built.source, g);
      // Warm-up: page cache, Ripple's bundle and code cache.
      runPeer(built.exe, dir, epsilon, tsc);
      runRipple(ctx, g, epsilon, 1);
      const peer: Run[] = [];
      const ripple: (Run & { evaluation: number })[] = [];
      for (let i = 0; i < repeats; i++) {
        peer.push(runPeer(built.exe, dir, epsilon, tsc));
        ripple.push(runRipple(ctx, g, epsilon, 1));
      }
      const measuring = runRipple(ctx, g, epsilon, 2000);
      const runs = ctx.quick ? Math.min(g.runs, 2000) : g.runs;
      const [mine, theirs] = await spreads(ctx, g, [ripple[0].seeds, peer[0].seeds], runs);
      const spreadNote = `spread ${mine.toFixed(1)} vs ${theirs.toFixed(1)} (${(mine / theirs).toFixed(4)}, goal ≥ 0.99; both on the same ${runs} runs)`;
      const whole = { ripple: median(ripple.map((r) => r.wall)), other: median(peer.map((r) => r.wall)) };
      const compute = {
        ripple: median(ripple.map((r) => r.compute)),
        other: median(peer.map((r) => r.compute)),
      };
      console.log(
        `  ${task}: whole ${whole.ripple.toFixed(3)} s vs ${whole.other.toFixed(3)} s, compute ${compute.ripple.toFixed(3)} s vs ${compute.other.toFixed(3)} s; ${spreadNote}`,
      );
      rows.push({
        task,
        peer: PEER,
        scope: 'whole',
        ...whole,
        unit: 's',
        goal: 1,
        note: `median of ${repeats}, run in turn; Ripple with --runs 1 (its default 2,000 measuring runs add ${measuring.evaluation.toFixed(2)} s); ${spreadNote}; ${AS_A_USER_RUNS_IT}`,
      });
      rows.push({
        task,
        peer: PEER,
        scope: 'compute',
        ...compute,
        unit: 's',
        note: `as each prints it; the original's rdtsc timer rescaled to ${tsc ? `${(tsc / 1e9).toFixed(3)} GHz` : 'its hard-coded 2.394 GHz (TSC unknown)'}`,
      });
    }
  }
  return rows;
}
