/**
 * One race of the rumour and the correction, as the model runs it (src/crisis/contain.ts): in one
 * live-edge world w of the measuring stream (src/crisis/live-world.ts), the rumour leaves its
 * seeds at step 0 and the correction its correctors at step `delay`; an account ends with the
 * rumour exactly when its live distance from the rumour's seeds is smaller than the delay plus its
 * live distance from the correctors (the earliest-arrival rule, ties to the correction), and takes
 * its message at the smaller of the two. Pure: typed arrays only, no DOM, no sigma.
 */
import { createLiveWorlds, UNREACHED } from '../../../crisis/live-world.ts';
import type { Csr } from '../../../graph/types.ts';
import { phaseSeed } from '../../../seeding/imm.ts';
import type { RrParams } from '../../../seeding/rr-sets.ts';

/** What an account ends with. */
export const NONE = 0;
export const RUMOUR = 1;
export const CORRECTION = 2;
export type Side = typeof NONE | typeof RUMOUR | typeof CORRECTION;

/** The measuring stream of `containRumour` (src/crisis/run.ts): its world 0 is the first measured run. */
export const MEASURE_PHASE = 7;

export interface Race {
  n: number;
  world: number;
  /** What each account ends with (NONE, RUMOUR, CORRECTION). */
  side: Uint8Array;
  /** The step each account takes its message (UNREACHED for none). */
  step: Uint32Array;
  /** The last step at which an account takes a message. */
  end: number;
  /** Accounts with each message at the end. */
  rumour: number;
  correction: number;
}

export interface RaceInput {
  rr: RrParams;
  rngSeed: number;
  rumour: readonly number[];
  correctors: readonly number[];
  delay: number;
  world: number;
}

/** Apply the earliest-arrival rule to the two distance arrays. */
export function raceFrom(dr: Uint32Array, dc: Uint32Array, world = 0): Race {
  const n = dr.length;
  const side = new Uint8Array(n);
  const step = new Uint32Array(n).fill(UNREACHED);
  let end = 0;
  let rumour = 0;
  let correction = 0;
  for (let v = 0; v < n; v++) {
    const r = dr[v];
    const c = dc[v];
    if (c !== UNREACHED && c <= r) {
      side[v] = CORRECTION;
      step[v] = c;
      correction++;
    } else if (r !== UNREACHED) {
      side[v] = RUMOUR;
      step[v] = r;
      rumour++;
    } else continue;
    if (step[v] > end) end = step[v];
  }
  return { n, world, side, step, end, rumour, correction };
}

/** The race in world `world` of the measuring stream of the scenario's random seed. */
export function raceOf(csr: Csr, input: RaceInput): Race {
  const worlds = createLiveWorlds(csr, input.rr, phaseSeed(input.rngSeed, MEASURE_PHASE));
  const dr = new Uint32Array(csr.n);
  const dc = new Uint32Array(csr.n);
  worlds.forward(input.world, input.rumour, null, Number.POSITIVE_INFINITY, dr);
  if (input.correctors.length > 0)
    worlds.forward(
      input.world,
      input.correctors,
      input.correctors.map(() => input.delay),
      Number.POSITIVE_INFINITY,
      dc,
    );
  else dc.fill(UNREACHED);
  return raceFrom(dr, dc, input.world);
}

/** What account v shows at step t: its message once it has taken it, else none. */
export function sideAt(race: Race, v: number, t: number): Side {
  return race.step[v] <= t ? (race.side[v] as Side) : NONE;
}

/** Accounts with each message by step t. */
export function countsAt(race: Race, t: number): { rumour: number; correction: number } {
  let rumour = 0;
  let correction = 0;
  for (let v = 0; v < race.n; v++) {
    if (race.step[v] > t) continue;
    if (race.side[v] === RUMOUR) rumour++;
    else if (race.side[v] === CORRECTION) correction++;
  }
  return { rumour, correction };
}
