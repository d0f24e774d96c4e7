/** The Model tab. */
import type { Feature } from '../../core/feature.ts';
import { ModelPanel } from './ModelPanel.tsx';
import { t } from './messages.ts';

export const modelFeature: Feature = {
  id: 'model',
  panel: { title: () => t('tab.model'), order: 30, Component: ModelPanel },
};
