/**
 * The Critical mass panel in headless Chromium: a p sweep on the karate club marks a tipping point
 * inside the swept range, equal to the one `ripple tipping` finds for the same options and --rng
 * (and the same theoretical value), drawn on the chart; a k sweep finds the same fewest seeds for
 * a reach target as the CLI; cancel stops a long sweep and keeps the previous result.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { jsonInProcess } from '../support/cli-in-process.ts';
import { fillField, openApp, runTask, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const KARATE =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.3&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=1';

const ripple = jsonInProcess;

async function open(page: Page): Promise<void> {
  await page.goto(`${served.url}${KARATE}`);
  await openApp(page, page.url());
  await page
    .getByTestId('graph-summary')
    .filter({ hasText: /^Zachary/ })
    .waitFor({ state: 'attached' });
  await page.getByTestId('tab-critical-mass').click();
}

const fill = fillField;

const sweep = (page: Page, timeout?: number) => runTask(page, 'critical-run', 'critical-task', timeout);

const dataValue = async (page: Page, testid: string) => {
  const raw = await page.getByTestId(testid).getAttribute('data-value');
  return raw === null || raw === '' ? null : Number(raw);
};

describe('critical mass panel', () => {
  it('marks the same tipping point as `ripple tipping`, inside the range, beside theory', async () => {
    const page = await served.browser.newPage();
    const watched = watchPage(page, served.url);
    await open(page);
    expect(await page.getByTestId('critical-explain').textContent()).toContain('tipping point');
    await page.getByTestId('critical-vary').selectOption('p');
    await page.getByTestId('critical-model').selectOption('ic');
    await fill(page, 'critical-from', 0);
    await fill(page, 'critical-to', 0.6);
    await fill(page, 'critical-steps', 7);
    await fill(page, 'critical-runs', 300);
    await page.getByTestId('critical-seeds').selectOption('random');
    await fill(page, 'critical-rng', 3);
    expect(await sweep(page)).toBe('done');

    const reference = await ripple(
      'tipping',
      ...['--graph', 'datasets/karate.txt', '--vary', 'p', '--from', '0', '--to', '0.6'],
      ...['--steps', '7', '--runs', '300', '--rng', '3', '--workers', '2'],
    );
    const critical = await dataValue(page, 'critical-point');
    expect(reference.critical).not.toBeNull();
    expect(critical).not.toBeNull();
    expect(critical as number).toBeGreaterThanOrEqual(0);
    expect(critical as number).toBeLessThanOrEqual(0.6);
    expect(critical).toBe(reference.critical);
    expect(await dataValue(page, 'critical-theory')).toBe(reference.theory);
    expect(await page.getByTestId('critical-chart').isVisible()).toBe(true);
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it('finds the fewest seeds for a reach target as the CLI does; cancel keeps the result', async () => {
    const page = await served.browser.newPage();
    await open(page);
    await page.getByTestId('critical-vary').selectOption('k');
    await page.getByTestId('critical-model').selectOption('ic');
    await fill(page, 'critical-p', 0.05);
    await fill(page, 'critical-from', 1);
    await fill(page, 'critical-to', 12);
    await fill(page, 'critical-steps', 6);
    await fill(page, 'critical-runs', 200);
    await page.getByTestId('critical-by').selectOption('degree');
    await fill(page, 'critical-target', 50);
    await fill(page, 'critical-rng', 2);
    expect(await sweep(page)).toBe('done');
    const reference = await ripple(
      'tipping',
      ...['--graph', 'datasets/karate.txt', '--vary', 'k', '--from', '1', '--to', '12', '--p', '0.05'],
      ...[
        '--steps',
        '6',
        '--runs',
        '200',
        '--by',
        'degree',
        '--target',
        '0.5',
        '--rng',
        '2',
        '--workers',
        '1',
      ],
    );
    const fewest = reference.fewestSeeds as { k: number } | null;
    expect(fewest).not.toBeNull();
    expect(await dataValue(page, 'critical-fewest')).toBe(fewest?.k);
    expect(await dataValue(page, 'critical-point')).toBe(reference.critical);
    const kept = await page.getByTestId('critical-numbers').textContent();

    await fill(page, 'critical-runs', 5_000_000);
    await page.getByTestId('critical-run').click();
    await page.getByTestId('critical-task-progress').waitFor({ state: 'visible' });
    await page.getByTestId('critical-task-cancel').click();
    await page
      .getByTestId('critical-task')
      .and(page.locator('[data-state=cancelled]'))
      .waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('critical-numbers').textContent()).toBe(kept);
    await page.close();
  });
});
