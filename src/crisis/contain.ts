/**
 * Whom to reach: choose correctors so that a rumour reaches as few accounts as possible.
 *
 * Model (docs/models.md): each arc is live with its probability once per run, for both messages
 * (one live-edge world). The rumour starts from its seeds at step 0, the correction from the
 * correctors at step D. An account adopts the first message that reaches it (a tie goes to the
 * correction) and passes on only that one; a corrector the rumour reached before step D keeps the
 * rumour. Then an account ends with the rumour exactly when its live distance from the rumour's
 * seeds is smaller than D plus its live distance from the correctors (the earliest-arrival rule:
 * along a shortest correction path every account is reached by the correction no later than by
 * the rumour; test/crisis checks the rule against stepping the two messages).
 *
 * So an account v the rumour reaches at step d(v) >= D is saved by the correctors C exactly when
 * some corrector lies within live distance d(v) - D of v, backwards: the accounts within that
 * distance form a set, and the accounts saved by C are the sets C meets. Choosing C is maximum
 * coverage over these sets from many worlds (greedy with lazy evaluation, src/seeding/imm.ts),
 * the same structure as reverse-reachable sets for influence.
 */
import type { LiveWorlds } from './live-world.ts';
import { UNREACHED } from './live-world.ts';

export interface BallBatch {
  first: number;
  count: number;
  /** Sets of accounts that would save one rumoured account, flat (offsets into nodes). */
  offsets: Uint32Array;
  nodes: Uint32Array;
  /** Rumour reach without correction, per world. */
  reach: Uint32Array;
  examined: number;
}

/** The saving sets of worlds [first, first + count). Rumour seeds never count as correctors. */
export function savingSets(
  worlds: LiveWorlds,
  rumour: readonly number[],
  delay: number,
  first: number,
  count: number,
): BallBatch {
  const n = worlds.csr.n;
  const dist = new Uint32Array(n);
  const isRumour = new Uint8Array(n);
  for (const s of rumour) isRumour[s] = 1;
  const reach = new Uint32Array(count);
  const offsets: number[] = [0];
  const nodes: number[] = [];
  for (let i = 0; i < count; i++) {
    const w = first + i;
    const reached = worlds.forward(w, rumour, null, Number.POSITIVE_INFINITY, dist);
    reach[i] = reached.length;
    for (const v of reached) {
      if (dist[v] < delay || isRumour[v]) continue;
      const ball = worlds.backward(w, v, dist[v] - delay);
      for (const u of ball) if (!isRumour[u]) nodes.push(u);
      offsets.push(nodes.length);
    }
  }
  return {
    first,
    count,
    offsets: Uint32Array.from(offsets),
    nodes: Uint32Array.from(nodes),
    reach,
    examined: nodes.length,
  };
}

/** Rumour reach per world with each corrector list (and with none: list []). */
export function rumourReach(
  worlds: LiveWorlds,
  rumour: readonly number[],
  delay: number,
  lists: readonly (readonly number[])[],
  first: number,
  count: number,
): Uint32Array[] {
  const n = worlds.csr.n;
  const dr = new Uint32Array(n);
  const dc = new Uint32Array(n);
  const out = lists.map(() => new Uint32Array(count));
  for (let i = 0; i < count; i++) {
    const w = first + i;
    const reached = worlds.forward(w, rumour, null, Number.POSITIVE_INFINITY, dr);
    lists.forEach((list, j) => {
      if (list.length === 0) {
        out[j][i] = reached.length;
        return;
      }
      worlds.forward(
        w,
        list,
        list.map(() => delay),
        Number.POSITIVE_INFINITY,
        dc,
      );
      let kept = 0;
      for (const v of reached) if (dr[v] < dc[v] || dc[v] === UNREACHED) kept++;
      out[j][i] = kept;
    });
  }
  return out;
}
