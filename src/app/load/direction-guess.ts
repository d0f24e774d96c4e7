/**
 * Before an edge list is loaded the user says which way its edges point. This module shows the
 * first lines and makes a sensible guess, from evidence in the file only:
 *  - column names, read as a sentence: "account,follower" (the second column follows the first:
 *    posts flow account -> follower) -> influences; "follower,followee", "user,follows",
 *    "follower,account" (the first column follows the second) -> follows; "source,target",
 *    "from,to", "sender,receiver" -> influences;
 *  - reciprocity: when most sampled pairs "a b" also appear as "b a", the file lists mutual ties
 *    both ways, so undirected;
 *  - otherwise 'follows', the usual meaning of follower exports.
 * It also guesses what a third column means: all values in [0,1] -> probability, else weight.
 */
import type { Direction, EdgeValues } from '../../graph/types.ts';

export interface EdgeListPreview {
  /** The first lines of the file, as text (rendered as text, never HTML). */
  lines: string[];
  direction: Direction;
  /** Why the guess. */
  reason: 'header-follows' | 'header-influences' | 'reciprocal' | 'default-follows';
  /** The names of the first two columns when the file has a header line (as written), else null. */
  columns: [string, string] | null;
  /** The third column's meaning if the file has one, else null. */
  edgeValues: EdgeValues | null;
}

const PREVIEW_LINES = 8;
/** How much of the file the guess looks at. */
export const SAMPLE_BYTES = 1 << 18;

export function previewEdgeList(text: string): EdgeListPreview {
  const all = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (text.length >= SAMPLE_BYTES) all.pop(); // the last line may be cut
  const lines = all.slice(0, PREVIEW_LINES);
  const data: string[][] = [];
  let header: string[] | null = null;
  let columns: [string, string] | null = null;
  for (const raw of all) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('%')) continue;
    const cells = line.split(/[\s,;]+/).map((c) => c.replace(/^"|"$/g, ''));
    if (data.length === 0 && header === null && cells.length >= 2 && cells.slice(0, 2).every(isName)) {
      header = cells.map((c) => c.toLowerCase());
      columns = [cells[0], cells[1]];
      continue;
    }
    if (cells.length >= 2) data.push(cells);
  }
  const edgeValues = guessValues(data);
  if (header) {
    const direction = directionFromColumns(header[0], header[1]);
    if (direction)
      return {
        lines,
        direction,
        reason: direction === 'follows' ? 'header-follows' : 'header-influences',
        edgeValues,
        columns,
      };
  }
  const pairs = new Set<string>();
  for (const [a, b] of data) pairs.add(`${a}\u0000${b}`);
  let reciprocal = 0;
  let distinct = 0;
  for (const [a, b] of data) {
    if (a === b) continue;
    distinct++;
    if (pairs.has(`${b}\u0000${a}`)) reciprocal++;
  }
  if (distinct > 0 && reciprocal / distinct >= 0.5)
    return { lines, direction: 'undirected', reason: 'reciprocal', edgeValues, columns };
  return { lines, direction: 'follows', reason: 'default-follows', edgeValues, columns };
}

const FOLLOWER = /^(followers?|fans?|subscribers?|readers?|audience|viewers?)$/;
const FOLLOWED =
  /^(follows|following|followees?|followed|subscribed_to|subscribes_to|targets?|to|dst|receivers?|recipients?)$/;
const SOURCE = /^(source|src|from|sender|origin|author|poster|influencer|account|user|users|id|node)$/;

/**
 * The direction a header names, reading it as a sentence: in "account,follower" the second column
 * follows the first, so posts flow first -> second (influences); in "follower,followee" or
 * "user,follows" the first column follows the second (follows); "source,target", "from,to" and
 * "sender,receiver" name the flow itself (influences). Null when the names say nothing.
 */
export function directionFromColumns(first: string, second: string): Direction | null {
  const a = first
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const b = second
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (FOLLOWER.test(b)) return 'influences';
  if (FOLLOWER.test(a)) return 'follows';
  if (/^(follows|following|followees?|followed|subscribed_to|subscribes_to)$/.test(b)) return 'follows';
  if (/^(followees?|followed)$/.test(a)) return 'influences';
  if (SOURCE.test(a) && FOLLOWED.test(b)) return 'influences';
  return null;
}

/** A column name rather than a node id: letters and not a number. */
function isName(cell: string): boolean {
  return /^[A-Za-z_][\w ]*$/.test(cell) && !/^\d/.test(cell);
}

function guessValues(data: string[][]): EdgeValues | null {
  let any = false;
  for (const cells of data) {
    if (cells.length < 3) continue;
    const v = Number(cells[2]);
    if (!Number.isFinite(v)) return null;
    any = true;
    if (v < 0 || v > 1) return 'weight';
  }
  return any ? 'probability' : null;
}
