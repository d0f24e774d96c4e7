/** Playback of one sampled cascade, in the bar under the graph (see session.ts, PlaybackBar.tsx). */
import type { Feature } from '../core/feature.ts';
import './playback.css';
import { PlaybackBar } from './PlaybackBar.tsx';
import { watchPlayback } from './session.ts';

export const playbackFeature: Feature = {
  id: 'playback',
  StageBar: PlaybackBar,
  start(app) {
    watchPlayback(app);
  },
};
