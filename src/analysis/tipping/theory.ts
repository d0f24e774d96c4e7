/**
 * Where theory puts the tipping point, from the degrees of the graph alone (a tree-like,
 * configuration-model reading of the graph: exact for large sparse random graphs, a first
 * approximation for clustered real networks).
 *
 * Branching threshold (independent cascade = bond percolation; Newman, Strogatz, Watts 2001;
 * Newman 2002 "Spread of epidemic disease on networks"). A node reached over an arc u -> v passes
 * the content on over each of its *excess* out-arcs, those other than the way back to u:
 *
 *   excess(u -> v) = outdeg(v) - [v -> u is an arc]
 *   B = (1 / arcs) * sum over arcs u -> v of excess(u -> v)
 *   p_c = 1 / B
 *
 * Each excess arc fires with probability p, so a cascade is a branching process with mean
 * offspring p B and goes global with positive probability when p B > 1. For an undirected graph
 * (each edge = two reciprocal arcs) B = sum_v k_v (k_v - 1) / sum_v k_v, so
 * p_c = <k> / (<k^2> - <k>). For a directed graph without reciprocal arcs
 * B = sum_v kin_v kout_v / sum_v kin_v, so p_c = <k_in> / <k_in k_out>; reciprocal arcs are
 * subtracted one by one, which covers mixed graphs in between.
 *
 * SIR (discrete time, recovery probability gamma per step, at least one infectious step): the
 * chance that an arc ever transmits is T = p / (p + gamma - p gamma), and the threshold
 * T_c = 1 / B gives p_c = T_c gamma / (1 - T_c (1 - gamma)).
 *
 * Watts' cascade condition (Watts 2002, "A simple model of global cascades on random networks",
 * PNAS 99:5766) for the fractional-threshold model: a node is *vulnerable* when one adopted
 * in-neighbour is enough, i.e. ceil(phi * indeg) <= 1, i.e. indeg <= 1/phi. Global cascades from a
 * single seed are possible when the vulnerable nodes percolate:
 *
 *   G(phi) = (1 / arcs) * sum over arcs u -> v with v vulnerable of excess(u -> v) > 1
 *
 * (for undirected graphs: sum_k k (k - 1) rho_k p_k > z, Watts' eq. 4). Vulnerability changes only
 * where 1/phi crosses an in-degree, so the critical threshold is phi_c = 1 / K*, with K* the
 * smallest in-degree K for which the nodes of in-degree <= K percolate; cascades for phi <= phi_c.
 */
import type { ModelParams } from '../../diffusion/types.ts';
import type { Csr } from '../../graph/types.ts';
import type { TheoryDetail, Vary } from './types.ts';

/** Sum of excess(u -> v) over the in-arcs of each node v: indeg(v) * outdeg(v) - reciprocal arcs. */
export function excessByNode(csr: Csr): Float64Array {
  const { n, outOffsets, outTargets, inOffsets, inSources } = csr;
  const excess = new Float64Array(n);
  if (!csr.directed) {
    // Every arc has its reciprocal: excess(u -> v) = k_v - 1.
    for (let v = 0; v < n; v++) {
      const k = outOffsets[v + 1] - outOffsets[v];
      excess[v] = k * (k - 1);
    }
    return excess;
  }
  const mark = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    const kout = outOffsets[v + 1] - outOffsets[v];
    const kin = inOffsets[v + 1] - inOffsets[v];
    for (let a = outOffsets[v]; a < outOffsets[v + 1]; a++) mark[outTargets[a]] = v;
    let reciprocal = 0;
    for (let a = inOffsets[v]; a < inOffsets[v + 1]; a++) if (mark[inSources[a]] === v) reciprocal++;
    excess[v] = kin * kout - reciprocal;
  }
  return excess;
}

export interface BranchingTheory {
  /** B: mean excess out-degree at the end of an arc (offspring per unit probability). */
  branching: number;
  /** 1 / B when it lies in (0, 1]; null when no probability makes cascades global (B <= 1). */
  pc: number | null;
}

/** The branching threshold of independent cascade on this graph (see the file header). */
export function branchingThreshold(csr: Csr): BranchingTheory {
  if (csr.arcs === 0) return { branching: 0, pc: null };
  const excess = excessByNode(csr);
  let sum = 0;
  for (let v = 0; v < csr.n; v++) sum += excess[v];
  const branching = sum / csr.arcs;
  return { branching, pc: branching > 1 ? 1 / branching : null };
}

/** Per-step probability p of discrete SIR whose per-arc transmissibility equals T (see the header). */
export function sirProbabilityForTransmissibility(T: number, gamma: number): number | null {
  if (!(T > 0 && T <= 1)) return null;
  const p = (T * gamma) / (1 - T * (1 - gamma));
  return p <= 1 ? p : null;
}

/** T = p / (p + gamma - p gamma): the chance an infectious node ever transmits over one arc. */
export function sirTransmissibility(p: number, gamma: number): number {
  const denominator = p + gamma - p * gamma;
  return denominator > 0 ? p / denominator : 0;
}

/** Whether a node of this in-degree adopts after one adopted in-neighbour (threshold.ts's rule). */
export function isVulnerable(indegree: number, phi: number): boolean {
  return Math.max(1, Math.ceil(phi * indegree - 1e-9)) === 1;
}

/** G(phi) of Watts' cascade condition; global cascades are possible when it exceeds 1. */
export function wattsCascadeBranching(csr: Csr, phi: number): number {
  if (csr.arcs === 0) return 0;
  const excess = excessByNode(csr);
  let sum = 0;
  for (let v = 0; v < csr.n; v++) {
    if (isVulnerable(csr.inOffsets[v + 1] - csr.inOffsets[v], phi)) sum += excess[v];
  }
  return sum / csr.arcs;
}

export interface WattsTheory {
  /** phi_c = 1 / K*: global cascades are possible for phi <= phi_c; null if for no phi. */
  phiC: number | null;
  /** K*: the smallest in-degree bound whose vulnerable nodes percolate, or null. */
  degree: number | null;
  /** G just at phi_c (> 1) and just above it (<= 1), to show how sharp the step is. */
  branchingBelow: number | null;
  branchingAbove: number | null;
}

/** The critical adoption threshold of the fractional-threshold model (see the file header). */
export function wattsCriticalPhi(csr: Csr): WattsTheory {
  const none = { phiC: null, degree: null, branchingBelow: null, branchingAbove: null };
  if (csr.arcs === 0) return none;
  const excess = excessByNode(csr);
  let maxIn = 0;
  for (let v = 0; v < csr.n; v++) maxIn = Math.max(maxIn, csr.inOffsets[v + 1] - csr.inOffsets[v]);
  const byDegree = new Float64Array(maxIn + 1);
  for (let v = 0; v < csr.n; v++) byDegree[csr.inOffsets[v + 1] - csr.inOffsets[v]] += excess[v];
  let cumulative = 0;
  for (let K = 1; K <= maxIn; K++) {
    const before = cumulative;
    cumulative += byDegree[K];
    if (cumulative / csr.arcs > 1) {
      return {
        phiC: 1 / K,
        degree: K,
        branchingBelow: cumulative / csr.arcs,
        branchingAbove: before / csr.arcs,
      };
    }
  }
  return none;
}

/**
 * Giant-cascade share S of independent cascade on an Erdős–Rényi graph with mean degree z:
 * the positive root of S = 1 - exp(-z p S) (0 when z p <= 1). Also the chance that one random
 * seed starts a global cascade.
 */
export function erdosRenyiGiantShare(zp: number): number {
  if (zp <= 1) return 0;
  let s = 1;
  for (let i = 0; i < 10_000; i++) {
    const next = 1 - Math.exp(-zp * s);
    if (Math.abs(next - s) < 1e-15) return next;
    s = next;
  }
  return s;
}

/**
 * The theoretical critical point of a sweep, or null where theory has nothing to say: k sweeps,
 * cascades cut off by maxSteps, models without a swept p or phi.
 */
export function theoryFor(
  csr: Csr,
  vary: Vary,
  params: ModelParams,
): { theory: number | null; detail: TheoryDetail | null } {
  if (params.maxSteps !== null) return { theory: null, detail: null };
  if (vary === 'p' && params.model === 'ic') {
    const { branching, pc } = branchingThreshold(csr);
    return {
      theory: pc,
      detail: {
        kind: 'branching',
        formula: csr.directed
          ? 'p_c = <k_in>/<k_in k_out> (reciprocal arcs excluded)'
          : 'p_c = <k>/(<k^2>-<k>)',
        branching,
      },
    };
  }
  if (vary === 'p' && params.model === 'sir') {
    const { branching, pc } = branchingThreshold(csr);
    return {
      theory: pc === null ? null : sirProbabilityForTransmissibility(pc, params.gamma),
      detail: {
        kind: 'sir-branching',
        formula: 'T_c = 1/B with T = p/(p+gamma-p*gamma)',
        branching,
        gamma: params.gamma,
      },
    };
  }
  if (vary === 'phi' && params.model === 'threshold') {
    const w = wattsCriticalPhi(csr);
    return {
      theory: w.phiC,
      detail: {
        kind: 'watts',
        formula: 'phi_c = 1/K*, K* the smallest in-degree bound whose vulnerable nodes percolate',
        degree: w.degree,
        branchingBelow: w.branchingBelow,
        branchingAbove: w.branchingAbove,
      },
    };
  }
  return { theory: null, detail: null };
}
