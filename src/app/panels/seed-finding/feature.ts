/** The Suggest seeds tab. */
import type { Feature } from '../../core/feature.ts';
import { startSeedFinding, TAB_ID } from './effects.ts';
import { t } from './messages.ts';
import { SeedFindingPanel } from './SeedFindingPanel.tsx';

export const seedFindingFeature: Feature = {
  id: TAB_ID,
  panel: { title: () => t('seedfind.title'), order: 60, Component: SeedFindingPanel },
  start: startSeedFinding,
};
