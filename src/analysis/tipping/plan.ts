/**
 * Planning a sweep: checking the options, the initial grid, what each point simulates (model
 * parameters, seeds, random seed) and where the refinement adds points.
 *
 * A point's random seed is derived from the sweep's seed and the point's x alone, so a point
 * gives the same runs whether it came from the grid, the refinement or the seed search, and
 * whatever the number of workers.
 */
import { OptionError } from '../../diffusion/defaults.ts';
import type { ModelParams, SeedPlan } from '../../diffusion/types.ts';
import { mix32 } from '../../util/rng.ts';
import type { KSeeds, TippingOptions, Vary } from './types.ts';

/** At most this many grid points (a sweep is a few dozen Monte Carlo simulations, not thousands). */
export const MAX_STEPS = 1000;

/** Check the options against the graph size; every error names the option. */
export function validateTipping(options: TippingOptions, nodes: number): void {
  const { vary, from, to, steps, runs, params, target } = options;
  const model = params.model;
  if (vary === 'p' && model !== 'ic' && model !== 'sir')
    throw new OptionError(`vary: p is the spread probability of ic and sir, not of ${model}`);
  if (vary === 'phi' && model !== 'threshold')
    throw new OptionError(`vary: phi is the adoption threshold of the threshold model, not of ${model}`);
  if (vary !== 'p' && vary !== 'k' && vary !== 'phi')
    throw new OptionError(`vary: expected one of p, k, phi, got '${String(vary)}'`);
  if (!Number.isFinite(from) || !Number.isFinite(to))
    throw new OptionError(`from/to: expected numbers, got ${from} and ${to}`);
  if (!(from < to)) throw new OptionError(`from/to: expected from < to, got ${from} and ${to}`);
  if (vary === 'k') {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > nodes)
      throw new OptionError(`from/to: k ranges over whole numbers from 1 to ${nodes}, got ${from} and ${to}`);
  } else if (from < 0 || to > 1) {
    throw new OptionError(
      `from/to: ${vary} is a probability, so from and to lie in [0, 1]; got ${from} and ${to}`,
    );
  }
  if (!Number.isInteger(steps) || steps < 2 || steps > MAX_STEPS)
    throw new OptionError(`steps: expected a whole number from 2 to ${MAX_STEPS}, got ${steps}`);
  if (!Number.isInteger(runs) || runs < 1)
    throw new OptionError(`runs: expected a whole number >= 1, got ${runs}`);
  if (target !== undefined && target !== null) {
    if (vary !== 'k') throw new OptionError('target: the fewest seeds reaching a share needs vary k');
    if (!(target > 0 && target <= 1))
      throw new OptionError(`target: expected a share of the nodes in (0, 1], got ${target}`);
  }
  if (vary === 'k' && options.seeds)
    throw new OptionError('seeds: a k sweep chooses its own seeds (top by a metric, or random)');
  if (options.kSeeds?.kind === 'top' && options.kSeeds.order.length < Math.min(to, nodes))
    throw new OptionError(
      `seeds: the ranking holds ${options.kSeeds.order.length} nodes, fewer than k = ${to}`,
    );
}

/** The initial evenly spaced grid (rounded and deduplicated for k). */
export function gridPoints(vary: Vary, from: number, to: number, steps: number): number[] {
  const xs: number[] = [];
  for (let i = 0; i < steps; i++) {
    const x = i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1);
    xs.push(vary === 'k' ? Math.round(x) : x);
  }
  return [...new Set(xs)].sort((a, b) => a - b);
}

/** Model parameters at a point of the sweep. */
export function paramsAt(params: ModelParams, vary: Vary, x: number): ModelParams {
  if (vary === 'p') return { ...params, p: x };
  if (vary === 'phi') return { ...params, phi: x };
  return params;
}

/** Seeds at a point of the sweep: the given plan (default one random seed), or k of them. */
export function seedsAt(options: TippingOptions, x: number): SeedPlan {
  if (options.vary !== 'k') return options.seeds ?? { kind: 'random', k: 1 };
  return kSeedPlan(options.kSeeds ?? { kind: 'random' }, x);
}

export function kSeedPlan(kSeeds: KSeeds, k: number): SeedPlan {
  if (kSeeds.kind === 'random') return { kind: 'random', k };
  return {
    kind: 'groups',
    groups: [{ nodes: Array.from({ length: k }, (_, i) => kSeeds.order[i]), start: 0 }],
  };
}

const bits = new DataView(new ArrayBuffer(8));

/** The random seed of the point at x: a hash of the sweep's seed and the bits of x. */
export function pointSeed(rngSeed: number, x: number): number {
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  return mix32(mix32(mix32(rngSeed >>> 0) ^ hi) ^ lo);
}

/**
 * Points to add inside [a, b] (exclusive), `parts` - 1 of them evenly spaced; integers for k
 * (none when a and b are adjacent integers). Skipped when b - a is below `minWidth`.
 */
export function pointsBetween(vary: Vary, a: number, b: number, parts: number, minWidth: number): number[] {
  if (b - a < minWidth) return [];
  const out: number[] = [];
  for (let j = 1; j < parts; j++) {
    const x = a + ((b - a) * j) / parts;
    out.push(vary === 'k' ? Math.round(x) : x);
  }
  return [...new Set(out)].filter((x) => x > a && x < b);
}
