/**
 * What `ripple ties` reports about a graph's ties: arcs, mutual pairs, strong and weak arcs under
 * the chosen rule (src/graph/ties.ts), bridges, and a histogram of embeddedness (Onnela's overlap).
 *
 * Bridges are of two kinds: arcs between Louvain communities (Blondel et al. 2008), and arcs whose
 * edge is a bridge of the undirected simple view (its removal splits a component; Tarjan 1974,
 * by an iterative depth-first search with low links).
 */
import { louvainCommunities } from '../analysis/communities.ts';
import { arcOverlap, mutualArcs, type StrongBy, strongArcs, undirectedNeighbours } from '../graph/ties.ts';
import type { Csr } from '../graph/types.ts';

export const EMBEDDEDNESS_BINS = 10;

/** What a graph with no reciprocated arc means under `mutual`. */
export const NO_MUTUAL_NOTE =
  'no arc is reciprocated, so every tie is weak under mutual; use --strong-by embeddedness:X (for example embeddedness:0.1) to find the strong ties by shared neighbours';

/** What an undirected graph means under `mutual`. */
export const UNDIRECTED_NOTE =
  'the graph is undirected, so every tie is mutual and strong under mutual; use --strong-by embeddedness:X to tell close ties from loose ones';

export interface TiesSummary {
  nodes: number;
  arcs: number;
  directed: boolean;
  /** Unordered pairs with arcs both ways (every edge of an undirected graph). */
  mutualPairs: number;
  strongBy: string;
  strong: number;
  weak: number;
  bridges: { betweenCommunities: number; splitting: number; communities: number };
  /** Arcs by overlap in [i/10, (i+1)/10), the last bin closed; and the mean overlap. */
  embeddedness: { bins: { from: number; to: number; arcs: number }[]; mean: number };
  /** Advice about the rule (no reciprocated arcs, an undirected graph). */
  notes: string[];
}

/**
 * Whether the undirected edge at each position of the undirected adjacency is a bridge (its removal
 * splits a component), aligned with `neighbours`.
 */
export function bridgeEdges(n: number, offsets: Uint32Array, neighbours: Uint32Array): Uint8Array {
  const bridge = new Uint8Array(neighbours.length);
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Uint32Array(n);
  const stack = new Uint32Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] >= 0) continue;
    let top = 0;
    stack[0] = root;
    disc[root] = low[root] = time++;
    next[root] = offsets[root];
    while (top >= 0) {
      const u = stack[top];
      if (next[u] < offsets[u + 1]) {
        const w = neighbours[next[u]++];
        if (disc[w] < 0) {
          parent[w] = u;
          disc[w] = low[w] = time++;
          next[w] = offsets[w];
          stack[++top] = w;
        } else if (w !== parent[u] && disc[w] < low[u]) low[u] = disc[w];
      } else {
        top--;
        const p = parent[u];
        if (p >= 0) {
          if (low[u] < low[p]) low[p] = low[u];
          if (low[u] > disc[p]) {
            bridge[position(offsets, neighbours, p, u)] = 1;
            bridge[position(offsets, neighbours, u, p)] = 1;
          }
        }
      }
    }
  }
  return bridge;
}

/** Index of w in u's sorted neighbour list (it must be there). */
function position(offsets: Uint32Array, neighbours: Uint32Array, u: number, w: number): number {
  let lo = offsets[u];
  let hi = offsets[u + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (neighbours[mid] < w) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per out-arc: 1 when its undirected edge is a bridge. */
export function splittingArcs(csr: Csr): Uint8Array {
  const { offsets, neighbours } = undirectedNeighbours(csr);
  const bridge = bridgeEdges(csr.n, offsets, neighbours);
  const out = new Uint8Array(csr.arcs);
  for (let u = 0; u < csr.n; u++)
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++)
      out[k] = bridge[position(offsets, neighbours, u, csr.outTargets[k])];
  return out;
}

/** Per out-arc tables of a graph's ties (aligned with outTargets), computed once. */
export interface TieTables {
  mutual: Uint8Array;
  strong: Uint8Array;
  splitting: Uint8Array;
  /** Louvain community per node, and how many. */
  community: Uint32Array;
  communities: number;
}

export function tieTables(
  csr: Csr,
  by: StrongBy,
  louvain: { rngSeed: number; resolution: number },
): TieTables {
  const mutual = mutualArcs(csr);
  const strong = by.kind === 'mutual' ? mutual : strongArcs(csr, by);
  const splitting = splittingArcs(csr);
  const { community, count } = louvainCommunities(csr, louvain);
  return { mutual, strong, splitting, community, communities: count };
}

/** Why a rule makes every tie one kind: an undirected graph, or no reciprocated arc under mutual. */
export type TiesNote = 'undirected' | 'noMutual';

export function tiesNote(csr: Csr, by: StrongBy, mutualArcCount: number): TiesNote | null {
  if (by.kind !== 'mutual' || csr.arcs === 0) return null;
  if (!csr.directed) return 'undirected';
  return mutualArcCount === 0 ? 'noMutual' : null;
}

export function summarizeTies(
  csr: Csr,
  by: StrongBy,
  strongByText: string,
  louvain: { rngSeed: number; resolution: number },
): TiesSummary {
  const { mutual, strong, splitting, community, communities: count } = tieTables(csr, by, louvain);
  const overlap = arcOverlap(csr);
  let mutualCount = 0;
  let strongCount = 0;
  let between = 0;
  let split = 0;
  let overlapSum = 0;
  const bins = new Array<number>(EMBEDDEDNESS_BINS).fill(0);
  for (let u = 0; u < csr.n; u++) {
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) {
      mutualCount += mutual[k];
      strongCount += strong[k];
      split += splitting[k];
      if (community[u] !== community[csr.outTargets[k]]) between++;
      overlapSum += overlap[k];
      bins[Math.min(EMBEDDEDNESS_BINS - 1, Math.floor(overlap[k] * EMBEDDEDNESS_BINS))]++;
    }
  }
  const notes: string[] = [];
  const note = tiesNote(csr, by, mutualCount);
  if (note === 'undirected') notes.push(UNDIRECTED_NOTE);
  else if (note === 'noMutual') notes.push(NO_MUTUAL_NOTE);
  return {
    nodes: csr.n,
    arcs: csr.arcs,
    directed: csr.directed,
    mutualPairs: mutualCount / 2,
    strongBy: strongByText,
    strong: strongCount,
    weak: csr.arcs - strongCount,
    bridges: { betweenCommunities: between, splitting: split, communities: count },
    embeddedness: {
      bins: bins.map((arcs, i) => ({ from: i / EMBEDDEDNESS_BINS, to: (i + 1) / EMBEDDEDNESS_BINS, arcs })),
      mean: csr.arcs > 0 ? overlapSum / csr.arcs : 0,
    },
    notes,
  };
}
