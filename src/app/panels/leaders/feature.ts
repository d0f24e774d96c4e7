/** The Leaders tab (its effects on the graph, the legend and the workers start with the page). */
import type { Feature } from '../../core/feature.ts';
import { startLeadersEffects } from './effects.ts';
import { LeadersPanel } from './LeadersPanel.tsx';
import { t } from './messages.ts';

export const leadersFeature: Feature = {
  id: 'leaders',
  panel: { title: () => t('leaders.title'), order: 50, Component: LeadersPanel },
  start: startLeadersEffects,
};
