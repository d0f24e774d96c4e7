/** The Ties tab: the Ties lens, groups files, the platform presets and the removal experiment. */
import type { Feature } from '../../core/feature.ts';
import { startTies, TAB_ID } from './effects.ts';
import { t } from './messages.ts';
import { TiesPanel } from './TiesPanel.tsx';

export const tiesFeature: Feature = {
  id: TAB_ID,
  panel: { title: () => t('ties.tab'), order: 61, Component: TiesPanel },
  start: startTies,
};
