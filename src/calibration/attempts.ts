/**
 * Activation attempts in observed cascades, in discrete steps (the independent cascade's view,
 * Kempe, Kleinberg, Tardos 2003; Saito, Nakano, Kimura, KES 2008):
 *
 *   an account u that adopted at step t makes one attempt on each out-neighbour v that had not
 *   adopted by step t. If v adopts at t+1, its a attempts of step t are one success event (at
 *   least one of them worked: log(1-(1-p)^a)); otherwise they are a failures (a·log(1-p)).
 *
 * The other same-step attempts on an adopter are not failures: several can succeed at once, and
 * counting them as failures biases p low. One pass over the out-arcs of every adopter tallies what
 * the likelihoods need: the success events by number of attempters, the failures, and, when asked,
 * the same per community of the attempter; plus the log-likelihoods of the two models with no
 * free parameter, weighted cascade (p(u,v) = 1/indegree(v)) and linear threshold (weights
 * 1/indegree(v), thresholds uniform). Adopters after the first step that no adopter of the step
 * before could reach are counted as unexplained (outside starts) and contribute nothing.
 */
import { weightedCascadeProbabilities } from '../diffusion/ic.ts';
import { linearThresholdWeights } from '../diffusion/lt.ts';
import type { Csr } from '../graph/types.ts';
import type { Cascade } from './cascade-log.ts';

/** Success events that share their attempters' communities and counts, with their multiplicity. */
export interface EventPatterns {
  /** Pattern j has entries [offsets[j], offsets[j+1]) of communities and counts. */
  offsets: Uint32Array;
  communities: Uint32Array;
  counts: Uint32Array;
  /** How many success events have pattern j. */
  multiplicity: Float64Array;
}

export interface AttemptTally {
  cascades: number;
  /** Every attempt (successful or not). */
  attempts: number;
  /** Attempts on accounts that did not adopt the step after. */
  failures: number;
  /** Success events: `events[i]` adopters had `attempters[i]` attempters (attempters ascending). */
  attempters: Float64Array;
  events: Float64Array;
  /** Adopters at a cascade's first step. */
  firstAdopters: number;
  /** Adopters after the first step that an adopter of the step before reached. */
  explained: number;
  /** Adopters after the first step that no adopter of the step before reached. */
  unexplained: number;
  /** Log-likelihood of weighted cascade and linear threshold (-Infinity: impossible under it). */
  wcLogLikelihood: number;
  ltLogLikelihood: number;
  /** Per community of the attempter, when communities were given. */
  byCommunity: {
    count: number;
    failures: Float64Array;
    attempts: Float64Array;
    patterns: EventPatterns;
  } | null;
}

/** Below this, 1 - W of linear threshold is taken as 0 (the data are impossible under LT). */
const LT_EPS = 1e-12;

/**
 * Tally the attempts of every cascade. `community` (one label per node, 0..count-1) adds the
 * per-community tallies. Costs one pass over the out-arcs of every adopter.
 */
export function tallyAttempts(
  csr: Csr,
  cascades: readonly Cascade[],
  community: { labels: Uint32Array; count: number } | null = null,
): AttemptTally {
  const { n, outOffsets, outTargets } = csr;
  const wcLog = wcLogFailures(csr);
  const ltWeight = linearThresholdWeights(csr);
  const K = community?.count ?? 0;
  const labels = community?.labels ?? null;

  // Per-node scratch, valid where mark[v] === epoch (no O(n) reset per cascade).
  const mark = new Uint32Array(n);
  const adoptStep = new Uint32Array(n);
  const ltMark = new Uint32Array(n);
  const reached = new Uint32Array(n);
  const ltTotal = new Float64Array(n);
  const count = new Uint32Array(n);
  const wcSum = new Float64Array(n);
  const ltSum = new Float64Array(n);
  const touched = new Uint32Array(n);
  const exposedNever: number[] = [];
  // Attempter communities of each touched node: a linked list through `next`.
  const head = labels ? new Int32Array(n).fill(-1) : null;
  let linkNext = new Int32Array(labels ? 1024 : 0);
  let linkComm = new Uint32Array(labels ? 1024 : 0);
  const perComm = new Float64Array(K);
  const commTouched: number[] = [];
  const failuresC = new Float64Array(K);
  const attemptsC = new Float64Array(K);
  const patternIndex = new Map<string, number>();
  const patOffsets: number[] = [0];
  const patComms: number[] = [];
  const patCounts: number[] = [];
  const patMult: number[] = [];

  const events = new Map<number, number>();
  let attempts = 0;
  let failures = 0;
  let firstAdopters = 0;
  let explained = 0;
  let unexplained = 0;
  let wc = 0;
  let lt = 0;
  let epoch = 0;

  for (const c of cascades) {
    epoch++;
    const m = c.nodes.length;
    for (let i = 0; i < m; i++) {
      mark[c.nodes[i]] = epoch;
      adoptStep[c.nodes[i]] = c.steps[i];
    }
    exposedNever.length = 0;
    let i = 0;
    while (i < m && c.steps[i] === 0) i++;
    firstAdopters += i;
    // The adopters of step t are [from, to); the next group starts at `to`.
    let from = 0;
    while (from < m) {
      const t = c.steps[from];
      let to = from;
      while (to < m && c.steps[to] === t) to++;
      let touchedCount = 0;
      let links = 0;
      for (let j = from; j < to; j++) {
        const u = c.nodes[j];
        const cu = labels ? labels[u] : 0;
        for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) {
          const v = outTargets[k];
          if (mark[v] === epoch && adoptStep[v] <= t) continue;
          if (count[v] === 0) touched[touchedCount++] = v;
          count[v]++;
          wcSum[v] += wcLog[k];
          ltSum[v] += ltWeight[k];
          if (head) {
            if (links === linkNext.length) {
              linkNext = growInt(linkNext);
              linkComm = growUint(linkComm);
            }
            linkComm[links] = cu;
            linkNext[links] = head[v];
            head[v] = links++;
          }
        }
      }
      for (let j = 0; j < touchedCount; j++) {
        const v = touched[j];
        const a = count[v];
        attempts += a;
        const adopts = mark[v] === epoch && adoptStep[v] === t + 1;
        if (adopts) {
          reached[v] = epoch;
          events.set(a, (events.get(a) ?? 0) + 1);
          wc += Math.log(-Math.expm1(wcSum[v]));
          lt += Math.log(ltSum[v]);
        } else {
          failures += a;
          wc += wcSum[v];
          if (mark[v] !== epoch) {
            if (ltMark[v] !== epoch) {
              ltMark[v] = epoch;
              ltTotal[v] = 0;
              exposedNever.push(v);
            }
            ltTotal[v] += ltSum[v];
          }
        }
        if (head && labels) {
          for (let l = head[v]; l >= 0; l = linkNext[l]) {
            const cc = linkComm[l];
            if (perComm[cc] === 0) commTouched.push(cc);
            perComm[cc]++;
          }
          head[v] = -1;
          commTouched.sort((x, y) => x - y);
          let key = '';
          for (const cc of commTouched) {
            attemptsC[cc] += perComm[cc];
            if (adopts) key += `${cc}:${perComm[cc]},`;
            else failuresC[cc] += perComm[cc];
          }
          if (adopts) {
            let p = patternIndex.get(key);
            if (p === undefined) {
              p = patMult.length;
              patternIndex.set(key, p);
              for (const cc of commTouched) {
                patComms.push(cc);
                patCounts.push(perComm[cc]);
              }
              patOffsets.push(patComms.length);
              patMult.push(0);
            }
            patMult[p]++;
          }
          for (const cc of commTouched) perComm[cc] = 0;
          commTouched.length = 0;
        }
        count[v] = 0;
        wcSum[v] = 0;
        ltSum[v] = 0;
      }
      from = to;
    }
    // Adopters after the first step that no adopter of the step before reached came from outside.
    for (let j = i; j < m; j++) {
      if (reached[c.nodes[j]] === epoch) explained++;
      else unexplained++;
    }
    for (const v of exposedNever) {
      const rest = 1 - ltTotal[v];
      lt += rest > LT_EPS ? Math.log(rest) : Number.NEGATIVE_INFINITY;
    }
  }

  const sorted = [...events.keys()].sort((x, y) => x - y);
  return {
    cascades: cascades.length,
    attempts,
    failures,
    attempters: Float64Array.from(sorted),
    events: Float64Array.from(sorted, (a) => events.get(a) as number),
    firstAdopters,
    explained,
    unexplained,
    wcLogLikelihood: wc,
    ltLogLikelihood: lt,
    byCommunity: labels
      ? {
          count: K,
          failures: failuresC,
          attempts: attemptsC,
          patterns: {
            offsets: Uint32Array.from(patOffsets),
            communities: Uint32Array.from(patComms),
            counts: Uint32Array.from(patCounts),
            multiplicity: Float64Array.from(patMult),
          },
        }
      : null,
  };
}

/** log(1 - 1/indegree(v)) per out-arc u -> v: a failed weighted-cascade attempt. */
function wcLogFailures(csr: Csr): Float64Array {
  const p = weightedCascadeProbabilities(csr);
  for (let k = 0; k < p.length; k++) p[k] = Math.log1p(-p[k]);
  return p;
}

function growInt(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

function growUint(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(2 * a.length);
  b.set(a);
  return b;
}
