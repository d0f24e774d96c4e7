/**
 * Peers: loading an edge list, Ripple beside a plain C loader (issue 14, "Loading"), on two
 * generated power-law files: 3M edges with string ids ("user12345", 300k nodes) against
 * bench/load-reference-strings.c, and 10M edges of integers (1M nodes) against
 * bench/load-reference.c. Both C loaders are built with gcc -O2 into .cache/peers; the inputs are
 * generated once into .cache/bench.
 *
 * Two rows per file:
 * - whole: wall time of the process as a user runs it, `ripple stats --distances none` (the
 *   executable, ripple-process.ts: Node start, bundle load, read, parse, CSR both ways, on one
 *   thread) against the C program; the note gives both processes' CPU time (user + system, all
 *   threads, measured by bench/run-timed.c) and Ripple's figures with the load split over two
 *   threads (RIPPLE_SPLIT_BYTES=1, src/cli/common/split-load.ts);
 * - compute: CPU seconds of the load inside the process (readGraphFile, in a fresh process each
 *   time) against the C loader's (read, parse, CSR both ways); the note gives both wall times.
 *   CPU time is the steadier figure on a shared machine.
 * Ripple and C run alternately, medians of the repeats; node and arc counts must agree.
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from '../context.ts';
import { writePowerLawEdgeList } from '../powerlaw.ts';
import { AS_A_USER_RUNS_IT, rippleExecutable } from './ripple-process.ts';
import type { PeerBench, PeerRow } from './table.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

interface Input {
  task: string;
  file: string;
  reference: string;
}

/** The 1M-node / 10M-edge integer list (the same file bench.ts makes) and a 300k / 3M string-id list. */
async function inputs(root: string): Promise<Input[]> {
  const dir = join(root, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const integers = join(dir, 'powerlaw-1M-10M.txt');
  if (!existsSync(integers)) {
    console.log('  generating the 1M-node / 10M-edge power-law list (once, in .cache/bench)...');
    await writePowerLawEdgeList(integers, 1_000_000, 10_000_000);
  }
  const strings = join(dir, 'powerlaw-300k-3M-user.txt');
  if (!existsSync(strings)) {
    console.log('  generating the 300k-node / 3M-edge list with string ids (once, in .cache/bench)...');
    const plain = `${strings}.int.tmp`;
    await writePowerLawEdgeList(plain, 300_000, 3_000_000);
    const tmp = `${strings}.tmp`;
    const out = createWriteStream(tmp);
    for await (const line of createInterface({ input: createReadStream(plain) })) {
      const space = line.indexOf(' ');
      if (!out.write(`user${line.slice(0, space)} user${line.slice(space + 1)}\n`))
        await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    rmSync(plain);
    renameSync(tmp, strings);
  }
  return [
    {
      task: 'load a 3M-edge list with string ids (power-law, 300k nodes, 64 MB)',
      file: strings,
      reference: 'load-reference-strings',
    },
    {
      task: 'load a 10M-edge list of integers (power-law, 1M nodes, 138 MB)',
      file: integers,
      reference: 'load-reference',
    },
  ];
}

/** gcc -O2 bench/NAME.c into .cache/peers/NAME; the error text when it fails. */
function build(root: string, name: string): { exe: string } | { error: string } {
  const dir = join(root, '.cache', 'peers');
  mkdirSync(dir, { recursive: true });
  const exe = join(dir, name);
  const r = spawnSync('gcc', ['-O2', '-o', exe, join(root, 'bench', `${name}.c`)], { encoding: 'utf8' });
  if (r.status !== 0) return { error: `gcc failed: ${(r.stderr || String(r.error)).trim().slice(0, 200)}` };
  return { exe };
}

interface Counts {
  nodes: number;
  arcs: number;
}

interface Timed {
  wall: number;
  cpu: number;
  stdout: string;
}

/** Run a whole process through run-timed: its wall and CPU seconds, and what it printed. */
function timed(runTimed: string, out: string, command: string, args: string[], env = process.env): Timed {
  const r = spawnSync(runTimed, [out, command, ...args], { encoding: 'utf8', maxBuffer: 1 << 24, env });
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${(r.stderr || '').slice(0, 300)}`);
  const [wall, cpu] = readFileSync(out, 'utf8').trim().split(' ').map(Number);
  return { wall, cpu, stdout: r.stdout };
}

export const benchLoad: PeerBench = async (ctx: BenchContext) => {
  const rows: PeerRow[] = [];
  const repeats = ctx.quick ? 3 : 5;
  const ripple = rippleExecutable(ctx.root);
  const bench = fileURLToPath(import.meta.url); // the bundled bench.mjs, which has a --load-child mode
  const runner = build(ctx.root, 'run-timed');
  const out = join(ctx.root, '.cache', 'peers', 'run-timed.out');
  for (const input of await inputs(ctx.root)) {
    const peer = `plain C loader (bench/${input.reference}.c, gcc -O2)`;
    const built = build(ctx.root, input.reference);
    if ('error' in built || 'error' in runner) {
      const failed = 'error' in runner ? runner.error : 'error' in built ? built.error : '';
      for (const scope of ['whole', 'compute'] as const)
        rows.push({
          task: input.task,
          peer,
          scope,
          ripple: null,
          other: null,
          unit: 's',
          goal: 1.5,
          skipped: failed,
        });
      continue;
    }
    const run = (command: string, args: string[], env?: NodeJS.ProcessEnv) =>
      timed(runner.exe, out, command, args, env);
    const twoThreads = { ...process.env, RIPPLE_SPLIT_BYTES: '1' };
    const stats = [
      'stats',
      '--graph',
      input.file,
      '--direction',
      'influences',
      '--distances',
      'none',
      '--json',
    ];
    const m = {
      rippleWall: [] as number[],
      rippleCpu: [] as number[],
      splitWall: [] as number[],
      splitCpu: [] as number[],
      cWall: [] as number[],
      cCpu: [] as number[],
      rippleLoad: [] as number[],
      rippleLoadCpu: [] as number[],
      cLoad: [] as number[],
      cLoadCpu: [] as number[],
    };
    let rippleCounts: Counts | null = null;
    let cCounts: Counts | null = null;
    // Warm the page cache and the bundle once, untimed.
    run(built.exe, [input.file]);
    run(ripple, stats);
    for (let i = 0; i < repeats; i++) {
      const r = run(ripple, stats);
      const counted = JSON.parse(r.stdout) as { nodes: number; arcs: number };
      rippleCounts = { nodes: counted.nodes, arcs: counted.arcs };
      m.rippleWall.push(r.wall);
      m.rippleCpu.push(r.cpu);
      const split = run(ripple, stats, twoThreads);
      m.splitWall.push(split.wall);
      m.splitCpu.push(split.cpu);
      const c = run(built.exe, [input.file]);
      const [secs, nodes, arcs, , cpu] = c.stdout.trim().split(' ').map(Number);
      cCounts = { nodes, arcs };
      m.cWall.push(c.wall);
      m.cCpu.push(c.cpu);
      m.cLoad.push(secs);
      m.cLoadCpu.push(cpu);
      const child = run(process.execPath, [
        '--max-old-space-size=4096',
        bench,
        '--load-child',
        input.file,
        'influences',
      ]);
      const load = JSON.parse(child.stdout) as { seconds: number; cpuSeconds: number };
      m.rippleLoad.push(load.seconds);
      m.rippleLoadCpu.push(load.cpuSeconds);
      console.log(
        `  ${input.reference}: Ripple whole ${r.wall.toFixed(2)} s (CPU ${r.cpu.toFixed(2)} s; split ${split.wall.toFixed(2)} s, CPU ${split.cpu.toFixed(2)} s), load ${load.seconds.toFixed(2)} s (CPU ${load.cpuSeconds.toFixed(2)} s); C whole ${c.wall.toFixed(2)} s (CPU ${c.cpu.toFixed(2)} s), load ${secs.toFixed(2)} s (CPU ${cpu.toFixed(2)} s)`,
      );
    }
    const same =
      rippleCounts && cCounts && rippleCounts.nodes === cCounts.nodes && rippleCounts.arcs === cCounts.arcs;
    const counts = same
      ? `same ${rippleCounts?.nodes.toLocaleString('en-US')} nodes and ${rippleCounts?.arcs.toLocaleString('en-US')} arcs`
      : `COUNTS DIFFER: Ripple ${JSON.stringify(rippleCounts)}, C ${JSON.stringify(cCounts)}`;
    const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(2);
    rows.push({
      task: input.task,
      peer,
      scope: 'whole',
      ripple: median(m.rippleWall),
      other: median(m.cWall),
      unit: 's',
      goal: 1.5,
      note: `wall, \`ripple stats --distances none\` vs the C program, medians of ${repeats}; CPU ${median(m.rippleCpu).toFixed(2)} s vs ${median(m.cCpu).toFixed(2)} s (${ratio(m.rippleCpu, m.cCpu)}); split over two threads (RIPPLE_SPLIT_BYTES=1) ${median(m.splitWall).toFixed(2)} s wall (${ratio(m.splitWall, m.cWall)}), ${median(m.splitCpu).toFixed(2)} s CPU (${ratio(m.splitCpu, m.cCpu)}); ${counts}; ${AS_A_USER_RUNS_IT}`,
    });
    rows.push({
      task: input.task,
      peer,
      scope: 'compute',
      ripple: median(m.rippleLoadCpu),
      other: median(m.cLoadCpu),
      unit: 's',
      goal: 1.5,
      note: `CPU of read + parse + CSR both ways inside the process; wall ${median(m.rippleLoad).toFixed(2)} s vs ${median(m.cLoad).toFixed(2)} s (${ratio(m.rippleLoad, m.cLoad)})`,
    });
  }
  return rows;
};
