/**
 * Peers: loading an edge list, Ripple beside a plain C loader (issue 14, "Loading"), on two
 * generated power-law files: 3M edges with string ids ("user12345", 300k nodes) against
 * bench/load-reference-strings.c, and 10M edges of integers (1M nodes) against
 * bench/load-reference.c. Both C loaders are built with gcc -O2 into .cache/peers; the inputs are
 * generated once into .cache/bench.
 *
 * Two rows per file:
 * - whole: wall time of the process as a user runs it, `ripple stats --distances none` (Node
 *   start, bundle load, read, parse, CSR both ways) against the C program;
 * - compute: the load inside the process (readGraphFile, in a fresh process each time) against
 *   the C loader's own timer (read, parse, CSR both ways); the note gives Ripple's CPU seconds.
 * Ripple and C run alternately, medians of the repeats; node and arc counts must agree.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from '../context.ts';
import { writePowerLawEdgeList } from '../powerlaw.ts';
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

/** Wall seconds of a whole process, and what it printed on stdout. */
function timed(command: string, args: string[]): { seconds: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${(r.stderr || '').slice(0, 300)}`);
  return { seconds, stdout: r.stdout };
}

export const benchLoad: PeerBench = async (ctx: BenchContext) => {
  const rows: PeerRow[] = [];
  const repeats = ctx.quick ? 3 : 5;
  const ripple = join(ctx.root, 'bin', 'ripple.mjs');
  const bench = fileURLToPath(import.meta.url); // the bundled bench.mjs, which has a --load-child mode
  for (const input of await inputs(ctx.root)) {
    const peer = `plain C loader (bench/${input.reference}.c, gcc -O2)`;
    const built = build(ctx.root, input.reference);
    if ('error' in built) {
      for (const scope of ['whole', 'compute'] as const)
        rows.push({
          task: input.task,
          peer,
          scope,
          ripple: null,
          other: null,
          unit: 's',
          goal: 1.5,
          skipped: built.error,
        });
      continue;
    }
    const whole = { ripple: [] as number[], c: [] as number[] };
    const compute = { ripple: [] as number[], rippleCpu: [] as number[], c: [] as number[] };
    let rippleCounts: Counts | null = null;
    let cCounts: Counts | null = null;
    // Warm the page cache (and the bundle) once, untimed.
    execFileSync(built.exe, [input.file]);
    timed(process.execPath, [
      ripple,
      'stats',
      '--graph',
      input.file,
      '--direction',
      'influences',
      '--distances',
      'none',
      '--json',
    ]);
    for (let i = 0; i < repeats; i++) {
      const r = timed(process.execPath, [
        ripple,
        'stats',
        '--graph',
        input.file,
        '--direction',
        'influences',
        '--distances',
        'none',
        '--json',
      ]);
      const stats = JSON.parse(r.stdout) as { nodes: number; arcs: number };
      rippleCounts = { nodes: stats.nodes, arcs: stats.arcs };
      whole.ripple.push(r.seconds);
      const c = timed(built.exe, [input.file]);
      const [secs, nodes, arcs] = c.stdout.trim().split(' ').map(Number);
      cCounts = { nodes, arcs };
      whole.c.push(c.seconds);
      compute.c.push(secs);
      const child = timed(process.execPath, [
        '--max-old-space-size=4096',
        bench,
        '--load-child',
        input.file,
        'influences',
      ]);
      const load = JSON.parse(child.stdout) as {
        seconds: number;
        cpuSeconds: number;
        nodes: number;
        arcs: number;
      };
      compute.ripple.push(load.seconds);
      compute.rippleCpu.push(load.cpuSeconds);
      console.log(
        `  ${input.reference}: Ripple whole ${r.seconds.toFixed(2)} s, load ${load.seconds.toFixed(2)} s (CPU ${load.cpuSeconds.toFixed(2)} s); C whole ${c.seconds.toFixed(2)} s, load ${secs.toFixed(2)} s`,
      );
    }
    const same =
      rippleCounts && cCounts && rippleCounts.nodes === cCounts.nodes && rippleCounts.arcs === cCounts.arcs;
    const counts = same
      ? `same ${rippleCounts?.nodes.toLocaleString('en-US')} nodes and ${rippleCounts?.arcs.toLocaleString('en-US')} arcs`
      : `COUNTS DIFFER: Ripple ${JSON.stringify(rippleCounts)}, C ${JSON.stringify(cCounts)}`;
    rows.push({
      task: input.task,
      peer,
      scope: 'whole',
      ripple: median(whole.ripple),
      other: median(whole.c),
      unit: 's',
      goal: 1.5,
      note: `\`ripple stats --distances none\` vs the C program, wall, median of ${repeats}; ${counts}`,
    });
    rows.push({
      task: input.task,
      peer,
      scope: 'compute',
      ripple: median(compute.ripple),
      other: median(compute.c),
      unit: 's',
      goal: 1.5,
      note: `read + parse + CSR both ways inside the process, wall; Ripple CPU ${median(compute.rippleCpu).toFixed(2)} s`,
    });
  }
  return rows;
};
