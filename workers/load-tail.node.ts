/** Node worker_threads entry of a split load: read the tail of an edge list (src/cli/common/split-load.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { runTailJob, type TailJob } from '../src/cli/common/split-load.ts';

if (!parentPort) throw new Error('load-tail.node: must run inside a worker thread');
const port = parentPort;
await runTailJob(workerData as TailJob, (part, transfer) => port.postMessage(part, transfer));
