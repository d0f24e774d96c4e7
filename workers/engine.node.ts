/** Node worker_threads entry: the same engine and jobs, exposed over comlink's node adapter. */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import '../src/all-jobs.ts';
import { createEngineApi } from '../src/engine/worker-api.ts';

if (!parentPort) throw new Error('engine.node: must run inside a worker thread');
Comlink.expose(createEngineApi(), nodeEndpoint(parentPort));
