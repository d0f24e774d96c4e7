/**
 * Cascade logs: what actually happened in past cascades (a campaign's reshares, retweet
 * cascades), read from text. Two formats with the same fields:
 *   CSV         a header naming the columns `cascade,account,step` and optionally `parent` (any
 *               order), then one adoption per line
 *   JSON lines  one object per line: {"cascade": …, "account": …, "step": …, "parent": …}
 * `step` is a whole number of steps; with a bin width (`--bin SECONDS`) it is a timestamp
 * (seconds, or an ISO 8601 date) and step = floor((t - the cascade's first t) / bin).
 *
 * Strict: every problem is a CascadeLogError naming the file and line (an account or parent not
 * in the graph, a parent that did not adopt one step before its child or cannot reach it, a
 * step that is not a whole number, a cascade with no first adopter, a missing or unknown header
 * column, an account listed twice in one cascade). Ids only index Maps, so `__proto__` is an
 * ordinary id. Pure: the CLI and the app read the file and pass its text.
 */
import { csvFields } from '../campaign/costs.ts';
import { MAX_STEPS } from '../diffusion/params.ts';
import { LoadError } from '../graph/load-error.ts';
import type { Csr } from '../graph/types.ts';
import { printable } from '../util/printable.ts';

/** A cascade log that cannot be used: names the file and line. */
export class CascadeLogError extends LoadError {}

/** One observed cascade: adopters sorted by step (first adopters first), steps from 0. */
export interface Cascade {
  /** The cascade's name as written. */
  name: string;
  /** Adopters (node indices), by step then by line. */
  nodes: Uint32Array;
  /** Step of each adopter, 0 = the cascade's first step. */
  steps: Uint32Array;
  /** Recorded parent of each adopter (node index), -1 when none. */
  parents: Int32Array;
  /** Line of each adopter in the file. */
  lines: Uint32Array;
}

export interface CascadeLog {
  cascades: Cascade[];
  /** Adoption lines read. */
  rows: number;
  /** Distinct accounts named (adopters). */
  accounts: number;
  /** Adopters with a recorded parent. */
  parents: number;
  format: 'csv' | 'jsonl';
}

export interface ParseLogOptions {
  /** Group timestamps into steps of this many seconds; null: steps are whole numbers. */
  bin?: number | null;
}

const COLUMNS = ['cascade', 'account', 'step', 'parent'] as const;
type Column = (typeof COLUMNS)[number];

interface Row {
  cascade: string;
  account: number;
  /** Whole step, or timestamp in seconds when binning. */
  time: number;
  parent: number;
  line: number;
}

/** Read a cascade log (CSV or JSON lines, told apart by the first character of the first data). */
export function parseCascadeLog(
  text: string,
  file: string,
  ids: readonly string[],
  csr: Csr,
  options: ParseLogOptions = {},
): CascadeLog {
  const read = readRows(text, file, ids, options.bin ?? null, false);
  const fail = (line: number, problem: string) => new CascadeLogError(file, 'unknown', problem, { line });
  return assemble(read.rows, options.bin ?? null, csr, fail, read.format, ids);
}

/** What a dropped log holds before it is used: how many cascades, accounts and parents matched. */
export interface CascadeLogPreview {
  format: 'csv' | 'jsonl';
  rows: number;
  cascades: number;
  /** Distinct accounts in the graph, and adoption lines naming an account that is not. */
  accounts: number;
  unknownAccounts: number;
  /** Parents given, and those that name an account of the graph. */
  parents: number;
  parentsMatched: number;
  /** The first problem a strict read reports (the error message), or null when the log is usable. */
  problem: string | null;
}

/**
 * Count what a log holds, leniently (unknown accounts are counted, not fatal), and say what the
 * strict read would refuse first. Structure errors (a missing header column, bad JSON) still throw.
 */
export function previewCascadeLog(
  text: string,
  file: string,
  ids: readonly string[],
  csr: Csr,
  options: ParseLogOptions = {},
): CascadeLogPreview {
  const read = readRows(text, file, ids, options.bin ?? null, true);
  const names = new Set<string>();
  const accounts = new Set<number>();
  let parents = 0;
  let parentsMatched = 0;
  for (const r of read.rows) {
    names.add(r.cascade);
    if (r.account >= 0) accounts.add(r.account);
    if (r.parent !== -1) {
      parents++;
      if (r.parent >= 0) parentsMatched++;
    }
  }
  let problem: string | null = null;
  try {
    parseCascadeLog(text, file, ids, csr, options);
  } catch (e) {
    if (!(e instanceof CascadeLogError)) throw e;
    problem = e.message;
  }
  return {
    format: read.format,
    rows: read.rows.length,
    cascades: names.size,
    accounts: accounts.size,
    unknownAccounts: read.rows.filter((r) => r.account < 0).length,
    parents,
    parentsMatched,
    problem,
  };
}

/**
 * The adoption lines of a log. Strict: an unknown account or parent is an error; lenient (the
 * preview): it is kept as -2 (no parent is -1).
 */
function readRows(
  text: string,
  file: string,
  ids: readonly string[],
  bin: number | null,
  lenient: boolean,
): { rows: Row[]; format: 'csv' | 'jsonl' } {
  if (bin !== null && !(Number.isFinite(bin) && bin > 0))
    throw new RangeError(`bin: expected a number of seconds > 0, got ${bin}`);
  const index = new Map<string, number>();
  ids.forEach((id, v) => {
    index.set(id, v);
  });
  const fail = (line: number, problem: string) => new CascadeLogError(file, 'unknown', problem, { line });
  const node = (id: string, what: 'account' | 'parent', line: number) => {
    const v = index.get(id);
    if (v !== undefined) return v;
    if (lenient) return -2;
    throw fail(line, `${what} '${printable(id)}' is not in the graph`);
  };
  const time = (raw: unknown, line: number): number => {
    if (bin === null) {
      const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
      if (!/^[+-]?\d+$/.test(text))
        throw fail(
          line,
          `step '${printable(String(raw ?? ''))}' is not a whole number (give --bin SECONDS to read timestamps)`,
        );
      const step = Number(text);
      if (!Number.isSafeInteger(step)) throw fail(line, `step ${text} is too large`);
      return step;
    }
    if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
    const ms = /^\d{4}-\d\d-\d\d/.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(ms))
      throw fail(line, `timestamp '${printable(String(raw ?? ''))}' is neither seconds nor an ISO 8601 date`);
    return ms / 1000;
  };

  const rows: Row[] = [];
  let format: 'csv' | 'jsonl' | null = null;
  let header: Map<Column, number> | null = null;
  let lineNo = 0;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    lineNo++;
    const raw = text.slice(at, end > at && text[end - 1] === '\r' ? end - 1 : end);
    at = end + 1;
    if (raw.includes('\0')) throw fail(lineNo, 'binary data (a NUL byte); expected text');
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (format === null) format = line.startsWith('{') ? 'jsonl' : 'csv';
    if (format === 'jsonl') {
      rows.push(jsonRow(line, lineNo));
      continue;
    }
    // Plain lines (no quotes) split directly; quoted fields go through the CSV reader.
    const fields = line.includes('"') ? csvFields(line) : line.split(',').map((f) => f.trim());
    if (fields === null) throw fail(lineNo, `malformed CSV line '${printable(line.slice(0, 80))}'`);
    if (header === null) {
      header = csvHeader(fields, lineNo);
      continue;
    }
    if (fields.length !== header.size)
      throw fail(lineNo, `expected ${header.size} fields as in the header, got ${fields.length}`);
    const get = (c: Column) => {
      const i = header?.get(c);
      return i === undefined ? '' : fields[i];
    };
    const cascade = get('cascade');
    if (cascade === '') throw fail(lineNo, 'the cascade is empty');
    const parentId = get('parent');
    rows.push({
      cascade,
      account: node(get('account'), 'account', lineNo),
      time: time(get('step'), lineNo),
      parent: parentId === '' ? -1 : node(parentId, 'parent', lineNo),
      line: lineNo,
    });
  }
  if (format === 'csv' && header === null) throw fail(1, 'the file is empty');
  if (rows.length === 0)
    throw fail(
      1,
      "no adoptions: expected the header 'cascade,account,step[,parent]' and one adoption per line",
    );

  function csvHeader(fields: string[], line: number): Map<Column, number> {
    const map = new Map<Column, number>();
    fields.forEach((f, i) => {
      const name = f.trim().toLowerCase();
      if (!(COLUMNS as readonly string[]).includes(name))
        throw fail(
          line,
          `unknown column '${printable(f)}' in the header (expected cascade, account, step and optionally parent)`,
        );
      if (map.has(name as Column)) throw fail(line, `column '${name}' appears twice in the header`);
      map.set(name as Column, i);
    });
    for (const c of ['cascade', 'account', 'step'] as const)
      if (!map.has(c))
        throw fail(line, `the header has no '${c}' column (expected cascade,account,step[,parent])`);
    return map;
  }

  function jsonRow(line: string, lineNo: number): Row {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw fail(lineNo, `not valid JSON (${(e as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw fail(lineNo, 'expected one JSON object per line');
    const o = value as Record<string, unknown>;
    for (const key of Object.keys(o))
      if (!(COLUMNS as readonly string[]).includes(key))
        throw fail(lineNo, `unknown field '${printable(key)}' (expected cascade, account, step, parent)`);
    for (const c of ['cascade', 'account', 'step'] as const)
      if (o[c] === undefined || o[c] === null) throw fail(lineNo, `the field '${c}' is missing`);
    const id = (v: unknown, what: string): string => {
      if (typeof v === 'string' && v !== '') return v;
      if (typeof v === 'number' && Number.isFinite(v)) return String(v);
      throw fail(lineNo, `${what}: expected a text or a number`);
    };
    return {
      cascade: id(o.cascade, 'cascade'),
      account: node(id(o.account, 'account'), 'account', lineNo),
      time: time(o.step, lineNo),
      parent:
        o.parent === undefined || o.parent === null ? -1 : node(id(o.parent, 'parent'), 'parent', lineNo),
      line: lineNo,
    };
  }

  return { rows, format: format ?? 'csv' };
}

/** Group rows into cascades, turn times into steps from 0, and check every parent. */
function assemble(
  rows: Row[],
  bin: number | null,
  csr: Csr,
  fail: (line: number, problem: string) => CascadeLogError,
  format: 'csv' | 'jsonl',
  ids: readonly string[],
): CascadeLog {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    let g = groups.get(r.cascade);
    if (!g) {
      g = [];
      groups.set(r.cascade, g);
    }
    g.push(r);
  }
  // Per-node scratch, valid where stamp[v] is the current cascade's number (no reset per cascade).
  const n = csr.n;
  const stamp = new Uint32Array(n);
  const stepOf = new Uint32Array(n);
  const lineOf = new Uint32Array(n);
  const adopted = new Uint8Array(n);
  let accounts = 0;
  let parents = 0;
  let number = 0;
  const cascades: Cascade[] = [];
  for (const [name, g] of groups) {
    number++;
    let first = Number.POSITIVE_INFINITY;
    for (const r of g) first = Math.min(first, r.time);
    if (g.every((r) => r.parent >= 0))
      throw fail(
        g[0].line,
        `cascade '${printable(name)}' has no first adopter: every account in it names a parent`,
      );
    const stepsOf = (r: Row) => (bin === null ? r.time - first : Math.floor((r.time - first) / bin));
    for (const r of g) {
      const s = stepsOf(r);
      if (s > MAX_STEPS)
        throw fail(
          r.line,
          `step ${s} of cascade '${printable(name)}' is more than ${MAX_STEPS} steps after its first adopters${bin === null ? ' (timestamps? give --bin SECONDS)' : '; use a larger --bin'}`,
        );
      if (stamp[r.account] === number)
        throw fail(
          r.line,
          `account '${printable(ids[r.account])}' adopts twice in cascade '${printable(name)}' (first on line ${lineOf[r.account]})`,
        );
      stamp[r.account] = number;
      lineOf[r.account] = r.line;
      stepOf[r.account] = s;
    }
    for (const r of g) {
      if (r.parent < 0) continue;
      parents++;
      const child = stepOf[r.account];
      if (stamp[r.parent] === number && stepOf[r.parent] === child - 1 && hasArc(csr, r.parent, r.account))
        continue;
      const p = `parent '${printable(ids[r.parent])}'`;
      if (stamp[r.parent] !== number) throw fail(r.line, `${p} is not in cascade '${printable(name)}'`);
      const at = stepOf[r.parent];
      if (at >= child)
        throw fail(
          r.line,
          `${p} adopted at step ${at}, ${at === child ? 'the same step as' : 'after'} its child (step ${child})${bin === null ? '' : '; a smaller --bin may separate them'}`,
        );
      if (at < child - 1)
        throw fail(
          r.line,
          `${p} adopted at step ${at}, more than one step before its child (step ${child}); a parent adopts the step before`,
        );
      if (!hasArc(csr, r.parent, r.account))
        throw fail(
          r.line,
          `${p} cannot reach '${printable(ids[r.account])}': the graph has no arc from it (check --direction)`,
        );
    }
    const order = g.map((r, i) => ({ r, i, s: stepOf[r.account] }));
    order.sort((a, b) => a.s - b.s || a.i - b.i);
    const n = order.length;
    const c: Cascade = {
      name,
      nodes: new Uint32Array(n),
      steps: new Uint32Array(n),
      parents: new Int32Array(n),
      lines: new Uint32Array(n),
    };
    order.forEach(({ r, s }, i) => {
      c.nodes[i] = r.account;
      c.steps[i] = s;
      c.parents[i] = r.parent;
      c.lines[i] = r.line;
      if (!adopted[r.account]) {
        adopted[r.account] = 1;
        accounts++;
      }
    });
    cascades.push(c);
  }
  return { cascades, rows: rows.length, accounts, parents, format };
}

/** Whether the graph has the arc u -> v: a scan of u's out-arcs or v's in-arcs, the shorter. */
export function hasArc(csr: Csr, u: number, v: number): boolean {
  const { outOffsets, outTargets, inOffsets, inSources } = csr;
  if (outOffsets[u + 1] - outOffsets[u] <= inOffsets[v + 1] - inOffsets[v]) {
    for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) if (outTargets[k] === v) return true;
  } else {
    for (let k = inOffsets[v]; k < inOffsets[v + 1]; k++) if (inSources[k] === u) return true;
  }
  return false;
}
