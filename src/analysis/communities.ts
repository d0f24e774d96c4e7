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
  const firstSeen = new Map<number, number>();
  const counts = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const c = labels[v];
    if (!firstSeen.has(c)) firstSeen.set(c, v);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const order = [...counts.keys()].sort(
    (a, b) =>
      (counts.get(b) as number) - (counts.get(a) as number) ||
      (firstSeen.get(a) as number) - (firstSeen.get(b) as number),
  );
  const rank = new Map<number, number>();
  for (let i = 0; i < order.length; i++) rank.set(order[i], i);
  const community = new Uint32Array(n);
  for (let v = 0; v < n; v++) community[v] = rank.get(labels[v]) as number;
  return {
    community,
    count: order.length,
    modularity: modularity ?? 0,
    sizes: order.map((c) => counts.get(c) as number),
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
