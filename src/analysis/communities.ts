/**
 * Louvain communities (Blondel, Guillaume, Lambiotte, Lefebvre 2008) on the undirected simple view
 * of the graph (an arc either way makes one unweighted edge), deterministic for a given rng seed.
 * The algorithm is louvain.ts, a port of graphology-communities-louvain to the CSR that gives
 * exactly the same communities and modularity (the library stays as the reference in the tests:
 * test/support/louvain-reference.ts). Communities are renumbered 0..count-1 by decreasing size
 * (ties: the community of the earlier node first).
 *
 * Also: per-community reach of a simulation, from the per-node activation counts of the engine.
 */
import type { Csr } from '../graph/types.ts';
import { Rng } from '../util/rng.ts';
import { louvainCsr } from './louvain.ts';

export interface LouvainOptions {
  /** Seed of the random node order Louvain uses [1]. */
  rngSeed?: number;
  /** Modularity resolution gamma [1]; higher finds more, smaller communities. */
  resolution?: number;
}

export interface Communities {
  /** Community of each node, 0..count-1, community 0 the largest. */
  community: Uint32Array;
  count: number;
  /** Newman-Girvan modularity of the partition (with the resolution used). */
  modularity: number;
  /** Members per community, by community number (so non-increasing). */
  sizes: number[];
}

export function louvainCommunities(
  csr: Csr,
  options: { rngSeed?: number; resolution?: number } = {},
): Communities {
  const rngSeed = options.rngSeed ?? 1;
  const resolution = options.resolution ?? 1;
  if (!Number.isFinite(rngSeed)) throw new Error(`louvain rngSeed: expected a number, got ${rngSeed}`);
  if (!(resolution > 0)) throw new Error(`louvain resolution: expected a positive number, got ${resolution}`);
  const n = csr.n;
  const raw = new Uint32Array(n);
  let modularity = 0;
  if (hasEdge(csr)) {
    const rng = new Rng(rngSeed);
    const result = louvainCsr(csr, { rng: () => rng.float(), resolution });
    raw.set(result.community);
    modularity = result.modularity;
  } else {
    for (let v = 0; v < n; v++) raw[v] = v; // no edges: every node alone
  }
  return renumberBySize(raw, modularity);
}

/** Whether the undirected simple view has an edge (an arc between two distinct nodes). */
function hasEdge(csr: Csr): boolean {
  for (let u = 0; u < csr.n; u++)
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) if (csr.outTargets[k] !== u) return true;
  return false;
}

/** Renumber arbitrary community labels 0..count-1 by decreasing size, ties by first member. */
export function renumberBySize(labels: Uint32Array, modularity?: number): Communities {
  const n = labels.length;
  // Labels in first-seen order as 0..k-1 (a Map only for labels beyond n).
  const dense = new Uint32Array(n);
  const index = new Int32Array(n).fill(-1);
  const far = new Map<number, number>();
  let k = 0;
  for (let v = 0; v < n; v++) {
    const c = labels[v];
    let d = c < n ? index[c] : (far.get(c) ?? -1);
    if (d < 0) {
      d = k++;
      if (c < n) index[c] = d;
      else far.set(c, d);
    }
    dense[v] = d;
  }
  // First-seen order breaks ties in size, so a stable sort by decreasing size is the numbering.
  const counts = new Uint32Array(k);
  for (let v = 0; v < n; v++) counts[dense[v]]++;
  const order = Array.from({ length: k }, (_, d) => d).sort((a, b) => counts[b] - counts[a] || a - b);
  const rank = new Uint32Array(k);
  for (let i = 0; i < k; i++) rank[order[i]] = i;
  const community = new Uint32Array(n);
  for (let v = 0; v < n; v++) community[v] = rank[dense[v]];
  return {
    community,
    count: k,
    modularity: modularity ?? 0,
    sizes: order.map((d) => counts[d]),
  };
}

export interface CommunityReach {
  community: number;
  size: number;
  /** Seeds placed in this community. */
  seeds: number;
  /** Mean number of members reached per run (exact from per-node counts, by linearity). */
  meanReached: number;
  /** meanReached / size: the share of the community a run reaches on average. */
  shareReached: number;
  /**
   * A lower bound on the share of runs in which the content entered the community at all: the
   * activation frequency of its most often reached member (the exact share needs per-run sets,
   * which the engine does not keep).
   */
  enteredAtLeast: number;
}

/**
 * Per-community reach of a simulation from ShardResult.nodeCounts (runs in which each node was
 * activated) over `runs` runs.
 */
export function communityReach(
  communities: Communities,
  nodeCounts: Uint32Array,
  runs: number,
  seeds: readonly number[] = [],
): CommunityReach[] {
  const { community, count, sizes } = communities;
  if (nodeCounts.length !== community.length)
    throw new Error(`community reach: ${nodeCounts.length} node counts for ${community.length} nodes`);
  if (!(runs > 0)) throw new Error(`community reach: runs must be positive, got ${runs}`);
  const total = new Float64Array(count);
  const most = new Uint32Array(count);
  const seeded = new Uint32Array(count);
  for (let v = 0; v < community.length; v++) {
    const c = community[v];
    total[c] += nodeCounts[v];
    if (nodeCounts[v] > most[c]) most[c] = nodeCounts[v];
  }
  for (const s of new Set(seeds)) seeded[community[s]]++;
  return Array.from({ length: count }, (_, c) => ({
    community: c,
    size: sizes[c],
    seeds: seeded[c],
    meanReached: total[c] / runs,
    shareReached: total[c] / runs / sizes[c],
    enteredAtLeast: most[c] / runs,
  }));
}
