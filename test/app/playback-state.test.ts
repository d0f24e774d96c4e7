/**
 * Playback state from real engine traces on tiny graphs with p = 1 (deterministic cascades whose
 * steps and hops are worked by hand): which nodes are active at time t, how many, which edges
 * carried the activation, and what changes between two times.
 */
import { describe, expect, it } from 'vitest';
import { legendLevels, levelColor, viridis } from '../../src/app/playback/palette.ts';
import {
  activeCountAt,
  buildPlaybackState,
  changedBetween,
  exposedCountAt,
  isActiveAt,
  isEdgeActiveAt,
  isExposedAt,
  NEVER,
} from '../../src/app/playback/state.ts';
import type { Trace } from '../../src/diffusion/types.ts';
import { csrOf } from '../support/graphs.ts';
import { params, runLocal, seedsAt } from '../support/simulate.ts';

function traceOf(csr: ReturnType<typeof csrOf>, p: number, seeds = seedsAt(0)): Trace {
  const { shard } = runLocal(csr, params({ model: 'ic', p }), seeds, 1, 1, 0);
  return shard.trace!;
}

describe('playback state', () => {
  // 0 -> 1 -> 2 -> 3, 1 -> 4; node 5 unreachable. With p = 1 node k of the path activates at step k.
  const path = csrOf(6, [
    [0, 1],
    [1, 2],
    [2, 3],
    [1, 4],
  ]);
  const state = buildPlaybackState(traceOf(path, 1), 6, path);

  it('records steps, hops, parents and seeds', () => {
    expect([...state.activeStep]).toEqual([0, 1, 2, 3, 2, NEVER]);
    expect([...state.hop]).toEqual([0, 1, 2, 3, 2, NEVER]);
    expect([...state.parent]).toEqual([-1, 0, 1, 2, 1, -1]);
    expect([...state.seed]).toEqual([1, 0, 0, 0, 0, 0]);
    expect(state.lastStep).toBe(3);
    expect(state.maxHop).toBe(3);
    expect(state.end).toBe(3);
  });

  it('counts active nodes at any time, fractional times included', () => {
    const at = (t: number) => activeCountAt(state, t);
    expect([at(-1), at(0), at(0.99), at(1), at(1.5), at(2), at(3), at(10)]).toEqual([0, 1, 1, 2, 2, 4, 5, 5]);
    expect([0, 1, 2, 3, 4, 5].filter((v) => isActiveAt(state, v, 2))).toEqual([0, 1, 2, 4]);
  });

  it('emphasises exactly the edges that carried the activation, once they have', () => {
    expect(isEdgeActiveAt(state, 1, 2, 1.9)).toBe(false);
    expect(isEdgeActiveAt(state, 1, 2, 2)).toBe(true);
    expect(isEdgeActiveAt(state, 2, 1, 2)).toBe(true); // either orientation (undirected rendering)
    expect(isEdgeActiveAt(state, 0, 2, 10)).toBe(false); // not an arc of the cascade
    expect(isEdgeActiveAt(state, 4, 5, 10)).toBe(false);
  });

  it('lists what changes between two times', () => {
    expect(changedBetween(state, 0.5, 2.2).sort()).toEqual([1, 2, 4]);
    expect(changedBetween(state, 2.2, 0.5).sort()).toEqual([1, 2, 4]); // scrubbing back
    expect(changedBetween(state, 1.1, 1.9)).toEqual([]);
    expect(changedBetween(state, -1, 3).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('of a diamond, the shared child has one parent and one emphasised in-edge', () => {
    // 0 -> 1, 0 -> 2, 1 -> 3, 2 -> 3: node 3 activates at step 2 through exactly one of 1 and 2.
    const diamond = csrOf(4, [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
    ]);
    const s = buildPlaybackState(traceOf(diamond, 1), 4, diamond);
    expect(s.activeStep[3]).toBe(2);
    expect(s.hop[3]).toBe(2);
    const carried = [1, 2].filter((u) => isEdgeActiveAt(s, u, 3, 2));
    expect(carried).toHaveLength(1);
    expect(s.parent[3]).toBe(carried[0]);
  });

  it('handles staggered seed groups (activation order is not step order)', () => {
    // Two paths 0 -> 1 -> 2 and 3 -> 4; the second seed group starts at step 5.
    const two = csrOf(5, [
      [0, 1],
      [1, 2],
      [3, 4],
    ]);
    const trace = traceOf(two, 1, {
      kind: 'groups',
      groups: [
        { nodes: [0], start: 0 },
        { nodes: [3], start: 5 },
      ],
    });
    const s = buildPlaybackState(trace, 5, two);
    expect([...s.activeStep]).toEqual([0, 1, 2, 5, 6]);
    expect([...s.seed]).toEqual([1, 0, 0, 1, 0]);
    expect([0, 2, 4, 5, 6].map((t) => activeCountAt(s, t))).toEqual([1, 3, 3, 4, 5]);
    expect(changedBetween(s, 2, 5)).toEqual([3]);
  });

  it('shows accounts reached without adopting from the step after their first active in-neighbour', () => {
    // Star 0 -> 1, 2, 3 with p = 0: the seed tries each leaf at step 1 and fails.
    const star = csrOf(5, [
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    const trace = traceOf(star, 0);
    expect([...trace.nodes]).toEqual([0]);
    const s = buildPlaybackState(trace, 5, star);
    expect([...s.exposedStep]).toEqual([NEVER, 1, 1, 1, NEVER]);
    expect(s.end).toBe(1);
    expect([exposedCountAt(s, 0), exposedCountAt(s, 1)]).toEqual([0, 3]);
    expect(isExposedAt(s, 2, 0.5)).toBe(false);
    expect(isExposedAt(s, 2, 1)).toBe(true);
    expect(isExposedAt(s, 4, 1)).toBe(false);
    // Without the graph, exposure is shown at the end of the cascade.
    expect([...buildPlaybackState(trace, 5).exposedStep]).toEqual([NEVER, 0, 0, 0, NEVER]);
  });

  it('rejects a trace from a bigger graph', () => {
    expect(() => buildPlaybackState(traceOf(path, 1), 3)).toThrow(/outside the graph of 3 nodes/);
  });
});

describe('playback palette', () => {
  it('follows viridis from purple to yellow', () => {
    expect(viridis(0)).toBe('#440154');
    expect(viridis(1)).toBe('#fde725');
    expect(viridis(2)).toBe('#fde725');
    expect(viridis(Number.NaN)).toBe('#440154');
  });
  it('gives distinct colours to distinct levels and a legend over the range', () => {
    const colors = [0, 1, 2, 3, 4, 5, 6].map((h) => levelColor(h, 6));
    expect(new Set(colors).size).toBe(7);
    expect(legendLevels(20).map((l) => l.level)).toEqual([0, 3, 7, 10, 13, 17, 20]);
    expect(legendLevels(2).map((l) => l.level)).toEqual([0, 1, 2]);
    expect(legendLevels(28, 7, 1).map((l) => l.level)).toEqual([1, 6, 10, 15, 19, 24, 28]);
    expect(legendLevels(1, 7, 1).map((l) => l.level)).toEqual([1]);
    expect(legendLevels(28, 7, 1)[0].color).toBe(levelColor(1, 28));
  });
});
