/**
 * Random graphs with known thresholds, for the tipping tests: Erdős–Rényi G(n,p) and G(n,m), and
 * the configuration model (Molloy & Reed 1995) for a prescribed degree sequence. All draw from the
 * project's seeded SFC32 stream (src/util/rng.ts), so a (seed, parameters) pair always gives the
 * same graph. Graphs are compiled through the real CSR compiler (self-loops dropped, duplicate
 * edges merged, as the loader does).
 */
import type { Csr, Direction } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';
import { csrOf } from './graphs.ts';

/**
 * G(n,p): every unordered pair (or ordered pair when `directed`) independently with probability
 * p, by geometric skipping over the pair index (Batagelj & Brandes 2005), O(n + m).
 */
export function erdosRenyiGnp(n: number, p: number, seed: number, directed = false): Csr {
  if (!(p >= 0 && p < 1)) throw new Error(`erdosRenyiGnp: p must be in [0,1), got ${p}`);
  const rng = new Rng(seed, 0x6e70);
  const pairs: [number, number][] = [];
  const total = directed ? n * (n - 1) : (n * (n - 1)) / 2;
  const logq = Math.log(1 - p);
  let index = -1;
  if (p > 0) {
    for (;;) {
      // Skip a geometric number of absent pairs: floor(log(U) / log(1 - p)).
      index += 1 + Math.floor(Math.log(1 - rng.float()) / logq);
      if (index >= total) break;
      pairs.push(directed ? orderedPair(index, n) : unorderedPair(index));
    }
  }
  return csrOf(n, pairs, directed ? 'influences' : 'undirected');
}

/** G(n,m): m distinct edges (arcs when `directed`) drawn uniformly without replacement. */
export function erdosRenyiGnm(n: number, m: number, seed: number, directed = false): Csr {
  const total = directed ? n * (n - 1) : (n * (n - 1)) / 2;
  if (!(Number.isInteger(m) && m >= 0 && m <= total))
    throw new Error(`erdosRenyiGnm: m must be a whole number in [0, ${total}], got ${m}`);
  const rng = new Rng(seed, 0x6e6d);
  const chosen = new Set<number>();
  const pairs: [number, number][] = [];
  while (pairs.length < m) {
    const index = Math.floor(rng.float() * total);
    if (chosen.has(index)) continue;
    chosen.add(index);
    pairs.push(directed ? orderedPair(index, n) : unorderedPair(index));
  }
  return csrOf(n, pairs, directed ? 'influences' : 'undirected');
}

/**
 * Configuration model: node v gets degrees[v] stubs, stubs are paired by a uniform shuffle, and
 * the (few) self-loops and multi-edges this creates are dropped, as the loader would.
 */
export function configurationModel(
  degrees: ArrayLike<number>,
  seed: number,
  direction: Direction = 'undirected',
): Csr {
  const n = degrees.length;
  const stubs: number[] = [];
  for (let v = 0; v < n; v++) for (let j = 0; j < degrees[v]; j++) stubs.push(v);
  if (stubs.length % 2 === 1) throw new Error('configurationModel: the degree sum must be even');
  const rng = new Rng(seed, 0x636d);
  for (let i = stubs.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    const t = stubs[i];
    stubs[i] = stubs[j];
    stubs[j] = t;
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < stubs.length; i += 2) pairs.push([stubs[i], stubs[i + 1]]);
  return csrOf(n, pairs, direction);
}

/** Pair index -> (i, j) with i < j, enumerating pairs as (0,1), (0,2), (1,2), (0,3), ... */
function unorderedPair(index: number): [number, number] {
  const j = Math.floor((1 + Math.sqrt(1 + 8 * index)) / 2);
  let jj = j;
  // Guard the square root against rounding at exact triangle numbers.
  while ((jj * (jj - 1)) / 2 > index) jj--;
  while (((jj + 1) * jj) / 2 <= index) jj++;
  return [index - (jj * (jj - 1)) / 2, jj];
}

/** Arc index -> (u, v) with u != v, enumerating v over the n - 1 nodes other than u. */
function orderedPair(index: number, n: number): [number, number] {
  const u = Math.floor(index / (n - 1));
  const r = index % (n - 1);
  return [u, r < u ? r : r + 1];
}
