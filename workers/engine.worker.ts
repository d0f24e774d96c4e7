/** Browser Web Worker entry: every capability's jobs, and the engine exposed with comlink. */
import * as Comlink from 'comlink';
import '../src/all-jobs.ts';
import { createEngineApi } from '../src/engine/worker-api.ts';

Comlink.expose(createEngineApi());
