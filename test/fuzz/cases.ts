/**
 * Fuzz cases and what each must end with: a well-formed graph or one clear error (a LoadError
 * naming the file, a ScenarioError for links), Object.prototype and friends untouched, and the
 * same outcome whether the bytes arrive whole or in random chunks. Used by runner.ts, which runs
 * them in a child process with a memory and a time watch.
 */

import { gzipSync } from 'node:zlib';
import { decodeScenarioHash } from '../../src/app/persist/hash.ts';
import { ScenarioError } from '../../src/app/persist/validate.ts';
import { nodeLoadServices } from '../../src/cli/common/read-graph-file.ts';
import { type LoadOptions, loadGraph } from '../../src/graph/load.ts';
import { LoadError } from '../../src/graph/load-error.ts';
import { DIRECTIONS, EDGE_VALUES, type LoadedGraph } from '../../src/graph/types.ts';
import { checkShape } from '../graph/support.ts';

export { prototypeSnapshot, snapshotChanges } from '../support/prototype-watch.ts';

import {
  edgeListText,
  fromScratch,
  Gen,
  gexfText,
  graphmlText,
  gzipBomb,
  jsonText,
  mutate,
  scenarioHash,
  utf8,
} from './generators.ts';

export type FuzzCase =
  | {
      kind: 'load';
      label: string;
      file: string;
      bytes: Uint8Array;
      options: Omit<LoadOptions, 'file'>;
      /** Chunk sizes to stream the bytes in as well (the outcome must not change), or null. */
      chunks: number[] | null;
    }
  | { kind: 'link'; label: string; hash: string };

const BASES = ['txt', 'csv', 'tsv', 'gexf', 'graphml', 'json'] as const;

function baseText(g: Gen, format: (typeof BASES)[number]): string {
  if (format === 'gexf') return gexfText(g);
  if (format === 'graphml') return graphmlText(g);
  if (format === 'json') return jsonText(g);
  return edgeListText(g, format);
}

/** Bombs are made once per kind: a few MiB of gzip, tens of MiB inside. */
const bombs = new Map<string, Uint8Array>();
function bomb(unit: string, mib: number): Uint8Array {
  const key = `${JSON.stringify(unit)}x${mib}`;
  let b = bombs.get(key);
  if (!b) {
    b = gzipBomb(unit, mib << 20);
    bombs.set(key, b);
  }
  return b;
}

/** Case `index` of the run with `seed`: the same pair always gives the same case. */
export function makeCase(seed: number, index: number): FuzzCase {
  const g = new Gen(seed, index);
  const roll = g.float();
  if (roll < 0.08) {
    let hash = scenarioHash(g);
    const applied: string[] = [];
    if (g.chance(0.8)) {
      const m = mutate(utf8(hash), g);
      hash = new TextDecoder().decode(m.bytes);
      applied.push(...m.applied);
    }
    if (g.chance(0.1))
      hash = hash.replace('&rng=', g.pick(['&__proto__=1&rng=', '&constructor=x&rng=', '&rng=1&rng=']));
    return { kind: 'link', label: `link ${applied.join('+') || 'valid'}`, hash };
  }
  const options: Omit<LoadOptions, 'file'> = {
    direction: g.chance(0.1) ? undefined : g.pick(DIRECTIONS),
    edgeValues: g.pick(EDGE_VALUES),
    header: g.pick(['auto', 'auto', 'yes', 'no'] as const),
  };
  if (g.chance(0.05)) options.maxEdges = 1 + g.int(20);
  if (g.chance(0.05)) options.maxTextBytes = 1 + g.int(4000);
  const chunks = g.chance(0.3) ? chunking(g) : null;
  if (roll < 0.105) {
    const unit = g.pick(['\0', ' ', '1 2\n', '# c\n', '\n', '<a>', 'é\n', '{"nodes":[']);
    const mib = 1 + g.int(8);
    if (unit === '1 2\n') options.maxEdges = 1 + g.int(100_000);
    // xmldom reads about 100,000 elements a second: a larger cap would test its speed, not ours.
    if (unit === '<a>' || unit === '{"nodes":[') options.maxTextBytes = 1 + g.int(256 << 10);
    const file = g.pick(['bomb.txt.gz', 'bomb.gz', 'bomb.json.gz', 'bomb.graphml.gz']);
    return {
      kind: 'load',
      label: `bomb ${JSON.stringify(unit)} ${mib} MiB ${file}`,
      file,
      bytes: bomb(unit, mib),
      options,
      chunks: null,
    };
  }
  if (roll < 0.2) {
    const file = g.pick([
      'random.txt',
      'random.csv',
      'random.gexf',
      'random.json',
      'random.graphml',
      'random.bin',
      'random.gz',
    ]);
    return { kind: 'load', label: `scratch ${file}`, file, bytes: fromScratch(g), options, chunks };
  }
  const format = g.pick(BASES);
  let bytes = utf8(baseText(g, format));
  const applied: string[] = [];
  if (g.chance(0.7)) {
    const m = mutate(bytes, g);
    bytes = m.bytes;
    applied.push(...m.applied);
  }
  let file = `fuzz.${format}`;
  let label = `${format} ${applied.join('+') || 'valid'}`;
  if (g.chance(0.15)) {
    bytes = gzipSync(bytes);
    file += '.gz';
    label += ' gz';
    if (g.chance(0.3)) {
      const m = mutate(bytes, g);
      bytes = m.bytes;
      label += ` then ${m.applied.join('+')}`;
      // Where corrupt gzip is noticed depends on how zlib's output is cut: no same-outcome check.
      return { kind: 'load', label, file, bytes, options, chunks: null };
    }
  }
  return { kind: 'load', label, file, bytes, options, chunks };
}

function chunking(g: Gen): number[] {
  if (g.chance(0.5)) return [g.pick([1, 2, 3, 5, 7, 64, 65, 1000, 4096, 65536])];
  return Array.from({ length: 1 + g.int(8) }, () => 1 + g.int(g.chance(0.5) ? 8 : 5000));
}

async function* streamed(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let k = 0;
  // Tiny chunks only for small inputs: every chunk is an await.
  const least = bytes.length > 20_000 ? 64 : 1;
  for (let at = 0; at < bytes.length; k++) {
    const size = Math.max(least, sizes[k % sizes.length]);
    yield bytes.slice(at, at + size);
    at += size;
  }
}

export interface CaseResult {
  outcome: 'loaded' | 'rejected';
  /** What went wrong, or null. */
  problem: string | null;
}

export async function runCase(c: FuzzCase): Promise<CaseResult> {
  if (c.kind === 'link') return runLink(c.hash);
  const first = await loadOnce(c.bytes, c);
  if (first.problem || !c.chunks) return first;
  const second = await loadOnce(streamed(c.bytes, c.chunks), c);
  if (second.problem) return second;
  if (second.signature !== first.signature) {
    return {
      outcome: first.outcome,
      problem: `streamed in chunks of ${c.chunks.join(',')} the outcome differs:\n  whole:    ${first.signature.slice(0, 400)}\n  streamed: ${second.signature.slice(0, 400)}`,
    };
  }
  return first;
}

async function loadOnce(
  input: Uint8Array | AsyncIterable<Uint8Array>,
  c: Extract<FuzzCase, { kind: 'load' }>,
): Promise<CaseResult & { signature: string }> {
  let g: LoadedGraph;
  try {
    g = await loadGraph(input, { ...nodeLoadServices, ...c.options, file: c.file });
  } catch (e) {
    return {
      outcome: 'rejected',
      problem: loadErrorProblem(e, c.file),
      signature: `error ${(e as Error).message}`,
    };
  }
  try {
    checkShape(g);
  } catch (e) {
    return { outcome: 'loaded', problem: (e as Error).message, signature: '' };
  }
  const signature = JSON.stringify({
    ids: g.ids,
    out: Array.from(g.csr.outTargets),
    offsets: Array.from(g.csr.outOffsets),
    values: g.csr.outValues ? Array.from(g.csr.outValues) : null,
    labels: g.labels,
    positions: g.positions ? Array.from(g.positions) : null,
    report: g.report,
  });
  return { outcome: 'loaded', problem: null, signature };
}

/** Why an error thrown by loadGraph is not the one clear LoadError it must be, or null. */
function loadErrorProblem(e: unknown, file: string): string | null {
  if (!(e instanceof LoadError)) return `not a LoadError: ${e instanceof Error ? e.stack : String(e)}`;
  const m = e.message;
  if (!m.startsWith(`${file}:`) && !m.startsWith(`${file} <`))
    return `the message does not start with the file name: ${m}`;
  if (m.includes(`${file}: ${file}`)) return `doubled prefix: ${m}`;
  // The safety nets (an unexpected exception wrapped by loadGraph) are LoadErrors too, but
  // reaching them means a check is missing.
  if (m.includes('could not be read (')) return `safety net reached: ${m}`;
  if (m.includes('\n')) return `a message of several lines: ${JSON.stringify(m)}`;
  if (m.length > 1500) return `a message of ${m.length} characters`;
  return null;
}

function runLink(hash: string): CaseResult {
  try {
    decodeScenarioHash(hash);
    return { outcome: 'loaded', problem: null };
  } catch (e) {
    if (!(e instanceof ScenarioError))
      return {
        outcome: 'rejected',
        problem: `not a ScenarioError: ${e instanceof Error ? e.stack : String(e)}`,
      };
    if (!e.message.startsWith('link: '))
      return { outcome: 'rejected', problem: `no 'link:' prefix: ${e.message}` };
    if (e.message.startsWith('link: link:'))
      return { outcome: 'rejected', problem: `doubled prefix: ${e.message}` };
    return { outcome: 'rejected', problem: null };
  }
}
