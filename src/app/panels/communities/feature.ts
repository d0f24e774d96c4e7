/** The Communities tab (its effects on the graph, the legend and the workers start with the page). */
import type { Feature } from '../../core/feature.ts';
import { CommunitiesPanel } from './CommunitiesPanel.tsx';
import { startCommunitiesEffects } from './effects.ts';
import { t } from './messages.ts';

export const communitiesFeature: Feature = {
  id: 'communities',
  panel: { title: () => t('communities.title'), order: 60, Component: CommunitiesPanel },
  start: startCommunitiesEffects,
};
