/** The Data tab. */
import type { Feature } from '../../core/feature.ts';
import { DataPanel } from './DataPanel.tsx';
import { t } from './messages.ts';

export const dataFeature: Feature = {
  id: 'data',
  panel: { title: () => t('tab.data'), order: 10, Component: DataPanel },
};
