/**
 * Community colours, a different one for every community: Paul Tol's "muted" scheme (nine
 * colours told apart with any common colour-vision deficiency) for the nine largest, then, for
 * the next ones, colours picked one at a time from a grid of hues, lightnesses and saturations,
 * each the grid colour farthest (in CIELAB) from every colour already in use: the palette's, the
 * seed groups' and grey. So the tenth community looks as unlike the first nine as the grid allows,
 * and a seed never looks like a community. Past the grid (225 communities), golden-angle hues.
 * Grey (OTHER_COMMUNITY) is kept for accounts with no community and for the communities dimmed
 * while one is picked out.
 */
import { SEED_GROUP_COLORS } from '../../view/palette.ts';

export const COMMUNITY_COLORS = [
  '#332288',
  '#88CCEE',
  '#44AA99',
  '#117733',
  '#999933',
  '#DDCC77',
  '#CC6677',
  '#882255',
  '#AA4499',
] as const;

export const OTHER_COMMUNITY = '#C8C8C8';

const hex = (x: number) =>
  Math.round(Math.min(255, Math.max(0, x * 255)))
    .toString(16)
    .padStart(2, '0')
    .toUpperCase();

/** An HSL colour (hue in degrees, s and l in 0..1) as #RRGGBB. */
export function hslHex(hue: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`;
}

/** A #RRGGBB colour in CIELAB (D65). */
export function hexLab(color: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(color.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
  const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
  const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

function labDistance(p: readonly number[], q: readonly number[]): number {
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** CIE76 colour difference of two #RRGGBB colours. */
export function deltaE(a: string, b: string): number {
  return labDistance(hexLab(a), hexLab(b));
}

const GOLDEN_ANGLE = 137.50776405003785;

/** The generated colours, in order; extended on demand (farthest-point picks from the grid). */
const generated: string[] = [];
let grid: { color: string; lab: [number, number, number]; distance: number }[] | null = null;

function generateNext(): string {
  if (!grid) {
    grid = [];
    for (let hue = 0; hue < 360; hue += 10)
      for (const l of [0.35, 0.5, 0.65])
        for (const s of [0.55, 0.8]) {
          const color = hslHex(hue, s, l);
          grid.push({ color, lab: hexLab(color), distance: Infinity });
        }
    const used = [...COMMUNITY_COLORS, ...SEED_GROUP_COLORS, OTHER_COMMUNITY, '#FFFFFF'].map(hexLab);
    for (const u of used) for (const g of grid) g.distance = Math.min(g.distance, labDistance(g.lab, u));
  }
  let best = -1;
  for (let i = 0; i < grid.length; i++)
    if (grid[i].distance > 0 && (best < 0 || grid[i].distance > grid[best].distance)) best = i;
  if (best < 0) {
    const i = generated.length;
    return hslHex((i * GOLDEN_ANGLE) % 360, 0.7, [0.4, 0.55, 0.3][i % 3]);
  }
  const pick = grid[best];
  for (const g of grid) g.distance = Math.min(g.distance, labDistance(g.lab, pick.lab));
  pick.distance = 0;
  return pick.color;
}

/** The colour of community c (0 = the largest); no community (a negative number) is grey. */
export function communityColor(community: number): string {
  if (!Number.isInteger(community) || community < 0) return OTHER_COMMUNITY;
  if (community < COMMUNITY_COLORS.length) return COMMUNITY_COLORS[community];
  const j = community - COMMUNITY_COLORS.length;
  while (generated.length <= j) generated.push(generateNext());
  return generated[j];
}
