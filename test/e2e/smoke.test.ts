/**
 * Smoke test of the built app in headless Chromium: the default dataset loads cross-origin
 * isolated with a seed already chosen (the top account by PageRank), and pressing Run gives the
 * very number the Node engine gives for the same scenario: the same engine code in both places.
 * The engine workers compile the WebAssembly IC loop (src/diffusion/ic-wasm.ts): the page's CSP
 * forbids compiling WebAssembly in the page itself, but module workers loaded from the app's
 * origin carry no such policy (where compiling is refused the simulator falls back to the JS
 * kernels with identical numbers: test/diffusion/kernels.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { pagerank } from '../../src/analysis/centrality/pagerank.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { runLocal } from '../support/simulate.ts';
import { edgeTypeCounts, openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

/** Whether a minimal valid module (the 8-byte header) compiles here. */
const compiles = () => {
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return 'compiles';
  } catch (error) {
    return String(error);
  }
};

describe('app smoke test', () => {
  it('opens on ego-Facebook seeded at the top PageRank account; Run equals the Node engine', async () => {
    const page = await served.browser.newPage();
    const watch = watchPage(page, served.url);
    await openApp(page, served.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    const { csr, ids } = await readGraphFile('datasets/facebook_combined.txt', { direction: 'undirected' });
    const rank = pagerank(csr);
    let top = 0;
    for (let v = 1; v < csr.n; v++) if (rank[v] > rank[top]) top = v;
    await page.getByTestId('tab-seeds').click();
    await page.getByRole('button', { name: `Remove ${ids[top]}` }).waitFor();

    await page.getByTestId('run').click();
    await page.getByTestId('spread-mean').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    const shown = Number(await page.getByTestId('spread-mean').getAttribute('data-value'));
    const params = resolveParams({ model: 'ic', p: 0.05 }, csr);
    const { summary } = runLocal(
      csr,
      params,
      { kind: 'groups', groups: [{ nodes: [top], start: 0 }] },
      1000,
      1,
    );
    expect(shown).toBe(summary.mean);
    const workers = page.workers();
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) expect(await worker.evaluate(compiles)).toBe('compiles');
    expect(await page.evaluate(compiles)).not.toBe('compiles');
    // Replayed to its end, the cascade's edges are drawn wide over the 1-pixel lines of the rest.
    await page.getByTestId('playback-open').click();
    await page.getByTestId('playback-scrub').evaluate((input: HTMLInputElement) => {
      input.value = input.max;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const types = await edgeTypeCounts(page);
    expect(types.line).toBeGreaterThan(0);
    expect(types.thin).toBeGreaterThan(80_000);
    // What the step's partial refresh drew is what a full redraw draws.
    await page.waitForTimeout(200);
    const partial = await page.getByTestId('graph-canvas').screenshot();
    await page.evaluate(() => {
      const w = window as unknown as { ripple: { view: { value: { sigma: { refresh(): void } } } } };
      w.ripple.view.value.sigma.refresh();
    });
    await page.waitForTimeout(200);
    const full = await page.getByTestId('graph-canvas').screenshot();
    expect(partial.equals(full)).toBe(true);
    expect(watch.foreign).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
