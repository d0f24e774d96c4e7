/**
 * The app's engine workers compile the WebAssembly IC loop (src/diffusion/ic-wasm.ts): the page's
 * Content-Security-Policy forbids compiling WebAssembly in the page itself, but the engine runs in
 * module workers loaded from the app's origin, which carry no such policy. (Where compiling is
 * refused, the simulator falls back to the JS kernels with identical numbers: test/diffusion.)
 */
import { describe, expect, it } from 'vitest';
import { openApp, serveAppForFile } from './browser.ts';

const served = serveAppForFile();

/** A minimal valid module: the 8-byte header. */
const compiles = () => {
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return 'compiles';
  } catch (error) {
    return String(error);
  }
};

describe('WebAssembly in the engine workers', () => {
  it('compiles in every engine worker after a run, and not in the page', async () => {
    const page = await served.browser.newPage();
    await openApp(page, served.url);
    await page.getByTestId('run').click();
    await page.getByTestId('spread-mean').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    const workers = page.workers();
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) expect(await worker.evaluate(compiles)).toBe('compiles');
    expect(await page.evaluate(compiles)).not.toBe('compiles');
    await page.close();
  });
});
