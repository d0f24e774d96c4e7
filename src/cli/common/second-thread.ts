/**
 * What the loads that use a second thread share (split-load.ts for edge lists, snapshot-arcs.ts
 * for snapshots): the size threshold a test may set through the environment, and whether their
 * bundled worker can run here.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** A byte count from the environment variable `name`, or null when unset or not a whole number >= 0. */
export function bytesFromEnvironment(name: string): number | null {
  const given = process.env[name];
  const n = given === undefined || given === '' ? Number.NaN : Number(given);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/**
 * `script` when a worker on it can help: two cores or more, and the bundle's file is there (not
 * when running from source, where the URL names a file esbuild has not written).
 */
export function bundledWorker(script: URL): URL | null {
  if (availableParallelism() < 2) return null;
  return script.protocol === 'file:' && existsSync(script) ? script : null;
}
