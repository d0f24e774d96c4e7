// A worker that dies (process.exit inside the thread) on its first shard or job: for the pool's crash test.
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';

Comlink.expose(
  {
    setGraph() {},
    runShard() {
      process.exit(3);
    },
    runJob() {
      process.exit(3);
    },
  },
  nodeEndpoint(parentPort),
);
