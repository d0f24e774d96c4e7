/**
 * The weak-tie experiment (Onnela et al., PNAS 2007, figure 3): remove ties in order of strength,
 * weakest first or strongest first, and follow the largest component and the mean cascade reach
 * against the share removed. A tie is an edge of the undirected simple view (both arcs of a mutual
 * pair go together). Its strength is its kind under the rule (weak before strong) and then its
 * neighbourhood overlap; equal strengths are ordered by a seeded shuffle.
 */
import type { ModelParams } from '../diffusion/types.ts';
import { compileCsr } from '../graph/csr.ts';
import { arcOverlap, type StrongBy, strongArcs } from '../graph/ties.ts';
import type { Csr } from '../graph/types.ts';
import { Rng } from '../util/rng.ts';

/** Seeds of each removal-experiment cascade when none are given: random:10. */
export const REMOVAL_RANDOM_SEEDS = 10;

/** The removal experiment's cascade: ic with probability p (the other fields unused). */
export function removalParams(p: number): ModelParams {
  return { model: 'ic', p, gamma: 0.2, phi: 0.18, maxSteps: null };
}

export interface Tie {
  u: number;
  v: number;
  strength: number;
}

/** Every tie (u < v) with its strength: kind (1 strong, 0 weak) plus overlap / 2, so in [0, 1.5]. */
export function tiesByStrength(csr: Csr, by: StrongBy, rngSeed: number): Tie[] {
  const strong = by.kind === 'mutual' ? strongArcs(csr, by) : null;
  const overlap = arcOverlap(csr);
  const index = new Map<number, Tie>();
  for (let u = 0; u < csr.n; u++) {
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) {
      const v = csr.outTargets[k];
      const [a, b] = u < v ? [u, v] : [v, u];
      const key = a * csr.n + b;
      const kind = strong ? strong[k] : overlap[k] >= (by.kind === 'embeddedness' ? by.min : 0) ? 1 : 0;
      const strength = kind + overlap[k] / 2;
      const tie = index.get(key);
      if (tie) tie.strength = Math.max(tie.strength, strength);
      else index.set(key, { u: a, v: b, strength });
    }
  }
  const ties = [...index.values()];
  const rng = new Rng(rngSeed);
  for (let i = ties.length - 1; i > 0; i--) {
    const j = Math.floor(rng.float() * (i + 1));
    [ties[i], ties[j]] = [ties[j], ties[i]];
  }
  return ties.sort((x, y) => x.strength - y.strength);
}

/** The graph without the given ties (both arcs of each), as a directed CSR in the reach direction. */
export function withoutTies(csr: Csr, removed: readonly Tie[]): Csr {
  const gone = new Set(removed.map((t) => t.u * csr.n + t.v));
  const src: number[] = [];
  const dst: number[] = [];
  const values: number[] = [];
  for (let u = 0; u < csr.n; u++) {
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) {
      const v = csr.outTargets[k];
      if (gone.has(u < v ? u * csr.n + v : v * csr.n + u)) continue;
      src.push(u);
      dst.push(v);
      if (csr.outValues) values.push(csr.outValues[k]);
    }
  }
  const records = {
    n: csr.n,
    count: src.length,
    src: Uint32Array.from(src),
    dst: Uint32Array.from(dst),
    values: csr.outValues ? Float64Array.from(values) : null,
    valueKind: csr.outValues ? csr.values : null,
  };
  return compileCsr(records, 'influences').csr;
}

/** Size of the largest weakly connected component after removing `removed` ties (union-find). */
export function largestComponent(n: number, ties: readonly Tie[], removedCount: number): number {
  const parent = new Uint32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r];
    while (parent[x] !== r) {
      const next = parent[x];
      parent[x] = r;
      x = next;
    }
    return r;
  };
  for (let i = removedCount; i < ties.length; i++) {
    const a = find(ties[i].u);
    const b = find(ties[i].v);
    if (a !== b) parent[a] = b;
  }
  const size = new Uint32Array(n);
  let best = n > 0 ? 1 : 0;
  for (let v = 0; v < n; v++) {
    const s = ++size[find(v)];
    if (s > best) best = s;
  }
  return best;
}

export interface RemovalPoint {
  share: number;
  removed: number;
  /** Largest weakly connected component, as a share of the nodes. */
  largestComponent: number;
  /** Mean cascade reach on the reduced graph with its 95% CI, when a simulation was asked for. */
  reach: { mean: number; ci95: [number, number] } | null;
}

export interface RemovalResult {
  ties: number;
  weakFirst: RemovalPoint[];
  strongFirst: RemovalPoint[];
}

export type ReachOf = (reduced: Csr) => Promise<{ mean: number; ci95: [number, number] }>;

/**
 * Point i of `steps` of one order (ties weakest first, or reversed for strongest first): the share
 * and number removed, the largest component, and the reduced graph on demand. The CLI's loop and
 * the app's worker jobs (jobs.ts, one point per job) both go through here.
 */
export function removalPoint(
  csr: Csr,
  order: readonly Tie[],
  i: number,
  steps: number,
): { share: number; removed: number; largestComponent: number; reduced: () => Csr } {
  const share = i / steps;
  const removed = Math.floor(share * order.length);
  return {
    share,
    removed,
    largestComponent: csr.n > 0 ? largestComponent(csr.n, order, removed) / csr.n : 0,
    reduced: () => withoutTies(csr, order.slice(0, removed)),
  };
}

/** Shares 0, 1/steps, ..., (steps-1)/steps, weakest first then strongest first. */
export async function removalExperiment(
  csr: Csr,
  by: StrongBy,
  options: {
    steps: number;
    rngSeed: number;
    reach?: ReachOf;
    onPoint?: (done: number, total: number) => void;
  },
): Promise<RemovalResult> {
  const ordered = tiesByStrength(csr, by, options.rngSeed);
  const reversed = [...ordered].reverse();
  const result: RemovalResult = { ties: ordered.length, weakFirst: [], strongFirst: [] };
  const total = 2 * options.steps;
  let done = 0;
  for (const [order, points] of [
    [ordered, result.weakFirst],
    [reversed, result.strongFirst],
  ] as const) {
    for (let i = 0; i < options.steps; i++) {
      const { reduced, ...point } = removalPoint(csr, order, i, options.steps);
      const reach = options.reach ? await options.reach(reduced()) : null;
      points.push({ ...point, reach });
      options.onPoint?.(++done, total);
    }
  }
  return result;
}
