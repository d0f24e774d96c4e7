/**
 * The Watts-Strogatz small world (Nature 393, 1998): n people on a ring, each tied to the k
 * nearest (k/2 on each side), then each tie rewired with probability beta to a uniformly chosen
 * person (no self-ties, no double ties), in NetworkX's order (watts_strogatz_graph): for each
 * distance j = 1..k/2, for each person u, the tie u -- u+j. A few shortcuts make the ring
 * "small": distances collapse while the neighbourhoods stay clustered. Drawn on a circle, the
 * shortcuts show as chords, which is why the classroom view ships one.
 *
 * Deterministic for (n, k, beta, rngSeed) with the engine's generator (src/util/rng.ts).
 */
import { Rng } from '../util/rng.ts';

export interface SmallWorldOptions {
  n: number;
  /** Even, 2 <= k < n. */
  k: number;
  beta: number;
  rngSeed: number;
}

export interface SmallWorld {
  n: number;
  /** Undirected ties as [a, b] pairs, in the order they were made. */
  edges: [number, number][];
}

export function smallWorld({ n, k, beta, rngSeed }: SmallWorldOptions): SmallWorld {
  if (!Number.isInteger(n) || n < 3) throw new RangeError(`n must be an integer >= 3, got ${n}`);
  if (!Number.isInteger(k) || k < 2 || k % 2 !== 0 || k >= n)
    throw new RangeError(`k must be an even integer in [2, n), got ${k}`);
  if (!(beta >= 0 && beta <= 1)) throw new RangeError(`beta must be in [0, 1], got ${beta}`);
  const rng = new Rng(rngSeed);
  const neighbours: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const tie = (a: number, b: number) => {
    neighbours[a].add(b);
    neighbours[b].add(a);
  };
  for (let j = 1; j <= k / 2; j++) for (let u = 0; u < n; u++) tie(u, (u + j) % n);
  for (let j = 1; j <= k / 2; j++) {
    for (let u = 0; u < n; u++) {
      const v = (u + j) % n;
      if (rng.float() >= beta || !neighbours[u].has(v)) continue;
      if (neighbours[u].size >= n - 1) continue; // tied to everyone: nowhere to go
      let w = rng.below(n);
      while (w === u || neighbours[u].has(w)) w = rng.below(n);
      neighbours[u].delete(v);
      neighbours[v].delete(u);
      tie(u, w);
    }
  }
  const edges: [number, number][] = [];
  for (let u = 0; u < n; u++) for (const v of neighbours[u]) if (u < v) edges.push([u, v]);
  edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { n, edges };
}

/**
 * The small world as graphology serialized JSON, people placed evenly on a circle (x, y), so the
 * app draws the ring with its shortcuts as chords instead of running a layout.
 */
export function smallWorldJson(options: SmallWorldOptions, name: string): string {
  const { n, edges } = smallWorld(options);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const nodes = Array.from({ length: n }, (_, i) => {
    const angle = (2 * Math.PI * i) / n;
    return {
      key: String(i),
      attributes: { x: round(100 * Math.sin(angle)), y: round(100 * Math.cos(angle)) },
    };
  });
  const graph = {
    attributes: { name, ...options },
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes,
    edges: edges.map(([a, b]) => ({ source: String(a), target: String(b) })),
  };
  return `${JSON.stringify(graph, null, 1)}\n`;
}
