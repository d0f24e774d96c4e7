/**
 * Critical mass in a strategist's words: the fewest seeds (top of a ranking, or random) whose
 * expected reach passes a target share of the network. Expected reach grows with the seed set
 * (every model here is monotone, and top-k sets are nested), so the answer is found by doubling k
 * until the target is met and bisecting the last doubling step, reusing points already simulated
 * (the sweep's grid) to start from a tighter bracket.
 */
import type { CurvePoint, FewestSeeds } from './types.ts';

/**
 * Search for the fewest k in [1, maxK] with mean >= target * nodes. `evaluate` simulates (or
 * recalls) the point at k; `known` holds points already simulated. Returns null when even maxK
 * seeds fall short.
 */
export async function fewestSeeds(
  evaluate: (k: number) => Promise<CurvePoint>,
  known: readonly CurvePoint[],
  target: number,
  nodes: number,
  maxK: number,
): Promise<FewestSeeds | null> {
  const goal = target * nodes;
  const seen = new Map<number, CurvePoint>();
  let simulated = 0;
  for (const c of known) seen.set(c.x, c);
  const at = async (k: number): Promise<CurvePoint> => {
    const hit = seen.get(k);
    if (hit) return hit;
    const point = await evaluate(k);
    simulated++;
    seen.set(k, point);
    return point;
  };
  const meets = (c: CurvePoint) => c.mean >= goal;

  // Bracket (lo, hi]: lo falls short (0 seeds reach nobody), hi meets the target.
  const sortedKnown = [...seen.values()].sort((a, b) => a.x - b.x);
  let hi = sortedKnown.find(meets)?.x ?? null;
  let lo = 0;
  for (const c of sortedKnown) if (!meets(c) && c.x > lo && (hi === null || c.x < hi)) lo = c.x;
  if (hi === null) {
    let k = Math.min(maxK, Math.max(1, 2 * lo));
    for (;;) {
      if (meets(await at(k))) {
        hi = k;
        break;
      }
      lo = k;
      if (k >= maxK) return null;
      k = Math.min(maxK, 2 * k);
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (meets(await at(mid))) hi = mid;
    else lo = mid;
  }
  const best = await at(hi);
  const below = lo >= 1 ? (seen.get(lo) ?? null) : null;
  return {
    k: hi,
    mean: best.mean,
    share: best.mean / nodes,
    ci95: best.ci95,
    below: below ? { k: below.x, mean: below.mean, share: below.mean / nodes } : null,
    simulated,
  };
}
