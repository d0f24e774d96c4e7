/**
 * Colours: the Okabe-Ito palette (safe for the common colour-vision deficiencies), and a
 * single-hue sequential ramp for "share of runs that reached this account".
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

export const NODE_COLOR = OKABE_ITO.blue;
export const SEED_COLOR = OKABE_ITO.vermillion;
/** Seed colour of each launch group (the first is SEED_COLOR); cycles after five groups. */
export const SEED_GROUP_COLORS = [
  OKABE_ITO.vermillion,
  OKABE_ITO.purple,
  OKABE_ITO.green,
  OKABE_ITO.orange,
  OKABE_ITO.black,
] as const;

export function seedGroupColor(group: number): string {
  return SEED_GROUP_COLORS[group % SEED_GROUP_COLORS.length];
}
/** Opaque: sigma's WebGL edge programs drew nothing with an rgba() colour here. */
export const EDGE_COLOR = '#cfd5dc';

const PALE = [214, 222, 230];
const DEEP = [0, 114, 178];

/** Pale grey-blue (never reached) to Okabe-Ito blue (always reached), for share in [0,1]. */
export function heatColor(share: number): string {
  const s = Math.sqrt(Math.min(1, Math.max(0, share)));
  const c = PALE.map((p, i) => Math.round(p + (DEEP[i] - p) * s));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}
