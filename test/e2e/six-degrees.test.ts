/**
 * The six-degrees tab in the built app: on ego-Facebook it shows SNAP's published diameter 8
 * (exact, no approximation flag) and the engine's average distance, and the structural reach of
 * the current seeds within 0..6 hops equals the engine's seedReach on the same file; after a run,
 * the simulated column equals the run's reach by hop as `ripple reach` reads it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedReach } from '../../src/analysis/distance/seed-reach.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

async function cells(page: Page, prefix: string): Promise<number[]> {
  const out: number[] = [];
  for (let h = 0; h <= 6; h++)
    out.push(Number(await page.getByTestId(`${prefix}-${h}`).getAttribute('data-value')));
  return out;
}

/** ego-Facebook seeded at its best-connected account, 200 runs (a short run for the behaviour column). */
const LINK =
  '#v=1&graph=bundled:facebook_combined.txt&direction=undirected&values=probability&model=ic&p=0.02&gamma=0.2&phi=0.18&steps=all&seeds=107,1684@0&runs=200&rng=3';

describe('six degrees panel', () => {
  it("shows ego-Facebook's diameter 8 and the seeds' reach within 1..6 hops as the engine computes it", async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, served.url);
    await page.goto(`${served.url}${LINK}`);
    await openApp(page, page.url());
    await page.getByTestId('tab-six-degrees').click();
    const diameter = page.getByTestId('six-diameter');
    await diameter.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await diameter.textContent()).toBe('8');
    expect(await diameter.getAttribute('data-approximate')).toBe('false');
    expect(await page.getByTestId('six-approx').getAttribute('data-approximate')).toBe('false');
    // SNAP: average distance 3.69 (README of `ripple stats`), effective diameter 4.7.
    expect(Number((await page.getByTestId('six-avg').textContent())?.replace(/,/g, ''))).toBeCloseTo(3.69, 2);
    expect(await page.getByTestId('six-status').getAttribute('data-state')).toBe('done');
    await page.getByTestId('six-hop-plot').waitFor({ state: 'visible' });

    // Structural reach of the app's seeds against the engine on the same file.
    await page.locator('[data-testid=six-reach-table][data-ready=true]').waitFor({ timeout: 30_000 });
    const ids = await page.evaluate(() => {
      const w = window as unknown as {
        ripple: { store: { get(): { scenario: { seeds: { kind: string; groups: { ids: string[] }[] } } } } };
      };
      const seeds = w.ripple.store.get().scenario.seeds;
      return seeds.kind === 'groups' ? seeds.groups.flatMap((g) => g.ids) : [];
    });
    expect(ids.length).toBeGreaterThan(0);
    const loaded = await readGraphFile('datasets/facebook_combined.txt', { direction: 'undirected' });
    const index = new Map(loaded.ids.map((id, i) => [id, i]));
    const truth = seedReach(
      loaded.csr,
      ids.map((id) => index.get(id) as number),
      6,
    );
    expect(await cells(page, 'six-structural')).toEqual(truth.within);

    // After a run, the simulated column is the run's mean reach within h hops.
    await page.getByTestId('run').click();
    await page.getByTestId('status').filter({ hasText: /^Done/ }).waitFor({ timeout: 60_000 });
    await page.getByTestId('tab-six-degrees').click();
    const byHop = await page.evaluate(() => {
      const w = window as unknown as {
        ripple: { store: { get(): { result: { summary: { reachByHop: number[] } } } } };
      };
      return w.ripple.store.get().result.summary.reachByHop;
    });
    const simulated = await cells(page, 'six-simulated');
    for (let h = 0; h <= 6; h++) expect(simulated[h]).toBeCloseTo(byHop[Math.min(h, byHop.length - 1)], 9);
    for (let h = 0; h <= 6; h++) expect(simulated[h]).toBeLessThanOrEqual(truth.within[h] + 1e-9);

    // HyperANF on request: the flag, the stated error (256 registers: 1.04/16 = 6.5%) and a
    // diameter shown as a lower bound no larger than the exact 8.
    await page.getByTestId('six-mode').selectOption('approx');
    await page.getByTestId('six-compute').click();
    await page.locator('[data-testid=six-diameter][data-approximate=true]').waitFor({ timeout: 60_000 });
    const estimated = Number(await diameter.getAttribute('data-value'));
    expect(estimated).toBeGreaterThanOrEqual(6);
    expect(estimated).toBeLessThanOrEqual(8);
    expect(await diameter.textContent()).toBe(`≥ ${estimated}`);
    expect(await page.getByTestId('six-approx').textContent()).toContain('±6.5%');
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
