/**
 * Fractional threshold over strong ties only (Centola and Macy, "Complex contagions and the
 * weakness of long ties", AJS 2007): behaviour that needs reinforcement spreads through close,
 * clustered ties. v adopts once at least max(1, ceil(phi * strong in-degree)) of its strong
 * in-neighbours have adopted; weak arcs expose v but never count. A node without strong in-arcs
 * adopts only as a seed. Every adoption is credited to a strong tie.
 */
import type { Csr } from '../graph/types.ts';
import { finishLevel, type LevelExpander } from './run-state.ts';
import type { Scratch } from './scratch.ts';
import { VIA_STRONG } from './types.ts';

/** Strong adopted in-neighbours each node needs; 0xffffffff for nodes without strong in-arcs. */
export function strongAdoptionNeeds(csr: Csr, strong: Uint8Array, phi: number): Uint32Array {
  const degree = new Uint32Array(csr.n);
  for (let k = 0; k < csr.arcs; k++) if (strong[k] === 1) degree[csr.outTargets[k]]++;
  const need = new Uint32Array(csr.n);
  for (let v = 0; v < csr.n; v++)
    need[v] = degree[v] === 0 ? 0xffffffff : Math.max(1, Math.ceil(phi * degree[v] - 1e-9));
  return need;
}

export function strongThreshold(
  csr: Csr,
  sc: Scratch,
  strong: Uint8Array,
  need: Uint32Array,
  via: Uint32Array,
): LevelExpander {
  const count = new Uint32Array(csr.n);
  return (rs, from, to, step) => {
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
    const before = tail;
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
        if (strong[k] !== 1) continue;
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
    via[VIA_STRONG] += tail - before;
    finishLevel(sc, rs, tail, exposed, examined, maxHop, step);
  };
}
