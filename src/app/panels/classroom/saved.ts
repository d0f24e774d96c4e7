/**
 * The classroom saved as data: one JSON shape for the network file a class downloads and for the
 * `class=` field of the page's link (base64url of the same JSON, so names in any script survive).
 * A lesson's own network is not written into links (the lesson number rebuilds it); a drawn one
 * is. Reading is strict: an unknown field, a tie to nobody or a probability of 2 is refused with
 * an error naming the field.
 */
import { openLesson, partsOf } from './lessons.ts';
import { type Classroom, MAX_NEED } from './model.ts';
import { cleanTies, MAX_PEOPLE, type Network } from './network.ts';
import { PLACEMENTS, type Placement } from './seeding.ts';

export const FORMAT = 'ripple-classroom';
export const VERSION = 1;
/** Largest file read (a full classroom network is far smaller). */
export const MAX_FILE_BYTES = 1_000_000;

export class SavedClassroomError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SavedClassroomError';
  }
}

interface Saved {
  format: typeof FORMAT;
  version: typeof VERSION;
  lesson: number;
  part: number;
  p: number;
  need: number;
  seeds: number[];
  placement: Placement;
  rng: number;
  run: number;
  /** [x, y, label] per person; absent in links of an unchanged lesson. */
  people?: [number, number, string][];
  ties?: [number, number][];
}

function toSaved(c: Classroom, withNetwork: boolean): Saved {
  const saved: Saved = {
    format: FORMAT,
    version: VERSION,
    lesson: c.lesson,
    part: c.part,
    p: c.p,
    need: c.need,
    seeds: c.seeds,
    placement: c.placement,
    rng: c.rng,
    run: c.run,
  };
  if (withNetwork || c.lesson === 0) {
    saved.people = c.network.people.map((q) => [q.x, q.y, q.label]);
    saved.ties = c.network.ties;
  }
  return saved;
}

/** The network file: the drawn network and the settings, readable JSON. */
export function classroomToFile(c: Classroom): string {
  const s = toSaved(c, true);
  const people = (s.people ?? []).map((q) => `    ${JSON.stringify(q)}`).join(',\n');
  const { people: _p, ties: _t, ...head } = s;
  const top = JSON.stringify(head, null, 2).slice(0, -2);
  return `${top},\n  "people": [\n${people}\n  ],\n  "ties": ${JSON.stringify(s.ties)}\n}\n`;
}

export function classroomFromFile(text: string, name: string): Classroom {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SavedClassroomError(`${name}: not JSON (${(error as Error).message})`);
  }
  return readSaved(value, name);
}

/** The `class=` field of a link. */
export function classroomToLink(c: Classroom): string {
  const bytes = new TextEncoder().encode(JSON.stringify(toSaved(c, false)));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function classroomFromLink(field: string): Classroom {
  let text: string;
  try {
    const binary = atob(field.replace(/-/g, '+').replace(/_/g, '/'));
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (ch) => ch.charCodeAt(0)),
    );
  } catch {
    throw new SavedClassroomError("link: the 'class' field is not valid base64url text");
  }
  return classroomFromFile(text, 'link');
}

const KEYS = [
  'format',
  'version',
  'lesson',
  'part',
  'p',
  'need',
  'seeds',
  'placement',
  'rng',
  'run',
  'people',
  'ties',
];

function wholeIn(value: unknown, lo: number, hi: number, field: string, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi)
    throw new SavedClassroomError(
      `${where}: '${field}' should be a whole number from ${lo} to ${hi}, got ${JSON.stringify(value)}`,
    );
  return value;
}

function finite(value: unknown, field: string, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new SavedClassroomError(`${where}: '${field}' should be a number, got ${JSON.stringify(value)}`);
  return value;
}

function readSaved(value: unknown, where: string): Classroom {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SavedClassroomError(`${where}: expected an object`);
  const v = value as Record<string, unknown>;
  if (v.format !== FORMAT)
    throw new SavedClassroomError(`${where}: 'format' should be "${FORMAT}": not a Ripple classroom file`);
  if (v.version !== VERSION)
    throw new SavedClassroomError(`${where}: 'version' ${JSON.stringify(v.version)} is not ${VERSION}`);
  for (const key of Object.keys(v))
    if (!KEYS.includes(key))
      throw new SavedClassroomError(`${where}: unknown field '${key}' (expected ${KEYS.join(', ')})`);
  const lesson = wholeIn(v.lesson, 0, 6, 'lesson', where);
  const part = wholeIn(v.part, 0, Math.max(0, partsOf(lesson) - 1), 'part', where);
  const rng = wholeIn(v.rng, 0, 0xffffffff, 'rng', where);
  let network: Network;
  if (v.people !== undefined || v.ties !== undefined) {
    if (!Array.isArray(v.people))
      throw new SavedClassroomError(`${where}: 'people' should be a list of [x, y, name]`);
    if (v.people.length > MAX_PEOPLE)
      throw new SavedClassroomError(`${where}: ${v.people.length} people, at most ${MAX_PEOPLE}`);
    const people = v.people.map((q: unknown, i: number) => {
      if (!Array.isArray(q) || q.length !== 3 || typeof q[2] !== 'string')
        throw new SavedClassroomError(`${where}: person ${i + 1} should be [x, y, name]`);
      return {
        x: finite(q[0], `people[${i}].x`, where),
        y: finite(q[1], `people[${i}].y`, where),
        label: q[2].slice(0, 40),
      };
    });
    if (!Array.isArray(v.ties)) throw new SavedClassroomError(`${where}: 'ties' should be a list of [a, b]`);
    const n = people.length;
    const ties = v.ties.map((t: unknown, i: number) => {
      if (!Array.isArray(t) || t.length !== 2)
        throw new SavedClassroomError(`${where}: tie ${i + 1} should be [a, b]`);
      return [
        wholeIn(t[0], 0, n - 1, `ties[${i}][0]`, where),
        wholeIn(t[1], 0, n - 1, `ties[${i}][1]`, where),
      ] as [number, number];
    });
    network = { people, ties: cleanTies(n, ties) };
  } else {
    if (lesson === 0)
      throw new SavedClassroomError(`${where}: no 'people': a drawn network must be written out`);
    network = openLesson({ rng }, lesson, part).network;
  }
  const n = network.people.length;
  if (!Array.isArray(v.seeds)) throw new SavedClassroomError(`${where}: 'seeds' should be a list of people`);
  const seeds = [
    ...new Set(
      v.seeds.map((s: unknown, i: number) => wholeIn(s, 0, Math.max(0, n - 1), `seeds[${i}]`, where)),
    ),
  ];
  const p = finite(v.p, 'p', where);
  if (p < 0 || p > 1) throw new SavedClassroomError(`${where}: 'p' should be from 0 to 1, got ${p}`);
  if (!PLACEMENTS.includes(v.placement as Placement))
    throw new SavedClassroomError(`${where}: 'placement' should be one of ${PLACEMENTS.join(', ')}`);
  return {
    network,
    p,
    need: wholeIn(v.need, 1, MAX_NEED, 'need', where),
    seeds,
    placement: v.placement as Placement,
    rng,
    run: wholeIn(v.run, 0, 1_000_000, 'run', where),
    lesson: v.people !== undefined ? 0 : lesson,
    part: v.people !== undefined ? 0 : part,
  };
}
