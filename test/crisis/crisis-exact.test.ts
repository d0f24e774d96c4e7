/**
 * Crisis watch against the truth on tiny graphs: exact expectations by enumerating every
 * live-edge world (written here, independently of src/crisis), exhaustive search over every set
 * of k accounts, and the earliest-arrival rule checked against stepping the two messages.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Estimate } from '../../src/campaign/figures.ts';
import { containRumour, watchMonitors } from '../../src/crisis/run.ts';
import type { EnginePool } from '../../src/engine/pool.ts';
import { createNodePool } from '../../src/engine/spawn-node.ts';
import type { Csr } from '../../src/graph/types.ts';
import { Rng } from '../../src/util/rng.ts';
import { icWorlds } from '../campaign/exact-campaign.ts';
import { csrOf, lcgDraw } from '../support/graphs.ts';
import { ENGINE_WORKER } from '../support/workers.ts';

const pools: EnginePool[] = [];
afterAll(() => {
  for (const p of pools) p.terminate();
});
function pool(csr: Csr): EnginePool {
  const p = createNodePool(ENGINE_WORKER, 2);
  pools.push(p);
  p.setGraph(csr);
  return p;
}

const INF = Number.POSITIVE_INFINITY;

/** Live distances from sources (each with its start step) along live arcs. */
function distances(n: number, live: [number, number][], sources: number[], start = 0): number[] {
  const d = new Array<number>(n).fill(INF);
  let frontier = [...new Set(sources)];
  for (const s of frontier) d[s] = start;
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const u of frontier)
      for (const [a, b] of live)
        if (a === u && d[b] === INF) {
          d[b] = d[u] + 1;
          next.push(b);
        }
    frontier = next;
  }
  return d;
}

function tinyGraph(n: number, m: number, seed: number): Csr {
  const draw = lcgDraw(seed);
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  while (pairs.length < m) {
    const a = draw(n);
    const b = draw(n);
    if (a === b || seen.has(`${a},${b}`)) continue;
    seen.add(`${a},${b}`);
    pairs.push([a, b]);
  }
  return csrOf(n, pairs, 'influences');
}

function subsets(items: number[], k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  items.forEach((x, i) => {
    for (const rest of subsets(items.slice(i + 1), k - 1)) out.push([x, ...rest]);
  });
  return out;
}

function withinSe(e: Estimate, exact: number): void {
  const se = (e.ci95[1] - e.ci95[0]) / (2 * 1.959963984540054);
  expect(Math.abs(e.mean - exact)).toBeLessThanOrEqual(Math.max(4 * se, 1e-9));
}

describe('the earliest-arrival rule', () => {
  it('equals stepping the rumour and the correction, on random worlds', () => {
    const rng = new Rng(5, 0);
    for (let trial = 0; trial < 300; trial++) {
      const n = 6 + rng.below(8);
      const live: [number, number][] = [];
      for (let a = 0; a < n; a++)
        for (let b = 0; b < n; b++) if (a !== b && rng.float() < 0.25) live.push([a, b]);
      const rumour = [rng.below(n)];
      const correctors = [rng.below(n), rng.below(n)].filter((c) => c !== rumour[0]);
      const delay = rng.below(4);
      // Stepping: each account holds 'R', 'C' or nothing; at each step, accounts that adopted at
      // the previous step pass their message along live arcs; a corrector starts at step delay
      // unless it already holds the rumour; simultaneous arrivals: the correction wins.
      const state = new Array<string | null>(n).fill(null);
      state[rumour[0]] = 'R';
      let fresh = [rumour[0]];
      for (let step = 1; step <= 3 * n + delay; step++) {
        const arriving = new Map<number, string>();
        for (const u of fresh)
          for (const [a, b] of live)
            if (a === u && state[b] === null && arriving.get(b) !== 'C') arriving.set(b, state[u] as string);
        if (step === delay) for (const c of correctors) if (state[c] === null) arriving.set(c, 'C');
        fresh = [];
        for (const [v, m] of arriving) {
          state[v] = m;
          fresh.push(v);
        }
      }
      // Delay 0: the correctors start with the rumour (a tie: the correction wins, but not on the
      // rumour's own seed, which is not a corrector here).
      if (delay === 0) {
        // Restart the stepping with both at step 0.
        state.fill(null);
        state[rumour[0]] = 'R';
        for (const c of correctors) state[c] = 'C';
        fresh = [rumour[0], ...correctors];
        for (let step = 1; step <= 3 * n; step++) {
          const arriving = new Map<number, string>();
          for (const u of fresh)
            for (const [a, b] of live)
              if (a === u && state[b] === null && arriving.get(b) !== 'C')
                arriving.set(b, state[u] as string);
          fresh = [];
          for (const [v, m] of arriving) {
            state[v] = m;
            fresh.push(v);
          }
        }
      }
      const dr = distances(n, live, rumour);
      const dc = distances(n, live, correctors, delay);
      for (let v = 0; v < n; v++) {
        const rule = dr[v] < dc[v] ? 'R' : dc[v] < INF ? 'C' : null;
        expect(state[v], `trial ${trial} account ${v}`).toBe(rule);
      }
    }
  });
});

describe('watch: monitors against exhaustive search', () => {
  for (const objective of ['detect', 'time', 'affected'] as const) {
    it(objective, async () => {
      const n = 10;
      const csr = tinyGraph(n, 14, 21);
      const p = 0.5;
      const horizon = 3;
      const k = 2;
      const worlds = icWorlds(csr, () => p);
      // Exact penalty of every monitor pair (uniform source, stories limited to the horizon).
      const pairs = subsets(
        Array.from({ length: n }, (_, v) => v),
        k,
      );
      const exact = pairs.map(() => ({ detect: 0, time: 0, affected: 0 }));
      for (const w of worlds)
        for (let s = 0; s < n; s++) {
          const d = distances(n, w.live, [s]).map((x) => (x > horizon ? INF : x));
          pairs.forEach((pair, i) => {
            const t = Math.min(...pair.map((m) => d[m]));
            const weight = w.weight / n;
            const size = d.filter((x) => x < INF).length;
            exact[i].detect += weight * (t < INF ? 1 : 0);
            exact[i].time += weight * Math.min(t, horizon);
            exact[i].affected += weight * (t < INF ? d.filter((x) => x <= t).length : size);
          });
        }
      const value = (e: { detect: number; time: number; affected: number }) =>
        objective === 'detect' ? e.detect : objective === 'time' ? horizon - e.time : -e.affected;
      const best = Math.max(...exact.map(value));
      const worst = Math.min(...exact.map(value));
      const result = await watchMonitors(pool(csr), csr, {
        rr: { model: 'ic', p },
        k,
        objective,
        horizon,
        runs: 20_000,
        rngSeed: 3,
      });
      const i = pairs.findIndex((pair) => pair.join() === [...result.monitors].sort((a, b) => a - b).join());
      expect(i).toBeGreaterThanOrEqual(0);
      // >= 0.95 of the best, measured as the improvement over the worst pair.
      expect(value(exact[i]) - worst).toBeGreaterThanOrEqual(0.95 * (best - worst));
      withinSe(result.detect, exact[i].detect);
      withinSe(result.time, exact[i].time);
      withinSe(result.affected, exact[i].affected);
      expect(result.ofBest).toBeGreaterThan(0.5);
      expect(result.ofBest).toBeLessThanOrEqual(1);
      expect(result.detectionCurve).toHaveLength(k);
      expect(result.detectionCurve[k - 1]).toBeCloseTo(result.detect.mean, 9);
    });
  }
});

describe('contain: correctors against exhaustive search', () => {
  for (const delay of [0, 1, 2]) {
    it(`delay ${delay}`, async () => {
      const n = 10;
      const csr = tinyGraph(n, 15, 31 + delay);
      const p = 0.6;
      const rumour = [0];
      const k = 2;
      const worlds = icWorlds(csr, () => p);
      const candidates = Array.from({ length: n }, (_, v) => v).filter((v) => v !== 0);
      const pairs = subsets(candidates, k);
      let without = 0;
      const exact = pairs.map(() => 0);
      for (const w of worlds) {
        const dr = distances(n, w.live, rumour);
        without += w.weight * dr.filter((x) => x < INF).length;
        pairs.forEach((pair, i) => {
          const dc = distances(n, w.live, pair, delay);
          exact[i] += w.weight * dr.filter((x, v) => x < dc[v]).length;
        });
      }
      const bestSaved = without - Math.min(...exact);
      const result = await containRumour(pool(csr), csr, {
        rr: { model: 'ic', p },
        rumour,
        delay,
        k,
        runs: 20_000,
        rngSeed: 4,
      });
      const i = pairs.findIndex(
        (pair) => pair.join() === [...result.correctors].sort((a, b) => a - b).join(),
      );
      expect(i).toBeGreaterThanOrEqual(0);
      expect(without - exact[i]).toBeGreaterThanOrEqual(0.95 * bestSaved);
      withinSe(result.rumourReach, exact[i]);
      withinSe(result.withoutCorrection, without);
      for (const b of result.baselines) {
        const j = pairs.findIndex((pair) => pair.join() === [...b.correctors].sort((x, y) => x - y).join());
        if (j >= 0) withinSe(b.rumourReach, exact[j]);
      }
    });
  }
});
