/**
 * Per-graph scratch space, allocated once and reused by every run (the indexed-brandes habit):
 * "exposed" and "active" marks reset in O(1) by an epoch counter, the activation queue, hops,
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
   * faster than 32-bit marks on the 1M-node benchmark graph). Epochs cycle through 1..127 and the
   * array is cleared once per cycle: n/127 bytes per run, a memset far below a run's own work
   * except for runs that touch almost nothing on huge graphs.
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

  /** Start a run: returns the "exposed" mark; the "active" mark is one more. */
  nextRun(): number {
    this.epoch++;
    if (this.epoch > MAX_EPOCH) {
      this.state.fill(0);
      this.epoch = 1;
    }
    this.levelCount = 0;
    return 2 * this.epoch;
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
