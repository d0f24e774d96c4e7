/**
 * Lazy greedy's queue: a binary max-heap of items 0..n-1 by (score desc, index asc), with each
 * item's score snapshotted when it was last placed. For greedy algorithms whose scores only
 * decrease (submodular gains): a popped item whose snapshot is out of date goes back with its
 * current score, so the item returned is the true best without rescoring everything each round.
 */
export class LazyMaxHeap {
  private readonly items: Uint32Array;
  private readonly keys: Float64Array;
  private size: number;
  private readonly score: (v: number) => number;

  constructor(n: number, score: (v: number) => number) {
    this.score = score;
    this.items = new Uint32Array(n);
    this.keys = new Float64Array(n);
    for (let v = 0; v < n; v++) {
      this.items[v] = v;
      this.keys[v] = score(v);
    }
    this.size = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private before(a: number, b: number): boolean {
    const ka = this.keys[a];
    const kb = this.keys[b];
    return ka > kb || (ka === kb && a < b);
  }

  private down(i: number): void {
    const { items, size } = this;
    const item = items[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && this.before(items[child + 1], items[child])) child++;
      if (!this.before(items[child], item)) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = item;
  }

  /** Pop the node with the best current score (refreshing stale keys on the way); -1 when empty. */
  popFresh(): number {
    for (;;) {
      if (this.size === 0) return -1;
      const top = this.items[0];
      const now = this.score(top);
      if (this.keys[top] === now) {
        this.items[0] = this.items[--this.size];
        if (this.size > 0) this.down(0);
        return top;
      }
      this.keys[top] = now;
      this.down(0);
    }
  }
}
