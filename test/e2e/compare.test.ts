/**
 * The compare tab in the built app: two results kept after two runs (one seed against five) show
 * as two rows with their own means, which equal the runs' results; "Kept as" shows only while the
 * result it was kept from is on screen; the table fits the side panel (no cell cut off, in either
 * language) and opens as wide as the page with every column; rename and remove work, and the list
 * comes back after a reload (autosaved in IndexedDB).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeScenarioHash } from '../../src/app/persist/hash.ts';
import type { Scenario } from '../../src/engine/scenario.ts';
import { openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const ONE =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.2&gamma=0.2&phi=0.18&steps=all&seeds=0@0&runs=300&rng=1';
const FIVE = ONE.replace('seeds=0@0', 'seeds=5,6,10,16,24@0');

type Ripple = {
  store: {
    setScenario(s: Scenario): void;
    result: { value: { summary: { mean: number } } | null };
  };
};

/** Apply a link's scenario through the store (links themselves are the persist feature's). */
async function applyLink(page: Page, hash: string): Promise<void> {
  const scenario = decodeScenarioHash(hash) as Scenario;
  await page.evaluate((s) => (window as unknown as { ripple: Ripple }).ripple.store.setScenario(s), scenario);
}

async function run(page: Page): Promise<number> {
  await page.getByTestId('run').click();
  await page.getByTestId('status').filter({ hasText: /^Done/ }).waitFor({ timeout: 60_000 });
  return page.evaluate(
    () => (window as unknown as { ripple: Ripple }).ripple.store.result.value?.summary.mean ?? Number.NaN,
  );
}

async function keep(page: Page): Promise<void> {
  const button = page.getByTestId('compare-keep');
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
}

/** Labels of the kept results as stored in the page's IndexedDB autosave. */
function savedLabels(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('ripple');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('autosave').objectStore('autosave').get('module:compare');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            const saved = get.result as { items?: { label: string }[] } | undefined;
            open.result.close();
            resolve(saved?.items?.map((k) => k.label) ?? []);
          };
        };
      }),
  );
}

/** Cells of the side panel's table that stick out of the panel (or of the table's box), by text. */
function cutOffCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-testid=panel-compare]') as HTMLElement;
    const table = panel.querySelector('[data-testid=compare-table]') as HTMLElement;
    const box = table.parentElement as HTMLElement;
    const limit = Math.min(panel.getBoundingClientRect().right, box.getBoundingClientRect().right) + 0.5;
    const out: string[] = [];
    if (box.scrollWidth > box.clientWidth) out.push(`table ${box.scrollWidth} px in ${box.clientWidth} px`);
    for (const cell of table.querySelectorAll('th, td, input, button'))
      if (cell.getBoundingClientRect().right > limit) out.push(cell.textContent || cell.tagName);
    return out;
  });
}

describe('compare', () => {
  it('keeps two results side by side, says which one is kept, fits the side panel and reloads', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, served.url);
    await openApp(page, `${served.url}${ONE}`);
    await applyLink(page, ONE);
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: /^Zachary/ })
      .waitFor({ state: 'attached' });
    const status = page.getByTestId('compare-keep-status');
    const one = await run(page);
    await keep(page);
    expect(await status.textContent()).toBe('Kept as "A" (see Compare).');
    expect(await page.getByTestId('compare-keep').isDisabled()).toBe(true);

    // A new result is not the kept one: the note goes and the button comes back.
    await applyLink(page, FIVE);
    const five = await run(page);
    expect(await status.textContent()).toBe('');
    await keep(page);
    expect(await status.textContent()).toBe('Kept as "B" (see Compare).');

    await page.getByTestId('tab-compare').click();
    const rows = page.getByTestId('compare-row');
    await expect.poll(() => rows.count()).toBe(2);
    const means = await page.getByTestId('compare-mean').allTextContents();
    expect(means.map(Number)).toEqual([Number(one.toFixed(2)), Number(five.toFixed(2))]);
    const values = await page
      .getByTestId('compare-mean')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(values).toEqual([one, five]);
    expect(await page.getByTestId('compare-seeds').allTextContents()).toEqual([
      '1: 0',
      '5: 5, 6, 10, 16 (+1)',
    ]);
    expect(
      await page
        .getByTestId('compare-label')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(['A', 'B']);
    await page.getByTestId('compare-adoption').waitFor({ state: 'visible' });
    await page.getByTestId('compare-hops').waitFor({ state: 'visible' });

    // The side panel's table fits: no cell cut off, in English and in Chinese.
    expect(await cutOffCells(page)).toEqual([]);
    await page.getByTestId('language').selectOption('zh-CN');
    expect(await cutOffCells(page)).toEqual([]);
    await page.getByTestId('language').selectOption('en');

    // The wide view shows every column, for the same rows.
    await page.getByTestId('compare-wide-open').click();
    const dialog = page.getByTestId('compare-wide-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getByTestId('compare-row').count()).toBe(2);
    expect(await dialog.getByTestId('compare-model').allTextContents()).toEqual([
      'Independent cascade',
      'Independent cascade',
    ]);
    expect(await dialog.getByTestId('compare-params').allTextContents()).toEqual(['p = 0.2', 'p = 0.2']);
    expect(await dialog.getByTestId('compare-graph').allTextContents()).toEqual([
      "Zachary's karate club, 300 runs",
      "Zachary's karate club, 300 runs",
    ]);
    expect(await dialog.getByTestId('compare-ci').count()).toBe(2);
    await page.getByTestId('compare-wide-close').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('compare-ci').count()).toBe(0);

    // Rename the first, remove the second; the kept note follows the new name, then the removal.
    const label = page.getByTestId('compare-label').first();
    await label.fill('one big');
    await label.press('Enter');
    await expect.poll(() => page.getByTestId('compare-label').first().inputValue()).toBe('one big');
    await page.getByTestId('compare-remove').nth(1).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await status.textContent()).toBe('');
    expect(await page.getByTestId('compare-keep').isEnabled()).toBe(true);

    // The list is autosaved: once saved, a reload shows the same row.
    await expect.poll(() => savedLabels(page), { timeout: 10_000 }).toEqual(['one big']);
    await openApp(page, page.url());
    await page.getByTestId('tab-compare').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByTestId('compare-label').first().inputValue()).toBe('one big');
    expect((await page.getByTestId('compare-mean').allTextContents()).map(Number)).toEqual([
      Number(one.toFixed(2)),
    ]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
