/**
 * The Leaders panel in headless Chromium: sorted by PageRank, the table's top 5 are the ids
 * `ripple rank --metric pagerank --top 5` prints for the default dataset; betweenness and
 * closeness match NetworkX on the karate club, where in- and out-degree, equal to degree on an
 * undirected graph, collapse into one degree column (table, picker, CSV); the table fits the side
 * panel (no cell past the panel's edge, in both languages) and the wide view shows every column;
 * no score that is not zero reads as zeros; clicking a row focuses and highlights that account;
 * "add to seeds" puts it in the scenario; simulated influence, computed in the workers with a
 * progress bar (cancel keeps the table), gives the very numbers `ripple rank --metric influence`
 * gives for the same graph, model, p, sets and rng (scores and 95% intervals), and the agreement
 * view's Spearman rho and top-20 overlap are those of the CLI's two rankings; colouring or sizing
 * the graph by a metric puts its section in the stage legend, which goes when the colouring is
 * turned off or another graph loads.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { spearman } from '../../src/app/panels/leaders/ranking.ts';
import { main } from '../../src/cli/main.ts';
import { json } from '../support/cli.ts';
import { openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const KARATE =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.1&gamma=0.2&phi=0.18&steps=all&seeds=0@0&runs=200&rng=1';
/** The metric columns of an undirected graph, in the registry's order. */
const UNDIRECTED_COLUMNS = [
  'degree',
  'pagerank',
  'betweenness',
  'closeness',
  'eigenvector',
  'hits',
  'kcore',
  'influence',
];

interface Exposed {
  ripple: {
    store: {
      scenario: { value: { seeds: { kind: string; groups: { ids: string[] }[] } } };
      legend: { value: Record<string, unknown[]> };
      patchScenario(patch: unknown): void;
    };
    view: { value: { sigma: unknown } | null };
  };
}

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

async function openLeaders(karate = false): Promise<{ page: Page; errors: string[] }> {
  const page = await served.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const { errors } = watchPage(page, served.url);
  // Straight to the karate club from a link (no heavy drawing of the default graph first) where
  // the app reads scenario links; else through the Data tab.
  await openApp(page, karate ? `${served.url}${KARATE}` : served.url);
  if (karate && !(await page.getByTestId('graph-summary').textContent())?.includes('34 nodes')) {
    await page.getByTestId('tab-data').click();
    await page.getByTestId('dataset').selectOption('karate.txt');
  }
  if (karate)
    await page.getByTestId('graph-summary').filter({ hasText: '34 nodes' }).waitFor({ state: 'attached' });
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

const headerColumns = (page: Page) =>
  page.$$eval('[data-testid=leaders-table] thead th[data-col]', (ths) =>
    ths.map((th) => (th as HTMLElement).dataset.col ?? ''),
  );

/** The legend lines on the stage. */
const legendTexts = (page: Page) =>
  page.$$eval('[data-testid=legend] li', (lis) => lis.map((li) => li.textContent ?? ''));

/** Cells of the leaders table whose box reaches past the given element's box (left or right). */
function cellsOutside(page: Page, container: string) {
  return page.evaluate((container) => {
    const box = (document.querySelector(container) as HTMLElement).getBoundingClientRect();
    const out: string[] = [];
    for (const cell of document.querySelectorAll(
      '[data-testid=leaders-table] th, [data-testid=leaders-table] td',
    )) {
      const r = cell.getBoundingClientRect();
      if (r.right > box.right + 0.5 || r.left < box.left - 0.5)
        out.push(
          `${cell.textContent} [${r.left.toFixed(0)}, ${r.right.toFixed(0)}] of [${box.left.toFixed(0)}, ${box.right.toFixed(0)}]`,
        );
    }
    return out;
  }, container);
}

/** Words in Latin letters in an element's visible text, but for names that stay as they are. */
function englishIn(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const allowed = new Set(['pagerank', 'hits', 'csv', 'louvain', 'id']);
    // biome-ignore lint/performance/useDomNodeTextContent: what is on screen is checked, not hidden parts
    const text = (document.querySelector(selector) as HTMLElement).innerText;
    return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w.toLowerCase()));
  }, selector);
}

describe('Leaders panel', () => {
  it("karate club: NetworkX's betweenness and closeness from the workers; one degree column for in, out and total degree; CSV export", async () => {
    const karate = JSON.parse(readFileSync('test/fixtures/karate-networkx.json', 'utf8')) as {
      betweenness: number[];
      closeness: number[];
      degree: number[];
    };
    const { page, errors } = await openLeaders(true);
    // Undirected: in-degree and out-degree are degree, so one column, one choice.
    expect(await headerColumns(page)).toEqual(['degree', 'pagerank', 'influence']);
    const pickable = await page.$$eval('[data-testid^=leaders-column-]', (boxes) =>
      boxes.map((b) => (b as HTMLElement).dataset.testid?.replace('leaders-column-', '')),
    );
    expect(pickable).toEqual(UNDIRECTED_COLUMNS);
    const colourOptions = await page.$$eval('[data-testid=leaders-color] option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value),
    );
    expect(colourOptions).toEqual(['', ...UNDIRECTED_COLUMNS]);
    const leaders = page.getByTestId('panel-leaders');
    expect(await leaders.getByText('Degree', { exact: true }).count()).toBeGreaterThan(0);
    expect(await leaders.getByText(/in-degree|out-degree/i).count()).toBe(0);
    const degrees = await page.$$eval('[data-testid=leader-row]', (trs) =>
      trs.map((tr) => [
        Number((tr as HTMLElement).dataset.id),
        Number(tr.querySelector('td[data-col=degree]')?.getAttribute('data-value')),
      ]),
    );
    expect(degrees).toHaveLength(34);
    for (const [id, degree] of degrees) expect(degree).toBe(karate.degree[id]);

    await page.getByTestId('leaders-heavy').click();
    await page.locator('[data-testid=leaders-job][data-state=done]').waitFor({ timeout: 60_000 });
    // The wide view shows every column, the ones just computed too.
    await page.getByTestId('leaders-wide-open').click();
    await page.getByTestId('leaders-wide-dialog').waitFor();
    expect(await headerColumns(page)).toEqual(UNDIRECTED_COLUMNS);
    await page.waitForFunction(() => {
      const cell = document.querySelector('[data-testid=leader-row] td[data-col=closeness]');
      return cell && cell.textContent !== '—';
    });
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
    await page.getByTestId('leaders-wide-close').click();
    await page.getByTestId('leaders-wide-dialog').waitFor({ state: 'detached' });
    // Sorted by a column the side panel does not show: it says so.
    expect(await page.getByTestId('leaders-count').textContent()).toContain(
      'Sorted by Betweenness, highest first.',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('leaders-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('karate-leaders.csv');
    const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe('rank,id,label,degree,pagerank,betweenness,closeness,eigenvector,hits,kcore');
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

  it('fits the side panel (no cell cut off, in English and Chinese); the wide view shows every column', async () => {
    const { page, errors } = await openLeaders();
    const panel = '[data-testid=panel-leaders]';
    expect(await headerColumns(page)).toEqual(['degree', 'pagerank', 'influence']);
    expect(
      await page.locator('[data-testid=leaders-table] td, [data-testid=leaders-table] th').count(),
    ).toBeGreaterThan(300);
    expect(await cellsOutside(page, panel)).toEqual([]);
    await page.selectOption('[data-testid=language]', 'zh-CN');
    await page.getByTestId('leaders-count').filter({ hasText: '个账号符合' }).waitFor();
    expect(await cellsOutside(page, panel)).toEqual([]);
    // Every word of both tabs and of the legend is in Chinese (method names aside).
    expect(await englishIn(page, panel)).toEqual([]);
    await page.getByTestId('tab-communities').click();
    await page.locator('[data-testid=communities-summary][data-modularity]').waitFor({ timeout: 60_000 });
    await page.getByTestId('legend').getByText('社群 1', { exact: true }).waitFor();
    expect(await englishIn(page, '[data-testid=panel-communities]')).toEqual([]);
    expect(await englishIn(page, '[data-testid=legend]')).toEqual([]);
    await page.getByTestId('tab-leaders').click();
    await page.selectOption('[data-testid=language]', 'en');
    await page.getByTestId('leaders-count').filter({ hasText: 'accounts match' }).waitFor();

    // The wide view: every column, each cell inside the dialog.
    await page.getByTestId('leaders-wide-open').click();
    const dialog = page.getByTestId('leaders-wide-dialog');
    await dialog.waitFor();
    expect(await headerColumns(page)).toEqual(UNDIRECTED_COLUMNS);
    const perRow = await page.$$eval('[data-testid=leader-row]', (trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td[data-col]')].map((td) => (td as HTMLElement).dataset.col).join(','),
      ),
    );
    expect(perRow).toHaveLength(50);
    for (const row of perRow) expect(row).toBe(UNDIRECTED_COLUMNS.join(','));
    expect(await cellsOutside(page, '[data-testid=leaders-wide-dialog]')).toEqual([]);
    await page.getByTestId('leaders-wide-close').click();
    await dialog.waitFor({ state: 'detached' });

    // The picker adds a column to the side panel; the table still fits with four.
    await page.getByTestId('leaders-columns').locator('summary').click();
    await page.getByTestId('leaders-column-kcore').check();
    expect(await headerColumns(page)).toEqual(['degree', 'pagerank', 'kcore', 'influence']);
    expect(await cellsOutside(page, panel)).toEqual([]);
    await page.getByTestId('leaders-column-influence').uncheck();
    expect(await headerColumns(page)).toEqual(['degree', 'pagerank', 'kcore']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('writes every score with three significant digits: no score that is not zero reads as zeros', async () => {
    const { page, errors } = await openLeaders();
    await page.getByTestId('leaders-wide-open').click();
    await page.getByTestId('leaders-wide-dialog').waitFor();
    const zeroLooking = () =>
      page.$$eval('[data-testid=leader-row] td[data-value]', (tds) =>
        tds
          .filter((td) => Number(td.getAttribute('data-value')) !== 0 && !/[1-9]/.test(td.textContent ?? ''))
          .map(
            (td) =>
              `${(td as HTMLElement).dataset.col}=${td.getAttribute('data-value')} shown "${td.textContent}"`,
          ),
      );
    let checked = 0;
    // The smallest scores first: HITS and eigenvector run down to 1e-15 on ego-Facebook.
    for (const column of ['hits', 'eigenvector', 'pagerank']) {
      // A new column sorts highest first, the same column again reverses.
      await page.getByTestId(`leaders-sort-${column}`).click();
      if ((await page.locator(`th[data-col=${column}]`).getAttribute('aria-sort')) !== 'ascending')
        await page.getByTestId(`leaders-sort-${column}`).click();
      expect(await page.locator(`th[data-col=${column}]`).getAttribute('aria-sort')).toBe('ascending');
      expect(await zeroLooking()).toEqual([]);
      const values = await page.$$eval(`[data-testid=leader-row] td[data-col=${column}]`, (tds) =>
        tds.map((td) => Number(td.getAttribute('data-value'))),
      );
      expect(values.some((v) => v > 0 && v < 1e-8)).toBe(column !== 'pagerank');
      checked += values.length;
    }
    expect(checked).toBe(150);
    // The text is the score to three significant digits.
    const sample = await page.$$eval('[data-testid=leader-row] td[data-col=hits]', (tds) =>
      tds.map((td) => [Number(td.getAttribute('data-value')), Number(td.textContent?.replace(/,/g, ''))]),
    );
    for (const [value, shown] of sample) expect(shown).toBe(Number(value.toPrecision(3)));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clicking a row focuses and highlights the account; add to seeds updates the seed list', async () => {
    const { page, errors } = await openLeaders();
    const row = page.getByTestId('leader-row').nth(2);
    const id = (await row.getAttribute('data-id')) as string;
    const index = Number(await row.getAttribute('data-index'));
    await row.click();
    expect(await page.getByTestId('leaders-table').getAttribute('data-focused')).toBe(id);
    await page
      .getByTestId('leaders-message')
      .filter({ hasText: `Showing ${id} on the graph.` })
      .waitFor();
    // Highlighted by the view's reducer, and the camera zooms in on it (ratio 0.4).
    await page.waitForFunction((i) => {
      const sigma = (window as never as Exposed).ripple.view.value?.sigma as unknown as {
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
        (window as never as Exposed).ripple.store.scenario.value.seeds.groups.flatMap((g) => g.ids),
      );
    const before = await seedIds();
    expect(before).not.toContain(id);
    await row.getByTestId('leader-add-seed').click();
    await page.waitForFunction(
      (n) =>
        (window as never as Exposed).ripple.store.scenario.value.seeds.groups.flatMap((g) => g.ids).length ===
        n,
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

  it("simulates influence in the workers (cancel keeps the table): the CLI's numbers, then its agreement with PageRank", async () => {
    // The same scenario through the CLI: ego-Facebook, ic p = 0.05 (the app's default), 2000 RR
    // sets, rng 1; every account (--top 4039) so the rank agreement can be recomputed here.
    const cliArgs = ['rank', '--graph', 'datasets/facebook_combined.txt', '--top', '4039'];
    const influence = json(
      ...cliArgs,
      '--metric',
      'influence',
      '--model',
      'ic',
      '--p',
      '0.05',
      '--sets',
      '2000',
      '--rng',
      '1',
    ) as {
      top: { id: string; score: number; ci95: [number, number] }[];
      sets: number;
    };
    expect(influence.sets).toBe(2000);
    expect(influence.top).toHaveLength(4039);
    const pagerank = json(...cliArgs, '--metric', 'pagerank') as { top: { id: string; score: number }[] };

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
    await page.getByTestId('leaders-sort-influence').click();
    const shown = await page.$$eval('[data-testid=leader-row]', (trs) =>
      trs.slice(0, 10).map((tr) => {
        const td = tr.querySelector('td[data-col=influence]') as HTMLElement;
        return {
          id: (tr as HTMLElement).dataset.id,
          score: Number(td.dataset.value),
          lo: Number(td.dataset.lo),
          hi: Number(td.dataset.hi),
          title: td.title,
        };
      }),
    );
    expect(shown.map((s) => s.id)).toEqual(influence.top.slice(0, 10).map((l) => l.id));
    shown.forEach((s, i) => {
      const cli = influence.top[i];
      expect(s.score).toBeCloseTo(cli.score, 9);
      expect(s.lo).toBeCloseTo(cli.ci95[0], 9);
      expect(s.hi).toBeCloseTo(cli.ci95[1], 9);
      expect(s.title).toMatch(/^95% CI /);
    });

    // The agreement view: Spearman's rho and the top-20 overlap of the CLI's two rankings.
    const byId = (list: { id: string; score: number }[]) => new Map(list.map((l) => [l.id, l.score]));
    const pr = byId(pagerank.top);
    const inf = byId(influence.top);
    const ids = [...pr.keys()];
    const a = ids.map((id) => pr.get(id) as number);
    const b = ids.map((id) => inf.get(id) as number);
    const rho = Number(await page.getByTestId('agree-spearman').getAttribute('data-value'));
    expect(rho).toBeCloseTo(spearman(a, b) as number, 9);
    // Both break ties by file order, so the CLI's top-20 lists are the app's.
    const top20 = (list: { id: string }[]) => new Set(list.slice(0, 20).map((l) => l.id));
    const topPr = top20(pagerank.top);
    const common = [...top20(influence.top)].filter((id) => topPr.has(id)).length;
    expect(Number(await page.getByTestId('agree-overlap').getAttribute('data-value'))).toBe(common);
    expect(await page.getByTestId('agree-chart').isVisible()).toBe(true);
    // Colour the graph by influence: the stage legend says so.
    await page.getByTestId('leaders-color').selectOption('influence');
    await page.getByTestId('legend').getByText('Influence (lone seed), by rank: lowest → highest').waitFor();
    expect(await job.getAttribute('data-state')).toBe('done');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('colouring or sizing by a metric shows in the legend; it goes when turned off or another graph loads', async () => {
    const { page, errors } = await openLeaders();
    const COLOUR = 'PageRank, by rank: lowest → highest';
    const SIZE = 'size: k-core (larger = higher rank)';
    expect(await legendTexts(page)).not.toContain(COLOUR);
    await page.getByTestId('leaders-color').selectOption('pagerank');
    await page.getByTestId('legend').getByText(COLOUR).waitFor();
    // The second account by PageRank (the first is the seed, drawn as a seed) is drawn in the
    // ramp's darkest colour.
    const top = Number(await page.getByTestId('leader-row').nth(1).getAttribute('data-index'));
    await page.waitForFunction((i) => {
      const sigma = (window as never as Exposed).ripple.view.value?.sigma as
        | { getNodeDisplayData(k: string): { color?: string } | undefined }
        | undefined;
      return sigma?.getNodeDisplayData(String(i))?.color === 'rgb(0, 32, 77)';
    }, top);
    await page.getByTestId('leaders-size').selectOption('kcore');
    await page.getByTestId('legend').getByText(SIZE).waitFor();
    // The legend follows the language.
    await page.selectOption('[data-testid=language]', 'zh-CN');
    await page.getByTestId('legend').getByText('PageRank（按排名）：最低 → 最高').waitFor();
    await page.selectOption('[data-testid=language]', 'en');
    // Off: the section goes.
    await page.getByTestId('leaders-color').selectOption('');
    await page.getByTestId('leaders-size').selectOption('');
    await page.waitForFunction(() => !('leaders' in (window as never as Exposed).ripple.store.legend.value));
    expect(await legendTexts(page)).not.toContain(COLOUR);
    expect(await legendTexts(page)).not.toContain(SIZE);
    // On again, then another graph: the section goes with the old graph's colouring.
    await page.getByTestId('leaders-color').selectOption('pagerank');
    await page.getByTestId('legend').getByText(COLOUR).waitFor();
    await page.getByTestId('tab-data').click();
    await page.getByTestId('dataset').selectOption('karate.txt');
    await page.getByTestId('graph-summary').filter({ hasText: '34 nodes' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('legend').getByText(COLOUR).waitFor({ state: 'detached' });
    expect(await legendTexts(page)).not.toContain(COLOUR);
    await page.getByTestId('tab-leaders').click();
    expect(await page.getByTestId('leaders-color').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
