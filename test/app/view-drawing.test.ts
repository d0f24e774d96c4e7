/**
 * The drawing sigma shows is built in slices: the whole drawn graph with each node's index, id
 * and degree-scaled size; the same start positions every time; and nothing when a newer graph
 * arrives halfway (the builder yields and checks).
 */
import { describe, expect, it } from 'vitest';
import type { GraphState } from '../../src/app/state/types.ts';
import { buildDrawing } from '../../src/app/view/drawing.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { compileCsr, inDegrees, outDegrees } from '../../src/graph/csr.ts';
import { smallWorld } from '../../src/graph/small-world.ts';
import type { LoadedGraph } from '../../src/graph/types.ts';

function stateOf(loaded: LoadedGraph): GraphState {
  return {
    loaded,
    source: { kind: 'bundled', file: 'test' },
    name: 'test',
    facts: {
      components: 1,
      largestComponent: loaded.csr.n,
      outDegree: outDegrees(loaded.csr),
      inDegree: inDegrees(loaded.csr),
      pagerank: null,
    },
    index: new Map(loaded.ids.map((id, i) => [id, i])),
    serial: 1,
  };
}

describe('buildDrawing', () => {
  it('draws the karate club whole: 34 nodes with their ids, 78 edges, sizes by degree', async () => {
    const state = stateOf(await readGraphFile('datasets/karate.txt', { direction: 'undirected' }));
    const drawing = await buildDrawing(state, () => false);
    if (!drawing) throw new Error('no drawing');
    const { graph, plan } = drawing;
    expect(plan.cut).toBe(false);
    expect(graph.order).toBe(34);
    expect(graph.size).toBe(78);
    const ids = state.loaded.ids;
    graph.forEachNode((key, a) => {
      expect(a.i).toBe(Number(key));
      expect(a.label).toBe(ids[a.i]);
    });
    // The instructor (id 0, degree 16) and the president (id 33, degree 17) are the largest.
    const bySize = graph
      .nodes()
      .sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size'));
    expect(
      bySize
        .slice(0, 2)
        .map((k) => ids[Number(k)])
        .sort(),
    ).toEqual(['0', '33']);
    // Start positions are seeded: the same on every build.
    const again = await buildDrawing(state, () => false);
    expect(again?.graph.getNodeAttributes('5')).toEqual(graph.getNodeAttributes('5'));
  });

  it('yields while building a large drawing, and gives up when a newer graph arrives', async () => {
    const n = 9000;
    const { edges } = smallWorld({ n, k: 20, beta: 0.1, rngSeed: 2 });
    const compiled = compileCsr(
      {
        n,
        count: edges.length,
        src: Uint32Array.from(edges.map((e) => e[0])),
        dst: Uint32Array.from(edges.map((e) => e[1])),
        values: null,
        valueKind: null,
      },
      'undirected',
    );
    const loaded = {
      csr: compiled.csr,
      ids: Array.from({ length: n }, (_, i) => String(i)),
      labels: null,
      positions: null,
      report: { direction: 'undirected' },
    } as unknown as LoadedGraph;
    const state = stateOf(loaded);
    let checks = 0;
    expect(await buildDrawing(state, () => ++checks > 1)).toBeNull();
    expect(checks).toBe(2); // it yielded twice, and stopped at the second check
    const whole = await buildDrawing(state, () => false);
    expect(whole?.graph.size).toBe(90_000);
  });
});
