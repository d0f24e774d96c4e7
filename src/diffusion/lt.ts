/**
 * Linear threshold (Kempe, Kleinberg, Tardos 2003): v activates once the summed weight of its
 * active in-neighbours reaches its threshold theta_v, drawn uniformly in (0,1] per run.
 * In-weights are 1/indegree(v), or the file's weights normalised to sum to 1 per node.
 *
 * Thresholds are drawn lazily when v is first exposed in a run (iid, so the law is unchanged) to
 * avoid O(n) work per run; weights are laid out per out-arc once per graph.
 */
import type { Csr } from '../graph/types.ts';
import { finishLevel, type LevelExpander } from './run-state.ts';
import type { Scratch } from './scratch.ts';

/** Weight w(u,v) of every out-arc u -> v: 1/indegree(v), or file weights normalised per receiver. */
export function linearThresholdWeights(csr: Csr): Float64Array {
  const w = new Float64Array(csr.arcs);
  const values = csr.outValues;
  if (values) {
    const inTotal = new Float64Array(csr.n);
    for (let k = 0; k < csr.arcs; k++) inTotal[csr.outTargets[k]] += values[k];
    for (let k = 0; k < csr.arcs; k++) {
      const total = inTotal[csr.outTargets[k]];
      w[k] = total > 0 ? values[k] / total : 0;
    }
  } else {
    for (let k = 0; k < csr.arcs; k++) {
      const v = csr.outTargets[k];
      w[k] = 1 / (csr.inOffsets[v + 1] - csr.inOffsets[v]);
    }
  }
  return w;
}

export function linearThreshold(csr: Csr, sc: Scratch, weights: Float64Array): LevelExpander {
  const acc = new Float64Array(csr.n);
  const theta = new Float64Array(csr.n);
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
          acc[v] = 0;
          const t = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + t) | 0;
          theta[v] = 1 - (t >>> 0) / 4294967296;
        }
        const sum = acc[v] + weights[k];
        acc[v] = sum;
        if (sum >= theta[v]) {
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
