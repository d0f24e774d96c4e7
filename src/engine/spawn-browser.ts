/** Spawn engine workers as browser module Web Workers (bundled by Vite). */
import * as Comlink from 'comlink';
import { EnginePool, type Spawn, type WorkerHandle } from './pool.ts';
import { shareCsr } from './share.ts';
import type { EngineApi } from './types.ts';

export const browserSpawner: Spawn = (): WorkerHandle => {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'ripple-engine',
  });
  const api = Comlink.wrap<EngineApi>(worker);
  const listeners: ((e: Error) => void)[] = [];
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    const error = new Error(event.message || 'engine worker failed to load');
    for (const l of listeners) l(error);
  });
  return {
    api,
    terminate() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
    onCrash(listener) {
      listeners.push(listener);
    },
  };
};

export function createBrowserPool(
  size = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8)),
): EnginePool {
  return new EnginePool(browserSpawner, size, shareCsr);
}
