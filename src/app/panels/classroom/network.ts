/**
 * The classroom's own network, kept apart from the user's graph: people with a position on the
 * stage and an optional name, and undirected ties between them. Pure edits (each returns a new
 * network) and the CSR the engine runs on. Small by design: at most MAX_PEOPLE people.
 */
import { compileCsr } from '../../../graph/csr.ts';
import type { Csr } from '../../../graph/types.ts';

export const MAX_PEOPLE = 300;

export interface Person {
  /** Position on the stage (any units: the view fits them). */
  x: number;
  y: number;
  /** A name typed by the class ('' shows the person's number). */
  label: string;
}

export interface Network {
  people: Person[];
  /** Undirected ties [a, b] with a < b, no duplicates. */
  ties: [number, number][];
}

export const EMPTY_NETWORK: Network = { people: [], ties: [] };

/** The name shown for person i: its label, else its number counted from 1. */
export function nameOf(network: Network, i: number): string {
  return network.people[i]?.label || String(i + 1);
}

function pair(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

export function hasTie(network: Network, a: number, b: number): boolean {
  const [x, y] = pair(a, b);
  return network.ties.some(([u, v]) => u === x && v === y);
}

export function addPerson(network: Network, x: number, y: number, label = ''): Network {
  if (network.people.length >= MAX_PEOPLE) return network;
  return { people: [...network.people, { x, y, label }], ties: network.ties };
}

/** Remove person i and their ties; people after i move down by one. */
export function removePerson(network: Network, i: number): Network {
  if (i < 0 || i >= network.people.length) return network;
  const shift = (v: number) => (v > i ? v - 1 : v);
  return {
    people: network.people.filter((_, j) => j !== i),
    ties: network.ties.filter(([a, b]) => a !== i && b !== i).map(([a, b]) => [shift(a), shift(b)]),
  };
}

/** Add the tie a -- b, or remove it if it is there. */
export function toggleTie(network: Network, a: number, b: number): Network {
  if (a === b || a < 0 || b < 0 || a >= network.people.length || b >= network.people.length) return network;
  const [x, y] = pair(a, b);
  if (hasTie(network, x, y))
    return { people: network.people, ties: network.ties.filter(([u, v]) => !(u === x && v === y)) };
  return { people: network.people, ties: [...network.ties, [x, y]] };
}

/** Ties as given, normalised: a < b, in range, no self-ties, no duplicates (first kept). */
export function cleanTies(n: number, ties: readonly (readonly [number, number])[]): [number, number][] {
  const seen = new Set<number>();
  const out: [number, number][] = [];
  for (const [a, b] of ties) {
    if (a === b || a < 0 || b < 0 || a >= n || b >= n) continue;
    const [x, y] = pair(a, b);
    const key = x * n + y;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([x, y]);
  }
  return out;
}

/** The undirected CSR the engine runs on (node i = person i). */
export function networkCsr(network: Network): Csr {
  const m = network.ties.length;
  const src = new Uint32Array(m);
  const dst = new Uint32Array(m);
  network.ties.forEach(([a, b], i) => {
    src[i] = a;
    dst[i] = b;
  });
  return compileCsr(
    { n: network.people.length, count: m, src, dst, values: null, valueKind: null },
    'undirected',
  ).csr;
}

/** Number of ties of each person. */
export function degrees(network: Network): Uint32Array {
  const d = new Uint32Array(network.people.length);
  for (const [a, b] of network.ties) {
    d[a]++;
    d[b]++;
  }
  return d;
}
