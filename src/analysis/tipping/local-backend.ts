/**
 * An in-process SimulationBackend: the engine's simulator run in this thread, in chunks, with
 * progress and cancellation between chunks. For tests and graphs small enough that worker round
 * trips cost more than they save; its results equal an EnginePool's run for run, since run r
 * always uses the random stream (seed, r).
 */

import { createSimulator } from '../../diffusion/simulator.ts';
import { mergeShards } from '../../diffusion/summary.ts';
import type { ShardResult } from '../../diffusion/types.ts';
import { AbortError } from '../../engine/pool.ts';
import type { RunOptions, SimulationRequest } from '../../engine/types.ts';
import type { Csr } from '../../graph/types.ts';
import type { SimulationBackend } from './types.ts';

/** Runs per chunk between progress reports and cancellation checks. */
const CHUNK_RUNS = 256;

export function localBackend(csr: Csr): SimulationBackend {
  return {
    async simulate(scenario: SimulationRequest, options: RunOptions = {}): Promise<ShardResult> {
      const { signal, onProgress } = options;
      const simulator = createSimulator(csr, scenario.params);
      const started = Date.now();
      const shards: ShardResult[] = [];
      for (let first = 0; first < scenario.runs; first += CHUNK_RUNS) {
        if (signal?.aborted) throw new AbortError();
        shards.push(
          simulator.runShard({
            seeds: scenario.seeds,
            rngSeed: scenario.rngSeed,
            firstRun: first,
            runCount: Math.min(CHUNK_RUNS, scenario.runs - first),
            traceRun: scenario.traceRun,
            nodeCounts: scenario.nodeCounts ?? false,
          }),
        );
        const done = Math.min(first + CHUNK_RUNS, scenario.runs);
        const elapsedMs = Date.now() - started;
        onProgress?.({
          done,
          total: scenario.runs,
          elapsedMs,
          etaMs: (elapsedMs / done) * (scenario.runs - done),
        });
      }
      if (signal?.aborted) throw new AbortError();
      return mergeShards(shards);
    },
  };
}
