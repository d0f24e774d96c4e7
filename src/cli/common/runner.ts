/**
 * The engine runner of a command: this machine's worker threads, or with `--cluster URL` the
 * ripple workers behind a Redis (src/cluster), which give the same results. Commands that can run
 * on a cluster declare CLUSTER_OPTIONS and get their runner here.
 */
import { CLUSTER, CLUSTER_TIMEOUT } from '../../cluster/params.ts';
import type { EngineRunner } from '../../engine/runner.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import { type ParsedOptions, UsageError } from './args.ts';
import type { CommandContext } from './context.ts';
import { warn } from './graph-options.ts';

export const CLUSTER_OPTIONS = [CLUSTER, CLUSTER_TIMEOUT] as const;

/** The runner for `workers` local threads, or the cluster named by --cluster. */
export async function createRunner(
  options: ParsedOptions,
  ctx: CommandContext,
  workers: number,
): Promise<EngineRunner> {
  const url = options.given(CLUSTER);
  if (url === undefined) {
    if (options.has(CLUSTER_TIMEOUT)) throw new UsageError('--cluster-timeout applies with --cluster only');
    return createNodePool(ctx.workerFile, workers);
  }
  const { ClusterRunner } = await import('../../cluster/runner.ts');
  const timeout = options.given(CLUSTER_TIMEOUT);
  // Tuning knob (docs/cluster.md): how long a lost connection to Redis may last.
  const lost = Number(process.env.RIPPLE_CLUSTER_LOST_MS);
  return new ClusterRunner({
    url,
    local: () => createNodePool(ctx.workerFile, workers),
    notice: (line) => warn(ctx, line),
    noWorkerTimeoutMs: timeout === undefined ? null : timeout * 1000,
    ...(Number.isInteger(lost) && lost >= 100 ? { lostConnectionMs: lost } : {}),
  });
}
