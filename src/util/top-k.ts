/**
 * The k highest scores as node indices, best first; ties go to the lower node index (the node that
 * appeared first in the file). O(n log k) with a bounded heap.
 */
export function topK(scores: ArrayLike<number>, k: number): number[] {
  const n = scores.length;
  const size = Math.max(0, Math.min(Math.floor(k), n));
  if (size === 0) return [];
  // Min-heap of the best `size` so far; "worse" = lower score, or equal score and higher index.
  const heap = new Int32Array(size);
  let count = 0;
  const worse = (a: number, b: number) => scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i], heap[parent])) break;
      const t = heap[i];
      heap[i] = heap[parent];
      heap[parent] = t;
      i = parent;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < count && worse(heap[l], heap[m])) m = l;
      if (r < count && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      const t = heap[i];
      heap[i] = heap[m];
      heap[m] = t;
      i = m;
    }
  };
  for (let v = 0; v < n; v++) {
    if (Number.isNaN(scores[v])) continue;
    if (count < size) {
      heap[count++] = v;
      siftUp(count - 1);
    } else if (worse(heap[0], v)) {
      heap[0] = v;
      siftDown(0);
    }
  }
  const out = Array.from(heap.subarray(0, count));
  out.sort((a, b) => scores[b] - scores[a] || a - b);
  return out;
}
