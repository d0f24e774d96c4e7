/** Paths of the bundled Node worker (built by test/global-setup.ts) and the crash-test worker. */
export const ENGINE_WORKER = new URL('../../.cache/node/engine.worker.mjs', import.meta.url);
export const CRASH_WORKER = new URL('./crash-worker.mjs', import.meta.url);
