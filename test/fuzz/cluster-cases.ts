/**
 * Fuzz cases for what a cluster receives from outside: graph snapshots (src/graph/snapshot.ts)
 * and shard payloads (src/cluster/protocol.ts, codec.ts, src/engine/shardable.ts). A hostile
 * snapshot must end as a graph whose every invariant holds, or one LoadError naming the file;
 * a hostile shard as inputs that pass their schema (and then run without surprise), or one
 * clear rejection. Used by cluster-runner.ts in a child process, under a time and memory watch.
 */
import '../../src/all-jobs.ts';
import { decodePayload, encodePayload, PayloadDecodeError } from '../../src/cluster/codec.ts';
import { MAX_INPUT_CHARS, shardDataProblem } from '../../src/cluster/protocol.ts';
import { OptionError, resolveParams } from '../../src/diffusion/defaults.ts';
import { type JobKind, runJobLocal } from '../../src/engine/jobs.ts';
import { PayloadError } from '../../src/engine/payload-check.ts';
import { checkShardInput } from '../../src/engine/shardable.ts';
import { compileCsr } from '../../src/graph/csr.ts';
import { LoadError } from '../../src/graph/load-error.ts';
import { decodeSnapshot, encodeSnapshot, hash128, loadedFromSnapshot } from '../../src/graph/snapshot.ts';
import type { Csr } from '../../src/graph/types.ts';
import { checkShape } from '../graph/support.ts';
import { Gen, MUTATIONS, PROTO_IDS, utf8 } from './generators.ts';

export interface ClusterCase {
  kind: 'snapshot' | 'shard';
  label: string;
  run(): { outcome: 'accepted' | 'rejected'; problem: string | null };
}

const FILE = 'fuzz.rsnap';

/** A small random graph with ids, maybe values, labels and positions. */
function randomGraph(g: Gen) {
  const n = 1 + g.int(g.chance(0.2) ? 300 : 40);
  const m = g.int(4 * n + 1);
  const src = new Uint32Array(m);
  const dst = new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    src[i] = g.int(n);
    dst[i] = g.int(n);
  }
  const valueKind = g.pick(['probability', 'weight', null] as const);
  const values = valueKind
    ? Float64Array.from({ length: m }, () => (valueKind === 'probability' ? g.float() : 10 * g.float()))
    : null;
  const direction = g.pick(['undirected', 'influences', 'follows'] as const);
  const { csr } = compileCsr({ n, count: m, src, dst, values, valueKind }, direction);
  const integerIds = g.chance(0.6);
  const ids = Array.from({ length: n }, (_, v) =>
    integerIds
      ? String(v * (1 + g.int(3)) + v)
      : g.chance(0.1)
        ? `${g.pick(PROTO_IDS)}${v}`
        : `n${v}\u00e9${g.chance(0.1) ? '\u0000' : ''}`,
  );
  // Integer ids drawn above may repeat: make them distinct.
  const distinct = [...new Set(ids)].length === n ? ids : ids.map((id, v) => `${id}-${v}`);
  const labels = g.chance(0.2) ? distinct.map((id) => (g.chance(0.5) ? `L${id}` : null)) : null;
  const positions = g.chance(0.2) ? Float64Array.from({ length: 2 * n }, () => g.float() * 100 - 50) : null;
  return { csr, ids: distinct, labels, positions };
}

function rehash(bytes: Uint8Array): Uint8Array {
  if (bytes.length >= 64 && (bytes.length - 64) % 8 === 0) bytes.set(hash128(bytes, 64, bytes.length), 40);
  return bytes;
}

const SPECIAL = [0, 1, 2, 7, 8, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

export function snapshotCase(g: Gen): ClusterCase {
  const graph = randomGraph(g);
  let bytes = encodeSnapshot({
    ...graph,
    report: g.chance(0.5)
      ? {
          format: 'edgelist',
          gzip: false,
          direction: graph.csr.directed ? 'influences' : 'undirected',
          selfLoops: 0,
          duplicateEdges: 0,
          edges: graph.csr.directed ? graph.csr.arcs : graph.csr.arcs / 2,
          header: null,
          edgeLines: graph.csr.arcs,
          skippedLines: 0,
          warnings: [],
        }
      : null,
  });
  const applied: string[] = [];
  const roll = g.float();
  const view = () => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (roll < 0.1) {
    // valid
  } else if (roll < 0.3) {
    const field = 8 + 4 * g.int(8); // version .. reserved
    view().setUint32(
      field,
      g.chance(0.5) ? g.pick(SPECIAL) : view().getUint32(field, true) + g.pick([-1, 1, 8]),
      true,
    );
    applied.push(`header@${field}`);
    if (g.chance(0.8)) rehash(bytes);
  } else if (roll < 0.55) {
    // Random words inside the body, hash made valid again: only the structure checks remain.
    const words = Math.max(1, (bytes.length - 64) >> 2);
    for (let k = 1 + g.int(4); k > 0; k--) {
      const at = 64 + 4 * g.int(words);
      if (at + 4 <= bytes.length)
        view().setUint32(at, g.chance(0.5) ? g.pick(SPECIAL) : g.int(graph.csr.n + 2), true);
    }
    applied.push('body words');
    rehash(bytes);
  } else if (roll < 0.8) {
    const names = Object.keys(MUTATIONS);
    const name = g.pick(names);
    bytes = MUTATIONS[name](bytes, g);
    applied.push(name);
    if (g.chance(0.5)) rehash(bytes);
  } else if (roll < 0.9) {
    bytes = bytes.slice(0, g.int(bytes.length));
    applied.push('truncated');
    if (g.chance(0.5)) rehash(bytes);
  } else {
    // Huge declared sizes in a tiny file: must be refused before anything that size is allocated.
    view().setUint32(16, 0xfffffffe, true);
    view().setUint32(20, g.pick([0xffffffff, 0x10000000, 5]), true);
    view().setUint32(56, g.int(2 ** 32), true);
    view().setUint32(60, g.int(4), true);
    applied.push('huge sizes');
    rehash(bytes);
  }
  const label = `snapshot ${applied.join('+') || 'valid'}`;
  return {
    kind: 'snapshot',
    label,
    run() {
      let decoded: ReturnType<typeof decodeSnapshot>;
      try {
        decoded = decodeSnapshot(bytes, FILE);
      } catch (e) {
        if (!(e instanceof LoadError))
          return { outcome: 'rejected', problem: `not a LoadError: ${(e as Error)?.stack ?? e}` };
        if (!e.message.startsWith(`${FILE}: graph snapshot: `))
          return { outcome: 'rejected', problem: `bad prefix: ${e.message}` };
        if (e.message.includes('\n') || e.message.length > 1000)
          return { outcome: 'rejected', problem: `not one short line: ${e.message}` };
        return {
          outcome: 'rejected',
          problem: applied.length === 0 ? `a valid snapshot was refused: ${e.message}` : null,
        };
      }
      try {
        checkShape(loadedFromSnapshot(decoded, FILE));
        if (applied.length === 0) sameCsr(graph.csr, decoded.csr);
      } catch (e) {
        return { outcome: 'accepted', problem: (e as Error).message };
      }
      return { outcome: 'accepted', problem: null };
    },
  };
}

function sameCsr(a: Csr, b: Csr): void {
  for (const key of [
    'outOffsets',
    'outTargets',
    'inOffsets',
    'inSources',
    'outValues',
    'inValues',
  ] as const) {
    const x = a[key];
    const y = b[key];
    if (
      (x === null) !== (y === null) ||
      (x && y && (x.length !== y.length || x.some((v, i) => !Object.is(v, y[i]))))
    )
      throw new Error(`round trip changed ${key}`);
  }
}

/** A graph for shard inputs to refer to (node indices are checked against its size). */
const SHARD_GRAPH = compileCsr(
  {
    n: 30,
    count: 60,
    src: Uint32Array.from({ length: 60 }, (_, i) => i % 30),
    dst: Uint32Array.from({ length: 60 }, (_, i) => (i * 7 + 3) % 30),
    values: null,
    valueKind: null,
  },
  'undirected',
).csr;

function validInput(g: Gen, kind: JobKind): unknown {
  const params = resolveParams(
    { model: g.pick(['ic', 'wc', 'lt'] as const), ...(g.chance(0.5) ? { p: g.float() } : {}) },
    SHARD_GRAPH,
  );
  const rr = { model: params.model as 'ic' | 'wc' | 'lt', p: params.model === 'ic' ? params.p : null };
  const nodes = () => [...new Set(Array.from({ length: 1 + g.int(5) }, () => g.int(30)))];
  switch (kind) {
    case 'simulateRuns':
      return {
        params,
        seeds: g.chance(0.5)
          ? { kind: 'random', k: 1 + g.int(5) }
          : { kind: 'groups', groups: [{ nodes: nodes(), start: 0 }] },
        rngSeed: g.int(1000),
        firstRun: g.int(100),
        runCount: 1 + g.int(20),
        traceRun: g.chance(0.2) ? g.int(100) : null,
        nodeCounts: g.chance(0.3),
      };
    case 'rrSets':
    case 'rrCounts':
      return { params: rr, rngSeed: g.int(1000), first: g.int(1000), count: 1 + g.int(50) };
    case 'rrFirstHits':
      return { params: rr, rngSeed: g.int(1000), first: g.int(1000), count: 1 + g.int(50), order: nodes() };
    default:
      return { params, base: nodes(), candidates: nodes(), rngSeed: g.int(1000), runs: 1 + g.int(10) };
  }
}

const HOSTILE: unknown[] = [-1, 1.5, 1e308, 2 ** 53, '', 'x', null, true, [], {}, [1, 2, 3], 30, 31, 1e9];

/** Replace one value somewhere in a JSON-like tree with a hostile one (or drop or add a key). */
function poke(value: unknown, g: Gen, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || g.chance(0.2)) return g.pick(HOSTILE);
    const i = g.int(value.length);
    const copy = [...value];
    copy[i] = poke(copy[i], g, depth + 1);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const copy: Record<string, unknown> = { ...value };
    const r = g.float();
    if (keys.length === 0 || r < 0.1) return g.pick(HOSTILE);
    const key = g.pick(keys);
    if (r < 0.2) delete copy[key];
    else if (r < 0.3) copy[g.pick(['extra', 'constructor', 'toString'])] = g.pick(HOSTILE);
    else copy[key] = poke(copy[key], g, depth + 1);
    return copy;
  }
  return g.pick(HOSTILE);
}

const KINDS: JobKind[] = ['simulateRuns', 'rrSets', 'rrCounts', 'rrFirstHits', 'seedSpreads'];

export function shardCase(g: Gen): ClusterCase {
  const kind = g.pick(KINDS);
  const batch = Array.from({ length: 1 + g.int(3) }, () => validInput(g, kind));
  const applied: string[] = [];
  let input: string;
  const data: Record<string, unknown> = {
    v: 1,
    run: 'fuzz-1',
    shard: 0,
    of: 1,
    graph: '0'.repeat(32),
    kind,
    units: batch.length,
    input: '',
  };
  const roll = g.float();
  if (roll < 0.15) {
    input = encodePayload(batch);
  } else if (roll < 0.55) {
    input = encodePayload(poke(batch, g));
    applied.push('value');
  } else if (roll < 0.8) {
    const name = g.pick(Object.keys(MUTATIONS));
    input = new TextDecoder().decode(MUTATIONS[name](utf8(encodePayload(batch)), g));
    applied.push(name);
  } else if (roll < 0.9) {
    const key = g.pick(Object.keys(data));
    data[key] = g.pick(HOSTILE);
    input = encodePayload(batch);
    applied.push(`envelope ${key}`);
  } else {
    input = g.pick([
      '[{"$t":"u32","b":"!!!"}]',
      '[{"$t":"Function","b":""}]',
      '[{"$n":"1e999"}]',
      '{"__proto__":{"polluted":1}}',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      '[{"$t":"f64","b":"AAAA"}]',
    ]);
    applied.push('crafted');
  }
  if (data.input === '') data.input = input;
  const label = `shard ${kind} ${applied.join('+') || 'valid'}`;
  return {
    kind: 'shard',
    label,
    run() {
      const problem = shardDataProblem(data);
      if (problem)
        return {
          outcome: 'rejected',
          problem: applied.length === 0 ? `valid envelope refused: ${problem}` : null,
        };
      let decoded: unknown;
      try {
        decoded = decodePayload(data.input, MAX_INPUT_CHARS);
      } catch (e) {
        if (!(e instanceof PayloadDecodeError))
          return { outcome: 'rejected', problem: `not a PayloadDecodeError: ${(e as Error)?.stack}` };
        return {
          outcome: 'rejected',
          problem: applied.length === 0 ? `valid payload refused: ${e.message}` : null,
        };
      }
      if (!Array.isArray(decoded)) return { outcome: 'rejected', problem: null };
      for (const item of decoded) {
        try {
          checkShardInput(kind, item, { n: SHARD_GRAPH.n, probabilities: false });
        } catch (e) {
          if (!(e instanceof PayloadError))
            return { outcome: 'rejected', problem: `not a PayloadError: ${(e as Error)?.stack}` };
          return {
            outcome: 'rejected',
            problem: applied.length === 0 ? `valid input refused: ${e.message}` : null,
          };
        }
      }
      // Inputs that passed run as a worker would run them (sizes here are small).
      for (const item of decoded) {
        const units =
          (item as { runCount?: number; count?: number; runs?: number }).runCount ??
          (item as { count?: number }).count ??
          0;
        if (units > 10_000 || ((item as { runs?: number }).runs ?? 0) > 1000) continue;
        try {
          runJobLocal(SHARD_GRAPH, kind, item as never);
        } catch (e) {
          // A clear refusal by the job itself (e.g. ic without p on a graph without probabilities)
          // reaches the coordinator as the shard's message; anything else is a missing check.
          if (e instanceof OptionError || e instanceof RangeError)
            return { outcome: 'rejected', problem: null };
          return {
            outcome: 'accepted',
            problem: `an input that passed its schema failed to run: ${(e as Error)?.stack}`,
          };
        }
      }
      if (({} as Record<string, unknown>).polluted !== undefined)
        return { outcome: 'accepted', problem: 'Object.prototype polluted' };
      return { outcome: 'accepted', problem: null };
    },
  };
}

export function clusterCase(seed: number, index: number): ClusterCase {
  const g = new Gen(seed, index);
  return g.chance(0.5) ? snapshotCase(g) : shardCase(g);
}
