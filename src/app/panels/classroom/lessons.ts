/**
 * The six guided lessons as data: for each part of a lesson, the network and the settings it
 * opens with. Their texts (a paragraph and a question) are in messages.ts, their claims are
 * checked against the engine in test/app/classroom.test.ts:
 * 1. one seed, simple contagion, hop by hop (the karate club);
 * 2. six degrees: the same 60 people on a ring, then with a few shortcuts (p = 1, so the steps
 *    are the distances);
 * 3. complex contagion: 60 people in overlapping circles of friends, 3 friends needed; a lone
 *    seed always fails, a circle of five succeeds in nearly every run;
 * 4. critical mass: a small world at p = 0.2 (it dies out) and p = 0.6 (it goes global);
 * 5. opinion leaders vs random seeds, three of each, in the karate club;
 * 6. strong vs weak ties: the circles vs the same people with half of their ties rewired to far
 *    away, for a simple message (1 friend) and a risky behaviour (3 friends).
 */
import type { Classroom } from './model.ts';
import type { Network } from './network.ts';
import { karateNetwork, ringNetwork, smallWorldNetwork } from './presets.ts';
import { placeSeeds } from './seeding.ts';

export const LESSONS = [1, 2, 3, 4, 5, 6] as const;

/** Network makers, built once each. */
const once = <T>(make: () => T): (() => T) => {
  let value: T | null = null;
  return () => {
    value ??= make();
    return value;
  };
};
const karate = once(karateNetwork);
const ring60 = once(() => ringNetwork(60, 4));
const smallWorld60 = once(() => smallWorldNetwork(60, 4, 0.1, 3));
export const circles = once(() => ringNetwork(60, 8));
export const openNetwork = once(() => smallWorldNetwork(60, 8, 0.5, 6));
const critical = once(() => smallWorldNetwork(60, 4, 0.2, 2));

interface Part {
  network: () => Network;
  p: number;
  need: number;
  seeds: number;
  placement: Classroom['placement'];
}

const PARTS: Record<number, Part[]> = {
  1: [{ network: karate, p: 0.4, need: 1, seeds: 1, placement: 'together' }],
  2: [
    { network: ring60, p: 1, need: 1, seeds: 1, placement: 'together' },
    { network: smallWorld60, p: 1, need: 1, seeds: 1, placement: 'together' },
  ],
  3: [
    { network: circles, p: 0.95, need: 3, seeds: 1, placement: 'together' },
    { network: circles, p: 0.95, need: 3, seeds: 5, placement: 'together' },
  ],
  4: [
    { network: critical, p: 0.2, need: 1, seeds: 1, placement: 'together' },
    { network: critical, p: 0.6, need: 1, seeds: 1, placement: 'together' },
  ],
  5: [
    { network: karate, p: 0.15, need: 1, seeds: 3, placement: 'leaders' },
    { network: karate, p: 0.15, need: 1, seeds: 3, placement: 'random' },
  ],
  6: [
    { network: circles, p: 0.2, need: 1, seeds: 1, placement: 'together' },
    { network: openNetwork, p: 0.2, need: 1, seeds: 1, placement: 'together' },
    { network: circles, p: 0.95, need: 3, seeds: 5, placement: 'together' },
    { network: openNetwork, p: 0.95, need: 3, seeds: 5, placement: 'together' },
  ],
};

export function partsOf(lesson: number): number {
  return PARTS[lesson]?.length ?? 0;
}

/** The classroom as part `part` of lesson `lesson` opens (the random stream is kept). */
export function openLesson(c: Pick<Classroom, 'rng'>, lesson: number, part = 0): Classroom {
  const parts = PARTS[lesson] ?? PARTS[1];
  const k = Math.min(Math.max(0, part), parts.length - 1);
  const setup = parts[k];
  const network = setup.network();
  return {
    network,
    p: setup.p,
    need: setup.need,
    seeds: placeSeeds(network, setup.placement, setup.seeds, 0, c.rng),
    placement: setup.placement,
    rng: c.rng,
    run: 0,
    lesson: PARTS[lesson] ? lesson : 1,
    part: k,
  };
}

/** The classroom a first visit opens: lesson 1. */
export function firstClassroom(): Classroom {
  return openLesson({ rng: 1 }, 1, 0);
}
