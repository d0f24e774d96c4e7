/**
 * Truths for the seeding tests, independent of src/seeding: exact expected spreads by live-edge
 * enumeration (test/support/live-edge.ts) with the probabilities and weights written out here,
 * and brute force over every k-subset.
 */
import type { Csr } from '../../src/graph/types.ts';
import { arcsOf } from '../support/graphs.ts';
import { exactIc, exactLt } from '../support/live-edge.ts';

export type TinyModel = { model: 'ic'; p: number } | { model: 'icFile' } | { model: 'wc' } | { model: 'lt' };

function inDegree(csr: Csr, v: number): number {
  return arcsOf(csr).filter(([, b]) => b === v).length;
}

/** Probability (ic/wc) or weight (lt) of the k-th arc in CSR order, from first principles. */
export function arcChance(csr: Csr, m: TinyModel): (k: number) => number {
  const arcs = arcsOf(csr);
  if (m.model === 'ic') return () => m.p;
  if (m.model === 'icFile') return (k) => (csr.outValues as Float64Array)[k];
  if (m.model === 'wc') return (k) => 1 / inDegree(csr, arcs[k][1]);
  // lt: file values normalised per receiver, else 1/indegree.
  const values = csr.outValues;
  return (k) => {
    const v = arcs[k][1];
    if (!values) return 1 / inDegree(csr, v);
    let total = 0;
    arcs.forEach(([, b], j) => {
      if (b === v) total += values[j];
    });
    return values[k] / total;
  };
}

export function exactSpread(csr: Csr, m: TinyModel, seeds: number[]): number {
  const chance = arcChance(csr, m);
  return m.model === 'lt' ? exactLt(csr, seeds, chance).mean : exactIc(csr, seeds, chance).mean;
}

export function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (from: number, chosen: number[]) => {
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let v = from; v < n; v++) pick(v + 1, [...chosen, v]);
  };
  pick(0, []);
  return out;
}

/** Every k-subset with its exact spread, best first. */
export function bruteForce(csr: Csr, m: TinyModel, k: number): { seeds: number[]; spread: number }[] {
  return subsets(csr.n, k)
    .map((seeds) => ({ seeds, spread: exactSpread(csr, m, seeds) }))
    .sort((a, b) => b.spread - a.spread);
}
