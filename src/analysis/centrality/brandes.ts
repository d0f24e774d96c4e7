/**
 * Single-source shortest-path dependencies (Brandes, A Faster Algorithm for Betweenness
 * Centrality, 2001) on the unweighted CSR, with scratch allocated once per graph and reset only
 * where the last search went. Paths follow the reach direction (out-arcs).
 *
 * Forward, level by level, each level the cheaper of two ways (Beamer, Asanović and Patterson's
 * direction-optimizing BFS, 2012, carried over to path counts):
 * - top-down: every node of the frontier pushes its path count sigma to its out-neighbours;
 * - bottom-up: every node not reached yet sums the sigma of its in-neighbours over an array that
 *   holds sigma on the frontier and 0 elsewhere, so the loop over the arcs has no branch, and a
 *   node is reached when the sum is positive. It costs the in-arcs of the unreached nodes, less
 *   than the frontier's out-arcs in the middle levels of a small-world graph.
 * Path counts are integers, exact in doubles below 2^53, so both ways give the same sigma.
 *
 * Backward, deepest level first,
 *   delta(v) = sigma(v) * sum over out-neighbours w one level deeper of (1 + delta(w)) / sigma(w),
 * each level the cheaper of two ways again:
 * - pull: every node of the level sums over its out-arcs an array that holds that coefficient on
 *   the level below and 0 elsewhere (no branch; four partial sums keep the additions independent);
 * - push: every node of the level below adds its coefficient to all its in-neighbours (those one
 *   level up are the ones read; the others' sums are never read), when the level below has fewer
 *   arcs: near the bottom of the search, where the levels shrink.
 * Either way a level costs the arcs of one of two adjacent levels, not both, which halves the
 * arcs of the backward pass on ego-Facebook.
 */
import type { Csr } from '../../graph/types.ts';

export interface DependencyAccumulator {
  /** Add the dependencies of every node on `source` to `sum` (and their squares to `sumSq`). */
  addSource(source: number, sum: Float64Array, sumSq: Float64Array | null): void;
}

/** Bottom-up when the unreached nodes' in-arcs are fewer than this many times the frontier's out-arcs. */
const BOTTOM_UP = 2;
/** Push when the level below has fewer in-arcs than the level's out-arcs divided by this. */
const PUSH = 1.5;

export function createDependencyAccumulator(csr: Csr): DependencyAccumulator {
  return new Brandes(csr);
}

/**
 * The searches' scratch and one method per kind of level, so V8 optimises each as it gets hot
 * (one big function was deoptimised on each new path: the first batch took four times the others).
 */
class Brandes implements DependencyAccumulator {
  private readonly n: number;
  private readonly arcs: number;
  private readonly outOffsets: Uint32Array;
  private readonly outTargets: Uint32Array;
  private readonly inOffsets: Uint32Array;
  private readonly inSources: Uint32Array;
  private readonly dist: Int32Array;
  private readonly sigma: Float64Array;
  /** Forward: sigma on the frontier, 0 elsewhere. Backward: (1 + delta) / sigma on the level below. */
  private readonly share: Float64Array;
  /** Nodes in the order reached; level L is order[levelStart[L] .. levelStart[L + 1]). */
  private readonly order: Int32Array;
  private readonly levelStart: Int32Array;
  /** Out-arcs and in-arcs of each level's nodes. */
  private readonly levelOut: Float64Array;
  private readonly levelIn: Float64Array;
  private readonly unreached: Int32Array;
  /** The push sums. */
  private readonly pushed: Float64Array;
  // The search in progress: nodes reached, the unreached list (-1 until the first bottom-up
  // level), and the arcs of the level just reached.
  private tail = 0;
  private unreachedCount = -1;
  private reachedOut = 0;
  private reachedIn = 0;

  constructor(csr: Csr) {
    const n = csr.n;
    this.n = n;
    this.arcs = csr.arcs;
    this.outOffsets = csr.outOffsets;
    this.outTargets = csr.outTargets;
    this.inOffsets = csr.inOffsets;
    this.inSources = csr.inSources;
    this.dist = new Int32Array(n).fill(-1);
    this.sigma = new Float64Array(n);
    this.share = new Float64Array(n);
    this.order = new Int32Array(n);
    this.levelStart = new Int32Array(n + 2);
    this.levelOut = new Float64Array(n + 2);
    this.levelIn = new Float64Array(n + 2);
    this.unreached = new Int32Array(n);
    this.pushed = new Float64Array(n);
  }

  addSource(source: number, sum: Float64Array, sumSq: Float64Array | null): void {
    const levels = this.forward(source);
    const { levelStart, levelOut, levelIn } = this;
    for (let L = levels - 1; L >= 1; L--) {
      if (levelIn[L + 1] * PUSH < levelOut[L]) this.push(L, sum, sumSq);
      else this.pull(L, sum, sumSq);
      this.install(levelStart[L], levelStart[L + 1], levelStart[L + 2]);
    }
    this.reset();
  }

  /** The search from `source`, level by level; the number of levels. */
  private forward(source: number): number {
    const { outOffsets, inOffsets, order, levelStart, levelOut, levelIn, dist, sigma } = this;
    dist[source] = 0;
    sigma[source] = 1;
    order[0] = source;
    this.tail = 1;
    this.unreachedCount = -1;
    let levels = 0;
    let frontierOut = outOffsets[source + 1] - outOffsets[source];
    let frontierIn = inOffsets[source + 1] - inOffsets[source];
    let unreachedIn = this.arcs - frontierIn;
    let a = 0;
    let b = 1; // the frontier is order[a..b)
    while (a < b) {
      if (unreachedIn < frontierOut * BOTTOM_UP) this.bottomUp(a, b, levels + 1);
      else this.topDown(a, b, levels + 1);
      levelOut[levels] = frontierOut;
      levelIn[levels] = frontierIn;
      levelStart[levels++] = a;
      a = b;
      b = this.tail;
      frontierOut = this.reachedOut;
      frontierIn = this.reachedIn;
      unreachedIn -= frontierIn;
    }
    levelStart[levels] = this.tail;
    levelStart[levels + 1] = this.tail;
    levelIn[levels] = 0;
    return levels;
  }

  /** The frontier order[a..b) pushes its path counts along its out-arcs. */
  private topDown(a: number, b: number, next: number): void {
    const { outOffsets, outTargets, inOffsets, order, dist, sigma } = this;
    let tail = this.tail;
    let out = 0;
    let reachedIn = 0;
    for (let i = a; i < b; i++) {
      const v = order[i];
      const sv = sigma[v];
      const end = outOffsets[v + 1];
      for (let k = outOffsets[v]; k < end; k++) {
        const w = outTargets[k];
        const dw = dist[w];
        if (dw < 0) {
          dist[w] = next;
          sigma[w] = sv;
          order[tail++] = w;
          out += outOffsets[w + 1] - outOffsets[w];
          reachedIn += inOffsets[w + 1] - inOffsets[w];
        } else if (dw === next) sigma[w] += sv;
      }
    }
    this.tail = tail;
    this.reachedOut = out;
    this.reachedIn = reachedIn;
  }

  /** Every unreached node sums its in-neighbours' path counts on the frontier order[a..b). */
  private bottomUp(a: number, b: number, next: number): void {
    const { n, outOffsets, inOffsets, inSources, order, dist, sigma, share, unreached } = this;
    for (let i = a; i < b; i++) {
      const u = order[i];
      share[u] = sigma[u];
    }
    if (this.unreachedCount < 0) {
      let count = 0;
      for (let v = 0; v < n; v++) if (dist[v] < 0) unreached[count++] = v;
      this.unreachedCount = count;
    }
    const count = this.unreachedCount;
    let tail = this.tail;
    let out = 0;
    let reachedIn = 0;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const w = unreached[i];
      if (dist[w] >= 0) continue; // reached by a top-down level since the list was built
      const end = inOffsets[w + 1];
      let k = inOffsets[w];
      let s0 = 0;
      let s1 = 0;
      for (; k + 1 < end; k += 2) {
        s0 += share[inSources[k]];
        s1 += share[inSources[k + 1]];
      }
      if (k < end) s0 += share[inSources[k]];
      const s = s0 + s1;
      if (s > 0) {
        dist[w] = next;
        sigma[w] = s;
        order[tail++] = w;
        out += outOffsets[w + 1] - outOffsets[w];
        reachedIn += end - inOffsets[w];
      } else unreached[kept++] = w;
    }
    this.unreachedCount = kept;
    for (let i = a; i < b; i++) share[order[i]] = 0;
    this.tail = tail;
    this.reachedOut = out;
    this.reachedIn = reachedIn;
  }

  /** Level L's dependencies, each node summing `share` over its out-arcs. */
  private pull(L: number, sum: Float64Array, sumSq: Float64Array | null): void {
    const { outOffsets, outTargets, order, sigma, share, levelStart } = this;
    for (let i = levelStart[L], last = levelStart[L + 1]; i < last; i++) {
      const v = order[i];
      let p0 = 0;
      let p1 = 0;
      let p2 = 0;
      let p3 = 0;
      const end = outOffsets[v + 1];
      let k = outOffsets[v];
      for (; k + 3 < end; k += 4) {
        p0 += share[outTargets[k]];
        p1 += share[outTargets[k + 1]];
        p2 += share[outTargets[k + 2]];
        p3 += share[outTargets[k + 3]];
      }
      for (; k < end; k++) p0 += share[outTargets[k]];
      const delta = sigma[v] * (p0 + p1 + (p2 + p3));
      sum[v] += delta;
      if (sumSq) sumSq[v] += delta * delta;
      sigma[v] = (1 + delta) / sigma[v]; // this level's coefficient, installed next
    }
  }

  /** Level L's dependencies, the level below pushing its coefficients over its in-arcs. */
  private push(L: number, sum: Float64Array, sumSq: Float64Array | null): void {
    const { inOffsets, inSources, order, sigma, pushed, levelStart } = this;
    const first = levelStart[L];
    const last = levelStart[L + 1];
    for (let i = first; i < last; i++) pushed[order[i]] = 0;
    for (let i = last, e = levelStart[L + 2]; i < e; i++) {
      const w = order[i];
      const coefficient = sigma[w];
      const end = inOffsets[w + 1];
      for (let k = inOffsets[w]; k < end; k++) pushed[inSources[k]] += coefficient;
    }
    for (let i = first; i < last; i++) {
      const v = order[i];
      const delta = sigma[v] * pushed[v];
      sum[v] += delta;
      if (sumSq) sumSq[v] += delta * delta;
      sigma[v] = (1 + delta) / sigma[v];
    }
  }

  /** `share` holds the coefficients of order[first..last) and 0 on order[last..below). */
  private install(first: number, last: number, below: number): void {
    const { order, sigma, share } = this;
    for (let i = last; i < below; i++) share[order[i]] = 0;
    for (let i = first; i < last; i++) {
      const v = order[i];
      share[v] = sigma[v];
    }
  }

  private reset(): void {
    const { order, dist, sigma, share } = this;
    for (let i = 0, tail = this.tail; i < tail; i++) {
      const v = order[i];
      dist[v] = -1;
      sigma[v] = 0;
      share[v] = 0;
    }
  }
}
