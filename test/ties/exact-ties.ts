/**
 * Exact tie-aware cascades on tiny graphs by enumerating every world of attempts, written
 * independently of src/: plain arrays and loops. An attempt is an arc (strong or weak) or a group
 * broadcast (u, group, w); each is live independently with its probability. In each world the
 * cascade is replayed in the order docs/models.md names (BFS levels; each adopter's arcs in CSR
 * order, then its groups in file order, members in file order), and each adoption credited to the
 * kind of the live attempt that reached it first.
 */
import type { Csr } from '../../src/graph/types.ts';
import { arcsOf } from '../support/graphs.ts';

export type Kind = 'strong' | 'weak' | 'group';

interface Attempt {
  from: number;
  to: number;
  kind: Kind;
  p: number;
}

export interface ExactTies {
  mean: number;
  via: Record<Kind, number>;
}

/** Attempts of node u in the simulator's order. */
function attemptsOf(
  csr: Csr,
  strong: (u: number, v: number) => boolean,
  p: { pStrong: number; pWeak: number; pGroup: number },
  groups: number[][],
): Attempt[][] {
  const out: Attempt[][] = Array.from({ length: csr.n }, () => []);
  for (const [u, v] of arcsOf(csr)) {
    const s = strong(u, v);
    out[u].push({ from: u, to: v, kind: s ? 'strong' : 'weak', p: s ? p.pStrong : p.pWeak });
  }
  for (let u = 0; u < csr.n; u++)
    for (const g of groups)
      if (g.includes(u))
        for (const w of g) if (w !== u) out[u].push({ from: u, to: w, kind: 'group', p: p.pGroup });
  return out;
}

export function exactTies(
  csr: Csr,
  seeds: number[],
  strong: (u: number, v: number) => boolean,
  p: { pStrong: number; pWeak: number; pGroup: number },
  groups: number[][] = [],
): ExactTies {
  const byNode = attemptsOf(csr, strong, p, groups);
  const all = byNode.flat();
  if (all.length > 18) throw new Error('exactTies: too many attempts to enumerate');
  const index = new Map(all.map((a, i) => [a, i]));
  const total: ExactTies = { mean: 0, via: { strong: 0, weak: 0, group: 0 } };
  for (let mask = 0; mask < 1 << all.length; mask++) {
    let weight = 1;
    all.forEach((a, i) => {
      weight *= mask & (1 << i) ? a.p : 1 - a.p;
    });
    if (weight === 0) continue;
    const active = new Array<boolean>(csr.n).fill(false);
    const queue: number[] = [];
    for (const s of seeds)
      if (!active[s]) {
        active[s] = true;
        queue.push(s);
      }
    for (let i = 0; i < queue.length; i++) {
      for (const a of byNode[queue[i]]) {
        if (active[a.to] || !(mask & (1 << (index.get(a) as number)))) continue;
        active[a.to] = true;
        queue.push(a.to);
        total.via[a.kind] += weight;
      }
    }
    total.mean += weight * queue.length;
  }
  return total;
}
