/**
 * Graph loading, table-driven: each fixture under test/fixtures/graphs with the counts, header,
 * one node id and one arc it must give; then direction semantics, gzip, XML/JSON attributes,
 * every kind of bad input (message names the file and the line or element) and option checking.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { type LoadOptions, resolveLoadOptions } from '../../src/graph/load.ts';
import { LoadError } from '../../src/graph/load-error.ts';
import type { LoadReport } from '../../src/graph/types.ts';
import { arcs, arcValue, checkShape, FIXTURES, load } from './support.ts';

const fixture = (name: string) => fileURLToPath(new URL(name, FIXTURES));

interface Case {
  file: string;
  options: Omit<LoadOptions, 'file'>;
  nodes: number;
  edges: number;
  selfLoops: number;
  duplicateEdges: number;
  header: NonNullable<LoadReport['header']>['kind'] | null;
  node: [index: number, id: string];
  arc: string;
  noArc?: string;
}

const influences = { direction: 'influences' } as const;

const CASES: Case[] = [
  // #, % comments, blank lines, spaces around, a tab, no final newline, a node only in a self-loop.
  {
    file: 'comments.txt',
    options: influences,
    nodes: 4,
    edges: 3,
    selfLoops: 1,
    duplicateEdges: 1,
    header: null,
    node: [3, '4'],
    arc: '3>1',
  },
  // BOM, CRLF, tab-separated ids with spaces, a header of column names, a blank CRLF line.
  {
    file: 'crlf-header.tsv',
    options: { direction: 'undirected' },
    nodes: 3,
    edges: 3,
    selfLoops: 0,
    duplicateEdges: 0,
    header: 'columns',
    node: [0, 'ann lee'],
    arc: 'cy>ann lee',
  },
  // CSV header, quoted fields with spaces and "", spaces around fields, "007" vs 7.
  {
    file: 'quoted.csv',
    options: influences,
    nodes: 5,
    edges: 4,
    selfLoops: 0,
    duplicateEdges: 0,
    header: 'columns',
    node: [2, 'Cy "C" Dee'],
    arc: '007>7',
  },
  {
    file: 'semicolon.csv',
    options: { direction: 'undirected' },
    nodes: 3,
    edges: 3,
    selfLoops: 0,
    duplicateEdges: 0,
    header: null,
    node: [2, 'c'],
    arc: 'a>c',
  },
  {
    file: 'leading-zeros.txt',
    options: influences,
    nodes: 3,
    edges: 3,
    selfLoops: 0,
    duplicateEdges: 0,
    header: null,
    node: [2, '0007'],
    arc: '0007>007',
  },
  // NetHEPT-style "n m" header: its numbers are not nodes.
  {
    file: 'counts-header.txt',
    options: influences,
    nodes: 3,
    edges: 2,
    selfLoops: 1,
    duplicateEdges: 1,
    header: 'counts',
    node: [2, '2'],
    arc: '0>1',
    noArc: '5>4',
  },
  // Header numbers that are also real node ids keep their place among the real edges.
  {
    file: 'counts-header-reused.txt',
    options: influences,
    nodes: 4,
    edges: 2,
    selfLoops: 0,
    duplicateEdges: 0,
    header: 'counts',
    node: [2, '2'],
    arc: '2>7',
    noArc: '2>2',
  },
  // Two integers whose second does not count the remaining lines: an edge.
  {
    file: 'not-a-header.txt',
    options: influences,
    nodes: 6,
    edges: 5,
    selfLoops: 0,
    duplicateEdges: 0,
    header: null,
    node: [0, '5'],
    arc: '5>3',
  },
  {
    file: 'column-names.txt',
    options: { direction: 'follows' },
    nodes: 3,
    edges: 3,
    selfLoops: 0,
    duplicateEdges: 0,
    header: 'columns',
    node: [0, '1'],
    arc: '2>1',
    noArc: '1>2',
  },
  // Non-numeric first line over an all-numeric file: a header.
  {
    file: 'inferred-header.txt',
    options: influences,
    nodes: 3,
    edges: 2,
    selfLoops: 0,
    duplicateEdges: 0,
    header: 'columns',
    node: [0, '10'],
    arc: '20>30',
  },
  {
    file: 'names-not-header.txt',
    options: influences,
    nodes: 4,
    edges: 2,
    selfLoops: 0,
    duplicateEdges: 0,
    header: null,
    node: [0, 'alice'],
    arc: 'alice>bob',
  },
  {
    file: 'weights.txt',
    options: { ...influences, edgeValues: 'weight' },
    nodes: 3,
    edges: 2,
    selfLoops: 0,
    duplicateEdges: 1,
    header: null,
    node: [2, '3'],
    arc: '1>2',
  },
  {
    file: 'small.gexf',
    options: {},
    nodes: 4,
    edges: 3,
    selfLoops: 1,
    duplicateEdges: 1,
    header: null,
    node: [3, 'n3'],
    arc: 'n2>n0',
    noArc: 'n0>n2',
  },
  {
    file: 'small.graphml',
    options: {},
    nodes: 3,
    edges: 2,
    selfLoops: 0,
    duplicateEdges: 1,
    header: null,
    node: [2, 'c'],
    arc: 'c>b',
  },
  {
    file: 'mixed.graphml',
    options: {},
    nodes: 3,
    edges: 3,
    selfLoops: 0,
    duplicateEdges: 0,
    header: null,
    node: [0, 'x'],
    arc: 'z>y',
    noArc: 'y>x',
  },
  {
    file: 'small.json',
    options: {},
    nodes: 3,
    edges: 2,
    selfLoops: 1,
    duplicateEdges: 0,
    header: null,
    node: [1, 'u2'],
    arc: 'u2>u3',
    noArc: 'u2>u1',
  },
  {
    file: 'mixed.json',
    options: {},
    nodes: 3,
    edges: 3,
    selfLoops: 0,
    duplicateEdges: 0,
    header: null,
    node: [0, '1'],
    arc: '3>2',
    noArc: '2>1',
  },
];

describe('fixtures', () => {
  it.each(CASES)('$file', async (c) => {
    const g = await readGraphFile(fixture(c.file), c.options);
    checkShape(g);
    expect(g.report.file).toBe(fixture(c.file));
    expect({
      nodes: g.csr.n,
      edges: g.report.edges,
      selfLoops: g.report.selfLoops,
      duplicateEdges: g.report.duplicateEdges,
      header: g.report.header?.kind ?? null,
      node: g.ids[c.node[0]],
    }).toEqual({
      nodes: c.nodes,
      edges: c.edges,
      selfLoops: c.selfLoops,
      duplicateEdges: c.duplicateEdges,
      header: c.header,
      node: c.node[1],
    });
    expect(arcs(g)).toContain(c.arc);
    if (c.noArc) expect(arcs(g)).not.toContain(c.noArc);
  });

  it('reports lines, header text and skipped lines of an edge list', async () => {
    const g = await readGraphFile(fixture('comments.txt'), influences);
    expect(g.report).toMatchObject({
      format: 'edgelist',
      gzip: false,
      edgeLines: 5,
      skippedLines: 4,
      direction: 'influences',
    });
    expect(g.labels).toBeNull();
    expect(g.positions).toBeNull();
    const h = await readGraphFile(fixture('crlf-header.tsv'), { direction: 'undirected' });
    expect(h.report.header).toEqual({ line: 1, text: 'source\ttarget', kind: 'columns' });
    expect(h.report.skippedLines).toBe(1);
    const n = await readGraphFile(fixture('counts-header.txt'), influences);
    expect(n.report.header).toEqual({ line: 1, text: '5 4', kind: 'counts' });
    expect(n.report.edgeLines).toBe(4);
    expect(n.ids).toEqual(['0', '1', '2']);
    expect(n.report.warnings.join()).toContain('announces 5 nodes');
    expect(arcValue(n, '0', '1')).toBeCloseTo(0.75); // 1 - (1 - 0.5)(1 - 0.5)
    const r = await readGraphFile(fixture('counts-header-reused.txt'), influences);
    expect(r.ids).toEqual(['5', '6', '2', '7']);
  });

  it('keeps "007", "7" and "0007" as different nodes, quoted or not', async () => {
    const g = await readGraphFile(fixture('leading-zeros.txt'), influences);
    expect(g.ids).toEqual(['007', '7', '0007']);
    const q = await readGraphFile(fixture('quoted.csv'), influences);
    expect(q.ids).toEqual(['Ann Lee', 'Bob', 'Cy "C" Dee', '007', '7']);
    expect(arcValue(q, '7', 'Bob')).toBe(0.125);
  });

  it('reads the third column as probability, weight, or not at all', async () => {
    await expect(readGraphFile(fixture('weights.txt'), influences)).rejects.toThrow(
      /weights\.txt:1: value "3\.5"/,
    );
    const w = await readGraphFile(fixture('weights.txt'), { ...influences, edgeValues: 'weight' });
    expect(w.csr.values).toBe('weight');
    expect(arcValue(w, '1', '2')).toBe(4.5); // duplicates add up
    const i = await readGraphFile(fixture('weights.txt'), { ...influences, edgeValues: 'ignore' });
    expect(i.csr.values).toBeNull();
    expect(i.csr.outValues).toBeNull();
  });

  it('warns when every probability is exactly 1', async () => {
    const g = await load('a b 1\nb c 1\n', { file: 'ones.txt', direction: 'influences' });
    expect(g.report.warnings.join()).toContain('probability 1');
  });
});

describe('ids', () => {
  it('never mixes the integer and the string paths', async () => {
    // 2^24 goes through the Map, 2^31 - 1 is the largest integer id, 2^31 is read as a string.
    const g = await load('16777216 2147483647\n2147483648 16777216\n+5 5\n', {
      file: 'big-ids.txt',
      direction: 'influences',
    });
    expect(g.ids).toEqual(['16777216', '2147483647', '2147483648', '+5', '5']);
  });

  it('numbers more large integer ids than the small ones and strings could make', async () => {
    // Three lines, one small integer: five nodes, where small ones and strings alone make two.
    const g = await load('16777216 99999999\n0 16777216\n2147483647 123456789\n', {
      file: 'large-ids.txt',
      direction: 'influences',
    });
    expect(g.ids).toEqual(['16777216', '99999999', '0', '2147483647', '123456789']);
    expect(Array.from(g.csr.outOffsets)).toEqual([0, 1, 1, 2, 3, 3]);
    expect(Array.from(g.csr.outTargets)).toEqual([1, 0, 4]);
  });

  it('tells apart ids that repeat the previous line and ids that only look alike', async () => {
    const g = await load('ab x\nab y\nac x\n"ac" "y"\nab x\n', {
      file: 'repeat.txt',
      direction: 'influences',
    });
    expect(g.ids).toEqual(['ab', 'x', 'y', 'ac']);
    expect(arcs(g).sort()).toEqual(['ab>x', 'ab>y', 'ac>x', 'ac>y']);
    expect(g.report.duplicateEdges).toBe(1);
  });

  it('keeps UTF-8 ids and quoted ids with spaces in a whitespace-separated file', async () => {
    const g = await load('émile zoë\n"zoë" "a b"\n😀 émile\n', { file: 'utf8.txt', direction: 'influences' });
    expect(g.ids).toEqual(['émile', 'zoë', 'a b', '😀']);
    expect(arcs(g)).toContain('😀>émile');
  });
});

describe('direction', () => {
  it('reads "a b" as a -> b, b -> a, or both', async () => {
    const file = fixture('direction.txt');
    const inf = await readGraphFile(file, { direction: 'influences' });
    const fol = await readGraphFile(file, { direction: 'follows' });
    const und = await readGraphFile(file, { direction: 'undirected' });
    expect(arcs(inf).sort()).toEqual(['a>b', 'b>c']);
    expect(arcs(fol).sort()).toEqual(['b>a', 'c>b']);
    expect(arcs(und).sort()).toEqual(['a>b', 'b>a', 'b>c', 'c>b']);
    expect([inf.csr.directed, fol.csr.directed, und.csr.directed]).toEqual([true, true, false]);
    expect([inf.report.edges, fol.report.edges, und.report.edges]).toEqual([2, 2, 2]);
    // Node order is first appearance in the file whatever the direction.
    expect(fol.ids).toEqual(['a', 'b', 'c']);
  });

  it('treats "a b" and "b a" as one edge only when undirected', async () => {
    const text = 'a b\nb a\n';
    expect((await load(text, { file: 'x.txt', direction: 'undirected' })).report.duplicateEdges).toBe(1);
    expect((await load(text, { file: 'x.txt', direction: 'influences' })).report.duplicateEdges).toBe(0);
  });

  it('takes XML/JSON direction from the file, and lets an explicit one override it', async () => {
    const gexf = await readGraphFile(fixture('small.gexf'));
    expect(gexf.report.direction).toBe('influences');
    const reversed = await readGraphFile(fixture('small.gexf'), { direction: 'follows' });
    expect(arcs(reversed)).toContain('n0>n2');
    expect(reversed.report.warnings).toEqual([]);
    const graphml = await readGraphFile(fixture('small.graphml'));
    expect(graphml.report.direction).toBe('undirected');
    expect(graphml.report.warnings).toEqual([]);
    const forced = await readGraphFile(fixture('small.graphml'), { direction: 'follows' });
    expect(forced.report.direction).toBe('follows');
    expect(forced.report.warnings.join()).toMatch(/declared undirected/);
    expect(arcs(forced).sort()).toEqual(['a>b', 'b>a', 'c>b']); // a-b and b-a are now two arcs
  });

  it('stores the undirected edges of a mixed graph both ways', async () => {
    const g = await readGraphFile(fixture('mixed.graphml'));
    expect(g.report.direction).toBe('influences');
    expect(arcs(g).sort()).toEqual(['x>y', 'y>z', 'z>y']);
    expect(g.report.warnings.join()).toContain('mixed graph');
    const j = await readGraphFile(fixture('mixed.json'));
    expect(arcs(j).sort()).toEqual(['1>2', '2>3', '3>2']);
  });
});

describe('gzip', () => {
  it('reads .gz of an edge list and of GEXF, detected by magic bytes', async () => {
    const plain = readFileSync(fixture('comments.txt'));
    const g = await load(gzipSync(plain), { file: 'comments.txt.gz', direction: 'influences' });
    expect(g.report).toMatchObject({
      gzip: true,
      format: 'edgelist',
      edges: 3,
      selfLoops: 1,
      duplicateEdges: 1,
    });
    const x = await load(gzipSync(readFileSync(fixture('small.gexf'))), { file: 'graph.gz' });
    expect(x.report).toMatchObject({ gzip: true, format: 'gexf', edges: 3 });
  });
});

describe('XML and JSON attributes', () => {
  it('GEXF: labels, viz positions, weights merged as probabilities', async () => {
    const g = await readGraphFile(fixture('small.gexf'));
    expect(g.report.format).toBe('gexf');
    expect(g.labels).toEqual(['Ann', 'Bob', 'Cy', 'Dee']);
    expect(Array.from(g.positions ?? [])).toEqual([1.5, -2, 0, 3, 10, 10, -1, -1]);
    expect(g.csr.values).toBe('probability');
    expect(arcValue(g, 'n0', 'n1')).toBeCloseTo(0.75);
    expect(g.report.edgeLines).toBe(5);
  });

  it('GraphML: labels from data keys; positions only when every node has them', async () => {
    const g = await readGraphFile(fixture('small.graphml'));
    expect(g.labels).toEqual(['Alpha', 'Beta', null]);
    expect(g.positions).toBeNull();
    expect(arcValue(g, 'b', 'c')).toBe(0.2);
  });

  it('JSON: labels, x/y positions, weights', async () => {
    const g = await readGraphFile(fixture('small.json'));
    expect(g.report.format).toBe('json');
    expect(g.labels).toEqual(['User 1', 'User 2', null]);
    expect(Array.from(g.positions ?? [])).toEqual([0, 0, 1, 0, 0, 1]);
    expect(arcValue(g, 'u1', 'u2')).toBe(0.3);
  });

  it('detects the format by content whatever the extension', async () => {
    const g = await load(readFileSync(fixture('small.json')), { file: 'graph.txt' });
    expect(g.report.format).toBe('json');
    const x = await load(readFileSync(fixture('small.graphml')), { file: 'export.xml' });
    expect(x.report.format).toBe('graphml');
  });
});

const GEXF_HEAD = '<?xml version="1.0"?>\n<gexf version="1.3">\n<graph defaultedgetype="directed">\n';

/** [file, content, options, fragments the message must contain]. */
const BAD: [string, string | Uint8Array, Omit<LoadOptions, 'file'>, string[]][] = [
  ['empty.txt', '', influences, ['empty.txt', 'empty file']],
  ['only-comments.txt', '# nothing\n% here\n\n', influences, ['only-comments.txt', 'no edges']],
  ['header-only.csv', 'source,target\n', influences, ['header-only.csv', 'no edges']],
  [
    'garbage.bin',
    Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 0, 0, 0, 0x3e]),
    influences,
    ['garbage.bin', 'binary data', 'NUL'],
  ],
  [
    'latin1.txt',
    Uint8Array.from([0x61, 0x20, 0xe9, 0x0a, 0xe9, 0x20, 0x62]),
    influences,
    ['latin1.txt', 'invalid UTF-8'],
  ],
  [
    'utf16.txt',
    Uint8Array.from([0xff, 0xfe, 0x31, 0, 0x20, 0, 0x32, 0]),
    influences,
    ['utf16.txt', 'UTF-16'],
  ],
  [
    'one-column.txt',
    '1 2\n3\n',
    influences,
    ['one-column.txt:2:', 'only one column', 'source target [value]'],
  ],
  ['bad-weight.txt', '1 2 0.5\n2 3 abc\n', influences, ['bad-weight.txt:2:', '"abc"', 'not a number']],
  [
    'bad-probability.txt',
    '1 2 0.5\n2 3 1.5\n',
    influences,
    ['bad-probability.txt:2:', '"1.5"', '[0,1]', "edgeValues 'weight'"],
  ],
  ['negative.txt', '1 2 -1\n', { ...influences, edgeValues: 'weight' }, ['negative.txt:1:', '"-1"', '>= 0']],
  [
    'four-columns.txt',
    '1 2\n1 2 0.5 9\n',
    influences,
    ['four-columns.txt:2:', '4 columns', 'source target [value]'],
  ],
  ['ragged.txt', '1 2\n2 3\n3 4 0.5\n', influences, ['ragged.txt:3:', '3 columns but line 1 has 2']],
  [
    'ragged-first.txt',
    '5 3\n0 1 0.5\n1 2 0.5\n',
    influences,
    ['ragged-first.txt:1:', '2 columns but line 2 has 3'],
  ],
  [
    'no-direction.txt',
    '1 2\n',
    {},
    ['no-direction.txt', "'undirected'", "'influences'", "'follows'", 'follows b'],
  ],
  ['late-nul.txt', `${'1 2\n'.repeat(20000)}3\u00004\n`, influences, ['late-nul.txt:20001:', 'NUL byte']],
  [
    'tab-then-space.tsv',
    '1\t2\n3 4\n',
    influences,
    ['tab-then-space.tsv:2:', 'only one column ("3 4")', 'separated by tabs'],
  ],
  ['unclosed.csv', 'a,b\na,"b\n', influences, ['unclosed.csv:2:', 'quoted field']],
  ['empty-field.csv', 'a,b\na,,b\n', influences, ['empty-field.csv:2:', 'column 2 is empty']],
  ['after-quote.csv', 'a,b\n"a"x,b\n', influences, ['after-quote.csv:2:', 'after a closing quote']],
  [
    'truncated.gexf',
    `${GEXF_HEAD}<nodes>\n<node id="a"/>\n<node id="b`,
    {},
    ['truncated.gexf', 'not well-formed XML', 'truncated'],
  ],
  ['not-xml.gexf', 'hello, world', {}, ['not-xml.gexf', 'not well-formed XML']],
  [
    'no-graph.gexf',
    '<?xml version="1.0"?>\n<gexf version="1.3"><meta/></gexf>\n',
    {},
    ['no-graph.gexf', '<graph>'],
  ],
  [
    'no-graph.graphml',
    '<graphml>\n<key id="d0" for="node"/>\n</graphml>\n',
    {},
    ['no-graph.graphml', '<graph>'],
  ],
  [
    'no-edges.gexf',
    `${GEXF_HEAD}<nodes><node id="a"/></nodes>\n</graph></gexf>`,
    {},
    ['no-edges.gexf', 'no edges'],
  ],
  [
    'dangling.gexf',
    `${GEXF_HEAD}<nodes><node id="a"/></nodes>\n<edges>\n<edge id="e1" source="a" target="zz"/>\n</edges></graph></gexf>`,
    {},
    ['dangling.gexf:6:', 'edge id="e1"', 'target "zz" is not the id of any <node>'],
  ],
  [
    'bad-weight.gexf',
    `${GEXF_HEAD}<nodes><node id="a"/><node id="b"/></nodes>\n<edges><edge id="e0" source="a" target="b" weight="2"/></edges></graph></gexf>`,
    {},
    ['bad-weight.gexf', 'edge id="e0"', 'weight 2', 'not a probability', "edgeValues 'weight'"],
  ],
  [
    'some-weights.graphml',
    '<graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/><graph edgedefault="directed"><node id="a"/><node id="b"/>\n<edge source="a" target="b"><data key="w">0.5</data></edge>\n<edge id="e2" source="b" target="a"/></graph></graphml>',
    {},
    ['some-weights.graphml:3:', 'edge id="e2"', 'no weight'],
  ],
  [
    'duplicate-node.graphml',
    '<graphml><graph edgedefault="directed">\n<node id="a"/>\n<node id="a"/></graph></graphml>',
    {},
    ['duplicate-node.graphml:3:', 'used by an earlier <node>'],
  ],
  ['bad.json', '{\n"nodes": [\n}', {}, ['bad.json:3:', 'not valid JSON']],
  ['not-graph.json', '{"hello": 1}', {}, ['not-graph.json', '"nodes" and "edges"']],
  [
    'dangling.json',
    '{"nodes":[{"key":"a"}],"edges":[{"source":"a","target":"b"}]}',
    {},
    ['dangling.json', 'edges[0]', 'target "b"'],
  ],
  [
    'gz.txt.gz',
    gzipSync('1 2\n'.repeat(1000)).subarray(0, 40),
    influences,
    ['gz.txt.gz', 'gzip data is corrupt or truncated'],
  ],
  ['gz-empty.txt.gz', gzipSync(''), influences, ['gz-empty.txt.gz', 'empty file (after gunzip)']],
  ['unknown.xml', '<svg></svg>', {}, ['unknown.xml', 'no <gexf> or <graphml>']],
];

describe('bad input gets one clear LoadError', () => {
  it.each(BAD)('%s', async (file, content, options, fragments) => {
    const error = await load(content, { file, ...options }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LoadError);
    const message = (error as LoadError).message;
    for (const fragment of fragments) expect(message).toContain(fragment);
  });

  it('needs a DOMParser for XML and a gunzip for .gz', async () => {
    const gexf = readFileSync(fixture('small.gexf'));
    await expect(load(gexf, { file: 'g.gexf', DOMParser: undefined })).rejects.toThrow(
      /g\.gexf: .*DOMParser/,
    );
    await expect(
      load(gzipSync('1 2\n'), { file: 'e.txt.gz', direction: 'influences', gunzip: undefined }),
    ).rejects.toThrow(/e\.txt\.gz: .*gzip-compressed/);
  });

  it('turns a missing file into a LoadError', async () => {
    await expect(readGraphFile('/nonexistent/graph.txt', influences)).rejects.toThrow(
      /\/nonexistent\/graph\.txt: cannot read the file \(no such file\)/,
    );
    await expect(readGraphFile(fileURLToPath(FIXTURES), influences)).rejects.toBeInstanceOf(LoadError);
  });
});

describe('injected services', () => {
  it('reads the <parsererror> document a browser DOMParser returns', async () => {
    // What Chrome's DOMParser gives for a broken file, built with xmldom for the test.
    const { DOMParser } = await import('@xmldom/xmldom');
    class BrowserLikeParser {
      parseFromString(): Document {
        const page =
          '<gexf><parsererror><div>error on line 3 at column 7: Opening and ending tag mismatch</div></parsererror></gexf>';
        return new DOMParser().parseFromString(page, 'application/xml') as unknown as Document;
      }
    }
    await expect(load('<gexf><graph>', { file: 'b.gexf', DOMParser: BrowserLikeParser })).rejects.toThrow(
      /^b\.gexf:3: not well-formed XML \(error on line 3 at column 7/,
    );
  });

  it('src/graph uses no Node API and no DOM global (it runs in browser workers)', () => {
    const dir = fileURLToPath(new URL('../../src/graph/', import.meta.url));
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(dir + name, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '') // comments may mention them
        .replace(/^\s*\/\/.*$/gm, '');
      expect(source, name).not.toMatch(/from '(node:|fs|path|zlib|@xmldom)/);
      expect(source, name).not.toMatch(/\b(Buffer|process|window|document|require)\b[.(]/);
      expect(source, name).not.toMatch(/new DOMParser\b|globalThis\.DOMParser/);
    }
  });
});

describe('options', () => {
  it('fills defaults', () => {
    expect(resolveLoadOptions({ file: 'a.txt' })).toEqual({
      file: 'a.txt',
      direction: null,
      edgeValues: 'probability',
      header: 'auto',
      format: null,
      gunzip: null,
      DOMParser: null,
      maxEdges: 200_000_000,
      maxTextBytes: null,
      sizeHint: null,
      nodeAttribute: null,
      edgeListTail: null,
    });
  });

  it.each([
    [{ file: 'a.txt', directed: true }, "unknown load option 'directed'"],
    [
      { file: 'a.txt', direction: 'both' },
      `option 'direction' must be 'undirected', 'influences', 'follows'; got "both"`,
    ],
    [
      { file: 'a.txt', edgeValues: 'weights' },
      `option 'edgeValues' must be 'probability', 'weight', 'ignore'`,
    ],
    [{ file: 'a.txt', header: true }, "option 'header' must be 'auto', 'yes', 'no'; got true"],
    [{ file: 'a.txt', format: 'csv' }, "option 'format' must be 'edgelist', 'gexf', 'graphml', 'json'"],
    [{ file: 'a.txt', gunzip: 'zlib' }, "option 'gunzip' must be a function"],
    [
      { file: 'a.txt', edgeListTail: { at: 1.5, read: () => null } },
      "option 'edgeListTail' must be {at, read}",
    ],
    [{ file: '' }, "option 'file' must be a non-empty string"],
    [null, 'load options must be an object'],
  ])('rejects %j', (options, message) => {
    expect(() => resolveLoadOptions(options)).toThrow(LoadError);
    expect(() => resolveLoadOptions(options)).toThrow(message);
  });

  it('header: yes and no override detection', async () => {
    const yes = await load('1 5\n2 3\n3 1\n', { file: 'h.txt', direction: 'influences', header: 'yes' });
    expect(yes.report.header).toMatchObject({ kind: 'columns', text: '1 5' });
    expect(yes.report.edges).toBe(2);
    const no = await load('5 4\n0 1\n1 2\n2 3\n3 4\n', {
      file: 'h.txt',
      direction: 'influences',
      header: 'no',
    });
    expect(no.report.header).toBeNull();
    expect(no.ids[0]).toBe('5');
    const counts = await load('3 2\n0 1\n1 2\n', { file: 'h.txt', direction: 'influences', header: 'yes' });
    expect(counts.report.header?.kind).toBe('counts');
    const single = await load('edges\n1 2\n', { file: 'h.txt', direction: 'influences', header: 'yes' });
    expect(single.report.header).toEqual({ line: 1, text: 'edges', kind: 'columns' });
    expect(single.report.edgeLines).toBe(1);
  });
});
