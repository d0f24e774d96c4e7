/** Every feature of the page, in order (see feature.ts). Add one import and one entry per feature. */
import type { Feature } from './core/feature.ts';
import { calibrateFeature } from './panels/calibrate/feature.ts';
import { classroomFeature } from './panels/classroom/feature.ts';
import { communitiesFeature } from './panels/communities/feature.ts';
import { compareFeature } from './panels/compare/feature.ts';
import { crisisFeature } from './panels/crisis/feature.ts';
import { criticalMassFeature } from './panels/critical-mass/feature.ts';
import { dataFeature } from './panels/data/feature.ts';
import { leadersFeature } from './panels/leaders/feature.ts';
import { modelFeature } from './panels/model/feature.ts';
import { planFeature } from './panels/plan/feature.ts';
import { resultsFeature } from './panels/results/feature.ts';
import { seedFindingFeature } from './panels/seed-finding/feature.ts';
import { seedsFeature } from './panels/seeds/feature.ts';
import { sixDegreesFeature } from './panels/six-degrees/feature.ts';
import { tiesFeature } from './panels/ties/feature.ts';
import { persistFeature } from './persist/feature.ts';
import { playbackFeature } from './playback/feature.ts';

export const FEATURES: Feature[] = [
  // First: it restores the scenario (link or autosave) before the first graph loads.
  persistFeature,
  dataFeature,
  seedsFeature,
  modelFeature,
  resultsFeature,
  playbackFeature,
  leadersFeature,
  communitiesFeature,
  tiesFeature,
  seedFindingFeature,
  planFeature,
  calibrateFeature,
  crisisFeature,
  criticalMassFeature,
  sixDegreesFeature,
  compareFeature,
  classroomFeature,
];
