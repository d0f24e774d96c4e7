/**
 * Breadth-first distance kernels for closeness: 32 searches at once, one bit per search (the
 * multi-source BFS of M. Then et al., The More the Merrier, VLDB 2015, as src/analysis/distance/bfs.ts
 * uses for hop plots), each level the cheaper of two ways (S. Beamer, K. Asanović, D. Patterson,
 * Direction-Optimizing Breadth-First Search, SC 2012):
 * - top-down: every node with frontier bits ORs them into its neighbours along the search;
 * - bottom-up: every node some search has not reached ORs the frontier bits of its neighbours
 *   against the search, and stops as soon as it holds every bit it lacks; cheaper in the middle
 *   levels of a small-world graph, where the frontier is large and few nodes are left.
 * On ego-Facebook one sweep of the arcs then serves many searches: all 4039 searches take about
 * a twentieth of the time of one search after the other.
 *
 * - createDistanceSummer: searches from sources along the reach direction (out-arcs): how many
 *   nodes each source reaches and at what total distance (exact closeness of those sources).
 * - createPivotDistances: searches from pivots *against* the reach direction (in-arcs), which gives
 *   every node its distance *to* each pivot: one search adds a sample to every node (sampled
 *   closeness).
 * Counts and distances are integers, so the sums are exact and do not depend on how the sources
 * are grouped.
 */
import type { Csr } from '../../graph/types.ts';

/** Searches run together (bits of a word). */
export const LANES = 32;

/** Bottom-up when the unfinished nodes' arcs are fewer than this many times the frontier's. */
const BOTTOM_UP = 2;

/** Number of set bits of a 32-bit word. */
function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

interface Sums {
  reached: Float64Array;
  distanceSum: Float64Array;
  distanceSumSq: Float64Array | null;
}

/**
 * A bit-parallel search along (offsets, targets), pulling over (backOffsets, backSources).
 * perNode = false: reached[i] and distanceSum[i] get the count and total distance of the nodes
 * search i reaches (itself included, at distance 0). perNode = true: every node w other than the
 * source gets, per search reaching it, 1 in reached[w], the distance in distanceSum[w] and its
 * square in distanceSumSq[w]. One method per kind of level, so V8 optimises each as it gets hot
 * (a command runs the searches once, and one big function kept being deoptimised on new paths).
 */
class BitParallelSearch {
  private readonly n: number;
  private readonly arcs: number;
  private readonly seen: Int32Array;
  private readonly frontier: Int32Array;
  private readonly incoming: Int32Array;
  private front: Int32Array;
  private nextFront: Int32Array;
  private readonly unfinished: Int32Array;
  private readonly touched: Int32Array;
  /** Lanes in use: all bits of the searches run. */
  private full = 0;
  private fronts = 0;
  private frontArcs = 0;
  /** Nodes some search has not reached, listed at the first bottom-up level (-1 before). */
  private unfinishedCount = -1;
  /** Arcs (against the search) of those nodes. */
  private unfinishedArcs = 0;

  constructor(
    n: number,
    private readonly offsets: Uint32Array,
    private readonly targets: Uint32Array,
    private readonly backOffsets: Uint32Array,
    private readonly backSources: Uint32Array,
  ) {
    this.n = n;
    this.arcs = offsets[n];
    this.seen = new Int32Array(n);
    this.frontier = new Int32Array(n);
    this.incoming = new Int32Array(n);
    this.front = new Int32Array(n);
    this.nextFront = new Int32Array(n);
    this.unfinished = new Int32Array(n);
    this.touched = new Int32Array(n);
  }

  run(sources: ArrayLike<number>, from: number, to: number, perNode: boolean, sums: Sums): void {
    const { offsets, seen, frontier, front } = this;
    const width = to - from;
    this.full = width === LANES ? -1 : (1 << width) - 1;
    let fronts = 0;
    let frontArcs = 0;
    for (let i = 0; i < width; i++) {
      const s = sources[from + i];
      if (frontier[s] === 0) {
        front[fronts++] = s;
        frontArcs += offsets[s + 1] - offsets[s];
      }
      seen[s] |= 1 << i;
      frontier[s] |= 1 << i;
      if (!perNode) sums.reached[i] += 1;
    }
    this.fronts = fronts;
    this.frontArcs = frontArcs;
    this.unfinishedCount = -1;
    this.unfinishedArcs = this.arcs;
    for (let depth = 1; this.fronts > 0; depth++) {
      const newFronts = this.unfinishedArcs < this.frontArcs * BOTTOM_UP ? this.bottomUp() : this.topDown();
      if (perNode) this.addPerNode(newFronts, depth, sums);
      else this.addPerSearch(newFronts, depth, sums);
      const swap = this.front;
      this.front = this.nextFront;
      this.nextFront = swap;
      this.fronts = newFronts;
    }
    seen.fill(0);
  }

  /** Every node some search lacks ORs its neighbours' frontier bits; the new frontier's size. */
  private bottomUp(): number {
    const { n, seen, frontier, incoming, front, nextFront, unfinished, backOffsets, backSources, full } =
      this;
    if (this.unfinishedCount < 0) {
      let count = 0;
      let arcs = 0;
      for (let v = 0; v < n; v++)
        if (seen[v] !== full) {
          unfinished[count++] = v;
          arcs += backOffsets[v + 1] - backOffsets[v];
        }
      this.unfinishedCount = count;
      this.unfinishedArcs = arcs;
    }
    const count = this.unfinishedCount;
    let newFronts = 0;
    let kept = 0;
    let keptArcs = 0;
    for (let i = 0; i < count; i++) {
      const w = unfinished[i];
      const lacking = ~seen[w] & full;
      if (lacking === 0) continue; // finished by a top-down level since the list was built
      let got = 0;
      const end = backOffsets[w + 1];
      for (let k = backOffsets[w]; k < end; k++) {
        got |= frontier[backSources[k]];
        if ((got & lacking) === lacking) break;
      }
      const fresh = got & lacking;
      if (fresh !== 0) {
        incoming[w] = fresh;
        nextFront[newFronts++] = w;
        seen[w] |= fresh;
      }
      if (fresh !== lacking) {
        unfinished[kept++] = w;
        keptArcs += end - backOffsets[w];
      }
    }
    this.unfinishedCount = kept;
    this.unfinishedArcs = keptArcs;
    for (let i = 0; i < this.fronts; i++) frontier[front[i]] = 0;
    for (let i = 0; i < newFronts; i++) {
      const w = nextFront[i];
      frontier[w] = incoming[w];
      incoming[w] = 0;
    }
    return newFronts;
  }

  /** Every frontier node ORs its bits into its neighbours; the new frontier's size. */
  private topDown(): number {
    const { n, seen, frontier, incoming, front, nextFront, touched, offsets, targets, backOffsets, full } =
      this;
    const fronts = this.fronts;
    // The nodes touched are listed unless the frontier's arcs cover the graph.
    const listed = this.frontArcs * 4 < n;
    let touches = 0;
    for (let i = 0; i < fronts; i++) {
      const v = front[i];
      const f = frontier[v];
      const end = offsets[v + 1];
      if (listed) {
        for (let k = offsets[v]; k < end; k++) {
          const w = targets[k];
          const x = incoming[w];
          if (x === 0) touched[touches++] = w;
          incoming[w] = x | f;
        }
      } else {
        for (let k = offsets[v]; k < end; k++) incoming[targets[k]] |= f;
      }
    }
    for (let i = 0; i < fronts; i++) frontier[front[i]] = 0;
    const candidates = listed ? touches : n;
    let newFronts = 0;
    let finishedArcs = 0;
    for (let i = 0; i < candidates; i++) {
      const w = listed ? touched[i] : i;
      const x = incoming[w];
      if (x === 0) continue;
      incoming[w] = 0;
      const s = seen[w];
      const fresh = x & ~s;
      if (fresh === 0) continue;
      seen[w] = s | fresh;
      if ((s | fresh) === full) finishedArcs += backOffsets[w + 1] - backOffsets[w];
      frontier[w] = fresh;
      nextFront[newFronts++] = w;
    }
    // The unfinished list, if any, drops the nodes finished here at its next bottom-up level.
    this.unfinishedArcs -= finishedArcs;
    return newFronts;
  }

  /** Pivots: each node first reached at `depth` gets one sample per search that reached it. */
  private addPerNode(newFronts: number, depth: number, sums: Sums): void {
    const { nextFront, frontier, offsets } = this;
    const { reached, distanceSum, distanceSumSq } = sums;
    const square = depth * depth;
    let arcs = 0;
    for (let i = 0; i < newFronts; i++) {
      const w = nextFront[i];
      const c = popcount32(frontier[w]);
      reached[w] += c;
      distanceSum[w] += c * depth;
      if (distanceSumSq) distanceSumSq[w] += c * square;
      arcs += offsets[w + 1] - offsets[w];
    }
    this.frontArcs = arcs;
  }

  /** Sources: each search counts the nodes it first reached at `depth`. */
  private addPerSearch(newFronts: number, depth: number, sums: Sums): void {
    const { nextFront, frontier, offsets } = this;
    const { reached, distanceSum } = sums;
    let arcs = 0;
    for (let i = 0; i < newFronts; i++) {
      const w = nextFront[i];
      let x = frontier[w];
      while (x !== 0) {
        const lane = 31 - Math.clz32(x & -x);
        reached[lane] += 1;
        distanceSum[lane] += depth;
        x &= x - 1;
      }
      arcs += offsets[w + 1] - offsets[w];
    }
    this.frontArcs = arcs;
  }
}

/** Exact: from each source along the reach direction, nodes reached (itself included) and total distance. */
export interface DistanceSummer {
  /** reached[i] and distanceSum[i] for sources[i], every i. */
  fromSources(sources: ArrayLike<number>): { reached: Float64Array; distanceSum: Float64Array };
}

export function createDistanceSummer(csr: Csr): DistanceSummer {
  const kernel = new BitParallelSearch(csr.n, csr.outOffsets, csr.outTargets, csr.inOffsets, csr.inSources);
  const lane = {
    reached: new Float64Array(LANES),
    distanceSum: new Float64Array(LANES),
    distanceSumSq: null,
  };
  return {
    fromSources(sources) {
      const reached = new Float64Array(sources.length);
      const distanceSum = new Float64Array(sources.length);
      for (let from = 0; from < sources.length; from += LANES) {
        const to = Math.min(sources.length, from + LANES);
        lane.reached.fill(0);
        lane.distanceSum.fill(0);
        kernel.run(sources, from, to, false, lane);
        for (let i = from; i < to; i++) {
          reached[i] = lane.reached[i - from];
          distanceSum[i] = lane.distanceSum[i - from];
        }
      }
      return { reached, distanceSum };
    },
  };
}

export interface PivotDistances {
  /**
   * Add, for every pivot and every node v != pivot that reaches it, 1 to reached[v],
   * dist(v, pivot) to distanceSum[v] and its square to distanceSumSq[v].
   */
  addPivots(
    pivots: ArrayLike<number>,
    reached: Float64Array,
    distanceSum: Float64Array,
    distanceSumSq: Float64Array,
  ): void;
}

export function createPivotDistances(csr: Csr): PivotDistances {
  const kernel = new BitParallelSearch(csr.n, csr.inOffsets, csr.inSources, csr.outOffsets, csr.outTargets);
  return {
    addPivots(pivots, reached, distanceSum, distanceSumSq) {
      const sums = { reached, distanceSum, distanceSumSq };
      for (let from = 0; from < pivots.length; from += LANES)
        kernel.run(pivots, from, Math.min(pivots.length, from + LANES), true, sums);
    },
  };
}
