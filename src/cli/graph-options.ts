/** Options every command shares: which graph, how to read it, the random seed, JSON output. */

import { defaultWorkerCount } from '../../workers/spawn-node.ts';
import { resolveParams } from '../diffusion/defaults.ts';
import type { ModelName, ModelParams } from '../diffusion/types.ts';
import { DEFAULT_MAX_EDGES } from '../graph/edge-list.ts';
import type { Csr } from '../graph/types.ts';
import {
  DIRECTIONS,
  type Direction,
  EDGE_VALUES,
  type EdgeValues,
  type LoadedGraph,
} from '../graph/types.ts';
import { type OptionSpec, type ParsedOptions, UsageError } from './args.ts';
import { bundledDataset } from './datasets.ts';
import { readGraphFile } from './read-graph-file.ts';

export const GRAPH_OPTIONS: OptionSpec[] = [
  {
    name: 'graph',
    kind: 'string',
    value: 'FILE',
    help: 'edge list (.txt/.csv/.tsv, optionally .gz), .gexf, .graphml or graphology .json',
  },
  {
    name: 'direction',
    kind: 'string',
    value: 'undirected|influences|follows',
    help: "how to read a line 'a b': undirected; influences = a's posts reach b; follows = a follows b, so b's posts reach a (bundled datasets know theirs)",
  },
  {
    name: 'edge-values',
    kind: 'string',
    value: 'probability|weight|ignore',
    help: 'meaning of a third column / weight attribute',
    default: 'probability',
  },
  {
    name: 'header',
    kind: 'string',
    value: 'auto|yes|no',
    help: 'whether the first data line holds column names',
    default: 'auto',
  },
  {
    name: 'max-edges',
    kind: 'integer',
    value: 'N',
    help: 'stop with an error after reading N edges (before merging duplicates): a guard against huge or hostile files',
    default: String(DEFAULT_MAX_EDGES),
  },
  { name: 'json', kind: 'flag', help: 'print exactly one JSON object on stdout' },
  { name: 'help', kind: 'flag', help: 'show this help' },
];

export const RNG_OPTION: OptionSpec = {
  name: 'rng',
  kind: 'integer',
  value: 'N',
  help: 'random seed; the same seed gives the same numbers',
  default: '1',
};

function oneOf<T extends string>(value: unknown, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new UsageError(`--${option}: expected one of ${allowed.join(', ')}, got '${String(value)}'`);
  return value as T;
}

export async function loadGraphOption(options: ParsedOptions): Promise<LoadedGraph> {
  const file = options.graph;
  if (typeof file !== 'string') throw new UsageError('--graph FILE is required');
  const bundled = bundledDataset(file);
  const direction: Direction | undefined =
    oneOf(options.direction, DIRECTIONS, 'direction') ?? bundled?.direction;
  const edgeValues: EdgeValues | undefined =
    oneOf(options['edge-values'], EDGE_VALUES, 'edge-values') ?? bundled?.edgeValues;
  const header = oneOf(options.header, ['auto', 'yes', 'no'] as const, 'header');
  const maxEdges = wholeAtLeast(options, 'max-edges', 1, DEFAULT_MAX_EDGES);
  return readGraphFile(file, { direction, edgeValues, header, maxEdges });
}

export function rngSeed(options: ParsedOptions): number {
  const seed = options.rng ?? 1;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new UsageError(`--rng: expected a whole number from 0 to 4294967295, got ${String(seed)}`);
  }
  return seed;
}

/** A whole-number option that must be at least `min`, or its default. */
export function wholeAtLeast(options: ParsedOptions, name: string, min: number, fallback: number): number {
  const value = (options[name] as number | undefined) ?? fallback;
  if (value < min) throw new UsageError(`--${name}: expected a whole number >= ${min}, got ${value}`);
  return value;
}

/** --workers: how many worker threads (all cores by default). */
export function workerCount(options: ParsedOptions): number {
  return wholeAtLeast(options, 'workers', 1, defaultWorkerCount());
}

/** The model options of `simulate` (--model --p --gamma --phi --max-steps), resolved for the graph. */
export function modelParamsOption(options: ParsedOptions, csr: Csr): ModelParams {
  return resolveParams(
    {
      model: (options.model ?? 'ic') as ModelName,
      ...(options.p !== undefined ? { p: options.p as number } : {}),
      ...(options.gamma !== undefined ? { gamma: options.gamma as number } : {}),
      ...(options.phi !== undefined ? { phi: options.phi as number } : {}),
      ...(options['max-steps'] !== undefined ? { maxSteps: options['max-steps'] as number } : {}),
    },
    csr,
  );
}
