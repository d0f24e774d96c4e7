/**
 * `ripple worker --cluster URL`: a long-running cluster worker (src/cluster/worker.ts). It takes
 * shards of `simulate`, `tipping`, `seeds` and `rank --metric influence` runs from the queue in
 * that Redis, runs them on this machine's engine threads, and logs one line per shard on stdout
 * (a JSON object per line with --json). SIGTERM stops it after the shards in hand; Ctrl-C too,
 * or at once on a second Ctrl-C. See docs/cluster.md.
 */
import { CLUSTER, CONCURRENCY } from '../../cluster/params.ts';
import { type ClusterWorkerOptions, runWorker } from '../../cluster/worker.ts';
import { JSON_OUTPUT, WORKERS } from '../../engine/run-params.ts';
import { createNodePool } from '../../engine/spawn-node.ts';
import { adapt } from '../../util/param-spec.ts';
import { printable } from '../../util/printable.ts';
import type { Command, ParsedOptions } from '../common/args.ts';
import type { CommandContext } from '../common/context.ts';
import { OUTPUT_OPTIONS, workerCount } from '../common/graph-options.ts';

const WORKER_CLUSTER = adapt(CLUSTER, {
  required: true,
  help: {
    en: 'the Redis of the cluster: redis://[:PASSWORD@]HOST:PORT, or rediss:// for TLS',
    zh: '集群所用的 Redis：redis://[:密码@]主机:端口，TLS 用 rediss://',
  },
});
const WORKER_THREADS = adapt(WORKERS, {
  help: { en: 'engine threads of this worker', zh: '此工作进程的引擎线程数' },
});

/** Test and tuning knobs (docs/cluster.md): BullMQ's shard lock and stalled-shard check, in ms. */
const envMs = (name: string): number | undefined => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 100 ? value : undefined;
};

export const WORKER: Command = {
  summary: 'a cluster worker: run the shards queued in a Redis (docs/cluster.md)',
  usage: '--cluster redis://HOST:PORT [options]',
  options: [WORKER_CLUSTER, CONCURRENCY, WORKER_THREADS, ...OUTPUT_OPTIONS],
  examples: [
    'ripple worker --cluster redis://10.0.0.5:6379',
    'ripple worker --cluster redis://:secret@10.0.0.5:6379 --json',
  ],
  run: workerCommand,
};

export async function workerCommand(options: ParsedOptions, ctx: CommandContext): Promise<void> {
  const url = options.need(WORKER_CLUSTER);
  const concurrency = options.need(CONCURRENCY);
  const threads = workerCount(options, ctx);
  const json = options.get(JSON_OUTPUT) === true;
  const stop = new AbortController();
  const onTerm = () => stop.abort();
  process.on('SIGTERM', onTerm);
  ctx.signal?.addEventListener('abort', onTerm, { once: true });
  const log: ClusterWorkerOptions['log'] = ({ text, ...fields }) => {
    const time = new Date().toISOString();
    ctx.stdout.write(
      json
        ? `${JSON.stringify({ time, ...fields })}\n`
        : `${time.slice(0, 19).replace('T', ' ')} ${printable(text)}\n`,
    );
  };
  try {
    const stopped = await runWorker({
      url,
      threads,
      concurrency,
      pool: (size) => createNodePool(ctx.workerFile, size),
      log,
      stop: stop.signal,
      lockMs: envMs('RIPPLE_CLUSTER_LOCK_MS'),
      stalledMs: envMs('RIPPLE_CLUSTER_STALLED_MS'),
    });
    // Stopped without Redis: BullMQ's clients keep reconnect timers alive; the process is done.
    if (stopped.withoutRedis) setTimeout(() => process.exit(), 1000).unref();
  } finally {
    process.off('SIGTERM', onTerm);
    ctx.signal?.removeEventListener('abort', onTerm);
  }
}
