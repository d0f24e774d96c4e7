/**
 * Classroom mode: the toolbar button, the classroom page over the app, and its effects. Its state
 * is its own (state.ts): entering and leaving never touch the user's scenario.
 */
import type { Feature } from '../../core/feature.ts';
import { ClassroomButton, ClassroomOverlay } from './ClassroomPage.tsx';
import { startClassroom } from './effects.ts';
import './classroom.css';

export const classroomFeature: Feature = {
  id: 'classroom',
  Toolbar: ClassroomButton,
  Overlay: ClassroomOverlay,
  start() {
    startClassroom();
  },
};
