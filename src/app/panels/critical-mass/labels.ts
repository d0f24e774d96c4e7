/** The words of the Critical mass tab that depend on data: what is swept, detectors, models, formulas. */
import type { Detector, TheoryDetail, Vary } from '../../../analysis/tipping/types.ts';
import type { ModelName } from '../../../diffusion/types.ts';
import { count, significant } from '../../i18n/format.ts';
import { t } from './messages.ts';

export function varyLabel(vary: Vary): string {
  return t(vary === 'p' ? 'critical.axis.p' : vary === 'k' ? 'critical.axis.k' : 'critical.axis.phi');
}

const DETECTOR: Record<Detector, Parameters<typeof t>[0]> = {
  susceptibility: 'critical.detector.susceptibility',
  globalOnset: 'critical.detector.globalOnset',
  reachPerSeed: 'critical.detector.reachPerSeed',
};

export function detectorLabel(detector: Detector): string {
  return t(DETECTOR[detector]);
}

export function modelLabel(model: ModelName): string {
  return t(`critical.model.${model}`);
}

/** The theory's formula (the engine's own text names it in English: shown in the current language). */
export function formulaText(detail: TheoryDetail, directed: boolean): string {
  switch (detail.kind) {
    case 'branching':
      return t(directed ? 'critical.formula.branchingDirected' : 'critical.formula.branching');
    case 'sir-branching':
      return t('critical.formula.sir');
    case 'watts':
      return t('critical.formula.watts');
  }
}

/** A swept value: a whole number of seeds, or a probability to three significant digits. */
export function sweptValue(vary: Vary, x: number): string {
  return vary === 'k' ? (Number.isInteger(x) ? count(x) : significant(x, 3)) : significant(x, 3);
}
