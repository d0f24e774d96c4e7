/** yieldTask: a new task (not a microtask), after the I/O callbacks and immediates queued before it. */
import { describe, expect, it } from 'vitest';
import { yieldTask } from '../../src/util/next-task.ts';

describe('yieldTask', () => {
  it('resolves in a new task: microtasks queued after it run first', async () => {
    const order: string[] = [];
    const yielded = yieldTask().then(() => order.push('task'));
    void Promise.resolve().then(() => order.push('microtask'));
    await yielded;
    expect(order).toEqual(['microtask', 'task']);
  });

  it('lets the callbacks queued before it run (Node: setImmediate, no 1 ms timer)', async () => {
    let ran = false;
    setImmediate(() => {
      ran = true;
    });
    await yieldTask();
    expect(ran).toBe(true);
  });

  it('takes far less than a timer per yield (100 yields under 50 ms; setTimeout(0) waits 1 ms each)', async () => {
    const t0 = performance.now();
    for (let i = 0; i < 100; i++) await yieldTask();
    expect(performance.now() - t0).toBeLessThan(50);
  });
});
