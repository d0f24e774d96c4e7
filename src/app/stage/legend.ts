/**
 * The graph's legend as data: the base entries (seed groups in use, plain accounts or the reach
 * ramp) and every section a feature set in store.legend. The stage draws it; the PNG export
 * paints the same entries onto the image.
 */
import { groupsOf } from '../seeds/seeds.ts';
import type { Store } from '../state/store.ts';
import type { LegendEntry } from '../state/types.ts';
import { heatColor, NODE_COLOR, seedGroupColor } from '../view/palette.ts';
import { t } from './messages.ts';

/** The base entries (seed groups in use, plain accounts, the reach ramp) and every panel's section. */
export function legendEntries(store: Store): LegendEntry[] {
  const groups = groupsOf(store.scenario.value.seeds).filter((g) => g.ids.length > 0);
  const entries: LegendEntry[] = [];
  if (groups.length <= 1) entries.push({ swatch: seedGroupColor(0), label: () => t('view.legend.seed') });
  else
    for (let i = 0; i < groups.length; i++)
      entries.push({ swatch: seedGroupColor(i), label: () => t('view.legend.group', { index: i + 1 }) });
  const heat = store.currentResult.value?.shard.nodeCounts;
  // While a cascade is replayed its colours (playback's section) replace the reach and plain ones.
  if (!store.replaying.value)
    entries.push(
      heat
        ? {
            swatch: `linear-gradient(90deg, ${heatColor(0)}, ${heatColor(1)})`,
            label: () => t('view.legend.heat'),
          }
        : { swatch: NODE_COLOR, label: () => t('view.legend.account') },
    );
  for (const section of Object.values(store.legend.value)) entries.push(...section);
  return entries;
}
