/**
 * The built app in headless Chromium: the default dataset loads, the engine runs in browser Web
 * Workers (cross-origin isolated, graph shared), and the mean equals the Node engine's for the
 * same scenario bit for bit: the very same engine code in both environments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/read-graph-file.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { topByOutDegree } from '../../src/seeding/seed-spec.ts';
import { runLocal } from '../support/simulate.ts';
import { type Served, serveApp } from './browser.ts';

let served: Served;
beforeAll(async () => {
  served = await serveApp();
}, 180_000);
afterAll(async () => {
  await served?.close();
});

describe('app smoke test', () => {
  it('loads ego-Facebook and runs the same cascades as Node, off the main thread', async () => {
    const page = await served.browser.newPage();
    const foreign: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(served.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        foreign.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(served.url);
    await page.getByTestId('graph-summary').waitFor();
    expect(await page.getByTestId('graph-summary').textContent()).toContain('4039 nodes, 88234 edges');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    await page.fill('#runs', '300');
    await page.fill('#p', '0.02');
    await page.getByTestId('run').click();
    await page.getByTestId('spread-mean').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    const shown = Number(await page.getByTestId('spread-mean').textContent());

    const { csr } = await readGraphFile('datasets/facebook_combined.txt', { direction: 'undirected' });
    const seed = topByOutDegree(csr, 1)[0];
    const params = resolveParams({ model: 'ic', p: 0.02 }, csr);
    const { summary } = runLocal(
      csr,
      params,
      { kind: 'groups', groups: [{ nodes: [seed], start: 0 }] },
      300,
      1,
    );
    expect(shown).toBe(Number(summary.mean.toFixed(2)));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('cancel stops a long run and the page stays usable', async () => {
    const page = await served.browser.newPage();
    await page.goto(served.url);
    await page.getByTestId('graph-summary').waitFor();
    await page.fill('#runs', '100000000');
    await page.fill('#p', '0.05');
    await page.getByTestId('run').click();
    await page.waitForFunction(
      () => Number((document.querySelector('[data-testid=progress]') as HTMLProgressElement).value) > 0,
    );
    await page.getByTestId('cancel').click();
    await page.getByTestId('status').filter({ hasText: 'Cancelled.' }).waitFor({ timeout: 5_000 });
    await page.fill('#runs', '50');
    await page.getByTestId('run').click();
    await page.getByTestId('status').filter({ hasText: 'Done.' }).waitFor({ timeout: 30_000 });
  });
});
