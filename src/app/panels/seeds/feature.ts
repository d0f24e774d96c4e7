/** The Seeds tab. */
import type { Feature } from '../../core/feature.ts';
import { t } from './messages.ts';
import { SeedsPanel } from './SeedsPanel.tsx';

export const seedsFeature: Feature = {
  id: 'seeds',
  panel: { title: () => t('tab.seeds'), order: 20, Component: SeedsPanel },
};
