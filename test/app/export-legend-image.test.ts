/**
 * The legend painted under the exported graph picture (src/app/export/legend-image.ts): the
 * stage's CSS swatches as canvas paint, and entries laid out in rows that wrap at the width.
 */
import { describe, expect, it } from 'vitest';
import { layoutLegend, swatchPaint } from '../../src/app/export/legend-image.ts';
import { legendLevels } from '../../src/app/playback/palette.ts';
import { heatColor } from '../../src/app/view/palette.ts';

describe('swatchPaint', () => {
  it('a colour stays a colour', () => {
    expect(swatchPaint('#D55E00')).toEqual({ kind: 'solid', color: '#D55E00' });
    expect(swatchPaint(' rgb(1, 2, 3) ')).toEqual({ kind: 'solid', color: 'rgb(1, 2, 3)' });
  });

  it("the reach ramp's gradient gives its colours in order, without the direction", () => {
    const css = `linear-gradient(90deg, ${heatColor(0)}, ${heatColor(1)})`;
    expect(swatchPaint(css)).toEqual({ kind: 'gradient', colors: [heatColor(0), heatColor(1)] });
  });

  it('keyword directions and stop positions are dropped', () => {
    expect(swatchPaint('linear-gradient(to right, red 0%, #00ff00 50%, blue 100%)')).toEqual({
      kind: 'gradient',
      colors: ['red', '#00ff00', 'blue'],
    });
    expect(swatchPaint('linear-gradient(red, blue)')).toEqual({ kind: 'gradient', colors: ['red', 'blue'] });
  });

  it('every colour playback puts in the legend is solid', () => {
    for (const { color } of legendLevels(9, 7, 1)) expect(swatchPaint(color).kind).toBe('solid');
  });
});

describe('layoutLegend', () => {
  const m = { pad: 10, rowHeight: 20, spacing: 5 };

  it('no entries, no band', () => {
    expect(layoutLegend([], 300, m)).toEqual({ at: [], height: 0 });
  });

  it('entries run left to right and wrap at the width', () => {
    const layout = layoutLegend([100, 100, 100, 50], 300, m);
    expect(layout.at).toEqual([
      { x: 10, y: 10 },
      { x: 115, y: 10 },
      { x: 10, y: 30 },
      { x: 115, y: 30 },
    ]);
    expect(layout.height).toBe(10 + 2 * 20 + 10);
    // Nothing runs past the right margin.
    layout.at.forEach((p, i) => {
      expect(p.x + [100, 100, 100, 50][i]).toBeLessThanOrEqual(300 - 10);
    });
  });

  it('an entry wider than the picture gets a row of its own', () => {
    const layout = layoutLegend([50, 500, 50], 300, m);
    expect(layout.at.map((p) => p.y)).toEqual([10, 30, 50]);
  });
});
