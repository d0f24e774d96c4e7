/**
 * Independent cascade that knows the kind of each tie (Granovetter 1973; Centola and Macy 2007):
 * probability pStrong on strong arcs, pWeak on weak ones, and group broadcast, where an adopter
 * reaches each other member of each of its groups with probability pGroup (one chance per shared
 * group). Adoptions are credited to the kind of the attempt that succeeded first.
 *
 * The order of attempts (docs/models.md): levels in BFS order; within a level, adopters in the
 * order they adopted; each adopter tries its out-arcs in CSR order, then its groups in the order of the groups file, each group's members in file order. A separate kernel from icUniform, chosen
 * only when tie options are given, so the default path keeps its speed.
 */
import type { Csr } from '../graph/types.ts';
import { probabilityThreshold } from '../util/rng.ts';
import { finishLevel, type LevelExpander } from './run-state.ts';
import type { Scratch } from './scratch.ts';
import { VIA_GROUP, VIA_STRONG, VIA_WEAK } from './types.ts';

/** Groups as two CSRs: the members of each group, and the groups of each node. */
export interface GroupIndex {
  memberOffsets: Uint32Array;
  members: Uint32Array;
  groupOffsets: Uint32Array;
  groupsOf: Uint32Array;
}

/** Index groups of node indices (each group's members distinct) for the kernel. */
export function indexGroups(n: number, groups: readonly (readonly number[])[]): GroupIndex {
  const memberOffsets = new Uint32Array(groups.length + 1);
  for (let g = 0; g < groups.length; g++) memberOffsets[g + 1] = memberOffsets[g] + groups[g].length;
  const members = new Uint32Array(memberOffsets[groups.length]);
  const groupOffsets = new Uint32Array(n + 1);
  for (let g = 0; g < groups.length; g++) {
    for (const v of groups[g])
      if (!Number.isInteger(v) || v < 0 || v >= n)
        throw new RangeError(`groups: group ${g + 1} names node index ${v}, outside 0..${n - 1}`);
    members.set(groups[g], memberOffsets[g]);
    for (const v of groups[g]) groupOffsets[v + 1]++;
  }
  for (let v = 0; v < n; v++) groupOffsets[v + 1] += groupOffsets[v];
  const fill = groupOffsets.slice(0, n);
  const groupsOf = new Uint32Array(members.length);
  for (let g = 0; g < groups.length; g++) for (const v of groups[g]) groupsOf[fill[v]++] = g;
  return { memberOffsets, members, groupOffsets, groupsOf };
}

/**
 * The kernel. `strong[k]` is 1 for a strong out-arc k; `via` receives the current run's credited
 * adoptions (VIA_STRONG, VIA_WEAK, VIA_GROUP); the caller reads and clears it after each run.
 */
export function icTies(
  csr: Csr,
  sc: Scratch,
  strong: Uint8Array,
  probabilities: { pStrong: number; pWeak: number; pGroup: number },
  groups: GroupIndex | null,
  via: Uint32Array,
): LevelExpander {
  const thrStrong = probabilityThreshold(probabilities.pStrong);
  const thrWeak = probabilityThreshold(probabilities.pWeak);
  const thrGroup = probabilityThreshold(probabilities.pGroup);
  // The kind rides in the sign bit of a copy of the targets (n < 2^31): the loop reads nothing more
  // per attempt than icUniform. Measured on soc-Slashdot0902 against plain IC: a separate per-arc
  // threshold array 1.17x; rows reordered strong-first 1.15-1.2x (the state reads lose their
  // order); the sign bit with a branchless select 1.12-1.14x; with a plain conditional 1.08x.
  if (csr.n > 0x7fffffff) throw new RangeError('ic with tie kinds: at most 2^31 - 1 nodes');
  const tagged = new Int32Array(csr.arcs);
  for (let k = 0; k < csr.arcs; k++) tagged[k] = csr.outTargets[k] | (strong[k] === 1 ? 0x80000000 : 0) | 0;
  // Thresholds less one, so both stay int32 (p = 1 gives 2^31 - 1) and the coin is t >>> 1 <= it.
  const strongLess = thrStrong - 1;
  const weakLess = thrWeak - 1;
  return (rs, from, to, step) => {
    const off = csr.outOffsets;
    const tgt = tagged;
    const ts = strongLess;
    const tw = weakLess;
    const { state, order, hop, hopCounts, parent, step: stepOf } = sc;
    const rng = rs.rng;
    const seen = rs.seen;
    const active = rs.active;
    const tracing = rs.tracing;
    let tail = rs.tail;
    let exposed = rs.exposed;
    let examined = 0;
    let maxHop = sc.maxHop;
    let viaStrong = 0;
    let viaWeak = 0;
    let viaGroup = 0;
    let a = rng.a;
    let b = rng.b;
    let c = rng.c;
    let d = rng.d;
    for (let i = from; i < to; i++) {
      const u = order[i];
      const h = hop[u] + 1;
      examined += off[u + 1] - off[u];
      for (let k = off[u]; k < off[u + 1]; k++) {
        const x = tgt[k];
        const v = x & 0x7fffffff;
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
        // x < 0: a strong arc.
        if (t >>> 1 <= (x < 0 ? ts : tw)) {
          state[v] = active;
          hop[v] = h;
          order[tail++] = v;
          hopCounts[h]++;
          if (h > maxHop) maxHop = h;
          if (x < 0) viaStrong++;
          else viaWeak++;
          if (tracing) {
            parent[v] = u;
            stepOf[v] = step;
          }
        }
      }
      if (groups === null) continue;
      const { memberOffsets, members, groupOffsets, groupsOf } = groups;
      for (let j = groupOffsets[u]; j < groupOffsets[u + 1]; j++) {
        const g = groupsOf[j];
        const mEnd = memberOffsets[g + 1];
        examined += mEnd - memberOffsets[g] - 1;
        for (let m = memberOffsets[g]; m < mEnd; m++) {
          const v = members[m];
          if (v === u) continue;
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
          if (t >>> 1 < thrGroup) {
            state[v] = active;
            hop[v] = h;
            order[tail++] = v;
            hopCounts[h]++;
            if (h > maxHop) maxHop = h;
            viaGroup++;
            if (tracing) {
              parent[v] = u;
              stepOf[v] = step;
            }
          }
        }
      }
    }
    rng.a = a;
    rng.b = b;
    rng.c = c;
    rng.d = d;
    via[VIA_STRONG] += viaStrong;
    via[VIA_WEAK] += viaWeak;
    via[VIA_GROUP] += viaGroup;
    finishLevel(sc, rs, tail, exposed, examined, maxHop, step);
  };
}
