/**
 * The Calibrate panel in headless Chromium, against `ripple calibrate` run in this process for the
 * same log and graph: the same p estimate and 95% interval, goodness of fit and best model; a bad
 * log (an account not in the graph) gives one line naming the file, the line and the problem and
 * keeps the previous log and fit; "Use the fitted p" sets the scenario's model and p; the panel
 * renders in 简体中文 with no English left in its texts. Karate club, 40 cascades from IC p = 0.2.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { generateCascades } from '../calibration/generate.ts';
import { jsonInProcess } from '../support/cli-in-process.ts';
import { params } from '../support/simulate.ts';
import { latinLeft, openInChinese, openOnTab, runTask, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const KARATE =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=sir&p=0.1&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=7';

const open = (page: Page) => openOnTab(page, served.url, KARATE, /^Zachary/, 'calibrate');
const runFit = (page: Page) => runTask(page, 'cal-run', 'cal-task');

const chooseFile = (page: Page, name: string, text: string) =>
  page.getByTestId('cal-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/csv' }));
      return dt;
    },
    { name, text },
  );
  await page.getByTestId('cal-drop').dispatchEvent('drop', { dataTransfer: transfer });
}

async function shownP(page: Page): Promise<{ estimate: number; ci95: [number, number] }> {
  const p = page.getByTestId('cal-p');
  return {
    estimate: Number(await p.getAttribute('data-estimate')),
    ci95: [Number(await p.getAttribute('data-lo')), Number(await p.getAttribute('data-hi'))],
  };
}

const BAD = 'cascade,account,step\nc1,0,0\nc1,nobody,1\n';

describe('calibrate panel', async () => {
  const karate = await readGraphFile('datasets/karate.txt', { direction: 'undirected' });
  const cascades = generateCascades(karate.csr, params({ model: 'ic', p: 0.2 }), 40, 5, 1);
  const lines = ['cascade,account,step,parent'];
  for (const c of cascades)
    for (const a of c)
      lines.push(
        `${a.cascade},${karate.ids[a.account]},${a.step},${a.parent < 0 ? '' : karate.ids[a.parent]}`,
      );
  const log = `${lines.join('\n')}\n`;
  const dir = mkdtempSync(join(tmpdir(), 'ripple-calpanel-'));
  const logPath = join(dir, 'reshares.csv');
  writeFileSync(logPath, log);

  it('shows the p and CI of `ripple calibrate`; a bad log keeps the fit; the fitted p goes to the scenario', async () => {
    const page = await served.browser.newPage();
    const watched = watchPage(page, served.url);
    await open(page);
    await chooseFile(page, 'reshares.csv', log);
    const preview = page.getByTestId('cal-preview');
    await expect.poll(() => preview.getAttribute('data-cascades')).toBe('40');
    expect(await preview.textContent()).toMatch(/^reshares\.csv: 40 cascades, \d+ adoptions/);
    expect(await runFit(page)).toBe('done');

    const cli = await jsonInProcess(
      'calibrate',
      ...['--graph', 'datasets/karate.txt', '--direction', 'undirected', '--cascades', logPath],
      ...['--rng', '7', '--workers', '2'],
    );
    const p = await shownP(page);
    expect(p.estimate).toBeCloseTo(cli.p.estimate, 8);
    expect(p.ci95[0]).toBeCloseTo(cli.p.ci95[0], 8);
    expect(p.ci95[1]).toBeCloseTo(cli.p.ci95[1], 8);
    expect(await page.getByTestId('cal-p').textContent()).toContain(cli.p.estimate.toFixed(4));
    expect(Number(await page.getByTestId('cal-verdict').getAttribute('data-ks'))).toBeCloseTo(cli.fit.ks, 8);
    expect(await page.getByTestId('cal-verdict').getAttribute('data-rejected')).toBe(
      String(cli.fit.rejected),
    );
    expect(await page.getByTestId('cal-comparison').getAttribute('data-best')).toBe(cli.best);
    const plotted = await page.evaluate(() =>
      (window as unknown as { ripple: { chartData(id: string): unknown[][] } }).ripple.chartData('cal-sizes'),
    );
    expect((plotted as { y: number }[][]).map((d) => d.map((q) => q.y))).toEqual([
      cli.fit.sizes.observed.map((x: number) => expect.closeTo(x, 8)),
      cli.fit.sizes.simulated.map((x: number) => expect.closeTo(x, 8)),
    ]);

    // A bad log, dropped or chosen: one line naming file and line; the previous log and fit stay.
    for (const [i, name] of ['bad.csv', 'bad2.csv'].entries()) {
      if (i === 0) await dropFile(page, name, BAD);
      else await chooseFile(page, name, BAD);
      const error = page.getByTestId('cal-error');
      await expect
        .poll(() => error.textContent())
        .toBe(
          `Cascade log ${name}, line 3: account 'nobody' is not in the graph. The previous log and fit are kept.`,
        );
      expect(await shownP(page)).toEqual(p);
      expect(await preview.getAttribute('data-cascades')).toBe('40');
    }

    // The fitted p becomes the scenario's, with the independent cascade.
    await page.getByTestId('cal-use').click();
    const scenario = await page.evaluate(
      () =>
        (
          window as unknown as {
            ripple: { store: { scenario: { value: { model: string; params: { p: number } } } } };
          }
        ).ripple.store.scenario.value,
    );
    expect(scenario.model).toBe('ic');
    expect(scenario.params.p).toBe(p.estimate);
    expect(watched.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('renders in 简体中文 with no English left in its texts', async () => {
    const { context, page } = await openInChinese(served, KARATE);
    await page.getByTestId('tab-calibrate').click();
    await page.getByTestId('cal-by').selectOption('community');
    await chooseFile(page, '转发.csv', log);
    await expect.poll(() => page.getByTestId('cal-preview').getAttribute('data-cascades')).toBe('40');
    expect(await runFit(page)).toBe('done');
    await chooseFile(page, '错误.csv', BAD);
    await expect
      .poll(() => page.getByTestId('cal-error').textContent())
      .toBe('传播记录 错误.csv 第 3 行：账号“nobody”不在图中。已保留之前的记录和拟合结果。');
    await page.getByTestId('cal-use').click();
    const { texts, left } = await latinLeft(page, ['csv', 'json', 'nobody']);
    expect(left).toEqual([]);
    expect(texts.join('')).toMatch(/传播概率 p = .*95% 区间/s);
    expect(await page.getByTestId('cal-communities').count()).toBe(1);
    const chartTexts = await page.evaluate(() =>
      (window as unknown as { ripple: { chartTexts(id: string): string[] } }).ripple.chartTexts('cal-sizes'),
    );
    expect(chartTexts.length).toBeGreaterThan(0);
    expect(chartTexts.filter((text) => /[A-Za-z]{2,}/.test(text))).toEqual([]);
    await context.close();
  }, 120_000);
});
