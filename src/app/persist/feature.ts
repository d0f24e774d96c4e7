/**
 * Saving and sharing: the scenario in the URL hash and in the browser's autosave (restored at
 * start-up), the "Save & share" tab, and the autosave's line in the toolbar (see effects.ts).
 */
import type { Feature } from '../core/feature.ts';
import { AutosaveStatus } from './AutosaveStatus.tsx';
import { startPersist } from './effects.ts';
import { t } from './messages.ts';
import './share.css';
import { SharePanel } from './SharePanel.tsx';

export const persistFeature: Feature = {
  id: 'share',
  panel: { title: () => t('tab.share'), order: 90, Component: SharePanel },
  Toolbar: AutosaveStatus,
  start: startPersist,
};
