/** The Compare tab, its "Keep this result" button in the toolbar, and the kept list's autosave. */
import type { Feature } from '../../core/feature.ts';
import { ComparePanel, KeepButton } from './ComparePanel.tsx';
import { startKeptAutosave } from './effects.ts';
import { t } from './messages.ts';
import './compare.css';

export const compareFeature: Feature = {
  id: 'compare',
  panel: { title: () => t('compare.tab'), order: 66, Component: ComparePanel },
  Toolbar: KeepButton,
  start: (app) => startKeptAutosave(app),
};
