/**
 * Complex contagion with luck in it, for the classroom ("IC, then a threshold"): each person who
 * joins tells each friend once, and the message gets through with probability p (an independent
 * cascade coin, Kempe, Kleinberg and Tardos 2003); a person joins once messages from `need`
 * different friends got through (an absolute threshold, as in Centola and Macy, "Complex
 * contagions and the weakness of long ties", AJS 2007). need = 1 is the independent cascade.
 *
 * A lone seed can never bring anyone to need >= 2, so it always fails; a tight cluster of seeds
 * gives the people beside it several friends who joined. The coins make runs differ. A level
 * expander for the engine's runProgressive (src/diffusion/run-state.ts), in the shape of
 * src/diffusion/threshold.ts: the friend whose message completed the count is the parent.
 */

import { finishLevel, type LevelExpander } from '../../../../diffusion/run-state.ts';
import type { Scratch } from '../../../../diffusion/scratch.ts';
import type { Csr } from '../../../../graph/types.ts';
import { probabilityThreshold } from '../../../../util/rng.ts';

export function icThreshold(csr: Csr, sc: Scratch, p: number, need: number): LevelExpander {
  const threshold = probabilityThreshold(p);
  const count = new Uint32Array(csr.n);
  return (rs, from, to, step) => {
    const off = csr.outOffsets;
    const tgt = csr.outTargets;
    const { state, order, hop, hopCounts, parent, step: stepOf } = sc;
    const rng = rs.rng;
    const seen = rs.seen;
    const active = rs.active;
    let tail = rs.tail;
    let exposed = rs.exposed;
    let examined = 0;
    let maxHop = sc.maxHop;
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
          count[v] = 0;
        }
        if (rng.u31() >= threshold) continue;
        const c = count[v] + 1;
        count[v] = c;
        if (c >= need) {
          state[v] = active;
          hop[v] = h;
          order[tail++] = v;
          hopCounts[h]++;
          if (h > maxHop) maxHop = h;
          if (rs.tracing) {
            parent[v] = u;
            stepOf[v] = step;
          }
        }
      }
    }
    finishLevel(sc, rs, tail, exposed, examined, maxHop, step);
  };
}
