/**
 * A scenario: everything needed to reproduce a result, and nothing else. It is what the URL hash,
 * the IndexedDB autosave and the exported scenario JSON hold; opening the same scenario gives the
 * same numbers (run r always uses the random stream (rngSeed, r)).
 *
 * Seeds are stored by node id as written in the file (not by index), so a scenario stays valid
 * when the file is reloaded.
 */
import type { ModelName } from '../diffusion/types.ts';
import type { Direction, EdgeValues } from '../graph/types.ts';
import type { WatchObjective } from './objective-param.ts';

/** Where the graph comes from. */
export type GraphSource =
  /** A bundled dataset by file name in datasets/manifest.json. */
  | { kind: 'bundled'; file: string }
  /** A same-origin URL (?graph=URL). */
  | { kind: 'url'; url: string }
  /** A file the user opened or dropped: only its name is kept; it must be opened again. */
  | { kind: 'file'; name: string };

export interface ScenarioSeedGroup {
  /** Node ids as in the file. */
  ids: string[];
  /** Step at which this group is launched (0 = at once). */
  start: number;
}

export interface Scenario {
  /** Format version of this object, for migrations of saved scenarios and links. */
  version: 1;
  graph: GraphSource;
  direction: Direction;
  edgeValues: EdgeValues;
  model: ModelName;
  /** Model parameters as the user set them; null p for ic means "the file's probabilities". */
  params: { p: number | null; gamma: number; phi: number; maxSteps: number | null };
  /** Fixed seed groups, or k random seeds drawn afresh in every run. */
  seeds: { kind: 'groups'; groups: ScenarioSeedGroup[] } | { kind: 'random'; k: number };
  runs: number;
  rngSeed: number;
  /**
   * The campaign plan's settings (optional, added within format 1; absent until the Plan tab is
   * used): the budget, where costs come from, the objective and the money rates. The plan uses the
   * scenario's graph, model, p and random seed (src/campaign/plan.ts, src/app/panels/plan).
   */
  plan?: ScenarioPlan;
  /**
   * Crisis watch's settings (optional, added within format 1; absent until the Crisis tab is used):
   * where to listen (the objective, the number of monitors, the horizon) and whom to reach (where
   * the rumour starts, the correction's delay, the number of correctors). Both use the scenario's
   * graph, model, p and random seed (src/crisis/run.ts, src/app/panels/crisis).
   */
  watch?: ScenarioWatch;
  contain?: ScenarioContain;
  /**
   * Strong and weak ties (optional, added within format 1; absent for the plain models): how ties
   * are classified and what each kind carries (src/ties, docs/models.md "Strong and weak ties").
   * ic reads the probabilities and groups, threshold reads strongOnly.
   */
  ties?: ScenarioTies;
}

/** Groups of a tie-aware ic run: none, the Louvain communities, or a groups file opened in the page. */
export type ScenarioGroups =
  | { kind: 'none' }
  | { kind: 'communities' }
  /** Only the file's name is kept (like a user-opened graph): it must be opened again. */
  | { kind: 'file'; name: string };

export interface ScenarioTies {
  /** `mutual` or `embeddedness:X` (src/graph/ties.ts). */
  strongBy: string;
  /** Probability on strong arcs; null: the value of p. */
  pStrong: number | null;
  /** Probability on weak arcs; null: the value of p. */
  pWeak: number | null;
  groups: ScenarioGroups;
  /** Probability per shared group; null: the value of p. */
  pGroup: number | null;
  /** threshold: count only strong in-neighbours. */
  strongOnly: boolean;
}

export interface ScenarioWatch {
  /** What the monitors achieve (src/crisis/watch.ts WATCH_OBJECTIVES). */
  objective: WatchObjective;
  /** Accounts to monitor. */
  k: number;
  /** Steps a story may spread (null: until it dies out). */
  horizon: number | null;
}

export interface ScenarioContain {
  /** Where the rumour starts: node ids as in the file. */
  rumour: string[];
  /** Steps after the rumour that the correction starts. */
  delay: number;
  /** Accounts to launch the correction from. */
  k: number;
}

/**
 * Costs per account: flat + perFollower x followers, or a costs CSV (`id,cost`) opened in the
 * page. Only the file's name is kept (like a user-opened graph): it must be opened again.
 */
export type ScenarioCosts =
  | { kind: 'formula'; flat: number; perFollower: number }
  | { kind: 'file'; name: string; defaultCost: number | null };

export interface ScenarioPlan {
  budget: number;
  costs: ScenarioCosts;
  /** What the plan maximises (src/campaign/plan.ts OBJECTIVES). */
  objective: 'reach' | 'exposure' | 'conversions';
  conversion: number;
  /** Value of one conversion (ROI), or null. */
  value: number | null;
  /** Price of 1000 ad impressions (ad-equivalent value), or null. */
  cpm: number | null;
}
