/**
 * Degree discount (Chen, Wang, Yang, "Efficient Influence Maximization in Social Networks",
 * KDD 2009, Algorithm 4 DegreeDiscountIC): pick by degree, but discount a node for each
 * neighbour already chosen, since that neighbour may activate it anyway and the arc between them
 * is wasted. For independent cascade with small p the expected extra spread of v is about
 * 1 + p * dd_v with
 *   dd_v = d_v - 2 t_v - (d_v - t_v) t_v p        (undirected; t_v = seeds among v's neighbours)
 * On directed graphs the two roles of a chosen neighbour come apart, and the same first-order
 * reasoning, (1 - p)^t_v (1 + p (d_v - o_v)) ~ 1 + p (d_v - o_v - t_v - (d_v - o_v) t_v p), gives
 *   dd_v = (d_v - o_v) - t_v - (d_v - o_v) t_v p
 * with d_v = out-degree (audience), t_v = seeds with an arc into v (who may activate v), o_v =
 * seeds v has an arc to (wasted audience). With t_v = o_v this is Chen's formula.
 *
 * The heuristic is defined for a uniform p. For weighted cascade, linear threshold or per-edge
 * probabilities, p is the mean activation probability (or weight) over the arcs.
 */
import type { Csr } from '../graph/types.ts';
import { inArcThresholds, type RrParams } from './rr-sets.ts';

/** The uniform p degree discount uses for a model: p itself, else the mean arc probability. */
export function discountProbability(csr: Csr, params: RrParams): number {
  if (params.model === 'ic' && params.p !== null) return params.p;
  if (csr.arcs === 0) return 0;
  if (params.model === 'ic') {
    const thresholds = inArcThresholds(csr, params);
    let sum = 0;
    for (let k = 0; k < csr.arcs; k++) sum += thresholds[k] / 0x80000000;
    return sum / csr.arcs;
  }
  // wc, and lt with degree weights: every receiver's in-arcs carry 1/indegree, summing to 1;
  // lt with file weights is normalised per receiver too, so the mean is the same.
  let receivers = 0;
  for (let v = 0; v < csr.n; v++) if (csr.inOffsets[v + 1] > csr.inOffsets[v]) receivers++;
  return receivers / csr.arcs;
}

/** k seeds by degree discount with uniform probability p; ties go to the lower node index. */
export function degreeDiscount(csr: Csr, k: number, p: number): number[] {
  const { n, outOffsets, outTargets, inOffsets, inSources } = csr;
  if (!Number.isInteger(k) || k < 1 || k > n)
    throw new RangeError(`k: expected a whole number from 1 to ${n} (the number of nodes), got ${k}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p: expected a probability in [0,1], got ${p}`);
  const d = new Float64Array(n);
  for (let v = 0; v < n; v++) d[v] = outOffsets[v + 1] - outOffsets[v];
  const t = new Float64Array(n);
  const o = new Float64Array(n);
  const dd = Float64Array.from(d);
  const chosen = new Uint8Array(n);
  const seeds: number[] = [];
  const update = (v: number) => {
    const free = d[v] - o[v];
    dd[v] = free - t[v] - free * t[v] * p;
  };
  while (seeds.length < k) {
    let best = -1;
    for (let v = 0; v < n; v++) if (!chosen[v] && (best < 0 || dd[v] > dd[best])) best = v;
    chosen[best] = 1;
    seeds.push(best);
    // best's audience may now be activated by it; best's own sources lose an arc to a seed.
    for (let a = outOffsets[best]; a < outOffsets[best + 1]; a++) {
      const v = outTargets[a];
      if (chosen[v]) continue;
      t[v]++;
      update(v);
    }
    for (let a = inOffsets[best]; a < inOffsets[best + 1]; a++) {
      const w = inSources[a];
      if (chosen[w]) continue;
      o[w]++;
      update(w);
    }
  }
  return seeds;
}
