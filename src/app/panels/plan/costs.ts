/**
 * Costs per account for the planner, from the plan settings: the formula (flat + per follower,
 * followers = out-arcs) or the costs file opened in the page, with the default cost for accounts
 * the file leaves out. The same functions as `ripple plan` (src/campaign/costs.ts), so the same
 * settings give the same costs. Pure: the file's text is read elsewhere (effects.ts).
 */
import {
  type CostsTable,
  cheapest,
  completeCosts,
  formulaCosts,
  parseCostsTable,
} from '../../../campaign/costs.ts';
import type { ScenarioPlan } from '../../../engine/scenario.ts';
import type { Csr } from '../../../graph/types.ts';
import type { CostsFile } from './state.ts';

/** Most accounts without a cost that the preview names. */
export const NAMED = 5;

export interface CostsPreview {
  name: string;
  matched: number;
  lines: number;
  n: number;
  /** Accounts the file gives no cost, the first NAMED of them by id, and how many in all. */
  unmatched: { count: number; ids: string[] };
}

export function previewOf(file: CostsFile, table: CostsTable, ids: readonly string[]): CostsPreview {
  const named: string[] = [];
  let count = 0;
  table.costs.forEach((c, v) => {
    if (!Number.isNaN(c)) return;
    count++;
    if (named.length < NAMED) named.push(ids[v]);
  });
  return {
    name: file.name,
    matched: table.matched,
    lines: table.lines,
    n: ids.length,
    unmatched: { count, ids: named },
  };
}

/** The file read against a graph's ids (throws the CostsError naming the file and line). */
export function readCostsFile(file: CostsFile, ids: readonly string[]): CostsTable {
  return parseCostsTable(file.text, file.name, ids);
}

/**
 * Every account's cost under the settings (throws a CostsError when the file leaves accounts out
 * and no default is set). `file` must be the file the settings name.
 */
export function costsOf(
  plan: ScenarioPlan,
  csr: Csr,
  ids: readonly string[],
  file: CostsFile | null,
): Float64Array {
  const c = plan.costs;
  if (c.kind === 'formula') return formulaCosts(csr, c.flat, c.perFollower);
  if (!file || file.name !== c.name) throw new Error(`the costs file ${c.name} is not open`);
  return completeCosts(readCostsFile(file, ids).costs, ids, c.defaultCost, c.name);
}

/** The cheapest account and its cost. */
export function cheapestOf(costs: Float64Array): { node: number; cost: number } {
  const node = cheapest(costs);
  return { node, cost: costs[node] };
}
