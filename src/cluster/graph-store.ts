/**
 * Graph snapshots in Redis, keyed by content hash, so a graph travels once per cluster however
 * many shards and calls use it: the coordinator stores it unless it is there already (and then
 * only refreshes its expiry), workers fetch it once and keep it by hash (worker.ts).
 */
import type { Redis } from 'ioredis';
import { graphKey } from './protocol.ts';

/** Chunk size: Redis strings stop at 512 MiB. */
const CHUNK = 64 << 20;
/** A stored graph expires a day after its last use. */
export const GRAPH_TTL_S = 24 * 3600;
/** Largest snapshot a worker accepts from Redis (a 24 GiB machine holds about this much CSR). */
const MAX_GRAPH_BYTES = 16 * 2 ** 30;

/**
 * Store the snapshot unless Redis holds it; either way its expiry starts again. `snapshot` makes
 * the bytes only when they must be sent. Returns whether they were.
 */
export async function putGraph(redis: Redis, hash: string, snapshot: () => Uint8Array): Promise<boolean> {
  let stored: unknown = null;
  try {
    stored = JSON.parse((await redis.get(graphKey(hash, 'meta'))) ?? 'null')?.chunks;
  } catch {
    // a malformed record: store the graph again
  }
  if (typeof stored === 'number' && (await redis.expire(graphKey(hash, 'meta'), GRAPH_TTL_S)) === 1) {
    const refresh = redis.pipeline();
    for (let i = 0; i < stored && i < 1024; i++) refresh.expire(graphKey(hash, i), GRAPH_TTL_S);
    await refresh.exec();
    return false;
  }
  const bytes = snapshot();
  const chunks = Math.max(1, Math.ceil(bytes.length / CHUNK));
  for (let i = 0; i < chunks; i++) {
    const part = bytes.subarray(i * CHUNK, Math.min(bytes.length, (i + 1) * CHUNK));
    await redis.set(
      graphKey(hash, i),
      Buffer.from(part.buffer, part.byteOffset, part.byteLength),
      'EX',
      GRAPH_TTL_S,
    );
  }
  // The meta key last: a reader that finds it finds every chunk.
  await redis.set(graphKey(hash, 'meta'), JSON.stringify({ bytes: bytes.length, chunks }), 'EX', GRAPH_TTL_S);
  return true;
}

export class GraphFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphFetchError';
  }
}

/** The snapshot's bytes, or null when Redis does not hold it (expired, flushed, restarted). */
export async function getGraph(redis: Redis, hash: string): Promise<Uint8Array | null> {
  const metaText = await redis.get(graphKey(hash, 'meta'));
  if (metaText === null) return null;
  let meta: { bytes: number; chunks: number };
  try {
    meta = JSON.parse(metaText);
  } catch {
    throw new GraphFetchError(`graph ${hash}: its size record in Redis is not JSON`);
  }
  const { bytes, chunks } = meta ?? {};
  if (
    !Number.isSafeInteger(bytes) ||
    bytes < 0 ||
    bytes > MAX_GRAPH_BYTES ||
    chunks !== Math.max(1, Math.ceil(bytes / CHUNK))
  )
    throw new GraphFetchError(`graph ${hash}: its size record in Redis is malformed`);
  const out = new Uint8Array(bytes);
  for (let i = 0; i < chunks; i++) {
    const part = await redis.getBuffer(graphKey(hash, i));
    const expected = Math.min(CHUNK, bytes - i * CHUNK);
    if (part === null) return null;
    if (part.length !== expected)
      throw new GraphFetchError(`graph ${hash}: chunk ${i} has ${part.length} bytes, not ${expected}`);
    out.set(part, i * CHUNK);
  }
  return out;
}
