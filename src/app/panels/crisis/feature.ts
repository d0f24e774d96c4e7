/** The Crisis tab: where to listen, whom to reach (crisis watch, src/crisis). */
import type { Feature } from '../../core/feature.ts';
import { CrisisPanel } from './CrisisPanel.tsx';
import { claimClick, startCrisis, TAB_ID } from './effects.ts';
import { t } from './messages.ts';

export const crisisFeature: Feature = {
  id: TAB_ID,
  panel: { title: () => t('crisis.title'), order: 66, Component: CrisisPanel },
  claimClick,
  start: startCrisis,
};
