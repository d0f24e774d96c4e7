/**
 * The six-degrees tab in the built app against the `ripple` command on the same file, value for
 * value: on ego-Facebook the hop plot, average distance, effective diameter and diameter equal
 * `ripple stats` (exact: SNAP's published diameter 8, no approximation flag; on request the
 * HyperANF estimate, flagged, equal to `ripple stats --distances approx`); the seeds' structural
 * reach within 0..6 hops and at any distance equals `ripple reach`; after a run with the same
 * seeds, model, runs and random seed, the "within h hand-offs" column equals `ripple reach`'s
 * simulated column, and the "within h links" column equals the engine's per-account counts summed
 * by graph distance, the same numbers the Results tab plots.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { reachedWithin, seedDistances } from '../../src/analysis/distance/seed-reach.ts';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { createSimulator } from '../../src/diffusion/simulator.ts';
import type { Scenario } from '../../src/engine/scenario.ts';
import { json } from '../support/cli.ts';
import { openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const FILE = 'datasets/facebook_combined.txt';
/** ego-Facebook seeded at two well-connected accounts, 200 runs (a short run for the behaviour columns). */
const LINK =
  '#v=1&graph=bundled:facebook_combined.txt&direction=undirected&values=probability&model=ic&p=0.02&gamma=0.2&phi=0.18&steps=all&seeds=107,1684@0&runs=200&rng=3';
const CLI_RUN = ['--seeds', '107,1684', '--model', 'ic', '--p', '0.02', '--runs', '200', '--rng', '3'];
const HOPS = [0, 1, 2, 3, 4, 5, 6];

type Ripple = {
  store: {
    scenario: { value: Scenario };
    setScenario(s: Scenario): void;
    result: { value: { summary: { mean: number } } | null };
  };
  chartData(testid: string): unknown[][];
};

async function value(page: Page, testid: string): Promise<number> {
  const text = await page.getByTestId(testid).getAttribute('data-value');
  expect(text, `${testid} has a value`).not.toBe('');
  return Number(text);
}

const cells = (page: Page, prefix: string) => Promise.all(HOPS.map((h) => value(page, `${prefix}-${h}`)));

/** The hop plot as the tab's data table holds it. */
async function hopPlot(page: Page): Promise<number[]> {
  const cells = await page.getByTestId('six-hop-table').locator('td[data-value]').all();
  return Promise.all(cells.map(async (cell) => Number(await cell.getAttribute('data-value'))));
}

describe('six degrees panel', () => {
  it('shows the numbers of `ripple stats` and `ripple reach` on ego-Facebook, diameter 8', async () => {
    const exact = json('stats', '--graph', FILE, '--distances', 'exact');
    const approx = json('stats', '--graph', FILE, '--distances', 'approx');
    const reach = json('reach', '--graph', FILE, ...CLI_RUN);
    expect(exact.diameter).toBe(8);

    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, served.url);
    await openApp(page, `${served.url}${LINK}`);
    await page.getByTestId('tab-six-degrees').click();
    const diameter = page.getByTestId('six-diameter');
    await diameter.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await diameter.textContent()).toBe('8');
    expect(await diameter.getAttribute('data-approximate')).toBe('false');
    expect(await page.getByTestId('six-approx').getAttribute('data-approximate')).toBe('false');
    expect(await page.getByTestId('six-status').getAttribute('data-state')).toBe('done');
    // SNAP: average distance 3.69, effective diameter 4.7; the CLI's values to the last digit.
    expect(await page.getByTestId('six-avg').textContent()).toBe('3.69');
    expect(await value(page, 'six-avg')).toBe(exact.avgDistance);
    expect(await value(page, 'six-effective')).toBe(exact.effectiveDiameter);
    expect(await value(page, 'six-diameter')).toBe(exact.diameter);
    expect(await hopPlot(page)).toEqual(exact.hopPlot);
    await page.getByTestId('six-hop-plot').waitFor({ state: 'visible' });
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { ripple: Ripple }).ripple.chartData('six-hop-plot')),
      )
      .toEqual([exact.hopPlot]);

    // Structural reach of the seeds: `ripple reach`'s "could reach", hop by hop and at any distance.
    await page.locator('[data-testid=six-reach-table][data-ready=true]').waitFor({ timeout: 30_000 });
    const structural = await cells(page, 'six-structural');
    expect(structural).toEqual(reach.hops.map((h: { structural: number }) => h.structural));
    expect(structural[1]).toBe(1823);
    expect(await value(page, 'six-structural-any')).toBe(reach.reachable);
    expect(await page.getByTestId('six-simulated-1').textContent()).toBe('–');

    // After a run, "within h hand-offs" is `ripple reach`'s "did reach" (same runs, same streams).
    await page.getByTestId('run').click();
    await page.getByTestId('status').filter({ hasText: /^Done/ }).waitFor({ timeout: 60_000 });
    await page.getByTestId('tab-six-degrees').click();
    await page.locator('[data-testid=six-simulated-1]:not([data-value=""])').waitFor();
    const generations = await cells(page, 'six-simulated');
    HOPS.forEach((h) => {
      expect(generations[h]).toBeCloseTo(reach.hops[h].simulated, 9);
    });
    expect(await value(page, 'six-simulated-any')).toBeCloseTo(reach.simulatedTotal, 9);

    // "Within h links": the engine's per-account counts of the same runs, summed by graph distance.
    const { csr, ids } = await readGraphFile(FILE, { direction: 'undirected' });
    const seeds = ['107', '1684'].map((id) => ids.indexOf(id));
    const shard = createSimulator(
      csr,
      resolveParams({ model: 'ic', p: 0.02, gamma: 0.2, phi: 0.18, maxSteps: null }, csr),
    ).runShard({
      seeds: { kind: 'groups', groups: [{ nodes: seeds, start: 0 }] },
      rngSeed: 3,
      firstRun: 0,
      runCount: 200,
      traceRun: null,
      nodeCounts: true,
    });
    const truth = reachedWithin(seedDistances(csr, seeds, 6), shard.nodeCounts as Uint32Array, 200, 6);
    const byDistance = await cells(page, 'six-distance');
    HOPS.forEach((h) => {
      expect(byDistance[h]).toBeCloseTo(truth[h], 9);
      // Never more than could be reached; never less than through h hand-offs.
      expect(byDistance[h]).toBeLessThanOrEqual(structural[h] + 1e-9);
      expect(byDistance[h]).toBeGreaterThanOrEqual(generations[h] - 1e-9);
    });
    expect(await value(page, 'six-distance-any')).toBeCloseTo(reach.simulatedTotal, 9);
    // The Results tab plots the same series (1..5, then "6+" = everything).
    const results = (await page.evaluate(() =>
      (window as unknown as { ripple: Ripple }).ripple.chartData('reach-by-hop'),
    )) as number[][];
    expect(results[0].slice(0, 5)).toEqual(byDistance.slice(1, 6));
    expect(results[1].slice(0, 5)).toEqual(structural.slice(1, 6));

    // HyperANF on request: flagged, its stated error (256 registers: 1.04/16 = 6.5%), the diameter
    // shown as a lower bound, and every number equal to `ripple stats --distances approx`.
    await page.getByTestId('six-mode').selectOption('approx');
    await page.getByTestId('six-compute').click();
    await page.locator('[data-testid=six-diameter][data-approximate=true]').waitFor({ timeout: 60_000 });
    expect(approx.approximate).toBe(true);
    const estimated = await value(page, 'six-diameter');
    expect(estimated).toBe(approx.diameter);
    expect(estimated).toBeLessThanOrEqual(8);
    expect(await diameter.textContent()).toBe(`≥ ${estimated}`);
    expect(await value(page, 'six-avg')).toBe(approx.avgDistance);
    expect(await value(page, 'six-effective')).toBe(approx.effectiveDiameter);
    expect(await hopPlot(page)).toEqual(approx.hopPlot);
    expect(await page.getByTestId('six-approx').textContent()).toContain('±6.5%');
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
