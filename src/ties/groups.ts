/**
 * Groups files: `group member` per line (whitespace or a tab between; `#` comments and blank
 * lines skipped), or a CSV whose header is `group,member`. Members are account ids exactly as in
 * the graph. Unknown accounts are dropped and reported (count and first names); a member listed
 * twice in one group counts once; a group left with no known member is an error.
 */

export interface ParsedGroups {
  /** Node indices per group, in order of first appearance in the file. */
  groups: number[][];
  names: string[];
  unknown: { count: number; first: string[] };
}

/** What is wrong with a groups file, as data (the app words it in either language). */
export type GroupsProblem =
  /** A line that is not `group member` (or `group,member` in a CSV). */
  | { kind: 'badLine'; csv: boolean; got: string }
  /** A group none of whose listed members is an account of the graph. */
  | { kind: 'empty'; group: string; listed: number }
  /** No group at all. */
  | { kind: 'noGroups' };

export class GroupsError extends Error {
  constructor(
    readonly file: string,
    /** 1-based line, or null for the whole file. */
    readonly line: number | null,
    readonly problem: GroupsProblem,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${problemText(problem)}`);
    this.name = 'GroupsError';
  }
}

function problemText(p: GroupsProblem): string {
  switch (p.kind) {
    case 'badLine':
      return `expected ${p.csv ? "'group,member'" : "'group member'"}, got '${p.got}'`;
    case 'empty':
      return `group '${p.group}' is empty: none of its ${p.listed} member(s) is an account of the graph`;
    case 'noGroups':
      return "no groups (expected 'group member' lines)";
  }
}

/** How many unknown names a warning shows. */
export const SHOWN_UNKNOWN = 5;

export function parseGroups(text: string, file: string, idIndex: Map<string, number>): ParsedGroups {
  const lines = text.split(/\r?\n/);
  let csv = false;
  const order: string[] = [];
  const byName = new Map<string, { members: number[]; seen: Set<number>; line: number; listed: number }>();
  const unknown = new Set<string>();
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (order.length === 0 && unknown.size === 0 && !csv && /^group\s*,\s*member$/i.test(line)) {
      csv = true;
      return;
    }
    const parts = csv ? line.split(',').map((s) => s.trim()) : line.split(/\s+/);
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '')
      throw new GroupsError(file, i + 1, { kind: 'badLine', csv, got: line.slice(0, 80) });
    const [name, member] = parts;
    let group = byName.get(name);
    if (!group) {
      group = { members: [], seen: new Set(), line: i + 1, listed: 0 };
      byName.set(name, group);
      order.push(name);
    }
    group.listed++;
    const v = idIndex.get(member);
    if (v === undefined) {
      unknown.add(member);
      return;
    }
    if (!group.seen.has(v)) {
      group.seen.add(v);
      group.members.push(v);
    }
  });
  if (order.length === 0) throw new GroupsError(file, null, { kind: 'noGroups' });
  for (const name of order) {
    const g = byName.get(name);
    if (g && g.members.length === 0)
      throw new GroupsError(file, g.line, { kind: 'empty', group: name, listed: g.listed });
  }
  return {
    groups: order.map((name) => byName.get(name)?.members ?? []),
    names: order,
    unknown: { count: unknown.size, first: [...unknown].slice(0, SHOWN_UNKNOWN) },
  };
}

/** Communities as groups: members of community c form group c (singletons dropped). */
export function communityGroups(community: Uint32Array, count: number): number[][] {
  const groups: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < community.length; v++) groups[community[v]].push(v);
  return groups.filter((g) => g.length > 1);
}
