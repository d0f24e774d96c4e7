/** The Plan tab (the campaign planner). */
import type { Feature } from '../../core/feature.ts';
import { startPlan, TAB_ID } from './effects.ts';
import { t } from './messages.ts';
import { PlanPanel } from './PlanPanel.tsx';

export const planFeature: Feature = {
  id: TAB_ID,
  panel: { title: () => t('plan.title'), order: 64, Component: PlanPanel },
  start: startPlan,
};
