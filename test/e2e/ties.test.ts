/**
 * Strong and weak ties in the built app, clicked as a user would on email-Eu-core (directed, with
 * mutual follows): the Ties lens colours the edges and fills the legend, with the counts `ripple
 * ties` prints; a groups file dropped on the tab with an unknown account is used with a warning,
 * a bad one is refused with its file and line while the groups stay; Compare runs the closed and
 * the open platform side by side with the means `ripple simulate --platform` prints; the removal
 * experiment draws its chart with `ripple ties --removal`'s numbers (and can be cancelled); a link
 * restores the tie parameters, and a link whose groups came from a file asks for the file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { jsonInProcess, rippleInProcess } from '../support/cli-in-process.ts';
import { fillField, openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const EMAIL = 'datasets/email-Eu-core.txt';
const HASH =
  '#v=1&graph=bundled:email-Eu-core.txt&direction=influences&values=probability&model=ic&p=0.05&gamma=0.2&phi=0.18&steps=all&seeds=0,1,2@0&runs=200&rng=1';
const CLI = ['--graph', EMAIL, '--direction', 'influences', '--seeds', '0,1,2', '--p', '0.05', '--rng', '1'];
const GROUPS = 'club 0\nclub 5\nclub 17\nclub ghost-account\nteam 2\nteam 40\nteam 41\n';

type Ripple = {
  chartData(id: string): number[][];
  store: { scenario: { value: { ties?: unknown } } };
  view: { value: { sigma: { getEdgeDisplayData(key: string): { color: string } | undefined } } | null };
};

/** The values each dataset of a chart plots (window.ripple.chartData). */
const chartData = (page: Page, id: string) =>
  page.evaluate((id) => (window as unknown as { ripple: Ripple }).ripple.chartData(id), id);

async function dropFile(page: Page, testid: string, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/plain' }));
      return dt;
    },
    { name, text },
  );
  await page.getByTestId(testid).dispatchEvent('drop', { dataTransfer: transfer });
}

async function waitTask(page: Page, testid: string, state = 'done'): Promise<void> {
  await page.locator(`[data-testid=${testid}][data-state=${state}]`).waitFor({ timeout: 30_000 });
}

describe('strong and weak ties', () => {
  it('lens, groups file, presets side by side, removal chart and the link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ripple-ties-e2e-'));
    const groupsPath = join(dir, 'clubs.txt');
    writeFileSync(groupsPath, GROUPS);
    const page = await served.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch = watchPage(page, served.url);
    await openApp(page, `${served.url}${HASH}`);
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: /^email-Eu-core/ })
      .waitFor({ state: 'attached' });

    // The lens: the counts of `ripple ties`, the legend, the edges coloured, and off again.
    await page.getByTestId('tab-ties').click();
    await page.getByTestId('ties-lens').check();
    const kinds = page.getByTestId('ties-kinds');
    await kinds.waitFor();
    const summary = await jsonInProcess('ties', '--graph', EMAIL, '--direction', 'influences');
    expect(Number(await kinds.getAttribute('data-strong'))).toBe(summary.strong);
    expect(Number(await kinds.getAttribute('data-weak'))).toBe(summary.weak);
    const legend = page.getByTestId('legend');
    await expect.poll(() => legend.textContent()).toContain('Bridge between communities');
    expect(await legend.textContent()).toMatch(/Strong tie.*Weak tie/);
    const colours = () =>
      page.evaluate(() => {
        const v = (window as unknown as { ripple: Ripple }).ripple.view.value;
        const seen = new Set<string>();
        for (let k = 0; k < 2000; k++) {
          const c = v?.sigma.getEdgeDisplayData(String(k))?.color;
          if (c) seen.add(c.toLowerCase());
        }
        return [...seen].sort();
      });
    await expect.poll(colours).toEqual(['#009e73', '#c3cad2', '#e69f00']);
    await page.getByTestId('ties-lens').uncheck();
    await expect.poll(() => legend.textContent()).not.toContain('Bridge');
    await expect.poll(async () => (await colours()).length).toBe(1);

    // A groups file dropped: used, with a warning naming the unknown account.
    await dropFile(page, 'ties-groups-drop', 'clubs.txt', GROUPS);
    const unknown = page.getByTestId('ties-groups-unknown');
    await unknown.waitFor();
    expect(await unknown.textContent()).toContain('ghost-account');
    expect(await unknown.getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('ties-groups-status').textContent()).toBe(
      'clubs.txt: 2 groups, 6 members found in the graph.',
    );
    // A bad one: one error with the file and the line; the groups stay.
    await page
      .getByTestId('ties-groups-input')
      .setInputFiles({ name: 'bad.txt', mimeType: 'text/plain', buffer: Buffer.from('club 0\nclub\n') });
    await expect
      .poll(() => page.getByTestId('ties-groups-error').textContent())
      .toBe('bad.txt, line 2: expected "group member", got "club".');
    expect(await page.getByTestId('ties-groups-status').textContent()).toContain('clubs.txt');

    // Closed vs open side by side: two kept results with the CLI's means.
    await page.getByTestId('tab-compare').click();
    await page.getByTestId('compare-platforms').click();
    await waitTask(page, 'compare-platforms-task');
    await expect.poll(() => page.getByTestId('compare-row').count()).toBe(2);
    expect(
      await page
        .getByTestId('compare-label')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(['Closed platform', 'Open platform']);
    const means = await page
      .getByTestId('compare-mean')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    const closed = JSON.parse(
      (
        await rippleInProcess(
          'simulate',
          ...CLI,
          '--runs',
          '200',
          '--platform',
          'closed',
          '--groups',
          groupsPath,
          '--json',
        )
      ).stdout,
    );
    const open = await jsonInProcess('simulate', ...CLI, '--runs', '200', '--platform', 'open');
    expect(means).toEqual([closed.mean, open.mean]);
    expect(closed.via.weak).toBe(0);

    // The removal experiment: cancel a long one, then a short one draws `ripple ties --removal`.
    await page.getByTestId('tab-ties').click();
    await fillField(page, 'ties-removal-runs', 5000);
    await page.getByTestId('ties-removal-run').click();
    await page.getByTestId('ties-removal-task-cancel').click();
    await waitTask(page, 'ties-removal-task', 'cancelled');
    await fillField(page, 'ties-removal-steps', 3);
    await fillField(page, 'ties-removal-runs', 20);
    await page.getByTestId('ties-removal-run').click();
    await waitTask(page, 'ties-removal-task');
    await page.getByTestId('ties-removal-component').waitFor();
    const cli = await jsonInProcess('ties', ...CLI, ...['--removal', '--removal-steps', '3', '--runs', '20']);
    await expect
      .poll(() => chartData(page, 'ties-removal-component'))
      .toEqual([
        cli.removal.weakFirst.map((p: { largestComponent: number }) => p.largestComponent),
        cli.removal.strongFirst.map((p: { largestComponent: number }) => p.largestComponent),
      ]);
    const reach = await chartData(page, 'ties-removal-reach');
    expect(reach[2]).toEqual(cli.removal.weakFirst.map((p: { reach: { mean: number } }) => p.reach.mean));

    // The tie parameters in the model form travel in the link.
    await page.getByTestId('tab-model').click();
    await fillField(page, 'param-pStrong', 0.2);
    await fillField(page, 'param-pWeak', 0.01);
    await page.getByTestId('param-groups').selectOption('communities');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('groups=communities');
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('ties=mutual&pstrong=0.2&pweak=0.01&groups=communities&pgroup=p&strongonly=0');
    const restored = await served.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openApp(restored, `${served.url}${hash}`);
    await restored.getByTestId('tab-model').click();
    expect(await restored.getByTestId('ties-on').isChecked()).toBe(true);
    expect(await restored.getByTestId('param-pStrong').inputValue()).toBe('0.2');
    expect(await restored.getByTestId('param-pWeak').inputValue()).toBe('0.01');
    expect(await restored.getByTestId('param-groups').inputValue()).toBe('communities');
    // Groups from a file: the link keeps the name, and the restored page asks for the file.
    await restored.goto(`${served.url}${hash.replace('groups=communities', 'groups=file:clubs.txt')}`);
    await restored
      .getByTestId('graph-summary')
      .filter({ hasText: /^email-Eu-core/ })
      .waitFor({ state: 'attached' });
    await restored.getByTestId('tab-ties').click();
    const status = restored.getByTestId('ties-groups-status');
    expect(await status.getAttribute('data-needed')).toBe('clubs.txt');
    expect(await status.textContent()).toContain('open that file here');
    await restored.getByTestId('run').click();
    await expect.poll(() => restored.getByTestId('status').textContent()).toContain('clubs.txt');
    await restored
      .getByTestId('ties-groups-input')
      .setInputFiles({ name: 'clubs.txt', mimeType: 'text/plain', buffer: Buffer.from(GROUPS) });
    await expect.poll(() => status.textContent()).toContain('2 groups');
    await restored.getByTestId('run').click();
    await restored.getByTestId('status').filter({ hasText: /^Done/ }).waitFor({ timeout: 30_000 });
    await restored.getByTestId('result-via').waitFor();
    expect(watch.errors).toEqual([]);
    await restored.close();
    await page.close();
  }, 120_000);
});
