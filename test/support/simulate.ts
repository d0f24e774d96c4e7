/** Run a scenario in-process (no workers) and summarise it. */
import { createSimulator } from '../../src/diffusion/simulator.ts';
import { summarize } from '../../src/diffusion/summary.ts';
import type { ModelParams, SeedPlan, ShardResult, SimulationSummary } from '../../src/diffusion/types.ts';
import type { Csr } from '../../src/graph/types.ts';

export const params = (p: Partial<ModelParams> & Pick<ModelParams, 'model'>): ModelParams => ({
  p: null,
  gamma: 1,
  phi: 0.5,
  maxSteps: null,
  ...p,
});

export const seedsAt = (...nodes: number[]): SeedPlan => ({ kind: 'groups', groups: [{ nodes, start: 0 }] });

export function runLocal(
  csr: Csr,
  model: ModelParams,
  seeds: SeedPlan,
  runs: number,
  rngSeed = 1,
  traceRun: number | null = null,
): { shard: ShardResult; summary: SimulationSummary } {
  const shard = createSimulator(csr, model).runShard({
    seeds,
    rngSeed,
    firstRun: 0,
    runCount: runs,
    traceRun,
  });
  return { shard, summary: summarize(shard) };
}

/** Standard error of the mean of a sample with standard deviation std. */
export const standardError = (std: number, runs: number): number => std / Math.sqrt(runs);
