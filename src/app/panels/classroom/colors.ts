/**
 * The fixed state colours of the classroom stage (Okabe-Ito, readable by colour-blind students and
 * on a washed-out projector), in the legend's order, and the colours of the ties.
 */
import { OKABE_ITO } from '../../view/palette.ts';
import type { PersonState } from './steps.ts';

export const STATE_COLORS: Record<PersonState, string> = {
  waiting: '#c3ccd6',
  fresh: OKABE_ITO.orange,
  earlier: OKABE_ITO.blue,
  heard: OKABE_ITO.purple,
};

export const STATES: readonly PersonState[] = ['waiting', 'fresh', 'earlier', 'heard'];

export const TIE_COLOR = '#d5dbe1';
/** A hand-off of the step shown (sharer to new adopter). */
export const HANDOFF_COLOR = OKABE_ITO.vermillion;
/** A hand-off of an earlier step. */
export const PAST_HANDOFF_COLOR = '#5a8fc0';
