/**
 * Compile raw edge records into the CSR view every simulation runs on.
 *
 * Input is what a loader collected, in file order: endpoints as node indices (first-appearance
 * order) and an optional value per record. Output is a Csr in the reach direction with self-loops
 * dropped and duplicates merged, both counted. O(n + m) time, no sorting and no object per edge:
 * duplicates are found with a per-row "last seen" stamp (graphology's indexed-brandes habit of
 * allocating scratch once).
 */
import { compileCsrCompiled } from './csr-wasm.ts';
import type { Csr, Direction } from './types.ts';

export interface EdgeRecords {
  /** Number of nodes (indices are < n). */
  n: number;
  /** Number of records used in src/dst/values (the arrays may be longer). */
  count: number;
  src: Uint32Array;
  dst: Uint32Array;
  values: Float64Array | null;
  /** Meaning of values; duplicates merge as independent chances (probability) or add (weight). */
  valueKind: 'probability' | 'weight' | null;
  /**
   * Whether src and dst are the caller's to give up: their memory, already touched, then holds
   * the scatters' places (PLACES_FIRST) and the in-arc sources when it fits. Fresh memory costs
   * page faults on first touch (on the project's VM about 7 ms per MB, a third of building the
   * in-arc index of 10M arcs). Both arrays are overwritten.
   */
  reuse?: boolean;
}

export interface CompiledGraph {
  csr: Csr;
  selfLoops: number;
  duplicateEdges: number;
  /** Distinct edges: unordered pairs when undirected, arcs when directed. */
  edges: number;
}

/**
 * PLACES_FIRST. A counting sort's scatter, `out[cursor[key]++] = value`, runs two to three times
 * faster in V8 as two loops: one computing every record's place (`place[i] = cursor[key]++`),
 * one writing (`out[place[i]] = value`). Measured on the project's VM (AMD EPYC, Node 20) on the
 * in-arcs of 10M arcs: 0.30 s in one loop, 0.11-0.20 s in two (the faster figure once the place
 * array's memory has been touched: hence places in memory the caller gives up). Fusing loops
 * goes the other way: counting records per node inside the node-numbering loop made it five
 * times slower. Plausibly the random read-modify-writes and the random stores of one loop defeat
 * the CPU's memory disambiguation; whatever the cause, keep such loops apart.
 */
const NO_PLACE = 0xffffffff;

/**
 * COLD_LOOPS. Each loop over the records sits in a function of its own. A large file is read
 * once, so every loop runs once, and V8 starts it in its interpreter and switches to optimised
 * code in the middle of the loop (on-stack replacement). It compiles the whole function around the
 * loop to do that, and again for the next loop: one function holding all the loops was compiled
 * once per loop, while the loops crawled in the interpreter (ego-Facebook, 88k edges: 12-16 ms
 * cold for what takes 1-2 ms optimised).
 */
export function compileCsr(records: EdgeRecords, direction: Direction): CompiledGraph {
  // Small graphs without values: the same loops compiled to WebAssembly, fast from the start.
  const compiled = compileCsrCompiled(records, direction);
  if (compiled) return compiled;
  const { n, count, src, dst, values, valueKind } = records;
  const directed = direction !== 'undirected';
  const reverse = direction === 'follows';

  // Rows are keyed by the source in the reach direction; an undirected edge by its lower end.
  // Each loop below is written once per case so the hot ones carry no per-record branching.
  const rowOf = directed ? (reverse ? dst : src) : null;
  const colOf = directed ? (reverse ? src : dst) : null;

  // 1. Count records per row.
  const rowCount = new Uint32Array(n + 1);
  const selfLoops =
    rowOf && colOf ? countRows(rowOf, colOf, count, rowCount) : countLowerEnds(src, dst, count, rowCount);
  prefixSums(rowCount, n);
  const kept = count - selfLoops;
  const rowStart = rowCount; // prefix sums: row u occupies [rowStart[u], rowStart[u+1])
  const cursor = rowStart.slice(0, n);
  const tgt = new Uint32Array(kept);
  const val = values ? new Float64Array(kept) : null;
  if (records.reuse) {
    // Two loops: first each record's place, then the writes; one loop doing both runs at half
    // the speed or worse (see PLACES_FIRST). The records, given up, hold the places (in rowOf,
    // or src when undirected, whose dst then holds the higher end).
    const place = rowOf ?? src;
    const col = colOf ?? dst;
    if (rowOf && colOf) placeRows(rowOf, colOf, count, cursor);
    else placeLowerEnds(src, dst, count, cursor);
    if (val && values) scatterWithValues(place, col, values, count, tgt, val);
    else scatter(place, col, count, tgt);
  } else if (rowOf && colOf && !values) {
    for (let i = 0; i < count; i++) {
      const a = rowOf[i];
      const b = colOf[i];
      if (a !== b) tgt[cursor[a]++] = b;
    }
  } else {
    for (let i = 0; i < count; i++) {
      const a = src[i];
      const b = dst[i];
      if (a === b) continue;
      let s: number;
      let t: number;
      if (rowOf && colOf) {
        s = rowOf[i];
        t = colOf[i];
      } else if (a < b) {
        s = a;
        t = b;
      } else {
        s = b;
        t = a;
      }
      const at = cursor[s]++;
      tgt[at] = t;
      if (val && values) val[at] = values[i];
    }
  }

  // 2. Merge duplicates row by row. The cursors are spent: their memory holds the stamps. Rows
  // start anew in rowStart, rewritten in place.
  const seenRow = new Int32Array(cursor.buffer, cursor.byteOffset, n).fill(-1);
  const distinctStart = rowStart;
  const w = val
    ? mergeDuplicateValues(rowStart, tgt, val, valueKind === 'probability', seenRow, n)
    : mergeDuplicates(rowStart, tgt, seenRow, n);
  const duplicateEdges = kept - w;
  const edges = w;

  // 3. Out-CSR: directed graphs use the rows as they are; undirected ones store each edge both ways.
  let outOffsets: Uint32Array;
  let outTargets: Uint32Array;
  let outValues: Float64Array | null;
  if (directed) {
    outOffsets = distinctStart;
    // Keep the arrays when few duplicates were merged away (no 40 MB copy on a 10M-arc file).
    const trim = kept - w > kept >>> 4;
    outTargets = trim ? tgt.slice(0, w) : tgt.subarray(0, w);
    outValues = val ? (trim ? val.slice(0, w) : val.subarray(0, w)) : null;
  } else {
    const deg = new Uint32Array(n + 1);
    countBothEnds(distinctStart, tgt, n, deg);
    prefixSums(deg, n);
    outOffsets = deg;
    outTargets = new Uint32Array(2 * w);
    outValues = val ? new Float64Array(2 * w) : null;
    const c = cursor; // spent stamps
    c.set(deg.subarray(0, n));
    // Visit arcs so each row lists neighbours in a deterministic order: lower ids first.
    if (records.reuse && src.length >= w) {
      // PLACES_FIRST: the places of the lower ends first (in src, spent), then the writes. Row
      // v's lower neighbours all come before its own row, so its cursor is then past them.
      const place = src;
      placeByTarget(tgt, w, c, place);
      if (outValues && val)
        writeBothWaysWithValues(distinctStart, tgt, val, place, c, n, outTargets, outValues);
      else writeBothWays(distinctStart, tgt, place, c, n, outTargets);
    } else {
      for (let u = 0; u < n; u++) {
        for (let k = distinctStart[u]; k < distinctStart[u + 1]; k++) {
          const v = tgt[k];
          const a = c[v]++;
          outTargets[a] = u;
          if (outValues && val) outValues[a] = val[k];
        }
        for (let k = distinctStart[u]; k < distinctStart[u + 1]; k++) {
          const v = tgt[k];
          const a = c[u]++;
          outTargets[a] = v;
          if (outValues && val) outValues[a] = val[k];
        }
      }
    }
  }

  const csr = withInArcs(
    {
      n,
      directed,
      outOffsets,
      outTargets,
      outValues,
      values: outValues ? valueKind : null,
    },
    // src and dst are spent (rowOf and colOf were the last to read them).
    { sources: records.reuse ? src : undefined, places: records.reuse ? dst : undefined, cursor },
  );
  return { csr, selfLoops, duplicateEdges, edges };
}

// The loops of compileCsr and withInArcs, one per function (see COLD_LOOPS).

/** Records per row (rowCount[row + 1]); returns the self-loops, which are not counted. */
function countRows(rowOf: Uint32Array, colOf: Uint32Array, count: number, rowCount: Uint32Array): number {
  let selfLoops = 0;
  for (let i = 0; i < count; i++) {
    const a = rowOf[i];
    if (a === colOf[i]) selfLoops++;
    else rowCount[a + 1]++;
  }
  return selfLoops;
}

/** Undirected records per lower end (rowCount[end + 1]); returns the self-loops. */
function countLowerEnds(src: Uint32Array, dst: Uint32Array, count: number, rowCount: Uint32Array): number {
  let selfLoops = 0;
  for (let i = 0; i < count; i++) {
    const a = src[i];
    const b = dst[i];
    if (a === b) selfLoops++;
    else rowCount[Math.min(a, b) + 1]++;
  }
  return selfLoops;
}

/** a[1..n] become the sums of a[0..u]. */
function prefixSums(a: Uint32Array, n: number): void {
  for (let u = 0; u < n; u++) a[u + 1] += a[u];
}

/** Each record's place in its row, written over rowOf (NO_PLACE for a self-loop). */
function placeRows(rowOf: Uint32Array, colOf: Uint32Array, count: number, cursor: Uint32Array): void {
  for (let i = 0; i < count; i++) {
    const a = rowOf[i];
    rowOf[i] = a === colOf[i] ? NO_PLACE : cursor[a]++;
  }
}

/** Each undirected record's place in its lower end's row, over src; dst then holds the higher end. */
function placeLowerEnds(src: Uint32Array, dst: Uint32Array, count: number, cursor: Uint32Array): void {
  for (let i = 0; i < count; i++) {
    const a = src[i];
    const b = dst[i];
    if (a === b) src[i] = NO_PLACE;
    else if (a < b) src[i] = cursor[a]++;
    else {
      src[i] = cursor[b]++;
      dst[i] = a;
    }
  }
}

function scatter(place: Uint32Array, col: Uint32Array, count: number, tgt: Uint32Array): void {
  for (let i = 0; i < count; i++) {
    const at = place[i];
    if (at !== NO_PLACE) tgt[at] = col[i];
  }
}

function scatterWithValues(
  place: Uint32Array,
  col: Uint32Array,
  values: Float64Array,
  count: number,
  tgt: Uint32Array,
  val: Float64Array,
): void {
  for (let i = 0; i < count; i++) {
    const at = place[i];
    if (at === NO_PLACE) continue;
    tgt[at] = col[i];
    val[at] = values[i];
  }
}

/**
 * Keep the first of each target in every row (first-appearance order), compacting in place with
 * `seen` as per-row stamps; rowStart is rewritten to the distinct rows (entry u after it was
 * read). Returns the number of arcs kept.
 */
function mergeDuplicates(rowStart: Uint32Array, tgt: Uint32Array, seen: Int32Array, n: number): number {
  let w = 0;
  for (let u = 0, start = 0; u < n; u++) {
    const end = rowStart[u + 1];
    rowStart[u] = w;
    for (let k = start; k < end; k++) {
      const t = tgt[k];
      if (seen[t] === u) continue;
      seen[t] = u;
      tgt[w++] = t;
    }
    start = end;
  }
  rowStart[n] = w;
  return w;
}

/** mergeDuplicates, merging the values: as independent chances (probability) or adding them. */
function mergeDuplicateValues(
  rowStart: Uint32Array,
  tgt: Uint32Array,
  val: Float64Array,
  probability: boolean,
  seen: Int32Array,
  n: number,
): number {
  const seenPos = new Uint32Array(n);
  let w = 0;
  for (let u = 0, start = 0; u < n; u++) {
    const end = rowStart[u + 1];
    rowStart[u] = w;
    for (let k = start; k < end; k++) {
      const t = tgt[k];
      if (seen[t] === u) {
        const p = seenPos[t];
        val[p] = probability ? 1 - (1 - val[p]) * (1 - val[k]) : val[p] + val[k];
        continue;
      }
      seen[t] = u;
      seenPos[t] = w;
      tgt[w] = t;
      val[w] = val[k];
      w++;
    }
    start = end;
  }
  rowStart[n] = w;
  return w;
}

/** Degrees of an undirected graph stored once per edge (deg[u + 1]), both ends counted. */
function countBothEnds(rowStart: Uint32Array, tgt: Uint32Array, n: number, deg: Uint32Array): void {
  for (let u = 0; u < n; u++) {
    for (let k = rowStart[u]; k < rowStart[u + 1]; k++) {
      deg[u + 1]++;
      deg[tgt[k] + 1]++;
    }
  }
}

/** Each arc's place in its target's row (place[k] = cursor[targets[k]]++), for the first `arcs`. */
function placeByTarget(targets: Uint32Array, arcs: number, cursor: Uint32Array, place: Uint32Array): void {
  for (let k = 0; k < arcs; k++) place[k] = cursor[targets[k]]++;
}

/** Each edge u-v (u < v, stored in row u) written into row v (at its place) and row u. */
function writeBothWays(
  rowStart: Uint32Array,
  tgt: Uint32Array,
  place: Uint32Array,
  c: Uint32Array,
  n: number,
  outTargets: Uint32Array,
): void {
  for (let u = 0; u < n; u++) {
    const end = rowStart[u + 1];
    for (let k = rowStart[u]; k < end; k++) outTargets[place[k]] = u;
    for (let k = rowStart[u]; k < end; k++) outTargets[c[u]++] = tgt[k];
  }
}

function writeBothWaysWithValues(
  rowStart: Uint32Array,
  tgt: Uint32Array,
  val: Float64Array,
  place: Uint32Array,
  c: Uint32Array,
  n: number,
  outTargets: Uint32Array,
  outValues: Float64Array,
): void {
  for (let u = 0; u < n; u++) {
    const end = rowStart[u + 1];
    for (let k = rowStart[u]; k < end; k++) {
      outTargets[place[k]] = u;
      outValues[place[k]] = val[k];
    }
    for (let k = rowStart[u]; k < end; k++) {
      const a = c[u]++;
      outTargets[a] = tgt[k];
      outValues[a] = val[k];
    }
  }
}

/** Arcs per target (counts[target + 1]). */
function countTargets(targets: Uint32Array, arcs: number, counts: Uint32Array): void {
  for (let k = 0; k < arcs; k++) counts[targets[k] + 1]++;
}

/** Row u's arcs' sources written at their places: inSources[places[k]] = u. */
function scatterSources(offsets: Uint32Array, n: number, places: Uint32Array, inSources: Uint32Array): void {
  for (let u = 0; u < n; u++) {
    const end = offsets[u + 1];
    for (let k = offsets[u]; k < end; k++) inSources[places[k]] = u;
  }
}

function scatterValues(arcs: number, places: Uint32Array, from: Float64Array, to: Float64Array): void {
  for (let k = 0; k < arcs; k++) to[places[k]] = from[k];
}

/**
 * Build the in-direction arrays of a CSR from its out-direction arrays (counting sort by target).
 * `scratch`: memory the caller gives up, reused instead of fresh memory: `sources` holds the in-arc
 * sources when it is at most a quarter longer than needed, `cursor` (n entries) the cursors, and
 * `places` (at least one entry per arc) each arc's place, for the faster two-loop scatter.
 */
export function withInArcs(
  out: Pick<Csr, 'n' | 'directed' | 'outOffsets' | 'outTargets' | 'outValues' | 'values'>,
  scratch: { sources?: Uint32Array; cursor?: Uint32Array; places?: Uint32Array } = {},
): Csr {
  const { n, outOffsets, outTargets, outValues } = out;
  const arcs = outTargets.length;
  const inOffsets = new Uint32Array(n + 1);
  countTargets(outTargets, arcs, inOffsets);
  prefixSums(inOffsets, n);
  let c: Uint32Array;
  if (scratch.cursor && scratch.cursor.length >= n) {
    c = scratch.cursor.subarray(0, n);
    c.set(inOffsets.subarray(0, n));
  } else c = inOffsets.slice(0, n);
  const given = scratch.sources;
  const fits = given !== undefined && given.length >= arcs && given.length <= arcs + (arcs >>> 2);
  const inSources = fits ? given.subarray(0, arcs) : new Uint32Array(arcs);
  const inValues = outValues ? new Float64Array(arcs) : null;
  const places = scratch.places;
  if (places && places.length >= arcs && places !== given) {
    // See PLACES_FIRST: the places, then the writes.
    placeByTarget(outTargets, arcs, c, places);
    scatterSources(outOffsets, n, places, inSources);
    if (inValues && outValues) scatterValues(arcs, places, outValues, inValues);
    return { ...out, arcs, inOffsets, inSources, inValues };
  }
  for (let u = 0; u < n; u++) {
    for (let k = outOffsets[u]; k < outOffsets[u + 1]; k++) {
      const at = c[outTargets[k]]++;
      inSources[at] = u;
      if (inValues && outValues) inValues[at] = outValues[k];
    }
  }
  return { ...out, arcs, inOffsets, inSources, inValues };
}

/** Out-degree of every node in the reach direction. */
export function outDegrees(csr: Csr): Uint32Array {
  const d = new Uint32Array(csr.n);
  for (let u = 0; u < csr.n; u++) d[u] = csr.outOffsets[u + 1] - csr.outOffsets[u];
  return d;
}

/** In-degree of every node in the reach direction. */
export function inDegrees(csr: Csr): Uint32Array {
  const d = new Uint32Array(csr.n);
  for (let v = 0; v < csr.n; v++) d[v] = csr.inOffsets[v + 1] - csr.inOffsets[v];
  return d;
}

/** The typed arrays of a CSR, for Comlink.transfer / structured clone. */
export function csrBuffers(csr: Csr): ArrayBuffer[] {
  const arrays = [csr.outOffsets, csr.outTargets, csr.inOffsets, csr.inSources, csr.outValues, csr.inValues];
  const buffers: ArrayBuffer[] = [];
  for (const a of arrays)
    if (a && a.buffer instanceof ArrayBuffer && !buffers.includes(a.buffer)) buffers.push(a.buffer);
  return buffers;
}

/** Node indices of the top k by out-degree in the reach direction; ties by first appearance. */
export function topByOutDegree(csr: Csr, k: number): number[] {
  const degree = outDegrees(csr);
  const order = Array.from({ length: csr.n }, (_, i) => i);
  order.sort((a, b) => degree[b] - degree[a] || a - b);
  return order.slice(0, k);
}
