/**
 * Per-graph scratch space, allocated once and reused by every run (the indexed-brandes habit):
 * "exposed" and "active" marks reset by an epoch counter, the activation queue, hops,
 * the levels of the current run, and the per-hop counters of a shard.
 *
 * Every per-run cost is proportional to the nodes the run touched: the levels list the run's
 * activations by step (one entry per step that activated someone), so the shard's step totals and
 * adoption curves are updated in O(levels) per run, never O(n) or O(steps of the shard).
 *
 * The arrays are plain typed arrays, or views on a WebAssembly memory when a compiled kernel
 * (ic-wasm.ts) runs the cascades: the same code then reads what the kernel wrote.
 */

/** Largest epoch whose marks 2e and 2e+1 fit in a byte. */
const MAX_EPOCH = 127;

/** Byte offsets of each array in a shared buffer (see ic-wasm.ts), all suitably aligned. */
export interface ScratchLayout {
  state: number;
  order: number;
  hop: number;
  parent: number;
  step: number;
  hopCounts: number;
  levels: number;
}

export class Scratch {
  readonly n: number;
  /**
   * state[v] = 2e: exposed in run epoch e; 2e+1: active in run epoch e; anything else: untouched.
   * One byte per node keeps the array small enough to stay in cache on million-node graphs: the
   * hot loops read it once per arc at a random place, so its size sets their speed (measured: 1.6x
   * faster than 32-bit marks on the 1M-node benchmark graph, and 16-bit marks cost the compiled
   * loop 7-10% on a 300k-node graph). Epochs cycle through 1..127 and the marks are cleared once
   * per cycle, in time proportional to what the cycle's runs touched (see nextRun).
   */
  readonly state: Uint8Array;
  /** Activation order of the current run; progressive models also use it as their BFS queue. */
  readonly order: Uint32Array;
  readonly hop: Uint32Array;
  /** Filled only for the traced run. */
  readonly parent: Int32Array;
  readonly step: Uint32Array;
  /** Sum over the shard's runs of the activations at hop h. */
  readonly hopCounts: Float64Array;
  maxHop = 0;
  /**
   * The current run's levels: levels[2j] = a step, levels[2j+1] = the length of `order` once that
   * step's activations are in (so order[levels[2j-1], levels[2j+1]) activated at levels[2j]).
   * Steps increase; only steps that activated someone are listed.
   */
  readonly levels: Uint32Array;
  levelCount = 0;
  private epoch = 0;
  /**
   * The cycle's activated nodes, while they are few: every mark a run sets is on an activated node
   * or on an out-neighbour of one (exposures travel along out-arcs), so clearing those rows clears
   * the cycle. Null rows: exposures also travel off the arcs (tie groups), always clear all.
   */
  private rows: { offsets: Uint32Array; targets: Uint32Array } | null = null;
  private touched: Uint32Array | null = null;
  private touchedCount = 0;
  /** Rows' arcs plus nodes behind the marks set this cycle; -1 once too many to track. */
  private cycleWork = 0;
  /** Cycles cleared by walking rows rather than all n marks (for tests). */
  walkedClears = 0;

  constructor(n: number, shared?: { buffer: ArrayBufferLike; layout: ScratchLayout }) {
    this.n = n;
    if (shared) {
      const { buffer, layout } = shared;
      this.state = new Uint8Array(buffer, layout.state, n);
      this.order = new Uint32Array(buffer, layout.order, n);
      this.hop = new Uint32Array(buffer, layout.hop, n);
      this.parent = new Int32Array(buffer, layout.parent, n);
      this.step = new Uint32Array(buffer, layout.step, n);
      this.hopCounts = new Float64Array(buffer, layout.hopCounts, n + 1);
      this.levels = new Uint32Array(buffer, layout.levels, 2 * (n + 1));
    } else {
      this.state = new Uint8Array(n);
      this.order = new Uint32Array(n);
      this.hop = new Uint32Array(n);
      this.parent = new Int32Array(n);
      this.step = new Uint32Array(n);
      this.hopCounts = new Float64Array(n + 1);
      this.levels = new Uint32Array(2 * (n + 1));
    }
  }

  /** Clear marks by walking the rows of activated nodes (see `touched`); null: clear all. */
  trackRows(offsets: Uint32Array, targets: Uint32Array): void {
    this.rows = { offsets, targets };
  }

  /** Start a run: returns the "exposed" mark; the "active" mark is one more. */
  nextRun(): number {
    this.epoch++;
    if (this.epoch > MAX_EPOCH) {
      this.clearMarks();
      this.epoch = 1;
    }
    this.levelCount = 0;
    return 2 * this.epoch;
  }

  /**
   * After a run: order[0, count) activated, `examined` arcs tried. Keeps the cycle's activated
   * nodes while walking their rows stays cheaper than clearing all n marks (about 1/32 of n).
   */
  noteRun(count: number, examined: number): void {
    if (this.cycleWork < 0 || this.rows === null) return;
    this.cycleWork += count + examined;
    const limit = this.n >>> 5;
    if (this.cycleWork > limit) {
      this.cycleWork = -1;
      return;
    }
    this.touched ??= new Uint32Array(limit + 1);
    const touched = this.touched;
    const order = this.order;
    let t = this.touchedCount;
    for (let j = 0; j < count; j++) touched[t++] = order[j];
    this.touchedCount = t;
  }

  private clearMarks(): void {
    const rows = this.rows;
    const touched = this.touched;
    if (rows && touched && this.cycleWork >= 0) {
      const { offsets, targets } = rows;
      const state = this.state;
      for (let i = 0; i < this.touchedCount; i++) {
        const u = touched[i];
        state[u] = 0;
        for (let k = offsets[u]; k < offsets[u + 1]; k++) state[targets[k]] = 0;
      }
      this.walkedClears++;
    } else this.state.fill(0);
    this.touchedCount = 0;
    this.cycleWork = 0;
  }

  /** Note that order[0, end) are the activations up to `step` (steps never decrease in a run). */
  markLevel(step: number, end: number): void {
    const c = this.levelCount;
    const levels = this.levels;
    if (c > 0) {
      if (levels[2 * c - 1] === end) return;
      if (levels[2 * c - 2] === step) {
        levels[2 * c - 1] = end;
        return;
      }
    } else if (end === 0) return;
    levels[2 * c] = step;
    levels[2 * c + 1] = end;
    this.levelCount = c + 1;
  }

  /** Take the shard's per-hop sums, trimmed, and zero them for the next shard. */
  takeHopCounts(): Float64Array {
    const hopCounts = this.hopCounts.slice(0, this.maxHop + 1);
    this.hopCounts.fill(0, 0, this.maxHop + 1);
    this.maxHop = 0;
    return hopCounts;
  }
}
