/**
 * Scenario JSON files: what "Export scenario" writes and "Import scenario" reads.
 *
 *   { "format": "ripple-scenario", "scenario": { "version": 1, ... } }
 *
 * The wrapper tells a Ripple scenario from any other JSON; the scenario inside is checked by
 * validateScenario, so an imported file either gives a whole valid scenario or one named error.
 */
import type { Scenario } from '../../engine/scenario.ts';
import { ScenarioError, validateScenario } from './validate.ts';

export const SCENARIO_FILE_FORMAT = 'ripple-scenario';

/** Files larger than this are not scenarios (a scenario with 100k seed ids is a few MB). */
export const MAX_SCENARIO_FILE_BYTES = 16 * 1024 * 1024;

export function scenarioToJson(scenario: Scenario): string {
  return `${JSON.stringify({ format: SCENARIO_FILE_FORMAT, scenario: validateScenario(scenario) }, null, 2)}\n`;
}

/** Parse a scenario file's text; `file` names it in errors. */
export function scenarioFromJson(textContent: string, file = 'scenario file'): Scenario {
  if (textContent.length > MAX_SCENARIO_FILE_BYTES) {
    throw new ScenarioError(`${file}: too large to be a scenario (${textContent.length} characters)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(textContent.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ScenarioError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as Record<string, unknown>).format !== SCENARIO_FILE_FORMAT
  ) {
    throw new ScenarioError(
      `${file}: not a Ripple scenario file (expected "format": "${SCENARIO_FILE_FORMAT}")`,
    );
  }
  const keys = Object.keys(parsed);
  const extra = keys.filter((k) => k !== 'format' && k !== 'scenario');
  if (extra.length > 0) throw new ScenarioError(`${file}: unknown field '${extra[0]}'`);
  try {
    return validateScenario((parsed as Record<string, unknown>).scenario);
  } catch (error) {
    if (error instanceof ScenarioError) throw new ScenarioError(`${file}: ${error.message}`);
    throw error;
  }
}
