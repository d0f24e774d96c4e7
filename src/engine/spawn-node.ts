/** Spawn engine workers as Node worker_threads running the bundled engine.node entry. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { Csr } from '../graph/types.ts';
import { EnginePool, type Spawn, type WorkerHandle } from './pool.ts';
import { shareCsr } from './share.ts';
import type { EngineApi } from './types.ts';

export function nodeSpawner(workerFile: URL): Spawn {
  return (): WorkerHandle => {
    const worker = new Worker(workerFile);
    const api = Comlink.wrap<EngineApi>(nodeEndpoint(worker));
    let exiting = false;
    const crashListeners: ((e: Error) => void)[] = [];
    let crashed = false;
    const crash = (error: Error) => {
      if (crashed || exiting) return;
      crashed = true;
      for (const l of crashListeners) l(error);
    };
    worker.on('error', (error) => crash(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => crash(new Error(`worker exited with code ${code}`)));
    return {
      api,
      terminate() {
        exiting = true;
        api[Comlink.releaseProxy]();
        void worker.terminate();
      },
      onCrash(listener) {
        crashListeners.push(listener);
      },
    };
  };
}

export function defaultWorkerCount(): number {
  return availableParallelism();
}

let inlineEngine: (() => EngineApi) | undefined;

/**
 * Let the pools createNodePool makes from now on run small work in this thread, with this engine
 * (the CLI does, once, with every job registered: src/all-jobs.ts); see EnginePool.
 */
export function useInlineEngine(make: () => EngineApi): void {
  inlineEngine = make;
}

/** A pool of Node workers sharing the graph through SharedArrayBuffers. */
export function createNodePool(workerFile: URL, size = defaultWorkerCount()): EnginePool {
  return new EnginePool(nodeSpawner(workerFile), size, (csr: Csr) => shareCsr(csr), { inline: inlineEngine });
}
