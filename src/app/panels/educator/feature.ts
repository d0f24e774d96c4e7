/** Educator mode: the toolbar button, the classroom view over the page, and its effects. */
import type { Feature } from '../../core/feature.ts';
import { EducatorButton, EducatorOverlay } from './EducatorHud.tsx';
import { startEducator } from './effects.ts';
import './educator.css';

export const educatorFeature: Feature = {
  id: 'educator',
  Toolbar: EducatorButton,
  Overlay: EducatorOverlay,
  start(app) {
    startEducator(app);
  },
};
