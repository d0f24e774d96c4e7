/**
 * Feature modules mounted at start-up, in order (see AppModule in panels.ts). Add one import and
 * one entry per module.
 */
import { languageModule } from './language/module.ts';
import { criticalMassModule } from './panels/critical-mass/module.ts';
import { leadersModule } from './panels/leaders/module.ts';
import { REACH_PANEL_MODULES } from './panels/reach-panels.ts';
import { seedFindingModule } from './panels/seed-finding/module.ts';
import type { AppModule } from './panels.ts';
import { persistModule } from './persist/module.ts';
import { playbackModule } from './playback/module.ts';

export const MODULES: AppModule[] = [
  languageModule,
  persistModule,
  playbackModule,
  leadersModule,
  ...REACH_PANEL_MODULES,
  seedFindingModule,
  criticalMassModule,
];
