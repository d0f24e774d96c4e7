/**
 * Where to frame a set of nodes on a canvas that has controls floating over parts of it (the
 * layout line, the fit buttons, the legend): the clear rectangle of the canvas in which the
 * nodes' bounding box can be shown largest, and the camera ratio that fits it there with a margin.
 * Pure geometry in viewport pixels; GraphView.fitTo turns the answer into a camera move.
 */

/** A rectangle in viewport pixels (left/top inclusive, right/bottom exclusive). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function edges(size: number, lows: number[], highs: number[]): number[] {
  const all = new Set([0, size]);
  for (const v of [...lows, ...highs]) if (v > 0 && v < size) all.add(v);
  return [...all].sort((a, b) => a - b);
}

/**
 * The rectangle of the width × height canvas that overlaps no obstacle and in which a box of
 * `boxWidth` × `boxHeight` pixels (at camera ratio 1) can be scaled largest; ties go to the larger
 * area. Every maximal clear rectangle has its sides on the canvas border or on obstacle sides, so
 * those are the candidates (a handful of obstacles: a few thousand candidates).
 */
export function clearArea(
  width: number,
  height: number,
  obstacles: readonly Rect[],
  boxWidth: number,
  boxHeight: number,
): Rect {
  const inside = obstacles
    .map((o) => ({
      left: Math.max(0, o.left),
      top: Math.max(0, o.top),
      right: Math.min(width, o.right),
      bottom: Math.min(height, o.bottom),
    }))
    .filter((o) => o.right > o.left && o.bottom > o.top);
  const whole = { left: 0, top: 0, right: width, bottom: height };
  if (inside.length === 0) return whole;
  const xs = edges(
    width,
    inside.map((o) => o.left),
    inside.map((o) => o.right),
  );
  const ys = edges(
    height,
    inside.map((o) => o.top),
    inside.map((o) => o.bottom),
  );
  // A box of no extent in one direction only needs room in the other.
  const bw = Math.max(boxWidth, 1e-9);
  const bh = Math.max(boxHeight, 1e-9);
  let best: Rect | null = null;
  let bestScale = -1;
  let bestArea = -1;
  for (let a = 0; a < xs.length; a++)
    for (let b = a + 1; b < xs.length; b++)
      for (let c = 0; c < ys.length; c++)
        for (let d = c + 1; d < ys.length; d++) {
          const r = { left: xs[a], right: xs[b], top: ys[c], bottom: ys[d] };
          if (inside.some((o) => overlaps(r, o))) continue;
          const w = r.right - r.left;
          const h = r.bottom - r.top;
          const scale = Math.min(w / bw, h / bh);
          const area = w * h;
          if (scale > bestScale || (scale === bestScale && area > bestArea)) {
            best = r;
            bestScale = scale;
            bestArea = area;
          }
        }
  return best ?? whole;
}

/**
 * The camera ratio at which a box of `boxWidth` × `boxHeight` pixels at ratio 1 fits in `area`
 * with `pad(ratio)` pixels clear on every side (the nodes' drawn radius and a margin, which grow
 * as the camera zooms in), and never closer than `minRatio`.
 */
export function fitRatio(
  boxWidth: number,
  boxHeight: number,
  area: Rect,
  pad: (ratio: number) => number,
  minRatio: number,
): number {
  const w = area.right - area.left;
  const h = area.bottom - area.top;
  // Drawn size box/ratio + 2·pad(ratio) shrinks as the ratio grows (the camera zooms out), so the
  // smallest ratio that fits is found by bisection.
  const fits = (ratio: number) =>
    boxWidth / ratio + 2 * pad(ratio) <= w && boxHeight / ratio + 2 * pad(ratio) <= h;
  if (fits(minRatio)) return minRatio;
  let lo = minRatio;
  let hi = Math.max(minRatio * 2, 1);
  for (let i = 0; i < 60 && !fits(hi); i++) hi *= 2;
  if (!fits(hi)) return hi; // an area thinner than the nodes' margin: show them as small as that
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
