/**
 * Distance analysis of a graph, SNAP's conventions: components, average clustering of the
 * undirected simple graph, and the hop plot of the largest weakly connected component with the
 * diameter, effective diameter and average distance read off it (directed distances along the
 * reach direction for directed graphs).
 *
 * The hop plot is exact (all-sources bit-parallel BFS, split into jobs of sources) or estimated
 * by HyperANF. The work runs through a DistanceRunner, so the CLI shards it over worker threads,
 * the app over Web Workers, and tests run it in this thread.
 */
import type { Csr } from '../../graph/types.ts';
import { BFS_WIDTH } from './bfs.ts';
import { clustering } from './clustering.ts';
import { type ComponentSummary, componentSummary, strongComponents, weakComponents } from './components.ts';
import { cumulative, summarizeHopPlot } from './hop-plot.ts';
import { defaultRegisters, type HyperAnfResult } from './hyperanf.ts';
import { type BfsJobInput, type BfsJobOutput, distanceJobs, type HyperAnfJobInput } from './jobs.ts';

export type DistanceMode = 'auto' | 'exact' | 'approx' | 'none';
export const DISTANCE_MODES: readonly DistanceMode[] = ['auto', 'exact', 'approx', 'none'];

/**
 * auto: exact when (nodes of the largest weak component) x (arcs) is at most this (ego-Facebook
 * is 7e8 and takes 0.1 s on one core; 2e10 takes about 3 s); HyperANF above.
 */
export const EXACT_WORK_LIMIT = 2e10;

/** Arc visits per BFS job: about 100 ms on one core. */
export const JOB_ARC_VISITS = 4e7;

/** Split the sources into at least this many jobs when they allow it (even load, flowing progress). */
export const MIN_JOBS = 16;

export interface DistanceRunner {
  bfs(inputs: BfsJobInput[]): Promise<BfsJobOutput[]>;
  hyperAnf(input: HyperAnfJobInput): Promise<HyperAnfResult>;
}

/** Run the jobs in this thread. */
export function localRunner(csr: Csr): DistanceRunner {
  const ctx = { csr, cache: new Map<string, unknown>() };
  return {
    bfs: async (inputs) => inputs.map((input) => distanceJobs.distanceBfs(ctx, input)),
    hyperAnf: async (input) => distanceJobs.distanceHyperAnf(ctx, input),
  };
}

export interface DistanceOptions {
  mode?: DistanceMode;
  /** HyperANF registers per node (default: defaultRegisters(csr)). */
  registers?: number;
  /** HyperANF hash seed. */
  seed?: number;
  exactWorkLimit?: number;
  runner?: DistanceRunner;
}

export interface DistanceAnalysis {
  avgClustering: number | null;
  triangles: number | null;
  /** Largest finite distance in the largest weak component (HyperANF: its last changing round). */
  diameter: number | null;
  effectiveDiameter: number | null;
  avgDistance: number | null;
  /** hopPlot[h] = ordered pairs within h hops in the largest weak component, h = 0..diameter. */
  hopPlot: number[] | null;
  components: ComponentSummary | null;
  /** true when the hop plot is a HyperANF estimate, null with mode none. */
  approximate: boolean | null;
  /** Nodes of the largest weak component, over which distances are taken. */
  distanceNodes: number | null;
  /**
   * HyperANF only: registers per counter and the relative standard deviation of each estimated
   * hopPlot value (h >= 2; h = 0 and 1 are exact counts of nodes and arcs).
   */
  hyperAnfRegisters?: number;
  relativeError?: number;
}

export const NO_DISTANCES: DistanceAnalysis = {
  avgClustering: null,
  triangles: null,
  diameter: null,
  effectiveDiameter: null,
  avgDistance: null,
  hopPlot: null,
  components: null,
  approximate: null,
  distanceNodes: null,
};

/**
 * Source batches of whole 64-wide searches, each about JOB_ARC_VISITS of work, and at least
 * MIN_JOBS batches when there are enough searches, so every worker gets a share.
 */
export function bfsJobs(sources: Uint32Array, arcs: number): BfsJobInput[] {
  const searches = Math.ceil(sources.length / BFS_WIDTH);
  const perJob = Math.max(
    1,
    Math.min(Math.round(JOB_ARC_VISITS / Math.max(1, 4 * arcs)), Math.ceil(searches / MIN_JOBS)),
  );
  const size = perJob * BFS_WIDTH;
  const jobs: BfsJobInput[] = [];
  for (let from = 0; from < sources.length; from += size)
    jobs.push({ sources: sources.slice(from, Math.min(sources.length, from + size)) });
  return jobs;
}

export async function analyzeDistances(csr: Csr, options: DistanceOptions = {}): Promise<DistanceAnalysis> {
  const mode = options.mode ?? 'auto';
  if (!DISTANCE_MODES.includes(mode))
    throw new Error(`distances: expected one of ${DISTANCE_MODES.join(', ')}, got '${mode}'`);
  if (mode === 'none') return { ...NO_DISTANCES };
  const runner = options.runner ?? localRunner(csr);
  const weak = weakComponents(csr);
  const strong = csr.directed ? strongComponents(csr) : weak;
  const clust = clustering(csr);
  const inLargest = new Uint8Array(csr.n);
  let members = 0;
  for (let v = 0; v < csr.n; v++) {
    if (weak.label[v] === weak.largest && weak.largestSize > 0) {
      inLargest[v] = 1;
      members++;
    }
  }
  const exact =
    mode === 'exact' ||
    (mode === 'auto' && members * csr.arcs <= (options.exactWorkLimit ?? EXACT_WORK_LIMIT));
  const base = {
    avgClustering: clust.average,
    triangles: clust.triangles,
    components: componentSummary(weak, strong),
    distanceNodes: members,
  };
  if (exact) {
    const sources = new Uint32Array(members);
    for (let v = 0, i = 0; v < csr.n; v++) if (inLargest[v]) sources[i++] = v;
    const outputs = await runner.bfs(bfsJobs(sources, csr.arcs));
    const counts: number[] = [];
    for (const { counts: c } of outputs)
      for (let d = 0; d < c.length; d++) counts[d] = (counts[d] ?? 0) + c[d];
    for (let d = 0; d < counts.length; d++) counts[d] ??= 0;
    return { ...base, ...summarizeHopPlot(cumulative(counts)), approximate: false };
  }
  const registers = options.registers ?? defaultRegisters(csr);
  const anf = await runner.hyperAnf({
    registers,
    seed: options.seed ?? 1,
    mask: members === csr.n ? null : inLargest,
  });
  // Pairs within 0 and 1 hops are known exactly: the nodes and their out-arcs.
  const plot = anf.hopPlot.map((x) => Math.round(x));
  if (plot.length > 1) {
    let arcs = 0;
    for (let v = 0; v < csr.n; v++) if (inLargest[v]) arcs += csr.outOffsets[v + 1] - csr.outOffsets[v];
    plot[1] = members + arcs;
    for (let h = 2; h < plot.length; h++) plot[h] = Math.max(plot[h], plot[h - 1]);
  }
  const summary = summarizeHopPlot(plot);
  return {
    ...base,
    ...summary,
    approximate: true,
    hyperAnfRegisters: anf.registers,
    relativeError: anf.relativeError,
  };
}
