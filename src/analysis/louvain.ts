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

/**
 * Louvain on the undirected simple view of `csr` (an arc either way makes one edge of weight 1).
 * The caller handles the edgeless graph (graphology returns early there).
 */
export function louvainCsr(csr: Csr, options: LouvainCsrOptions): LouvainCsrResult {
  const { rng, resolution } = options;
  const order = csr.n;
  const edges = simpleEdges(csr);
  const size = edges.count;
  if (size === 0) throw new Error('louvainCsr: the graph has no edges');
  const E2 = size * 2;
  const Starts = pointerArray(E2);
  const Nodes = pointerArray(order + 1);
  const Weights = pointerArray(size * 2);

  // Index (graphology-indices' UndirectedLouvainIndex constructor).
  let C = order;
  let M = 0;
  let U = 0;
  let neighborhood: PointerArray = new Nodes(E2);
  let weights: PointerArray = new Weights(E2);
  let nextNeighborhood: PointerArray = new Nodes(E2);
  let nextWeights: PointerArray = new Weights(E2);
  const loops = new Weights(order);
  const starts = new Starts(order + 1);
  const belongings = new Nodes(order);
  const counts = new Nodes(order);
  const unused = new Nodes(order);
  const totalWeights = new Weights(order);
  const mapping = new Nodes(order);

  const degrees = new Uint32Array(order);
  for (let e = 0; e < size; e++) {
    degrees[edges.source[e]]++;
    degrees[edges.target[e]]++;
  }
  let cumulative = 0;
  for (let i = 0; i < order; i++) {
    cumulative += degrees[i];
    starts[i] = cumulative;
    belongings[i] = i;
    counts[i] = 1;
  }
  for (let e = 0; e < size; e++) {
    const source = edges.source[e];
    const target = edges.target[e];
    M += 1;
    totalWeights[source] += 1;
    totalWeights[target] += 1;
    const startSource = --starts[source];
    const startTarget = --starts[target];
    neighborhood[startSource] = target;
    neighborhood[startTarget] = source;
    weights[startSource] = 1;
    weights[startTarget] = 1;
  }
  starts[order] = E2;
  for (let i = 0; i < order; i++) mapping[i] = belongings[i];

  // mnemonist's SparseMap(Float64Array, order): candidate communities, first met first.
  const Pointers = pointerArray(order);
  const mapDense = new Pointers(order);
  const mapSparse = new Pointers(order);
  const mapVals = new Float64Array(order);
  let mapSize = 0;

  // mnemonist's SparseQueueSet(order), with its own word width (its "not queued" mark is the
  // capacity, which wraps when the capacity is a power of two at the width's edge).
  const capacity = order;
  const queueDense = new Pointers(capacity);
  const queueSparse = new Pointers(capacity);
  let queueStart = 0;
  let queueSize = 0;
  const enqueue = (member: number) => {
    let index = queueSparse[member];
    if (queueSize !== 0) {
      const inBounds =
        (index < capacity && index >= queueStart && index < queueStart + queueSize) ||
        index < (queueStart + queueSize) % capacity;
      if (inBounds && queueDense[index] === member) return;
    }
    index = (queueStart + queueSize) % capacity;
    queueDense[index] = member;
    queueSparse[member] = index;
    queueSize++;
  };

  // Scratch of the zoom-out.
  const newLabels = new Int32Array(order);
  const groupStart = new Uint32Array(order + 1);
  const groupMembers = new Uint32Array(order);
  const adjacent = new Float64Array(order);
  const adjacentMark = new Int32Array(order);
  const adjacentList = new Uint32Array(order);
  const nextStartsScratch = new Uint32Array(order);
  const loopsScratch = new Float64Array(order);

  let level = 0;
  let moveWasMade = true;
  while (moveWasMade) {
    const l = C;
    moveWasMade = false;
    let ri = Math.floor(rng() * l);
    for (let s = 0; s < l; s++, ri++) enqueue(ri % l);

    while (queueSize !== 0) {
      // dequeue
      const i = queueDense[queueStart];
      queueSize--;
      queueStart++;
      if (queueStart === capacity) queueStart = 0;
      queueSparse[i] = capacity;

      let degree = 0;
      mapSize = 0;
      const currentCommunity = belongings[i];
      const end = starts[i + 1];
      for (let k = starts[i]; k < end; k++) {
        const weight = weights[k];
        const community = belongings[neighborhood[k]];
        degree += weight;
        const index = mapSparse[community];
        if (index < mapSize && mapDense[index] === community) mapVals[index] += weight;
        else {
          mapDense[mapSize] = community;
          mapSparse[community] = mapSize;
          mapVals[mapSize] = weight;
          mapSize++;
        }
      }

      const loopDegree = degree + loops[i];
      const own = mapSparse[currentCommunity];
      const ownDegree = own < mapSize && mapDense[own] === currentCommunity ? mapVals[own] : 0;
      let bestDelta =
        ownDegree - (loopDegree * (totalWeights[currentCommunity] - loopDegree) * resolution) / (2 * M);
      let bestCommunity = currentCommunity;
      for (let ci = 0; ci < mapSize; ci++) {
        const targetCommunity = mapDense[ci];
        if (targetCommunity === currentCommunity) continue;
        const delta = mapVals[ci] - (loopDegree * totalWeights[targetCommunity] * resolution) / (2 * M);
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
        if (belongings[j] !== bestCommunity) enqueue(j);
      }
    }

    if (!moveWasMade) break;

    // zoomOut: communities renumbered by first member, each one a node of the induced graph.
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
    for (let v = 0; v < order; v++) mapping[v] = belongings[mapping[v]];
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
      nextStartsScratch[ci] = n;
      loopsScratch[ci] = internal;
      for (let x = 0; x < listed; x++) {
        const cj = list[x];
        nextNeighborhood[n] = cj;
        nextWeights[n] = adjacent[cj];
        n++;
      }
    }
    for (let ci = 0; ci < next; ci++) {
      starts[ci] = nextStartsScratch[ci];
      loops[ci] = loopsScratch[ci];
      counts[ci] = 1;
      belongings[ci] = ci;
    }
    starts[next] = n;
    C = next;
    U = 0;
    level++;
    const swapN = neighborhood;
    neighborhood = nextNeighborhood;
    nextNeighborhood = swapN;
    const swapW = weights;
    weights = nextWeights;
    nextWeights = swapW;
  }

  // index.modularity()
  const M2 = M * 2;
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
  return { community: Uint32Array.from(mapping), modularity, level };
}
