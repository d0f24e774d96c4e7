/**
 * Reverse-reachable (RR) sets (Borgs, Brautbar, Chayes, Lucier, SODA 2014; Tang, Xiao, Shi,
 * SIGMOD 2014): pick a root v uniformly at random, draw a random live-edge world, and collect
 * every node that reaches v in it. For any seed set S, P(S meets an RR set) = sigma(S) / n, so
 * n * (fraction of RR sets hit by S) is an unbiased estimate of the expected spread sigma(S).
 *
 * The world is drawn lazily while walking the in-arcs backwards from the root:
 * - ic / wc: each in-arc (u,v) is live independently with p(u,v) (uniform p, the file's
 *   probabilities, or 1/indegree(v) for weighted cascade): a BFS over in-arcs with coin flips.
 *   When all of v's in-arcs share one p (always for wc and uniform p), the live ones are drawn as
 *   a subset (SUBSIM, Guo, Wang, Wei, Chen, SIGMOD 2020): their number from a Binomial table by
 *   one draw, then which ones (liveCountTables); so a receiver costs one draw when none is live
 *   (most, in sparse worlds), and a high in-degree node with p = 1/indegree O(1), not
 *   O(indegree). Where many live arcs are expected (long tables), geometric skipping (the gap to
 *   the next live arc is Geometric(p)) or coins. Where every receiver has a table, a WebAssembly
 *   kernel (rr-wasm.ts) draws the sets, number for number as icFill would.
 * - lt: every node keeps at most one live in-arc, arc (u,v) with probability w(u,v) (the live-edge
 *   equivalent of linear threshold, Kempe et al. 2003), so the set is a backward random walk that
 *   stops at a node already in the set or when no arc is drawn.
 * Weights are the engine's (src/diffusion/lt.ts): the file's values normalised per receiver, or
 * 1/indegree(v).
 *
 * Set i of stream s is always drawn the same way, from Rng(s, floor(i / RR_BLOCK)) after the sets
 * before it in its block, so a batch of sets is the same whatever worker generated it and however
 * generation was split. Sets are stored flat in typed arrays: nodes of set j are
 * nodes[offsets[j] .. offsets[j+1]).
 */
import { OptionError } from '../diffusion/defaults.ts';
import type { ModelParams } from '../diffusion/types.ts';
import type { Csr } from '../graph/types.ts';
import { mix32, probabilityThreshold, Rng } from '../util/rng.ts';
import { createCompiledRrSampler } from './rr-wasm.ts';

/** The models RR sets exist for (those with a live-edge representation). */
export type RrModel = 'ic' | 'wc' | 'lt';
export const RR_MODELS: readonly RrModel[] = ['ic', 'wc', 'lt'];

/**
 * What the sets estimate. reach: P(S meets a set) = (expected accounts activated by S) / n.
 * exposure: a set is every account that reaches the root *or one of the root's in-neighbours* in
 * the world, so P(S meets it) = (expected accounts that are activated or have an activated
 * in-neighbour, i.e. saw the content at least once) / n.
 */
export type RrTarget = 'reach' | 'exposure';

/** What an RR sampler needs to know of the model: the resolved parameters, reduced. */
export interface RrParams {
  model: RrModel;
  /** ic: uniform probability per arc, or null to use the file's per-arc probabilities. */
  p: number | null;
  /** What the sets estimate [reach]. */
  target?: RrTarget;
}

/** A cache key naming everything that changes the sets of an RrParams. */
export function rrKey(params: RrParams): string {
  return `${params.model}:${params.p}:${params.target ?? 'reach'}`;
}

/** Reduce resolved model parameters to what RR sets use; other models are refused by name. */
export function rrParams(params: Pick<ModelParams, 'model' | 'p'>): RrParams {
  const model = params.model;
  if (model !== 'ic' && model !== 'wc' && model !== 'lt') {
    throw new OptionError(
      `model: seed finding works with ${RR_MODELS.join(', ')} (models with live-edge worlds), got '${model}'`,
    );
  }
  return { model, p: model === 'ic' ? params.p : null };
}

/** The same parameters with another estimate target (reach when absent). */
export function withTarget(params: RrParams, target: RrTarget): RrParams {
  return target === 'reach'
    ? { model: params.model, p: params.p }
    : { model: params.model, p: params.p, target };
}

/** RR sets with indices [first, first + count) of one stream, flat. */
export interface RrBatch {
  first: number;
  count: number;
  /** count + 1 offsets into nodes. */
  offsets: Uint32Array;
  nodes: Uint32Array;
  /** In-arcs looked at while generating (the cost measure, for job sizing). */
  examined: number;
}

export interface RrSampler {
  readonly params: RrParams;
  /** Which sampler draws the ic / wc sets: compiled (rr-wasm.ts) or icFill. */
  readonly engine: 'wasm' | 'js';
  /** Sets first .. first + count - 1 of stream rngSeed. */
  generate(rngSeed: number, first: number, count: number): RrBatch;
  /** Only how many of the sets contain each node (influence scores need no more). */
  count(rngSeed: number, first: number, count: number, into: Uint32Array): number;
}

/** Activation probability of in-arc k of v for ic / wc. */
function inArcProbability(csr: Csr, params: RrParams): (v: number, k: number) => number {
  if (params.model === 'wc') return (v) => 1 / (csr.inOffsets[v + 1] - csr.inOffsets[v]);
  const p = params.p;
  if (p !== null) return () => p;
  const values = csr.inValues;
  if (!values || csr.values !== 'probability')
    throw new OptionError('p: ic without --p needs per-edge probabilities in the graph');
  return (_v, k) => values[k];
}

/** Whether all in-arcs of a receiver share one probability by the model (wc, or ic with --p). */
function perReceiver(params: RrParams): boolean {
  return params.model === 'wc' || params.p !== null;
}

/** 31-bit coin thresholds per in-arc for ic / wc (aligned with csr.inSources). */
export function inArcThresholds(csr: Csr, params: RrParams): Uint32Array {
  const prob = inArcProbability(csr, params);
  const t = new Uint32Array(csr.arcs);
  const off = csr.inOffsets;
  const uniform = perReceiver(params);
  for (let v = 0; v < csr.n; v++) {
    if (off[v + 1] === off[v]) continue;
    // One threshold per receiver when the model says so (the same numbers, a closure call fewer per arc).
    if (uniform) t.fill(probabilityThreshold(prob(v, off[v])), off[v], off[v + 1]);
    else for (let k = off[v]; k < off[v + 1]; k++) t[k] = probabilityThreshold(prob(v, k));
  }
  return t;
}

/**
 * For a model that gives all of a receiver's in-arcs one probability (wc, ic with --p; null for
 * others): per receiver, its coin threshold (inArcThresholds' number, once per node rather than
 * once per in-arc) and sharedLogMiss's value, in one pass. A one-shot `ripple seeds` on an
 * 870k-arc graph spent more filling the per-arc table than drawing its RR sets' coins on low
 * in-degree receivers.
 */
export function receiverTables(
  csr: Csr,
  params: RrParams,
  geometricCost = GEOMETRIC_COST,
): { thresholds: Uint32Array; logMiss: Float64Array } | null {
  if (params.model === 'lt' || !perReceiver(params)) return null;
  const wc = params.model === 'wc';
  const shared = params.p ?? 0;
  const off = csr.inOffsets;
  const thresholds = new Uint32Array(csr.n);
  const logMiss = new Float64Array(csr.n);
  for (let v = 0; v < csr.n; v++) {
    const d = off[v + 1] - off[v];
    if (d === 0) continue;
    const p = wc ? 1 / d : shared;
    thresholds[v] = probabilityThreshold(p);
    logMiss[v] = (1 + d * p) * geometricCost < d ? Math.log1p(-p) : Number.NaN;
  }
  return { thresholds, logMiss };
}

/**
 * Cost of one geometric skip (a logarithm) in coin flips: skipping pays off at receivers whose
 * expected number of draws, 1 + indegree * p, is below indegree / cost.
 */
export const GEOMETRIC_COST = 8;

/**
 * Per receiver v, log(1 - p) when all of v's in-arcs share one probability p and skipping pays
 * off (-Infinity for p = 1, 0 for p = 0), or NaN for one coin flip per arc.
 */
export function sharedLogMiss(csr: Csr, params: RrParams, geometricCost = GEOMETRIC_COST): Float64Array {
  const prob = inArcProbability(csr, params);
  const uniform = perReceiver(params);
  const out = new Float64Array(csr.n);
  for (let v = 0; v < csr.n; v++) {
    const from = csr.inOffsets[v];
    const to = csr.inOffsets[v + 1];
    if (to === from) continue;
    const p = prob(v, from);
    let shared = (1 + (to - from) * p) * geometricCost < to - from;
    if (!uniform) for (let k = from + 1; k < to && shared; k++) shared = prob(v, k) === p;
    out[v] = shared ? Math.log1p(-p) : Number.NaN;
  }
  return out;
}

/**
 * Sets drawn from one random stream: set i of stream s is set i mod RR_BLOCK of those drawn in
 * turn from Rng(s, floor(i / RR_BLOCK)). Seeding SFC32 (four mixes, twelve discarded outputs) cost
 * more than a whole set where most sets are their root alone; a job starting inside a block draws
 * and drops the block's earlier sets (at most RR_BLOCK - 1), so any split gives the same sets.
 */
export const RR_BLOCK = 64;

/** Entries a receiver's live-count table may take (see liveCountTables). */
export const LIVE_TABLE_MAX = 64;

/** Live counts beyond a table's last entry, lumped into it, are rarer than this (below a 32-bit draw's resolution). */
const LIVE_TAIL = 2 ** -40;

/** liveCountTables' `at` for a receiver whose live in-arcs are drawn arc by arc. */
const BY_ARCS = -1;
/** liveCountTables' `at` for a receiver none of whose in-arcs can be live (none, or p = 0). */
const NO_LIVE_ARC = -2;

/** The table of a model without live-count tables. */
const EMPTY_CDF = new Float64Array(0);

/**
 * Live-count tables for models that give all of a receiver's d in-arcs one probability p (wc, ic
 * with --p; null for others), after SUBSIM's subset sampling (Guo, Wang, Wei, Chen, SIGMOD 2020):
 * the number of live in-arcs is Binomial(d, p) and, given that number L, the live ones are a
 * uniform L-subset. One rng.u32() against the cumulative table gives L (in a sparse world usually
 * 0: one comparison where coins cost d draws), L more draws the subset. `at[v]` is where v's
 * table starts in `cdf` (2^32 P(L <= l) for l = 0, 1, ..., the last entry 2^32); BY_ARCS (-1) where
 * the table would be longer than `max` entries (many live arcs expected: coins or geometric skips);
 * NO_LIVE_ARC (-2) where no in-arc can be live (none, or p = 0). Receivers of one in-degree share a
 * table.
 */
export function liveCountTables(
  csr: Csr,
  params: RrParams,
  max = LIVE_TABLE_MAX,
): { at: Int32Array; cdf: Float64Array } | null {
  if (params.model === 'lt' || !perReceiver(params) || max < 2) return null;
  const most = Math.min(max, LIVE_TABLE_MAX);
  const wc = params.model === 'wc';
  const off = csr.inOffsets;
  const at = new Int32Array(csr.n);
  // Each in-degree's table, made when first met (UNMADE before).
  const byDegree = new Int32Array(maxInDegree(off) + 1).fill(UNMADE);
  const cdf: number[] = [];
  for (let v = 0; v < csr.n; v++) {
    const d = off[v + 1] - off[v];
    if (byDegree[d] === UNMADE) byDegree[d] = binomialTable(d, wc ? 1 / d : (params.p as number), most, cdf);
    at[v] = byDegree[d];
  }
  return { at, cdf: Float64Array.from(cdf) };
}

/** liveCountTables' mark of an in-degree whose table is not made yet. */
const UNMADE = -3;

function maxInDegree(inOffsets: Uint32Array): number {
  let most = 0;
  for (let v = 0; v + 1 < inOffsets.length; v++) most = Math.max(most, inOffsets[v + 1] - inOffsets[v]);
  return most;
}

/** Append Binomial(d, p)'s table to `cdf` (see liveCountTables); where it starts, or a code. */
function binomialTable(d: number, p: number, most: number, cdf: number[]): number {
  if (d === 0 || p <= 0) return NO_LIVE_ARC;
  const entries: number[] = [];
  if (p >= 1) {
    // Every arc is live (wc's in-degree 1): L = d.
    for (let l = 0; l < d; l++) entries.push(0);
  } else {
    let mass = (1 - p) ** d;
    let cumulative = 0;
    for (let l = 0; ; l++) {
      // mass 0 at l = 0: (1 - p)^d underflowed, many live arcs expected.
      if (entries.length === most || mass === 0) return BY_ARCS;
      cumulative += mass;
      if (l === d || 1 - cumulative < LIVE_TAIL) break;
      entries.push(cumulative * 2 ** 32);
      mass *= ((d - l) / (l + 1)) * (p / (1 - p));
    }
  }
  if (entries.length >= most) return BY_ARCS;
  entries.push(2 ** 32);
  const start = cdf.length;
  for (const e of entries) cdf.push(e);
  return start;
}

/**
 * Linear threshold weights per in-arc, cumulated per receiver: cumulative[k] = sum of the
 * weights of v's in-arcs up to and including k. Same weights as the simulator's (lt.ts).
 */
export function inArcCumulativeWeights(csr: Csr): Float64Array {
  const cumulative = new Float64Array(csr.arcs);
  const values = csr.inValues;
  for (let v = 0; v < csr.n; v++) {
    const from = csr.inOffsets[v];
    const to = csr.inOffsets[v + 1];
    if (to === from) continue;
    let total = 0;
    if (values) for (let k = from; k < to; k++) total += values[k];
    let running = 0;
    for (let k = from; k < to; k++) {
      const w = values ? (total > 0 ? values[k] / total : 0) : 1 / (to - from);
      running += w;
      cumulative[k] = running;
    }
  }
  return cumulative;
}

/** Which way a sampler draws live arcs (tests force each path). */
export interface RrSamplerPaths {
  /** See GEOMETRIC_COST: 0 skips wherever p is shared, Infinity flips a coin per arc [GEOMETRIC_COST]. */
  geometricCost?: number;
  /** Live-count tables up to this many entries per receiver, 0 for none [LIVE_TABLE_MAX]. */
  liveTableMax?: number;
  /**
   * Where every receiver has a table and the sets estimate reach, the compiled sampler
   * (rr-wasm.ts) where WebAssembly runs, or this file's icFill ['wasm']; the same sets.
   */
  engine?: 'wasm' | 'js';
}

export function createRrSampler(csr: Csr, paramsIn: RrParams, paths: RrSamplerPaths = {}): RrSampler {
  const geometricCost = paths.geometricCost ?? GEOMETRIC_COST;
  const params = {
    ...rrParams(paramsIn),
    ...(paramsIn.target === 'exposure' ? { target: 'exposure' as const } : {}),
  };
  const exposure = params.target === 'exposure';
  const n = csr.n;
  if (n === 0) throw new OptionError('graph: RR sets need at least one node');
  const mark = new Uint32Array(n);
  let stamp = 0;
  let queue = new Uint32Array(Math.min(n, 1024));
  const liveCounts = liveCountTables(csr, params, paths.liveTableMax);
  // Compiled where every receiver has a table (or no live arc) and the sets estimate reach; then
  // icFill's tables are not needed.
  const compiled =
    paths.engine !== 'js' && liveCounts !== null && !exposure && !liveCounts.at.includes(BY_ARCS)
      ? createCompiledRrSampler(csr, liveCounts, LIVE_TABLE_MAX, RR_BLOCK)
      : null;
  const byArcs = params.model !== 'lt' && compiled === null;
  const perNode = byArcs ? receiverTables(csr, params, geometricCost) : null;
  const byReceiver = perNode?.thresholds ?? null;
  const thresholds = byArcs && !perNode ? inArcThresholds(csr, params) : null;
  const logMiss = byArcs ? (perNode?.logMiss ?? sharedLogMiss(csr, params, geometricCost)) : null;
  const cumulative = params.model === 'lt' ? inArcCumulativeWeights(csr) : null;
  /** Scratch for the positions of a receiver's live in-arcs. */
  const picks = new Uint32Array(LIVE_TABLE_MAX);
  let examined = 0;

  const nextStamp = () => {
    stamp++;
    if (stamp === 0xffffffff) {
      mark.fill(0);
      stamp = 1;
    }
    return stamp;
  };
  const grow = () => {
    const bigger = new Uint32Array(Math.min(n, queue.length * 2));
    bigger.set(queue);
    queue = bigger;
  };
  /** `a` with room for at least `length` entries (doubling), contents kept. */
  const grown = (a: Uint32Array, length: number): Uint32Array => {
    const bigger = new Uint32Array(Math.max(2 * a.length, length));
    bigger.set(a);
    return bigger;
  };

  /** SFC32's state (a, b, c, d) handed between icFill and liveByArcs, each keeping it in locals. */
  const rngState = new Int32Array(4);

  /**
   * The live in-arcs of v drawn arc by arc, for receivers without a live-count table: one coin per
   * arc, rng.u31() < threshold (the receiver's, or each arc's), or, where its in-arcs share p and
   * skipping pays off, from live arc to live arc with Geometric(p) gaps from rng.float() (p = 1:
   * every arc). Appends the new nodes (marked `s`) at out[tail ..]; returns the new tail. Out of
   * icFill, whose optimized code stays small when every receiver has a table (V8 compiles a
   * one-shot process's sampler while it runs).
   */
  function liveByArcs(v: number, s: number, out: Uint32Array, tailIn: number): number {
    const src = csr.inSources;
    const end = csr.inOffsets[v + 1];
    let k = csr.inOffsets[v];
    let tail = tailIn;
    let a = rngState[0];
    let b = rngState[1];
    let c = rngState[2];
    let d = rngState[3];
    let t = 0;
    const logMissV = (logMiss as Float64Array)[v];
    if (Number.isNaN(logMissV)) {
      examined += end - k;
      const thrV = byReceiver === null ? -1 : byReceiver[v];
      const thrK = thresholds;
      for (; k < end; k++) {
        const u = src[k];
        if (mark[u] === s) continue;
        t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + t) | 0;
        if (t >>> 1 < (thrK === null ? thrV : thrK[k])) {
          mark[u] = s;
          out[tail++] = u;
        }
      }
    } else if (logMissV !== 0) {
      k--;
      for (;;) {
        examined++;
        if (logMissV === Number.NEGATIVE_INFINITY) k++;
        else {
          t = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + t) | 0;
          k += 1 + Math.floor(Math.log(1 - (t >>> 0) / 4294967296) / logMissV);
        }
        if (k >= end) break;
        const u = src[k];
        if (mark[u] === s) continue;
        mark[u] = s;
        out[tail++] = u;
      }
    }
    rngState[0] = a;
    rngState[1] = b;
    rngState[2] = c;
    rngState[3] = d;
    return tail;
  }

  /**
   * ic / wc: sets first .. first + count - 1 of stream rngSeed, written back to back from out[0]
   * (each set's BFS queue is its own slice of the output: nothing is copied). `offsets` (count + 1)
   * receives the set boundaries; with `into`, each set is counted into it instead of kept (its
   * slice is reused). Returns the array holding the sets (grown as needed) and sets `filled`.
   * The random numbers are those of Rng(rngSeed, block) for the sets of each block of RR_BLOCK,
   * with SFC32 inlined (the state lives in locals: a call per number and an object per block cost
   * more than a set on small graphs); the sets of `first`'s block before it are drawn and dropped.
   * test/seeding/rr-sampler.test.ts checks the sets against the definition written with util/rng.ts.
   */
  function icFill(
    rngSeed: number,
    first: number,
    count: number,
    outIn: Uint32Array,
    offsets: Uint32Array | null,
    into: Uint32Array | null,
  ): Uint32Array {
    const off = csr.inOffsets;
    const src = csr.inSources;
    const liveAt = liveCounts === null ? null : liveCounts.at;
    const cdf = liveCounts === null ? EMPTY_CDF : liveCounts.cdf;
    const seedWord = mix32(rngSeed >>> 0);
    let out = outIn;
    let size = 0;
    let seen = 0;
    let block = Math.floor(first / RR_BLOCK);
    let inBlock = RR_BLOCK;
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    let t = 0;
    for (let j = block * RR_BLOCK - first; j < count; j++) {
      if (inBlock === RR_BLOCK) {
        // Rng(rngSeed, block): seeding and 12 discarded outputs, as in util/rng.ts.
        const streamWord = mix32((block >>> 0) ^ 0x5bd1e995);
        a = mix32(seedWord ^ streamWord) | 0;
        b = mix32(a ^ 0x68e31da4) | 0;
        c = mix32(b ^ streamWord) | 0;
        d = 1;
        for (let i = 0; i < 12; i++) {
          t = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + t) | 0;
        }
        block++;
        inBlock = 0;
      }
      inBlock++;
      const s = nextStamp();
      // Root: rng.below(n).
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      const root = Math.floor(((t >>> 0) / 4294967296) * n);
      // Room for a whole set (at most n nodes) before it is drawn: the loops below never grow the
      // array, so a one-shot process's first optimized code has no untried growth path to leave
      // it by (V8 deoptimizes on code it has no feedback for).
      if (size + n > out.length) out = grown(out, size + n);
      mark[root] = s;
      out[size] = root;
      let tail = size + 1;
      if (exposure) {
        // The root's in-neighbours are roots too: reaching any of them exposes the root.
        for (let k = off[root]; k < off[root + 1]; k++) {
          const u = src[k];
          if (mark[u] === s) continue;
          mark[u] = s;
          out[tail++] = u;
        }
        seen += off[root + 1] - off[root];
      }
      for (let head = size; head < tail; head++) {
        const v = out[head];
        const at = liveAt === null ? BY_ARCS : liveAt[v];
        if (at >= 0) {
          const end = off[v + 1];
          const k = off[v];
          // How many in-arcs are live: rng.u32() on the receiver's cumulative Binomial table.
          t = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + t) | 0;
          const x = t >>> 0;
          let liveArcs = 0;
          while (x >= cdf[at + liveArcs]) liveArcs++;
          seen += 1 + liveArcs;
          if (liveArcs === 0) continue;
          const deg = end - k;
          let chosen = 0;
          if (liveArcs === deg) for (let i = 0; i < deg; i++) picks[chosen++] = i;
          else {
            // Which ones: a uniform subset of liveArcs positions (Floyd's algorithm): for m from
            // deg - liveArcs to deg - 1, rng.below(m + 1), or m when that one is already chosen.
            for (let m = deg - liveArcs; m < deg; m++) {
              t = (((a + b) | 0) + d) | 0;
              d = (d + 1) | 0;
              a = b ^ (b >>> 9);
              b = (c + (c << 3)) | 0;
              c = (((c << 21) | (c >>> 11)) + t) | 0;
              let pos = Math.floor(((t >>> 0) / 4294967296) * (m + 1));
              for (let i = 0; i < chosen; i++)
                if (picks[i] === pos) {
                  pos = m;
                  break;
                }
              picks[chosen++] = pos;
            }
          }
          for (let i = 0; i < chosen; i++) {
            const u = src[k + picks[i]];
            if (mark[u] === s) continue;
            mark[u] = s;
            out[tail++] = u;
          }
          continue;
        }
        if (at === NO_LIVE_ARC) continue;
        // Arc by arc (coins, or geometric skips): SFC32's state goes through rngState.
        rngState[0] = a;
        rngState[1] = b;
        rngState[2] = c;
        rngState[3] = d;
        tail = liveByArcs(v, s, out, tail);
        a = rngState[0];
        b = rngState[1];
        c = rngState[2];
        d = rngState[3];
      }
      if (j < 0) continue; // before `first`: dropped
      if (into) for (let i = size; i < tail; i++) into[out[i]]++;
      else size = tail;
      if (offsets) offsets[j + 1] = size;
    }
    examined += seen;
    filled = size;
    return out;
  }

  /**
   * lt: sets first .. first + count - 1 of stream rngSeed in turn, set j handed to `take` in
   * queue[0 .. len); those of `first`'s block before it are drawn and dropped.
   */
  function ltEach(
    rngSeed: number,
    first: number,
    count: number,
    cum: Float64Array,
    take: (j: number, len: number) => void,
  ): void {
    const rng = new Rng(rngSeed);
    for (let i = first - (first % RR_BLOCK); i < first + count; i++) {
      if (i % RR_BLOCK === 0) rng.reset(rngSeed, i / RR_BLOCK);
      const len = ltSet(rng, cum);
      if (i >= first) take(i - first, len);
    }
  }

  function ltSet(rng: Rng, cum: Float64Array): number {
    const off = csr.inOffsets;
    const src = csr.inSources;
    const s = nextStamp();
    const root = rng.below(n);
    mark[root] = s;
    queue[0] = root;
    let tail = walk(rng, cum, root, s, 1);
    if (exposure) {
      // A walk from each in-neighbour of the root too (each node draws its live in-arc once).
      for (let k = off[root]; k < off[root + 1]; k++) {
        const u = src[k];
        if (mark[u] === s) continue;
        mark[u] = s;
        if (tail === queue.length) grow();
        queue[tail++] = u;
        tail = walk(rng, cum, u, s, tail);
      }
      examined += off[root + 1] - off[root];
    }
    return tail;
  }

  /** The backward walk of LT's live-edge world from v (already marked and queued); returns the new tail. */
  function walk(rng: Rng, cum: Float64Array, start: number, s: number, tailIn: number): number {
    const off = csr.inOffsets;
    const src = csr.inSources;
    let v = start;
    let tail = tailIn;
    for (;;) {
      const from = off[v];
      const to = off[v + 1];
      if (to === from) break;
      // Draw in (0,1] as the simulator's thresholds; arc k is chosen when x <= cumulative[k].
      const x = 1 - rng.float();
      let k = from;
      while (k < to && x > cum[k]) k++;
      examined += k - from + 1;
      if (k === to) break;
      const u = src[k];
      if (mark[u] === s) break;
      mark[u] = s;
      if (tail === queue.length) grow();
      queue[tail++] = u;
      v = u;
    }
    return tail;
  }

  /** Scratch output of icFill, kept between calls (grown as needed). */
  let scratch: Uint32Array = new Uint32Array(1024);
  let filled = 0;
  /** Sets generated so far and the nodes they held, for sizing the scratch output up front. */
  let setsDrawn = 0;
  let entriesDrawn = 0;

  function generate(rngSeed: number, first: number, count: number): RrBatch {
    checkRange(first, count);
    examined = 0;
    const offsets = new Uint32Array(count + 1);
    if (!cumulative) {
      // Room for the sets expected from those drawn so far (a quarter more): no copies while the
      // output grows, and icFill's optimized code rarely meets its growth path, which V8 may not
      // have seen run before.
      if (setsDrawn > 0) {
        const expected = Math.ceil((1.25 * count * entriesDrawn) / setsDrawn) + n;
        if (scratch.length < expected) scratch = new Uint32Array(expected);
      }
      let size = 0;
      if (compiled) {
        let nodes = scratch;
        examined = compiled.chunks(rngSeed, first, count, (j0, drawn, entries, out, ends) => {
          if (size + entries > nodes.length) nodes = grown(nodes, size + entries);
          nodes.set(out.subarray(0, entries), size);
          offsets.set(ends.subarray(0, drawn), j0 + 1);
          size += entries;
        });
        scratch = nodes;
      } else {
        scratch = icFill(rngSeed, first, count, scratch, offsets, null);
        size = filled;
      }
      setsDrawn += count;
      entriesDrawn += size;
      return { first, count, offsets, nodes: scratch.slice(0, size), examined };
    }
    let nodes = new Uint32Array(Math.max(16, count * 4));
    let size = 0;
    ltEach(rngSeed, first, count, cumulative, (j, len) => {
      if (size + len > nodes.length) {
        const bigger = new Uint32Array(Math.max(nodes.length * 2, size + len));
        bigger.set(nodes.subarray(0, size));
        nodes = bigger;
      }
      nodes.set(queue.subarray(0, len), size);
      size += len;
      offsets[j + 1] = size;
    });
    return { first, count, offsets, nodes: nodes.slice(0, size), examined };
  }

  function countInto(rngSeed: number, first: number, count: number, into: Uint32Array): number {
    checkRange(first, count);
    examined = 0;
    if (compiled)
      return compiled.chunks(rngSeed, first, count, (_j0, _drawn, entries, out) => {
        for (let i = 0; i < entries; i++) into[out[i]]++;
      });
    if (!cumulative) {
      scratch = icFill(rngSeed, first, count, scratch, null, into);
      return examined;
    }
    ltEach(rngSeed, first, count, cumulative, (_j, len) => {
      for (let i = 0; i < len; i++) into[queue[i]]++;
    });
    return examined;
  }

  return { params, engine: compiled ? 'wasm' : 'js', generate, count: countInto };
}

function checkRange(first: number, count: number): void {
  if (!Number.isInteger(first) || first < 0 || !Number.isInteger(count) || count < 0)
    throw new Error(`RR sets: bad index range first=${first} count=${count}`);
  // Stream indices are 32-bit (Rng takes the run index as a 32-bit word).
  if (first + count > 0x100000000) throw new Error('RR sets: more than 2^32 sets in one stream');
}

/**
 * A growing collection of RR sets (batches appended in index order), flat in typed arrays, with
 * the inverted index node -> sets built on demand for greedy coverage.
 */
/** Shared memory where the environment allows it (Node; cross-origin isolated pages). */
const SHARABLE =
  typeof SharedArrayBuffer === 'function' &&
  ((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated ?? true);

/**
 * A Uint32Array in shared memory when allowed, so a collection can be handed to a worker (greedy
 * coverage) as a view, without copying tens of megabytes on the page's main thread.
 */
function storage(length: number): Uint32Array {
  return SHARABLE ? new Uint32Array(new SharedArrayBuffer(4 * length)) : new Uint32Array(length);
}

/**
 * The inverted index's offsets: where each node's sets start, for nodes[0 .. size). Each loop of
 * the inversion is a function of its own, so that V8's code optimized while a loop runs (in a
 * one-shot process, greedy's first calls) is not thrown away on reaching a loop that never ran.
 */
function setsPerNode(nodes: Uint32Array, size: number, n: number): Uint32Array {
  const setOffsets = new Uint32Array(n + 1);
  countNodes(nodes, size, setOffsets);
  cumulate(setOffsets);
  return setOffsets;
}

function countNodes(nodes: Uint32Array, size: number, into: Uint32Array): void {
  for (let i = 0; i < size; i++) into[nodes[i] + 1]++;
}

function cumulate(a: Uint32Array): void {
  for (let v = 1; v < a.length; v++) a[v] += a[v - 1];
}

/** setsOf: the sets holding each node, in increasing order, at setOffsets[v] .. setOffsets[v + 1]. */
function setsByNode(
  offsets: Uint32Array,
  nodes: Uint32Array,
  size: number,
  setOffsets: Uint32Array,
): Uint32Array {
  const fill = setOffsets.slice(0, setOffsets.length - 1);
  const setsOf = new Uint32Array(size);
  // One pass over the entries, moving to the next set at its end (sets hold a few nodes each on
  // sparse graphs: a loop per set costs more than its body).
  let j = 0;
  let end = size > 0 ? offsets[1] : 0;
  for (let i = 0; i < size; i++) {
    while (i >= end) end = offsets[++j + 1];
    setsOf[fill[nodes[i]]++] = j;
  }
  return setsOf;
}

export class RrCollection {
  readonly n: number;
  count = 0;
  size = 0;
  offsets: Uint32Array = storage(1024);
  nodes: Uint32Array = storage(4096);

  constructor(n: number) {
    this.n = n;
  }

  /** Make room for `sets` more sets holding `entries` more nodes in all (one copy, not many). */
  reserve(sets: number, entries: number): void {
    if (this.count + sets + 1 > this.offsets.length) {
      const bigger = storage(this.count + sets + 1);
      bigger.set(this.offsets.subarray(0, this.count + 1));
      this.offsets = bigger;
    }
    if (this.size + entries > this.nodes.length) {
      const bigger = storage(this.size + entries);
      bigger.set(this.nodes.subarray(0, this.size));
      this.nodes = bigger;
    }
  }

  append(batch: RrBatch): void {
    const add = batch.nodes.length;
    if (this.size + add > 0xffffffff)
      throw new Error('RR sets: more than 2^32 stored nodes; use a larger --epsilon');
    if (this.count + batch.count + 1 > this.offsets.length) {
      const bigger = storage(Math.max(this.offsets.length * 2, this.count + batch.count + 1));
      bigger.set(this.offsets.subarray(0, this.count + 1));
      this.offsets = bigger;
    }
    if (this.size + add > this.nodes.length) {
      const bigger = storage(Math.max(this.nodes.length * 2, this.size + add));
      bigger.set(this.nodes.subarray(0, this.size));
      this.nodes = bigger;
    }
    this.nodes.set(batch.nodes, this.size);
    shiftInto(this.offsets, this.count, batch.offsets, batch.count, this.size);
    this.count += batch.count;
    this.size += add;
  }

  /** Sets containing each node: setsOf[setOffsets[v] .. setOffsets[v+1]), in increasing order. */
  invert(): { setOffsets: Uint32Array; setsOf: Uint32Array } {
    const setOffsets = setsPerNode(this.nodes, this.size, this.n);
    return { setOffsets, setsOf: setsByNode(this.offsets, this.nodes, this.size, setOffsets) };
  }

  /** Number of sets that contain at least one node of `seeds`. */
  coverage(seeds: readonly number[]): number {
    const chosen = new Uint8Array(this.n);
    for (const s of seeds) chosen[s] = 1;
    let covered = 0;
    for (let j = 0; j < this.count; j++) {
      for (let i = this.offsets[j]; i < this.offsets[j + 1]; i++) {
        if (chosen[this.nodes[i]]) {
          covered++;
          break;
        }
      }
    }
    return covered;
  }

  /** Coverage of each prefix seeds[0..i], i = 0..k-1 (sets hit by the first i+1 seeds). */
  prefixCoverage(seeds: readonly number[]): number[] {
    // Ranks as small integers (seeds.length: not a seed), so the loop compares no doubles.
    const none = seeds.length;
    const rank = new Int32Array(this.n).fill(none);
    seeds.forEach((s, i) => {
      if (rank[s] === none) rank[s] = i;
    });
    const firstHit = firstHits(this.offsets, this.nodes, this.count, rank, none);
    const out: number[] = [];
    let running = 0;
    for (let i = 0; i < seeds.length; i++) {
      running += firstHit[i];
      out.push(running);
    }
    return out;
  }
}

/** to[at + j] = base + from[j] for j = 1 .. count (a batch's offsets placed after `at` sets). */
function shiftInto(to: Uint32Array, at: number, from: Uint32Array, count: number, base: number): void {
  for (let j = 1; j <= count; j++) to[at + j] = base + from[j];
}

/** Per rank r, the sets whose lowest-ranked node has rank r (index `none`: sets with none ranked). */
function firstHits(
  offsets: Uint32Array,
  nodes: Uint32Array,
  count: number,
  rank: Int32Array,
  none: number,
): Float64Array {
  const firstHit = new Float64Array(none + 1);
  for (let j = 0; j < count; j++) {
    let best = none;
    const end = offsets[j + 1];
    for (let i = offsets[j]; i < end; i++) {
      const r = rank[nodes[i]];
      if (r < best) best = r;
    }
    firstHit[best]++;
  }
  return firstHit;
}

/**
 * Where RR sets come from: generated in this thread, or sharded over the worker pool
 * (src/seeding/jobs.ts). Either way set i of stream s is the same set.
 */
export interface RrSource {
  readonly n: number;
  /** Sets [first, first + count) of stream rngSeed, as batches in index order. */
  generate(rngSeed: number, first: number, count: number): Promise<RrBatch[]>;
  /** How many of sets [first, first + count) of stream rngSeed contain each node. */
  counts(rngSeed: number, first: number, count: number): Promise<Uint32Array>;
}

/** RR sets generated in the calling thread (tests, small graphs, the browser's main thread). */
export function localRrSource(csr: Csr, params: RrParams): RrSource {
  const sampler = createRrSampler(csr, params);
  return {
    n: csr.n,
    async generate(rngSeed, first, count) {
      return [sampler.generate(rngSeed, first, count)];
    },
    async counts(rngSeed, first, count) {
      const into = new Uint32Array(csr.n);
      sampler.count(rngSeed, first, count, into);
      return into;
    },
  };
}
