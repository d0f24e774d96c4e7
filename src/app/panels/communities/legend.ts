/**
 * The legend's section for the community colouring: one line per community up to LEGEND_LISTED
 * (Community 1, Community 2, …, each with its colour), then one line for the rest with a strip of
 * their colours; while a community is picked out, that community and the dimmed others.
 */
import type { LegendEntry } from '../../state/types.ts';
import { t } from './messages.ts';
import { communityColor, OTHER_COMMUNITY } from './palette.ts';

/** Communities named one by one in the legend. */
export const LEGEND_LISTED = 20;

export function communityLegend(
  count: number,
  picked: number | null,
  colored: boolean,
): LegendEntry[] | null {
  if (picked !== null) {
    const entries: LegendEntry[] = [];
    if (colored)
      entries.push({
        swatch: communityColor(picked),
        label: () => t('communities.legend.picked', { community: picked + 1 }),
      });
    entries.push({ swatch: OTHER_COMMUNITY, label: () => t('communities.legend.dimmed') });
    return entries;
  }
  if (!colored || count === 0) return null;
  const entries: LegendEntry[] = [];
  for (let c = 0; c < Math.min(count, LEGEND_LISTED); c++)
    entries.push({
      swatch: communityColor(c),
      label: () => t('communities.legend.one', { community: c + 1 }),
    });
  if (count > LEGEND_LISTED) {
    const rest: string[] = [];
    for (let c = LEGEND_LISTED; c < Math.min(count, LEGEND_LISTED + 8); c++) rest.push(communityColor(c));
    entries.push({
      swatch: rest.length > 1 ? `linear-gradient(90deg, ${rest.join(', ')})` : rest[0],
      label: () => t('communities.legend.rest', { from: LEGEND_LISTED + 1, to: count }),
    });
  }
  return entries;
}
