/**
 * Structural reach of a seed set: how many accounts lie within h hops of any seed along arcs in
 * the reach direction, h = 0..maxHops (within[0] = seeds). It is the ceiling the simulated reach
 * by hop is compared with. Computed by src/analysis/distance/seed-reach.ts.
 */
import { seedReach } from '../../analysis/distance/seed-reach.ts';
import type { Csr } from '../../graph/types.ts';

export function structuralReach(csr: Csr, seeds: readonly number[], maxHops: number): number[] {
  return seedReach(csr, seeds, maxHops).within;
}
