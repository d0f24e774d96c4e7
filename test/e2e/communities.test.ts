/**
 * The Communities panel in headless Chromium on the default dataset: the modularity and the
 * community sizes it shows are the engine's Louvain result for the same rng seed (computed here
 * in Node); every one of ego-Facebook's 16 communities is drawn in a colour of its own (none grey)
 * that the stage legend names; the legend's section is there while the tab colours the graph and
 * goes when the colouring is off, the tab is left, or another graph loads (the karate club's
 * communities replace it, never mixed with the old ones); after a run, the per-community reach
 * table holds, community by community, the mean number reached that the engine gives for the same
 * scenario (same rng, so the same runs); "one seed per community" seeds the PageRank leader of
 * each of the largest communities.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { computeMetric } from '../../src/analysis/centrality/index.ts';
import { communityReach, louvainCommunities } from '../../src/analysis/communities.ts';
import { communityColor, OTHER_COMMUNITY } from '../../src/app/panels/communities/palette.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { createSimulator } from '../../src/diffusion/simulator.ts';
import { openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

type Sigma = { getNodeDisplayData(k: string): { color?: string } | undefined };

interface Exposed {
  ripple: {
    store: {
      scenario: { value: { seeds: { groups: { ids: string[] }[] }; rngSeed: number } };
      graph: { value: { loaded: { csr: { n: number } } } | null };
      legend: {
        value: Record<string, { swatch: string; label(): string }[]>;
        subscribe(fn: (value: Record<string, unknown[]>) => void): () => void;
      };
      patchScenario(patch: unknown): void;
    };
    loader: { loadBundled(file: string): Promise<unknown> };
    view: { value: { sigma: Sigma; drawn: Uint32Array } | null };
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

/** The stage legend's lines: text and swatch colour as the page computes it (rgb()). */
const legendLines = (page: Page) =>
  page.$$eval('[data-testid=legend] li', (lis) =>
    lis.map((li) => ({
      text: li.textContent ?? '',
      swatch: getComputedStyle(li.querySelector('.swatch') as HTMLElement).backgroundColor,
    })),
  );

const communityLines = async (page: Page) =>
  (await legendLines(page)).filter((l) => /^Community \d+$/.test(l.text));

/** #RRGGBB as the browser writes a computed colour. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** Every table cell of the tab whose box reaches past the tab's own box. */
const cellsOutside = (page: Page) =>
  page.evaluate(() => {
    const box = (
      document.querySelector('[data-testid=panel-communities]') as HTMLElement
    ).getBoundingClientRect();
    return [...document.querySelectorAll('[data-testid=panel-communities] table :is(th, td)')]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.right > box.right + 0.5 || r.left < box.left - 0.5).length;
  });

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

    const scenario = await page.evaluate(() => (window as never as Exposed).ripple.store.scenario.value);
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
    // Both tables fit the side panel.
    expect(await cellsOutside(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws each of more than ten communities in a colour of its own, named by the legend', async () => {
    const { csr, ids } = await readGraphFile('datasets/facebook_combined.txt', { direction: 'undirected' });
    const found = louvainCommunities(csr, { rngSeed: 1 });
    expect(found.count).toBeGreaterThan(10);
    const { page, errors } = await openCommunities();
    // The legend names one colour per community, in order.
    await page.getByTestId('legend').getByText(`Community ${found.count}`, { exact: true }).waitFor();
    const lines = await communityLines(page);
    expect(lines.map((l) => l.text)).toEqual(
      Array.from({ length: found.count }, (_, c) => `Community ${c + 1}`),
    );
    expect(lines.map((l) => l.swatch)).toEqual(
      Array.from({ length: found.count }, (_, c) => rgb(communityColor(c))),
    );
    expect(new Set(lines.map((l) => l.swatch)).size).toBe(found.count);
    // The list's swatches are the same colours.
    const listed = await page.$$eval('[data-testid=community-row] .swatch', (s) =>
      s.map((e) => getComputedStyle(e).backgroundColor),
    );
    expect(listed).toEqual(lines.map((l) => l.swatch));
    // On the graph: every drawn account in its community's colour, none grey; as many colours as
    // communities, each of them in the legend.
    const colours = await page.evaluate(() => {
      const view = (window as never as Exposed).ripple.view.value;
      if (!view) return null;
      return Array.from(
        view.drawn,
        (i) => [i, view.sigma.getNodeDisplayData(String(i))?.color ?? ''] as const,
      );
    });
    expect(colours).not.toBeNull();
    const seeds = new Set(
      (
        await page.evaluate(() => (window as never as Exposed).ripple.store.scenario.value.seeds.groups)
      ).flatMap((g) => g.ids),
    );
    const seen = new Set<string>();
    let checked = 0;
    for (const [i, colour] of colours ?? []) {
      if (seeds.has(ids[i])) continue; // a seed is drawn as a seed
      expect(colour).toBe(communityColor(found.community[i]));
      expect(colour).not.toBe(OTHER_COMMUNITY);
      seen.add(colour);
      checked++;
    }
    expect(checked).toBeGreaterThan(4000);
    expect(seen.size).toBe(found.count);
    for (const c of seen) expect(lines.map((l) => l.swatch)).toContain(rgb(c));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the legend's section follows the colouring: off, another tab, a picked community, another graph", async () => {
    const { csr } = await readGraphFile('datasets/karate.txt', { direction: 'undirected' });
    const karate = louvainCommunities(csr, { rngSeed: 1 });
    const { page, errors } = await openCommunities();
    const legend = page.getByTestId('legend');
    await legend.getByText('Community 1', { exact: true }).waitFor();
    // Colouring off: the section goes, the graph's accounts lose the community colours.
    await page.getByTestId('communities-color').uncheck();
    await legend.getByText('Community 1', { exact: true }).waitFor({ state: 'detached' });
    expect(await communityLines(page)).toEqual([]);
    await page.getByTestId('communities-color').check();
    await legend.getByText('Community 1', { exact: true }).waitFor();
    // Another tab: the colours and their legend go (the reach heat map shows again).
    await page.getByTestId('tab-leaders').click();
    await legend.getByText('Community 1', { exact: true }).waitFor({ state: 'detached' });
    await page.getByTestId('tab-communities').click();
    await legend.getByText('Community 1', { exact: true }).waitFor();
    // A community picked out: it and the dimmed others.
    await page.getByTestId('community-row').nth(1).click();
    await legend.getByText('Community 2 (picked out)').waitFor();
    expect((await legendLines(page)).slice(-2)).toEqual([
      { text: 'Community 2 (picked out)', swatch: rgb(communityColor(1)) },
      { text: 'Other communities (dimmed)', swatch: rgb(OTHER_COMMUNITY) },
    ]);
    await page.getByTestId('community-row').nth(1).click();
    await legend.getByText('Community 16', { exact: true }).waitFor();
    // Another graph while the tab is open: the old communities leave the legend with the old
    // graph; once Louvain has run on the karate club, its communities are named instead.
    await page.evaluate(() => {
      const { store, loader } = (window as never as Exposed).ripple;
      const log: { nodes: number; communities: number }[] = [];
      (window as never as { legendLog: typeof log }).legendLog = log;
      store.legend.subscribe((value) => {
        log.push({
          nodes: store.graph.value?.loaded.csr.n ?? 0,
          communities: value.communities?.length ?? 0,
        });
      });
      void loader.loadBundled('karate.txt');
    });
    await page.waitForFunction(
      (count) =>
        (window as never as Exposed).ripple.store.graph.value?.loaded.csr.n === 34 &&
        document.querySelector('[data-testid=communities-summary]')?.getAttribute('data-count') ===
          String(count),
      karate.count,
      { timeout: 60_000 },
    );
    await legend.getByText(`Community ${karate.count}`, { exact: true }).waitFor();
    expect((await communityLines(page)).map((l) => l.text)).toEqual(
      Array.from({ length: karate.count }, (_, c) => `Community ${c + 1}`),
    );
    const log = await page.evaluate(
      () => (window as never as { legendLog: { nodes: number; communities: number }[] }).legendLog,
    );
    const onKarate = log.filter((l) => l.nodes === 34);
    expect(onKarate.length).toBeGreaterThan(0);
    // Never the ego-Facebook communities over the karate club: none, then the karate club's.
    for (const l of onKarate) expect([0, karate.count]).toContain(l.communities);
    expect(onKarate[0].communities).toBe(0);
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
      (window as never as Exposed).ripple.store.scenario.value.seeds.groups.flatMap((g) => g.ids),
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
