/**
 * Colour-blind-safe colours for playback. Activated nodes take a viridis colour by hop or step
 * (perceptually uniform and readable with every common colour-vision deficiency; van der Walt &
 * Smith, matplotlib 2015); seeds take Okabe-Ito vermillion, outside the viridis range; nodes that
 * received the content without adopting are mid grey, the untouched rest light grey.
 */

/** Nine samples of viridis from 0 (dark purple) to 1 (yellow). */
const VIRIDIS: readonly [number, number, number][] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

export const SEED_COLOR = '#d55e00';
export const EXPOSED_COLOR = '#8c8c8c';
export const INACTIVE_COLOR = '#dcdcdc';
export const DIM_EDGE_COLOR = 'rgba(120,120,120,0.08)';

function hex(value: number): string {
  return Math.round(value).toString(16).padStart(2, '0');
}

/** Viridis at x in [0, 1] (clamped), linearly interpolated between the samples. */
export function viridis(x: number): string {
  const t = Math.max(0, Math.min(1, Number.isFinite(x) ? x : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(t));
  const f = t - i;
  const a = VIRIDIS[i];
  const b = VIRIDIS[i + 1];
  return `#${hex(a[0] + (b[0] - a[0]) * f)}${hex(a[1] + (b[1] - a[1]) * f)}${hex(a[2] + (b[2] - a[2]) * f)}`;
}

/**
 * Colour of level `level` out of 0..max. Level 0 starts a little above viridis' darkest purple so
 * that hop-1 nodes stand apart from the background; a single level maps to the middle.
 */
export function levelColor(level: number, max: number): string {
  if (max <= 0) return viridis(0.5);
  return viridis(0.1 + (0.9 * level) / max);
}

/** Colours for a legend of levels min..max (at most `count` entries, evenly spread). */
export function legendLevels(max: number, count = 7, min = 0): { level: number; color: string }[] {
  const levels = new Set<number>();
  const k = Math.max(1, Math.min(count, max - min + 1));
  for (let i = 0; i < k; i++) levels.add(k === 1 ? min : min + Math.round((i * (max - min)) / (k - 1)));
  return [...levels].map((level) => ({ level, color: levelColor(level, max) }));
}
