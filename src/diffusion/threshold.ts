/**
 * Fractional-threshold complex contagion (Watts, "A simple model of global cascades on random
 * networks", PNAS 2002): v adopts once at least a fraction phi of its in-neighbours have adopted.
 * At least one adopted in-neighbour is always required, so phi = 0 does not adopt isolated nodes.
 * Deterministic for fixed seeds; randomness enters through random seed sets.
 */
import type { Csr } from '../graph/types.ts';
import { finishLevel, type LevelExpander } from './run-state.ts';
import type { Scratch } from './scratch.ts';

/** Number of adopted in-neighbours each node needs: max(1, ceil(phi * indegree)). */
export function adoptionNeeds(csr: Csr, phi: number): Uint32Array {
  const need = new Uint32Array(csr.n);
  for (let v = 0; v < csr.n; v++) {
    const d = csr.inOffsets[v + 1] - csr.inOffsets[v];
    // The epsilon keeps phi * d = 3.0000000004 from asking for 4 neighbours.
    need[v] = Math.max(1, Math.ceil(phi * d - 1e-9));
  }
  return need;
}

export function fractionalThreshold(csr: Csr, sc: Scratch, need: Uint32Array): LevelExpander {
  const count = new Uint32Array(csr.n);
  return (rs, from, to, step) => {
    // Everything the loop touches in locals, not closure slots.
    const off = csr.outOffsets;
    const tgt = csr.outTargets;
    const { state, order, hop, hopCounts, parent, step: stepOf } = sc;
    const seen = rs.seen;
    const active = rs.active;
    const tracing = rs.tracing;
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
        const c = count[v] + 1;
        count[v] = c;
        if (c >= need[v]) {
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
    finishLevel(sc, rs, tail, exposed, examined, maxHop, step);
  };
}
