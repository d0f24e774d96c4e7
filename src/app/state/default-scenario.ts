/** The scenario a first visit opens: ego-Facebook, independent cascade, the engine's defaults. */
import type { Scenario } from '../../engine/scenario.ts';

export function defaultScenario(file = 'facebook_combined.txt'): Scenario {
  return {
    version: 1,
    graph: { kind: 'bundled', file },
    direction: 'undirected',
    edgeValues: 'probability',
    model: 'ic',
    params: { p: 0.05, gamma: 0.2, phi: 0.18, maxSteps: null },
    seeds: { kind: 'groups', groups: [] },
    runs: 1000,
    rngSeed: 1,
  };
}
