/** The Calibrate tab: fit the spread probability p to observed cascades. */
import type { Feature } from '../../core/feature.ts';
import { CalibratePanel } from './CalibratePanel.tsx';
import { startCalibrate, TAB_ID } from './effects.ts';
import { t } from './messages.ts';

export const calibrateFeature: Feature = {
  id: TAB_ID,
  panel: { title: () => t('cal.title'), order: 65, Component: CalibratePanel },
  start: startCalibrate,
};
