/** Bundles the Node entry points (CLI and engine worker) once, so tests spawn real worker_threads. */
import { buildNode } from '../bin/build-node.mjs';

export default async function setup(): Promise<void> {
  await buildNode();
}
