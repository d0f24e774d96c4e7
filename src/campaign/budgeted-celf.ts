/**
 * The budgeted greedy on Monte Carlo estimates, for small graphs (CELF's path: Leskovec et al.
 * KDD 2007 introduced lazy evaluation for exactly this budgeted problem). Both rules of
 * budgeted-coverage.ts (most gain per unit of cost, most gain) with lazy evaluation: a gain
 * computed earlier is an upper bound of the gain now, so only candidates at the top of the order
 * are re-estimated, a batch at a time. Every estimate uses the same runs (common random numbers).
 */
import type { SpreadEvaluator } from '../seeding/celf.ts';
import type { GreedyRule } from './budgeted-coverage.ts';
import { fits } from './costs.ts';

type TwoRules = Exclude<GreedyRule, 'enumeration'>;

export interface CelfChoice {
  rule: TwoRules;
  seeds: number[];
  /** Estimated gain of each pick (objective units, on the selection runs). */
  gains: number[];
  /** Estimated objective of the chosen set (on the selection runs: optimistic). */
  value: number;
  cost: number;
  evaluations: number;
}

export interface BudgetedCelfOptions {
  /** Candidates re-estimated per round trip [8]. */
  batch?: number;
  /** Told after each pick. */
  onPick?: (rule: TwoRules, picks: number) => void;
}

/** Both rules (sharing the first round), and the better of them by estimated value. */
export async function budgetedCelf(
  costs: Float64Array,
  budget: number,
  evaluate: SpreadEvaluator,
  options: BudgetedCelfOptions = {},
): Promise<{ best: CelfChoice; byRule: Record<TwoRules, CelfChoice> }> {
  const n = costs.length;
  const all = Array.from({ length: n }, (_, v) => v);
  const first = await evaluate([], all);
  const run = (rule: TwoRules) => lazyGreedy(rule, costs, budget, first, evaluate, options);
  const ce = await run('cost-effective');
  const plain = await run('plain');
  const best = plain.value > ce.value || (plain.value === ce.value && plain.cost < ce.cost) ? plain : ce;
  return { best, byRule: { 'cost-effective': ce, plain } };
}

async function lazyGreedy(
  rule: TwoRules,
  costs: Float64Array,
  budget: number,
  first: Float64Array,
  evaluate: SpreadEvaluator,
  options: BudgetedCelfOptions,
): Promise<CelfChoice> {
  const batch = options.batch ?? 8;
  const n = costs.length;
  const gain = Float64Array.from(first);
  const round = new Int32Array(n);
  const score = (v: number) =>
    rule === 'plain'
      ? gain[v]
      : costs[v] > 0
        ? gain[v] / costs[v]
        : gain[v] > 0
          ? Number.MAX_VALUE * (gain[v] / n)
          : 0;
  let alive = Array.from({ length: n }, (_, v) => v);
  const choice: CelfChoice = { rule, seeds: [], gains: [], value: 0, cost: 0, evaluations: n };
  for (;;) {
    alive = alive.filter((v) => fits(choice.cost, costs[v], budget));
    alive.sort((a, b) => score(b) - score(a) || a - b);
    const top = alive[0];
    if (top === undefined || !(gain[top] > 0)) break;
    if (round[top] === choice.seeds.length) {
      alive.shift();
      choice.seeds.push(top);
      choice.gains.push(gain[top]);
      choice.value += gain[top];
      choice.cost += costs[top];
      options.onPick?.(rule, choice.seeds.length);
      continue;
    }
    const stale: number[] = [];
    for (const v of alive) {
      if (round[v] === choice.seeds.length || stale.length === batch) break;
      stale.push(v);
    }
    const values = await evaluate(choice.seeds, stale);
    choice.evaluations += stale.length;
    stale.forEach((v, i) => {
      gain[v] = values[i] - choice.value;
      round[v] = choice.seeds.length;
    });
  }
  return choice;
}
