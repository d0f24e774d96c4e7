/**
 * The Crisis panel in headless Chromium, against `ripple watch` and `ripple contain` run in this
 * process (the CLI's main() on worker threads) for the same scenario: the same monitors and
 * correctors, the same means and 95% intervals, the same baselines; the scenario link reproduces
 * them in a fresh page; the race replayed on the stage colours every account at its last step as
 * the earliest-arrival rule says for the same live-edge world, computed here with createLiveWorlds;
 * bad input keeps the results with one message; a click on the graph sets where the rumour starts;
 * the panel renders in 简体中文 with no English left in its texts. Karate club: each part takes
 * about a second.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { createLiveWorlds, UNREACHED } from '../../src/crisis/live-world.ts';
import { phaseSeed } from '../../src/seeding/imm.ts';
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
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.2&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=7';
const GRAPH = [
  '--graph',
  'datasets/karate.txt',
  '--model',
  'ic',
  '--p',
  '0.2',
  '--rng',
  '7',
  '--workers',
  '2',
];

const open = (page: Page, hash = KARATE) => openOnTab(page, served.url, hash, /^Zachary/, 'crisis');
const watch = (page: Page) => runTask(page, 'crisis-watch-run', 'crisis-watch-task');
const contain = (page: Page) => runTask(page, 'crisis-contain-run', 'crisis-contain-task');

type Est = { mean: number; ci95: number[] };

/** The CLI rounds to 6 decimals. */
function close(app: Est, cli: Est): void {
  expect(app.mean).toBeCloseTo(cli.mean, 5);
  expect(app.ci95[0]).toBeCloseTo(cli.ci95[0], 5);
  expect(app.ci95[1]).toBeCloseTo(cli.ci95[1], 5);
}

// biome-ignore lint/suspicious/noExplicitAny: the panel's data attributes, compared field by field
async function json(page: Page, testid: string): Promise<any> {
  return JSON.parse((await page.getByTestId(testid).getAttribute('data-json')) ?? 'null');
}

// biome-ignore lint/suspicious/noExplicitAny: parsed CLI JSON
async function sameWatch(page: Page, cli: any): Promise<void> {
  const app = await json(page, 'crisis-watch-result');
  expect(app.monitors).toEqual(cli.monitors);
  for (const f of ['detect', 'time', 'affected']) close(app[f], cli[f]);
  expect(app.detectionCurve.length).toBe(cli.detectionCurve.length);
  app.detectionCurve.forEach((y: number, i: number) => {
    expect(y).toBeCloseTo(cli.detectionCurve[i], 5);
  });
  const rows = await page.$$eval('[data-testid=crisis-watch-baselines] tr[data-strategy]', (trs) =>
    trs.map((r) => ({
      name: (r as HTMLElement).dataset.strategy,
      data: JSON.parse((r as HTMLElement).dataset.json ?? '{}'),
    })),
  );
  expect(rows.map((r) => r.name)).toEqual(['chosen', ...cli.baselines.map((b: { name: string }) => b.name)]);
  rows.slice(1).forEach((row, i) => {
    const b = cli.baselines[i];
    expect(row.data.monitors).toEqual(b.monitors);
    for (const f of ['detect', 'time', 'affected']) close(row.data[f], b[f]);
  });
  const ofBest = Number(await page.getByTestId('crisis-bound').getAttribute('data-of-best'));
  expect(ofBest).toBeCloseTo(cli.ofBest, 5);
  expect(await page.getByTestId('crisis-bound').textContent()).toContain(`${(100 * cli.ofBest).toFixed(1)}%`);
  // The chart: the chosen monitors and the three baselines, k = 1..K.
  const data = await page.evaluate(() =>
    (
      window as unknown as { ripple: { chartData(id: string): { x: number; y: number }[][] } }
    ).ripple.chartData('crisis-curve'),
  );
  const curves = [
    cli.detectionCurve,
    ...cli.baselines.map((b: { detectionCurve: number[] }) => b.detectionCurve),
  ];
  expect(data).toHaveLength(curves.length);
  data.forEach((line, j) => {
    expect(line.map((p) => p.x)).toEqual(curves[j].map((_: number, i: number) => i + 1));
    line.forEach((p, i) => {
      expect(p.y).toBeCloseTo(curves[j][i], 5);
    });
  });
}

// biome-ignore lint/suspicious/noExplicitAny: parsed CLI JSON
async function sameContain(page: Page, cli: any): Promise<void> {
  const app = await json(page, 'crisis-contain-result');
  expect(app.correctors).toEqual(cli.correctors);
  close(app.rumourReach, cli.rumourReach);
  close(app.withoutCorrection, cli.withoutCorrection);
  expect(app.saved).toBeCloseTo(cli.saved, 5);
  expect(app.savedCi95[0]).toBeCloseTo(cli.savedCi95[0], 5);
  expect(app.savedCi95[1]).toBeCloseTo(cli.savedCi95[1], 5);
  expect(app.baselines.map((b: { name: string }) => b.name)).toEqual(
    cli.baselines.map((b: { name: string }) => b.name),
  );
  app.baselines.forEach((b: { correctors: string[]; rumourReach: Est }, i: number) => {
    expect(b.correctors).toEqual(cli.baselines[i].correctors);
    close(b.rumourReach, cli.baselines[i].rumourReach);
  });
}

/** The colour sigma draws each account with, by id. */
function colours(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    type Ctx = {
      store: { graph: { value: { loaded: { ids: string[] } } } };
      view: { value: { sigma: { getNodeDisplayData(k: string): { color: string } | undefined } } };
    };
    const ctx = (window as unknown as { ripple: Ctx }).ripple;
    const out: Record<string, string> = {};
    ctx.store.graph.value.loaded.ids.forEach((id, i) => {
      out[id] = ctx.view.value.sigma.getNodeDisplayData(String(i))?.color ?? '';
    });
    return out;
  });
}

/** The earliest-arrival rule in world w of the measuring stream, computed here (not by the app's code). */
async function expectedRace(
  rumour: string[],
  correctors: string[],
  delay: number,
  w: number,
  step = Number.POSITIVE_INFINITY,
): Promise<Record<string, string>> {
  const graph = await readGraphFile('datasets/karate.txt', {
    direction: 'undirected',
    edgeValues: 'probability',
  });
  const { csr, ids } = graph;
  const index = new Map(ids.map((id, i) => [id, i]));
  const worlds = createLiveWorlds(csr, { model: 'ic', p: 0.2 }, phaseSeed(7, 7));
  const dr = new Uint32Array(csr.n);
  const dc = new Uint32Array(csr.n);
  worlds.forward(
    w,
    rumour.map((id) => index.get(id) as number),
    null,
    Number.POSITIVE_INFINITY,
    dr,
  );
  const cs = correctors.map((id) => index.get(id) as number);
  worlds.forward(
    w,
    cs,
    cs.map(() => delay),
    Number.POSITIVE_INFINITY,
    dc,
  );
  const out: Record<string, string> = {};
  ids.forEach((id, v) => {
    const r = dr[v] === UNREACHED ? Number.POSITIVE_INFINITY : dr[v];
    const c = dc[v] === UNREACHED ? Number.POSITIVE_INFINITY : dc[v];
    // Ties go to the correction; an account shows its message from the step it takes it.
    if (c !== Number.POSITIVE_INFINITY && c <= r && c <= step) out[id] = '#009E73';
    else if (r !== Number.POSITIVE_INFINITY && r < c && r <= step) out[id] = '#D55E00';
    else out[id] = '#dcdcdc';
  });
  return out;
}

describe('crisis panel', () => {
  it('shows the numbers of `ripple watch` and `ripple contain`; the link reproduces them', async () => {
    const page = await served.browser.newPage();
    const watched = watchPage(page, served.url);
    await open(page);
    await page.getByTestId('crisis-objective').selectOption('affected');
    await fillField(page, 'crisis-watch-k', 3);
    await fillField(page, 'crisis-horizon', 6);
    expect(await watch(page)).toBe('done');
    const cliWatch = await jsonInProcess(
      'watch',
      ...GRAPH,
      ...['--k', '3', '--objective', 'affected', '--horizon', '6'],
    );
    await sameWatch(page, cliWatch);
    expect(cliWatch.horizon).toBe(6);

    await fillField(page, 'crisis-rumour', '33, 1');
    await fillField(page, 'crisis-delay', 1);
    await fillField(page, 'crisis-contain-k', 2);
    expect(await contain(page)).toBe('done');
    const cliContain = await jsonInProcess(
      'contain',
      ...GRAPH,
      ...['--rumour', '33,1', '--delay', '1', '--k', '2'],
    );
    await sameContain(page, cliContain);
    expect(cliContain.withoutCorrection.mean).toBeGreaterThan(cliContain.rumourReach.mean);

    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('watch=affected&monitors=3&horizon=6&rumour=33,1&delay=1&correctors=2');
    const fresh = await served.browser.newPage();
    await open(fresh, hash);
    expect(await fresh.getByTestId('crisis-objective').inputValue()).toBe('affected');
    expect(await fresh.getByTestId('crisis-horizon').inputValue()).toBe('6');
    expect(await fresh.getByTestId('crisis-rumour').inputValue()).toBe('33, 1');
    expect(await watch(fresh)).toBe('done');
    expect(await contain(fresh)).toBe('done');
    await sameWatch(fresh, cliWatch);
    await sameContain(fresh, cliContain);
    expect(watched.errors).toEqual([]);
    await fresh.close();
    await page.close();
  }, 120_000);

  it('replays one race as the earliest-arrival rule says; bad input keeps the results', async () => {
    const page = await served.browser.newPage();
    const watched = watchPage(page, served.url);
    await open(page);
    await fillField(page, 'crisis-rumour', '0');
    await fillField(page, 'crisis-delay', 2);
    await fillField(page, 'crisis-contain-k', 3);
    expect(await contain(page)).toBe('done');
    const result = await json(page, 'crisis-contain-result');
    await page.getByTestId('crisis-race-open').click();
    const box = page.getByTestId('crisis-race');
    await box.waitFor();
    expect(await box.getAttribute('data-step')).toBe('0');
    // Step 0: only the rumour's seed has a message.
    const first = await expectedRace(['0'], result.correctors, 2, 0, 0);
    await expect.poll(() => colours(page)).toEqual(first);
    // To the last step with the keys; one back and forward with the buttons.
    await page.getByTestId('crisis-race-forward').focus();
    await page.keyboard.press('End');
    const end = await box.getAttribute('data-end');
    expect(Number(end)).toBeGreaterThan(0);
    await expect.poll(() => box.getAttribute('data-step')).toBe(end);
    await page.getByTestId('crisis-race-back').click();
    expect(await box.getAttribute('data-step')).toBe(String(Number(end) - 1));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.getAttribute('data-step')).toBe(end);
    const last = await expectedRace(['0'], result.correctors, 2, 0);
    await expect.poll(() => colours(page)).toEqual(last);
    const counted = Object.values(last);
    const counts = page.getByTestId('crisis-race-counts');
    expect(Number(await counts.getAttribute('data-rumour'))).toBe(
      counted.filter((c) => c === '#D55E00').length,
    );
    expect(Number(await counts.getAttribute('data-correction'))).toBe(
      counted.filter((c) => c === '#009E73').length,
    );
    expect(counted.filter((c) => c === '#009E73').length).toBeGreaterThan(0);
    // Another measured run: world 1.
    await page.getByTestId('crisis-race-next').click();
    await page.getByTestId('crisis-race-last').click();
    expect(await box.getAttribute('data-world')).toBe('1');
    await expect.poll(() => colours(page)).toEqual(await expectedRace(['0'], result.correctors, 2, 1));
    // The legend names the three colours.
    const legend = await page.getByTestId('legend').textContent();
    expect(legend).toMatch(/Rumour.*Correction.*Not reached/s);

    // Bad input: one message each, the results and the link stay.
    const hash = await page.evaluate(() => location.hash);
    const bad: [string, string, RegExp][] = [
      ['crisis-rumour', 'nobody', /^Rumour starts at: ‘nobody’ is not an account of this graph\./],
      ['crisis-contain-k', '40', /k\).*33/],
      ['crisis-delay', '-1', /delay/i],
      ['crisis-delay', '1.5', /delay/i],
    ];
    for (const [field, value, message] of bad) {
      await fillField(page, field, value);
      await page.getByTestId('crisis-contain-run').click();
      const error = page.getByTestId('crisis-contain-error');
      await expect.poll(() => error.textContent()).toMatch(message);
      expect((await error.textContent())?.split('\n')).toHaveLength(1);
      expect(await error.textContent()).toContain('The previous results are kept.');
      expect(await json(page, 'crisis-contain-result')).toEqual(result);
      expect(await page.getByTestId('crisis-contain-task').getAttribute('data-state')).toBe('done');
      expect(await page.evaluate(() => location.hash)).toBe(hash);
      // Put the field back.
      await fillField(page, field, field === 'crisis-rumour' ? '0' : field === 'crisis-delay' ? '2' : '3');
    }
    await fillField(page, 'crisis-watch-k', 35);
    await page.getByTestId('crisis-watch-run').click();
    await expect.poll(() => page.getByTestId('crisis-watch-error').textContent()).toMatch(/34/);
    expect(await page.getByTestId('crisis-watch-task').getAttribute('data-state')).toBe('idle');
    expect(watched.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a click on the graph sets where the rumour starts, not a seed', async () => {
    const page = await served.browser.newPage();
    await open(page);
    await fillField(page, 'crisis-rumour', '');
    const at = await page.evaluate(() => {
      type Ctx = {
        store: { graph: { value: { index: Map<string, number> } } };
        view: {
          value: {
            sigma: {
              getNodeDisplayData(k: string): { x: number; y: number };
              framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
              getContainer(): HTMLElement;
            };
          };
        };
      };
      const ctx = (window as unknown as { ripple: Ctx }).ripple;
      const sigma = ctx.view.value.sigma;
      const p = sigma.framedGraphToViewport(
        sigma.getNodeDisplayData(String(ctx.store.graph.value.index.get('5'))),
      );
      const r = sigma.getContainer().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    const seeds = () =>
      page.evaluate(() =>
        JSON.stringify(
          (window as unknown as { ripple: { store: { scenario: { value: { seeds: unknown } } } } }).ripple
            .store.scenario.value.seeds,
        ),
      );
    const before = await seeds();
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.getByTestId('crisis-rumour').inputValue()).toMatch(/^\d+$/);
    const picked = await page.getByTestId('crisis-rumour').inputValue();
    expect(await page.getByTestId('crisis-announce').textContent()).toContain(picked);
    expect(await seeds()).toBe(before);
    // The same click again removes it, once sigma's mouse captor has forgotten the first click (a
    // second click within its double-click window is a double click).
    await page.waitForFunction(
      () =>
        (
          window as unknown as {
            ripple: { view: { value: { sigma: { getMouseCaptor(): { clicks: number } } } } };
          }
        ).ripple.view.value.sigma.getMouseCaptor().clicks === 0,
    );
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.getByTestId('crisis-rumour').inputValue()).toBe('');
    await page.close();
  }, 120_000);

  it('cancel stops a search and keeps the previous results (email-Eu-core)', async () => {
    const page = await served.browser.newPage();
    const email = KARATE.replace('karate.txt', 'email-Eu-core.txt')
      .replace('direction=undirected', 'direction=influences')
      .replace('p=0.2', 'p=0.05')
      .replace('seeds=33@0', 'seeds=0@0');
    await openOnTab(page, served.url, email, /^email-Eu-core/, 'crisis');
    await fillField(page, 'crisis-watch-k', 2);
    expect(await watch(page)).toBe('done');
    const before = await json(page, 'crisis-watch-result');
    await fillField(page, 'crisis-watch-k', 30);
    await page.getByTestId('crisis-watch-run').click();
    await page.getByTestId('crisis-watch-task').and(page.locator('[data-state=running]')).waitFor();
    await page.getByTestId('crisis-watch-task-progress').waitFor({ state: 'visible' });
    await page.getByTestId('crisis-watch-task-cancel').click();
    await page
      .getByTestId('crisis-watch-task')
      .and(page.locator('[data-state=cancelled]'))
      .waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('crisis-watch-task-status').textContent()).toBe(
      'Cancelled; the previous results are kept.',
    );
    expect(await json(page, 'crisis-watch-result')).toEqual(before);
    await page.getByTestId('crisis-watch-stale').waitFor();
    await page.close();
  }, 120_000);

  it('says so for models crisis watch cannot use', async () => {
    const page = await served.browser.newPage();
    await open(page, KARATE.replace('model=ic', 'model=sir'));
    expect(await page.getByTestId('crisis-unsupported').textContent()).toContain('SIR');
    expect(await page.getByTestId('crisis-watch-run').count()).toBe(0);
    expect(await page.getByTestId('crisis-contain-run').count()).toBe(0);
    await page.close();
  });

  it('renders in 简体中文 with no English left in its texts', async () => {
    const { context, page } = await openInChinese(served, KARATE);
    await page.getByTestId('tab-crisis').click();
    expect(await watch(page)).toBe('done');
    await fillField(page, 'crisis-rumour', '33');
    expect(await contain(page)).toBe('done');
    await page.getByTestId('crisis-race-open').click();
    await page.getByTestId('crisis-race').waitFor();
    await fillField(page, 'crisis-rumour', 'nobody');
    await page.getByTestId('crisis-contain-run').click();
    await expect
      .poll(() => page.getByTestId('crisis-contain-error').textContent())
      .toBe('谣言起点：“nobody”不是此图中的账号。之前的结果保留。');
    await fillField(page, 'crisis-rumour', '33');
    await fillField(page, 'crisis-delay', '-1');
    await page.getByTestId('crisis-contain-run').click();
    await expect
      .poll(() => page.getByTestId('crisis-contain-error').textContent())
      .toBe('辟谣延迟（步）：应为 0 到 100000 之间的整数，实际为“-1”。之前的结果保留。');
    const { texts, left } = await latinLeft(page, ['ic', 'id', 'nobody', 'leskovec']);
    expect(left).toEqual([]);
    expect(texts.join('')).toMatch(/监测.*辟谣/s);
    const legend = await page.getByTestId('legend').textContent();
    expect(legend).toMatch(/谣言.*辟谣.*未触达/s);
    const chartTexts = await page.evaluate(() =>
      (window as unknown as { ripple: { chartTexts(id: string): string[] } }).ripple.chartTexts(
        'crisis-curve',
      ),
    );
    expect(chartTexts.length).toBeGreaterThan(0);
    expect(chartTexts.filter((text) => /[A-Za-z]{2,}/.test(text))).toEqual([]);
    await context.close();
  }, 120_000);
});
