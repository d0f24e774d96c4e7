/** The scenario a first visit opens: ego-Facebook read undirected, with the parameter table's defaults. */
import { GAMMA, MAX_STEPS_PARAM, MODEL, P, PHI, RNG_SEED, RUNS } from '../../diffusion/params.ts';
import type { Scenario } from '../../engine/scenario.ts';
import { EDGE_VALUES_PARAM } from '../../graph/params.ts';

export function defaultScenario(file = 'facebook_combined.txt'): Scenario {
  return {
    version: 1,
    graph: { kind: 'bundled', file },
    direction: 'undirected',
    edgeValues: EDGE_VALUES_PARAM.default,
    model: MODEL.default,
    params: { p: P.default, gamma: GAMMA.default, phi: PHI.default, maxSteps: MAX_STEPS_PARAM.default },
    seeds: { kind: 'groups', groups: [] },
    runs: RUNS.default,
    rngSeed: RNG_SEED.default,
  };
}
