/**
 * Budgeted maximum coverage on RR sets: choose accounts whose costs add up to at most the budget
 * and that cover the most sets (Khuller, Moss, Naor, "The budgeted maximum coverage problem",
 * IPL 1999). Two greedy rules, each picking while something affordable still adds coverage:
 *   cost-effective  the most newly covered sets per unit of cost (free accounts first)
 *   plain           the most newly covered sets, whatever the cost
 * Either alone can be arbitrarily bad (cost-effective: a cheap small account crowds out the one
 * big account the budget was made for; plain: one big account where many cheap ones cover more),
 * but the better of the two covers at least (1 - 1/e) / 2 of the best affordable set.
 *
 * Greedy also loses to knapsack effects (a budget of 10 and prices 6, 5, 5). Starting the
 * cost-effective greedy from given accounts and keeping the best completion helps:
 *   full  every affordable set of at most 3 accounts is a start: (1 - 1/e) of the best (Khuller
 *         et al., Theorem 3), for small graphs (FULL_ENUMERATION_STARTS starts at most)
 *   top   each of the TOP_STARTS accounts with the most coverage and the most coverage per cost
 *         is a start: no better guarantee than the two rules, but in practice closer to the best
 *
 * Gains only shrink as sets get covered, so every greedy keeps a max-heap of possibly stale scores
 * and refreshes only the top (lazy evaluation, as CELF): exact, and far fewer score updates.
 */
import type { RrCollection } from '../seeding/rr-sets.ts';
import { LazyMaxHeap } from '../util/lazy-max-heap.ts';
import { fits } from './costs.ts';

export type GreedyRule = 'cost-effective' | 'plain' | 'enumeration';

/** (1 - 1/e) / 2: the better-of-two rule's guarantee on max coverage. */
export const BUDGETED_APPROX = (1 - 1 / Math.E) / 2;
/** 1 - 1/e: with every start of at most 3 accounts. */
export const ENUMERATION_APPROX = 1 - 1 / Math.E;

/** Most starts of the full enumeration (graphs of up to 29 accounts need at most 4,089). */
export const FULL_ENUMERATION_STARTS = 5000;
/** Accounts tried as starts by the top enumeration, per ranking. */
export const TOP_STARTS = 4;

export type Enumeration = 'full' | 'top' | 'none';

/** Starts of the full enumeration on n accounts: sets of 1 to 3 of them. */
export function fullStarts(n: number): number {
  return n + (n * (n - 1)) / 2 + (n * (n - 1) * (n - 2)) / 6;
}

/** Full enumeration where it is affordable, else the top accounts. */
export function enumerationFor(n: number): Enumeration {
  return fullStarts(n) <= FULL_ENUMERATION_STARTS ? 'full' : 'top';
}

/** The guarantee of budgetedCover with this enumeration ('none' and 'top': the two rules'). */
export function approxOf(enumeration: Enumeration): number {
  return enumeration === 'full' ? ENUMERATION_APPROX : BUDGETED_APPROX;
}

export interface BudgetedChoice {
  rule: GreedyRule;
  /** Accounts in the order picked (a start's accounts first). */
  seeds: number[];
  /** Sets newly covered by each pick. */
  gains: number[];
  covered: number;
  cost: number;
}

export interface BudgetedCoverage {
  /** The best of all candidates (more sets covered; on a tie the cheaper, then the earlier rule). */
  best: BudgetedChoice;
  /** The two rules on their own (for reports and tests of the better-of-two rule). */
  byRule: Record<'cost-effective' | 'plain', BudgetedChoice>;
  /** Completions tried from starts. */
  starts: number;
  /**
   * An upper bound of the best affordable set's coverage: min(best / the guarantee's ratio, the
   * online bound: best's coverage plus the best fractional use of the whole budget on the
   * marginal gains left after it, which holds for any submodular coverage).
   */
  upperCovered: number;
}

/** Free accounts rank above any finite gain per cost. */
const FREE = 1e290;

const better = (a: BudgetedChoice, b: BudgetedChoice) =>
  b.covered > a.covered || (b.covered === a.covered && b.cost < a.cost) ? b : a;

/** The inverted index and costs, computed once and reused for several budgets and starts. */
export class BudgetedCoverer {
  private readonly sets: RrCollection;
  private readonly costs: Float64Array;
  private readonly setOffsets: Uint32Array;
  private readonly setsOf: Uint32Array;

  constructor(sets: RrCollection, costs: Float64Array) {
    if (costs.length !== sets.n)
      throw new Error(`budgeted coverage: ${costs.length} costs for ${sets.n} accounts`);
    this.sets = sets;
    this.costs = costs;
    const { setOffsets, setsOf } = sets.invert();
    this.setOffsets = setOffsets;
    this.setsOf = setsOf;
  }

  /** Both rules at `budget`, the completions of the enumeration's starts, and the best of all. */
  cover(budget: number, enumeration: Enumeration = enumerationFor(this.sets.n)): BudgetedCoverage {
    const byRule = {
      'cost-effective': this.greedy(budget, 'cost-effective'),
      plain: this.greedy(budget, 'plain'),
    };
    let best = better(byRule['cost-effective'], byRule.plain);
    const starts = this.starts(budget, enumeration);
    for (const start of starts) best = better(best, this.greedy(budget, 'cost-effective', start));
    if (best !== byRule['cost-effective'] && best !== byRule.plain) best = { ...best, rule: 'enumeration' };
    const ratioBound = best.covered / approxOf(enumeration);
    const upperCovered = Math.min(ratioBound, this.onlineBound(best.seeds, budget));
    return { best, byRule, starts: starts.length, upperCovered };
  }

  /** Coverage of `seeds` plus the fractional knapsack of the marginal gains left after them. */
  onlineBound(seeds: readonly number[], budget: number): number {
    const { sets, costs, setOffsets, setsOf } = this;
    const n = sets.n;
    const done = new Uint8Array(sets.count);
    const chosen = new Uint8Array(n);
    let covered = 0;
    for (const u of seeds) {
      chosen[u] = 1;
      for (let i = setOffsets[u]; i < setOffsets[u + 1]; i++) {
        if (!done[setsOf[i]]) {
          done[setsOf[i]] = 1;
          covered++;
        }
      }
    }
    let free = 0;
    const paid: number[] = [];
    const gain = new Float64Array(n);
    for (let v = 0; v < n; v++) {
      if (chosen[v]) continue;
      let g = 0;
      for (let i = setOffsets[v]; i < setOffsets[v + 1]; i++) if (!done[setsOf[i]]) g++;
      if (g === 0) continue;
      gain[v] = g;
      if (costs[v] === 0) free += g;
      else paid.push(v);
    }
    paid.sort((a, b) => gain[b] / costs[b] - gain[a] / costs[a]);
    let left = budget;
    let extra = free;
    for (const v of paid) {
      if (left <= 0) break;
      const part = Math.min(1, left / costs[v]);
      extra += part * gain[v];
      left -= part * costs[v];
    }
    return covered + extra;
  }

  /** Affordable starts: all sets of 1 to 3 accounts (full), single top accounts (top), or none. */
  private starts(budget: number, enumeration: Enumeration): number[][] {
    const { costs, setOffsets } = this;
    const n = this.sets.n;
    const out: number[][] = [];
    if (enumeration === 'none') return out;
    if (enumeration === 'full') {
      for (let a = 0; a < n; a++) {
        if (!fits(0, costs[a], budget)) continue;
        out.push([a]);
        for (let b = a + 1; b < n; b++) {
          if (!fits(costs[a], costs[b], budget)) continue;
          out.push([a, b]);
          for (let c = b + 1; c < n; c++)
            if (fits(costs[a] + costs[b], costs[c], budget)) out.push([a, b, c]);
        }
      }
      return out;
    }
    const affordable: number[] = [];
    for (let v = 0; v < n; v++)
      if (fits(0, costs[v], budget) && setOffsets[v + 1] > setOffsets[v]) affordable.push(v);
    const degree = (v: number) => setOffsets[v + 1] - setOffsets[v];
    const byGain = [...affordable].sort((a, b) => degree(b) - degree(a) || a - b).slice(0, TOP_STARTS);
    const ratio = (v: number) => (costs[v] > 0 ? degree(v) / costs[v] : degree(v) * FREE);
    const byRatio = [...affordable].sort((a, b) => ratio(b) - ratio(a) || a - b).slice(0, TOP_STARTS);
    for (const v of new Set([...byGain, ...byRatio])) out.push([v]);
    return out;
  }

  /** One greedy rule from `start` (accounts taken first, in order, if they fit). */
  greedy(budget: number, rule: 'cost-effective' | 'plain', start: readonly number[] = []): BudgetedChoice {
    const { sets, costs, setOffsets, setsOf } = this;
    const n = sets.n;
    const gain = new Float64Array(n);
    for (let v = 0; v < n; v++) gain[v] = setOffsets[v + 1] - setOffsets[v];
    const done = new Uint8Array(sets.count);
    const { offsets, nodes } = sets;
    const chosen: BudgetedChoice = { rule, seeds: [], gains: [], covered: 0, cost: 0 };
    const taken = new Uint8Array(n);
    const take = (u: number) => {
      let added = 0;
      for (let i = setOffsets[u]; i < setOffsets[u + 1]; i++) {
        const j = setsOf[i];
        if (done[j]) continue;
        done[j] = 1;
        added++;
        for (let t = offsets[j]; t < offsets[j + 1]; t++) gain[nodes[t]]--;
      }
      taken[u] = 1;
      chosen.seeds.push(u);
      chosen.gains.push(added);
      chosen.covered += added;
      chosen.cost += costs[u];
    };
    for (const u of start) if (!taken[u] && fits(chosen.cost, costs[u], budget)) take(u);
    const score =
      rule === 'plain'
        ? (v: number) => (taken[v] ? -1 : gain[v])
        : (v: number) => (taken[v] ? -1 : costs[v] > 0 ? gain[v] / costs[v] : gain[v] * FREE);
    const heap = new LazyMaxHeap(n, score);
    for (;;) {
      const u = heap.popFresh();
      if (u < 0 || taken[u] || gain[u] === 0) break;
      // The budget left only shrinks: an account that does not fit now never will.
      if (!fits(chosen.cost, costs[u], budget)) continue;
      take(u);
    }
    return chosen;
  }
}

/** Budgeted max coverage at one budget (see BudgetedCoverer.cover). */
export function budgetedMaxCoverage(
  sets: RrCollection,
  costs: Float64Array,
  budget: number,
  enumeration?: Enumeration,
): BudgetedCoverage {
  return new BudgetedCoverer(sets, costs).cover(budget, enumeration);
}
