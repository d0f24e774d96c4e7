/**
 * Ripple beside python-igraph (Debian's python3-igraph, through /usr/bin/python3): betweenness,
 * closeness, eigenvector and Louvain on ego-Facebook, PageRank on soc-Slashdot0902.
 *
 * - whole: the processes as a user runs them, `ripple rank --metric M` or `ripple communities` (the
 *   executable: ripple-process.ts) against `/usr/bin/python3 bench/igraph-peer.py TASK FILE`, both
 *   loading the same edge list, alternated, medians of the repeats; goal Ripple/igraph <= 1.5
 *   (issue 14).
 * - compute: the computation alone on one core, timed inside each process (Ripple in this
 *   thread, igraph single-threaded), medians.
 * Both read the same plain file: soc-Slashdot0902 is decompressed once into .cache/peers/igraph
 * without its comment lines (igraph's edge-list reader takes neither gzip nor comments).
 *
 * The truth test: Ripple's top 10 must be igraph's, node for node, with the scores equal to a
 * relative 1e-6 once in the same conventions (bench/igraph-peer.py says which); for Louvain the
 * two modularities are printed side by side (different algorithms, close values).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { computeMetric, type MetricName } from '../../src/analysis/centrality/index.ts';
import { louvainCommunities } from '../../src/analysis/communities.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import type { Direction } from '../../src/graph/types.ts';
import type { BenchContext } from '../context.ts';
import { AS_A_USER_RUNS_IT, rippleExecutable } from './ripple-process.ts';
import type { PeerBench, PeerRow } from './table.ts';

const PYTHON = '/usr/bin/python3';
const PEER = 'python-igraph 0.10 (Debian)';
const GOAL = 1.5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

interface Task {
  /** Row title. */
  task: string;
  /** igraph-peer.py's task. */
  peer: 'betweenness' | 'closeness' | 'pagerank' | 'eigenvector' | 'louvain';
  metric: MetricName | 'louvain';
  graph: 'facebook' | 'slashdot';
}

const TASKS: Task[] = [
  { task: 'betweenness, ego-Facebook', peer: 'betweenness', metric: 'betweenness', graph: 'facebook' },
  { task: 'closeness, ego-Facebook', peer: 'closeness', metric: 'closeness', graph: 'facebook' },
  { task: 'PageRank, soc-Slashdot0902', peer: 'pagerank', metric: 'pagerank', graph: 'slashdot' },
  { task: 'eigenvector, ego-Facebook', peer: 'eigenvector', metric: 'eigenvector', graph: 'facebook' },
  { task: 'Louvain, ego-Facebook', peer: 'louvain', metric: 'louvain', graph: 'facebook' },
];

interface PeerOutput {
  n: number;
  load: number;
  compute: number;
  top?: [string, number][];
  modularity?: number;
  count?: number;
}

/** Whether /usr/bin/python3 imports igraph; if not, try apt-get once. Null when available. */
function igraphMissing(): string | null {
  const probe = () =>
    spawnSync(PYTHON, ['-c', 'import igraph; print(igraph.__version__)'], { encoding: 'utf8' });
  let r = probe();
  if (r.status === 0) return null;
  console.log('  python3-igraph missing; trying apt-get install -y python3-igraph');
  const apt = spawnSync('apt-get', ['install', '-y', 'python3-igraph'], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  r = probe();
  if (r.status === 0) return null;
  return `python3-igraph not available (${(apt.stderr || r.stderr || 'apt-get failed').trim().split('\n').pop()})`;
}

/** The plain edge lists both sides read: ego-Facebook as bundled, Slashdot decompressed once. */
function graphFiles(ctx: BenchContext): Record<Task['graph'], { file: string; direction: Direction }> {
  const dir = join(ctx.root, '.cache', 'peers', 'igraph');
  mkdirSync(dir, { recursive: true });
  const slashdot = join(dir, 'soc-Slashdot0902.txt');
  if (!existsSync(slashdot)) {
    const text = gunzipSync(readFileSync(join(ctx.root, 'datasets', 'soc-Slashdot0902.txt.gz'))).toString(
      'latin1',
    );
    // The file's lines end in CRLF: `.` stops at the \r, so the comment lines are matched to \n.
    writeFileSync(slashdot, text.replace(/^#[^\n]*\n/gm, ''), 'latin1');
  }
  return {
    facebook: { file: join(ctx.root, 'datasets', 'facebook_combined.txt'), direction: 'undirected' },
    slashdot: { file: slashdot, direction: 'follows' },
  };
}

function run(command: string, args: string[], cwd: string): { seconds: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: exit ${r.status}: ${r.stderr.trim()}`);
  return { seconds, stdout: r.stdout };
}

function rippleArgs(task: Task, file: string, direction: Direction): string[] {
  const graph = ['--graph', file, '--direction', direction, '--json'];
  return task.metric === 'louvain'
    ? ['communities', ...graph]
    : ['rank', ...graph, '--metric', task.metric, '--top', '10'];
}

function peerArgs(task: Task, file: string, direction: Direction, repeat: number): string[] {
  return [
    'bench/igraph-peer.py',
    task.peer,
    file,
    ...(direction === 'undirected' ? [] : ['--directed']),
    '--repeat',
    String(repeat),
  ];
}

/** The truth test: same top 10, scores within a relative 1e-6; or both modularities. */
function agreement(
  task: Task,
  ripple: Record<string, unknown>,
  peer: PeerOutput,
): { ok: boolean; note: string } {
  if (task.metric === 'louvain') {
    const q = ripple.modularity as number;
    const ok = Math.abs(q - (peer.modularity as number)) < 0.02;
    return {
      ok,
      note: `modularity ${q.toFixed(4)} (${ripple.count} communities) vs ${(peer.modularity as number).toFixed(4)} (${peer.count})`,
    };
  }
  const ours = ripple.top as { id: string; score: number }[];
  const theirs = peer.top as [string, number][];
  const sameIds = ours.length === theirs.length && ours.every((l, i) => l.id === theirs[i][0]);
  let worst = 0;
  for (let i = 0; i < Math.min(ours.length, theirs.length); i++)
    worst = Math.max(worst, Math.abs(ours[i].score - theirs[i][1]) / Math.abs(theirs[i][1]));
  const ok = sameIds && worst < 1e-6;
  return {
    ok,
    note: `top 10 ${sameIds ? 'equal' : 'DIFFERENT'}, scores within ${worst.toExponential(1)}`,
  };
}

export const benchIgraph: PeerBench = async (ctx) => {
  const missing = igraphMissing();
  if (missing) {
    console.log(`  skipped: ${missing}`);
    return TASKS.map((t) => ({
      task: t.task,
      peer: PEER,
      scope: 'whole' as const,
      ripple: null,
      other: null,
      unit: 's',
      goal: GOAL,
      skipped: missing,
    }));
  }
  const files = graphFiles(ctx);
  const repeats = ctx.quick ? 3 : 5;
  const rows: PeerRow[] = [];
  const loaded = new Map<string, Awaited<ReturnType<typeof readGraphFile>>>();
  for (const task of TASKS) {
    const { file, direction } = files[task.graph];
    // Whole processes, alternated; the first pair also checks that both compute the same thing.
    const rippleTimes: number[] = [];
    const peerTimes: number[] = [];
    let check: { ok: boolean; note: string } | null = null;
    for (let r = 0; r < repeats; r++) {
      const ours = run(rippleExecutable(ctx.root), rippleArgs(task, file, direction), ctx.root);
      const theirs = run(PYTHON, peerArgs(task, file, direction, 1), ctx.root);
      rippleTimes.push(ours.seconds);
      peerTimes.push(theirs.seconds);
      check ??= agreement(task, JSON.parse(ours.stdout), JSON.parse(theirs.stdout) as PeerOutput);
    }
    const whole = { ripple: median(rippleTimes), other: median(peerTimes) };
    // Compute only, one core: Ripple in this thread, igraph inside its process.
    let graph = loaded.get(file);
    if (!graph) {
      graph = await readGraphFile(file, { direction });
      loaded.set(file, graph);
    }
    const csr = graph.csr;
    const ourCompute: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      if (task.metric === 'louvain') louvainCommunities(csr, { rngSeed: 1 });
      else computeMetric(csr, task.metric);
      ourCompute.push((performance.now() - t0) / 1000);
    }
    const theirCompute = (
      JSON.parse(run(PYTHON, peerArgs(task, file, direction, repeats), ctx.root).stdout) as PeerOutput
    ).compute;
    const note = `${check?.ok ? '' : 'DISAGREE: '}${check?.note ?? ''}; ${AS_A_USER_RUNS_IT}`;
    console.log(
      `  ${task.task}: whole ${whole.ripple.toFixed(2)} s vs ${whole.other.toFixed(2)} s (x${(whole.ripple / whole.other).toFixed(2)}); compute ${median(ourCompute).toFixed(3)} s vs ${theirCompute.toFixed(3)} s (x${(median(ourCompute) / theirCompute).toFixed(2)}); ${note}`,
    );
    rows.push(
      { task: task.task, peer: PEER, scope: 'whole', ...whole, unit: 's', goal: GOAL, note },
      {
        task: task.task,
        peer: PEER,
        scope: 'compute',
        ripple: median(ourCompute),
        other: theirCompute,
        unit: 's',
        note: `one core, medians of ${repeats}`,
      },
    );
  }
  return rows;
};
