/**
 * "One seed per community": the best account by a metric inside each of the largest communities,
 * so a launch starts in every big group at once instead of piling its seeds into one.
 */

/**
 * For communities 0..count-1 (numbered largest first), the member with the highest score; ties go
 * to the member that appeared first in the file. Empty communities give no seed.
 */
export function onePerCommunity(community: Uint32Array, scores: ArrayLike<number>, count: number): number[] {
  if (scores.length !== community.length)
    throw new Error(`one seed per community: ${scores.length} scores for ${community.length} nodes`);
  const best = new Int32Array(Math.max(0, count)).fill(-1);
  for (let v = 0; v < community.length; v++) {
    const c = community[v];
    if (c >= count) continue;
    const b = best[c];
    if (b < 0 || scores[v] > scores[b]) best[c] = v;
  }
  return Array.from(best).filter((v) => v >= 0);
}
