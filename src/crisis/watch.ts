/**
 * Where to listen: choose monitors so that stories are caught early (Leskovec, Krause, Guestrin,
 * Faloutsos, VanBriesen, Glance, "Cost-effective outbreak detection in networks", KDD 2007).
 * A story is detected at the first step any monitor is reached (a monitor at the source detects
 * at step 0). Three objectives, each a penalty per story:
 *   detect    1 if no monitor is reached, else 0            (we report P(detected) = 1 - mean)
 *   time      the detection step, or T if undetected         (mean steps to detection)
 *   affected  accounts reached by the detection step, or the story's whole size if undetected
 * The penalty reduction R(A) = sum over stories of penalty(no monitor) - penalty(A) is monotone
 * and submodular in the monitor set A, so lazy greedy (CELF) applies, with costs by the better of
 * the cost-effective and the plain rule, and the paper's online bound: for any set B within the
 * budget, R(B) <= R(A) + the best fractional use of the budget on the marginal gains left after A,
 * so R(A) / that bound is a ratio of the best possible that the sample shows.
 */
import { fits } from '../campaign/costs.ts';
import { WATCH_OBJECTIVES, type WatchObjective } from '../engine/objective-param.ts';
import { LazyMaxHeap } from '../util/lazy-max-heap.ts';
import type { Stories } from './stories.ts';

export { WATCH_OBJECTIVES, type WatchObjective };

const NEVER = 0xffffffff;

export interface WatchChoice {
  /** Monitors in the order chosen. */
  monitors: number[];
  /** Penalty reduction of each pick, per story (mean over the sample). */
  gains: number[];
  /** Mean penalty reduction of the set on the sample. */
  reduction: number;
  /** Upper bound of the best set's mean reduction (the online bound). */
  bound: number;
  cost: number;
  rule: 'cost-effective' | 'plain';
}

/** Penalty of story s when detected at step d (NEVER: not detected), with `by` reached by then. */
function penaltyOf(objective: WatchObjective, d: number, by: number, size: number, horizon: number): number {
  if (objective === 'detect') return d === NEVER ? 1 : 0;
  if (objective === 'time') return d === NEVER ? horizon : Math.min(d, horizon);
  return d === NEVER ? size : by;
}

/** Accounts -> (story, step, reached by then) entries, and the lazy greedy over them. */
export class WatchGreedy {
  private readonly storyOf: Uint32Array;
  private readonly stepOf: Uint32Array;
  private readonly byOf: Uint32Array;
  private readonly start: Uint32Array;
  private readonly size: Uint32Array;

  constructor(
    private readonly stories: Stories,
    private readonly n: number,
    private readonly objective: WatchObjective,
    private readonly horizon: number,
  ) {
    const { offsets, nodes, steps, reachedBy, count } = stories;
    const start = new Uint32Array(n + 1);
    for (let i = 0; i < nodes.length; i++) start[nodes[i] + 1]++;
    for (let v = 0; v < n; v++) start[v + 1] += start[v];
    const fill = start.slice(0, n);
    this.storyOf = new Uint32Array(nodes.length);
    this.stepOf = new Uint32Array(nodes.length);
    this.byOf = new Uint32Array(nodes.length);
    this.size = new Uint32Array(count);
    for (let s = 0; s < count; s++) {
      this.size[s] = offsets[s + 1] - offsets[s];
      for (let i = offsets[s]; i < offsets[s + 1]; i++) {
        const at = fill[nodes[i]]++;
        this.storyOf[at] = s;
        this.stepOf[at] = steps[i];
        this.byOf[at] = reachedBy[i];
      }
    }
    this.start = start;
  }

  /** Mean penalty with no monitor. */
  emptyPenalty(): number {
    let total = 0;
    for (let s = 0; s < this.stories.count; s++)
      total += penaltyOf(this.objective, NEVER, 0, this.size[s], this.horizon);
    return total / Math.max(1, this.stories.count);
  }

  /** Lazy greedy under costs and a budget (k monitors: every cost 1, budget k). */
  choose(costs: Float64Array, budget: number, rule: 'cost-effective' | 'plain'): WatchChoice {
    const { n, storyOf, stepOf, byOf, start, size, objective, horizon } = this;
    const count = Math.max(1, this.stories.count);
    const best = new Uint32Array(this.stories.count).fill(NEVER);
    const bestBy = new Uint32Array(this.stories.count);
    const taken = new Uint8Array(n);
    const gainOf = (v: number): number => {
      let g = 0;
      for (let i = start[v]; i < start[v + 1]; i++) {
        const s = storyOf[i];
        const t = stepOf[i];
        if (t >= best[s]) continue;
        g +=
          penaltyOf(objective, best[s], bestBy[s], size[s], horizon) -
          penaltyOf(objective, t, byOf[i], size[s], horizon);
      }
      return g;
    };
    const score = (v: number) => {
      if (taken[v]) return -1;
      if (rule === 'plain') return gainOf(v);
      return costs[v] > 0 ? gainOf(v) / costs[v] : gainOf(v) * 1e290;
    };
    const heap = new LazyMaxHeap(n, score);
    const choice: WatchChoice = { monitors: [], gains: [], reduction: 0, bound: 0, cost: 0, rule };
    for (;;) {
      const v = heap.popFresh();
      if (v < 0 || taken[v]) break;
      if (!fits(choice.cost, costs[v], budget)) continue;
      const g = gainOf(v);
      if (g <= 0) break;
      taken[v] = 1;
      for (let i = start[v]; i < start[v + 1]; i++) {
        const s = storyOf[i];
        if (stepOf[i] < best[s]) {
          best[s] = stepOf[i];
          bestBy[s] = byOf[i];
        }
      }
      choice.monitors.push(v);
      choice.gains.push(g / count);
      choice.reduction += g / count;
      choice.cost += costs[v];
    }
    // Online bound: the remaining marginal gains, best fractional use of the whole budget.
    const items: { g: number; c: number }[] = [];
    let free = 0;
    for (let v = 0; v < n; v++) {
      if (taken[v]) continue;
      const g = gainOf(v);
      if (g <= 0) continue;
      if (costs[v] <= 0) free += g;
      else items.push({ g, c: costs[v] });
    }
    items.sort((a, b) => b.g / b.c - a.g / a.c);
    let left = budget;
    let extra = free;
    for (const it of items) {
      if (left <= 0) break;
      const part = Math.min(1, left / it.c);
      extra += part * it.g;
      left -= part * it.c;
    }
    choice.bound = choice.reduction + extra / count;
    return choice;
  }
}

/** Both rules when costs differ (one when they are all equal), and the better of them. */
export function chooseMonitors(
  stories: Stories,
  n: number,
  objective: WatchObjective,
  horizon: number,
  costs: Float64Array,
  budget: number,
): WatchChoice {
  const greedy = new WatchGreedy(stories, n, objective, horizon);
  const plain = greedy.choose(costs, budget, 'plain');
  if (costs.every((c) => c === costs[0])) return plain;
  const ce = greedy.choose(costs, budget, 'cost-effective');
  const best = ce.reduction > plain.reduction ? ce : plain;
  return { ...best, bound: Math.min(ce.bound, plain.bound) };
}

export interface StoryOutcomes {
  /** Per story: 1 if detected. */
  detected: Uint8Array;
  /** Per story: detection step, or the horizon. */
  time: Float64Array;
  /** Per story: accounts reached by detection, or the story's size. */
  affected: Float64Array;
  /** Per story: the first position in the monitor list that detects it, or -1. */
  firstIndex: Int32Array;
}

/** What a monitor list catches of stories (reached accounts in arrival order, with steps). */
export function storyOutcomes(
  stories: Stories,
  monitors: readonly number[],
  horizon: number,
  n: number,
): StoryOutcomes {
  const position = new Int32Array(n).fill(-1);
  monitors.forEach((m, i) => {
    if (position[m] < 0) position[m] = i;
  });
  const out: StoryOutcomes = {
    detected: new Uint8Array(stories.count),
    time: new Float64Array(stories.count),
    affected: new Float64Array(stories.count),
    firstIndex: new Int32Array(stories.count).fill(-1),
  };
  for (let s = 0; s < stories.count; s++) {
    let d = NEVER;
    let by = 0;
    let first = -1;
    for (let i = stories.offsets[s]; i < stories.offsets[s + 1]; i++) {
      const p = position[stories.nodes[i]];
      if (p < 0) continue;
      if (first < 0 || p < first) first = p;
      if (stories.steps[i] < d) {
        d = stories.steps[i];
        by = stories.reachedBy[i];
      }
    }
    const size = stories.offsets[s + 1] - stories.offsets[s];
    out.detected[s] = d === NEVER ? 0 : 1;
    out.time[s] = penaltyOf('time', d, by, size, horizon);
    out.affected[s] = penaltyOf('affected', d, by, size, horizon);
    out.firstIndex[s] = first;
  }
  return out;
}
