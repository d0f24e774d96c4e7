/**
 * The app's core in headless Chromium: the default graph renders, a clicked seed's simulated
 * mean lies in the Node engine's 95% CI for the same scenario, cancel works, a dropped CSV loads
 * after the direction question, a bad file leaves the previous graph in place, a run has no
 * main-thread task over 100 ms, and nothing is requested from another origin.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { runLocal } from '../support/simulate.ts';
import {
  edgeTypeCounts,
  graphPixels,
  layoutSettled,
  openApp,
  serveAppForFile,
  watchPage,
} from './browser.ts';

const served = serveAppForFile();

async function newPage(): Promise<{ page: Page; watch: ReturnType<typeof watchPage> }> {
  const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const watch = watchPage(page, served.url);
  await openApp(page, served.url);
  await stopLayout(page);
  return { page, watch };
}

/** Stop the layout if it is still running, so the graph holds still. */
async function stopLayout(page: Page): Promise<void> {
  const status = page.getByTestId('layout-status');
  if ((await status.getAttribute('data-state')) === 'running')
    await page.getByTestId('layout-toggle').click();
  await layoutSettled(page);
}

/** Wait for the run to end and return the status line. */
async function runEnds(page: Page, timeout = 60_000): Promise<string> {
  await page
    .getByTestId('status')
    .filter({ hasText: /Done|Error|Cancelled/ })
    .waitFor({ timeout });
  return (await page.getByTestId('status').textContent()) ?? '';
}

async function setNumber(page: Page, selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await page.dispatchEvent(selector, 'change');
}

async function dropFile(page: Page, name: string, content: string | number[]): Promise<void> {
  await page.evaluate(
    ({ name, content }) => {
      const data = typeof content === 'string' ? content : new Uint8Array(content);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name));
      const stage = document.querySelector('.stage') as HTMLElement;
      stage.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, content },
  );
}

const summaryText = (page: Page) => page.getByTestId('graph-summary').textContent();

describe('Ripple app', () => {
  it('renders the default dataset with a seed chosen, and nothing from other origins', async () => {
    const { page, watch } = await newPage();
    expect(await summaryText(page)).toContain(
      'ego-Facebook: 4,039 nodes, 88,234 edges, undirected, 1 components',
    );
    expect(await page.getByTestId('seed-count').textContent()).toContain('Seeds: 1;');
    // Drawn at once with the bundled layout (datasets/layouts/), without running ForceAtlas2.
    expect(await page.getByTestId('layout-status').getAttribute('data-state')).toBe('bundled');
    expect(await page.getByTestId('layout-status').textContent()).toBe(
      'Layout computed in advance (ForceAtlas2).',
    );
    const layout = JSON.parse(readFileSync('datasets/layouts/facebook_combined.txt.json', 'utf8')) as {
      ids: string[];
      xy: number[];
    };
    const drawnAt = await page.evaluate(
      (ids) => {
        type Ctx = {
          store: { get(): { graph: { index: Map<string, number> } } };
          view(): { graph: { getNodeAttributes(k: string): { x: number; y: number } } } | null;
        };
        const ctx = (window as unknown as { ripple: Ctx }).ripple;
        const index = ctx.store.get().graph.index;
        return ids.map((id) => {
          const a = ctx.view()?.graph.getNodeAttributes(String(index.get(id)));
          return a ? [a.x, a.y] : null;
        });
      },
      layout.ids.slice(0, 3).concat(layout.ids.slice(-2)),
    );
    const expected = [0, 1, 2, layout.ids.length - 2, layout.ids.length - 1].map((k) => [
      layout.xy[2 * k],
      layout.xy[2 * k + 1],
    ]);
    for (const [k, p] of drawnAt.entries()) {
      expect(p?.[0]).toBeCloseTo(expected[k][0], 2);
      expect(p?.[1]).toBeCloseTo(expected[k][1], 2);
    }
    // 88,234 edges are drawn as 1-pixel lines (cheap on a software renderer), not sized quads.
    const edgeTypes = Object.keys(await edgeTypeCounts(page));
    expect(edgeTypes).toEqual(['thin']);
    const inked = await graphPixels(page, 'inked');
    const coloured = inked.count / inked.total;
    expect(coloured).toBeGreaterThan(0.02);
    expect(watch.foreign).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('a clicked seed gives a mean inside the Node engine 95% CI, with no long main-thread task', async () => {
    const { page, watch } = await newPage();
    await page.getByTestId('tab-seeds').click();
    await page.getByTestId('seed-clear').click();
    expect(await page.getByTestId('seed-count').textContent()).toContain('Seeds: 0;');
    const at = await page.evaluate(() => {
      type Ctx = {
        store: { get(): { graph: { index: Map<string, number> } } };
        view(): {
          sigma: {
            getNodeDisplayData(k: string): { x: number; y: number };
            framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
            getContainer(): HTMLElement;
          };
        };
      };
      const ctx = (window as unknown as { ripple: Ctx }).ripple;
      const key = String(ctx.store.get().graph.index.get('107'));
      const sigma = ctx.view().sigma;
      const p = sigma.framedGraphToViewport(sigma.getNodeDisplayData(key));
      const r = sigma.getContainer().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await page.mouse.click(at.x, at.y);
    // The node under the pointer becomes the seed (107, unless a node drawn on top of it).
    const chip = page.getByTestId('seed-groups').getByRole('button', { name: /^Remove / });
    await chip.waitFor();
    const seedId = ((await chip.getAttribute('aria-label')) ?? '').replace(/^Remove /, '');
    await page.getByTestId('tab-model').click();
    await setNumber(page, '#p', '0.02');
    await setNumber(page, '#runs', '2000');
    // The run's window: from the click to the moment the result is in the store.
    await page.evaluate(() => {
      const w = window as unknown as {
        runWindow: number[];
        ripple: {
          store: { select(p: (s: { run: { state: string } }) => string, f: (v: string) => void): void };
        };
      };
      w.runWindow = [];
      w.ripple.store.select(
        (s) => s.run.state,
        (state) => w.runWindow.push(performance.now()) && state,
      );
    });
    await page.getByTestId('run').click();
    expect(await runEnds(page)).toContain('Done');
    const shown = Number(await page.getByTestId('spread-mean').textContent());
    const { longest, runMs } = await page.evaluate(() => {
      const w = window as unknown as {
        runWindow: number[];
        longTasks: { start: number; duration: number }[];
      };
      const [t0, t1] = [w.runWindow[0], w.runWindow[w.runWindow.length - 1]];
      const during = w.longTasks.filter((x) => x.start + x.duration >= t0 && x.start <= t1);
      return { longest: Math.max(0, ...during.map((x) => x.duration)), runMs: t1 - t0 };
    });
    expect(runMs).toBeGreaterThan(0);
    expect(longest).toBeLessThanOrEqual(100);

    const { csr, ids } = await readGraphFile('datasets/facebook_combined.txt', { direction: 'undirected' });
    const seed = ids.indexOf(seedId);
    expect(seed).toBeGreaterThanOrEqual(0);
    const params = resolveParams({ model: 'ic', p: 0.02 }, csr);
    const { summary } = runLocal(
      csr,
      params,
      { kind: 'groups', groups: [{ nodes: [seed], start: 0 }] },
      2000,
      1,
    );
    expect(shown).toBeGreaterThanOrEqual(summary.ci95[0]);
    expect(shown).toBeLessThanOrEqual(summary.ci95[1]);
    for (const id of ['reach-by-hop', 'adoption-curve', 'size-histogram'])
      expect(await page.getByTestId(id).isVisible()).toBe(true);
    expect(watch.foreign).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('refuses ?graph= from another origin without requesting it, and opens the default graph', async () => {
    const page = await served.browser.newPage();
    const watch = watchPage(page, served.url);
    await page.goto(`${served.url}?graph=${encodeURIComponent('https://example.com/net.txt')}`);
    await page.getByRole('alert').filter({ hasText: 'another site' }).waitFor();
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: 'ego-Facebook' })
      .waitFor({ state: 'attached', timeout: 60_000 });
    expect(watch.foreign).toEqual([]);
  });

  it('cancel stops a long run and the page stays usable', async () => {
    const { page } = await newPage();
    await page.getByTestId('tab-model').click();
    await setNumber(page, '#runs', '10000000');
    await page.getByTestId('run').click();
    await page.waitForFunction(
      () => Number((document.querySelector('[data-testid=progress]') as HTMLProgressElement).value) > 0,
      undefined,
      { timeout: 30_000 },
    );
    await page.getByTestId('cancel').click();
    await page.getByTestId('status').filter({ hasText: 'Cancelled.' }).waitFor({ timeout: 5_000 });
    await setNumber(page, '#runs', '50');
    await page.getByTestId('run').click();
    await page.getByTestId('status').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 });
  });

  it('a dropped CSV loads after the direction question; a bad file keeps the previous graph; GEXF keeps its layout', async () => {
    const { page, watch } = await newPage();
    // Mark the renderer's canvases: every later graph must be drawn by the same renderer (a new
    // one per graph made the browser flush and drop WebGL contexts: seconds of frozen page).
    const marked = await page.evaluate(() => {
      const canvases = document.querySelectorAll<HTMLCanvasElement>('.stage canvas');
      for (const c of canvases) c.dataset.probe = 'first';
      return canvases.length;
    });
    expect(marked).toBeGreaterThan(0);
    const csv = 'source,target\nalice,bob\nbob,carol\ncarol,dave\nalice,alice\nalice,bob\n';
    await dropFile(page, 'follows.csv', csv);
    const dialog = page.getByTestId('direction-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('direction-preview').textContent()).toContain('alice,bob');
    expect(await page.getByTestId('direction-influences').isChecked()).toBe(true);
    await page.getByTestId('direction-load').click();
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: 'follows.csv: 4 nodes, 3 edges, directed' })
      .waitFor({ state: 'attached' });
    expect(await page.getByTestId('graph-dropped').textContent()).toContain(
      'self-loops 1, duplicate edges 1',
    );
    await page.getByTestId('tab-seeds').click();
    const seedsBefore = await page.getByTestId('seed-groups').textContent();

    await dropFile(page, 'broken.gexf', [0x3c, 0x67, 0x65, 0x78, 0x66, 0x00, 0x01, 0x02]);
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'broken.gexf' }).waitFor();
    expect(await alert.textContent()).toContain('previous graph is still loaded');
    expect(await summaryText(page)).toContain('follows.csv: 4 nodes');
    expect(await page.getByTestId('seed-groups').textContent()).toBe(seedsBefore);
    await page.getByTestId('run').click();
    expect(await runEnds(page)).toContain('Done');

    // A GEXF file: parsed in the worker (xmldom), its own positions used, labels searchable.
    const gexf = [...readFileSync('test/fixtures/graphs/small.gexf')];
    await dropFile(page, 'small.gexf', gexf);
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: 'small.gexf: 4 nodes' })
      .waitFor({ state: 'attached' });
    expect(await page.getByTestId('layout-status').getAttribute('data-state')).toBe('file');
    await page.getByTestId('tab-seeds').click();
    await page.getByTestId('seed-clear').click();
    await page.getByTestId('seed-search').fill('cy');
    await page.getByTestId('seed-search').press('Enter');
    await page.getByRole('button', { name: 'Remove Cy' }).waitFor();
    expect(await page.locator('.stage canvas[data-probe=first]').count()).toBe(marked);
    expect(await page.locator('.stage canvas').count()).toBe(marked);
    expect(watch.foreign).toEqual([]);
    expect(watch.errors).toEqual([]);
  }, 150_000);
});
