/**
 * Where the "number of seeds" slider puts the seeds: together (the first seed and the people
 * nearest to it, breadth first, lower numbers first: a tight cluster), the opinion leaders (most
 * ties first), or scattered at random (a fixed random stream, so a link shows the same people).
 */
import { Rng } from '../../../util/rng.ts';
import { degrees, type Network } from './network.ts';

export type Placement = 'together' | 'leaders' | 'random';
export const PLACEMENTS: readonly Placement[] = ['together', 'leaders', 'random'];

export function placeSeeds(
  network: Network,
  placement: Placement,
  k: number,
  first: number,
  rngSeed: number,
): number[] {
  const n = network.people.length;
  const want = Math.max(0, Math.min(k, n));
  if (want === 0) return [];
  if (placement === 'leaders') {
    const d = degrees(network);
    return Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => d[b] - d[a] || a - b)
      .slice(0, want);
  }
  if (placement === 'random') {
    const rng = new Rng(rngSeed, 0x5eed);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < want; i++) {
      const j = i + rng.below(n - i);
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order.slice(0, want);
  }
  const friends: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of network.ties) {
    friends[a].push(b);
    friends[b].push(a);
  }
  for (const list of friends) list.sort((a, b) => a - b);
  const start = first >= 0 && first < n ? first : 0;
  const picked: number[] = [start];
  const taken = new Set(picked);
  for (let head = 0; head < picked.length && picked.length < want; head++)
    for (const v of friends[picked[head]]) {
      if (picked.length >= want) break;
      if (!taken.has(v)) {
        taken.add(v);
        picked.push(v);
      }
    }
  // A small component: the rest by number.
  for (let v = 0; v < n && picked.length < want; v++) if (!taken.has(v)) picked.push(v);
  return picked;
}
