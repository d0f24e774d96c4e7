/**
 * The opinion-leader metrics: a registry (`METRICS`), one entry point that computes any of them
 * (`computeMetric` in this thread, `runMetric` through any job runner such as EnginePool.runJobs)
 * and `topK`. Scores follow networkx's conventions so they can be compared with other tools; each
 * module's header states its convention and the direction it reads.
 */
import type { Csr } from '../../graph/types.ts';
import { type BetweennessOptions, type BetweennessPartial, planBetweenness } from './betweenness.ts';
import { type ClosenessOptions, planCloseness } from './closeness.ts';
import { degreeCounts, indegreeCounts, outdegreeCounts } from './degree.ts';
import { eigenvectorCentrality } from './eigenvector.ts';
import { hits } from './hits.ts';
import { type CentralityJobKind, centralityJobs } from './jobs.ts';
import { coreNumbers } from './kcore.ts';
import { pagerankDetailed } from './pagerank.ts';

export const METRIC_NAMES = [
  'degree',
  'indegree',
  'outdegree',
  'pagerank',
  'betweenness',
  'closeness',
  'eigenvector',
  'hits',
  'kcore',
  'influence',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export interface MetricInfo {
  name: MetricName;
  /** Who is an opinion leader by this measure, in a strategist's words. */
  question: string;
  /** The convention of the numbers. */
  convention: string;
  /** Runs as worker jobs (one BFS per source). */
  heavy: boolean;
}

export const METRICS: Record<MetricName, MetricInfo> = {
  degree: {
    name: 'degree',
    question: 'who has the most direct ties',
    convention: 'count of neighbours; in + out arcs when directed (networkx degree)',
    heavy: false,
  },
  indegree: {
    name: 'indegree',
    question: 'who listens to the most accounts',
    convention: 'count of accounts whose posts reach the node directly',
    heavy: false,
  },
  outdegree: {
    name: 'outdegree',
    question: 'whose posts reach the most accounts directly (audience size)',
    convention: 'count of accounts the node reaches in one hop (followers, for a follows-file)',
    heavy: false,
  },
  pagerank: {
    name: 'pagerank',
    question: 'whose audience is itself influential',
    convention: 'PageRank, damping 0.85, sums to 1, L1 change < 1e-10; rank flows from audience to source',
    heavy: false,
  },
  betweenness: {
    name: 'betweenness',
    question: 'who bridges groups: sits on the shortest routes between others',
    convention: 'networkx normalized=True: divided by (n-1)(n-2); sampled sources above a size limit',
    heavy: true,
  },
  closeness: {
    name: 'closeness',
    question: 'whose posts reach everyone in the fewest hops',
    convention: 'networkx default (Wasserman-Faust for disconnected graphs), outgoing reach distance',
    heavy: true,
  },
  eigenvector: {
    name: 'eigenvector',
    question: 'who reaches accounts that themselves reach many',
    convention: 'principal eigenvector, unit Euclidean norm (networkx eigenvector_centrality)',
    heavy: false,
  },
  hits: {
    name: 'hits',
    question: 'authorities: accounts followed by the keenest listeners',
    convention: 'HITS authority scores, sum 1 (networkx hits); hubs reported alongside',
    heavy: false,
  },
  kcore: {
    name: 'kcore',
    question: 'who sits in the dense, tightly knit core of the network',
    convention: 'core number (networkx core_number; in + out degree when directed)',
    heavy: false,
  },
  influence: {
    name: 'influence',
    question: 'whose posts, seeded alone, spread furthest under the cascade model',
    convention: 'expected cascade size as a lone seed, estimated from reverse-reachable sets',
    heavy: true,
  },
};

export interface MetricOptions {
  /** Betweenness sampling (betweenness.ts). */
  betweenness?: BetweennessOptions;
  /** Closeness sampling (closeness.ts). */
  closeness?: ClosenessOptions;
  /** Sources per worker job for betweenness and closeness [0: sized to about 100 ms each]. */
  batchSources?: number;
  /** Power iterations at most [1000]. */
  maxIterations?: number;
}

export interface MetricResult {
  metric: MetricName;
  scores: Float64Array;
  /** True when the scores are a sampled estimate. */
  approximate: boolean;
  /**
   * Sampled betweenness or closeness: sources used and each node's 95% half-width; betweenness
   * also states a simultaneous error bound for every node and its confidence.
   */
  sampling?: { samples: number; halfWidth95: Float64Array; error?: number; confidence?: number };
  /** Power iterations: whether they converged, and after how many steps. */
  iteration?: { iterations: number; converged: boolean };
  /** HITS hub scores (the metric's scores are the authorities). */
  hubs?: Float64Array;
}

/** Runs a list of job inputs of one kind and resolves to the outputs in input order. */
export type JobRunner = (kind: CentralityJobKind, inputs: readonly unknown[]) => Promise<unknown[]>;

/** Run the jobs here, one after the other (tests, small graphs, browser main thread). */
export function localRunner(csr: Csr): JobRunner {
  const cache = new Map<string, unknown>();
  return async (kind, inputs) => inputs.map((input) => runLocal(csr, cache, kind, input));
}

function runLocal(csr: Csr, cache: Map<string, unknown>, kind: CentralityJobKind, input: unknown): unknown {
  // biome-ignore lint/suspicious/noExplicitAny: the plan built the input for this very kind
  return (centralityJobs[kind] as (ctx: unknown, input: any) => unknown)({ csr, cache }, input);
}

export class MetricUnavailableError extends Error {
  constructor(metric: string, why: string) {
    super(`metric ${metric} is not available ${why}`);
    this.name = 'MetricUnavailableError';
  }
}

/** A heavy metric as worker jobs: the inputs of one job kind and the merge of their outputs. */
export interface MetricPlan {
  kind: CentralityJobKind;
  inputs: readonly unknown[];
  /** Arc visits the batches make, when known in advance (betweenness: sources x arcs). */
  work?: number;
  finish(outputs: readonly unknown[]): MetricResult;
}

/** The job plan of a heavy metric (betweenness, closeness), or null for the light ones. */
export function planMetric(csr: Csr, name: MetricName, options: MetricOptions = {}): MetricPlan | null {
  if (name === 'betweenness') {
    const plan = planBetweenness(csr, { batchSources: options.batchSources, ...options.betweenness });
    const sources = plan.inputs.reduce((total, batch) => total + batch.sources.length, 0);
    return {
      kind: 'betweennessBatch',
      inputs: plan.inputs,
      work: sources * (csr.arcs + csr.n),
      finish(outputs) {
        const result = plan.finish(outputs as BetweennessPartial[]);
        return {
          metric: name,
          scores: result.scores,
          approximate: result.approximate,
          ...(result.approximate && result.halfWidth95
            ? {
                sampling: {
                  samples: result.samples,
                  error: result.error,
                  confidence: result.confidence,
                  halfWidth95: result.halfWidth95,
                },
              }
            : {}),
        };
      },
    };
  }
  if (name === 'closeness') {
    const plan = planCloseness(csr, { batchSources: options.batchSources, ...options.closeness });
    return {
      kind: plan.kind,
      inputs: plan.inputs,
      finish(outputs) {
        const result = plan.finish(outputs);
        return {
          metric: name,
          scores: result.scores,
          approximate: result.approximate,
          ...(result.halfWidth95
            ? { sampling: { samples: result.samples, halfWidth95: result.halfWidth95 } }
            : {}),
        };
      },
    };
  }
  return null;
}

/** Any metric, with the heavy ones sharded through `runner` (e.g. EnginePool.runJobs). */
export async function runMetric(
  csr: Csr,
  name: MetricName,
  options: MetricOptions = {},
  runner: JobRunner = localRunner(csr),
): Promise<MetricResult> {
  const plan = planMetric(csr, name, options);
  if (!plan) return computeLightMetric(csr, name, options);
  return plan.finish(await runner(plan.kind, plan.inputs));
}

/**
 * Below this many seconds of work left, a heavy metric runs in this thread rather than start
 * worker threads (each costs about 0.1-0.2 s to start and to receive the graph).
 */
export const INLINE_SECONDS = 0.3;

/** Arc visits beyond which a plan goes to the workers without timing its first batch. */
export const SURE_WORK = 3e8;

/**
 * A heavy metric's plan, run where it is fastest: the first batch here, timed; the others here as
 * well if at that pace they take less than `inlineSeconds`, else through `remote` (e.g. a pool,
 * started only then). A plan whose known work exceeds SURE_WORK sends the others to `remote`
 * first, so the workers start while this thread runs the first batch. Every batch is a pure
 * function of its input, so the result is the same either way. `remote` gets the inputs left;
 * the result says whether it was used.
 */
export async function runPlanWhereFastest(
  csr: Csr,
  plan: MetricPlan,
  remote: JobRunner,
  inlineSeconds = INLINE_SECONDS,
): Promise<{ result: MetricResult; remote: boolean }> {
  const local = localRunner(csr);
  const rest = plan.inputs.slice(1);
  if (rest.length > 0 && (plan.work ?? 0) > SURE_WORK) {
    const others = remote(plan.kind, rest);
    others.catch(() => {}); // a rejection is seen below, after the first batch
    const first = await local(plan.kind, plan.inputs.slice(0, 1));
    return { result: plan.finish([...first, ...(await others)]), remote: true };
  }
  const started = performance.now();
  const first = await local(plan.kind, plan.inputs.slice(0, 1));
  const seconds = (performance.now() - started) / 1000;
  const goRemote = rest.length > 0 && seconds * rest.length > inlineSeconds;
  const others = rest.length === 0 ? [] : await (goRemote ? remote : local)(plan.kind, rest);
  return { result: plan.finish([...first, ...others]), remote: goRemote };
}

/** Any metric, computed in this thread (synchronously). */
export function computeMetric(csr: Csr, name: MetricName, options: MetricOptions = {}): MetricResult {
  const plan = planMetric(csr, name, options);
  if (!plan) return computeLightMetric(csr, name, options);
  const cache = new Map<string, unknown>();
  return plan.finish(plan.inputs.map((input) => runLocal(csr, cache, plan.kind, input)));
}

function computeLightMetric(csr: Csr, name: MetricName, options: MetricOptions): MetricResult {
  const maxIterations = options.maxIterations;
  switch (name) {
    case 'degree':
      return { metric: name, scores: degreeCounts(csr), approximate: false };
    case 'indegree':
      return { metric: name, scores: indegreeCounts(csr), approximate: false };
    case 'outdegree':
      return { metric: name, scores: outdegreeCounts(csr), approximate: false };
    case 'kcore':
      return { metric: name, scores: Float64Array.from(coreNumbers(csr)), approximate: false };
    case 'pagerank': {
      const r = pagerankDetailed(csr, maxIterations ? { maxIterations } : {});
      return {
        metric: name,
        scores: r.scores,
        approximate: false,
        iteration: { iterations: r.iterations, converged: r.converged },
      };
    }
    case 'eigenvector': {
      const r = eigenvectorCentrality(csr, { maxIterations });
      return {
        metric: name,
        scores: r.scores,
        approximate: false,
        iteration: { iterations: r.iterations, converged: r.converged },
      };
    }
    case 'hits': {
      const r = hits(csr, { maxIterations });
      return {
        metric: name,
        scores: r.authorities,
        hubs: r.hubs,
        approximate: false,
        iteration: { iterations: r.iterations, converged: r.converged },
      };
    }
    case 'influence':
      throw new MetricUnavailableError(
        name,
        'here: it needs reverse-reachable sets, see influenceScores in src/seeding/influence.ts',
      );
    default:
      throw new RangeError(`unknown metric '${String(name)}' (metrics: ${METRIC_NAMES.join(', ')})`);
  }
}

export { topK } from '../../util/top-k.ts';
export { type BetweennessOptions, planBetweenness } from './betweenness.ts';
export { planCloseness } from './closeness.ts';
export { coreNumbers } from './kcore.ts';
export { pagerank, pagerankDetailed } from './pagerank.ts';
