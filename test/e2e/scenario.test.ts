/**
 * Keeping and sharing work in the built app: the scenario set in the controls lives in the URL
 * hash and a link reproduces the same numbers (checked against the Node engine too); a bad link
 * shows a message and keeps the state; a reload without the hash restores from IndexedDB; a
 * scenario exported as JSON imports back identically; results download as CSV and PNG.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { runLocal } from '../support/simulate.ts';
import { openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const KARATE =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.3&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=1';

async function open(page: Page, hash = KARATE): Promise<void> {
  await page.goto(`${served.url}${hash}`);
  await openApp(page, page.url());
  await page
    .getByTestId('graph-summary')
    .filter({ hasText: /^Zachary/ })
    .waitFor({ state: 'attached' });
}

async function setNumber(page: Page, testid: string, value: number): Promise<void> {
  const input = page.getByTestId(testid);
  await input.fill(String(value));
  await input.dispatchEvent('change');
}

async function runAndRead(page: Page): Promise<string> {
  await page.getByTestId('run').click();
  await page.getByTestId('status').filter({ hasText: /^Done/ }).waitFor({ timeout: 60_000 });
  return (await page.getByTestId('spread-mean').textContent()) ?? '';
}

async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

const hashOf = (page: Page) => page.evaluate(() => location.hash);

describe('scenario links', () => {
  it('a scenario set in the controls round-trips through the URL and gives the same mean', async () => {
    const page = await served.browser.newPage();
    const watched = watchPage(page, served.url);
    await open(page);
    await page.getByTestId('tab-model').click();
    await page.getByTestId('model').selectOption('sir');
    await setNumber(page, 'param-p', 0.25);
    await setNumber(page, 'param-gamma', 0.5);
    await setNumber(page, 'param-runs', 300);
    await setNumber(page, 'param-rngSeed', 42);
    await page.getByTestId('tab-seeds').click();
    await page.getByTestId('seed-new-group').click();
    await page.getByTestId('seed-search').fill('0');
    await page.getByTestId('seed-search-add').click();
    await setNumber(page, 'seed-start-1', 3);
    const hash = await hashOf(page);
    expect(hash).toBe(
      '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=sir&p=0.25&gamma=0.5&phi=0.18&steps=all&seeds=33@0;0@3&runs=300&rng=42',
    );
    const mean = await runAndRead(page);

    // The engine in Node on the same scenario: the link's numbers are the true numbers.
    const { csr, ids } = await readGraphFile('datasets/karate.txt', { direction: 'undirected' });
    const params = resolveParams({ model: 'sir', p: 0.25, gamma: 0.5, phi: 0.18, maxSteps: null }, csr);
    const plan = {
      kind: 'groups' as const,
      groups: [
        { nodes: [ids.indexOf('33')], start: 0 },
        { nodes: [ids.indexOf('0')], start: 3 },
      ],
    };
    expect(mean).toBe(runLocal(csr, params, plan, 300, 42).summary.mean.toFixed(2));

    // A fresh browser context (no autosave) opening the link shows and computes the same.
    const other = await served.browser.newPage();
    await open(other, hash);
    await other.getByTestId('tab-model').click();
    expect(await other.getByTestId('model').inputValue()).toBe('sir');
    expect(await other.getByTestId('param-p').inputValue()).toBe('0.25');
    expect(await other.getByTestId('param-gamma').inputValue()).toBe('0.5');
    expect(await other.getByTestId('param-runs').inputValue()).toBe('300');
    expect(await other.getByTestId('param-rngSeed').inputValue()).toBe('42');
    await other.getByTestId('tab-seeds').click();
    expect(await other.getByTestId('seed-start-1').inputValue()).toBe('3');
    expect(await other.getByTestId('seed-group-1').textContent()).toContain('0 ×');
    expect(await runAndRead(other)).toBe(mean);
    expect(await hashOf(other)).toBe(hash);
    expect(watched.errors).toEqual([]);
    await other.context().close();
    await page.context().close();
  }, 180_000);

  it('a bad or foreign link shows one clear message and keeps the scenario', async () => {
    const page = await served.browser.newPage();
    await open(page);
    for (const [bad, message] of [
      ['#v=9&model=ic', /format 9 comes from a newer Ripple/],
      ['#section-2', /not a Ripple scenario/],
      [KARATE.replace('p=0.3', 'p=2'), /params\.p: expected a probability between 0 and 1, got 2/],
    ] as const) {
      await page.evaluate((h) => {
        location.hash = h;
      }, bad);
      await page.getByTestId('alert-text').filter({ hasText: message }).waitFor();
      expect(await page.getByTestId('alert-text').textContent()).toContain('The current scenario is kept');
      await page.waitForFunction((h) => location.hash === h, KARATE);
    }
    await page.getByTestId('tab-model').click();
    expect(await page.getByTestId('param-p').inputValue()).toBe('0.3');
    await page.context().close();

    // Opening the app on a bad link: the default scenario loads and the message stays up.
    const fresh = await served.browser.newPage();
    await fresh.goto(`${served.url}#v=1&graph=bundled:karate.txt&model=magic`);
    await openApp(fresh, fresh.url());
    await fresh
      .getByTestId('alert-text')
      .filter({ hasText: /link: .*missing field|model: expected one of/ })
      .waitFor();
    expect(await fresh.getByTestId('graph-summary').textContent()).toMatch(/^ego-Facebook: 4,039 nodes/);
    expect(await hashOf(fresh)).toMatch(/^#v=1&graph=bundled:facebook_combined\.txt&/);
    await fresh.context().close();
  }, 120_000);
});

describe('autosave and files', () => {
  it('a reload without the hash restores the scenario from IndexedDB', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await open(page);
    await page.getByTestId('tab-model').click();
    await setNumber(page, 'param-runs', 321);
    await setNumber(page, 'param-rngSeed', 9);
    const hash = await hashOf(page);
    expect(hash).toContain('runs=321');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid=autosave-status]') as HTMLElement).dataset.saved ===
        location.hash,
    );
    await page.goto(served.url); // no hash: only the autosave knows the scenario
    await openApp(page, served.url);
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: /^Zachary/ })
      .waitFor({ state: 'attached' });
    await page.getByTestId('tab-model').click();
    expect(await page.getByTestId('param-runs').inputValue()).toBe('321');
    expect(await page.getByTestId('param-rngSeed').inputValue()).toBe('9');
    expect(await hashOf(page)).toBe(hash);
    await context.close();
  }, 120_000);

  it('a user-opened file and its scenario survive a reload', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await open(page);
    await page.getByTestId('tab-data').click();
    // A follower export: a follows b, so content flows b -> a.
    const csv = 'follower,followed\nann,bob\ncid,bob\ndee,cid\neve,dee\n';
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: 'my, followers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('direction-follows').check();
    await page.getByTestId('direction-load').click();
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: /^my, followers\.csv: 5 nodes/ })
      .waitFor({ state: 'attached' });
    await page.getByTestId('tab-model').click();
    await setNumber(page, 'param-runs', 77);
    const hash = await hashOf(page);
    expect(hash).toContain('graph=file:my%2C%20followers.csv');
    expect(hash).toContain('direction=follows');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid=autosave-status]') as HTMLElement).dataset.saved ===
        location.hash,
    );
    await page.goto(served.url);
    await openApp(page, served.url);
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: /^my, followers\.csv: 5 nodes/ })
      .waitFor({ state: 'attached' });
    expect(await hashOf(page)).toBe(hash);
    await context.close();
  }, 120_000);

  it('export scenario JSON, change things, import it back: the same scenario; a bad file is named', async () => {
    const page = await served.browser.newPage();
    await open(page);
    await page.getByTestId('tab-model').click();
    await page.getByTestId('model').selectOption('lt');
    await setNumber(page, 'param-runs', 222);
    const saved = await hashOf(page);
    await page.getByTestId('tab-share').click();
    const file = await download(page, 'export-scenario');
    expect(file.name).toBe('karate-scenario.json');
    const json = JSON.parse(file.bytes.toString('utf8'));
    expect(json.format).toBe('ripple-scenario');
    expect(json.scenario).toMatchObject({
      model: 'lt',
      runs: 222,
      graph: { kind: 'bundled', file: 'karate.txt' },
    });

    await page.getByTestId('tab-model').click();
    await setNumber(page, 'param-runs', 999);
    await page.getByTestId('model').selectOption('wc');
    expect(await hashOf(page)).not.toBe(saved);

    await page.getByTestId('tab-share').click();
    await page
      .getByTestId('import-scenario')
      .setInputFiles({ name: 'karate-scenario.json', mimeType: 'application/json', buffer: file.bytes });
    await page.getByTestId('share-status').filter({ hasText: 'imported' }).waitFor();
    expect(await hashOf(page)).toBe(saved);
    await page.getByTestId('tab-model').click();
    expect(await page.getByTestId('param-runs').inputValue()).toBe('222');
    expect(await page.getByTestId('model').inputValue()).toBe('lt');

    const bad = JSON.stringify({ format: 'ripple-scenario', scenario: { ...json.scenario, runs: -1 } });
    await page.getByTestId('tab-share').click();
    await page
      .getByTestId('import-scenario')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await page
      .getByTestId('alert-text')
      .filter({ hasText: 'bad.json: runs: expected a whole number' })
      .waitFor();
    expect(await hashOf(page)).toBe(saved);
    await page.context().close();
  }, 120_000);

  it('results download as CSV files with the expected headers, and the graph as PNG', async () => {
    const page = await served.browser.newPage();
    await open(page);
    const mean = await runAndRead(page);
    await page.getByTestId('tab-share').click();

    const summary = await download(page, 'export-summary');
    expect(summary.name).toBe('karate-summary.csv');
    const text = summary.bytes.toString('utf8');
    expect(text.startsWith('metric,value\r\n')).toBe(true);
    const meanRow = text.split('\r\n').find((l) => l.startsWith('mean,')) ?? '';
    expect(Number(meanRow.split(',')[1]).toFixed(2)).toBe(mean);

    const headers: [string, string][] = [
      ['export-hops', 'hop,mean_active_within_hops,structural_reach_within_hops'],
      ['export-adoption', 'step,mean_active,ci95_low,ci95_high'],
      ['export-histogram', 'size_from,size_to,runs'],
      ['export-nodes', 'id,label,runs_active,frequency'],
    ];
    for (const [testid, header] of headers) {
      const lines = (await download(page, testid)).bytes.toString('utf8').split('\r\n');
      expect(lines[0]).toBe(header);
      if (testid === 'export-nodes') expect(lines.filter((l) => l !== '')).toHaveLength(35);
    }

    const png = await download(page, 'export-png');
    expect(png.name).toBe('karate-graph.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(2_000);
    await page.context().close();
  }, 120_000);
});
