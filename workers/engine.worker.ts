/** Browser Web Worker entry: exposes the engine with comlink. */
import * as Comlink from 'comlink';
import { createEngineApi } from './engine-api.ts';

Comlink.expose(createEngineApi());
