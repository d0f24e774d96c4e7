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
  /** Pattern j as text ('c:a,' per community), to merge tallies of several parts. */
  keys: string[];
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
  cascades: readonly Pick<Cascade, 'nodes' | 'steps'>[],
  community: { labels: Uint32Array; count: number } | null = null,
): AttemptTally {
  const { n, outOffsets, outTargets } = csr;
  const { inOffsets } = csr;
  // Weighted cascade's p(u,v) = 1/indegree(v) depends on v alone, and so does linear threshold's
  // weight unless the file gives weights: then the sums are count x the value of v.
  const ltPerArc = csr.outValues ? linearThresholdWeights(csr) : null;
  const K = community?.count ?? 0;
  const labels = community?.labels ?? null;

  // Per-node scratch, valid where mark[v] === epoch (no O(n) reset per cascade).
  const mark = new Uint32Array(n);
  const adoptStep = new Uint32Array(n);
  const ltMark = new Uint32Array(n);
  const reached = new Uint32Array(n);
  const ltTotal = new Float64Array(n);
  const count = new Uint32Array(n);
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
  let wcLL = 0;
  let ltLL = 0;
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
          if (ltPerArc) ltSum[v] += ltPerArc[k];
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
        const indegree = inOffsets[v + 1] - inOffsets[v];
        const wcLog = a * Math.log1p(-1 / indegree);
        const lt = ltPerArc ? ltSum[v] : a / indegree;
        const adopts = mark[v] === epoch && adoptStep[v] === t + 1;
        if (adopts) {
          reached[v] = epoch;
          events.set(a, (events.get(a) ?? 0) + 1);
          wcLL += Math.log(-Math.expm1(wcLog));
          ltLL += Math.log(lt);
        } else {
          failures += a;
          wcLL += wcLog;
          if (mark[v] !== epoch) {
            if (ltMark[v] !== epoch) {
              ltMark[v] = epoch;
              ltTotal[v] = 0;
              exposedNever.push(v);
            }
            ltTotal[v] += lt;
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
      ltLL += rest > LT_EPS ? Math.log(rest) : Number.NEGATIVE_INFINITY;
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
    wcLogLikelihood: wcLL,
    ltLogLikelihood: ltLL,
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
            keys: [...patternIndex.keys()],
          },
        }
      : null,
  };
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

/**
 * One tally from the tallies of consecutive parts of a log (in order, so sums are the same for a
 * given split): counts add up, success events by attempters and community patterns merge by key.
 */
export function mergeTallies(parts: readonly AttemptTally[]): AttemptTally {
  const events = new Map<number, number>();
  const first = parts[0];
  const K = first.byCommunity?.count ?? 0;
  const failuresC = new Float64Array(K);
  const attemptsC = new Float64Array(K);
  const index = new Map<string, number>();
  const offsets = [0];
  const comms: number[] = [];
  const counts: number[] = [];
  const mult: number[] = [];
  const out = {
    cascades: 0,
    attempts: 0,
    failures: 0,
    firstAdopters: 0,
    explained: 0,
    unexplained: 0,
    wcLogLikelihood: 0,
    ltLogLikelihood: 0,
  };
  for (const t of parts) {
    for (const key of Object.keys(out) as (keyof typeof out)[]) out[key] += t[key];
    t.attempters.forEach((a, i) => {
      events.set(a, (events.get(a) ?? 0) + t.events[i]);
    });
    const c = t.byCommunity;
    if (!c) continue;
    for (let k = 0; k < K; k++) {
      failuresC[k] += c.failures[k];
      attemptsC[k] += c.attempts[k];
    }
    const pat = c.patterns;
    pat.keys.forEach((key, j) => {
      let at = index.get(key);
      if (at === undefined) {
        at = mult.length;
        index.set(key, at);
        for (let e = pat.offsets[j]; e < pat.offsets[j + 1]; e++) {
          comms.push(pat.communities[e]);
          counts.push(pat.counts[e]);
        }
        offsets.push(comms.length);
        mult.push(0);
      }
      mult[at] += pat.multiplicity[j];
    });
  }
  const sorted = [...events.keys()].sort((x, y) => x - y);
  return {
    ...out,
    attempters: Float64Array.from(sorted),
    events: Float64Array.from(sorted, (a) => events.get(a) as number),
    byCommunity: first.byCommunity
      ? {
          count: K,
          failures: failuresC,
          attempts: attemptsC,
          patterns: {
            offsets: Uint32Array.from(offsets),
            communities: Uint32Array.from(comms),
            counts: Uint32Array.from(counts),
            multiplicity: Float64Array.from(mult),
            keys: [...index.keys()],
          },
        }
      : null,
  };
}
