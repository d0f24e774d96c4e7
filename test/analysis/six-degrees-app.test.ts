/**
 * The app's six-degrees computation (largest component job, componentHopPlot, seed-reach job)
 * against truths: a naive all-pairs BFS on random graphs, the karate club's published diameter 5
 * and average distance 2.4082 (NetworkX average_shortest_path_length), and the same numbers
 * through a worker pool as in this thread.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { localRunner } from '../../src/analysis/distance/analyze.ts';
import {
  componentHopPlot,
  largestComponent,
  usesExactDistances,
} from '../../src/analysis/distance/component-hop-plot.ts';
import { poolDistanceRunner } from '../../src/analysis/distance/pool-runner.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import type { EnginePool } from '../../src/engine/pool.ts';
import { createNodePool } from '../../src/engine/spawn-node.ts';
import type { Csr } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';
import { randomArcsGraph, referenceBfs } from '../support/graphs.ts';
import { ENGINE_WORKER } from '../support/workers.ts';

const pools: EnginePool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.terminate();
});

/** Weak components by union-find over the arc list: the largest one's members. */
function naiveLargest(csr: Csr): number[] {
  const parent = Array.from({ length: csr.n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r];
    return r;
  };
  for (let u = 0; u < csr.n; u++)
    for (let k = csr.outOffsets[u]; k < csr.outOffsets[u + 1]; k++) parent[find(u)] = find(csr.outTargets[k]);
  const groups = new Map<number, number[]>();
  for (let v = 0; v < csr.n; v++) {
    const r = find(v);
    groups.set(r, [...(groups.get(r) ?? []), v]);
  }
  let best: number[] = [];
  for (const g of groups.values()) if (g.length > best.length) best = g;
  return best;
}

/** Naive figures over the largest weak component: all-pairs BFS. */
function naive(csr: Csr) {
  const members = naiveLargest(csr);
  const atDistance: number[] = [];
  for (const s of members) {
    const dist = referenceBfs(csr, s);
    for (const t of members) if (dist[t] >= 0) atDistance[dist[t]] = (atDistance[dist[t]] ?? 0) + 1;
  }
  for (let d = 0; d < atDistance.length; d++) atDistance[d] ??= 0;
  const hopPlot: number[] = [];
  let sum = 0;
  for (const c of atDistance) {
    sum += c;
    hopPlot.push(sum);
  }
  let weighted = 0;
  for (let d = 1; d < atDistance.length; d++) weighted += d * atDistance[d];
  const pairs = sum - atDistance[0];
  return {
    members,
    hopPlot,
    diameter: atDistance.length - 1,
    avgDistance: pairs > 0 ? weighted / pairs : null,
  };
}

function randomGraph(n: number, m: number, seed: number, directed: boolean): Csr {
  const rng = new Rng(seed);
  return randomArcsGraph(n, m, (k) => rng.below(k), directed ? 'influences' : 'undirected');
}

const karate = async () => (await readGraphFile('datasets/karate.txt', { direction: 'undirected' })).csr;

describe('largest component and its hop plot, in this thread', () => {
  it.each([
    [60, 70, 1, true],
    [60, 50, 2, false],
    [120, 150, 3, true],
    [90, 200, 4, false],
  ])(
    'G(%i nodes, %i arcs, seed %i, directed %s) matches a naive all-pairs BFS',
    async (n, m, seed, directed) => {
      const csr = randomGraph(n, m, seed, directed);
      const truth = naive(csr);
      const component = largestComponent(csr);
      expect([...component.sources]).toEqual(truth.members);
      expect(component.mask === null).toBe(truth.members.length === n);
      let arcs = 0;
      for (const v of truth.members) arcs += csr.outOffsets[v + 1] - csr.outOffsets[v];
      expect(component.arcs).toBe(arcs);
      const r = await componentHopPlot(csr, component, localRunner(csr), { mode: 'exact' });
      expect(r.approximate).toBe(false);
      expect(r.hopPlot).toEqual(truth.hopPlot);
      expect(r.diameter).toBe(truth.diameter);
      if (truth.avgDistance === null) expect(r.avgDistance).toBeNull();
      else expect(r.avgDistance).toBeCloseTo(truth.avgDistance, 12);
      expect(r.distanceNodes).toBe(truth.members.length);
    },
  );

  it("gives the karate club's published diameter 5 and average distance 2.4082", async () => {
    const csr = await karate();
    const r = await componentHopPlot(csr, largestComponent(csr), localRunner(csr));
    expect(r.diameter).toBe(5);
    expect(r.avgDistance).toBeCloseTo(2.408199643493761, 10);
    expect(r.hopPlot[0]).toBe(34);
    expect(r.hopPlot[1]).toBe(34 + 156);
    expect(r.hopPlot[5]).toBe(34 * 34);
  });

  it('auto picks exact below the work limit and HyperANF above it; bad modes are named', () => {
    expect(usesExactDistances({ arcs: 1000 }, 100, 'auto', 1e6)).toBe(true);
    expect(usesExactDistances({ arcs: 1000 }, 10_000, 'auto', 1e6)).toBe(false);
    expect(usesExactDistances({ arcs: 1000 }, 10_000, 'exact', 1e6)).toBe(true);
    expect(usesExactDistances({ arcs: 10 }, 10, 'approx', 1e6)).toBe(false);
    expect(() => usesExactDistances({ arcs: 1 }, 1, 'fast' as never)).toThrow(/distances: expected one of/);
  });

  it('HyperANF keeps h = 0, 1 exact and estimates the rest within its stated error', async () => {
    const csr = randomGraph(400, 1600, 7, true);
    const component = largestComponent(csr);
    const truth = naive(csr);
    const r = await componentHopPlot(csr, component, localRunner(csr), { mode: 'approx', registers: 256 });
    expect(r.approximate).toBe(true);
    expect(r.hyperAnfRegisters).toBe(256);
    expect(r.relativeError).toBeCloseTo(1.04 / 16, 10);
    expect(r.hopPlot[0]).toBe(truth.hopPlot[0]);
    expect(r.hopPlot[1]).toBe(truth.hopPlot[1]);
    // The connected pairs, within 4 standard errors.
    const last = truth.hopPlot[truth.hopPlot.length - 1];
    expect(Math.abs(r.hopPlot[r.hopPlot.length - 1] - last) / last).toBeLessThan(4 * (r.relativeError ?? 0));
    expect(r.diameter).toBeLessThanOrEqual(truth.diameter);
  });
});

describe('six-degrees jobs in the worker pool', () => {
  it('give the same hop plot and seed reach with 2 workers as in this thread', async () => {
    const csr = await karate();
    const pool = createNodePool(ENGINE_WORKER, 2);
    pools.push(pool);
    pool.setGraph(csr);
    const progress: number[] = [];
    const run = { onProgress: (p: { done: number }) => progress.push(p.done) };
    const [component] = await pool.runJobs('sixLargestComponent', [null], run);
    expect([...component.sources]).toEqual([...largestComponent(csr).sources]);
    const pooled = await componentHopPlot(csr, component, poolDistanceRunner(pool, run));
    const local = await componentHopPlot(csr, largestComponent(csr), localRunner(csr));
    expect(pooled).toEqual(local);
    expect(pooled.diameter).toBe(5);
    expect(progress.length).toBeGreaterThan(0);

    // Node 0 (the instructor) has 16 friends: 17 accounts within one hop.
    const [reach] = await pool.runJobs('sixSeedReach', [{ seeds: Uint32Array.of(0), maxHops: 6 }]);
    const dist = referenceBfs(csr, 0);
    const within = Array.from({ length: 7 }, (_, h) => dist.filter((d) => d >= 0 && d <= h).length);
    expect(reach.within).toEqual(within);
    expect(reach.within[1]).toBe(17);
    expect(reach.share[6]).toBeCloseTo(1, 12);
    // At any distance: the whole club (one component).
    expect(reach.reachable).toBe(34);
    const [few] = await pool.runJobs('sixSeedReach', [{ seeds: Uint32Array.of(0), maxHops: 1 }]);
    expect(few.within).toEqual(within.slice(0, 2));
    expect(few.reachable).toBe(34);
  });
});
