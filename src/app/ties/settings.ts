/**
 * Strong and weak ties in the scenario, as pure producers (no DOM, no workers): the settings a
 * first "tie-aware" tick gives, the closed and open platform presets (src/ties/presets.ts, the
 * table `ripple simulate --platform` reads), which preset a setting is, and the engine's
 * TieParams for a run once its groups are known. The rules are the command line's
 * (src/cli/commands/ties.ts tieParamsOption): a probability left empty is the value of p; ic reads
 * the probabilities and groups, threshold reads strong-only, other models ignore the ties.
 */
import type { ModelName, TieParams } from '../../diffusion/types.ts';
import type { Scenario, ScenarioGroups, ScenarioTies } from '../../engine/scenario.ts';
import { STRONG_BY } from '../../ties/params.ts';
import { PLATFORM_PRESETS, PLATFORMS, type Platform } from '../../ties/presets.ts';

/** The models that read the tie settings. */
export const TIE_MODELS: readonly ModelName[] = ['ic', 'threshold'];

export function tiesApply(model: ModelName): boolean {
  return TIE_MODELS.includes(model);
}

/** What ticking "tie-aware" starts from: the rule's default, every probability p, no groups. */
export function defaultTies(): ScenarioTies {
  return {
    strongBy: STRONG_BY.default ?? 'mutual',
    pStrong: null,
    pWeak: null,
    groups: { kind: 'none' },
    pGroup: null,
    strongOnly: false,
  };
}

const fromPreset = (v: 'p' | number): number | null => (v === 'p' ? null : v);

/**
 * A platform preset as tie settings. `file`: the groups file open in the page, which closed uses
 * instead of the communities (as `--platform closed --groups FILE` does).
 */
export function presetTies(platform: Platform, file: string | null = null): ScenarioTies {
  const p = PLATFORM_PRESETS[platform];
  const groups: ScenarioGroups =
    p.groups === null ? { kind: 'none' } : file ? { kind: 'file', name: file } : { kind: p.groups };
  return {
    strongBy: p.strongBy,
    pStrong: fromPreset(p.pStrong),
    pWeak: fromPreset(p.pWeak),
    groups,
    pGroup: fromPreset(p.pGroup),
    strongOnly: false,
  };
}

/** The preset these settings are (closed with a file or the communities), or null. */
export function presetOf(ties: ScenarioTies | undefined): Platform | null {
  if (!ties) return null;
  for (const platform of PLATFORMS) {
    const preset = presetTies(platform, ties.groups.kind === 'file' ? ties.groups.name : null);
    if (JSON.stringify(preset) === JSON.stringify(ties)) return platform;
  }
  return null;
}

/** The scenario with a platform preset: model ic, the preset's tie settings. */
export function withPreset(scenario: Scenario, platform: Platform, file: string | null): Scenario {
  return { ...scenario, model: 'ic', ties: presetTies(platform, file) };
}

/** Why TieParams cannot be made: p is the file's, and a probability is left to p. */
export class TiesNeedP extends Error {
  constructor() {
    super("tie probabilities left empty take the value of p, but p is the file's per-edge probabilities");
    this.name = 'TiesNeedP';
  }
}

/**
 * The engine's tie parameters for this scenario, given its groups as node indices; undefined
 * when the scenario has no tie settings or its model ignores them.
 */
export function tieParams(scenario: Scenario, groups: number[][]): TieParams | undefined {
  const ties = scenario.ties;
  if (!ties || !tiesApply(scenario.model)) return undefined;
  if (scenario.model === 'threshold')
    return {
      strongBy: ties.strongBy,
      pStrong: 0,
      pWeak: 0,
      groups: [],
      pGroup: 0,
      strongOnly: ties.strongOnly,
    };
  const p = scenario.params.p;
  const orP = (v: number | null): number => {
    if (v !== null) return v;
    if (p === null) throw new TiesNeedP();
    return p;
  };
  return {
    strongBy: ties.strongBy,
    pStrong: orP(ties.pStrong),
    pWeak: orP(ties.pWeak),
    groups,
    pGroup: groups.length > 0 ? orP(ties.pGroup) : 0,
    strongOnly: false,
  };
}

/** The groups the scenario's run needs: none, the communities, or the named file. */
export function groupsNeeded(scenario: Scenario): ScenarioGroups {
  const ties = scenario.ties;
  if (!ties || scenario.model !== 'ic') return { kind: 'none' };
  return ties.groups;
}
