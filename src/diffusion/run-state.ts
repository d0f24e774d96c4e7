/**
 * The state of one Monte Carlo run shared by every model kernel, and seed activation.
 */
import type { Rng } from '../util/rng.ts';
import type { Scratch } from './scratch.ts';

export interface RunState {
  rng: Rng;
  /** Mark for "exposed in this run"; `active` = seen + 1. */
  seen: number;
  active: number;
  /** Number of nodes activated so far (length of scratch.order). */
  tail: number;
  exposed: number;
  examined: number;
  /** Record parents and steps for playback. */
  tracing: boolean;
}

/** Seed schedule sorted by start step (stable), as parallel arrays. */
export interface SeedSchedule {
  nodes: Uint32Array;
  starts: Uint32Array;
}

/** Activate node v at `step`, `hop` hops from the seeds, by `parent` (-1 for seeds). */
export function activate(
  sc: Scratch,
  rs: RunState,
  v: number,
  step: number,
  hop: number,
  parent: number,
): void {
  if (sc.state[v] !== rs.seen) rs.exposed++;
  sc.state[v] = rs.active;
  sc.hop[v] = hop;
  sc.order[rs.tail++] = v;
  sc.hopCounts[hop]++;
  if (hop > sc.maxHop) sc.maxHop = hop;
  if (rs.tracing) {
    sc.parent[v] = parent;
    sc.step[v] = step;
  }
}

/** Launch the seeds due at `step` from schedule position `si`; returns the next position. */
export function launchSeeds(
  sc: Scratch,
  rs: RunState,
  seeds: SeedSchedule,
  si: number,
  step: number,
): number {
  const { nodes, starts } = seeds;
  while (si < nodes.length && starts[si] <= step) {
    const v = nodes[si++];
    if (sc.state[v] !== rs.active) activate(sc, rs, v, step, 0, -1);
  }
  return si;
}

/**
 * Expand one level: every node in order[from, to) acts once (its activation attempts), adding
 * nodes activated at `step` to the end of the order. Models where each active node acts exactly
 * once, the step after it activated (ic, wc, lt, threshold), share the loop in runProgressive.
 */
export type LevelExpander = (rs: RunState, from: number, to: number, step: number) => void;

export function runProgressive(
  sc: Scratch,
  rs: RunState,
  seeds: SeedSchedule,
  maxSteps: number | null,
  expand: LevelExpander,
): void {
  let head = 0;
  let step = seeds.starts.length > 0 ? seeds.starts[0] : 0;
  let si = 0;
  const limit = maxSteps ?? Number.POSITIVE_INFINITY;
  while (step <= limit) {
    si = launchSeeds(sc, rs, seeds, si, step);
    const levelEnd = rs.tail;
    sc.markLevel(step, levelEnd);
    if (head === levelEnd) {
      if (si < seeds.nodes.length) {
        step = seeds.starts[si];
        continue;
      }
      break;
    }
    if (step === limit) break;
    expand(rs, head, levelEnd, step + 1);
    head = levelEnd;
    step++;
  }
}

/**
 * Write a level's local counters back to the run state and the shard counters. The level's step
 * is recorded by the caller's loop (Scratch.markLevel), once the step's seeds are in too.
 */
export function finishLevel(
  sc: Scratch,
  rs: RunState,
  tail: number,
  exposed: number,
  examined: number,
  maxHop: number,
  _step: number,
): void {
  rs.tail = tail;
  rs.exposed = exposed;
  rs.examined += examined;
  sc.maxHop = maxHop;
}
