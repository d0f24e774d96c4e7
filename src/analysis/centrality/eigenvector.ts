/**
 * Eigenvector centrality by power iteration, as networkx.eigenvector_centrality (unweighted):
 * start from the uniform vector, iterate x <- (A + I) x (the identity shift keeps bipartite graphs
 * from oscillating), rescale to unit Euclidean norm. networkx stops when the L1 change is below
 * n * 1e-6, which grows with the graph; we stop when the L1 change is below `tolerance` (1e-9), so
 * the result is the eigenvector itself (what eigenvector_centrality_numpy gives) to about 1e-9 at
 * any size, instead of an iterate that stopped 1e-5 short on a small graph and far shorter on a
 * large one.
 *
 * Direction. networkx uses in-edges on a DiGraph (a node is central when central nodes point to
 * it). On the attention graph (v -> u when u's posts reach v) that reads: u is central when its
 * posts reach central accounts, x(u) = sum of x(v) over the accounts v that u reaches.
 */
import type { Csr } from '../../graph/types.ts';
import { wasmPowerSteps } from './eigenvector-wasm.ts';

export interface PowerIterationOptions {
  /** Iterations at most [1000]. */
  maxIterations?: number;
  /** Stop when the L1 change is below this [1e-9 for eigenvector; hits: 1e-8 on max-scaled hubs]. */
  tolerance?: number;
}

export interface PowerIterationResult {
  scores: Float64Array;
  iterations: number;
  converged: boolean;
}

/** A power-iteration step in two halves, on the current vector x and the next one. */
export interface PowerSteps {
  /** next <- (A + I) x; returns the sum of the squares of next. */
  multiply(): number;
  /** next <- next / norm; returns the L1 change from x; then next becomes x. */
  normalizeAndSwap(norm: number): number;
  /** A copy of x. */
  result(): Float64Array;
}

export interface EigenvectorOptions extends PowerIterationOptions {
  /** Which step runs: compiled WebAssembly where available (eigenvector-wasm.ts), or JS ['wasm']. */
  engine?: 'wasm' | 'js';
}

export function eigenvectorCentrality(csr: Csr, options: EigenvectorOptions = {}): PowerIterationResult {
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-9;
  const steps = (options.engine === 'js' ? null : wasmPowerSteps(csr)) ?? jsPowerSteps(csr);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const norm = Math.sqrt(steps.multiply()) || 1;
    const change = steps.normalizeAndSwap(norm);
    if (change < tolerance) return { scores: steps.result(), iterations: iteration, converged: true };
  }
  return { scores: steps.result(), iterations: maxIterations, converged: false };
}

/** The step in JS, from the uniform vector. */
function jsPowerSteps(csr: Csr): PowerSteps {
  const { n, outOffsets, outTargets } = csr;
  let x = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  let next = new Float64Array(n);
  return {
    multiply() {
      let norm = 0;
      for (let u = 0; u < n; u++) {
        // Four partial sums keep the additions independent.
        let s0 = x[u];
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        const end = outOffsets[u + 1];
        let k = outOffsets[u];
        for (; k + 3 < end; k += 4) {
          s0 += x[outTargets[k]];
          s1 += x[outTargets[k + 1]];
          s2 += x[outTargets[k + 2]];
          s3 += x[outTargets[k + 3]];
        }
        for (; k < end; k++) s0 += x[outTargets[k]];
        const value = s0 + s1 + (s2 + s3);
        next[u] = value;
        norm += value * value;
      }
      return norm;
    },
    normalizeAndSwap(norm) {
      let change = 0;
      for (let u = 0; u < n; u++) {
        next[u] /= norm;
        change += Math.abs(next[u] - x[u]);
      }
      const swap = x;
      x = next;
      next = swap;
      return change;
    },
    result: () => x.slice(),
  };
}
