/**
 * The distance analysis over an engine pool: a DistanceRunner whose BFS batches and HyperANF
 * estimate run as worker jobs (src/engine/jobs.ts), with the pool's progress and cancel. Used by
 * `ripple stats` (Node worker threads) and the app's six-degrees panel (Web Workers) alike.
 */
import type { EnginePool, RunOptions } from '../../engine/pool.ts';
import type { DistanceRunner } from './analyze.ts';

export function poolDistanceRunner(pool: EnginePool, run: RunOptions = {}): DistanceRunner {
  return {
    bfs: (inputs) => pool.runJobs('distanceBfs', inputs, run),
    hyperAnf: async (input) => (await pool.runJobs('distanceHyperAnf', [input], run))[0],
  };
}
