/**
 * A browser without WebGL (Chromium with --disable-webgl): sigma cannot draw, so the stage says
 * so once, and everything else keeps working: the graph loads, Run gives its mean, another
 * dataset loads, the leaders table fills; no error reaches the page.
 */
import { describe, expect, it } from 'vitest';
import { openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile(['--disable-webgl']);

describe('without WebGL', () => {
  it('says the graph cannot be drawn, and simulations and panels still work', async () => {
    const page = await served.browser.newPage();
    const watch = watchPage(page, served.url);
    await openApp(page, served.url);
    expect(await page.evaluate(() => !document.createElement('canvas').getContext('webgl'))).toBe(true);
    const note = page.getByTestId('budget-note');
    await note.filter({ hasText: 'cannot draw' }).waitFor();
    expect(await note.textContent()).toBe(
      'This browser cannot draw the graph (WebGL is off or unavailable). Simulations, analyses and CSV exports still work.',
    );
    expect(await page.locator('.stage').getAttribute('data-drawing')).toBe('unavailable');

    await page.getByTestId('run').click();
    await page.getByTestId('spread-mean').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    expect(Number(await page.getByTestId('spread-mean').getAttribute('data-value'))).toBeGreaterThan(1);

    await page.getByTestId('tab-data').click();
    await page.getByTestId('dataset').selectOption('karate.txt');
    await page.getByTestId('graph-summary').filter({ hasText: '34 nodes' }).waitFor({ timeout: 60_000 });
    await note.filter({ hasText: 'cannot draw' }).waitFor();

    await page.getByTestId('tab-leaders').click();
    await page.getByTestId('leader-row').first().click();
    expect(await page.getByTestId('leader-row').count()).toBe(34);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
