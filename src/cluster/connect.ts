/**
 * Opening a Redis connection for the cluster, with one clear error when it cannot be had: the
 * server is unreachable, refuses the password, or does not answer in time.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { type RedisTarget, redisOptions } from './url.ts';

/** Any cluster failure the user should see as one line (exit 1). */
export class ClusterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterError';
  }
}

const CONNECT_MS = 8000;

/** The reason of a Redis error as users know it (ECONNREFUSED, WRONGPASS, ...). */
export function redisReason(error: unknown): string {
  const e = error as { code?: string; message?: string } | null;
  const message = e?.message ?? String(error);
  return e?.code && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}

/** Connection options for every client of a cluster role (ours and BullMQ's). */
export function clientOptions(target: RedisTarget, role: string): Record<string, unknown> {
  return {
    ...redisOptions(target),
    connectionName: `ripple-${role}`,
    connectTimeout: 5000,
    // Retry quickly; whoever owns the client decides when a lost connection is fatal.
    retryStrategy: (times: number) => Math.min(1000, 100 * times),
  };
}

/** A connected client for our own commands (graph snapshots, heartbeats). */
export async function connectRedis(target: RedisTarget, role: string): Promise<Redis> {
  const client = new Redis({
    ...clientOptions(target, role),
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  } as RedisOptions);
  let last: unknown = null;
  client.on('error', (e) => {
    last = e;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CONNECT_MS / 1000} s`)), CONNECT_MS);
      }),
    ]);
    await client.ping();
  } catch (e) {
    client.disconnect();
    const reason = redisReason(last ?? e);
    if (/WRONGPASS|NOAUTH|invalid password|AUTH/i.test(reason))
      throw new ClusterError(`Redis at ${target.display} refused the credentials (${reason})`);
    throw new ClusterError(`cannot reach Redis at ${target.display} (${reason})`);
  } finally {
    clearTimeout(timer);
  }
  return client;
}
