/**
 * The compare tab in the built app: two results kept after two runs (one seed against five) show
 * as two rows with their own means, which equal the runs' results; rename and remove work, and
 * the list comes back after a reload (autosaved in IndexedDB).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const ONE =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.2&gamma=0.2&phi=0.18&steps=all&seeds=0@0&runs=300&rng=1';
const FIVE = ONE.replace('seeds=0@0', 'seeds=5,6,10,16,24@0');

async function runAndKeep(page: Page): Promise<number> {
  await page.getByTestId('run').click();
  await page.getByTestId('status').filter({ hasText: /^Done/ }).waitFor({ timeout: 60_000 });
  const mean = await page.evaluate(() => {
    const w = window as unknown as {
      ripple: { store: { get(): { result: { summary: { mean: number } } } } };
    };
    return w.ripple.store.get().result.summary.mean;
  });
  const keep = page.getByTestId('compare-keep');
  await expect.poll(() => keep.isEnabled()).toBe(true);
  await keep.click();
  return mean;
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

describe('compare', () => {
  it('keeps two results and shows both rows', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, served.url);
    await page.goto(`${served.url}${ONE}`);
    await openApp(page, page.url());
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: /^Zachary/ })
      .waitFor({ state: 'attached' });
    const one = await runAndKeep(page);
    await page.evaluate((hash) => {
      location.hash = hash;
    }, FIVE);
    await page.waitForFunction(() => {
      const w = window as unknown as {
        ripple: { store: { get(): { scenario: { seeds: { kind: string; groups: { ids: string[] }[] } } } } };
      };
      const seeds = w.ripple.store.get().scenario.seeds;
      return seeds.kind === 'groups' && seeds.groups.flatMap((g) => g.ids).length === 5;
    });
    const five = await runAndKeep(page);

    await page.getByTestId('tab-compare').click();
    const rows = page.getByTestId('compare-row');
    await expect.poll(() => rows.count()).toBe(2);
    const means = await page.getByTestId('compare-mean').allTextContents();
    expect(means.map(Number)).toEqual([Number(one.toFixed(2)), Number(five.toFixed(2))]);
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

    // Rename the first, remove the second.
    const label = page.getByTestId('compare-label').first();
    await label.fill('one big');
    await label.press('Enter');
    await expect.poll(() => page.getByTestId('compare-label').first().inputValue()).toBe('one big');
    await page.getByTestId('compare-remove').nth(1).click();
    await expect.poll(() => rows.count()).toBe(1);

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
