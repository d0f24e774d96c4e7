/**
 * The effective diameter as SNAP computes it (TSnap::TSnapDetail::CalcEffDiam in snap-core
 * anf.cpp): the smallest distance within which a given share (90%) of the connected pairs lie,
 * linearly interpolated between integer distances. Its input is the cumulative hop plot
 * (pairs within h hops, h = 0, 1, ...), which counts the (v, v) pairs at h = 0, as SNAP's does.
 *
 * SNAP's corner cases are kept: if even the pairs at distance 0 exceed the share it returns 1,
 * and if the share is never exceeded it returns the largest distance. A graph without any pair
 * at distance >= 1 has effective diameter 0 here (SNAP would say 1).
 */
export function effectiveDiameter(hopPlot: ArrayLike<number>, percentile = 0.9): number {
  const last = hopPlot.length - 1;
  if (last <= 0 || hopPlot[last] === hopPlot[0]) return 0;
  const target = percentile * hopPlot[last];
  let h = 0;
  while (h <= last && !(hopPlot[h] > target)) h++;
  if (h > last) return last;
  if (h === 0) return 1;
  const delta = hopPlot[h] - hopPlot[h - 1];
  if (delta === 0) return h;
  return h - 1 + (target - hopPlot[h - 1]) / delta;
}
