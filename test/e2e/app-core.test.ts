/**
 * The app's core in headless Chromium: the default graph renders, a clicked seed's simulated
 * mean lies in the Node engine's 95% CI for the same scenario, cancel works, a dropped CSV loads
 * after the direction question (its choices named after the file's columns), a bad file leaves
 * the previous graph in place, a run has no main-thread task over 100 ms, nothing is requested
 * from another origin; the screen follows the state: the Data tab names the loaded file, cleared
 * seeds lose their highlight, a hovered account shows its card and its neighbours, and the view
 * fits the reached accounts.
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
      'ego-Facebook: 4,039 nodes, 88,234 edges, undirected, 1 component (largest 4,039).',
    );
    expect(await page.getByTestId('seed-count').textContent()).toBe('1 seed in 1 launch group');
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
          store: { graph: { value: { index: Map<string, number> } } };
          view: { value: { graph: { getNodeAttributes(k: string): { x: number; y: number } } } | null };
        };
        const ctx = (window as unknown as { ripple: Ctx }).ripple;
        const index = ctx.store.graph.value.index;
        return ids.map((id) => {
          const a = ctx.view.value?.graph.getNodeAttributes(String(index.get(id)));
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

  // One retry, in a fresh page: on a machine loaded by other work a 40 ms task was once stretched to
  // 223 ms by preemption; a real long task (a synchronous pass over the results) fails twice.
  it('a clicked seed gives a mean inside the Node engine 95% CI, with no long main-thread task', {
    retry: 1,
  }, async () => {
    const { page, watch } = await newPage();
    await page.getByTestId('tab-seeds').click();
    await page.getByTestId('seed-clear').click();
    expect(await page.getByTestId('seed-count').textContent()).toBe('0 seeds in 1 launch group');
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
      const key = String(ctx.store.graph.value.index.get('107'));
      const sigma = ctx.view.value.sigma;
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
        ripple: { store: { run: { subscribe(f: (run: { state: string }) => void): () => void } } };
      };
      w.runWindow = [];
      let last = '';
      w.ripple.store.run.subscribe((run) => {
        if (run.state !== last && last !== '') w.runWindow.push(performance.now());
        last = run.state;
      });
    });
    await page.getByTestId('run').click();
    expect(await runEnds(page)).toContain('Done');
    const shown = Number(await page.getByTestId('spread-mean').getAttribute('data-value'));
    expect(await page.getByTestId('spread-mean').textContent()).toBe(
      shown.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    );
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
    // The Data tab names the loaded file, not the dataset picked before.
    await page.getByTestId('tab-data').click();
    expect(await page.getByTestId('dataset').inputValue()).toBe('');
    expect(await page.locator('[data-testid=dataset] option:checked').textContent()).toContain('follows.csv');
    expect((await page.getByTestId('dataset-about').textContent())?.trim()).toBe('');
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

    // A header that names the columns: the guess reads it as a sentence and the choices name them.
    await dropFile(page, 'fans.csv', 'account,follower\nstar,fan1\nstar,fan2\nfan1,fan3\n');
    await dialog.waitFor();
    expect(await page.getByTestId('direction-influences').isChecked()).toBe(true);
    const choices = await dialog.locator('label.choice').allTextContents();
    expect(choices.map((c) => c.trim())).toEqual([
      'Undirected: account and follower are mutual ties',
      'follower follows account: posts flow account → follower',
      'account follows follower: posts flow follower → account',
    ]);
    await page.getByTestId('direction-load').click();
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: 'fans.csv: 4 nodes, 3 edges, directed' })
      .waitFor({ state: 'attached' });
    const starReaches = await page.evaluate(() => {
      type G = { loaded: { ids: string[] }; facts: { outDegree: Uint32Array }; index: Map<string, number> };
      const g = (window as unknown as { ripple: { store: { graph: { value: G } } } }).ripple.store.graph
        .value;
      return g.facts.outDegree[g.index.get('star') as number];
    });
    expect(starReaches).toBe(2);

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

  it('follows the state: cleared seeds lose their highlight, hover shows a card and the neighbours, fit shows the reached', async () => {
    const { page, watch } = await newPage();
    type Display = { color: string; x: number; y: number };
    const nodeState = (id: string) =>
      page.evaluate((id) => {
        type Ctx = {
          store: { graph: { value: { index: Map<string, number> } } };
          view: {
            value: {
              sigma: {
                getNodeDisplayData(k: string): Display | undefined;
                framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
                getContainer(): HTMLElement;
              };
            };
          };
        };
        const ctx = (window as unknown as { ripple: Ctx }).ripple;
        const key = String(ctx.store.graph.value.index.get(id));
        const sigma = ctx.view.value.sigma;
        const d = sigma.getNodeDisplayData(key) as Display;
        const p = sigma.framedGraphToViewport(d);
        const r = sigma.getContainer().getBoundingClientRect();
        return { color: d.color, x: r.left + p.x, y: r.top + p.y };
      }, id);
    const frame = () =>
      page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

    // The default seed (top PageRank, 3437) is drawn in the seed colour; clearing the seeds clears it.
    expect((await nodeState('3437')).color.toLowerCase()).toBe('#d55e00');
    await page.getByTestId('tab-seeds').click();
    await page.getByTestId('seed-clear').click();
    await frame();
    expect((await nodeState('3437')).color.toLowerCase()).not.toBe('#d55e00');

    // Hover: a card names the account; accounts that are not neighbours fade, neighbours do not.
    const { csr, ids } = await readGraphFile('datasets/facebook_combined.txt', { direction: 'undirected' });
    const hub = ids.indexOf('107');
    const near = new Set<number>([hub]);
    for (let a = csr.outOffsets[hub]; a < csr.outOffsets[hub + 1]; a++) near.add(csr.outTargets[a]);
    const neighbour = ids[csr.outTargets[csr.outOffsets[hub]]];
    const stranger = ids[[...ids.keys()].find((v) => !near.has(v)) as number];
    const at = await nodeState('107');
    await page.mouse.move(at.x, at.y);
    const card = page.getByTestId('hover-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('107');
    expect(await card.textContent()).toMatch(/1,045 ties/);
    await frame();
    expect((await nodeState(stranger)).color).toBe('#e4e8ec');
    expect((await nodeState(neighbour)).color).not.toBe('#e4e8ec');
    await page.mouse.move(5, 5);
    await card.waitFor({ state: 'detached' });

    // Fit to reached: after a run from one small account, the reached accounts fill the view.
    await page.getByTestId('seed-search').fill('3980');
    await page.getByTestId('seed-search-add').click();
    await page.getByTestId('tab-model').click();
    await setNumber(page, '#p', '0.01');
    await setNumber(page, '#runs', '200');
    await page.getByTestId('run').click();
    expect(await runEnds(page)).toContain('Done');
    await page.getByTestId('fit-reached').click();
    await page.waitForTimeout(600);
    const view = await page.evaluate(() => {
      type Ctx = {
        store: { currentResult: { value: { shard: { nodeCounts: Uint32Array } } } };
        view: {
          value: {
            drawn: Uint32Array;
            sigma: {
              getCamera(): { ratio: number };
              getNodeDisplayData(k: string): { x: number; y: number } | undefined;
              framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
              getContainer(): HTMLElement;
            };
          };
        };
      };
      const ctx = (window as unknown as { ripple: Ctx }).ripple;
      const counts = ctx.store.currentResult.value.shard.nodeCounts;
      const sigma = ctx.view.value.sigma;
      const r = sigma.getContainer().getBoundingClientRect();
      let reached = 0;
      let outside = 0;
      for (const v of ctx.view.value.drawn) {
        if (counts[v] === 0) continue;
        reached++;
        const p = sigma.framedGraphToViewport(
          sigma.getNodeDisplayData(String(v)) as { x: number; y: number },
        );
        if (p.x < 0 || p.y < 0 || p.x > r.width || p.y > r.height) outside++;
      }
      return { ratio: sigma.getCamera().ratio, reached, outside };
    });
    expect(view.reached).toBeGreaterThan(1);
    expect(view.outside).toBe(0);
    expect(view.ratio).toBeLessThan(1);
    expect(watch.errors).toEqual([]);
  });
});
