/** Every feature of the page, in order (see feature.ts). Add one import and one entry per feature. */
import type { Feature } from './feature.ts';
import { criticalMassFeature } from './panels/critical-mass/feature.ts';
import { dataFeature } from './panels/data/feature.ts';
import { modelFeature } from './panels/model/feature.ts';
import { resultsFeature } from './panels/results/feature.ts';
import { seedFindingFeature } from './panels/seed-finding/feature.ts';
import { seedsFeature } from './panels/seeds/feature.ts';

export const FEATURES: Feature[] = [
  dataFeature,
  seedsFeature,
  modelFeature,
  resultsFeature,
  seedFindingFeature,
  criticalMassFeature,
];
