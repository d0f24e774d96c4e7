/**
 * English / 中文 in headless Chromium: switching to Chinese leaves no English word in the visible
 * text of the header, the graph stage, the run bar, the toolbar and every tab (allowing model
 * codes, method names, units, dataset names and ids), the charts get Chinese axis titles and
 * legends, and the loaded graph, the result and the open tab stay; switching back gives English
 * again; the choice survives a reload; a Chinese browser starts in Chinese.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { layoutSettled, openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const KARATE =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.3&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=1';

/** Words that are the same in Chinese: names of methods and formats, model codes, units, symbols. */
const ALLOWED = new Set(
  [
    'Ripple',
    'English',
    'PageRank',
    'HITS',
    'IMM',
    'CELF',
    'HyperANF',
    'Louvain',
    'SIR',
    'IC',
    'WC',
    'LT',
    'CSV',
    'CPM',
    'JSON',
    'PNG',
    'GEXF',
    'GraphML',
    'graphology',
    'txt',
    'csv',
    'tsv',
    'edges',
    'gz',
    'IndexedDB',
    'ForceAtlas',
    'URL',
    'ID',
    'phi',
    'gamma',
    'epsilon',
    'Esc',
    'Home',
    'End',
    'ms',
    'min',
  ].map((w) => w.toLowerCase()),
);

/** Dataset names, sources and citations are proper names and references, kept as published. */
const manifest = JSON.parse(readFileSync('datasets/manifest.json', 'utf8')) as {
  datasets: { name: string; source: string; citation: string }[];
};
for (const d of manifest.datasets)
  for (const word of `${d.name} ${d.source} ${d.citation}`.match(/[A-Za-z]+/g) ?? [])
    ALLOWED.add(word.toLowerCase());

/** The visible text of the main regions (text nodes and labels of controls), with where it is. */
async function visibleTexts(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const roots = [
      ...document.querySelectorAll(
        '#app > header, .stage, aside.side, .classroom, body > :not(#app, script)',
      ),
    ];
    const out: { where: string; text: string }[] = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const parent = node.parentElement;
        if (!text || !parent) continue;
        // Options of a closed select are not drawn but are what the user picks from: check them.
        const shown =
          parent.tagName === 'OPTION' ? parent.parentElement?.checkVisibility() : parent.checkVisibility();
        if (!shown) continue;
        const owner = parent.closest('[data-testid]')?.getAttribute('data-testid') ?? parent.tagName;
        out.push({ where: owner, text });
      }
      // What a screen reader says for the visible controls, and their tooltips.
      for (const element of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
        if (!element.checkVisibility()) continue;
        const owner = element.getAttribute('data-testid') ?? element.tagName;
        for (const name of ['aria-label', 'title', 'placeholder']) {
          const text = element.getAttribute(name)?.trim();
          if (text) out.push({ where: `${owner}@${name}`, text });
        }
      }
    }
    return out;
  });
}

/** English words left in the visible text (outside the allow-list). */
async function englishLeft(page: Page): Promise<string[]> {
  const left: string[] = [];
  for (const { where, text } of await visibleTexts(page)) {
    const words = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w.toLowerCase()));
    if (words.length) left.push(`${where}: ${text}`);
  }
  return left;
}

/** Chinese characters left in the visible text (the language picker's 简体中文 aside). */
async function chineseLeft(page: Page): Promise<string[]> {
  return (await visibleTexts(page))
    .filter(({ text }) => /\p{Script=Han}/u.test(text) && text !== '简体中文')
    .map(({ where, text }) => `${where}: ${text}`);
}

const tabIds = (page: Page) =>
  page.$$eval('[role=tab]', (tabs) =>
    tabs.map((t) => (t.getAttribute('data-testid') ?? '').replace(/^tab-/, '')),
  );

/** Every tab opened in turn: the problems found in each. */
async function acrossTabs(page: Page, check: (page: Page) => Promise<string[]>): Promise<string[]> {
  const problems: string[] = [];
  for (const id of await tabIds(page)) {
    await page.getByTestId(`tab-${id}`).click();
    problems.push(...(await check(page)).map((p) => `[${id}] ${p}`));
  }
  return [...new Set(problems)];
}

async function ready(page: Page): Promise<void> {
  await openApp(page, served.url);
  const status = page.getByTestId('layout-status');
  if ((await status.getAttribute('data-state')) === 'running')
    await page.getByTestId('layout-toggle').click();
  await layoutSettled(page);
}

/** Texts of every chart on the page (dataset labels, axis titles, categories), through window.ripple. */
const chartTexts = async (page: Page) =>
  (
    await page.evaluate(() => {
      const r = (window as unknown as { ripple: { charts(): string[]; chartTexts(id: string): string[] } })
        .ripple;
      return r.charts().flatMap((id) => r.chartTexts(id));
    })
  ).filter((text) => /\p{L}/u.test(text));

describe('English / 中文', () => {
  it('switches live to Chinese and back, keeping the graph, the result and the open tab', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, served.url);
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('tab-model').click();
    await page.fill('#runs', '200');
    await page.dispatchEvent('#runs', 'change');
    await page.getByTestId('run').click();
    await page.getByTestId('status').filter({ hasText: 'Done' }).waitFor({ timeout: 60_000 });
    const mean = await page.getByTestId('spread-mean').getAttribute('data-value');
    const summary = await page.getByTestId('graph-summary').textContent();
    expect(summary).toContain('4,039 nodes');
    expect(await page.getByTestId('tab-results').getAttribute('aria-selected')).toBe('true');
    // The detector finds English when there is English.
    expect((await englishLeft(page)).length).toBeGreaterThan(5);
    const englishCharts = await chartTexts(page);
    expect(englishCharts).toContain('Reached in the simulation (mean)');

    await page.selectOption('[data-testid=language]', 'zh-CN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // Same graph, same result, same tab; only the words changed.
    expect(await page.getByTestId('tab-results').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('spread-mean').getAttribute('data-value')).toBe(mean);
    expect(await page.getByTestId('graph-summary').textContent()).toBe(
      'ego-Facebook：4,039 个节点，88,234 条边，无向，1 个连通分量（最大 4,039）。',
    );
    expect(await page.getByTestId('run').textContent()).toBe('运行');
    expect(await page.getByTestId('tab-results').textContent()).toBe('结果');
    const chineseCharts = await chartTexts(page);
    expect(chineseCharts).toContain('模拟触达（平均）');
    // Numbers as the language writes them, through Intl: 4,039, not 4039.
    expect(await page.getByTestId('graph-summary').textContent()).toContain('4,039');
    expect(chineseCharts.filter((text) => /[A-Za-z]{2,}/.test(text))).toEqual([]);
    expect(await acrossTabs(page, englishLeft)).toEqual([]);

    // A new run renders in Chinese from the start.
    await page.getByTestId('run').click();
    await page.getByTestId('status').filter({ hasText: '完成' }).waitFor({ timeout: 60_000 });
    expect(await englishLeft(page)).toEqual([]);
    // Chinese punctuation too: a full-width colon after the label, as the live switch writes it.
    expect(await page.getByTestId('headline').textContent()).toMatch(/^平均触达：\d/);

    await page.selectOption('[data-testid=language]', 'en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('graph-summary').textContent()).toBe(summary);
    expect(await page.getByTestId('run').textContent()).toBe('Run');
    // The same chart texts as before (and those of charts drawn since, also in English).
    const backInEnglish = await chartTexts(page);
    expect(backInEnglish).toEqual(expect.arrayContaining(englishCharts));
    expect(backInEnglish.filter((text) => /\p{Script=Han}/u.test(text))).toEqual([]);
    expect(await acrossTabs(page, chineseLeft)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("shows every panel's results in Chinese, and switches them live both ways (the karate club)", async () => {
    const context = await served.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    const watch = watchPage(page, served.url);
    await page.goto(`${served.url}${KARATE}`);
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: /^Zachary.*个节点/ })
      .waitFor({ state: 'attached', timeout: 60_000 });
    await page.getByTestId('run').click();
    await page.getByTestId('status').filter({ hasText: '完成' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('compare-keep').click();
    await page.getByTestId('tab-six-degrees').click();
    await page.getByTestId('six-compute').click();
    await page.getByTestId('six-diameter').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('tab-communities').click();
    await page.locator('[data-testid=communities-summary][data-modularity]').waitFor({ timeout: 30_000 });
    await page.getByTestId('tab-leaders').click();
    await page.locator('[data-testid=leader-row] td[data-col=pagerank]').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('tab-seed-finding').click();
    await page.getByTestId('seedfind-method').selectOption('degree');
    await page.getByTestId('seedfind-run').click();
    await page.locator('[data-testid=seedfind-task][data-state=done]').waitFor({ timeout: 30_000 });
    await page.getByTestId('tab-critical-mass').click();
    await page.getByTestId('critical-run').click();
    await page.locator('[data-testid=critical-task][data-state=done]').waitFor({ timeout: 60_000 });
    expect(await acrossTabs(page, englishLeft)).toEqual([]);
    expect(
      (await chartTexts(page)).filter(
        (text) => /[A-Za-z]{2,}/.test(text) && !ALLOWED.has(text.toLowerCase()),
      ),
    ).toEqual([]);
    // The playback of one cascade and the classroom, over the graph.
    await page.getByTestId('playback-open').click();
    await page.getByTestId('playback').waitFor({ state: 'visible' });
    await page.getByTestId('playback-forward').click();
    expect(await englishLeft(page)).toEqual([]);
    await page.getByTestId('classroom-enter').click();
    await page.getByTestId('classroom').waitFor({ state: 'visible' });
    await page.getByTestId('classroom-next').click();
    await page.getByTestId('classroom-runs-start').click();
    await page.locator('[data-testid=classroom-runs][data-state=done]').waitFor();
    expect(await englishLeft(page)).toEqual([]);
    await page.getByTestId('classroom-leave').click();

    // Live both ways with every panel's results on the page.
    await page.selectOption('[data-testid=language]', 'en');
    expect(await acrossTabs(page, chineseLeft)).toEqual([]);
    expect((await chartTexts(page)).filter((text) => /\p{Script=Han}/u.test(text))).toEqual([]);
    await page.selectOption('[data-testid=language]', 'zh-CN');
    expect(await acrossTabs(page, englishLeft)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('remembers the choice across a reload, and a Chinese browser starts in Chinese', async () => {
    const page = await served.browser.newPage();
    await ready(page);
    await page.selectOption('[data-testid=language]', 'zh-CN');
    await page.reload();
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: '个节点' })
      .waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.getByTestId('language').inputValue()).toBe('zh-CN');
    expect(await page.getByTestId('run').textContent()).toBe('运行');
    await page.close();

    const context = await served.browser.newContext({ locale: 'zh-CN' });
    const zhPage = await context.newPage();
    await zhPage.goto(served.url);
    await zhPage
      .getByTestId('graph-summary')
      .filter({ hasText: '个节点' })
      .waitFor({ state: 'attached', timeout: 60_000 });
    expect(await zhPage.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await zhPage.getByTestId('tab-data').textContent()).toBe('数据');
    await context.close();
  }, 120_000);

  it("never translates the user's data: labels that are English UI words stay as they are in Chinese", async () => {
    const page = await served.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch = watchPage(page, served.url);
    await ready(page);
    // A graph whose accounts are named like the interface's own words.
    const words = ['Model', 'Run', 'Seeds', 'Leaders', 'Results'];
    const graph = {
      options: { type: 'undirected' },
      nodes: words.map((label, i) => ({ key: `n${i}`, attributes: { label, x: i, y: i % 2 } })),
      edges: words.slice(1).map((_, i) => ({ source: `n${i}`, target: `n${i + 1}` })),
    };
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'Model.json'));
      const stage = document.querySelector('.stage') as HTMLElement;
      stage.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, JSON.stringify(graph));
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: 'Model.json: 5 nodes' })
      .waitFor({ state: 'attached', timeout: 60_000 });
    await page.getByTestId('tab-seeds').click();
    await page.getByTestId('seed-clear').click();
    await page.getByTestId('seed-search').fill('Model, Run, Seeds, Leaders');
    await page.getByTestId('seed-search-add').click();
    const chips = page.getByTestId('seed-groups').locator('.chip');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=seed-groups] .chip').length === 4,
    );

    await page.selectOption('[data-testid=language]', 'zh-CN');
    await page.getByTestId('seed-count').filter({ hasText: '种子' }).waitFor();
    expect((await chips.allTextContents()).map((c) => c.replace(' ×', ''))).toEqual([
      'Model',
      'Run',
      'Seeds',
      'Leaders',
    ]);
    expect(await page.getByTestId('graph-summary').textContent()).toContain('Model.json：5 个节点');
    await page.getByTestId('tab-leaders').click();
    const names = await page.locator('[data-testid=leader-row]').allTextContents();
    for (const word of words) expect(names.join(' ')).toContain(word);
    // Apart from the user's own labels and file name, at most five English words on screen.
    const userData = new Set([...words, 'json'].map((w) => w.toLowerCase()));
    const left: string[] = [];
    for (const { text } of await visibleTexts(page))
      for (const w of text.match(/[A-Za-z]{2,}/g) ?? [])
        if (!ALLOWED.has(w.toLowerCase()) && !userData.has(w.toLowerCase())) left.push(w);
    expect(left.length, left.join(' ')).toBeLessThanOrEqual(5);
    expect(watch.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
