/** The words for methods, their help and the phases of a run, in the current language. */
import { CELF_DEFAULTS } from '../../../seeding/celf.ts';
import type { SeedMethod, SeedPhase } from '../../../seeding/find-seeds.ts';
import { sentences } from '../../i18n/join.ts';
import { t } from './messages.ts';

type Key = Parameters<typeof t>[0];

const METHOD: Record<SeedMethod, Key> = {
  imm: 'seedfind.method.imm',
  celf: 'seedfind.method.celf',
  degree: 'seedfind.method.degree',
  'degree-discount': 'seedfind.method.degreeDiscount',
  pagerank: 'seedfind.method.pagerank',
  community: 'seedfind.method.community',
  random: 'seedfind.method.random',
};

const HELP: Record<SeedMethod, Key> = {
  imm: 'seedfind.help.imm',
  celf: 'seedfind.help.celf',
  degree: 'seedfind.help.degree',
  'degree-discount': 'seedfind.help.degreeDiscount',
  pagerank: 'seedfind.help.pagerank',
  community: 'seedfind.help.community',
  random: 'seedfind.help.random',
};

export function methodLabel(method: SeedMethod): string {
  return t(METHOD[method]);
}

export function methodHelp(method: SeedMethod): string {
  return method === 'celf'
    ? sentences(t(HELP.celf), t('seedfind.help.celfRuns', { runs: CELF_DEFAULTS.runs }))
    : t(HELP[method]);
}

export function phaseLabel(phase: SeedPhase): string {
  switch (phase.name) {
    case 'choosing':
      return t('seedfind.phase.choosing');
    case 'sampling':
      return t('seedfind.phase.sampling', { sets: phase.sets });
    case 'selection':
      return t('seedfind.phase.selection', { sets: phase.sets });
    case 'celf':
      return t(phase.first ? 'seedfind.phase.celfFirst' : 'seedfind.phase.celf');
    case 'budget':
      return t('seedfind.phase.budget');
    case 'measuring':
      return t('seedfind.phase.measuring');
  }
}
