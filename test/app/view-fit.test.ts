/**
 * Framing nodes clear of the controls over the canvas (src/app/view/fit.ts): the clear rectangle
 * where the nodes' box shows largest, and the camera ratio that fits it with a margin that grows
 * as the camera zooms in (sigma draws nodes size / sqrt(ratio) pixels wide).
 */
import { describe, expect, it } from 'vitest';
import { clearArea, fitRatio, type Rect } from '../../src/app/view/fit.ts';

const W = 800;
const H = 600;
/** The stage's controls: layout line top-left, fit buttons top-right, a tall legend bottom-left. */
const layoutLine: Rect = { left: 8, top: 8, right: 220, bottom: 32 };
const fitButtons: Rect = { left: 600, top: 8, right: 792, bottom: 36 };
const legend: Rect = { left: 8, top: 380, right: 208, bottom: 592 };

const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('clearArea', () => {
  it('is the whole canvas without obstacles (or with obstacles outside it)', () => {
    const whole = { left: 0, top: 0, right: W, bottom: H };
    expect(clearArea(W, H, [], 10, 10)).toEqual(whole);
    expect(clearArea(W, H, [{ left: -50, top: -50, right: -1, bottom: -1 }], 10, 10)).toEqual(whole);
  });

  it('never overlaps an obstacle, and picks the shape that suits the box', () => {
    const obstacles = [layoutLine, fitButtons, legend];
    // A wide box: the band under the top controls and above the legend, full width.
    const wide = clearArea(W, H, obstacles, 400, 100);
    for (const o of obstacles) expect(overlaps(wide, o)).toBe(false);
    expect(wide).toEqual({ left: 0, top: 36, right: W, bottom: 380 });
    // A tall box: the full-height column between the layout line and the fit buttons (600 px
    // tall beats 564 px right of the legend and under the buttons).
    const tall = clearArea(W, H, obstacles, 100, 400);
    for (const o of obstacles) expect(overlaps(tall, o)).toBe(false);
    expect(tall).toEqual({ left: 220, top: 0, right: 600, bottom: H });
  });

  it('a box of no extent (one node) takes the largest clear area', () => {
    const r = clearArea(W, H, [legend], 0, 0);
    expect(overlaps(r, legend)).toBe(false);
    expect((r.right - r.left) * (r.bottom - r.top)).toBe(Math.max(W * 380, (W - 208) * H));
  });
});

describe('fitRatio', () => {
  const area: Rect = { left: 0, top: 0, right: 400, bottom: 300 };

  it('fits the box with its margin on every side', () => {
    const ratio = fitRatio(800, 300, area, () => 10, 0.05);
    // Width decides: 800 / ratio + 20 <= 400.
    expect(800 / ratio + 20).toBeCloseTo(400, 3);
    expect(300 / ratio + 20).toBeLessThanOrEqual(300);
  });

  it('accounts for nodes growing as the camera zooms in', () => {
    const pad = (r: number) => 8 / Math.sqrt(r) + 12;
    const ratio = fitRatio(200, 100, area, pad, 0.05);
    expect(200 / ratio + 2 * pad(ratio)).toBeLessThanOrEqual(400 + 1e-6);
    expect(200 / ratio + 2 * pad(ratio)).toBeGreaterThan(399);
  });

  it('never zooms closer than the minimum ratio (a single node)', () => {
    expect(fitRatio(0, 0, area, () => 10, 0.05)).toBe(0.05);
  });

  it('an area thinner than the margin still gives a finite ratio', () => {
    const thin = { left: 0, top: 0, right: 400, bottom: 10 };
    const ratio = fitRatio(100, 100, thin, () => 10, 0.05);
    expect(Number.isFinite(ratio)).toBe(true);
    expect(ratio).toBeGreaterThan(1);
  });
});
