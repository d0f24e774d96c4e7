/**
 * The progress line of a seed-finding run: the phases findSeeds reports and the pool's progress
 * of each batch of jobs, turned into what the user can read (sampled sets of this phase, accounts
 * of CELF's first round, seeds chosen, simulations) and the whole run's time left from a Forecast
 * (estimate.ts). IMM's rounds and theta replace the predicted ones as they become known.
 */
import type { Progress } from '../../../engine/pool.ts';
import type { SeedPhase } from '../../../seeding/find-seeds.ts';
import {
  type Calibration,
  type Estimate,
  type EstimateStep,
  Forecast,
  immBudgetMs,
  immSamplingMs,
  immSelectionMs,
} from './estimate.ts';

export class SeedProgress {
  private readonly forecast: Forecast | null;
  private name: SeedPhase['name'] | null = null;
  /** IMM: sets of the sampling rounds so far; sets the current batch started from and aims at. */
  private rounds: number[] = [];
  private from = 0;
  private target = 0;
  private shown: { done: number; total: number } = { done: 0, total: 0 };
  private celfFirst = false;
  private readonly started: number;

  constructor(
    private readonly n: number,
    private readonly cal: Calibration | null,
    private readonly estimate: Estimate | null,
    now: number,
  ) {
    this.forecast = estimate ? new Forecast(estimate, now) : null;
    this.started = now;
  }

  private step(name: EstimateStep['name'], ms?: number): void {
    this.forecast?.start(name, ms);
  }

  /** A phase starts; returns the line to show. */
  phase(phase: SeedPhase, now: number): Progress {
    this.name = phase.name;
    const plan = this.estimate?.imm ?? null;
    switch (phase.name) {
      case 'sampling': {
        this.from = this.rounds[this.rounds.length - 1] ?? 0;
        this.rounds.push(phase.sets);
        this.target = phase.sets;
        const predicted = plan ? plan.rounds[plan.rounds.length - 1] : 0;
        // A round beyond the predicted ones: the sampling step grows to what is known now.
        const ms = this.cal && phase.sets > predicted ? immSamplingMs(this.cal, this.rounds) : undefined;
        if (this.rounds.length === 1 || ms !== undefined) this.step('sampling', ms);
        this.shown = { done: this.from, total: phase.sets };
        break;
      }
      case 'selection': {
        this.from = 0;
        this.target = phase.sets;
        const sampled = this.rounds[this.rounds.length - 1] ?? 0;
        this.step('selection', this.cal ? immSelectionMs(this.cal, phase.sets) : undefined);
        if (this.cal) this.forecast?.replan('budget', immBudgetMs(this.cal, sampled, phase.sets));
        this.shown = { done: 0, total: phase.sets };
        break;
      }
      case 'celf':
        this.celfFirst = phase.first;
        this.step(phase.first ? 'celfFirst' : 'celf');
        this.shown = phase.first ? { done: 0, total: this.n } : { done: 0, total: 0 };
        break;
      default:
        this.step(phase.name);
        this.shown = { done: 0, total: 0 };
    }
    return this.line(now, null);
  }

  /** The pool's progress of the current batch; returns the line to show. */
  pool(p: Progress, now: number): Progress {
    const part = p.total > 0 ? p.done / p.total : 0;
    switch (this.name) {
      case 'sampling':
      case 'selection': {
        const done = Math.round(this.from + part * (this.target - this.from));
        this.shown = { done, total: this.target };
        const plan = this.estimate?.imm;
        const total =
          this.name === 'sampling' && plan
            ? Math.max(this.target, plan.rounds[plan.rounds.length - 1] ?? 0)
            : this.target;
        this.forecast?.progress(total > 0 ? done / total : 0);
        break;
      }
      case 'celf':
        // First round: jobs over every account (shown as accounts); after it, seeds chosen of k.
        this.shown = this.celfFirst
          ? { done: Math.round(part * this.n), total: this.n }
          : { done: p.done, total: p.total };
        this.forecast?.progress(part);
        break;
      default:
        this.shown = { done: p.done, total: p.total };
        this.forecast?.progress(part);
    }
    return this.line(now, p.etaMs);
  }

  /** The same line with the time left as of now (between the pool's reports). */
  tick(now: number): Progress {
    return this.line(now, null);
  }

  private line(now: number, poolEta: number | null): Progress {
    return {
      done: this.shown.done,
      total: this.shown.total,
      elapsedMs: now - this.started,
      etaMs: this.forecast ? this.forecast.etaMs(now) : poolEta,
    };
  }
}
