/**
 * HITS hubs and authorities (Kleinberg, Authoritative Sources in a Hyperlinked Environment, 1999)
 * by power iteration as networkx's classic `hits` and graphology-metrics do: start from uniform
 * hubs, a <- A^T h, h <- A a, each rescaled by its maximum, until the L1 change of the hubs is below
 * the tolerance; then both are normalised to sum 1.
 *
 * Direction. On the attention graph (v -> u when u's posts reach v) an authority is an account
 * whose posts reach good hubs, and a hub is an account that listens to good authorities:
 *   authority(u) = sum of hub(v) over the accounts v that u reaches,
 *   hub(v) = sum of authority(u) over the accounts u that reach v.
 * The `hits` metric reports authorities (the opinion leaders); hubs come alongside.
 * Undirected graphs give hubs = authorities.
 */
import type { Csr } from '../../graph/types.ts';
import type { PowerIterationOptions } from './eigenvector.ts';

export interface HitsResult {
  authorities: Float64Array;
  hubs: Float64Array;
  iterations: number;
  converged: boolean;
}

export function hits(csr: Csr, options: PowerIterationOptions = {}): HitsResult {
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-8;
  const { n, outOffsets, outTargets, inOffsets, inSources } = csr;
  let hubs = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  let nextHubs = new Float64Array(n);
  const authorities = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let maxAuthority = 0;
    for (let u = 0; u < n; u++) {
      let value = 0;
      for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) value += hubs[outTargets[k]];
      authorities[u] = value;
      if (value > maxAuthority) maxAuthority = value;
    }
    let maxHub = 0;
    for (let v = 0; v < n; v++) {
      let value = 0;
      for (let k = inOffsets[v]; k < inOffsets[v + 1]; k++) value += authorities[inSources[k]];
      nextHubs[v] = value;
      if (value > maxHub) maxHub = value;
    }
    if (maxHub > 0) for (let v = 0; v < n; v++) nextHubs[v] /= maxHub;
    if (maxAuthority > 0) for (let u = 0; u < n; u++) authorities[u] /= maxAuthority;
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs(nextHubs[v] - hubs[v]);
    const swap = hubs;
    hubs = nextHubs;
    nextHubs = swap;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  normaliseSum(authorities);
  normaliseSum(hubs);
  return { authorities, hubs, iterations, converged };
}

function normaliseSum(x: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i];
  if (sum > 0) for (let i = 0; i < x.length; i++) x[i] /= sum;
}
