/**
 * The real datasets load with their published counts (see datasets/README.md): SNAP edge lists
 * with CRLF and # comments, NetHEPT with its "n m" header and probabilities, a gzip archive.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import type { LoadOptions } from '../../src/graph/load.ts';
import { checkShape } from './support.ts';

const DATASETS = fileURLToPath(new URL('../../datasets/', import.meta.url));

interface Expected {
  file: string;
  options: Omit<LoadOptions, 'file'>;
  nodes: number;
  edges: number;
  selfLoops: number;
  duplicateEdges: number;
  edgeLines: number;
}

const CASES: Expected[] = [
  {
    file: 'facebook_combined.txt',
    options: { direction: 'undirected' },
    nodes: 4039,
    edges: 88234,
    selfLoops: 0,
    duplicateEdges: 0,
    edgeLines: 88234,
  },
  {
    file: 'Wiki-Vote.txt',
    options: { direction: 'influences' },
    nodes: 7115,
    edges: 103689,
    selfLoops: 0,
    duplicateEdges: 0,
    edgeLines: 103689,
  },
  // 25,571 lines, 642 of them self-loops: 24,929 distinct arcs.
  {
    file: 'email-Eu-core.txt',
    options: { direction: 'influences' },
    nodes: 1005,
    edges: 24929,
    selfLoops: 642,
    duplicateEdges: 0,
    edgeLines: 25571,
  },
  // 32,235 distinct ordered pairs, 22 of them loops; 26,656 repeated lines, 17 of them loops.
  {
    file: 'NetHEPT.txt',
    options: { direction: 'influences', edgeValues: 'probability' },
    nodes: 15233,
    edges: 32213,
    selfLoops: 39,
    duplicateEdges: 26639,
    edgeLines: 58891,
  },
  {
    file: 'NetHEPT.txt',
    options: { direction: 'undirected', edgeValues: 'probability' },
    nodes: 15233,
    edges: 31376,
    selfLoops: 39,
    duplicateEdges: 27476,
    edgeLines: 58891,
  },
  {
    file: 'soc-Slashdot0902.txt.gz',
    options: { direction: 'influences' },
    nodes: 82168,
    edges: 948464 - 78303,
    selfLoops: 78303,
    duplicateEdges: 0,
    edgeLines: 948464,
  },
];

describe('real datasets', () => {
  it.each(CASES)('$file ($options.direction)', async (c) => {
    const g = await readGraphFile(DATASETS + c.file, c.options);
    checkShape(g);
    const { report } = g;
    expect({
      nodes: g.csr.n,
      edges: report.edges,
      selfLoops: report.selfLoops,
      duplicateEdges: report.duplicateEdges,
      edgeLines: report.edgeLines,
    }).toEqual({
      nodes: c.nodes,
      edges: c.edges,
      selfLoops: c.selfLoops,
      duplicateEdges: c.duplicateEdges,
      edgeLines: c.edgeLines,
    });
    expect(report.warnings).toEqual([]);
  });

  it('recognises the NetHEPT "n m" header and keeps its probabilities', async () => {
    const g = await readGraphFile(`${DATASETS}NetHEPT.txt`, { direction: 'influences' });
    expect(g.report.header).toEqual({ line: 1, text: '15233 58891', kind: 'counts' });
    expect(g.csr.values).toBe('probability');
    expect(g.ids.slice(0, 3)).toEqual(['0', '1', '184']);
    const values = Array.from(g.csr.outValues ?? []);
    expect(values.every((p) => p > 0 && p <= 1)).toBe(true);
  });

  it('skips the # comments and CRLF of SNAP files', async () => {
    const g = await readGraphFile(`${DATASETS}Wiki-Vote.txt`, { direction: 'influences' });
    expect(g.report).toMatchObject({ skippedLines: 4, header: null, format: 'edgelist', gzip: false });
    expect(g.ids[0]).toBe('30');
    const s = await readGraphFile(`${DATASETS}soc-Slashdot0902.txt.gz`, { direction: 'follows' });
    expect(s.report).toMatchObject({ skippedLines: 4, gzip: true, direction: 'follows' });
  });
});
