/**
 * Graph types shared by the loaders, the CSR compiler and every simulation.
 *
 * Direction is always explicit. A loaded graph is stored in the *reach direction*:
 * an arc u -> v means "content posted by u can reach v".
 */

/**
 * How to read a line "a b" (or an XML edge source=a target=b).
 * - `undirected`: a and b see each other's content.
 * - `influences`: a's posts reach b.
 * - `follows`: a follows b, so b's posts reach a (the usual meaning of follower exports).
 */
export type Direction = 'undirected' | 'influences' | 'follows';
export const DIRECTIONS: readonly Direction[] = ['undirected', 'influences', 'follows'];

/**
 * What the optional third column of an edge list (or an XML `weight` attribute) means.
 * - `probability`: a transmission probability in [0,1]; duplicates combine as 1 - (1-p1)(1-p2).
 * - `weight`: a non-negative tie strength; duplicates add up.
 * - `ignore`: the column is read for validity of the line but not kept.
 */
export type EdgeValues = 'probability' | 'weight' | 'ignore';
export const EDGE_VALUES: readonly EdgeValues[] = ['probability', 'weight', 'ignore'];

/**
 * Compressed sparse rows, both directions. Node indices are 0..n-1 in order of first appearance.
 * out: arcs u -> v in the reach direction; in: the same arcs seen from v.
 * Undirected graphs store every edge as two arcs, so `arcs` = 2 * edges.
 */
export interface Csr {
  /** Number of nodes. */
  n: number;
  /** Number of arcs stored in each direction. */
  arcs: number;
  directed: boolean;
  outOffsets: Uint32Array;
  outTargets: Uint32Array;
  inOffsets: Uint32Array;
  inSources: Uint32Array;
  /** Per-arc value aligned with outTargets (probability or weight), or null. */
  outValues: Float64Array | null;
  /** Per-arc value aligned with inSources, or null. */
  inValues: Float64Array | null;
  /** What outValues/inValues mean when present. */
  values: 'probability' | 'weight' | null;
}

/** What the loader noticed and dropped, reported to the caller (never silently). */
export interface LoadReport {
  file: string;
  format: GraphFormat;
  gzip: boolean;
  direction: Direction;
  /** Self-loop lines/elements dropped. */
  selfLoops: number;
  /** Duplicate edges merged (for undirected graphs "a b" and "b a" are duplicates). */
  duplicateEdges: number;
  /** Distinct edges kept: unordered pairs when undirected, arcs when directed. */
  edges: number;
  /** Header line recognised and skipped, if any (column names, or the `n m` line of NetHEPT-style files). */
  header: { line: number; text: string; kind: 'columns' | 'counts' } | null;
  /** Data lines (or XML edge elements) read. */
  edgeLines: number;
  /** Comment and blank lines skipped. */
  skippedLines: number;
  warnings: string[];
}

export type GraphFormat = 'edgelist' | 'gexf' | 'graphml' | 'json';

/** A loaded graph: the CSR for simulation plus what maps back to the file. */
export interface LoadedGraph {
  csr: Csr;
  /**
   * Node ids exactly as written in the file, by node index. A snapshot's integer ids are made
   * into this array on its first read (a million strings cost 100 ms or more); code that names a
   * few nodes reads them through nodeIds() (node-ids.ts), which never makes the others.
   */
  ids: string[];
  /** Display labels when the file has them (GEXF/GraphML/JSON `label`), else null. */
  labels: (string | null)[] | null;
  /** x,y positions interleaved when every node has them (GEXF viz:position, JSON x/y), else null. */
  positions: Float64Array | null;
  /** The node attribute asked for (LoadOptions.nodeAttribute), as written, by node index. */
  nodeAttribute?: { name: string; values: unknown[] };
  report: LoadReport;
}
