/**
 * Node ids read one at a time: the id of node v and the node of an id, without making the
 * `string[]` of every id (LoadedGraph.ids), which is then made on its first read.
 *
 * Why: a snapshot stores integer ids as u32 codes, and making a million strings from them (and
 * collecting them) took 100-150 ms, the largest part of loading a 10M-arc snapshot. The commands
 * people run on a large graph name a handful of nodes (the seeds, a top ten): they go through
 * nodeIds() and never make the rest. A graph whose `ids` were given as an array (the text
 * loaders) is read through the same interface.
 */

/** A graph's node ids, exactly as written in its file, by node index. */
export interface NodeIds {
  /** Number of nodes. */
  readonly length: number;
  /** The id of node v, for 0 <= v < length. */
  id(v: number): string;
  /** The node whose id is exactly `id`, or -1. */
  index(id: string): number;
}

/** Ids given as an array; the index of ids is made on the first lookup. */
export function arrayIds(ids: readonly string[]): NodeIds {
  let nodes: Map<string, number> | null = null;
  return {
    length: ids.length,
    id: (v) => ids[v],
    index: (id) => {
      nodes ??= new Map(ids.map((key, v) => [key, v]));
      return nodes.get(id) ?? -1;
    },
  };
}

/** The code of an id that is a canonical decimal integer below 2^32 ("7", not "07" or "7.0"), else -1. */
function integerCode(id: string): number {
  const code = Number(id);
  return Number.isInteger(code) && code >= 0 && code <= 0xffffffff && String(code) === id ? code : -1;
}

/** Node v's id is the decimal integer v (a snapshot without an id table). */
export function indexIds(n: number): NodeIds {
  return {
    length: n,
    id: (v) => String(v),
    index: (id) => {
      const v = integerCode(id);
      return v < n ? v : -1;
    },
  };
}

/**
 * Node v's id is the decimal integer codes[v]; the codes must be distinct. The first lookup of an
 * id makes a table of the codes (open addressing, about 8 bytes a node, a few ms per million).
 */
export function integerIds(codes: Uint32Array): NodeIds {
  let table: Int32Array | null = null;
  return {
    length: codes.length,
    id: (v) => String(codes[v]),
    index: (id) => {
      const code = integerCode(id);
      if (code < 0) return -1;
      table ??= codeTable(codes);
      const mask = table.length - 1;
      for (let i = mixCode(code) & mask; table[i] >= 0; i = (i + 1) & mask)
        if (codes[table[i]] === code) return table[i];
      return -1;
    },
  };
}

/** Slots holding node indices (-1: empty) at their code's hash, probing linearly; at most half full. */
function codeTable(codes: Uint32Array): Int32Array {
  let size = 2;
  while (size < 2 * codes.length) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let v = 0; v < codes.length; v++) {
    let i = mixCode(codes[v]) & mask;
    while (table[i] >= 0) i = (i + 1) & mask;
    table[i] = v;
  }
  return table;
}

/** MurmurHash3's finaliser: spreads sequential codes over the table. */
export function mixCode(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** The tables of objects whose `ids` is made on first read (lazyIds), or wraps their array. */
const tables = new WeakMap<object, NodeIds>();

/**
 * Give `target` an `ids` property made from `table` on its first read (then an ordinary array
 * property), by `all` when given (making every id at once can be cheaper than one at a time), and
 * register the table for nodeIds(target).
 */
export function lazyIds<T extends object>(
  target: T,
  table: NodeIds,
  all?: () => string[],
): T & { ids: string[] } {
  const settle = (self: object, ids: string[]) => {
    Object.defineProperty(self, 'ids', { value: ids, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(target, 'ids', {
    enumerable: true,
    configurable: true,
    get(this: object) {
      let ids: string[];
      if (all) ids = all();
      else {
        ids = new Array<string>(table.length);
        for (let v = 0; v < table.length; v++) ids[v] = table.id(v);
      }
      settle(this, ids);
      return ids;
    },
    set(this: object, ids: string[]) {
      tables.delete(this);
      settle(this, ids);
    },
  });
  tables.set(target, table);
  return target as T & { ids: string[] };
}

/** The table lazyIds gave `target`, if any (its `ids` may not have been made yet). */
export function lazyIdTable(target: object): NodeIds | undefined {
  return tables.get(target);
}

/**
 * A graph's ids without making the ones not asked for: its lazy table, or its `ids` array read
 * through the same interface (kept, so the index of ids is made once per graph).
 */
export function nodeIds(graph: { readonly ids: readonly string[] }): NodeIds {
  let table = tables.get(graph);
  if (!table) {
    table = arrayIds(graph.ids);
    tables.set(graph, table);
  }
  return table;
}
