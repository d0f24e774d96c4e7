/**
 * Monte Carlo runs as a registered job (jobs.ts): runs [firstRun, firstRun + runCount) of a
 * scenario, for runners that hand out run ranges themselves (a cluster worker runs the range of
 * its shard this way). The simulator is built once per worker, graph and model parameters, under
 * the key seeding's jobs use too. Registered by src/all-jobs.ts.
 */
import { createSimulator, type Simulator } from '../diffusion/simulator.ts';
import type { ShardRequest, ShardResult } from '../diffusion/types.ts';
import { cached, registerJobs } from './jobs.ts';
import type { JobContext } from './types.ts';

export const simulationJobs = {
  simulateRuns(ctx: JobContext, request: ShardRequest): ShardResult {
    const simulator = cached<Simulator>(ctx, `sim:${JSON.stringify(request.params)}`, () =>
      createSimulator(ctx.csr, request.params),
    );
    return simulator.runShard(request);
  },
};
registerJobs(simulationJobs);
type SimulationJobs = typeof simulationJobs;
declare module './jobs.ts' {
  interface JobTypes extends SimulationJobs {}
}
