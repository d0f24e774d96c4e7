/**
 * Discrete-time SIR: each step every infectious node tries each susceptible out-neighbour with
 * probability p (a fresh attempt every step it stays infectious), then recovers with probability
 * gamma. A node is infectious for at least one step. Cascade size = nodes ever infected.
 */
import type { Csr } from '../graph/types.ts';
import { probabilityThreshold } from '../util/rng.ts';
import { activate, finishLevel, type RunState, type SeedSchedule } from './run-state.ts';
import type { Scratch } from './scratch.ts';

export function createSir(csr: Csr, sc: Scratch, p: number, gamma: number) {
  const off = csr.outOffsets;
  const tgt = csr.outTargets;
  const thr = probabilityThreshold(p);
  let current = new Uint32Array(csr.n);
  let next = new Uint32Array(csr.n);
  const { state, order, hop, hopCounts, parent, step: stepOf } = sc;

  return (rs: RunState, seeds: SeedSchedule, maxSteps: number | null): void => {
    const rng = rs.rng;
    const seen = rs.seen;
    const active = rs.active;
    const limit = maxSteps ?? Number.POSITIVE_INFINITY;
    let step = seeds.starts.length > 0 ? seeds.starts[0] : 0;
    let si = 0;
    let size = 0;
    while (step <= limit) {
      while (si < seeds.nodes.length && seeds.starts[si] <= step) {
        const v = seeds.nodes[si++];
        if (state[v] === active) continue;
        activate(sc, rs, v, step, 0, -1);
        current[size++] = v;
      }
      sc.markLevel(step, rs.tail);
      if (size === 0) {
        if (si < seeds.nodes.length) {
          step = seeds.starts[si];
          continue;
        }
        break;
      }
      if (step === limit) break;
      const nextStep = step + 1;
      let tail = rs.tail;
      let exposed = rs.exposed;
      let examined = 0;
      let maxHop = sc.maxHop;
      let nextSize = 0;
      for (let i = 0; i < size; i++) {
        const u = current[i];
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
          if (rng.u31() < thr) {
            state[v] = active;
            hop[v] = h;
            order[tail++] = v;
            next[nextSize++] = v;
            hopCounts[h]++;
            if (h > maxHop) maxHop = h;
            if (rs.tracing) {
              parent[v] = u;
              stepOf[v] = nextStep;
            }
          }
        }
      }
      for (let i = 0; i < size; i++) {
        if (rng.float() >= gamma) next[nextSize++] = current[i];
      }
      finishLevel(sc, rs, tail, exposed, examined, maxHop, nextStep);
      const swap = current;
      current = next;
      next = swap;
      size = nextSize;
      step = nextStep;
    }
  };
}
