/**
 * Prototype safety: node ids and attribute names such as "__proto__", "constructor", "toString",
 * "hasOwnProperty" and "previous" are plain data in every format. Loading them leaves the built-in
 * prototypes exactly as they were (graphology's multigraph index, behind graphology-gexf and
 * graphology-graphml, set Object.prototype.previous for a node id "__proto__"), and the ids come
 * through verbatim, each its own node, with parallel edges between them merged as for any id.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { LoadOptions } from '../../src/graph/load.ts';
import { prototypeSnapshot, snapshotChanges } from '../support/prototype-watch.ts';
import { arcs, checkShape, load } from './support.ts';

const IDS = ['a', 'constructor', 'toString', 'hasOwnProperty', 'previous', 'valueOf', '__proto__'];
/** Every ordered pair twice, so each pair has parallel edges in both directions. */
const PAIRS: [string, string][] = [];
for (let rep = 0; rep < 2; rep++) for (const s of IDS) for (const t of IDS) if (s !== t) PAIRS.push([s, t]);

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function edgeList(delimiter: string, header: string): string {
  return header + PAIRS.map(([s, t]) => `${s}${delimiter}${t}${delimiter}0.5`).join('\n') + '\n';
}

function gexf(): string {
  const attributes = IDS.map((id, i) => `<attribute id="${i}" title="${xml(id)}" type="string"/>`);
  const byId = IDS.map((id) => `<attribute id="${xml(id)}" title="t" type="double"/>`);
  const values = IDS.map((id, i) => `<attvalue for="${i}" value="v"/><attvalue for="${xml(id)}" value="1"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '<graph defaultedgetype="directed">',
    `<attributes class="node">${attributes.join('')}${byId.join('')}</attributes>`,
    `<attributes class="edge">${attributes.join('')}</attributes>`,
    '<nodes>',
    ...IDS.map(
      (id) => `<node id="${xml(id)}" label="${xml(id)}"><attvalues>${values.join('')}</attvalues></node>`,
    ),
    '</nodes><edges>',
    ...PAIRS.map(
      ([s, t], i) =>
        `<edge id="${i < IDS.length ? xml(IDS[i]) : `e${i}`}" source="${xml(s)}" target="${xml(t)}" weight="0.5"><attvalues>${values.join('')}</attvalues></edge>`,
    ),
    '</edges></graph></gexf>',
  ].join('\n');
}

function graphml(edgedefault: 'directed' | 'undirected'): string {
  const keys = IDS.flatMap((id) => [
    `<key id="${xml(id)}" for="all" attr.name="${xml(id)}" attr.type="string"/>`,
    `<key id="k-${xml(id)}" for="node" attr.name="${xml(id)}" attr.type="double"><default>1</default></key>`,
  ]);
  const data = IDS.map((id) => `<data key="${xml(id)}">v</data><data key="undeclared-${xml(id)}">w</data>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '<key id="w" for="edge" attr.name="weight" attr.type="double"/>',
    ...keys,
    `<graph id="__proto__" edgedefault="${edgedefault}">`,
    ...IDS.map((id) => `<node id="${xml(id)}">${data.join('')}</node>`),
    ...PAIRS.map(
      ([s, t], i) =>
        `<edge id="${i < IDS.length ? xml(IDS[i]) : `e${i}`}" source="${xml(s)}" target="${xml(t)}"><data key="w">0.5</data>${data.join('')}</edge>`,
    ),
    '</graph></graphml>',
  ].join('\n');
}

function json(): string {
  // Written by hand: JSON.stringify of an object literal cannot hold an own "__proto__" key.
  const attributes = `{${IDS.map((id) => `"${id}": {"polluted": true}`).join(', ')}, "label": "x"}`;
  const nodes = IDS.map((id) => `{"key": "${id}", "attributes": ${attributes}}`);
  const edges = PAIRS.map(
    ([s, t]) =>
      `{"source": "${s}", "target": "${t}", "attributes": {"__proto__": {"weight": 7}, "weight": 0.5}}`,
  );
  return `{"__proto__": {"polluted": true}, "options": {"type": "directed", "multi": true, "__proto__": {"type": "x"}}, "nodes": [${nodes.join(', ')}], "edges": [${edges.join(', ')}]}`;
}

const CASES: [string, string | Uint8Array, Omit<LoadOptions, 'file'>][] = [
  ['ids.txt', edgeList(' ', ''), { direction: 'influences' }],
  ['ids-undirected.txt', edgeList(' ', ''), { direction: 'undirected' }],
  ['ids.csv', edgeList(',', 'source,target,weight\n'), { direction: 'influences' }],
  ['ids.tsv', edgeList('\t', ''), { direction: 'follows' }],
  ['ids.txt.gz', gzipSync(edgeList(' ', '')), { direction: 'influences' }],
  ['ids.gexf', gexf(), {}],
  ['ids-undirected.gexf', gexf().replace('defaultedgetype="directed"', 'defaultedgetype="undirected"'), {}],
  ['ids.graphml', graphml('directed'), {}],
  ['ids-undirected.graphml', graphml('undirected'), {}],
  ['ids.graphml.gz', gzipSync(graphml('undirected')), {}],
  ['ids.json', json(), {}],
];

describe('ids and attribute names that are Object.prototype members', () => {
  it.each(CASES)('%s', async (file, content, options) => {
    const before = prototypeSnapshot();
    const g = await load(content, { file, ...options });
    expect(snapshotChanges(before, prototypeSnapshot())).toEqual([]);
    expect(({} as Record<string, unknown>).previous).toBeUndefined();
    checkShape(g);
    expect(g.ids).toEqual(IDS); // verbatim, first-appearance (or declaration) order
    expect(g.csr.n).toBe(IDS.length);
    const directed = g.csr.directed;
    const pairs = IDS.length * (IDS.length - 1);
    expect(g.report.edges).toBe(directed ? pairs : pairs / 2);
    expect(g.report.duplicateEdges).toBe(directed ? pairs : (3 * pairs) / 2);
    expect(arcs(g)).toContain('__proto__>constructor');
    expect(arcs(g)).toContain('toString>__proto__');
    // Two parallel edges per arc, four per undirected pair, merged as independent chances.
    const merged = directed ? 1 - 0.5 ** 2 : 1 - 0.5 ** 4;
    if (g.csr.values) expect(g.csr.outValues?.every((v) => v === merged)).toBe(true);
  });

  it('reads the wanted attributes even when others are named like prototype members', async () => {
    const x = await load(gexf(), { file: 'ids.gexf' });
    expect(x.labels).toEqual(IDS);
    const j = await load(json(), { file: 'ids.json' });
    expect(j.labels).toEqual(IDS.map(() => 'x'));
    expect(j.csr.values).toBe('probability'); // the own "weight" 0.5, never the "__proto__" object's 7
  });
});
