/**
 * The classroom's state, apart from the user's scenario: its network, the lesson and the part of
 * it on screen, the spread settings, the seeds, and which random run is shown. Pure producers
 * `(state, args) -> state` (no DOM), so the rules can be tested in Node.
 */
import { addPerson, MAX_PEOPLE, type Network, removePerson, toggleTie } from './network.ts';
import { type Placement, placeSeeds } from './seeding.ts';

export const MAX_NEED = 6;
export const MAX_SEEDS = 20;

export interface Classroom {
  network: Network;
  /** Chance that a message gets through a tie. */
  p: number;
  /** Friends needed before a person joins (1 = simple contagion). */
  need: number;
  /** Seeds, by person index. */
  seeds: number[];
  /** How the seed slider places seeds. */
  placement: Placement;
  /** The random stream; run r of it is the engine's stream (rng, r). */
  rng: number;
  /** The run shown step by step. */
  run: number;
  /** The guided lesson (1-6), or 0 for free play. */
  lesson: number;
  /** The part of the lesson on screen. */
  part: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function withP(c: Classroom, p: number): Classroom {
  return { ...c, p: clamp(Math.round(p * 100) / 100, 0, 1) };
}

export function withNeed(c: Classroom, need: number): Classroom {
  return { ...c, need: clamp(Math.round(need), 1, MAX_NEED) };
}

/** The slider's number of seeds, placed by the current rule around the first seed. */
export function withSeedCount(c: Classroom, k: number): Classroom {
  const count = clamp(Math.round(k), 0, Math.min(MAX_SEEDS, c.network.people.length));
  return { ...c, seeds: placeSeeds(c.network, c.placement, count, c.seeds[0] ?? 0, c.rng) };
}

export function withPlacement(c: Classroom, placement: Placement): Classroom {
  return withSeedCount({ ...c, placement }, Math.max(1, c.seeds.length));
}

/** A click on a person: make them a seed, or no longer one. */
export function toggleSeed(c: Classroom, i: number): Classroom {
  if (i < 0 || i >= c.network.people.length) return c;
  const seeds = c.seeds.includes(i) ? c.seeds.filter((s) => s !== i) : [...c.seeds, i];
  return { ...c, seeds };
}

/** Another run of the same setting: the next random stream of the scenario's seed. */
export function nextRun(c: Classroom): Classroom {
  return { ...c, run: c.run + 1 };
}

export function withNetwork(c: Classroom, network: Network): Classroom {
  const n = network.people.length;
  return { ...c, network, seeds: c.seeds.filter((s) => s < n), lesson: 0, part: 0 };
}

export function drawPerson(c: Classroom, x: number, y: number): Classroom {
  if (c.network.people.length >= MAX_PEOPLE) return c;
  return { ...c, network: addPerson(c.network, x, y), lesson: 0, part: 0 };
}

export function erasePerson(c: Classroom, i: number): Classroom {
  const seeds = c.seeds.filter((s) => s !== i).map((s) => (s > i ? s - 1 : s));
  return { ...c, network: removePerson(c.network, i), seeds, lesson: 0, part: 0 };
}

export function drawTie(c: Classroom, a: number, b: number): Classroom {
  const network = toggleTie(c.network, a, b);
  return network === c.network ? c : { ...c, network, lesson: 0, part: 0 };
}
