/**
 * Educator mode in the built app: a link with mode=educator opens straight into it; each key
 * press (right arrow, space) advances the cascade one step and the counter equals the Node
 * engine's trace of the same run (run 0 of the scenario's random stream) at that step; the left
 * arrow goes back; leaving the mode drops it from the link.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { runLocal } from '../support/simulate.ts';
import { openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const LINK =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.3&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=7&mode=educator';

/** The engine's trace of run 0: accounts reached by each step and the farthest hop. */
async function engineSteps(
  file = 'karate.txt',
  seedId = '33',
  p = 0.3,
  rng = 7,
): Promise<{ reached: number[]; hops: number[] }> {
  const { csr, ids } = await readGraphFile(`datasets/${file}`, { direction: 'undirected' });
  const seed = ids.indexOf(seedId);
  const params = resolveParams({ model: 'ic', p, gamma: 0.2, phi: 0.18, maxSteps: null }, csr);
  const { shard } = runLocal(
    csr,
    params,
    { kind: 'groups', groups: [{ nodes: [seed], start: 0 }] },
    1,
    rng,
    0,
  );
  const trace = shard.trace;
  if (!trace) throw new Error('no trace');
  const last = Math.max(...trace.steps);
  const reached: number[] = [];
  const hops: number[] = [];
  for (let s = 0; s <= last; s++) {
    let count = 0;
    let far = 0;
    for (let i = 0; i < trace.nodes.length; i++) {
      if (trace.steps[i] <= s) {
        count++;
        far = Math.max(far, trace.hops[i]);
      }
    }
    reached.push(count);
    hops.push(far);
  }
  return { reached, hops };
}

/** The app's scenario (window.ripple). */
const scenarioOf = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { ripple: { store: { scenario: { value: object } } } }).ripple.store.scenario
        .value,
  );

const counter = async (page: Page) => ({
  step: Number(await page.getByTestId('educator-hud').getAttribute('data-step')),
  reached: Number(await page.getByTestId('educator-reached').textContent()),
  hops: Number(await page.getByTestId('educator-hops').textContent()),
});

async function waitStep(page: Page, step: number): Promise<void> {
  await page.locator(`[data-testid=educator-hud][data-step="${step}"]`).waitFor({ timeout: 10_000 });
}

describe('educator mode', () => {
  it('opens from its link and advances one step per key press, counting as the engine does', async () => {
    const truth = await engineSteps();
    expect(truth.reached.length).toBeGreaterThan(2); // the cascade has a few steps to show
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, served.url);
    await page.goto(`${served.url}${LINK}`);
    await openApp(page, page.url());
    const hud = page.getByTestId('educator-hud');
    await hud.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.evaluate(() => document.body.classList.contains('educator-mode'))).toBe(true);
    expect(await page.locator('aside.side').isVisible()).toBe(false);
    await page
      .getByTestId('educator-step')
      .filter({ hasText: /Step 0 of/ })
      .waitFor({ timeout: 30_000 });
    expect(await counter(page)).toEqual({ step: 0, reached: truth.reached[0], hops: 0 });

    const last = truth.reached.length - 1;
    for (let s = 1; s <= last; s++) {
      await page.keyboard.press(s % 2 === 0 ? 'Space' : 'ArrowRight');
      await waitStep(page, s);
      expect(await counter(page)).toEqual({ step: s, reached: truth.reached[s], hops: truth.hops[s] });
    }
    // At the end of the cascade a key press changes nothing; the left arrow goes back one step.
    await page.keyboard.press('ArrowRight');
    expect((await counter(page)).step).toBe(last);
    await page.keyboard.press('ArrowLeft');
    await waitStep(page, last - 1);
    expect(await counter(page)).toEqual({
      step: last - 1,
      reached: truth.reached[last - 1],
      hops: truth.hops[last - 1],
    });

    // Leaving the mode brings the panels back and drops the mode from the scenario and the link.
    await page.keyboard.press('Escape');
    await hud.waitFor({ state: 'hidden' });
    expect(await page.locator('aside.side').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.body.classList.contains('educator-mode'))).toBe(false);
    expect(await scenarioOf(page)).not.toHaveProperty('mode');
    await page.waitForFunction(() => !location.hash.includes('mode='));
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('the toolbar button enters the mode and puts it in the link, on the karate club', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openApp(page, served.url);
    // dispatchEvent: no wait for the big graph's frames to settle (software WebGL is slow).
    await page.getByTestId('educator-enter').dispatchEvent('click');
    await page.getByTestId('educator-hud').waitFor({ state: 'visible' });
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: /^Zachary/ })
      .waitFor({ state: 'attached', timeout: 30_000 });
    await page
      .getByTestId('educator-step')
      .filter({ hasText: /Step 0 of/ })
      .waitFor({ timeout: 30_000 });
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('mode=educator');
    expect(hash).toContain('graph=bundled:karate.txt');
    // The class graph, seeded at the instructor, and the note saying why the graph changed.
    expect(await scenarioOf(page)).toMatchObject({
      mode: 'educator',
      graph: { kind: 'bundled', file: 'karate.txt' },
      seeds: { kind: 'groups', groups: [{ ids: ['0'], start: 0 }] },
    });
    await page.getByTestId('educator-hud').getByText("switched to Zachary's karate club").waitFor();
    await page.getByTestId('educator-next').click();
    await waitStep(page, 1);
    await page.close();
  });

  it('switches to the small world, drawn on its circle, and steps through its cascade as the engine does', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, served.url);
    await page.goto(`${served.url}${LINK}`);
    await openApp(page, page.url());
    await page
      .getByTestId('educator-step')
      .filter({ hasText: /Step 0 of/ })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('educator-graph').inputValue()).toBe('karate.txt');
    await page.getByTestId('educator-graph').selectOption('small-world.json');
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: /^Watts-Strogatz small world/ })
      .waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForFunction(() => location.hash.includes('graph=bundled:small-world.json'));
    expect(await page.evaluate(() => location.hash)).toContain('mode=educator');
    // The file's own positions: no layout runs.
    expect(await page.getByTestId('layout-status').getAttribute('data-state')).toBe('file');
    await page
      .getByTestId('educator-step')
      .filter({ hasText: /Step 0 of/ })
      .waitFor({ timeout: 30_000 });
    const truth = await engineSteps('small-world.json', '0', 0.5, 7);
    expect(await counter(page)).toEqual({ step: 0, reached: 1, hops: 0 });
    const last = truth.reached.length - 1;
    expect(last).toBeGreaterThan(3); // this run spreads for a while: steps to compare
    for (let s = 1; s <= 4; s++) {
      await page.keyboard.press('ArrowRight');
      await waitStep(page, s);
      expect(await counter(page)).toEqual({ step: s, reached: truth.reached[s], hops: truth.hops[s] });
    }
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
