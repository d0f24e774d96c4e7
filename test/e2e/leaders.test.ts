/**
 * The Leaders panel in headless Chromium: sorted by PageRank, the table's top 5 are the ids
 * `ripple rank --metric pagerank --top 5` prints for the default dataset (computed here through the
 * CLI's main()); clicking a row focuses and highlights that account on the graph; "add to seeds"
 * puts it in the scenario's seed list; simulated influence is computed in the workers with a
 * progress bar, can be cancelled, and feeds the rank-agreement view.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

async function cliTop(metric: string, top: number): Promise<string[]> {
  let out = '';
  const write = (s: string) => {
    out += s;
    return true;
  };
  const stdout = { write } as unknown as NodeJS.WritableStream;
  const code = await main(
    ['rank', '--graph', 'datasets/facebook_combined.txt', '--metric', metric, '--top', String(top), '--json'],
    { stdout },
  );
  expect(code).toBe(0);
  return (JSON.parse(out) as { top: { id: string }[] }).top.map((l) => l.id);
}

async function openLeaders(): Promise<{ page: Page; errors: string[] }> {
  const page = await served.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const { errors } = watchPage(page, served.url);
  await openApp(page, served.url);
  await page.getByTestId('tab-leaders').click();
  // The light metrics arrive from a worker: wait for PageRank in the first row.
  await page.waitForFunction(
    () => {
      const cell = document.querySelector('[data-testid=leader-row] td[data-col=pagerank]');
      return cell && cell.textContent !== '—';
    },
    undefined,
    { timeout: 60_000 },
  );
  return { page, errors };
}

const rowIds = (page: Page) =>
  page.$$eval('[data-testid=leader-row]', (rows) => rows.map((r) => (r as HTMLElement).dataset.id ?? ''));

describe('Leaders panel', () => {
  it("computes betweenness and closeness in the workers: NetworkX's values on the karate club; CSV export", async () => {
    const karate = JSON.parse(readFileSync('test/fixtures/karate-networkx.json', 'utf8')) as {
      betweenness: number[];
      closeness: number[];
    };
    const page = await served.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const { errors } = watchPage(page, served.url);
    // Straight to the karate club from a link: no heavy drawing of the default graph first.
    await openApp(
      page,
      `${served.url}#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.1&gamma=0.2&phi=0.18&steps=all&seeds=0@0&runs=200&rng=1`,
    );
    expect(await page.getByTestId('graph-summary').textContent()).toContain('34 nodes');
    await page.getByTestId('tab-leaders').click();
    await page.getByTestId('leaders-heavy').click();
    await page.waitForFunction(
      () => {
        const cell = document.querySelector('[data-testid=leader-row] td[data-col=closeness]');
        return cell && cell.textContent !== '—';
      },
      undefined,
      { timeout: 60_000 },
    );
    await page.getByTestId('leaders-sort-betweenness').click();
    const rows = await page.$$eval('[data-testid=leader-row]', (trs) =>
      trs.map((tr) => ({
        id: Number((tr as HTMLElement).dataset.id),
        betweenness: Number(tr.querySelector('td[data-col=betweenness]')?.getAttribute('data-value')),
        closeness: Number(tr.querySelector('td[data-col=closeness]')?.getAttribute('data-value')),
      })),
    );
    expect(rows.length).toBe(34);
    expect(rows[0].id).toBe(0); // the instructor bridges the club
    for (const r of rows) {
      expect(r.betweenness).toBeCloseTo(karate.betweenness[r.id], 9);
      expect(r.closeness).toBeCloseTo(karate.closeness[r.id], 9);
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('leaders-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('karate-leaders.csv');
    const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe(
      'rank,id,label,degree,indegree,outdegree,pagerank,betweenness,closeness,eigenvector,hits,kcore',
    );
    expect(csv[1].split(',').slice(0, 2)).toEqual(['1', '0']);
    expect(csv.length).toBe(36); // header, 34 rows, the empty string after the last CRLF
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sorted by PageRank shows the same top 5 as ripple rank', async () => {
    const expected = await cliTop('pagerank', 5);
    const { page, errors } = await openLeaders();
    await page.getByTestId('leaders-sort-degree').click();
    await page.getByTestId('leaders-sort-pagerank').click();
    expect(await page.locator('th[data-col=pagerank]').getAttribute('aria-sort')).toBe('descending');
    const ids = await rowIds(page);
    expect(ids.slice(0, 5)).toEqual(expected);
    expect(ids.length).toBe(50); // one page of 50
    expect(await page.getByTestId('leaders-page').textContent()).toBe('Page 1 of 81');
    // Sorting by degree gives the CLI's degree leaders too.
    await page.getByTestId('leaders-sort-degree').click();
    expect((await rowIds(page)).slice(0, 5)).toEqual(await cliTop('degree', 5));
    // Search narrows the table to ids containing the text.
    await page.getByTestId('leaders-search').fill('3437');
    expect(await rowIds(page)).toEqual(['3437']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clicking a row focuses and highlights the account; add to seeds updates the seed list', async () => {
    const { page, errors } = await openLeaders();
    const row = page.getByTestId('leader-row').nth(2);
    const id = (await row.getAttribute('data-id')) as string;
    const index = Number(await row.getAttribute('data-index'));
    await row.click();
    expect(await page.getByTestId('panel-leaders').getAttribute('data-focused')).toBe(id);
    // Highlighted by the view's reducer, and the camera zooms in on it (ratio 0.4).
    await page.waitForFunction((i) => {
      const view = (window as never as { ripple: { view(): { sigma: never } | null } }).ripple.view();
      const sigma = view?.sigma as unknown as {
        getNodeDisplayData(k: string): { highlighted?: boolean } | undefined;
        getCamera(): { ratio: number };
      };
      return (
        sigma?.getNodeDisplayData(String(i))?.highlighted === true &&
        Math.abs(sigma.getCamera().ratio - 0.4) < 1e-6
      );
    }, index);

    const seedIds = () =>
      page.evaluate(() =>
        (
          window as never as {
            ripple: { store: { get(): { scenario: { seeds: { groups: { ids: string[] }[] } } } } };
          }
        ).ripple.store
          .get()
          .scenario.seeds.groups.flatMap((g) => g.ids),
      );
    const before = await seedIds();
    expect(before).not.toContain(id);
    await row.getByTestId('leader-add-seed').click();
    await page.waitForFunction(
      (n) =>
        (
          window as never as {
            ripple: { store: { get(): { scenario: { seeds: { groups: { ids: string[] }[] } } } } };
          }
        ).ripple.store
          .get()
          .scenario.seeds.groups.flatMap((g) => g.ids).length === n,
      before.length + 1,
    );
    const seeds = await seedIds();
    expect(seeds).toContain(id);
    expect(await row.getByTestId('leader-add-seed').isDisabled()).toBe(true);
    // The Seeds tab lists it.
    await page.getByTestId('tab-seeds').click();
    await page.getByTestId('seed-groups').getByText(id).first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('computes influence in the workers (cancel keeps the table), then compares it with PageRank', async () => {
    const { page, errors } = await openLeaders();
    const job = page.getByTestId('leaders-job');
    // A long job, cancelled: the table and its columns stay.
    await page.getByTestId('leaders-sets').fill('5000000');
    await page.getByTestId('leaders-influence').click();
    await page.locator('[data-testid=leaders-job][data-state=running]').waitFor();
    await page.getByTestId('leaders-job-cancel').click();
    await page.locator('[data-testid=leaders-job][data-state=cancelled]').waitFor();
    expect(await page.locator('[data-testid=leader-row] td[data-col=influence]').first().textContent()).toBe(
      '—',
    );
    expect(await page.getByTestId('leader-row').count()).toBe(50);
    // A short one completes.
    await page.getByTestId('leaders-sets').fill('2000');
    await page.getByTestId('leaders-influence').click();
    await page.locator('[data-testid=leaders-job][data-state=done]').waitFor({ timeout: 60_000 });
    const influence = await page.locator('[data-testid=leader-row] td[data-col=influence]').first();
    expect(Number((await influence.textContent())?.replace(/,/g, ''))).toBeGreaterThan(0);
    expect(await influence.getAttribute('title')).toMatch(/^95% CI /);
    const rho = Number(await page.getByTestId('agree-spearman').getAttribute('data-value'));
    expect(rho).toBeGreaterThanOrEqual(-1);
    expect(rho).toBeLessThanOrEqual(1);
    const overlap = Number(await page.getByTestId('agree-overlap').getAttribute('data-value'));
    expect(overlap).toBeGreaterThanOrEqual(0);
    expect(overlap).toBeLessThanOrEqual(20);
    expect(await page.getByTestId('agree-chart').isVisible()).toBe(true);
    // Colour the graph by influence: the legend appears.
    await page.getByTestId('leaders-color').selectOption('influence');
    await page.getByTestId('leaders-legend').waitFor();
    expect(await job.getAttribute('data-state')).toBe('done');
    expect(errors).toEqual([]);
    await page.close();
  });
});
