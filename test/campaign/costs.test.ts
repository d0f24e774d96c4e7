/**
 * Costs per account: the costs table (header, quoting, and one line naming file, line and problem
 * for an unknown id, a negative or non-numeric cost, a duplicate id), the formula, a node
 * attribute of GEXF / GraphML / JSON files, and accounts left without a cost.
 */
import { describe, expect, it } from 'vitest';
import {
  attributeCosts,
  CostsError,
  completeCosts,
  csvFields,
  formulaCosts,
  mostAffordable,
  parseCostsTable,
} from '../../src/campaign/costs.ts';
import { nodeLoadServices } from '../../src/cli/common/read-graph-file.ts';
import { loadGraph } from '../../src/graph/load.ts';
import { csrOf } from '../support/graphs.ts';

const ids = ['a', 'b', 'c', '__proto__'];
const parse = (text: string) => parseCostsTable(text, 'prices.csv', ids);
const problem = (text: string) => {
  try {
    parse(text);
  } catch (e) {
    expect(e).toBeInstanceOf(CostsError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('costs table', () => {
  it('reads id,cost lines by id, exactly as written', () => {
    const t = parse('\ufeffId , Cost\r\na,10\n# a comment\n\n"__proto__",0\nc, 2.5e1\n');
    expect([...t.costs].map((c) => (Number.isNaN(c) ? null : c))).toEqual([10, null, 25, 0]);
    expect(t.matched).toBe(3);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('splits quoted fields', () => {
    expect(csvFields('"a,b",3')).toEqual(['a,b', '3']);
    expect(csvFields('"say ""hi""",1')).toEqual(['say "hi"', '1']);
    expect(csvFields('"open,1')).toBeNull();
  });

  it('names the file, the line and the problem', () => {
    expect(problem('id,cost\na,1\nzz,2\n')).toBe("prices.csv:3: account 'zz' is not in the graph");
    expect(problem('id,cost\na,-1\n')).toBe(
      'prices.csv:2: the cost -1 is negative; costs are >= 0 (0 = a free seed)',
    );
    expect(problem('id,cost\na,ten\n')).toBe("prices.csv:2: the cost 'ten' is not a number");
    expect(problem('id,cost\na,0x10\n')).toBe("prices.csv:2: the cost '0x10' is not a number");
    expect(problem('id,cost\na,\n')).toBe('prices.csv:2: the cost is empty');
    expect(problem('id,cost\na,1\n\na,2\n')).toBe(
      "prices.csv:4: account 'a' is listed twice (first on line 2)",
    );
    expect(problem('id,cost\na,1,2\n')).toBe("prices.csv:2: expected 'id,cost' (two fields), got 'a,1,2'");
    expect(problem('name,price\na,1\n')).toBe(
      "prices.csv:1: expected the header line 'id,cost', got 'name,price'",
    );
    expect(problem('')).toMatch(/^prices\.csv:1: the file is empty/);
    expect(problem('id,cost\na,1e999\n')).toBe("prices.csv:2: the cost '1e999' is too large");
    expect(problem('id,cost\n\u001b[31m,1\n')).toBe("prices.csv:2: account '\\x1b[31m' is not in the graph");
  });

  it('accounts without a cost: an error naming them, or the default cost', () => {
    const t = parse('id,cost\na,1\n');
    expect(() => completeCosts(t.costs.slice(), ids, null, 'prices.csv')).toThrow(
      "prices.csv: 3 of 4 accounts have no cost: 'b', 'c', '__proto__'; give them one, or set a default cost (--default-cost)",
    );
    expect([...completeCosts(t.costs.slice(), ids, 7, 'prices.csv')]).toEqual([1, 7, 7, 7]);
    const many = Array.from({ length: 9 }, (_, i) => `n${i}`);
    expect(() => completeCosts(new Float64Array(9).fill(Number.NaN), many, null, 'f')).toThrow(
      "9 of 9 accounts have no cost: 'n0', 'n1', 'n2', 'n3', 'n4' and 4 more",
    );
  });
});

describe('formula and attribute', () => {
  it('flat plus per follower (out-arcs in the reach direction)', () => {
    const csr = csrOf(3, [
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect([...formulaCosts(csr, 5, 2)]).toEqual([9, 7, 5]);
    expect(() => formulaCosts(csr, -1, 0)).toThrow('cost-flat: expected a number >= 0, got -1');
    expect(mostAffordable(Float64Array.from([9, 7, 5]), 12)).toBe(2);
    expect(mostAffordable(Float64Array.from([9, 7, 5]), 4)).toBe(0);
  });

  it('reads a node attribute of GEXF, GraphML and JSON files', async () => {
    const gexf = `<?xml version="1.0"?><gexf><graph defaultedgetype="directed"><attributes class="node"><attribute id="0" title="price" type="double"/></attributes>
      <nodes><node id="x"><attvalues><attvalue for="0" value="12.5"/></attvalues></node><node id="y"/></nodes>
      <edges><edge source="x" target="y"/></edges></graph></gexf>`;
    const graphml = `<?xml version="1.0"?><graphml><key id="k" for="node" attr.name="price" attr.type="double"/><graph edgedefault="directed">
      <node id="x"><data key="k">3</data></node><node id="y"><data key="k">4</data></node><edge source="x" target="y"/></graph></graphml>`;
    const json = JSON.stringify({
      nodes: [
        { key: 'x', attributes: { price: 2 } },
        { key: 'y', attributes: { price: '1.5' } },
      ],
      edges: [{ source: 'x', target: 'y' }],
    });
    const load = (text: string, file: string) =>
      loadGraph(new TextEncoder().encode(text), {
        file,
        direction: 'influences',
        nodeAttribute: 'price',
        ...nodeLoadServices,
      });
    expect((await load(gexf, 'g.gexf')).nodeAttribute?.values).toEqual([12.5, undefined]);
    expect((await load(graphml, 'g.graphml')).nodeAttribute?.values).toEqual([3, 4]);
    const j = await load(json, 'g.json');
    expect([...attributeCosts(j.nodeAttribute?.values ?? [], 'price', 'g.json', j.ids)]).toEqual([2, 1.5]);
    await expect(load('a b\n', 'g.txt')).rejects.toThrow(
      "an edge list has no node attributes, so no attribute 'price'",
    );
    await expect(
      loadGraph(new TextEncoder().encode(json), {
        file: 'g.json',
        direction: 'influences',
        nodeAttribute: 'cost',
      }),
    ).rejects.toThrow("no node has the attribute 'cost'");
    expect(() => attributeCosts([1, 'lots'], 'price', 'g.json', ['x', 'y'])).toThrow(
      "g.json: account 'y', attribute 'price': the cost 'lots' is not a number",
    );
  });
});
