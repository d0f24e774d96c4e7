/**
 * Fuzz inputs: random valid graph files of every format (edge list, CSV, TSV, GEXF, GraphML,
 * graphology JSON), scenario links, byte-level mutations of them, inputs made from nothing, and
 * decompression bombs. Everything is drawn from one seeded generator per case, so a case number
 * and a seed replay the same bytes exactly.
 */
import { gzipSync } from 'node:zlib';
import { Rng } from '../../src/util/rng.ts';

export class Gen {
  private readonly rng: Rng;

  constructor(seed: number, stream: number) {
    this.rng = new Rng(seed, stream);
  }

  float(): number {
    return this.rng.float();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return this.rng.below(n);
  }

  chance(p: number): boolean {
    return this.rng.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const encoder = new TextEncoder();
export const utf8 = (s: string): Uint8Array => encoder.encode(s);

/** Ids that are names of Object.prototype members or graphology internals. */
export const PROTO_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'previous', 'valueOf'];

/** Node ids of every kind the loaders must keep apart and pass through verbatim. */
function randomId(g: Gen, quoting: boolean): string {
  switch (g.int(9)) {
    case 0:
    case 1:
    case 2:
      return String(g.int(40));
    case 3:
      return g.pick(['007', '0', '2147483647', '2147483648', '16777216', '+5', '-3', '1e3', '99999999999']);
    case 4:
      return g.pick(PROTO_IDS);
    case 5:
      return g.pick(['émile', 'zoë', '😀', '東京', 'a\u0301', 'ǅ', 'ß']);
    case 6:
      return quoting ? g.pick(['Ann Lee', 'say "hi"', 'a,b', 'x;y', 'tab\there']) : 'plain';
    default:
      return `n${g.int(30)}`;
  }
}

function randomValue(g: Gen): string {
  return g.pick([
    '0.5',
    '1',
    '0',
    '0.125',
    '1e-3',
    '.5',
    '3.5',
    '-1',
    'abc',
    'NaN',
    '1e308',
    '1e999',
    '-0',
    '0.999999999999999999999',
    '9'.repeat(40),
  ]);
}

function csvField(id: string, delimiter: string): string {
  return /[",;\t ]/.test(id) || id.includes(delimiter) ? `"${id.replace(/"/g, '""')}"` : id;
}

/** A random edge list: whitespace, CSV, TSV or semicolons; comments, headers, CRLF, a BOM. */
export function edgeListText(g: Gen, kind: 'txt' | 'csv' | 'tsv'): string {
  const delimiter =
    kind === 'csv' ? g.pick([',', ',', ';']) : kind === 'tsv' ? '\t' : g.pick([' ', '  ', '\t']);
  const quoting = kind !== 'txt';
  const lines: string[] = [];
  const values = g.chance(0.3);
  if (g.chance(0.2))
    lines.push(
      g
        .pick(['source,target', 'from\tto', '# a comment', '% comment', 'Source Target'])
        .replace(/[,\t ]/, delimiter),
    );
  const m = 1 + g.int(40);
  if (g.chance(0.1)) lines.push(`${g.int(30)}${delimiter}${m}`); // an "n m" counts header
  for (let i = 0; i < m; i++) {
    if (g.chance(0.05)) lines.push(g.pick(['# comment', '', '   ', '% x']));
    const a = randomId(g, quoting);
    const b = randomId(g, quoting);
    const fields = quoting ? [csvField(a, delimiter), csvField(b, delimiter)] : [a, b];
    if (values) fields.push(randomValue(g));
    lines.push(fields.join(delimiter));
  }
  const eol = g.chance(0.2) ? '\r\n' : '\n';
  return (g.chance(0.05) ? '\ufeff' : '') + lines.join(eol) + (g.chance(0.8) ? eol : '');
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface RandomGraph {
  nodes: string[];
  edges: [number, number][];
}

function randomGraph(g: Gen): RandomGraph {
  const n = 1 + g.int(12);
  const nodes: string[] = [];
  const seen = new Set<string>();
  while (nodes.length < n) {
    const id = randomId(g, true);
    if (!seen.has(id)) {
      seen.add(id);
      nodes.push(id);
    }
  }
  const edges: [number, number][] = [];
  for (let k = 1 + g.int(25); k > 0; k--) edges.push([g.int(n), g.int(n)]);
  // Parallel edges between special ids exercise what graphology's multigraph index got wrong.
  if (g.chance(0.5)) edges.push(...edges.slice(0, 3));
  return { nodes, edges };
}

/** Attribute names that must stay plain data. */
const ATTRIBUTE_NAMES = ['label', 'weight', 'x', 'y', 'group', ...PROTO_IDS];

export function gexfText(g: Gen): string {
  const { nodes, edges } = randomGraph(g);
  const type = g.pick(['directed', 'undirected', 'mutual']);
  const attrs = Array.from({ length: g.int(4) }, (_, i) => ({
    id: g.chance(0.5) ? String(i) : g.pick(ATTRIBUTE_NAMES),
    title: g.pick(ATTRIBUTE_NAMES),
    type: g.pick(['string', 'double', 'integer', 'boolean', 'liststring']),
  }));
  const weights = g.chance(0.5);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `<graph defaultedgetype="${type}">`,
  ];
  for (const cls of ['node', 'edge']) {
    if (attrs.length === 0) continue;
    out.push(`<attributes class="${cls}">`);
    for (const a of attrs) {
      const fallback = g.chance(0.3) ? `<default>${xmlEscape(randomValue(g))}</default>` : '';
      out.push(
        `<attribute id="${xmlEscape(a.id)}" title="${xmlEscape(a.title)}" type="${a.type}">${fallback}</attribute>`,
      );
    }
    out.push('</attributes>');
  }
  const attvalues = () =>
    attrs.length && g.chance(0.5)
      ? `<attvalues>${attrs.map((a) => `<attvalue for="${xmlEscape(a.id)}" value="${xmlEscape(randomValue(g))}"/>`).join('')}</attvalues>`
      : '';
  out.push('<nodes>');
  for (const id of nodes) {
    const label = g.chance(0.5) ? ` label="${xmlEscape(randomId(g, true))}"` : '';
    const viz = g.chance(0.5) ? `<viz:position x="${randomValue(g)}" y="${randomValue(g)}"/>` : '';
    out.push(`<node id="${xmlEscape(id)}"${label}>${attvalues()}${viz}</node>`);
  }
  out.push('</nodes><edges>');
  edges.forEach(([a, b], i) => {
    const id = g.chance(0.8) ? ` id="${g.chance(0.1) ? g.pick(PROTO_IDS) : `e${i}`}"` : '';
    const w = weights ? ` weight="${randomValue(g)}"` : '';
    const t = g.chance(0.2) ? ` type="${g.pick(['directed', 'undirected', 'mutual'])}"` : '';
    out.push(
      `<edge${id} source="${xmlEscape(nodes[a])}" target="${xmlEscape(nodes[b])}"${w}${t}>${attvalues()}</edge>`,
    );
  });
  out.push('</edges></graph></gexf>');
  return out.join('\n');
}

export function graphmlText(g: Gen): string {
  const { nodes, edges } = randomGraph(g);
  const keys = Array.from({ length: g.int(5) }, (_, i) => ({
    id: g.chance(0.5) ? `d${i}` : g.pick(ATTRIBUTE_NAMES),
    for: g.pick(['node', 'edge', 'all', 'graph']),
    name: g.pick(ATTRIBUTE_NAMES),
    type: g.pick(['string', 'double', 'int', 'boolean', 'float', 'long']),
  }));
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  ];
  for (const k of keys) {
    const fallback = g.chance(0.3) ? `<default>${xmlEscape(randomValue(g))}</default>` : '';
    out.push(
      `<key id="${xmlEscape(k.id)}" for="${k.for}" attr.name="${xmlEscape(k.name)}" attr.type="${k.type}">${fallback}</key>`,
    );
  }
  out.push(`<graph id="G" edgedefault="${g.pick(['directed', 'undirected'])}">`);
  const data = () =>
    keys
      .filter(() => g.chance(0.4))
      .map((k) => `<data key="${xmlEscape(k.id)}">${xmlEscape(randomValue(g))}</data>`)
      .join('');
  for (const id of nodes) out.push(`<node id="${xmlEscape(id)}">${data()}</node>`);
  edges.forEach(([a, b], i) => {
    const id = g.chance(0.7) ? ` id="${g.chance(0.1) ? g.pick(PROTO_IDS) : `e${i}`}"` : '';
    const d = g.chance(0.2) ? ` directed="${g.pick(['true', 'false'])}"` : '';
    out.push(
      `<edge${id} source="${xmlEscape(nodes[a])}" target="${xmlEscape(nodes[b])}"${d}>${data()}</edge>`,
    );
  });
  out.push('</graph></graphml>');
  return out.join('\n');
}

export function jsonText(g: Gen): string {
  const { nodes, edges } = randomGraph(g);
  const attributes = () => {
    const out: Record<string, unknown> = {};
    for (let k = g.int(4); k > 0; k--) {
      const name = g.pick(ATTRIBUTE_NAMES);
      // defineProperty: a "__proto__" key must become an own property of the JSON, as in a file.
      Object.defineProperty(out, name, {
        value: g.chance(0.5)
          ? Number(randomValue(g)) || 0
          : g.chance(0.5)
            ? randomValue(g)
            : { polluted: true },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
  const type = g.pick(['directed', 'undirected', 'mixed', undefined]);
  const doc = {
    ...(type ? { options: { type, multi: true } } : {}),
    nodes: nodes.map((key) => ({
      key: g.chance(0.1) && /^\d+$/.test(key) ? Number(key) : key,
      attributes: attributes(),
    })),
    edges: edges.map(([a, b]) => ({
      source: nodes[a],
      target: nodes[b],
      ...(g.chance(0.5) ? { attributes: attributes() } : {}),
      ...(type === 'mixed' ? { undirected: g.chance(0.5) } : {}),
    })),
  };
  return JSON.stringify(doc, null, g.chance(0.5) ? 1 : undefined);
}

/** A scenario link as encodeScenarioHash writes it, with awkward ids among the seeds. */
export function scenarioHash(g: Gen): string {
  const ids = Array.from({ length: g.int(4) }, () => encodeURIComponent(randomId(g, true))).join(',');
  const seeds = g.chance(0.2) ? `random:${g.int(50)}` : `${ids}@${g.int(5)}`;
  const graph = g.pick(['bundled:karate.txt', 'url:%2Fg.txt', 'file:my%20graph.csv', 'file:__proto__']);
  return `#v=1&graph=${graph}&direction=${g.pick(['undirected', 'influences', 'follows'])}&values=probability&model=${g.pick(['ic', 'lt', 'sir'])}&p=${g.pick(['0.05', 'file', '1'])}&gamma=0.2&phi=0.18&steps=${g.pick(['all', '3'])}&seeds=${seeds}&runs=${g.pick(['1000', '1'])}&rng=${g.int(100)}`;
}

// ---------------------------------------------------------------------------------------------
// Mutations.

/** Bytes that matter to some parser: delimiters, quotes, comment marks, markup, digits. */
const TEXT_BYTES = utf8('"\'\t\n\r,;#%<>{}[] /=&01.-e:!?\\');
/** Bytes that make a file binary or oddly encoded: NUL, controls, lone UTF-8 bytes, gzip magic. */
const ODD_BYTES = [0x00, 0x01, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x80, 0x8b, 0xbf, 0xc3, 0xe9, 0xef, 0xf0, 0xff];

const special = (g: Gen) => (g.chance(0.2) ? g.pick(ODD_BYTES) : g.pick(Array.from(TEXT_BYTES)));
const position = (g: Gen, b: Uint8Array) => g.int(b.length + 1);

function splice(b: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length - remove + insert.length);
  out.set(b.subarray(0, at));
  out.set(insert, at);
  out.set(b.subarray(at + remove), at + insert.length);
  return out;
}

/** Line ranges [start, end) of the text, newline included. */
function lineRanges(b: Uint8Array): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x0a) {
      out.push([s, i + 1]);
      s = i + 1;
    }
  }
  if (s < b.length) out.push([s, b.length]);
  return out;
}

type Mutation = (b: Uint8Array, g: Gen) => Uint8Array;

export const MUTATIONS: Record<string, Mutation> = {
  flipBits(b, g) {
    const out = b.slice();
    for (let k = 1 + g.int(4); k > 0 && out.length; k--) out[g.int(out.length)] ^= 1 << g.int(8);
    return out;
  },
  setSpecial(b, g) {
    const out = b.slice();
    for (let k = 1 + g.int(3); k > 0 && out.length; k--) out[g.int(out.length)] = special(g);
    return out;
  },
  insertSpecial(b, g) {
    return splice(
      b,
      position(g, b),
      0,
      Uint8Array.from({ length: 1 + g.int(3) }, () => special(g)),
    );
  },
  truncate(b, g) {
    return b.slice(0, position(g, b));
  },
  deleteRange(b, g) {
    const at = position(g, b);
    return splice(b, at, Math.min(b.length - at, 1 + g.int(40)), new Uint8Array(0));
  },
  duplicateRange(b, g) {
    const i = position(g, b);
    const j = Math.min(b.length, i + 1 + g.int(60));
    return splice(b, position(g, b), 0, b.slice(i, j));
  },
  duplicateLine(b, g) {
    const lines = lineRanges(b);
    if (lines.length === 0) return b;
    const [s, e] = g.pick(lines);
    const copies = new Uint8Array((e - s) * (1 + g.int(3)));
    for (let k = 0; k < copies.length; k += e - s) copies.set(b.subarray(s, e), k);
    return splice(b, g.pick(lines)[0], 0, copies);
  },
  garbleLine(b, g) {
    const lines = lineRanges(b);
    if (lines.length === 0) return b;
    const [s, e] = g.pick(lines);
    const out = b.slice();
    for (let i = e - 1; i > s; i--) {
      const j = s + g.int(i - s + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  },
  hugeNumber(b, g) {
    const text = g.pick([
      '9'.repeat(400),
      '1e999',
      '-1e999',
      '4294967296',
      '18446744073709551616',
      '0.' + '0'.repeat(300) + '1',
      '-0',
      '1'.repeat(12),
    ]);
    const digits: number[] = [];
    for (let i = 0; i < b.length; i++) if (b[i] >= 0x30 && b[i] <= 0x39) digits.push(i);
    const at = digits.length ? g.pick(digits) : position(g, b);
    return splice(b, at, digits.length ? 1 : 0, utf8(text));
  },
  deepNesting(b, g) {
    const depth = 1 + g.int(20000);
    const kind = g.int(3);
    const text =
      kind === 0
        ? '['.repeat(depth) + ']'.repeat(g.chance(0.5) ? depth : g.int(depth))
        : kind === 1
          ? '{"a":'.repeat(depth) + '1' + '}'.repeat(g.chance(0.5) ? depth : g.int(depth))
          : '<a>'.repeat(Math.min(depth, 5000)) + '</a>'.repeat(g.chance(0.5) ? Math.min(depth, 5000) : 0);
    return splice(b, position(g, b), 0, utf8(text));
  },
  controlChars(b, g) {
    const at = position(g, b);
    return splice(
      b,
      at,
      0,
      Uint8Array.from({ length: 1 + g.int(5) }, () => g.int(32)),
    );
  },
  protoId(b, g) {
    const lines = lineRanges(b);
    const at = lines.length ? g.pick(lines)[0] : 0;
    return splice(
      b,
      at,
      0,
      utf8(g.pick(PROTO_IDS) + g.pick([' ', ',', '\t', '"', '="']) + g.pick(PROTO_IDS) + '\n'),
    );
  },
  invalidUtf8(b, g) {
    const bad = g.pick([
      [0xe9],
      [0xc3],
      [0xc3, 0x28],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xc0, 0xaf],
      [0xff, 0xfe],
    ]);
    return splice(b, position(g, b), 0, Uint8Array.from(bad));
  },
  repeatAll(b, g) {
    // At most a few MiB: the input itself must not be what fills the memory.
    const times = Math.max(1, Math.min(2 + g.int(200), Math.floor((1 << 20) / Math.max(1, b.length))));
    const out = new Uint8Array(b.length * times);
    for (let k = 0; k < times; k++) out.set(b, k * b.length);
    return out;
  },
};

/** Random bytes, or random text over a parser-heavy alphabet. */
export function fromScratch(g: Gen): Uint8Array {
  const length = g.int(g.chance(0.1) ? 100_000 : 400);
  if (g.chance(0.4)) return Uint8Array.from({ length }, () => g.int(256));
  const alphabet = '0123456789 \t\n\r,;"#%.-eabc<>{}[]:/=&_';
  return utf8(Array.from({ length }, () => alphabet[g.int(alphabet.length)]).join(''));
}

/** Apply 1-3 random mutations; returns the bytes and the names applied. */
export function mutate(b: Uint8Array, g: Gen): { bytes: Uint8Array; applied: string[] } {
  const names = Object.keys(MUTATIONS);
  const applied: string[] = [];
  let bytes = b;
  for (let k = 1 + g.int(3); k > 0; k--) {
    const name = g.pick(names);
    applied.push(name);
    bytes = MUTATIONS[name](bytes, g);
  }
  return { bytes, applied };
}

/** gzip of `size` bytes repeating `unit`, made in pieces so the test never holds the whole. */
export function gzipBomb(unit: string, size: number): Uint8Array {
  const piece = utf8(unit.repeat(Math.ceil((1 << 20) / unit.length)));
  const pieces: Uint8Array[] = [];
  for (let done = 0; done < size; done += piece.length) pieces.push(piece);
  // gzip members concatenate into one stream; one compressed member per MiB keeps memory small.
  const member = gzipSync(piece, { level: 9 });
  const out = new Uint8Array(member.length * pieces.length);
  for (let k = 0; k < pieces.length; k++) out.set(member, k * member.length);
  return out;
}
