/**
 * Core numbers by the linear-time bucket algorithm of Batagelj and Zaversnik (An O(m) Algorithm
 * for Cores Decomposition of Networks, 2003), as networkx.core_number: a node's core number is
 * the largest k such that it belongs to a subgraph where everyone has degree >= k. For directed
 * graphs the degree is in-degree + out-degree (networkx's convention), so a mutual tie counts twice.
 */
import type { Csr } from '../../graph/types.ts';

export function coreNumbers(csr: Csr): Uint32Array {
  const { n, directed, outOffsets, outTargets, inOffsets, inSources } = csr;
  const degree = new Uint32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    let d = outOffsets[v + 1] - outOffsets[v];
    if (directed) d += inOffsets[v + 1] - inOffsets[v];
    degree[v] = d;
    if (d > maxDegree) maxDegree = d;
  }
  // bin[d]: first position of degree d in `vert`, the nodes sorted by current degree.
  const bin = new Uint32Array(maxDegree + 2);
  for (let v = 0; v < n; v++) bin[degree[v] + 1]++;
  for (let d = 1; d <= maxDegree + 1; d++) bin[d] += bin[d - 1];
  const pos = new Uint32Array(n);
  const vert = new Uint32Array(n);
  const fill = bin.slice(0, maxDegree + 1);
  for (let v = 0; v < n; v++) {
    pos[v] = fill[degree[v]]++;
    vert[pos[v]] = v;
  }
  const lower = (v: number, u: number) => {
    // Removing v lowers u's degree by one, moving u to the front of its bucket first.
    if (degree[u] <= degree[v]) return;
    const du = degree[u];
    const pu = pos[u];
    const pw = bin[du];
    const w = vert[pw];
    if (u !== w) {
      pos[u] = pw;
      vert[pu] = w;
      pos[w] = pu;
      vert[pw] = u;
    }
    bin[du]++;
    degree[u]--;
  };
  for (let i = 0; i < n; i++) {
    const v = vert[i];
    for (let k = outOffsets[v]; k < outOffsets[v + 1]; k++) lower(v, outTargets[k]);
    if (directed) for (let k = inOffsets[v]; k < inOffsets[v + 1]; k++) lower(v, inSources[k]);
  }
  return degree;
}
