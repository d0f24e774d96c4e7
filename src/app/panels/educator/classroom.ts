/**
 * The classroom scenarios, pure: the class graphs (the karate club, a Watts-Strogatz small world
 * drawn as a ring whose shortcuts show as chords), each with a seed and a spread probability that
 * make a cascade worth watching, and what decides a cascade (so presentation changes do not
 * recompute it).
 */
import type { Scenario } from '../../../engine/scenario.ts';

/** Graphs larger than this are swapped for the karate club when the mode is entered. */
export const EDUCATOR_MAX_NODES = 500;
export const CLASS_GRAPH = 'karate.txt';

/**
 * Node 0 is the karate club's instructor ("Mr. Hi"); on the small world p 0.5 sits near its
 * tipping point, so some cascades die early and others jump along the shortcuts (mean reach 34
 * of 100, anywhere from 1 to all).
 */
export const CLASS_GRAPHS: Record<string, { seed: string; p: number }> = {
  'karate.txt': { seed: '0', p: 0.3 },
  'small-world.json': { seed: '0', p: 0.5 },
};

/** The classroom scenario on one of the class graphs (the karate club unless told). */
export function classroomScenario(scenario: Scenario, file = CLASS_GRAPH): Scenario {
  const { seed, p } = CLASS_GRAPHS[file] ?? CLASS_GRAPHS[CLASS_GRAPH];
  return {
    ...scenario,
    graph: { kind: 'bundled', file: file in CLASS_GRAPHS ? file : CLASS_GRAPH },
    direction: 'undirected',
    edgeValues: 'probability',
    model: 'ic',
    params: { ...scenario.params, p, maxSteps: null },
    seeds: { kind: 'groups', groups: [{ ids: [seed], start: 0 }] },
    mode: 'educator',
  };
}

/** The scenario without the educator mode (the normal app). */
export function withoutMode(scenario: Scenario): Scenario {
  const { mode: _mode, ...rest } = scenario;
  return rest;
}

/** The class graph a scenario shows, or '' for any other graph. */
export function classGraphOf(scenario: Scenario): string {
  const g = scenario.graph;
  return g.kind === 'bundled' && g.file in CLASS_GRAPHS ? g.file : '';
}

/** The fields that decide the cascade on a graph (everything but the mode and the number of runs). */
export function cascadeKey(scenario: Scenario, serial: number): string {
  const { mode: _mode, runs: _runs, ...rest } = scenario;
  return `${serial}|${JSON.stringify(rest)}`;
}
