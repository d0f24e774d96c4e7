/**
 * The budget curves on the chart: one line per method run on the same graph, model and
 * probability (another graph or model starts a new chart), a method run again replacing its line
 * and moving to the end; what the last account bought; the table of every point.
 */
import type { BudgetPoint } from '../../../seeding/budget-curve.ts';
import type { SeedMethod } from '../../../seeding/find-seeds.ts';

export interface CurveLine {
  method: SeedMethod;
  curve: BudgetPoint[];
}

export interface Curves {
  /** What the lines share (modelKey in settings.ts), or null when there are none. */
  key: string | null;
  lines: CurveLine[];
}

export const NO_CURVES: Curves = { key: null, lines: [] };

/** Add a method's curve: a new chart when the key changed, else replacing that method's line. */
export function withCurve(curves: Curves, key: string, method: SeedMethod, curve: BudgetPoint[]): Curves {
  const kept = curves.key === key ? curves.lines.filter((l) => l.method !== method) : [];
  return { key, lines: [...kept, { method, curve }] };
}

/** The last line's reach with one account and what its last account added, or null. */
export function marginalGain(
  lines: readonly CurveLine[],
): { method: SeedMethod; k: number; first: number; gain: number } | null {
  const last = lines[lines.length - 1];
  if (!last || last.curve.length < 2) return null;
  const c = last.curve;
  return {
    method: last.method,
    k: c.length,
    first: c[0].spread,
    gain: c[c.length - 1].spread - c[c.length - 2].spread,
  };
}

/** Rows of the table: k, then each line's point (or null past its end). */
export function curveRows(lines: readonly CurveLine[]): { k: number; points: (BudgetPoint | null)[] }[] {
  const rows = Math.max(0, ...lines.map((l) => l.curve.length));
  return Array.from({ length: rows }, (_, i) => ({
    k: i + 1,
    points: lines.map((l) => l.curve[i] ?? null),
  }));
}
