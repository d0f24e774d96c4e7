/**
 * The Ties lens as data: the kind of every drawn edge (strong, weak, or a bridge between Louvain
 * communities) from the per-arc kinds of the `tieKinds` job (src/ties/jobs.ts), and its colour.
 * A drawn edge u-v is the arc u -> v of the CSR (the draw plan walks out-arcs in the reach
 * direction; an undirected pair is drawn once, and both its arcs have the same kind).
 */
import type { Csr } from '../../../graph/types.ts';
import { KIND_BETWEEN, KIND_STRONG } from '../../../ties/jobs.ts';
import { OKABE_ITO } from '../../view/palette.ts';

export type LensKind = 'strong' | 'weak' | 'bridge';
export const LENS_KINDS: readonly LensKind[] = ['strong', 'weak', 'bridge'];

/**
 * Opaque colours (sigma's edge programs draw nothing with rgba here), colour-blind safe, and apart
 * from the accounts' blue and the first seeds' vermillion.
 */
export const LENS_COLORS: Record<LensKind, string> = {
  strong: OKABE_ITO.green,
  weak: '#c3cad2',
  bridge: OKABE_ITO.orange,
};

const CODE: Record<LensKind, number> = { strong: 0, weak: 1, bridge: 2 };

/** The lens kind of an arc's kind bits: a bridge between communities first, then strong or weak. */
export function lensKindOf(bits: number): LensKind {
  if (bits & KIND_BETWEEN) return 'bridge';
  return bits & KIND_STRONG ? 'strong' : 'weak';
}

/**
 * The lens kind of every drawn edge (0 strong, 1 weak, 2 bridge; see LENS_KINDS), edges given as
 * [u0, v0, u1, v1, ...]. O(drawn edges + out-degrees of their sources): a source's out-arcs are
 * indexed once while its edges come one after another, as the draw plan lists them.
 */
export function drawnEdgeKinds(csr: Csr, kinds: Uint8Array, edges: Uint32Array): Uint8Array {
  const out = new Uint8Array(edges.length / 2).fill(CODE.weak);
  const position = new Int32Array(csr.n);
  const owner = new Int32Array(csr.n).fill(-1);
  let current = -1;
  for (let e = 0; e < out.length; e++) {
    const u = edges[2 * e];
    const v = edges[2 * e + 1];
    if (u !== current) {
      current = u;
      for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) {
        position[csr.outTargets[k]] = k;
        owner[csr.outTargets[k]] = u;
      }
    }
    if (owner[v] === u) out[e] = CODE[lensKindOf(kinds[position[v]])];
  }
  return out;
}

/** The colour of drawn edge `key` (its index as text) under the lens. */
export function edgeColor(codes: Uint8Array, key: string): string | undefined {
  const kind = LENS_KINDS[codes[Number(key)]];
  return kind ? LENS_COLORS[kind] : undefined;
}
