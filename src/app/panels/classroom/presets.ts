/**
 * Networks a class can start from: empty, a ring, a small world, Zachary's karate club, and "our
 * class" (N students who each name up to k friends, typed as a short list). Ring and small world
 * sit on a circle so shortcuts show as chords; the karate club keeps the bundled layout made by
 * `ripple layout` (datasets/layouts/karate.txt.json). Pure and deterministic.
 */
import { smallWorld } from '../../../graph/small-world.ts';
import { cleanTies, MAX_PEOPLE, type Network } from './network.ts';

/** Zachary's karate club (datasets/karate.txt, ids 0-33 = people 1-34): tie pairs, flattened. */
export const KARATE_TIES = [
  0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 10, 0, 11, 0, 12, 0, 13, 0, 17, 0, 19, 0, 21, 0, 31, 1,
  2, 1, 3, 1, 7, 1, 13, 1, 17, 1, 19, 1, 21, 1, 30, 2, 3, 2, 7, 2, 8, 2, 9, 2, 13, 2, 27, 2, 28, 2, 32, 3, 7,
  3, 12, 3, 13, 4, 6, 4, 10, 5, 6, 5, 10, 5, 16, 6, 16, 8, 30, 8, 32, 8, 33, 9, 33, 13, 33, 14, 32, 14, 33,
  15, 32, 15, 33, 18, 32, 18, 33, 19, 33, 20, 32, 20, 33, 22, 32, 22, 33, 23, 25, 23, 27, 23, 29, 23, 32, 23,
  33, 24, 25, 24, 27, 24, 31, 25, 31, 26, 29, 26, 33, 27, 33, 28, 31, 28, 33, 29, 32, 29, 33, 30, 32, 30, 33,
  31, 32, 31, 33, 32, 33,
];
/** Its positions (datasets/layouts/karate.txt.json, rounded), x and y per person. */
const KARATE_XY = [
  -50, 34, -6, 53, -4, 5, -28, 51, -91, 27, -108, 40, -107, 25, -24, 37, 25, 8, 16, -14, -92, 42, -71, 52,
  -53, 63, -10, 26, 80, -38, 70, -42, -126, 31, -36, 69, 82, -16, 7, 31, 74, -7, -25, 72, 83, -27, 38, -68,
  -7, -77, 6, -83, 71, -67, 13, -57, 2, -28, 61, -62, 44, 17, -3, -44, 63, -23, 42, -28,
];

const RADIUS = 100;

function onCircle(n: number): Network['people'] {
  return Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n - Math.PI / 2;
    return {
      x: Math.round(RADIUS * Math.cos(a) * 100) / 100,
      y: Math.round(RADIUS * Math.sin(a) * 100) / 100,
      label: '',
    };
  });
}

/** n people on a circle, each tied to the k nearest (k / 2 on each side). */
export function ringNetwork(n: number, k: number): Network {
  return smallWorldNetwork(n, k, 0, 1);
}

/** The ring with each tie rewired with probability beta (Watts-Strogatz, src/graph/small-world.ts). */
export function smallWorldNetwork(n: number, k: number, beta: number, rngSeed: number): Network {
  const { edges } = smallWorld({ n, k, beta, rngSeed });
  return { people: onCircle(n), ties: cleanTies(n, edges) };
}

export function karateNetwork(): Network {
  const people = Array.from({ length: 34 }, (_, i) => ({
    x: KARATE_XY[2 * i],
    y: -KARATE_XY[2 * i + 1],
    label: '',
  }));
  const ties: [number, number][] = [];
  for (let i = 0; i < KARATE_TIES.length; i += 2) ties.push([KARATE_TIES[i], KARATE_TIES[i + 1]]);
  return { people, ties: cleanTies(34, ties) };
}

export class ClassListError extends Error {
  constructor(
    /** 1-based line of the list. */
    readonly line: number,
    readonly reason: 'noName' | 'tooManyFriends' | 'tooMany',
    readonly who = '',
  ) {
    super(`class list line ${line}: ${reason}${who ? ` (${who})` : ''}`);
    this.name = 'ClassListError';
  }
}

/**
 * "Our class": one student per line, `Name: friend, friend, …` (a full-width colon and commas
 * work too). Each student names at most `maxFriends` friends; a friend not yet listed joins the
 * class. Ties are undirected: naming is enough. People sit on a circle in the order met.
 */
export function classNetwork(text: string, maxFriends: number): Network {
  const index = new Map<string, number>();
  const names: string[] = [];
  const ties: [number, number][] = [];
  const personOf = (name: string, line: number): number => {
    let i = index.get(name);
    if (i === undefined) {
      if (names.length >= MAX_PEOPLE) throw new ClassListError(line, 'tooMany', name);
      i = names.length;
      index.set(name, i);
      names.push(name);
    }
    return i;
  };
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = raw.trim();
    if (line === '') return;
    const colon = line.search(/[:：]/);
    const who = (colon < 0 ? line : line.slice(0, colon)).trim();
    if (who === '') throw new ClassListError(k + 1, 'noName');
    const me = personOf(who, k + 1);
    const friends =
      colon < 0
        ? []
        : line
            .slice(colon + 1)
            .split(/[,，、;；]/)
            .map((f) => f.trim())
            .filter(Boolean);
    if (friends.length > maxFriends) throw new ClassListError(k + 1, 'tooManyFriends', who);
    for (const f of friends) ties.push([me, personOf(f, k + 1)]);
  });
  const people = onCircle(names.length).map((p, i) => ({ ...p, label: names[i] }));
  return { people, ties: cleanTies(names.length, ties) };
}

export type PresetName = 'empty' | 'ring' | 'smallWorld' | 'karate';
export const PRESETS: readonly PresetName[] = ['empty', 'ring', 'smallWorld', 'karate'];

/** The starting networks of the network menu (ring and small world share their 40 people). */
export function presetNetwork(name: PresetName): Network {
  switch (name) {
    case 'empty':
      return { people: [], ties: [] };
    case 'ring':
      return ringNetwork(40, 4);
    case 'smallWorld':
      return smallWorldNetwork(40, 4, 0.1, 1);
    case 'karate':
      return karateNetwork();
  }
}
