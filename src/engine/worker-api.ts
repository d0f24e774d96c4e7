/**
 * The engine behind the worker boundary, environment-free: the browser and Node entry files
 * (workers/) register every capability's jobs (src/all-jobs.ts) and expose this object. Simulators (scratch space, per-arc tables) are cached per model
 * parameters so consecutive shards of one scenario reuse them.
 */
import * as Comlink from 'comlink';
import { createSimulator, type Simulator } from '../diffusion/simulator.ts';
import type { ShardRequest, ShardResult } from '../diffusion/types.ts';
import type { Csr } from '../graph/types.ts';
import { jobHandler, transferables } from './jobs.ts';
import type { EngineApi } from './types.ts';

export function createEngineApi(): EngineApi {
  let graph: { csr: Csr; key: string } | null = null;
  let simulator: { key: string; sim: Simulator } | null = null;
  let cache = new Map<string, unknown>();

  function installed(graphKey: string): Csr {
    if (!graph || graph.key !== graphKey)
      throw new Error(`engine worker: graph '${graphKey}' was not sent to this worker`);
    return graph.csr;
  }

  return {
    setGraph(csr, graphKey) {
      graph = { csr, key: graphKey };
      simulator = null;
      cache = new Map();
    },
    runShard(graphKey: string, request: ShardRequest): ShardResult {
      const csr = installed(graphKey);
      const key = JSON.stringify(request.params);
      if (!simulator || simulator.key !== key) simulator = { key, sim: createSimulator(csr, request.params) };
      const result = simulator.sim.runShard(request);
      const buffers: Transferable[] = [
        result.sizes.buffer,
        result.exposed.buffer,
        result.hopCounts.buffer,
        result.stepCounts.buffer,
        result.lastSteps.buffer,
        result.stepSquares.buffer,
      ];
      if (result.nodeCounts) buffers.push(result.nodeCounts.buffer);
      if (result.via) buffers.push(result.via.buffer);
      if (result.trace) {
        const t = result.trace;
        buffers.push(t.nodes.buffer, t.steps.buffer, t.hops.buffer, t.parents.buffer, t.exposed.buffer);
      }
      return Comlink.transfer(result, buffers as Transferable[]);
    },
    runJob(graphKey: string, kind: string, input: unknown): unknown {
      const csr = installed(graphKey);
      const output = jobHandler(kind)({ csr, cache }, input);
      // Comlink keys transfers by the object: primitives go back as they are.
      if (output === null || typeof output !== 'object') return output;
      return Comlink.transfer(output, transferables(output));
    },
  };
}
