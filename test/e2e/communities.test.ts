/**
 * The Communities panel in headless Chromium on the default dataset: the modularity and the
 * community sizes it shows are the engine's Louvain result for the same rng seed (computed here
 * in Node); after a run, the per-community reach table holds, community by community, the mean
 * number reached that the engine gives for the same scenario (same rng, so the same runs); "one
 * seed per community" seeds the PageRank leader of each of the largest communities.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { computeMetric } from '../../src/analysis/centrality/index.ts';
import { communityReach, louvainCommunities } from '../../src/analysis/communities.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { createSimulator } from '../../src/diffusion/simulator.ts';
import { openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

interface Exposed {
  ripple: {
    store: {
      get(): { scenario: { seeds: { groups: { ids: string[] }[] }; rngSeed: number } };
      patchScenario(patch: unknown): void;
    };
  };
}

async function openCommunities(): Promise<{ page: Page; errors: string[] }> {
  const page = await served.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const { errors } = watchPage(page, served.url);
  await openApp(page, served.url);
  await page.getByTestId('tab-communities').click();
  await page.locator('[data-testid=communities-summary][data-modularity]').waitFor({ timeout: 60_000 });
  return { page, errors };
}

describe('Communities panel', () => {
  it("shows the engine's modularity and sizes, and the engine's per-community reach after a run", async () => {
    const { csr, ids } = await readGraphFile('datasets/facebook_combined.txt', { direction: 'undirected' });
    const found = louvainCommunities(csr, { rngSeed: 1 });
    const { page, errors } = await openCommunities();
    const summary = page.getByTestId('communities-summary');
    expect(Number(await summary.getAttribute('data-modularity'))).toBeCloseTo(found.modularity, 12);
    expect(Number(await summary.getAttribute('data-count'))).toBe(found.count);
    const sizes = await page.$$eval('[data-testid=community-row] td:nth-child(2)', (cells) =>
      cells.map((c) => Number(c.textContent?.replace(/,/g, ''))),
    );
    expect(sizes).toEqual(found.sizes.slice(0, 30));
    expect(await page.getByTestId('communities-reach-note').textContent()).toContain('Run a simulation');

    // A short run of the default scenario (its seed, ic p = 0.05, rng 1).
    await page.evaluate(() => (window as never as Exposed).ripple.store.patchScenario({ runs: 200 }));
    await page.getByTestId('run').click();
    await page
      .getByTestId('status')
      .filter({ hasText: /Done|Error|Cancelled/ })
      .waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('status').textContent()).toContain('Done');
    await page.getByTestId('tab-communities').click();
    const rows = page.getByTestId('community-reach-row');
    await rows.first().waitFor();

    const scenario = await page.evaluate(() => (window as never as Exposed).ripple.store.get().scenario);
    const seedNodes = scenario.seeds.groups.flatMap((g) => g.ids.map((id) => ids.indexOf(id)));
    const shard = createSimulator(csr, resolveParams({ model: 'ic', p: 0.05 }, csr)).runShard({
      seeds: { kind: 'groups', groups: [{ nodes: seedNodes, start: 0 }] },
      rngSeed: scenario.rngSeed,
      firstRun: 0,
      runCount: 200,
      traceRun: null,
      nodeCounts: true,
    });
    const expected = communityReach(found, shard.nodeCounts as Uint32Array, 200, seedNodes);
    const shown = await page.$$eval('[data-testid=community-reach-row]', (trs) =>
      trs.map((tr) => ({
        community: Number((tr as HTMLElement).dataset.community),
        mean: Number(tr.querySelector('td[data-value]')?.getAttribute('data-value')),
      })),
    );
    expect(shown.length).toBe(Math.min(30, found.count));
    for (const s of shown) expect(s.mean).toBeCloseTo(expected[s.community].meanReached, 9);
    const entered = expected.filter((r) => r.meanReached > 0).length;
    expect(Number(await page.getByTestId('communities-reach-note').getAttribute('data-entered'))).toBe(
      entered,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('seeds the PageRank leader of each of the largest communities', async () => {
    const { csr, ids } = await readGraphFile('datasets/facebook_combined.txt', { direction: 'undirected' });
    const found = louvainCommunities(csr, { rngSeed: 1 });
    const pagerank = computeMetric(csr, 'pagerank').scores;
    const expected: string[] = [];
    for (let c = 0; c < 3; c++) {
      let best = -1;
      for (let v = 0; v < csr.n; v++)
        if (found.community[v] === c && (best < 0 || pagerank[v] > pagerank[best])) best = v;
      expected.push(ids[best]);
    }
    const { page, errors } = await openCommunities();
    await page.getByTestId('communities-seed-count').fill('3');
    await page.getByTestId('communities-seed-metric').selectOption('pagerank');
    await page.getByTestId('communities-seed').click();
    await page
      .getByTestId('communities-seed-note')
      .filter({ hasText: '3 seeds' })
      .waitFor({ timeout: 60_000 });
    const seeds = await page.evaluate(() =>
      (window as never as Exposed).ripple.store.get().scenario.seeds.groups.flatMap((g) => g.ids),
    );
    expect(seeds).toEqual(expected);
    await page.getByTestId('tab-seeds').click();
    for (const id of expected) await page.getByTestId('seed-groups').getByText(id).first().waitFor();
    await page.getByTestId('tab-communities').click();
    // Clicking a community picks it out (and marks the row).
    await page.getByTestId('community-row').nth(1).click();
    expect(await page.getByTestId('community-row').nth(1).getAttribute('aria-current')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });
});
