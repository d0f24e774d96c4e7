/**
 * Seed plans: fixed groups with start steps compiled into a schedule, and fresh random sets per run.
 */
import type { Rng } from '../util/rng.ts';
import { OptionError } from './defaults.ts';
import type { SeedSchedule } from './run-state.ts';
import type { SeedGroup, SeedPlan } from './types.ts';

/** Sort seed groups by start (stable) into parallel arrays; a node in several groups starts at its earliest. */
export function compileSchedule(groups: SeedGroup[], n: number): SeedSchedule {
  const entries: { node: number; start: number }[] = [];
  groups.forEach((g, gi) => {
    if (!Number.isInteger(g.start) || g.start < 0) {
      throw new OptionError(
        `seed group ${gi + 1}: start must be a whole number >= 0, got ${String(g.start)}`,
      );
    }
    for (const v of g.nodes) {
      if (!Number.isInteger(v) || v < 0 || v >= n) {
        throw new OptionError(
          `seed group ${gi + 1}: node index ${String(v)} is not in the graph (0..${n - 1})`,
        );
      }
      entries.push({ node: v, start: g.start });
    }
  });
  entries.sort((a, b) => a.start - b.start);
  const nodes = new Uint32Array(entries.length);
  const starts = new Uint32Array(entries.length);
  entries.forEach((e, i) => {
    nodes[i] = e.node;
    starts[i] = e.start;
  });
  return { nodes, starts };
}

export function validateSeedPlan(plan: SeedPlan, n: number): void {
  if (plan.kind === 'random') {
    if (!Number.isInteger(plan.k) || plan.k < 1 || plan.k > n) {
      throw new OptionError(`random seeds: k must be a whole number from 1 to ${n}, got ${String(plan.k)}`);
    }
    return;
  }
  if (plan.groups.length === 0 || plan.groups.every((g) => g.nodes.length === 0)) {
    throw new OptionError('seeds: at least one seed node is needed');
  }
  compileSchedule(plan.groups, n);
}

/**
 * k distinct nodes uniformly at random by Floyd's algorithm (O(k) draws), marking picks in
 * `mark` with `stamp` so no per-run allocation of size n is needed.
 */
export function pickRandom(
  rng: Rng,
  n: number,
  k: number,
  mark: Uint32Array,
  stamp: number,
  out: Uint32Array,
): void {
  let c = 0;
  for (let j = n - k; j < n; j++) {
    const t = rng.below(j + 1);
    const pick = mark[t] === stamp ? j : t;
    mark[pick] = stamp;
    out[c++] = pick;
  }
}
