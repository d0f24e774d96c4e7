/** The Six degrees tab (its computations start when it is first shown: effects.ts). */
import type { Feature } from '../../core/feature.ts';
import { startSixDegrees } from './effects.ts';
import { t } from './messages.ts';
import { SixDegreesPanel } from './SixDegreesPanel.tsx';
import './six-degrees.css';

export const sixDegreesFeature: Feature = {
  id: 'six-degrees',
  panel: { title: () => t('six.tab'), order: 62, Component: SixDegreesPanel },
  start(app) {
    startSixDegrees(app);
  },
};
