/**
 * The "Suggest seeds" panel in headless Chromium: IMM's suggestion on the karate club equals
 * `ripple seeds --method imm` with the same k, model, p, epsilon, runs and --rng (seeds and the
 * fresh Monte Carlo spread, computed in this process by the CLI's main() on worker threads); each
 * method run adds its line to the one budget chart; "Use as seeds" sets the scenario's seed
 * groups; CELF is disabled with an explanation on ego-Facebook; cancel stops a long task and
 * keeps the previous suggestion, also while a simulation shares the workers (which then ends with
 * exactly `ripple simulate`'s mean).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { jsonInProcess } from '../support/cli-in-process.ts';
import { fillField, openApp, runTask, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const KARATE =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.3&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=1';

const ripple = jsonInProcess;

async function open(page: Page, hash = KARATE, name = /^Zachary/): Promise<void> {
  await page.goto(`${served.url}${hash}`);
  await openApp(page, page.url());
  await page.getByTestId('graph-summary').filter({ hasText: name }).waitFor({ state: 'attached' });
  await page.getByTestId('tab-seed-finding').click();
}

const fill = fillField;

const suggest = (page: Page, timeout?: number) => runTask(page, 'seedfind-run', 'seedfind-task', timeout);

const suggested = (page: Page) =>
  page.$$eval('[data-testid=seedfind-list] [data-node]', (nodes) =>
    nodes.map((n) => (n as HTMLElement).dataset.node ?? ''),
  );

describe('seed finding panel', () => {
  it('suggests the same IMM seeds and spread as `ripple seeds`, charts every method, sets the seeds', async () => {
    const page = await served.browser.newPage();
    const watched = watchPage(page, served.url);
    await open(page);
    await fill(page, 'seedfind-k', 4);
    await page.getByTestId('seedfind-method').selectOption('imm');
    await page.getByTestId('seedfind-model').selectOption('ic');
    await fill(page, 'seedfind-p', 0.1);
    await fill(page, 'seedfind-epsilon', 0.2);
    await fill(page, 'seedfind-runs', 1000);
    await fill(page, 'seedfind-rng', 7);
    expect(await suggest(page)).toBe('done');

    const reference = await ripple(
      'seeds',
      ...['--graph', 'datasets/karate.txt', '--method', 'imm', '--k', '4', '--model', 'ic', '--p', '0.1'],
      ...['--epsilon', '0.2', '--runs', '1000', '--rng', '7', '--workers', '2'],
    );
    expect(await suggested(page)).toEqual(reference.seeds);
    // Fresh runs on the same stream: the same cascades, so the same mean.
    const spread = Number(await page.getByTestId('seedfind-spread').getAttribute('data-value'));
    expect(spread).toBeCloseTo(reference.spread as number, 9);
    const chart = page.getByTestId('seedfind-budget-chart');
    expect(await chart.getAttribute('data-methods')).toBe('imm');

    // A second method adds its line to the same chart.
    await page.getByTestId('seedfind-method').selectOption('degree');
    expect(await suggest(page)).toBe('done');
    expect(await chart.getAttribute('data-methods')).toBe('imm,degree');
    const degreeRef = await ripple(
      'seeds',
      ...['--graph', 'datasets/karate.txt', '--method', 'degree', '--k', '4', '--model', 'ic', '--p', '0.1'],
      ...['--runs', '1000', '--rng', '7', '--workers', '1'],
    );
    expect(await suggested(page)).toEqual(degreeRef.seeds);

    // CELF (small graphs only) on the same settings: the CLI's choice, a third line.
    await page.getByTestId('seedfind-method').selectOption('celf');
    expect(await suggest(page)).toBe('done');
    expect(await chart.getAttribute('data-methods')).toBe('imm,degree,celf');
    const celfRef = await ripple(
      'seeds',
      ...['--graph', 'datasets/karate.txt', '--method', 'celf', '--k', '4', '--model', 'ic', '--p', '0.1'],
      ...['--runs', '1000', '--rng', '7', '--workers', '2'],
    );
    expect(await suggested(page)).toEqual(celfRef.seeds);

    await page.getByTestId('seedfind-method').selectOption('degree');
    expect(await suggest(page)).toBe('done');
    expect(await chart.getAttribute('data-methods')).toBe('imm,celf,degree');
    await page.getByTestId('seedfind-use').click();
    const seeds = await page.evaluate(
      () =>
        (
          window as unknown as { ripple: { store: { get(): { scenario: { seeds: unknown } } } } }
        ).ripple.store.get().scenario.seeds,
    );
    expect(seeds).toEqual({ kind: 'groups', groups: [{ ids: degreeRef.seeds, start: 0 }] });
    expect(watched.errors).toEqual([]);
    await page.close();
  });

  it('cancel stops a long suggestion and keeps the previous one', async () => {
    const page = await served.browser.newPage();
    await open(page);
    await fill(page, 'seedfind-k', 3);
    await page.getByTestId('seedfind-method').selectOption('degree');
    await fill(page, 'seedfind-runs', 500);
    expect(await suggest(page)).toBe('done');
    const before = await suggested(page);
    expect(before).toHaveLength(3);

    await page.getByTestId('seedfind-method').selectOption('random');
    await fill(page, 'seedfind-runs', 10_000_000);
    await page.getByTestId('seedfind-run').click();
    await page.getByTestId('seedfind-task').and(page.locator('[data-state=running]')).waitFor();
    await page.getByTestId('seedfind-task-progress').waitFor({ state: 'visible' });
    await page.getByTestId('seedfind-task-cancel').click();
    await page
      .getByTestId('seedfind-task')
      .and(page.locator('[data-state=cancelled]'))
      .waitFor({ timeout: 10_000 });
    expect(await suggested(page)).toEqual(before);

    // The pool works again after the cancel.
    await fill(page, 'seedfind-runs', 300);
    expect(await suggest(page)).toBe('done');
    expect(await suggested(page)).toHaveLength(3);
    await page.close();
  });

  it('runs beside a simulation; cancelling it leaves the simulation to finish with its own result', async () => {
    const runs = 4_000_000;
    const page = await served.browser.newPage();
    await open(page, KARATE.replace('runs=200', `runs=${runs}`));
    const runState = () =>
      page.evaluate(
        () =>
          (
            window as unknown as { ripple: { store: { get(): { run: { state: string } } } } }
          ).ripple.store.get().run.state,
      );
    await page.getByTestId('run').click();
    await expect.poll(runState).toBe('running');

    await page.getByTestId('seedfind-method').selectOption('random');
    await fill(page, 'seedfind-runs', 10_000_000);
    await page.getByTestId('seedfind-run').click();
    await page.getByTestId('seedfind-task').and(page.locator('[data-state=running]')).waitFor();
    await page.getByTestId('seedfind-task-cancel').click();
    await page
      .getByTestId('seedfind-task')
      .and(page.locator('[data-state=cancelled]'))
      .waitFor({ timeout: 10_000 });
    // The two really overlapped: the simulation was still going when the suggestion stopped.
    expect(await runState()).toBe('running');

    await page.getByTestId('status').filter({ hasText: /^Done/ }).waitFor({ timeout: 120_000 });
    const mean = await page.evaluate(
      () =>
        (
          window as unknown as { ripple: { store: { get(): { result: { summary: { mean: number } } } } } }
        ).ripple.store.get().result.summary.mean,
    );
    const cli = await ripple(
      'simulate',
      '--graph',
      'datasets/karate.txt',
      '--model',
      'ic',
      '--p',
      '0.3',
      '--seeds',
      '33',
      '--runs',
      String(runs),
      '--rng',
      '1',
    );
    expect(mean).toBe(cli.mean);
    await page.close();
  }, 180_000);

  it('disables CELF with an explanation above the size limit', async () => {
    const page = await served.browser.newPage();
    await open(page, '', /^ego-Facebook/);
    const celf = page.locator('[data-testid=seedfind-method] option[value=celf]');
    expect(await celf.isDisabled()).toBe(true);
    const note = page.getByTestId('seedfind-celf-note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('4,039');
    await page.close();
  });
});
