/**
 * Live-edge worlds that can be walked forwards and backwards alike (Kempe, Kleinberg, Tardos 2003):
 * world w of stream s decides every arc once, by a hash of (s, w, arc), so a breadth-first search
 * from the rumour's seeds, another from the correctors, and a reverse search towards an account all
 * see the same live arcs without storing them.
 *   ic, wc  arc (u, v) is live with its probability (uniform p, the file's, or 1/indegree(v))
 *   lt      each account v keeps at most one live in-arc, (u, v) with weight w(u, v) (the
 *           simulator's weights), chosen by a hash of (s, w, v)
 * In these worlds the accounts a cascade from seeds S has reached after t steps are exactly those
 * within live distance t of S, for ic and for lt (Kempe et al., Theorems 4.5 and 4.6), so step
 * counts are live distances.
 */
import { OptionError } from '../diffusion/defaults.ts';
import type { Csr } from '../graph/types.ts';
import { inArcCumulativeWeights, type RrParams } from '../seeding/rr-sets.ts';
import { mix32, probabilityThreshold } from '../util/rng.ts';

export const UNREACHED = 0xffffffff;

export interface LiveWorlds {
  readonly csr: Csr;
  /**
   * Live distances from `seeds` (launched at their start steps) in world w, up to `limit` steps:
   * into dist (UNREACHED elsewhere); returns the accounts reached in order of distance.
   */
  forward(
    w: number,
    seeds: readonly number[],
    starts: readonly number[] | null,
    limit: number,
    dist: Uint32Array,
  ): Uint32Array;
  /** Accounts within live distance `depth` of v in world w, reversed (who can reach v that fast). */
  backward(w: number, v: number, depth: number): Uint32Array;
}

/** Probability of each out-arc (aligned with outTargets), for ic and wc. */
function outArcThresholds(csr: Csr, params: RrParams): Uint32Array {
  const t = new Uint32Array(csr.arcs);
  for (let u = 0; u < csr.n; u++) {
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) {
      const v = csr.outTargets[k];
      let p: number;
      if (params.model === 'wc') p = 1 / (csr.inOffsets[v + 1] - csr.inOffsets[v]);
      else if (params.p !== null) p = params.p;
      else if (csr.outValues && csr.values === 'probability') p = csr.outValues[k];
      else throw new OptionError('p: ic without --p needs per-edge probabilities in the graph');
      t[k] = probabilityThreshold(p);
    }
  }
  return t;
}

/** The same thresholds seen from the receiver (aligned with inSources). */
function inArcThresholds(csr: Csr, params: RrParams): Uint32Array {
  const t = new Uint32Array(csr.arcs);
  for (let v = 0; v < csr.n; v++) {
    for (let k = csr.inOffsets[v]; k < csr.inOffsets[v + 1]; k++) {
      let p: number;
      if (params.model === 'wc') p = 1 / (csr.inOffsets[v + 1] - csr.inOffsets[v]);
      else if (params.p !== null) p = params.p;
      else if (csr.inValues && csr.values === 'probability') p = csr.inValues[k];
      else throw new OptionError('p: ic without --p needs per-edge probabilities in the graph');
      t[k] = probabilityThreshold(p);
    }
  }
  return t;
}

/** 31-bit hash of (stream, world, a, b). */
function coin(stream: number, w: number, a: number, b: number): number {
  return mix32(mix32(mix32(stream ^ Math.imul(w, 0x9e3779b1)) ^ a) + b) >>> 1;
}

export function createLiveWorlds(csr: Csr, params: RrParams, stream: number): LiveWorlds {
  const n = csr.n;
  const lt = params.model === 'lt';
  const outThr = lt ? null : outArcThresholds(csr, params);
  const inThr = lt ? null : inArcThresholds(csr, params);
  const cumulative = lt ? inArcCumulativeWeights(csr) : null;
  /** lt: the source of v's live in-arc in world w, or -1. */
  const chosenSource = (w: number, v: number): number => {
    const from = csr.inOffsets[v];
    const to = csr.inOffsets[v + 1];
    if (to === from) return -1;
    const x = 1 - coin(stream, w, v, 0x5f3759df) / 0x80000000;
    const cum = cumulative as Float64Array;
    for (let k = from; k < to; k++) if (x <= cum[k]) return csr.inSources[k];
    return -1;
  };
  const outLive = (w: number, u: number, k: number): boolean => {
    const v = csr.outTargets[k];
    if (lt) return chosenSource(w, v) === u;
    return coin(stream, w, u, v) < (outThr as Uint32Array)[k];
  };
  const inLive = (w: number, v: number, k: number): boolean => {
    const u = csr.inSources[k];
    if (lt) return chosenSource(w, v) === u;
    return coin(stream, w, u, v) < (inThr as Uint32Array)[k];
  };
  const mark = new Uint32Array(n);
  const depthOf = new Uint32Array(n);
  let stamp = 0;
  const nextStamp = () => {
    stamp++;
    if (stamp === 0xffffffff) {
      mark.fill(0);
      stamp = 1;
    }
    return stamp;
  };

  return {
    csr,
    forward(w, seeds, starts, limit, dist) {
      dist.fill(UNREACHED);
      // Seeds by start step; a level-synchronous search where seeds join at their step.
      const order = seeds.map((s, i) => ({ s, t: starts ? starts[i] : 0 })).sort((a, b) => a.t - b.t);
      const reached: number[] = [];
      let frontier: number[] = [];
      let next = 0;
      for (let step = 0; step <= limit; step++) {
        while (next < order.length && order[next].t === step) {
          const s = order[next++].s;
          if (dist[s] === UNREACHED) {
            dist[s] = step;
            frontier.push(s);
            reached.push(s);
          }
        }
        if (frontier.length === 0 && next >= order.length) break;
        if (step === limit) break;
        const grown: number[] = [];
        for (const u of frontier) {
          for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) {
            const v = csr.outTargets[k];
            if (dist[v] !== UNREACHED || !outLive(w, u, k)) continue;
            dist[v] = step + 1;
            grown.push(v);
            reached.push(v);
          }
        }
        frontier = grown;
      }
      return Uint32Array.from(reached);
    },
    backward(w, v, depth) {
      const s = nextStamp();
      const out: number[] = [v];
      mark[v] = s;
      depthOf[v] = 0;
      for (let head = 0; head < out.length; head++) {
        const x = out[head];
        if (depthOf[x] === depth) continue;
        for (let k = csr.inOffsets[x]; k < csr.inOffsets[x + 1]; k++) {
          const u = csr.inSources[k];
          if (mark[u] === s || !inLive(w, x, k)) continue;
          mark[u] = s;
          depthOf[u] = depthOf[x] + 1;
          out.push(u);
        }
      }
      return Uint32Array.from(out);
    },
  };
}
