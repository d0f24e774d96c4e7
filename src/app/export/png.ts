/**
 * The graph as PNG with its legend: @sigma/export-image redraws the current view (camera,
 * reducers, so playback colours included) on a temporary renderer, and the legend the stage shows
 * (stage/legend.ts: seeds, reach or playback colours, any panel's section) is painted in a band
 * under the picture, so it covers no node.
 */
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { Renderer } from '../view/graph-view.ts';
import { downloadBlob } from './download.ts';
import { type LegendMetrics, layoutLegend, swatchPaint } from './legend-image.ts';

/** One legend entry as painted: its swatch (CSS colour or linear gradient) and its text. */
export interface PaintedEntry {
  swatch: string;
  label: string;
}

const TEXT_COLOR = '#1f2328';
const RULE_COLOR = '#d0d7de';
const SWATCH_EDGE = 'rgba(0, 0, 0, 0.3)';

/** The picture with the legend painted under it; `scale` is the device pixel ratio of the picture. */
export function withLegend(
  picture: HTMLCanvasElement,
  legend: readonly PaintedEntry[],
  scale: number,
): HTMLCanvasElement {
  const m: LegendMetrics = { pad: 12 * scale, rowHeight: 22 * scale, spacing: 20 * scale };
  const dot = 12 * scale;
  const bar = 36 * scale;
  const gap = 6 * scale;
  const font = `${13 * scale}px system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", sans-serif`;
  const paints = legend.map((e) => swatchPaint(e.swatch));
  const measure = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
  measure.font = font;
  const swatchWidth = (i: number) => (paints[i].kind === 'gradient' ? bar : dot);
  const widths = legend.map((e, i) => swatchWidth(i) + gap + measure.measureText(e.label).width);
  const layout = layoutLegend(widths, picture.width, m);

  const out = document.createElement('canvas');
  out.width = picture.width;
  out.height = picture.height + layout.height;
  const g = out.getContext('2d') as CanvasRenderingContext2D;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(picture, 0, 0);
  if (layout.height === 0) return out;
  g.fillStyle = RULE_COLOR;
  g.fillRect(0, picture.height, out.width, Math.max(1, scale));
  g.font = font;
  g.textBaseline = 'middle';
  legend.forEach((entry, i) => {
    const x = layout.at[i].x;
    const mid = picture.height + layout.at[i].y + m.rowHeight / 2;
    const paint = paints[i];
    g.beginPath();
    if (paint.kind === 'solid') {
      g.arc(x + dot / 2, mid, dot / 2, 0, 2 * Math.PI);
      g.fillStyle = paint.color;
    } else {
      g.roundRect(x, mid - dot / 2, bar, dot, 3 * scale);
      const ramp = g.createLinearGradient(x, 0, x + bar, 0);
      paint.colors.forEach((c, k) => {
        ramp.addColorStop(k / (paint.colors.length - 1), c);
      });
      g.fillStyle = ramp;
    }
    g.fill();
    g.lineWidth = Math.max(1, scale);
    g.strokeStyle = SWATCH_EDGE;
    g.stroke();
    g.fillStyle = TEXT_COLOR;
    g.fillText(entry.label, x + swatchWidth(i) + gap, mid);
  });
  return out;
}

export async function graphPng(sigma: Renderer, legend: readonly PaintedEntry[]): Promise<Blob> {
  // export-image is typed for the default attribute types; it only reads settings and the graph.
  const picture = await drawOnCanvas(sigma as unknown as Sigma, { backgroundColor: '#ffffff' });
  const canvas = withLegend(picture, legend, window.devicePixelRatio || 1);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG export: the browser made no image'))),
      'image/png',
    ),
  );
}

export async function downloadGraphPng(
  sigma: Renderer,
  legend: readonly PaintedEntry[],
  fileName: string,
): Promise<void> {
  downloadBlob(await graphPng(sigma, legend), fileName);
}
