/** Node worker_threads entry of a two-thread snapshot load: the arc checks (src/cli/common/snapshot-arcs.ts). */
import { parentPort } from 'node:worker_threads';
import { snapshotArcProblem } from '../src/graph/snapshot.ts';

if (!parentPort) throw new Error('snapshot-arcs.node: must run inside a worker thread');
const port = parentPort;
port.once('message', (arcs) => {
  port.postMessage(snapshotArcProblem(arcs));
  port.close();
});
