/** Yielding the main thread between slices of work, without setTimeout's 4 ms clamping. */

/** Run fn in a new task (not a microtask). */
export function nextTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

/**
 * Resolves in a new task: `await yieldTask()` lets input and rendering in (a page), I/O, signals
 * and timers (Node: setImmediate, with neither setTimeout's clamping to 1 ms nor a MessagePort).
 */
export function yieldTask(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => nextTask(resolve));
}
