/**
 * Playback in the built app: after a run, one sampled cascade replays on sigma. While playing
 * the step counter and the active count grow and the canvas gains coloured (activated) nodes;
 * the keyboard (Space, arrows, Home/End) and the scrub bar drive it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { params, runLocal, seedsAt } from '../support/simulate.ts';
import { graphPixels, layoutSettled, openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const HASH =
  'v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.3&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=1';

/** Run 0 of the same scenario in Node: its last activation step and number of active accounts. */
async function nodeTrace(): Promise<{ lastStep: number; active: number }> {
  const graph = await readGraphFile('datasets/karate.txt', { direction: 'undirected' });
  const seed = graph.ids.indexOf('33');
  const { shard } = runLocal(graph.csr, params({ model: 'ic', p: 0.3 }), seedsAt(seed), 200, 1, 0);
  const trace = shard.trace!;
  return { lastStep: Math.max(...trace.steps), active: trace.nodes.length };
}

const stepOf = async (page: Page) => Number(await page.getByTestId('playback').getAttribute('data-time'));
const activeOf = async (page: Page) => Number(await page.getByTestId('playback').getAttribute('data-active'));
const playingOf = async (page: Page) =>
  (await page.getByTestId('playback').getAttribute('data-playing')) === 'true';

/** Clearly coloured pixels of the graph canvas (see graphPixels). */
const colouredPixels = async (page: Page) => (await graphPixels(page, 'coloured')).count;

describe('playback', () => {
  it('replays a cascade: counters grow while playing, the canvas colours in, keys and scrub work', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watched = watchPage(page, served.url);
    // Karate club, p = 0.3 from account 33: run 0 spreads over several steps (small enough that
    // software WebGL redraws it quickly).
    await page.goto(`${served.url}#${HASH}`);
    await openApp(page, page.url());
    await layoutSettled(page);
    await page.getByTestId('run').click();
    await page.getByTestId('spread-mean').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });

    await page.getByTestId('playback-open').click();
    await page.getByTestId('playback').waitFor();
    // The same cascade as the engine's run 0 in Node.
    const end = Number(await page.getByTestId('playback-scrub').getAttribute('max'));
    const truth = await nodeTrace();
    expect(end).toBe(truth.lastStep);
    expect(end).toBeGreaterThanOrEqual(3);

    // Playing: the step and the active count grow, then it stops at the end.
    await page.getByTestId('playback-speed').selectOption('16');
    expect(await playingOf(page)).toBe(true);
    const seen: [number, number][] = [];
    await page.waitForFunction(
      () => Number((document.querySelector('[data-testid=playback]') as HTMLElement).dataset.time) >= 2,
      undefined,
      { timeout: 30_000, polling: 50 },
    );
    seen.push([await stepOf(page), await activeOf(page)]);
    await page.waitForFunction(
      () => (document.querySelector('[data-testid=playback]') as HTMLElement).dataset.playing === 'false',
      undefined,
      { timeout: 60_000 },
    );
    seen.push([await stepOf(page), await activeOf(page)]);
    expect(seen[1][0]).toBe(end);
    expect(seen[1][1]).toBeGreaterThan(seen[0][1]);
    expect(seen[1][1]).toBe(truth.active);
    expect(await page.getByTestId('playback-step').textContent()).toBe(`Step ${end} of ${end}`);

    // Keyboard, with focus on the page rather than a field.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Home');
    expect(await stepOf(page)).toBe(0);
    expect(await activeOf(page)).toBe(1); // the one seed
    const atStart = await colouredPixels(page);
    await page.keyboard.press('ArrowRight');
    expect(await stepOf(page)).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await stepOf(page)).toBe(2);
    await page.keyboard.press('ArrowLeft');
    expect(await stepOf(page)).toBe(1);
    await page.keyboard.press('End');
    expect(await stepOf(page)).toBe(end);
    // Pixel check: at the end many more nodes (and the edges that carried them) are coloured.
    await page.waitForTimeout(100);
    const atEnd = await colouredPixels(page);
    expect(atEnd).toBeGreaterThan(atStart * 1.2);

    await page.keyboard.press('Home');
    await page.keyboard.press(' ');
    expect(await playingOf(page)).toBe(true);
    await page.keyboard.press(' ');
    expect(await playingOf(page)).toBe(false);

    // Typing in a field does not drive playback.
    await page.getByTestId('tab-model').click();
    const runs = page.getByTestId('param-runs');
    await runs.focus();
    const before = await stepOf(page);
    await page.keyboard.press('ArrowRight');
    expect(await stepOf(page)).toBe(before);

    // Scrub bar and buttons.
    // As a drag does: set the value, fire 'input' (Playwright's fill does not move range inputs).
    await page.getByTestId('playback-scrub').evaluate((input: HTMLInputElement) => {
      input.value = '3';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await stepOf(page)).toBe(3);
    await page.getByTestId('playback-back').click();
    expect(await stepOf(page)).toBe(2);
    await page.getByTestId('playback-forward').click();
    expect(await stepOf(page)).toBe(3);
    await page.getByTestId('playback-color').selectOption('step');
    expect(await page.getByTestId('playback-legend').textContent()).toContain('step');

    // Closing restores the plain view.
    await page.getByTestId('playback-close').click();
    expect(await page.getByTestId('playback').count()).toBe(0);
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
  }, 240_000);
});
