/**
 * Independent cascade (Kempe, Kleinberg, Tardos 2003): each newly active u gets one chance to
 * activate each out-neighbour v with probability p(u,v). Also weighted cascade, where
 * p(u,v) = 1 / indegree(v), and per-arc probabilities from the file.
 *
 * BFS over one queue with a level boundary (ripples' diffusion_simulation habit). A coin is a
 * 31-bit integer compared with a precomputed threshold, so no float work in the hot loop.
 */
import type { Csr } from '../graph/types.ts';
import { probabilityThreshold } from '../util/rng.ts';
import { finishLevel, type LevelExpander } from './run-state.ts';
import type { Scratch } from './scratch.ts';

/** Uniform probability p on every arc. */
export function icUniform(csr: Csr, sc: Scratch, p: number): LevelExpander {
  const threshold = probabilityThreshold(p);
  return (rs, from, to, step) => {
    // Everything the loop touches in locals, not closure slots.
    const off = csr.outOffsets;
    const tgt = csr.outTargets;
    const thr = threshold;
    const { state, order, hop, hopCounts, parent, step: stepOf } = sc;
    const rng = rs.rng;
    const seen = rs.seen;
    const active = rs.active;
    const tracing = rs.tracing;
    let tail = rs.tail;
    let exposed = rs.exposed;
    let examined = 0;
    let maxHop = sc.maxHop;
    // SFC32 inlined with its state in locals: V8 keeps them in registers (as a C loop would).
    let a = rng.a;
    let b = rng.b;
    let c = rng.c;
    let d = rng.d;
    for (let i = from; i < to; i++) {
      const u = order[i];
      const h = hop[u] + 1;
      const end = off[u + 1];
      let k = off[u];
      examined += end - k;
      for (; k < end; k++) {
        const v = tgt[k];
        const s = state[v];
        if (s === active) continue;
        if (s !== seen) {
          state[v] = seen;
          exposed++;
        }
        const t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + t) | 0;
        if (t >>> 1 < thr) {
          state[v] = active;
          hop[v] = h;
          order[tail++] = v;
          hopCounts[h]++;
          if (h > maxHop) maxHop = h;
          if (tracing) {
            parent[v] = u;
            stepOf[v] = step;
          }
        }
      }
    }
    rng.a = a;
    rng.b = b;
    rng.c = c;
    rng.d = d;
    finishLevel(sc, rs, tail, exposed, examined, maxHop, step);
  };
}

/** Per-arc probabilities: the file's, or weighted cascade's 1/indegree(v). */
export function icPerArc(csr: Csr, sc: Scratch, thresholds: Uint32Array): LevelExpander {
  return (rs, from, to, step) => {
    // Everything the loop touches in locals, not closure slots.
    const off = csr.outOffsets;
    const tgt = csr.outTargets;
    const { state, order, hop, hopCounts, parent, step: stepOf } = sc;
    const rng = rs.rng;
    const seen = rs.seen;
    const active = rs.active;
    const tracing = rs.tracing;
    let tail = rs.tail;
    let exposed = rs.exposed;
    let examined = 0;
    let maxHop = sc.maxHop;
    // SFC32 inlined with its state in locals: V8 keeps them in registers (as a C loop would).
    let a = rng.a;
    let b = rng.b;
    let c = rng.c;
    let d = rng.d;
    for (let i = from; i < to; i++) {
      const u = order[i];
      const h = hop[u] + 1;
      const end = off[u + 1];
      let k = off[u];
      examined += end - k;
      for (; k < end; k++) {
        const v = tgt[k];
        const s = state[v];
        if (s === active) continue;
        if (s !== seen) {
          state[v] = seen;
          exposed++;
        }
        const t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + t) | 0;
        if (t >>> 1 < thresholds[k]) {
          state[v] = active;
          hop[v] = h;
          order[tail++] = v;
          hopCounts[h]++;
          if (h > maxHop) maxHop = h;
          if (tracing) {
            parent[v] = u;
            stepOf[v] = step;
          }
        }
      }
    }
    rng.a = a;
    rng.b = b;
    rng.c = c;
    rng.d = d;
    finishLevel(sc, rs, tail, exposed, examined, maxHop, step);
  };
}

/** 31-bit coin thresholds per out-arc from probabilities per out-arc. */
export function arcThresholds(probabilities: ArrayLike<number>): Uint32Array {
  const t = new Uint32Array(probabilities.length);
  for (let k = 0; k < t.length; k++) t[k] = probabilityThreshold(probabilities[k]);
  return t;
}

/**
 * Weighted cascade's coin thresholds per out-arc: arcThresholds(weightedCascadeProbabilities(csr))
 * (the same numbers), computed once per receiver rather than once per arc and without the
 * per-arc float table: a one-shot `ripple seeds --runs 1` on an 870k-arc graph spent more on the
 * two per-arc passes than on its one measuring run.
 */
export function weightedCascadeThresholds(csr: Csr): Uint32Array {
  const inOff = csr.inOffsets;
  const byReceiver = new Uint32Array(csr.n);
  for (let v = 0; v < csr.n; v++) byReceiver[v] = probabilityThreshold(1 / (inOff[v + 1] - inOff[v]));
  const tgt = csr.outTargets;
  const t = new Uint32Array(csr.arcs);
  for (let k = 0; k < t.length; k++) t[k] = byReceiver[tgt[k]];
  return t;
}

/** Weighted cascade probabilities p(u,v) = 1 / indegree(v), per out-arc. */
export function weightedCascadeProbabilities(csr: Csr): Float64Array {
  const p = new Float64Array(csr.arcs);
  for (let k = 0; k < csr.arcs; k++) {
    const v = csr.outTargets[k];
    p[k] = 1 / (csr.inOffsets[v + 1] - csr.inOffsets[v]);
  }
  return p;
}
