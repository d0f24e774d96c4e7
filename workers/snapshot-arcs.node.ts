/** Node worker_threads entry of a two-thread snapshot load: hash and arc checks (src/cli/common/snapshot-arcs.ts). */
import { parentPort } from 'node:worker_threads';
import { serveArcChecks } from '../src/cli/common/snapshot-arcs.ts';

if (!parentPort) throw new Error('snapshot-arcs.node: must run inside a worker thread');
serveArcChecks(parentPort);
