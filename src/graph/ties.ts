/**
 * Tie strength from the graph alone, per out-arc of the CSR (Granovetter, "The strength of weak
 * ties", 1973; Onnela et al., "Structure and tie strengths in mobile communication networks",
 * PNAS 2007).
 *
 * - `mutual`: an arc u -> v is strong when v -> u also exists (a mutual follow). O(n + m).
 * - `embeddedness:X`: strong when the arc's neighbourhood overlap is at least X. The overlap is
 *   Onnela's O(u,v) = c / ((k_u - 1) + (k_v - 1) - c), where c is the number of common
 *   neighbours and k the number of distinct neighbours, direction ignored (0 when the
 *   denominator is 0), by binary search of the smaller sorted neighbourhood in the larger one.
 *
 * Computed once per graph (a simulator caches its table); never per run. Lives in graph/ because
 * the cascade kernels (diffusion/) read it.
 */
import type { Csr } from './types.ts';

export type StrongBy = { kind: 'mutual' } | { kind: 'embeddedness'; min: number };

/** Parse `mutual` or `embeddedness:X` (X in [0, 1]); a string names the problem. */
export function parseStrongBy(text: string): StrongBy | { error: string } {
  if (text === 'mutual') return { kind: 'mutual' };
  const m = /^embeddedness:(.+)$/.exec(text);
  if (m) {
    const min = Number(m[1]);
    if (m[1].trim() !== '' && Number.isFinite(min) && min >= 0 && min <= 1)
      return { kind: 'embeddedness', min };
    return { error: `'${m[1]}' is not a share in [0, 1] (for example embeddedness:0.1)` };
  }
  return { error: `'${text}' is not mutual or embeddedness:X (X a share in [0, 1])` };
}

/** 1 for each out-arc u -> v whose reverse v -> u exists, else 0 (aligned with outTargets). */
export function mutualArcs(csr: Csr): Uint8Array {
  const out = new Uint8Array(csr.arcs);
  if (!csr.directed) return out.fill(1);
  // mark[w] = u + 1 while scanning u: w -> u exists.
  const mark = new Uint32Array(csr.n);
  for (let u = 0; u < csr.n; u++) {
    for (let k = csr.inOffsets[u]; k < csr.inOffsets[u + 1]; k++) mark[csr.inSources[k]] = u + 1;
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++)
      if (mark[csr.outTargets[k]] === u + 1) out[k] = 1;
  }
  return out;
}

/**
 * Whether any arc is reciprocated (always, for an undirected graph with arcs). Stops at the first
 * one found, so it is quick on graphs with mutual follows; O(n + m) on those without.
 */
export function hasMutualArc(csr: Csr): boolean {
  if (csr.arcs === 0) return false;
  if (!csr.directed) return true;
  const mark = new Uint32Array(csr.n);
  for (let u = 0; u < csr.n; u++) {
    for (let k = csr.inOffsets[u]; k < csr.inOffsets[u + 1]; k++) mark[csr.inSources[k]] = u + 1;
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++)
      if (mark[csr.outTargets[k]] === u + 1) return true;
  }
  return false;
}

/** Distinct neighbours of every node, direction ignored, sorted, without the node itself. */
export function undirectedNeighbours(csr: Csr): { offsets: Uint32Array; neighbours: Uint32Array } {
  const offsets = new Uint32Array(csr.n + 1);
  const mark = new Uint32Array(csr.n);
  const scratch: number[] = [];
  const lists: Uint32Array[] = new Array(csr.n);
  let total = 0;
  for (let u = 0; u < csr.n; u++) {
    scratch.length = 0;
    const add = (w: number) => {
      if (w !== u && mark[w] !== u + 1) {
        mark[w] = u + 1;
        scratch.push(w);
      }
    };
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) add(csr.outTargets[k]);
    for (let k = csr.inOffsets[u]; k < csr.inOffsets[u + 1]; k++) add(csr.inSources[k]);
    const list = Uint32Array.from(scratch).sort();
    lists[u] = list;
    total += list.length;
    offsets[u + 1] = total;
  }
  const neighbours = new Uint32Array(total);
  for (let u = 0; u < csr.n; u++) neighbours.set(lists[u], offsets[u]);
  return { offsets, neighbours };
}

function contains(a: Uint32Array, from: number, to: number, x: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && a[lo] === x;
}

/** Onnela's neighbourhood overlap of every out-arc (aligned with outTargets), in [0, 1]. */
export function arcOverlap(csr: Csr): Float64Array {
  const { offsets, neighbours } = undirectedNeighbours(csr);
  const overlap = new Float64Array(csr.arcs);
  for (let u = 0; u < csr.n; u++) {
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) {
      const v = csr.outTargets[k];
      const ku = offsets[u + 1] - offsets[u];
      const kv = offsets[v + 1] - offsets[v];
      const [a, b] = ku <= kv ? [u, v] : [v, u];
      let common = 0;
      for (let i = offsets[a]; i < offsets[a + 1]; i++) {
        const w = neighbours[i];
        if (w !== b && contains(neighbours, offsets[b], offsets[b + 1], w)) common++;
      }
      const denominator = ku - 1 + (kv - 1) - common;
      overlap[k] = denominator > 0 ? common / denominator : 0;
    }
  }
  return overlap;
}

/** 1 for each strong out-arc, 0 for each weak one (aligned with outTargets). */
export function strongArcs(csr: Csr, by: StrongBy): Uint8Array {
  if (by.kind === 'mutual') return mutualArcs(csr);
  const overlap = arcOverlap(csr);
  const strong = new Uint8Array(csr.arcs);
  for (let k = 0; k < csr.arcs; k++) if (overlap[k] >= by.min) strong[k] = 1;
  return strong;
}
