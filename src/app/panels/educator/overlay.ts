/**
 * How the classroom view draws the cascade on the graph: accounts not yet reached fade to pale
 * grey, the seeds stay vermillion, those reached earlier turn blue, and those reached at the
 * current step turn orange and pulse (size follows `pulse`, 0..1, animated by the module). A
 * GraphView node overlay reading only the typed arrays of CascadeSteps.
 */
import type { NodeOverlay } from '../../view/graph-view.ts';
import { OKABE_ITO } from '../../view/palette.ts';
import { type CascadeSteps, UNREACHED } from './steps.ts';

export const UNREACHED_COLOR = '#b4c0cc';

export interface OverlayState {
  steps: CascadeSteps | null;
  /** The step on screen. */
  current: number;
  /** Pulse phase of the newly reached accounts, 0 (rest) to 1 (largest). */
  pulse: number;
}

export function educatorOverlay(state: OverlayState): NodeOverlay {
  return (index, display) => {
    const steps = state.steps;
    const size = display.size ?? 3;
    if (!steps) return { color: UNREACHED_COLOR, zIndex: 0 };
    const s = steps.step[index];
    if (s === UNREACHED || s > state.current) return { color: UNREACHED_COLOR, zIndex: 0 };
    if (steps.hop[index] === 0) return { color: OKABE_ITO.vermillion, size: Math.max(size, 8), zIndex: 2 };
    if (s === state.current)
      return {
        color: OKABE_ITO.orange,
        size: Math.max(size, 6) * (1.3 + 0.9 * state.pulse),
        forceLabel: true,
        zIndex: 3,
      };
    return { color: OKABE_ITO.blue, size: Math.max(size, 5), zIndex: 1 };
  };
}
