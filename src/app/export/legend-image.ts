/**
 * The graph's legend as it is painted under the exported picture: each entry's swatch (the CSS
 * background the stage legend uses, a colour or a linear gradient) turned into canvas paint, and
 * the entries laid out in rows that wrap at the picture's width. Pure: png.ts measures the texts
 * and paints.
 */

export type SwatchPaint = { kind: 'solid'; color: string } | { kind: 'gradient'; colors: string[] };

/** Split at commas that are not inside parentheses (`rgb(1, 2, 3), #fff` gives two parts). */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== '');
}

/** A legend swatch as canvas paint: a solid colour, or the colours of a linear gradient in order. */
export function swatchPaint(swatch: string): SwatchPaint {
  const css = swatch.trim();
  const gradient = /^linear-gradient\((.*)\)$/is.exec(css);
  if (!gradient) return { kind: 'solid', color: css };
  const parts = topLevelParts(gradient[1]);
  // The direction (`90deg`, `to right`) is not a colour; the picture's gradients run left to right.
  if (parts.length > 0 && /^(to\s|-?[\d.]+(deg|turn|rad|grad)$)/i.test(parts[0])) parts.shift();
  // Stop positions after a colour (`red 40%`) are dropped: the stops are spread evenly.
  const colors = parts.map((p) => p.replace(/\s+-?[\d.]+(%|px)?$/i, ''));
  return colors.length === 1 ? { kind: 'solid', color: colors[0] } : { kind: 'gradient', colors };
}

/** Sizes of the painted legend, in image pixels. */
export interface LegendMetrics {
  /** Margin around the legend. */
  pad: number;
  rowHeight: number;
  /** Space between two entries on a row. */
  spacing: number;
}

export interface LegendLayout {
  /** Top-left corner of each entry, relative to the legend's area. */
  at: { x: number; y: number }[];
  /** Height of the legend's area (0 without entries). */
  height: number;
}

/** Entries of the given widths left to right, wrapping to a new row at maxWidth. */
export function layoutLegend(widths: readonly number[], maxWidth: number, m: LegendMetrics): LegendLayout {
  if (widths.length === 0) return { at: [], height: 0 };
  const at: { x: number; y: number }[] = [];
  let x = m.pad;
  let row = 0;
  for (const w of widths) {
    if (x > m.pad && x + w > maxWidth - m.pad) {
      row++;
      x = m.pad;
    }
    at.push({ x, y: m.pad + row * m.rowHeight });
    x += w + m.spacing;
  }
  return { at, height: 2 * m.pad + (row + 1) * m.rowHeight };
}
