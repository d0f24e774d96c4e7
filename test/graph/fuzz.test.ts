/**
 * Fuzzing the loader: random bytes and mutated valid files (edge lists, CSV, TSV, GEXF, GraphML,
 * JSON, gzip) must either load into a well-formed graph or fail with a LoadError naming the
 * file; never another exception, never a hang. Seeded, so every run checks the same cases.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { LoadOptions } from '../../src/graph/load.ts';
import { LoadError } from '../../src/graph/load-error.ts';
import { DIRECTIONS, EDGE_VALUES } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';
import { checkShape, FIXTURES, load } from './support.ts';

const SEED = 0x5eed2024;
const CASES = 5000;

/** A stream of uniform floats from the project's seeded generator (one stream per case). */
function rng(seed: number): () => number {
  const g = new Rng(seed);
  return () => g.float();
}

const text = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));

interface Base {
  file: string;
  bytes: Uint8Array;
  /** Mutate the uncompressed text, then gzip it again (else mutations hit the gzip stream). */
  regzip?: boolean;
}

const EDGE_LIST = text('15 6\n# comment\n0 1 0.5\n1 2 0.25\n2 2 1\n%x\n3 4 0.125\n  4 0 0.75  \n0 1 0.5');
const BASES: Base[] = [
  { file: 'net.txt', bytes: EDGE_LIST },
  { file: 'people.csv', bytes: fixture('quoted.csv') },
  { file: 'crlf.tsv', bytes: fixture('crlf-header.tsv') },
  { file: 'semi.csv', bytes: fixture('semicolon.csv') },
  { file: 'zeros.txt', bytes: fixture('leading-zeros.txt') },
  { file: 'small.gexf', bytes: fixture('small.gexf') },
  { file: 'small.graphml', bytes: fixture('small.graphml') },
  { file: 'mixed.graphml', bytes: fixture('mixed.graphml') },
  { file: 'small.json', bytes: fixture('small.json') },
  { file: 'mixed.json', bytes: fixture('mixed.json') },
  { file: 'net.txt.gz', bytes: gzipSync(EDGE_LIST) },
  { file: 'small.gexf.gz', bytes: gzipSync(fixture('small.gexf')) },
  { file: 'inner.txt.gz', bytes: EDGE_LIST, regzip: true },
  { file: 'inner.graphml.gz', bytes: fixture('small.graphml'), regzip: true },
];

/** Bytes that matter to some parser: delimiters, quotes, comment marks, markup, digits. */
const TEXT_BYTES = [
  0x22, 0x27, 0x09, 0x0a, 0x0d, 0x2c, 0x3b, 0x23, 0x25, 0x3c, 0x3e, 0x7b, 0x7d, 0x5b, 0x5d, 0x20, 0x2f, 0x3d,
  0x26, 0x30, 0x31, 0x2e, 0x2d, 0x65,
];
/** Bytes that make a file binary or oddly encoded: NUL, controls, UTF-8 lead bytes, gzip magic. */
const BINARY_BYTES = [0x00, 0x0b, 0x1f, 0x8b, 0xc3, 0xef, 0xff];

type Mutation = (b: Uint8Array, r: () => number) => Uint8Array;

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const at = (r: () => number, b: Uint8Array) => Math.floor(r() * (b.length + 1));
/** Mostly text-significant bytes, sometimes binary ones, so most cases get past the binary check. */
const special = (r: () => number) => (r() < 0.15 ? pick(r, BINARY_BYTES) : pick(r, TEXT_BYTES));

const MUTATIONS: Record<string, Mutation> = {
  flipBits(b, r) {
    const out = b.slice();
    for (let k = 1 + Math.floor(r() * 4); k > 0 && out.length; k--)
      out[Math.floor(r() * out.length)] ^= 1 << Math.floor(r() * (r() < 0.8 ? 7 : 8));
    return out;
  },
  setSpecial(b, r) {
    const out = b.slice();
    for (let k = 1 + Math.floor(r() * 3); k > 0 && out.length; k--)
      out[Math.floor(r() * out.length)] = special(r);
    return out;
  },
  insertSpecial(b, r) {
    const i = at(r, b);
    const extra = Array.from({ length: 1 + Math.floor(r() * 3) }, () => special(r));
    return Uint8Array.from([...b.subarray(0, i), ...extra, ...b.subarray(i)]);
  },
  truncate(b, r) {
    return b.slice(0, at(r, b));
  },
  deleteRange(b, r) {
    const i = at(r, b);
    const j = Math.min(b.length, i + 1 + Math.floor(r() * 40));
    return Uint8Array.from([...b.subarray(0, i), ...b.subarray(j)]);
  },
  duplicateRange(b, r) {
    const i = at(r, b);
    const j = Math.min(b.length, i + 1 + Math.floor(r() * 60));
    const k = at(r, b);
    return Uint8Array.from([...b.subarray(0, k), ...b.subarray(i, j), ...b.subarray(k)]);
  },
};

/** Inputs made from nothing: random bytes, and random text over an edge-list-ish alphabet. */
function fromScratch(r: () => number): Uint8Array {
  const length = Math.floor(r() * 300);
  if (r() < 0.4) return Uint8Array.from({ length }, () => Math.floor(r() * 256));
  const alphabet = '0123456789 \t\n\r,;"#%.-eabc<>{}[]:';
  return text(Array.from({ length }, () => alphabet[Math.floor(r() * alphabet.length)]).join(''));
}

function makeCase(i: number): {
  file: string;
  bytes: Uint8Array;
  options: Omit<LoadOptions, 'file'>;
  label: string;
} {
  const r = rng(SEED + i * 7919);
  const options: Omit<LoadOptions, 'file'> = {
    direction: r() < 0.1 ? undefined : pick(r, DIRECTIONS),
    edgeValues: pick(r, EDGE_VALUES),
    header: pick(r, ['auto', 'auto', 'yes', 'no'] as const),
  };
  if (r() < 0.1) {
    const file = pick(r, [
      'random.txt',
      'random.gexf',
      'random.json',
      'random.graphml',
      'random.bin',
      'random.gz',
    ]);
    return { file, bytes: fromScratch(r), options, label: `scratch ${i}` };
  }
  const base = pick(r, BASES);
  const names = Object.keys(MUTATIONS);
  let bytes = base.bytes;
  const applied: string[] = [];
  for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
    const name = pick(r, names);
    applied.push(name);
    bytes = MUTATIONS[name](bytes, r);
  }
  if (base.regzip) bytes = gzipSync(bytes);
  return { file: base.file, bytes, options, label: `${base.file} ${applied.join('+')} #${i}` };
}

it(`survives ${CASES} fuzzed inputs with LoadErrors only`, async () => {
  const surprises: string[] = [];
  let loaded = 0;
  let rejected = 0;
  let slowest = 0;
  for (let i = 0; i < CASES; i++) {
    const c = makeCase(i);
    const started = performance.now();
    try {
      const g = await load(c.bytes, { file: c.file, ...c.options });
      checkShape(g);
      loaded++;
    } catch (e) {
      if (!(e instanceof LoadError))
        surprises.push(`${c.label}: ${e instanceof Error ? e.stack : String(e)}`);
      else if (!e.message.startsWith(c.file))
        surprises.push(`${c.label}: message does not name the file: ${e.message}`);
      // The safety nets (an unexpected exception wrapped by loadGraph or around graphology) are
      // LoadErrors too, but reaching them means a check is missing.
      else if (/could not be read \(|could not read the document/.test(e.message))
        surprises.push(`${c.label}: ${e.message}`);
      else rejected++;
    }
    slowest = Math.max(slowest, performance.now() - started);
  }
  expect(surprises.slice(0, 5)).toEqual([]);
  // Both outcomes must actually be exercised, and nothing may take long.
  expect(loaded).toBeGreaterThan(CASES / 20);
  expect(rejected).toBeGreaterThan(CASES / 4);
  expect(slowest).toBeLessThan(2000);
});
