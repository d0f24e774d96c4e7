/**
 * What each account costs to seed. Three sources, all giving one number per node index:
 *   a costs table    CSV text with the header `id,cost` and one account per line
 *   a node attribute a numeric attribute of the graph file (GEXF, GraphML, JSON), by name
 *   a formula        flat + perFollower x followers(u), followers(u) = out-arcs of u (the
 *                    accounts its posts reach directly)
 * Accounts left without a cost are an error naming them, unless a default cost is given. A cost
 * of zero is a free seed. Pure: the CLI and the app read the file and pass its text.
 */
import { LoadError } from '../graph/load-error.ts';
import type { Csr } from '../graph/types.ts';
import { printable } from '../util/printable.ts';

/** A costs table or attribute that cannot be used: names the file (or attribute) and line. */
export class CostsError extends LoadError {}

/** Most accounts an error message names before "and N more". */
const NAMED = 5;

/** Split one CSV line into fields (double quotes around a field, "" inside for a quote). */
export function csvFields(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        text += line.slice(i, q);
        if (line[q + 1] === '"') {
          text += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const rest = line.indexOf(',', i);
      const tail = rest < 0 ? line.slice(i) : line.slice(i, rest);
      if (tail.trim() !== '') return null;
      out.push(text);
      if (rest < 0) return out;
      i = rest + 1;
    } else {
      const comma = line.indexOf(',', i);
      out.push((comma < 0 ? line.slice(i) : line.slice(i, comma)).trim());
      if (comma < 0) return out;
      i = comma + 1;
    }
  }
}

/** A cost (or another column's value) as written: a number >= 0, or what is wrong with it. */
export function parseCost(text: string, column = 'cost'): number | string {
  const t = text.trim();
  if (t === '') return `the ${column} is empty`;
  // Number('') is 0 and Number('0x10') is 16: accept plain decimal notation only.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t))
    return `the ${column} '${printable(t)}' is not a number`;
  const v = Number(t);
  if (!Number.isFinite(v)) return `the ${column} '${printable(t)}' is too large`;
  if (v < 0)
    return column === 'cost'
      ? `the cost ${t} is negative; costs are >= 0 (0 = a free seed)`
      : `the ${column} ${t} is negative; ${column}s are >= 0`;
  return v;
}

export interface CostsTable {
  /** Cost per node index, NaN where the table has no line for the account. */
  costs: Float64Array;
  /** Accounts given a cost. */
  matched: number;
  /** Data lines read. */
  lines: number;
}

/**
 * Read a costs table: a header line `id,cost` (any case, spaces allowed), then `id,cost` per
 * line; blank lines and lines starting with # are skipped. An unknown id, a cost that is not a
 * number >= 0, a duplicate id or a malformed line is a CostsError naming the file and line.
 */
export function parseCostsTable(
  text: string,
  file: string,
  ids: readonly string[],
  column = 'cost',
): CostsTable {
  const index = new Map<string, number>();
  ids.forEach((id, v) => {
    index.set(id, v);
  });
  const costs = new Float64Array(ids.length).fill(Number.NaN);
  const seenAt = new Int32Array(ids.length);
  const fail = (line: number, problem: string) => new CostsError(file, 'unknown', problem, { line });
  let header = false;
  let matched = 0;
  let lines = 0;
  let lineNo = 0;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    lineNo++;
    const raw = text.slice(at, end > at && text[end - 1] === '\r' ? end - 1 : end);
    at = end + 1;
    if (raw.includes('\0')) throw fail(lineNo, 'binary data (a NUL byte); expected CSV text');
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = csvFields(line);
    if (!header) {
      const names = fields?.map((f) => f.trim().toLowerCase());
      if (names?.length !== 2 || names[0] !== 'id' || names[1] !== column)
        throw fail(lineNo, `expected the header line 'id,${column}', got '${printable(line.slice(0, 80))}'`);
      header = true;
      continue;
    }
    lines++;
    if (fields?.length !== 2)
      throw fail(lineNo, `expected 'id,${column}' (two fields), got '${printable(line.slice(0, 80))}'`);
    const [id, costText] = fields;
    const v = index.get(id);
    if (v === undefined) throw fail(lineNo, `account '${printable(id)}' is not in the graph`);
    if (seenAt[v] !== 0)
      throw fail(lineNo, `account '${printable(id)}' is listed twice (first on line ${seenAt[v]})`);
    const cost = parseCost(costText, column);
    if (typeof cost === 'string') throw fail(lineNo, cost);
    seenAt[v] = lineNo;
    costs[v] = cost;
    matched++;
  }
  if (!header)
    throw fail(1, `the file is empty; expected the header line 'id,${column}' and one account per line`);
  return { costs, matched, lines };
}

/** flat + perFollower x (out-arcs of u), for every account. */
export function formulaCosts(csr: Csr, flat: number, perFollower: number): Float64Array {
  for (const [name, v] of [
    ['cost-flat', flat],
    ['cost-per-follower', perFollower],
  ] as const) {
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`${name}: expected a number >= 0, got ${v}`);
  }
  const costs = new Float64Array(csr.n);
  for (let u = 0; u < csr.n; u++) costs[u] = flat + perFollower * (csr.outOffsets[u + 1] - csr.outOffsets[u]);
  return costs;
}

/**
 * Costs from a node attribute's values (undefined where a node lacks it). A value that is not a
 * number >= 0 is a CostsError naming the account.
 */
export function attributeCosts(
  values: readonly unknown[],
  name: string,
  file: string,
  ids: readonly string[],
): Float64Array {
  const costs = new Float64Array(values.length).fill(Number.NaN);
  values.forEach((value, v) => {
    if (value === undefined || value === null || value === '') return;
    const cost =
      typeof value === 'number'
        ? value >= 0 && Number.isFinite(value)
          ? value
          : `the cost ${value} is not a number >= 0`
        : parseCost(String(value));
    if (typeof cost === 'string')
      throw new CostsError(
        file,
        'unknown',
        `account '${printable(ids[v])}', attribute '${printable(name)}': ${cost}`,
      );
    costs[v] = cost;
  });
  return costs;
}

/**
 * Fill the accounts without a cost with `fallback`, or fail naming them (the first few and how
 * many) when there is none. `source` says where the costs came from, for the message.
 */
export function completeCosts(
  costs: Float64Array,
  ids: readonly string[],
  fallback: number | null,
  source: string,
): Float64Array {
  const missing: number[] = [];
  for (let v = 0; v < costs.length; v++) if (Number.isNaN(costs[v])) missing.push(v);
  if (missing.length === 0) return costs;
  if (fallback !== null) {
    if (!(Number.isFinite(fallback) && fallback >= 0))
      throw new RangeError(`default-cost: expected a number >= 0, got ${fallback}`);
    for (const v of missing) costs[v] = fallback;
    return costs;
  }
  const named = missing
    .slice(0, NAMED)
    .map((v) => `'${printable(ids[v])}'`)
    .join(', ');
  const more = missing.length > NAMED ? ` and ${missing.length - NAMED} more` : '';
  throw new CostsError(
    source,
    'unknown',
    `${missing.length} of ${costs.length} accounts have no cost: ${named}${more}; give them one, or set a default cost (--default-cost)`,
  );
}

/** Whether `cost` more still fits the budget after `spent` (with room for rounding of sums). */
export function fits(spent: number, cost: number, budget: number): boolean {
  return spent + cost <= budget + 1e-9 * Math.max(1, budget);
}

/** The cheapest account (lowest index among equals). */
export function cheapest(costs: Float64Array): number {
  let best = 0;
  for (let v = 1; v < costs.length; v++) if (costs[v] < costs[best]) best = v;
  return best;
}

/**
 * The most accounts the budget can buy (the cheapest first): the size bound of the feasible seed
 * sets, which sets how many RR sets a guarantee needs.
 */
export function mostAffordable(costs: Float64Array, budget: number): number {
  const sorted = Float64Array.from(costs).sort();
  let spent = 0;
  let k = 0;
  for (const c of sorted) {
    if (!fits(spent, c, budget)) break;
    spent += c;
    k++;
  }
  return k;
}
