/** The Results tab. */
import type { Feature } from '../../core/feature.ts';
import { t } from './messages.ts';
import { ResultsPanel } from './ResultsPanel.tsx';

export const resultsFeature: Feature = {
  id: 'results',
  panel: { title: () => t('tab.results'), order: 40, Component: ResultsPanel },
};
