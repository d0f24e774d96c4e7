/**
 * Seed lists as users write them, resolved against a loaded graph.
 *
 * On the command line (`--seeds`):
 *   ids            "a,b,c"          node ids exactly as in the file (spaces around them dropped)
 *   top by degree  "top:degree:K"   the K nodes with most out-arcs in the reach direction,
 *                                   ties broken by first appearance in the file
 *   random         "random:K"       a fresh uniformly random set of K nodes in every run
 *   JSON array     '["a","b"]'      ids verbatim, so they may hold ',', ';', '@' or spaces;
 *                                   items may also be {"id": "c", "step": 3}
 * Staggered launches: groups separated by ";", each optionally ending in "@STEP" (its start step),
 * e.g. "a,b;c@3" launches a and b at step 0 and c at step 3.
 *
 * In a seed file (`--seeds-file`): one id per line, verbatim (only the line end is dropped, and a
 * byte-order mark before the first line); blank lines are skipped. A line is split at its last TAB
 * when what follows is a whole number, the start step (`id<TAB>3`); otherwise the whole line is the
 * id, tabs included. An id that itself ends in TAB and digits takes an explicit step: `a<TAB>5<TAB>0`.
 *
 * Every start step is checked against the parameter table's START range, narrowed to the step
 * limit when there is one. A seed listed twice starts once, at its earliest step, with a warning.
 */
import { OptionError } from '../diffusion/defaults.ts';
import { START, START_CAP_REASON } from '../diffusion/params.ts';
import type { SeedGroup, SeedPlan } from '../diffusion/types.ts';
import { topByOutDegree } from '../graph/csr.ts';
import { type NodeIds, nodeIds } from '../graph/node-ids.ts';
import type { Csr } from '../graph/types.ts';
import { checkParam, formatParamError, type Limits, parseParam, type Text } from '../util/param-spec.ts';

export interface SeedGraph {
  csr: Csr;
  ids: string[];
}

export interface ParsedSeeds {
  plan: SeedPlan;
  /** One line each, for stderr (duplicates). */
  warnings: string[];
}

export interface SeedParseOptions {
  /** How messages name the input: '--seeds', '--seeds-file ids.txt'. */
  where?: string;
  /** The latest start step allowed (the step limit of the run); START's maximum otherwise. */
  maxStart?: number;
  /** The reason for maxStart, in messages. */
  maxStartReason?: Text;
}

/** Ids in messages: quoted, with control characters visible (the CLI escapes whole lines too). */
function quote(id: string): string {
  return `'${id.length > 60 ? `${id.slice(0, 60)}…` : id}'`;
}

class SeedReader {
  readonly where: string;
  private readonly limits: Limits;

  constructor(
    private readonly graph: SeedGraph,
    options: SeedParseOptions,
  ) {
    this.where = options.where ?? 'seeds';
    const cap = START.max as number;
    const max = options.maxStart === undefined ? cap : Math.min(cap, options.maxStart);
    this.limits = {
      max,
      maxReason:
        options.maxStart !== undefined && options.maxStart < cap
          ? (options.maxStartReason ?? { en: 'the step limit', zh: '步数上限' })
          : START_CAP_REASON,
    };
  }

  fail(message: string): never {
    throw new OptionError(`${this.where}: ${message}`);
  }

  node(id: string, at = ''): number {
    const v = nodeIds(this.graph).index(id);
    if (v < 0) this.fail(`${at}no node with id ${quote(id)} in the graph`);
    return v;
  }

  /** A start step given as text ("3") or as a JSON number. */
  start(value: string | unknown, what: string): number {
    const checked =
      typeof value === 'string'
        ? parseParam(START, value, this.limits)
        : checkParam(START, value, this.limits);
    if (!checked.ok) this.fail(formatParamError(checked.error, 'en', what));
    return checked.value;
  }

  count(text: string, what: string): number {
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > this.graph.csr.n)
      this.fail(
        `${what} expects a whole number from 1 to ${this.graph.csr.n} (the number of nodes), got '${text}'`,
      );
    return Number(text);
  }
}

/** Groups from (node, start) pairs: one group per start step, in step order, nodes in given order. */
function groupByStart(entries: readonly { node: number; start: number }[]): SeedGroup[] {
  const byStart = new Map<number, number[]>();
  for (const { node, start } of entries) {
    const list = byStart.get(start);
    if (list) list.push(node);
    else byStart.set(start, [node]);
  }
  return [...byStart.entries()].sort((a, b) => a[0] - b[0]).map(([start, nodes]) => ({ nodes, start }));
}

function parseTextGroup(text: string, index: number, reader: SeedReader, graph: SeedGraph): SeedGroup {
  let body = text.trim();
  let start = 0;
  const at = body.lastIndexOf('@');
  if (at >= 0) {
    const step = body.slice(at + 1).trim();
    if (!/^[\d.e+-]+$/i.test(step))
      reader.fail(
        `'@${step}' in group ${index + 1} is not a start step; ids holding ',', ';' or '@' go in a JSON array ('["@alice","Smith, John"]') or in --seeds-file`,
      );
    start = reader.start(step, `start step '@${step}' of group ${index + 1}`);
    body = body.slice(0, at).trim();
  }
  const top = /^top:degree:(.+)$/.exec(body);
  if (top) return { nodes: topByOutDegree(graph.csr, reader.count(top[1], 'top:degree:K')), start };
  if (body === '') reader.fail(`seed group ${index + 1} is empty`);
  return { nodes: body.split(',').map((raw) => reader.node(raw.trim())), start };
}

function parseJsonSeeds(text: string, reader: SeedReader): SeedGroup[] {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (e) {
    reader.fail(
      `starts with '[' but is not a JSON array (${e instanceof Error ? e.message : String(e)}); to give an id that starts with '[', use --seeds-file`,
    );
  }
  if (!Array.isArray(items)) reader.fail('expected a JSON array of ids');
  if (items.length === 0) reader.fail('the JSON array holds no seeds');
  const entries = items.map((item, i) => {
    if (typeof item === 'string') return { node: reader.node(item, `item ${i + 1}: `), start: 0 };
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const keys = Object.keys(item);
      const unknown = keys.find((key) => key !== 'id' && key !== 'step');
      if (unknown !== undefined) reader.fail(`item ${i + 1}: unknown field '${unknown}' (expected id, step)`);
      const { id, step } = item as { id?: unknown; step?: unknown };
      if (typeof id !== 'string') reader.fail(`item ${i + 1}: 'id' must be a text`);
      const start = step === undefined ? 0 : reader.start(step, `item ${i + 1}: step`);
      return { node: reader.node(id, `item ${i + 1}: `), start };
    }
    return reader.fail(`item ${i + 1}: expected an id (a JSON string) or {"id": ..., "step": ...}`);
  });
  return groupByStart(entries);
}

/** Seeds given listed more than once: one warning line naming a few of them. */
function duplicateWarnings(groups: readonly SeedGroup[], ids: NodeIds): string[] {
  const seen = new Set<number>();
  const repeated: number[] = [];
  for (const g of groups)
    for (const v of g.nodes) {
      if (seen.has(v)) repeated.push(v);
      else seen.add(v);
    }
  if (repeated.length === 0) return [];
  const distinct = [...new Set(repeated)];
  const shown = distinct.slice(0, 5).map((v) => quote(ids.id(v)));
  const more = distinct.length > 5 ? ` and ${distinct.length - 5} more` : '';
  return [
    `${distinct.length === 1 ? 'seed' : 'seeds'} ${shown.join(', ')}${more} listed more than once; each starts once, at its earliest step`,
  ];
}

/** A `--seeds` value: ids, top:degree:K, random:K or a JSON array, in staggered groups. */
export function parseSeedSpec(spec: string, graph: SeedGraph, options: SeedParseOptions = {}): ParsedSeeds {
  const reader = new SeedReader(graph, options);
  const text = spec.trim();
  if (text === '') reader.fail('no seeds given');
  const random = /^random:(.+)$/.exec(text);
  if (random) return { plan: { kind: 'random', k: reader.count(random[1], 'random:K') }, warnings: [] };
  const groups = text.startsWith('[')
    ? parseJsonSeeds(text, reader)
    : text.split(';').map((g, i) => parseTextGroup(g, i, reader, graph));
  return { plan: { kind: 'groups', groups }, warnings: duplicateWarnings(groups, nodeIds(graph)) };
}

/** A seed file's text: one id per line, verbatim, optionally `<TAB>step` (see the header). */
export function parseSeedLines(text: string, graph: SeedGraph, options: SeedParseOptions = {}): ParsedSeeds {
  const reader = new SeedReader(graph, options);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entries: { node: number; start: number }[] = [];
  lines.forEach((line, i) => {
    if (line === '') return;
    const tab = line.lastIndexOf('\t');
    const tail = tab >= 0 ? line.slice(tab + 1) : '';
    const stepped = tab >= 0 && /^\d+$/.test(tail);
    const id = stepped ? line.slice(0, tab) : line;
    const start = stepped ? reader.start(tail, `line ${i + 1}: start step`) : 0;
    entries.push({ node: reader.node(id, `line ${i + 1}: `), start });
  });
  if (entries.length === 0) reader.fail('the file lists no seeds');
  const groups = groupByStart(entries);
  return { plan: { kind: 'groups', groups }, warnings: duplicateWarnings(groups, nodeIds(graph)) };
}

/** The seed ids of a plan, for reports (null for random plans). */
export function describeSeeds(plan: SeedPlan, ids: NodeIds): { ids: string[]; start: number }[] | string {
  if (plan.kind === 'random') return `random:${plan.k}`;
  return plan.groups.map((g) => ({ ids: g.nodes.map((v) => ids.id(v)), start: g.start }));
}
