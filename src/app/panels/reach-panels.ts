/**
 * The six-degrees and compare tabs and educator mode, as one entry of src/app/modules.ts.
 */
import type { AppModule } from '../panels.ts';
import { compareModule } from './compare/module.ts';
import { educatorModule } from './educator/module.ts';
import { sixDegreesModule } from './six-degrees/module.ts';

export const REACH_PANEL_MODULES: AppModule[] = [sixDegreesModule, compareModule, educatorModule];
