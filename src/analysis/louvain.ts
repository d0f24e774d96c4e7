/**
 * Louvain communities (Blondel, Guillaume, Lambiotte, Lefebvre 2008) on the CSR: a step-for-step
 * port of graphology-communities-louvain 2.0.2 (undirected, unweighted, fastLocalMoves and
 * randomWalk on, the options communities.ts has always used), without building a graphology graph.
 *
 * It reproduces the reference exactly, not approximately: the same simple undirected view with the
 * same edge order (the order in which graphology's mergeEdge met each pair, node by node along the
 * out-arcs), the same neighbour order (graphology's index fills each node's list backwards), the
 * same queue of nodes to visit (mnemonist's SparseQueueSet), the same order of candidate
 * communities (mnemonist's SparseMap: first met first), the same delta arithmetic and tie-breaker,
 * the same random draws (one per level: the start of the walk), the same community renumbering
 * and the induced graph's neighbours in increasing community order (graphology iterates an
 * object's integer keys). Even the typed arrays are of the same width (mnemonist's
 * getPointerArray), so the rare wrap-arounds of the reference (a graph of exactly 128 or 32768
 * edges overflows its offsets) happen here too. test/analysis/louvain-csr.test.ts compares the two
 * on random and bundled graphs: identical communities and bit-identical modularity.
 */
import type { Csr } from '../graph/types.ts';

export interface LouvainCsrOptions {
  /** Uniform floats in [0, 1): one draw per level, the start of the random walk. */
  rng: () => number;
  /** Modularity resolution gamma. */
  resolution: number;
}

export interface LouvainCsrResult {
  /** Community of each node (raw labels of the last level, as graphology's `communities`). */
  community: Uint32Array;
  /** Newman-Girvan modularity of the partition, as graphology's `index.modularity()`. */
  modularity: number;
  /** Levels (zoom-outs) performed. */
  level: number;
}

type PointerArray = Uint8Array | Uint16Array | Uint32Array;
type PointerArrayClass = Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor;

/** mnemonist's getPointerArray: the narrowest unsigned array able to index `size` items. */
function pointerArray(size: number): PointerArrayClass {
  const maxIndex = size - 1;
  if (maxIndex <= 255) return Uint8Array;
  if (maxIndex <= 65535) return Uint16Array;
  return Uint32Array;
}

const EPSILON = 1e-10;

/**
 * The simple undirected view's edges in the order graphology's graph held them: node by node, each
 * node's out-arcs in CSR order, a pair kept when first met (undirected CSRs: at its lower end;
 * directed: at its lower end if that end has the arc, else at the other end).
 */
function simpleEdges(csr: Csr): { source: Uint32Array; target: Uint32Array; count: number } {
  const { n, outOffsets, outTargets, inOffsets, inSources, directed } = csr;
  const source = new Uint32Array(directed ? csr.arcs : csr.arcs >>> 1);
  const target = new Uint32Array(source.length);
  let count = 0;
  const hasArcTo = directed ? new Int32Array(n).fill(-1) : null;
  for (let s = 0; s < n; s++) {
    if (hasArcTo) for (let k = inOffsets[s]; k < inOffsets[s + 1]; k++) hasArcTo[inSources[k]] = s;
    for (let k = outOffsets[s]; k < outOffsets[s + 1]; k++) {
      const t = outTargets[k];
      if (t === s) continue;
      // Undirected: the pair is met first from its lower end. Directed: from the lower end when it
      // has the arc (t < s and t -> s means the pair was already met at t).
      if (t < s && (!hasArcTo || hasArcTo[t] === s)) continue;
      source[count] = s;
      target[count] = t;
      count++;
    }
  }
  return { source, target, count };
}

/** The reference's index (graphology-indices' UndirectedLouvainIndex) and the scratch of a run. */
class LouvainIndex {
  /** Nodes of the current level (communities of the level below). */
  C: number;
  /** Total edge weight. */
  M: number;
  /** Community ids on the stack of unused ones. */
  U = 0;
  level = 0;
  neighborhood: PointerArray;
  weights: PointerArray;
  nextNeighborhood: PointerArray;
  nextWeights: PointerArray;
  readonly loops: PointerArray;
  readonly starts: PointerArray;
  readonly belongings: PointerArray;
  readonly counts: PointerArray;
  readonly unused: PointerArray;
  readonly totalWeights: PointerArray;
  /** Community of each original node at the current level. */
  readonly mapping: PointerArray;

  constructor(order: number, edges: { source: Uint32Array; target: Uint32Array; count: number }) {
    const size = edges.count;
    const E2 = size * 2;
    const Starts = pointerArray(E2);
    const Nodes = pointerArray(order + 1);
    const Weights = pointerArray(size * 2);
    this.C = order;
    this.M = 0;
    this.neighborhood = new Nodes(E2);
    this.weights = new Weights(E2);
    this.nextNeighborhood = new Nodes(E2);
    this.nextWeights = new Weights(E2);
    this.loops = new Weights(order);
    this.starts = new Starts(order + 1);
    this.belongings = new Nodes(order);
    this.counts = new Nodes(order);
    this.unused = new Nodes(order);
    this.totalWeights = new Weights(order);
    this.mapping = new Nodes(order);
    this.fill(order, edges);
  }

  private fill(order: number, edges: { source: Uint32Array; target: Uint32Array; count: number }): void {
    const { starts, belongings, counts, totalWeights, neighborhood, weights, mapping } = this;
    const size = edges.count;
    const sources = edges.source;
    const targets = edges.target;
    const degrees = new Uint32Array(order);
    for (let e = 0; e < size; e++) {
      degrees[sources[e]]++;
      degrees[targets[e]]++;
    }
    let cumulative = 0;
    for (let i = 0; i < order; i++) {
      cumulative += degrees[i];
      starts[i] = cumulative;
      belongings[i] = i;
      counts[i] = 1;
    }
    for (let e = 0; e < size; e++) {
      const source = sources[e];
      const target = targets[e];
      totalWeights[source] += 1;
      totalWeights[target] += 1;
      const startSource = --starts[source];
      const startTarget = --starts[target];
      neighborhood[startSource] = target;
      neighborhood[startTarget] = source;
      weights[startSource] = 1;
      weights[startTarget] = 1;
    }
    this.M = size;
    starts[order] = size * 2;
    for (let i = 0; i < order; i++) mapping[i] = belongings[i];
  }
}

/** mnemonist's SparseQueueSet, with its own word width (its "not queued" mark is the capacity). */
class NodeQueue {
  start = 0;
  size = 0;
  readonly capacity: number;
  readonly dense: PointerArray;
  readonly sparse: PointerArray;

  constructor(capacity: number) {
    const Pointers = pointerArray(capacity);
    this.capacity = capacity;
    this.dense = new Pointers(capacity);
    this.sparse = new Pointers(capacity);
  }

  enqueue(member: number): void {
    const { capacity, start, size } = this;
    let index = this.sparse[member];
    if (size !== 0) {
      const inBounds =
        (index < capacity && index >= start && index < start + size) || index < (start + size) % capacity;
      if (inBounds && this.dense[index] === member) return;
    }
    index = (start + size) % capacity;
    this.dense[index] = member;
    this.sparse[member] = index;
    this.size = size + 1;
  }

  dequeue(): number {
    const index = this.start;
    this.size--;
    this.start++;
    if (this.start === this.capacity) this.start = 0;
    const member = this.dense[index];
    this.sparse[member] = this.capacity;
    return member;
  }
}

/** mnemonist's SparseMap(Float64Array): candidate communities and their weights, first met first. */
class CommunityWeights {
  size = 0;
  readonly dense: PointerArray;
  readonly sparse: PointerArray;
  readonly vals: Float64Array;

  constructor(length: number) {
    const Pointers = pointerArray(length);
    this.dense = new Pointers(length);
    this.sparse = new Pointers(length);
    this.vals = new Float64Array(length);
  }
}

/**
 * One level of local moves (the reference's `while (queue.size !== 0)` loop): whether a node moved.
 */
function moveNodes(
  index: LouvainIndex,
  queue: NodeQueue,
  map: CommunityWeights,
  rng: () => number,
  resolution: number,
): boolean {
  const { starts, neighborhood, weights, belongings, loops, totalWeights, counts, unused } = index;
  const { dense, sparse, vals } = map;
  const M2 = 2 * index.M;
  const l = index.C;
  let U = index.U;
  let moveWasMade = false;
  let ri = Math.floor(rng() * l);
  for (let s = 0; s < l; s++, ri++) queue.enqueue(ri % l);

  while (queue.size !== 0) {
    const i = queue.dequeue();
    let degree = 0;
    let size = 0;
    const currentCommunity = belongings[i];
    const end = starts[i + 1];
    for (let k = starts[i]; k < end; k++) {
      const weight = weights[k];
      const community = belongings[neighborhood[k]];
      degree += weight;
      const at = sparse[community];
      if (at < size && dense[at] === community) vals[at] += weight;
      else {
        dense[size] = community;
        sparse[community] = size;
        vals[size] = weight;
        size++;
      }
    }

    const loopDegree = degree + loops[i];
    const own = sparse[currentCommunity];
    const ownDegree = own < size && dense[own] === currentCommunity ? vals[own] : 0;
    let bestDelta =
      ownDegree - (loopDegree * (totalWeights[currentCommunity] - loopDegree) * resolution) / M2;
    let bestCommunity = currentCommunity;
    for (let ci = 0; ci < size; ci++) {
      const targetCommunity = dense[ci];
      if (targetCommunity === currentCommunity) continue;
      const delta = vals[ci] - (loopDegree * totalWeights[targetCommunity] * resolution) / M2;
      let better: boolean;
      if (Math.abs(delta - bestDelta) < EPSILON)
        better = bestCommunity === currentCommunity ? false : targetCommunity > bestCommunity;
      else better = delta > bestDelta;
      if (better) {
        bestDelta = delta;
        bestCommunity = targetCommunity;
      }
    }

    if (bestDelta < 0) {
      // isolate: back to a singleton (a no-op when already alone)
      if (counts[currentCommunity] === 1) continue;
      const newCommunity = unused[--U];
      totalWeights[currentCommunity] -= loopDegree;
      totalWeights[newCommunity] += loopDegree;
      belongings[i] = newCommunity;
      counts[currentCommunity]--;
      counts[newCommunity]++;
      bestCommunity = newCommunity;
    } else {
      if (bestCommunity === currentCommunity) continue;
      // move
      totalWeights[currentCommunity] -= loopDegree;
      totalWeights[bestCommunity] += loopDegree;
      belongings[i] = bestCommunity;
      const nowEmpty = counts[currentCommunity]-- === 1;
      counts[bestCommunity]++;
      if (nowEmpty) unused[U++] = currentCommunity;
    }
    moveWasMade = true;
    for (let k = starts[i]; k < end; k++) {
      const j = neighborhood[k];
      if (belongings[j] !== bestCommunity) queue.enqueue(j);
    }
  }
  index.U = U;
  return moveWasMade;
}

/** Scratch of zoomOut, allocated once. */
class ZoomScratch {
  readonly newLabels: Int32Array;
  readonly groupStart: Uint32Array;
  readonly groupMembers: Uint32Array;
  readonly adjacent: Float64Array;
  readonly adjacentMark: Int32Array;
  readonly adjacentList: Uint32Array;
  readonly nextStarts: Uint32Array;
  readonly nextLoops: Float64Array;

  constructor(order: number) {
    this.newLabels = new Int32Array(order);
    this.groupStart = new Uint32Array(order + 1);
    this.groupMembers = new Uint32Array(order);
    this.adjacent = new Float64Array(order);
    this.adjacentMark = new Int32Array(order);
    this.adjacentList = new Uint32Array(order);
    this.nextStarts = new Uint32Array(order);
    this.nextLoops = new Float64Array(order);
  }
}

/**
 * The reference's zoomOut: communities renumbered by first member, each one a node of the induced
 * graph, its neighbours in increasing order with summed weights, its internal weight as a loop.
 */
function zoomOut(index: LouvainIndex, scratch: ZoomScratch): void {
  const { starts, belongings, loops, totalWeights, counts, mapping, neighborhood, weights } = index;
  const { newLabels, groupStart, groupMembers, adjacent, adjacentMark, adjacentList, nextStarts, nextLoops } =
    scratch;
  const nextNeighborhood = index.nextNeighborhood;
  const nextWeights = index.nextWeights;
  const C = index.C;
  newLabels.fill(-1, 0, C);
  let next = 0;
  for (let i = 0; i < C; i++) {
    const ci = belongings[i];
    if (newLabels[ci] < 0) {
      newLabels[ci] = next;
      // the community's total weight, read before the loop below rewrites totalWeights
      adjacent[next] = totalWeights[ci];
      next++;
    }
    belongings[i] = newLabels[ci];
  }
  for (let v = 0; v < mapping.length; v++) mapping[v] = belongings[mapping[v]];
  groupStart.fill(0, 0, next + 1);
  for (let i = 0; i < C; i++) groupStart[belongings[i] + 1]++;
  for (let c = 0; c < next; c++) groupStart[c + 1] += groupStart[c];
  for (let i = 0; i < C; i++) groupMembers[groupStart[belongings[i]]++] = i;
  for (let c = next; c > 0; c--) groupStart[c] = groupStart[c - 1];
  groupStart[0] = 0;
  for (let c = 0; c < next; c++) totalWeights[c] = adjacent[c];

  adjacentMark.fill(-1, 0, next);
  let n = 0;
  for (let ci = 0; ci < next; ci++) {
    let internal = 0;
    let listed = 0;
    for (let g = groupStart[ci]; g < groupStart[ci + 1]; g++) {
      const i = groupMembers[g];
      internal += loops[i];
      for (let k = starts[i], m = starts[i + 1]; k < m; k++) {
        const cj = belongings[neighborhood[k]];
        if (cj === ci) {
          internal += weights[k];
          continue;
        }
        if (adjacentMark[cj] !== ci) {
          adjacentMark[cj] = ci;
          adjacent[cj] = 0;
          adjacentList[listed++] = cj;
        }
        adjacent[cj] += weights[k];
      }
    }
    const list = adjacentList.subarray(0, listed).sort();
    nextStarts[ci] = n;
    nextLoops[ci] = internal;
    for (let x = 0; x < listed; x++) {
      const cj = list[x];
      nextNeighborhood[n] = cj;
      nextWeights[n] = adjacent[cj];
      n++;
    }
  }
  for (let ci = 0; ci < next; ci++) {
    starts[ci] = nextStarts[ci];
    loops[ci] = nextLoops[ci];
    counts[ci] = 1;
    belongings[ci] = ci;
  }
  starts[next] = n;
  index.C = next;
  index.U = 0;
  index.level++;
  index.nextNeighborhood = neighborhood;
  index.neighborhood = nextNeighborhood;
  index.nextWeights = weights;
  index.weights = nextWeights;
}

/** The reference's index.modularity(). */
function indexModularity(index: LouvainIndex, resolution: number): number {
  const { C, starts, belongings, loops, neighborhood, weights, totalWeights } = index;
  const M2 = index.M * 2;
  const internalWeights = new Float64Array(C);
  for (let i = 0; i < C; i++) {
    const ci = belongings[i];
    internalWeights[ci] += loops[i];
    for (let k = starts[i], m = starts[i + 1]; k < m; k++) {
      if (belongings[neighborhood[k]] !== ci) continue;
      internalWeights[ci] += weights[k];
    }
  }
  let modularity = 0;
  for (let i = 0; i < C; i++)
    modularity += internalWeights[i] / M2 - (totalWeights[i] / M2) ** 2 * resolution;
  return modularity;
}

/**
 * Louvain on the undirected simple view of `csr` (an arc either way makes one edge of weight 1).
 * The caller handles the edgeless graph (graphology returns early there). Each phase is a function
 * of its own, so V8 optimises each as it gets hot (one function with every loop deoptimised again
 * and again on the first, single run of a command).
 */
export function louvainCsr(csr: Csr, options: LouvainCsrOptions): LouvainCsrResult {
  const { rng, resolution } = options;
  const order = csr.n;
  const edges = simpleEdges(csr);
  if (edges.count === 0) throw new Error('louvainCsr: the graph has no edges');
  const index = new LouvainIndex(order, edges);
  const queue = new NodeQueue(order);
  const map = new CommunityWeights(order);
  const scratch = new ZoomScratch(order);
  while (moveNodes(index, queue, map, rng, resolution)) zoomOut(index, scratch);
  return {
    community: Uint32Array.from(index.mapping),
    modularity: indexModularity(index, resolution),
    level: index.level,
  };
}
