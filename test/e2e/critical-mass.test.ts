/**
 * The Critical mass panel in headless Chromium. A sweep is repeated with several random seeds
 * (the form's --rng and the next ones): each seed's tipping point equals the one `ripple tipping`
 * finds for the same options and --rng, and the panel shows their median and range, in numbers
 * and as a strip on the chart, beside the same theoretical value. On the karate club a p sweep
 * marks its tipping point inside the swept range; a k sweep finds the median of the CLI's fewest
 * seeds for a reach target; cancel stops a long sweep and keeps the previous result. On
 * ego-Facebook with the panel's defaults (where single sweeps put p_c at 0.012 or at 0.025) the
 * median and range are the CLI's over the same seeds.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { median } from '../../src/app/panels/critical-mass/repeats.ts';
import { jsonInProcess } from '../support/cli-in-process.ts';
import { fillField, openOnTab, runTask, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const KARATE =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.3&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=1';

const ripple = jsonInProcess;

function open(page: Page, hash = KARATE, name = /^Zachary/): Promise<void> {
  return openOnTab(page, served.url, hash, name, 'critical-mass');
}

/** `ripple tipping` once per random seed; the args without --rng. */
async function tippingOverSeeds(args: string[], seeds: number[]) {
  const out = [];
  for (const rng of seeds) out.push(await ripple('tipping', ...args, '--rng', String(rng)));
  return out;
}

/** Median, min and max of the values found (null ones left out), as the panel summarises them. */
function spread(values: (number | null)[]) {
  const found = values.filter((v): v is number => v !== null);
  if (found.length === 0) return { median: null, min: null, max: null };
  return { median: median(found), min: Math.min(...found), max: Math.max(...found) };
}

const chartTexts = (page: Page, testid: string) =>
  page.evaluate(
    (id) => (window as unknown as { ripple: { chartTexts(id: string): string[] } }).ripple.chartTexts(id),
    testid,
  );

/** What each random seed found, from the table of the repeats. */
const perSeed = (page: Page) =>
  page.$$eval('[data-testid=critical-per-seed] tr[data-rng]', (rows) =>
    rows.map((r) => {
      const raw = (r as HTMLElement).dataset.critical ?? '';
      return { rng: Number((r as HTMLElement).dataset.rng), critical: raw === '' ? null : Number(raw) };
    }),
  );

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

    const seeds = [3, 4, 5, 6, 7];
    const references = await tippingOverSeeds(
      [
        ...['--graph', 'datasets/karate.txt', '--vary', 'p', '--from', '0', '--to', '0.6'],
        ...['--steps', '7', '--runs', '300', '--workers', '2'],
      ],
      seeds,
    );
    // Each seed's tipping point is the CLI's for that --rng.
    expect(await perSeed(page)).toEqual(references.map((r, i) => ({ rng: seeds[i], critical: r.critical })));
    const expected = spread(references.map((r) => r.critical));
    const critical = await dataValue(page, 'critical-point');
    expect(critical).not.toBeNull();
    expect(critical as number).toBeGreaterThanOrEqual(0);
    expect(critical as number).toBeLessThanOrEqual(0.6);
    expect(critical).toBe(expected.median);
    expect(Number(await page.getByTestId('critical-point').getAttribute('data-min'))).toBe(expected.min);
    expect(Number(await page.getByTestId('critical-point').getAttribute('data-max'))).toBe(expected.max);
    expect(await page.getByTestId('critical-point').textContent()).toMatch(
      /median of 5 random seeds \(range /,
    );
    expect(await dataValue(page, 'critical-theory')).toBe(references[0].theory);
    expect(await page.getByTestId('critical-chart').isVisible()).toBe(true);
    expect(await chartTexts(page, 'critical-chart')).toContain('Tipping points of 5 random seeds (range)');
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
    const references = await tippingOverSeeds(
      [
        ...['--graph', 'datasets/karate.txt', '--vary', 'k', '--from', '1', '--to', '12', '--p', '0.05'],
        ...['--steps', '6', '--runs', '200', '--by', 'degree', '--target', '0.5', '--workers', '1'],
      ],
      [2, 3, 4, 5, 6],
    );
    const fewest = references.map((r) => (r.fewestSeeds as { k: number } | null)?.k ?? null);
    expect(fewest.every((k) => k !== null)).toBe(true);
    expect(await dataValue(page, 'critical-fewest')).toBe(spread(fewest).median);
    expect(await dataValue(page, 'critical-point')).toBe(spread(references.map((r) => r.critical)).median);
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

  it('shows the tipping point of ego-Facebook with its uncertainty: median and range over 5 random seeds, as the CLI finds them', async () => {
    const page = await served.browser.newPage();
    const watched = watchPage(page, served.url);
    await open(page, '', /^ego-Facebook/);
    // The panel's defaults: p from 0 to about 3x the theoretical threshold, 11 points, 500 runs, 5 seeds from 1.
    expect(await page.getByTestId('critical-vary').inputValue()).toBe('p');
    expect(await page.getByTestId('critical-repeats').inputValue()).toBe('5');
    const to = await page.getByTestId('critical-to').inputValue();
    const rng = Number(await page.getByTestId('critical-rng').inputValue());
    expect(await sweep(page, 400_000)).toBe('done');
    const seeds = [rng, rng + 1, rng + 2, rng + 3, rng + 4];
    const references = await tippingOverSeeds(
      [
        ...['--graph', 'datasets/facebook_combined.txt', '--vary', 'p', '--from', '0', '--to', to],
        ...['--steps', '11', '--runs', '500', '--workers', '2'],
      ],
      seeds,
    );
    expect(await perSeed(page)).toEqual(references.map((r, i) => ({ rng: seeds[i], critical: r.critical })));
    const expected = spread(references.map((r) => r.critical));
    expect(expected.median).not.toBeNull();
    const point = page.getByTestId('critical-point');
    expect(await dataValue(page, 'critical-point')).toBe(expected.median);
    expect(Number(await point.getAttribute('data-min'))).toBe(expected.min);
    expect(Number(await point.getAttribute('data-max'))).toBe(expected.max);
    // The uncertainty in numbers (the range) and on the chart (the strip of the seeds' tipping points).
    const text = (await point.textContent()) ?? '';
    const fmt = (x: number | null) =>
      new Intl.NumberFormat('en', { maximumSignificantDigits: 3 }).format(Number(x));
    expect(text).toContain(
      `${fmt(expected.median)}, median of 5 random seeds (range ${fmt(expected.min)} – ${fmt(expected.max)})`,
    );
    expect(await chartTexts(page, 'critical-chart')).toContain('Tipping points of 5 random seeds (range)');
    expect(await dataValue(page, 'critical-theory')).toBe(references[0].theory);
    console.log(
      `ego-Facebook p_c over seeds ${seeds.join(',')}: ${references.map((r) => r.critical).join(', ')}; theory ${references[0].theory}`,
    );
    expect(watched.errors).toEqual([]);
    await page.close();
  }, 600_000);
});
