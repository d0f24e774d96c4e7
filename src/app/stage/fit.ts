/**
 * Frame accounts on the stage clear of the controls that float over the canvas: every element of
 * the stage marked `data-over-canvas` (the layout line, the note, the fit buttons, the legend)
 * that is shown is an obstacle the camera keeps the accounts out of (GraphView.fitTo).
 */

import type { Rect } from '../view/fit.ts';
import type { GraphView } from '../view/graph-view.ts';

/** The shown controls over the view's canvas, in viewport pixels relative to the canvas. */
export function controlsOverCanvas(view: GraphView): Rect[] {
  const box = view.sigma.getContainer();
  const stage = box.closest('.stage-canvas') ?? box.parentElement;
  if (!stage) return [];
  const base = box.getBoundingClientRect();
  const rects: Rect[] = [];
  for (const element of stage.querySelectorAll('[data-over-canvas]')) {
    const r = element.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    rects.push({
      left: r.left - base.left,
      top: r.top - base.top,
      right: r.right - base.left,
      bottom: r.bottom - base.top,
    });
  }
  return rects;
}

/** Move the camera so the given accounts (node indices) are in view and under no control. */
export function fitClear(view: GraphView, indices: Iterable<number>): boolean {
  return view.fitTo(indices, 0, controlsOverCanvas(view));
}
