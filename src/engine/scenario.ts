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
}
