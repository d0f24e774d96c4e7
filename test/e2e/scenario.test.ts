/**
 * Keeping and sharing work in the built app: the scenario set in the controls lives in the URL
 * hash and a link reproduces the same numbers (checked against the Node engine too); a bad link
 * shows a message and keeps the state; a reload without the hash restores from IndexedDB; a
 * scenario exported as JSON imports back identically; results download as CSV and PNG (with the
 * legend painted under the graph). A corrupted autosave record is named and kept aside; a full
 * storage quota is told apart from IndexedDB being unavailable and offers the scenario as a file;
 * a bad ?graph= address gives a clear message and the default graph.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { jsonInProcess } from '../support/cli-in-process.ts';
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

/** Run, and read the mean reach as a plain number (spread-mean shows it formatted). */
async function runAndRead(page: Page): Promise<number> {
  await page.getByTestId('run').click();
  await page.getByTestId('status').filter({ hasText: /^Done/ }).waitFor({ timeout: 60_000 });
  return Number(await page.getByTestId('spread-mean').getAttribute('data-value'));
}

async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

const hashOf = (page: Page) => page.evaluate(() => location.hash);

/**
 * Decode a PNG in the page: its size, and for each colour [r, g, b, tolerance] how many pixels
 * from row `fromRow` down have it (each channel within the tolerance).
 */
async function pngPixels(
  page: Page,
  bytes: Buffer,
  fromRow: number,
  colours: [number, number, number, number][],
): Promise<{ width: number; height: number; counts: number[] }> {
  return page.evaluate(
    async ({ b64, fromRow, colours }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      g.drawImage(image, 0, 0);
      const rows = Math.max(0, image.height - fromRow);
      const counts = colours.map(() => 0);
      if (rows > 0) {
        const d = g.getImageData(0, fromRow, image.width, rows).data;
        for (let i = 0; i < d.length; i += 4)
          colours.forEach(([r, gg, b, tol], k) => {
            if (Math.abs(d[i] - r) <= tol && Math.abs(d[i + 1] - gg) <= tol && Math.abs(d[i + 2] - b) <= tol)
              counts[k]++;
          });
      }
      return { width: image.width, height: image.height, counts };
    },
    { b64: bytes.toString('base64'), fromRow, colours },
  );
}

/** Every record of the page's autosave database, by key. */
async function autosaveRecords(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('ripple');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const records = open.result.transaction('autosave', 'readonly').objectStore('autosave');
          const keys = records.getAllKeys();
          const values = records.getAll();
          values.onsuccess = () => {
            const out: Record<string, unknown> = {};
            keys.result.forEach((k, i) => {
              out[String(k)] = values.result[i];
            });
            open.result.close();
            resolve(out);
          };
          values.onerror = () => reject(values.error);
        };
      }),
  );
}

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
    expect(mean).toBe(runLocal(csr, params, plan, 300, 42).summary.mean);
    // And `ripple simulate` on the same scenario prints the same mean.
    const cli = await jsonInProcess(
      'simulate',
      '--graph',
      'datasets/karate.txt',
      '--direction',
      'undirected',
      '--model',
      'sir',
      '--p',
      '0.25',
      '--gamma',
      '0.5',
      '--seeds',
      '33;0@3',
      '--runs',
      '300',
      '--rng',
      '42',
      '--workers',
      '2',
    );
    expect(cli.mean).toBe(mean);

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
    expect(Number(meanRow.split(',')[1])).toBe(mean);

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
    // The legend is painted in a band under the graph: the picture is taller than the canvas, and
    // the band holds the seed swatch's colour (Okabe-Ito vermillion) and the reach ramp's deep end.
    const box = await page.getByTestId('graph-canvas').boundingBox();
    const dpr = await page.evaluate(() => window.devicePixelRatio);
    const bare = Math.round((box?.height ?? 0) * dpr);
    const picture = await pngPixels(page, png.bytes, bare + 2, [
      [213, 94, 0, 3],
      [0, 114, 178, 24],
    ]);
    expect(picture.width).toBe(Math.round((box?.width ?? 0) * dpr));
    expect(picture.height).toBeGreaterThan(bare + 20);
    expect(picture.counts[0]).toBeGreaterThan(20);
    expect(picture.counts[1]).toBeGreaterThan(0);
    await page.context().close();
  }, 120_000);
});

describe('when saving or loading goes wrong', () => {
  it('a corrupted saved scenario is named in a message, kept aside, and not deleted', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    const watched = watchPage(page, served.url);
    await open(page);
    await page.getByTestId('tab-model').click();
    await setNumber(page, 'param-runs', 321);
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid=autosave-status]') as HTMLElement).dataset.saved ===
        location.hash,
    );
    const saved = (await autosaveRecords(page)).scenario as Record<string, unknown>;
    expect(saved.runs).toBe(321);
    // Damage it as another version or a broken write would: runs out of range, a field unknown.
    const bad = { ...saved, runs: -5, colour: 'blue' };
    await page.evaluate(
      (bad) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('ripple');
          open.onsuccess = () => {
            const tx = open.result.transaction('autosave', 'readwrite');
            tx.objectStore('autosave').put(bad, 'scenario');
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      bad,
    );

    // No hash: only the autosave knows the scenario (one navigation: the first load moves the
    // bad record aside, so a second one would find nothing to report).
    await openApp(page, served.url);
    const alert = page.getByTestId('alert-text');
    try {
      await alert.filter({ hasText: 'could not be used' }).waitFor({ timeout: 15_000 });
    } catch (error) {
      const state = {
        alert: await page.getByTestId('alert').textContent(),
        autosave: await page.getByTestId('autosave-status').getAttribute('data-state'),
        records: Object.keys(await autosaveRecords(page)),
        url: page.url(),
        errors: watched.errors,
      };
      throw new Error(`no message about the bad record: ${JSON.stringify(state)}`, { cause: error });
    }
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('kept aside');
    expect(text).toContain('The scenario saved in this browser could not be used (record “scenario”:');
    expect(text).toMatch(/unknown field 'colour'|runs: expected a whole number/);
    const keptAs = /kept aside as “(scenario\.corrupt\.[^”]+)”/.exec(text)?.[1] ?? '';
    expect(keptAs).toMatch(/^scenario\.corrupt\.\d{4}-\d\d-\d\dT/);
    // The default scenario is shown, and the bad record is still there, unchanged, under its new key.
    expect(await page.getByTestId('graph-summary').textContent()).toMatch(/^ego-Facebook/);
    const records = await autosaveRecords(page);
    expect(records[keptAs]).toEqual(bad);
    expect(watched.errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a full storage quota says so (not "unavailable") and offers the scenario as a file', async () => {
    const context = await served.browser.newContext();
    // Every write to IndexedDB fails as a full disk or quota makes it fail.
    await context.addInitScript(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    const watched = watchPage(page, served.url);
    await open(page);
    await page.getByTestId('tab-model').click();
    await setNumber(page, 'param-runs', 123);
    const status = page.getByTestId('autosave-status');
    await status.filter({ hasText: 'storage of this browser is full' }).waitFor();
    expect(await status.getAttribute('data-state')).toBe('full');
    expect(await status.textContent()).not.toContain('unavailable');
    const file = await download(page, 'autosave-export');
    expect(file.name).toBe('karate-scenario.json');
    const json = JSON.parse(file.bytes.toString('utf8'));
    expect(json.format).toBe('ripple-scenario');
    expect(json.scenario.runs).toBe(123);
    expect(json.scenario.graph).toEqual({ kind: 'bundled', file: 'karate.txt' });
    expect(watched.errors).toEqual([]);
    await context.close();
  }, 120_000);

  for (const [value, message] of [
    ['%25', /^% could not be fetched \(HTTP 404\)/],
    [
      encodeURIComponent('https://other.example/x.txt'),
      /^The graph address "https:\/\/other\.example\/x\.txt" is on another site/,
    ],
    ['/nope.txt', /^nope\.txt was not found/],
  ] as const) {
    it(`?graph=${value} gives a clear message and the default graph`, async () => {
      const page = await served.browser.newPage();
      const watched = watchPage(page, served.url);
      // Uncaught errors only: the browser itself logs a failed request (404) as a console error.
      const uncaught: string[] = [];
      page.on('pageerror', (e) => uncaught.push(e.message));
      await page.goto(`${served.url}?graph=${value}`);
      await openApp(page, page.url());
      await page
        .getByTestId('graph-summary')
        .filter({ hasText: /^ego-Facebook: 4,039 nodes/ })
        .waitFor({ state: 'attached' });
      await page.getByTestId('alert-text').filter({ hasText: message }).waitFor();
      expect(uncaught).toEqual([]);
      expect(watched.foreign).toEqual([]);
      await page.close();
    }, 120_000);
  }
});
