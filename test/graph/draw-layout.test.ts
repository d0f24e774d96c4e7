/**
 * Precomputed layouts (src/graph/draw-layout.ts, `ripple layout`): ForceAtlas2 pulls tied nodes
 * together; a layout file names exactly the nodes the app draws; reading one rejects what is not a
 * layout with a message saying why; and every bundled layout in datasets/layouts/ covers its
 * dataset's drawing, is far tighter than a random start, and (for the small ones) is exactly what
 * `ripple layout` writes today (set RIPPLE_WRITE_DATASETS=1 to write them again).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pagerank } from '../../src/analysis/centrality/pagerank.ts';
import { readManifest } from '../../src/cli/common/datasets.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { computeLayout, type LayoutFile, parseLayoutFile } from '../../src/graph/draw-layout.ts';
import { planDrawing } from '../../src/graph/draw-plan.ts';
import type { LoadedGraph } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';
import { rippleInProcess } from '../support/cli-in-process.ts';
import { load } from './support.ts';

const DATASETS = fileURLToPath(new URL('../../datasets/', import.meta.url));
const layoutPath = (file: string) => `${DATASETS}layouts/${file}.json`;

/** Mean length of the drawn edges over the mean distance of random node pairs (1 for a random layout). */
function tightness(loaded: LoadedGraph, layout: { ids: string[]; xy: number[] }): number {
  const at = new Map(layout.ids.map((id, k) => [id, [layout.xy[2 * k], layout.xy[2 * k + 1]]]));
  const dist = (a: string, b: string) => {
    const p = at.get(a);
    const q = at.get(b);
    if (!p || !q) throw new Error(`no position for ${a} or ${b}`);
    return Math.hypot(p[0] - q[0], p[1] - q[1]);
  };
  const { csr, ids } = loaded;
  let edgeSum = 0;
  let edges = 0;
  for (let u = 0; u < csr.n; u++)
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) {
      const v = csr.outTargets[k];
      if (at.has(ids[u]) && at.has(ids[v])) {
        edgeSum += dist(ids[u], ids[v]);
        edges++;
      }
    }
  let pairSum = 0;
  const n = layout.ids.length;
  const pairs = 20_000;
  for (let k = 0; k < pairs; k++)
    pairSum += dist(layout.ids[(k * 7919) % n], layout.ids[(k * 104_729 + 13) % n]);
  return edgeSum / edges / (pairSum / pairs);
}

/** The ids in a seeded random order (Fisher-Yates). */
function shuffle(ids: string[]): string[] {
  const out = ids.slice();
  const rng = new Rng(7);
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('computeLayout', () => {
  it('puts the members of two cliques near each other and apart from the other clique', async () => {
    // Two 8-cliques joined by one tie.
    const lines: string[] = [];
    for (const base of [0, 8])
      for (let a = 0; a < 8; a++) for (let b = a + 1; b < 8; b++) lines.push(`${base + a} ${base + b}`);
    lines.push('0 8');
    const loaded = await load(lines.join('\n'), { file: 'cliques.txt', direction: 'undirected' });
    const plan = planDrawing(loaded.csr, pagerank(loaded.csr));
    const layout = computeLayout(loaded, plan, { iterations: 300, rng: 1 });
    expect(layout.ids).toEqual(Array.from(plan.nodes, (v) => loaded.ids[v]));
    // Seeded: the same start, the same layout.
    expect(computeLayout(loaded, plan, { iterations: 300, rng: 1 }).xy).toEqual(layout.xy);
    expect(computeLayout(loaded, plan, { iterations: 300, rng: 2 }).xy).not.toEqual(layout.xy);
    const pos = new Map(layout.ids.map((id, k) => [Number(id), [layout.xy[2 * k], layout.xy[2 * k + 1]]]));
    const d = (a: number, b: number) => {
      const p = pos.get(a) as number[];
      const q = pos.get(b) as number[];
      return Math.hypot(p[0] - q[0], p[1] - q[1]);
    };
    let inside = 0;
    let across = 0;
    for (let a = 0; a < 16; a++)
      for (let b = a + 1; b < 16; b++) {
        if (a < 8 === b < 8) inside = Math.max(inside, d(a, b));
        else across += d(a, b) / 64;
      }
    // The widest pair inside a clique is closer than the average pair across the two.
    expect(inside).toBeLessThan(across);
    expect(tightness(loaded, layout)).toBeLessThan(0.6);
  });
});

describe('parseLayoutFile', () => {
  const good: LayoutFile = {
    format: 'ripple-layout',
    version: 1,
    graph: 'g.txt',
    direction: 'undirected',
    iterations: 1,
    rng: 1,
    ids: ['a', 'b'],
    xy: [0, 1, 2, 3],
  };
  it('reads a layout file and says what is wrong with anything else', () => {
    expect(parseLayoutFile(JSON.stringify(good))).toEqual(good);
    const bad = (value: unknown) => () => parseLayoutFile(JSON.stringify(value));
    expect(() => parseLayoutFile('{"format":')).toThrow(/^not JSON/);
    expect(bad({ ...good, format: 'gexf' })).toThrow(/not a Ripple layout/);
    expect(bad({ ...good, version: 2 })).toThrow(/layout version 2; this Ripple reads version 1/);
    expect(bad({ ...good, ids: ['a', 2] })).toThrow(/"ids" must be a list of node ids/);
    expect(bad({ ...good, xy: [0, 1, 2] })).toThrow(/2 numbers per id \(2 ids, 3 numbers\)/);
    expect(bad({ ...good, xy: [0, 1, null, 3] })).toThrow(/"xy" item 2 is not a finite number/);
  });
});

describe('bundled layouts (datasets/layouts/)', () => {
  const manifest = readManifest();
  const laidOut = manifest.datasets.filter((d) => existsSync(layoutPath(d.file)));

  it('every bundled dataset without positions of its own has one', () => {
    const withoutPositions = manifest.datasets.filter((d) => !d.file.endsWith('.json')).map((d) => d.file);
    expect(laidOut.map((d) => d.file).sort()).toEqual(withoutPositions.sort());
  });

  for (const d of laidOut) {
    it(`${d.file}: names exactly the nodes the app draws, tied nodes close together`, async () => {
      const loaded = await readGraphFile(`${DATASETS}${d.file}`, { direction: d.direction });
      const file = parseLayoutFile(readFileSync(layoutPath(d.file), 'utf8'));
      expect(file.graph).toBe(d.file);
      expect(file.direction).toBe(d.direction);
      const plan = planDrawing(loaded.csr, pagerank(loaded.csr));
      expect(file.ids).toEqual(Array.from(plan.nodes, (v) => loaded.ids[v]));
      // Ties are much shorter than random pairs: 0.1 (ego-Facebook) to 0.55 (Slashdot's dense
      // core), where the same positions dealt to other nodes score about 1.
      const shuffled = { ids: shuffle(file.ids), xy: file.xy };
      expect(tightness(loaded, shuffled)).toBeGreaterThan(0.9);
      expect(tightness(loaded, file)).toBeLessThan(0.6);
    }, 60_000);
  }

  for (const file of ['karate.txt', 'email-Eu-core.txt'])
    it(`${file}: is exactly what \`ripple layout\` writes`, async () => {
      const r = await rippleInProcess('layout', '--graph', `${DATASETS}${file}`);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      if (process.env.RIPPLE_WRITE_DATASETS) writeFileSync(layoutPath(file), r.stdout);
      expect(r.stdout).toBe(readFileSync(layoutPath(file), 'utf8'));
    }, 60_000);
});
