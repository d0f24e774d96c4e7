/**
 * Issue 14's start-up row: `ripple seeds` on a 10k-edge graph should finish in under 0.15 s of
 * wall time. There is no peer; each command is set beside `node -e 0`, the floor any Node CLI
 * pays on this machine (and, in the note, the same without NODE_EXTRA_CA_CERTS when it is set:
 * Node then parses a certificate bundle at every start).
 *
 * Whole processes, run in turn, REPEATS times each after a warm-up (page cache, the bundle's
 * code cache), medians; Ripple as a user runs it, the `ripple` executable (ripple-process.ts).
 * The graph is a generated power-law follower graph of 2,000 accounts and 10,000 arcs
 * (bench/powerlaw.ts), with the defaults (ic, p = 0.05, 2,000 measuring runs):
 *   `ripple --help`
 *   `ripple seeds --k 10 --method degree-discount`  start-up, loading and measuring
 *   `ripple seeds --k 10`                           the same with IMM choosing
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from '../context.ts';
import { writePowerLawEdgeList } from '../powerlaw.ts';
import { AS_A_USER_RUNS_IT, rippleExecutable } from './ripple-process.ts';
import type { PeerRow } from './table.ts';

const GOAL_SECONDS = 0.15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function wall(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', env, maxBuffer: 1 << 24 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.error || r.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return seconds;
}

export async function benchStartup(ctx: BenchContext): Promise<PeerRow[]> {
  const repeats = ctx.quick ? 7 : 15;
  const dir = join(ctx.root, '.cache', 'peers', 'startup');
  mkdirSync(dir, { recursive: true });
  const graph = join(dir, 'powerlaw-2k-10k.txt');
  if (!existsSync(graph)) await writePowerLawEdgeList(graph, 2000, 10_000);
  const node = process.execPath;
  const cli = rippleExecutable(ctx.root);
  const seeds = ['seeds', '--graph', graph, '--direction', 'influences', '--k', '10'];
  const commands: { name: string; command: string; args: string[]; env?: NodeJS.ProcessEnv }[] = [
    { name: 'node -e 0', command: node, args: ['-e', '0'] },
    { name: 'ripple --help', command: cli, args: ['--help'] },
    { name: 'ripple seeds, degree-discount', command: cli, args: [...seeds, '--method', 'degree-discount'] },
    { name: 'ripple seeds, imm', command: cli, args: seeds },
  ];
  const certs = process.env.NODE_EXTRA_CA_CERTS;
  if (certs) {
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    commands.push({ name: 'node -e 0, no NODE_EXTRA_CA_CERTS', command: node, args: ['-e', '0'], env });
  }
  const times = new Map<string, number[]>(commands.map((c) => [c.name, []]));
  for (const c of commands) wall(c.command, c.args, c.env);
  for (let i = 0; i < repeats; i++)
    for (const c of commands) times.get(c.name)?.push(wall(c.command, c.args, c.env));
  const t = (name: string) => median(times.get(name) ?? [Number.NaN]);
  const floor = t('node -e 0');
  for (const c of commands) console.log(`  ${c.name.padEnd(36)} ${t(c.name).toFixed(3)} s`);
  const floorNote = certs
    ? `node -e 0 takes ${t('node -e 0, no NODE_EXTRA_CA_CERTS').toFixed(3)} s without NODE_EXTRA_CA_CERTS (set here)`
    : 'NODE_EXTRA_CA_CERTS not set';
  const row = (task: string, name: string, note: string): PeerRow => {
    const seconds = t(name);
    return {
      task,
      peer: '`node -e 0` (the floor)',
      scope: 'whole',
      ripple: seconds,
      other: floor,
      unit: 's',
      note: `goal: under ${GOAL_SECONDS} s (${seconds < GOAL_SECONDS ? 'met' : 'not met'}); ${note}; median of ${repeats}; ${AS_A_USER_RUNS_IT}; ${floorNote}`,
    };
  };
  return [
    row('`ripple --help`', 'ripple --help', 'start-up alone'),
    row(
      '`ripple seeds`, 10k-arc power-law graph, k=10, degree-discount',
      'ripple seeds, degree-discount',
      'start-up, loading, choosing and 2,000 measuring runs, all in the calling thread',
    ),
    row(
      '`ripple seeds`, 10k-arc power-law graph, k=10, imm',
      'ripple seeds, imm',
      'the same with IMM, whose RR sets (hundreds of thousands here) are most of the time',
    ),
  ];
}
