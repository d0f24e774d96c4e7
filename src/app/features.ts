/** Every feature of the page, in order (see feature.ts). Add one import and one entry per feature. */
import type { Feature } from './core/feature.ts';
import { dataFeature } from './panels/data/feature.ts';
import { modelFeature } from './panels/model/feature.ts';
import { resultsFeature } from './panels/results/feature.ts';
import { seedsFeature } from './panels/seeds/feature.ts';
import { persistFeature } from './persist/feature.ts';
import { playbackFeature } from './playback/feature.ts';

export const FEATURES: Feature[] = [
  dataFeature,
  seedsFeature,
  modelFeature,
  resultsFeature,
  playbackFeature,
  persistFeature,
];
