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

type ProblemKey =
  | 'binary'
  | 'header'
  | 'fields'
  | 'unknown'
  | 'twice'
  | 'empty'
  | 'notNumber'
  | 'tooLarge'
  | 'negative'
  | 'emptyFile'
  | 'missing';

/**
 * The problems src/campaign/costs.ts names, by their English wording, with what they carry (ids,
 * costs and lines are data, inserted as they are). test/app/plan-link.test.ts checks that every
 * problem the parser gives is recognised, so a change of wording there cannot slip by.
 */
const PROBLEMS: [RegExp, ProblemKey, string[]][] = [
  [/^binary data \(a NUL byte\); expected CSV text$/, 'binary', []],
  [/^expected the header line 'id,cost', got '(.*)'$/s, 'header', ['got']],
  [/^expected 'id,cost' \(two fields\), got '(.*)'$/s, 'fields', ['got']],
  [/^account '(.*)' is not in the graph$/s, 'unknown', ['id']],
  [/^account '(.*)' is listed twice \(first on line (\d+)\)$/s, 'twice', ['id', 'line']],
  [/^the cost is empty$/, 'empty', []],
  [/^the cost '(.*)' is not a number$/s, 'notNumber', ['cost']],
  [/^the cost '(.*)' is too large$/s, 'tooLarge', ['cost']],
  [/^the cost (\S+) is negative; costs are >= 0 \(0 = a free seed\)$/, 'negative', ['cost']],
  [/^the file is empty; expected the header line 'id,cost' and one account per line$/, 'emptyFile', []],
  [
    /^(\d+) of (\d+) accounts have no cost: (.*); give them one, or set a default cost \(--default-cost\)$/s,
    'missing',
    ['missing', 'n', 'ids'],
  ],
];

/** A costs problem in the page's language: a known one through its message, any other as it is. */
export function problemText(
  problem: string,
  say: (key: `plan.problem.${ProblemKey}`, vars: Record<string, string>) => string,
): string {
  for (const [pattern, key, names] of PROBLEMS) {
    const m = pattern.exec(problem);
    if (!m) continue;
    const vars: Record<string, string> = {};
    names.forEach((name, i) => {
      vars[name] = m[i + 1];
    });
    return say(`plan.problem.${key}`, vars);
  }
  return problem;
}

/** Whether problemText knows this problem (for the tests). */
export function knownProblem(problem: string): boolean {
  return PROBLEMS.some(([pattern]) => pattern.test(problem));
}
