/** The Critical mass tab. */
import type { Feature } from '../../core/feature.ts';
import { CriticalMassPanel } from './CriticalMassPanel.tsx';
import { startCriticalMass, TAB_ID } from './effects.ts';
import { t } from './messages.ts';

export const criticalMassFeature: Feature = {
  id: TAB_ID,
  panel: { title: () => t('critical.title'), order: 70, Component: CriticalMassPanel },
  start: startCriticalMass,
};
