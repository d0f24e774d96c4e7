/**
 * `--scenario FILE`: start a command from a scenario file (exported by the app, or written by
 * `ripple calibrate --apply`). Its model parameters, runs and random seed become the command's
 * options unless given on the command line (they win), and only options the command takes.
 * A file that cannot be read or is not a scenario is one line naming it (exit 1).
 */
import { scenarioFromJson } from '../../app/persist/scenario-file.ts';
import type { Scenario } from '../../engine/scenario.ts';
import { LoadError } from '../../graph/load-error.ts';
import type { ParamSpec } from '../../util/param-spec.ts';
import { MAX_TABLE_BYTES, readTextFile } from './read-text-file.ts';

/** The value of --scenario in argv (`--scenario F` or `--scenario=F`), or null. */
function scenarioPath(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scenario' && i + 1 < argv.length) return argv[i + 1];
    if (argv[i].startsWith('--scenario=')) return argv[i].slice('--scenario='.length);
  }
  return null;
}

/**
 * What a scenario says, as command-line options (model-dependent ones only where they apply); a
 * null value is an on/off flag given alone. Tie settings: ic's probabilities and groups (a groups
 * file by the name the scenario kept, `communities` as it is), threshold's --strong-only.
 */
export function scenarioOptions(s: Scenario): [string, string | null][] {
  const out: [string, string | null][] = [['model', s.model]];
  if (s.params.p !== null && (s.model === 'ic' || s.model === 'sir')) out.push(['p', String(s.params.p)]);
  if (s.model === 'sir') out.push(['gamma', String(s.params.gamma)]);
  if (s.model === 'threshold') out.push(['phi', String(s.params.phi)]);
  if (s.params.maxSteps !== null) out.push(['max-steps', String(s.params.maxSteps)]);
  out.push(['runs', String(s.runs)], ['rng', String(s.rngSeed)]);
  const ties = s.ties;
  if (ties && (s.model === 'ic' || s.model === 'threshold')) {
    out.push(['strong-by', ties.strongBy]);
    if (s.model === 'threshold' && ties.strongOnly) out.push(['strong-only', null]);
    if (s.model === 'ic') {
      if (ties.pStrong !== null) out.push(['p-strong', String(ties.pStrong)]);
      if (ties.pWeak !== null) out.push(['p-weak', String(ties.pWeak)]);
      const g = ties.groups;
      if (g.kind !== 'none') {
        out.push(['groups', g.kind === 'file' ? g.name : 'communities']);
        if (ties.pGroup !== null) out.push(['p-group', String(ties.pGroup)]);
      }
    }
  }
  return out;
}

/** argv with the scenario's options added in front of those the user gave (theirs win). */
export async function withScenario(argv: string[], options: readonly ParamSpec[]): Promise<string[]> {
  const path = scenarioPath(argv);
  if (path === null) return argv;
  let scenario: Scenario;
  try {
    scenario = scenarioFromJson(await readTextFile(path, Math.min(MAX_TABLE_BYTES, 16 * 1024 * 1024)), path);
  } catch (e) {
    if (e instanceof LoadError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new LoadError(
      path,
      'unknown',
      message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message,
    );
  }
  const flags = new Set(options.map((o) => o.flag));
  const given = new Set(argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')[0]));
  const added: string[] = [];
  for (const [flag, value] of scenarioOptions(scenario))
    if (flags.has(flag) && !given.has(flag)) added.push(`--${flag}`, ...(value === null ? [] : [value]));
  return [...added, ...argv];
}
