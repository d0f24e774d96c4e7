/**
 * The Plan panel in headless Chromium, against `ripple plan` run in this process (the CLI's main()
 * on worker threads) for the same scenario: the same seeds, the same figures (means and 95%
 * intervals of reach, exposure, impressions, conversions and the money figures) and the same
 * strategy table; the scenario link reproduces the plan in a fresh page; a bad costs file, dropped
 * or chosen, gives one line naming the file, the line and the problem and keeps the plan on screen;
 * a budget that buys nothing names the cheapest account; the panel renders in 简体中文 with no
 * English left in its texts. Karate club: a plan takes about a second.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { jsonInProcess } from '../support/cli-in-process.ts';
import {
  fillField,
  latinLeft,
  openInChinese,
  openOnTab,
  runTask,
  serveAppForFile,
  watchPage,
} from './browser.ts';

const served = serveAppForFile();

const KARATE =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.1&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=7';
const GRAPH = ['--graph', 'datasets/karate.txt', '--model', 'ic', '--p', '0.1', '--rng', '7'];

const open = (page: Page, hash = KARATE) => openOnTab(page, served.url, hash, /^Zachary/, 'plan');
const plan = (page: Page) => runTask(page, 'plan-run', 'plan-task');

type Est = { mean: number; ci95: [number, number] };

/** The figures table: each figure's mean and interval (null where absent). */
function figures(page: Page): Promise<Record<string, Est | null>> {
  return page.$$eval('[data-testid=plan-figures] tr[data-figure]', (rows) =>
    Object.fromEntries(
      rows.map((r) => {
        const d = (r as HTMLElement).dataset;
        return [
          d.figure,
          d.mean === undefined ? null : { mean: Number(d.mean), ci95: [Number(d.lo), Number(d.hi)] },
        ];
      }),
    ),
  );
}

const pickIds = (page: Page) =>
  page.$$eval('[data-testid=plan-picks] tr[data-node]', (rows) =>
    rows.map((r) => (r as HTMLElement).dataset.node ?? ''),
  );

// biome-ignore lint/suspicious/noExplicitAny: the rows' JSON, compared field by field
const strategies = (page: Page): Promise<{ name: string; data: any }[]> =>
  page.$$eval('[data-testid=plan-strategies] tr[data-strategy]', (rows) =>
    rows.map((r) => ({
      name: (r as HTMLElement).dataset.strategy ?? '',
      data: JSON.parse((r as HTMLElement).dataset.json ?? '{}'),
    })),
  );

/** The CLI rounds to 6 decimals. */
function close(app: Est | null, cli: Est | { mean: number; ci95: number[] } | null): void {
  if (cli === null) {
    expect(app).toBeNull();
    return;
  }
  expect(app).not.toBeNull();
  expect(app?.mean).toBeCloseTo(cli.mean, 5);
  expect(app?.ci95[0]).toBeCloseTo(cli.ci95[0], 5);
  expect(app?.ci95[1]).toBeCloseTo(cli.ci95[1], 5);
}

/** The CLI's scalar money figure and its interval as an estimate (or null). */
// biome-ignore lint/suspicious/noExplicitAny: parsed CLI JSON
function money(cli: any, name: string): Est | null {
  return cli[name] === null ? null : { mean: cli[name], ci95: cli[`${name}Ci95`] };
}

// biome-ignore lint/suspicious/noExplicitAny: parsed CLI JSON
async function sameAsCli(page: Page, cli: any): Promise<void> {
  expect(await pickIds(page)).toEqual(cli.picks.map((p: { id: string }) => p.id));
  expect(await pickIds(page)).toEqual(cli.seeds);
  const f = await figures(page);
  for (const name of ['reach', 'exposure', 'impressions', 'conversions']) close(f[name], cli[name]);
  for (const name of ['costPerReach', 'costPerConversion', 'roi', 'adEquivalent'])
    close(f[name], money(cli, name));
  const rows = await strategies(page);
  expect(rows.map((r) => r.name)).toEqual(cli.strategies.map((s: { name: string }) => s.name));
  rows.forEach((row, i) => {
    const s = cli.strategies[i];
    expect(row.data.seeds).toEqual(s.seeds);
    expect(row.data.starts).toEqual(s.starts);
    expect(row.data.cost).toBeCloseTo(s.cost, 5);
    for (const name of ['reach', 'exposure', 'impressions', 'conversions']) close(row.data[name], s[name]);
  });
}

/** Drop a file onto the costs drop zone (a DataTransfer made in the page). */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/csv' }));
      return dt;
    },
    { name, text },
  );
  await page.getByTestId('plan-costs-drop').dispatchEvent('drop', { dataTransfer: transfer });
}

const chooseFile = (page: Page, name: string, text: string) =>
  page
    .getByTestId('plan-costs-input')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('plan panel', () => {
  it('shows the numbers of `ripple plan`; the link reproduces them in a fresh page', async () => {
    const page = await served.browser.newPage();
    const watched = watchPage(page, served.url);
    await open(page);
    // The slider and the exact field are one budget.
    const slider = page.getByTestId('plan-budget-slider');
    const step = Number(await slider.getAttribute('data-step'));
    await slider.fill(String(40 * step + step / 3));
    expect(Number(await page.getByTestId('plan-budget').inputValue())).toBeCloseTo(40 * step, 9);
    await fillField(page, 'plan-budget', 30);
    expect(await slider.inputValue()).toBe('30');
    await page.getByTestId('plan-cost-kind').selectOption('formula');
    await fillField(page, 'plan-cost-flat', 2);
    await fillField(page, 'plan-cost-per-follower', 1);
    await page.getByTestId('plan-objective').selectOption('exposure');
    await fillField(page, 'plan-conversion', 0.02);
    await fillField(page, 'plan-value', 30);
    await fillField(page, 'plan-cpm', 8);
    expect(await plan(page)).toBe('done');

    const cli = await jsonInProcess(
      'plan',
      ...GRAPH,
      ...['--budget', '30', '--cost-flat', '2', '--cost-per-follower', '1', '--objective', 'exposure'],
      ...['--conversion', '0.02', '--value', '30', '--cpm', '8', '--workers', '2'],
    );
    await sameAsCli(page, cli);
    expect(cli.roi).not.toBeNull();
    // The chart: one line (and band) per strategy with a curve.
    expect(await page.getByTestId('plan-curve-box').getAttribute('data-strategies')).toBe(
      Object.keys(cli.budgetCurve.strategies).join(','),
    );
    expect(await page.getByTestId('plan-guarantee').textContent()).toContain(
      `${(100 * cli.guarantee.ratio).toFixed(1)}%`,
    );

    // The plan's seeds become the scenario's.
    await page.getByTestId('plan-use').click();
    const seeds = await page.evaluate(
      () =>
        (window as unknown as { ripple: { store: { scenario: { value: { seeds: unknown } } } } }).ripple.store
          .scenario.value.seeds,
    );
    expect(seeds).toEqual({ kind: 'groups', groups: [{ ids: cli.seeds, start: 0 }] });

    // The export: id, cost, followers, marginal gain per seed.
    const download = page.waitForEvent('download');
    await page.getByTestId('plan-export').click();
    const csv = await (await download).createReadStream();
    let text = '';
    for await (const chunk of csv) text += chunk;
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('id,cost,followers,marginal_gain');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3))).toEqual(
      cli.picks.map((p: { id: string; cost: number; followers: number }) => [
        p.id,
        String(p.cost),
        String(p.followers),
      ]),
    );

    // The link holds the plan settings: a fresh page on it gives the same plan.
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('budget=30&costs=formula:2:1&objective=exposure&conversion=0.02&value=30&cpm=8');
    const fresh = await served.browser.newPage();
    await open(fresh, hash);
    expect(await fresh.getByTestId('plan-budget').inputValue()).toBe('30');
    expect(await fresh.getByTestId('plan-objective').inputValue()).toBe('exposure');
    expect(await plan(fresh)).toBe('done');
    await sameAsCli(fresh, cli);
    expect(watched.errors).toEqual([]);
    await fresh.close();
    await page.close();
  }, 120_000);

  it('plans from a costs file like `ripple plan --costs`; a bad file dropped or chosen keeps the plan', async () => {
    const context = await served.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const watched = watchPage(page, served.url);
    await open(page);
    await page.getByTestId('plan-cost-kind').selectOption('file');
    // Accounts 0..29 priced (the big ones dearer), 30..33 left to the default cost.
    const good = ['id,cost', ...Array.from({ length: 30 }, (_, i) => `${i},${1 + (i % 7)}`)].join('\n');
    await chooseFile(page, 'prices.csv', good);
    const preview = page.getByTestId('plan-costs-preview');
    await expect.poll(() => preview.getAttribute('data-matched')).toBe('30');
    expect(await preview.getAttribute('data-unmatched')).toBe('4');
    expect(await preview.textContent()).toContain('prices.csv: 30 of 34 accounts');
    const unpriced = /4 accounts have no cost: (\d+), (\d+), (\d+), (\d+); set a default cost/.exec(
      (await preview.textContent()) ?? '',
    );
    expect(unpriced?.slice(1).sort()).toEqual(['30', '31', '32', '33']);
    // Without a default cost the 4 others stop the plan, named.
    await page.getByTestId('plan-run').click();
    await expect
      .poll(() => page.getByTestId('plan-error').textContent())
      .toMatch(/4 of 34 accounts have no cost/);
    expect(await page.getByTestId('plan-task').getAttribute('data-state')).toBe('idle');
    await fillField(page, 'plan-default-cost', 5);
    await fillField(page, 'plan-budget', 12);
    expect(await plan(page)).toBe('done');
    expect(await page.getByTestId('plan-error').textContent()).toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'ripple-plan-'));
    writeFileSync(join(dir, 'prices.csv'), good);
    const cli = await jsonInProcess(
      'plan',
      ...GRAPH,
      ...['--budget', '12', '--costs', join(dir, 'prices.csv'), '--default-cost', '5', '--workers', '2'],
    );
    await sameAsCli(page, cli);
    expect(await page.getByTestId('plan-link-note').textContent()).toContain('prices.csv');
    expect(await page.evaluate(() => location.hash)).toContain('costs=file:5:prices.csv');
    const before = await figures(page);

    const bad: [string, string, RegExp][] = [
      [
        'unknown.csv',
        'id,cost\n1,3\nnobody,4\n',
        /^Costs file unknown\.csv, line 3: account 'nobody' is not in the graph\./,
      ],
      ['negative.csv', 'id,cost\n1,3\n2,-4\n', /^Costs file negative\.csv, line 3: the cost -4 is negative/],
      ['words.csv', 'id,cost\n1,cheap\n', /^Costs file words\.csv, line 2: the cost 'cheap' is not a number/],
      [
        'twice.csv',
        'id,cost\n1,3\n\n1,4\n',
        /^Costs file twice\.csv, line 4: account '1' is listed twice \(first on line 2\)/,
      ],
    ];
    for (const [i, [name, text, message]] of bad.entries()) {
      if (i % 2 === 0) await dropFile(page, name, text);
      else await chooseFile(page, name, text);
      const error = page.getByTestId('plan-error');
      await expect.poll(() => error.textContent()).toMatch(message);
      expect((await error.textContent())?.split('\n')).toHaveLength(1);
      expect(await error.textContent()).toContain('The previous costs and plan are kept.');
      // The previous costs and plan stay.
      expect(await figures(page)).toEqual(before);
      expect(await preview.getAttribute('data-matched')).toBe('30');
    }
    expect(await page.evaluate(() => location.hash)).toContain('costs=file:5:prices.csv');

    // A budget that buys no account says so with the cheapest account's cost; the plan stays.
    await fillField(page, 'plan-budget', 0.5);
    await page.getByTestId('plan-run').click();
    await expect
      .poll(() => page.getByTestId('plan-error').textContent())
      .toBe('A budget of 0.5 buys no account: the cheapest, 0, costs 1. Raise the budget to at least 1.');
    expect(await figures(page)).toEqual(before);
    // An invalid number stays in its field with the error beside it.
    await fillField(page, 'plan-budget', '-3');
    expect(await page.getByTestId('plan-budget').inputValue()).toBe('-3');
    expect(await page.getByTestId('plan-budget-error').textContent()).toMatch(/Budget/);
    // Copying the link says the costs file does not travel with it.
    await page.getByTestId('tab-share').click();
    await page.getByTestId('copy-link').click();
    await expect.poll(() => page.getByTestId('share-status').textContent()).toContain('file prices.csv');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('costs=file:5:prices.csv');
    expect(watched.errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('cancel stops a plan and keeps the previous one (email-Eu-core)', async () => {
    const page = await served.browser.newPage();
    const email = KARATE.replace('karate.txt', 'email-Eu-core.txt')
      .replace('direction=undirected', 'direction=influences')
      .replace('seeds=33@0', 'seeds=0@0');
    await openOnTab(page, served.url, email, /^email-Eu-core/, 'plan');
    await fillField(page, 'plan-cost-flat', 10);
    await fillField(page, 'plan-cost-per-follower', 1);
    await fillField(page, 'plan-budget', 20);
    expect(await plan(page)).toBe('done');
    const before = await figures(page);
    const seeds = await pickIds(page);
    expect(seeds.length).toBeGreaterThan(0);

    await fillField(page, 'plan-budget', 5000);
    await page.getByTestId('plan-run').click();
    await page.getByTestId('plan-task').and(page.locator('[data-state=running]')).waitFor();
    await page.getByTestId('plan-task-progress').waitFor({ state: 'visible' });
    await page.getByTestId('plan-task-cancel').click();
    await page
      .getByTestId('plan-task')
      .and(page.locator('[data-state=cancelled]'))
      .waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('plan-task-status').textContent()).toBe(
      'Cancelled; the previous plan is kept.',
    );
    expect(await figures(page)).toEqual(before);
    expect(await pickIds(page)).toEqual(seeds);
    // The settings changed since that plan: it says so.
    await page.getByTestId('plan-stale').waitFor();
    await page.close();
  }, 120_000);

  it('says so for models the planner cannot use', async () => {
    const page = await served.browser.newPage();
    await open(page, KARATE.replace('model=ic', 'model=sir'));
    expect(await page.getByTestId('plan-unsupported').textContent()).toContain('SIR');
    expect(await page.getByTestId('plan-run').count()).toBe(0);
    await page.close();
  });

  it('renders in 简体中文 with no English left in its texts', async () => {
    const { context, page } = await openInChinese(served, KARATE);
    await page.getByTestId('tab-plan').click();
    await fillField(page, 'plan-budget', 30);
    await fillField(page, 'plan-value', 30);
    await fillField(page, 'plan-cpm', 8);
    expect(await plan(page)).toBe('done');
    await page.getByTestId('plan-curve-table').locator('summary').click();
    // The costs-file part and a bad file's message, in Chinese too.
    await page.getByTestId('plan-cost-kind').selectOption('file');
    await chooseFile(page, '价格.csv', 'id,cost\n1,3\nnobody,4\n');
    await expect
      .poll(() => page.getByTestId('plan-error').textContent())
      .toBe('成本文件 价格.csv 第 3 行：账号“nobody”不在图中。已保留之前的成本和方案。');
    const { texts: english, left } = await latinLeft(page, ['ic', 'cpm', 'csv', 'id', 'celf', 'nobody']);
    expect(left).toEqual([]);
    // The detector sees Chinese, and the chart's texts are Chinese too.
    expect(english.join('')).toMatch(/触达.*曝光/s);
    const chartTexts = await page.evaluate(() =>
      (window as unknown as { ripple: { chartTexts(id: string): string[] } }).ripple.chartTexts('plan-curve'),
    );
    expect(chartTexts.length).toBeGreaterThan(0);
    expect(chartTexts.filter((text) => /[A-Za-z]{2,}/.test(text))).toEqual([]);
    await context.close();
  }, 120_000);
});
