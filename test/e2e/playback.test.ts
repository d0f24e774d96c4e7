/**
 * Playback in the built app: after a run, one sampled cascade replays on sigma. While playing
 * the step counter and the active count grow and the canvas gains coloured (activated) nodes;
 * the keyboard (Space, arrows, Home/End) and the scrub bar drive it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { params, runLocal, seedsAt } from '../support/simulate.ts';
import { graphPixels, layoutSettled, openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const HASH =
  'v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.3&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=1';

/** Run 0 of the same scenario in Node: its last activation step and number of active accounts. */
async function nodeTrace(): Promise<{ lastStep: number; active: number }> {
  const graph = await readGraphFile('datasets/karate.txt', { direction: 'undirected' });
  const seed = graph.ids.indexOf('33');
  const { shard } = runLocal(graph.csr, params({ model: 'ic', p: 0.3 }), seedsAt(seed), 200, 1, 0);
  const trace = shard.trace!;
  return { lastStep: Math.max(...trace.steps), active: trace.nodes.length };
}

const FACEBOOK =
  'v=1&graph=bundled:facebook_combined.txt&direction=undirected&values=probability&model=ic&p=0.05&gamma=0.2&phi=0.18&steps=all&seeds=107@0&runs=100&rng=1';

/**
 * The reached accounts (of the replayed cascade, or of the whole result) that are drawn but that
 * the eye cannot see: outside the canvas, or under anything painted over it (a button, a field, a
 * text, an element with a background: the layout line, the fit buttons, the legend).
 */
async function hiddenReached(
  page: Page,
  which: 'replay' | 'result',
): Promise<{ drawn: number; hidden: string[] }> {
  return page.evaluate((which) => {
    type Point = { x: number; y: number };
    type Sigma = {
      getContainer(): HTMLElement;
      getNodeDisplayData(key: string): (Point & { size: number }) | undefined;
      framedGraphToViewport(p: Point, override: { cameraState: object }): Point;
      getCamera(): { getState(): object };
    };
    const w = window as unknown as {
      ripple: {
        view: { value: { sigma: Sigma } };
        store: {
          trace: { value: { nodes: Uint32Array } };
          result: { value: { shard: { nodeCounts: Uint32Array } } };
        };
      };
    };
    const { sigma } = w.ripple.view.value;
    const nodes: number[] = [];
    if (which === 'replay') nodes.push(...w.ripple.store.trace.value.nodes);
    else {
      const counts = w.ripple.store.result.value.shard.nodeCounts;
      for (let i = 0; i < counts.length; i++) if (counts[i] > 0) nodes.push(i);
    }
    const box = sigma.getContainer().getBoundingClientRect();
    const stage = (document.querySelector('.stage-canvas') as HTMLElement).getBoundingClientRect();
    const controls = [...document.querySelectorAll('.stage-canvas *')]
      .filter((el) => !el.closest('.sigma-box'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') return false;
        const ownText = [...el.childNodes].some(
          (n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '',
        );
        const painted = style.backgroundColor !== 'rgba(0, 0, 0, 0)' || style.backgroundImage !== 'none';
        return el.matches('button, input, select, label') || ownText || painted;
      })
      .map((el) => ({ el, r: el.getBoundingClientRect() }));
    const hidden: string[] = [];
    let drawn = 0;
    for (const v of nodes) {
      const d = sigma.getNodeDisplayData(String(v));
      if (!d) continue;
      drawn++;
      // Through the camera's state, not the last frame's matrix (a frame of this graph can lag).
      const p = sigma.framedGraphToViewport(d, { cameraState: sigma.getCamera().getState() });
      const x = box.left + p.x;
      const y = box.top + p.y;
      const inside =
        x >= Math.max(box.left, stage.left) &&
        x <= Math.min(box.right, stage.right) &&
        y >= Math.max(box.top, stage.top) &&
        y <= Math.min(box.bottom, stage.bottom);
      const under = controls.find(({ r }) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
      if (!inside) hidden.push(`${v} outside at ${Math.round(x)},${Math.round(y)}`);
      else if (under)
        hidden.push(
          `${v} under ${under.el.className || under.el.tagName} at ${Math.round(x)},${Math.round(y)}`,
        );
    }
    return { drawn, hidden };
  }, which);
}

/** Wait until the camera has stopped moving (a fit animates it for 300 ms). */
async function cameraSettled(page: Page): Promise<void> {
  await page.waitForTimeout(150);
  await page.waitForFunction(() => {
    const w = window as unknown as {
      ripple: { view: { value: { sigma: { getCamera(): { isAnimated(): boolean } } } } };
    };
    return !w.ripple.view.value.sigma.getCamera().isAnimated();
  });
  await page.waitForTimeout(100);
}

const stepOf = async (page: Page) => Number(await page.getByTestId('playback').getAttribute('data-time'));
const activeOf = async (page: Page) => Number(await page.getByTestId('playback').getAttribute('data-active'));
const playingOf = async (page: Page) =>
  (await page.getByTestId('playback').getAttribute('data-playing')) === 'true';

/** Clearly coloured pixels of the graph canvas (see graphPixels). */
const colouredPixels = async (page: Page) => (await graphPixels(page, 'coloured')).count;

describe('playback', () => {
  it('replays a cascade: counters grow while playing, the canvas colours in, keys and scrub work', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watched = watchPage(page, served.url);
    // Karate club, p = 0.3 from account 33: run 0 spreads over several steps (small enough that
    // software WebGL redraws it quickly).
    await page.goto(`${served.url}#${HASH}`);
    await openApp(page, page.url());
    await layoutSettled(page);
    await page.getByTestId('run').click();
    await page.getByTestId('spread-mean').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });

    await page.getByTestId('playback-open').click();
    await page.getByTestId('playback').waitFor();
    // The same cascade as the engine's run 0 in Node.
    const end = Number(await page.getByTestId('playback-scrub').getAttribute('max'));
    const truth = await nodeTrace();
    expect(end).toBe(truth.lastStep);
    expect(end).toBeGreaterThanOrEqual(3);

    // Playing: the step and the active count grow, then it stops at the end.
    await page.getByTestId('playback-speed').selectOption('16');
    expect(await playingOf(page)).toBe(true);
    const seen: [number, number][] = [];
    await page.waitForFunction(
      () => Number((document.querySelector('[data-testid=playback]') as HTMLElement).dataset.time) >= 2,
      undefined,
      { timeout: 30_000, polling: 50 },
    );
    seen.push([await stepOf(page), await activeOf(page)]);
    await page.waitForFunction(
      () => (document.querySelector('[data-testid=playback]') as HTMLElement).dataset.playing === 'false',
      undefined,
      { timeout: 60_000 },
    );
    seen.push([await stepOf(page), await activeOf(page)]);
    expect(seen[1][0]).toBe(end);
    expect(seen[1][1]).toBeGreaterThan(seen[0][1]);
    expect(seen[1][1]).toBe(truth.active);
    expect(await page.getByTestId('playback-step').textContent()).toBe(`Step ${end} of ${end}`);

    // Keyboard, with focus on the page rather than a field.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Home');
    expect(await stepOf(page)).toBe(0);
    expect(await activeOf(page)).toBe(1); // the one seed
    const atStart = await colouredPixels(page);
    await page.keyboard.press('ArrowRight');
    expect(await stepOf(page)).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await stepOf(page)).toBe(2);
    await page.keyboard.press('ArrowLeft');
    expect(await stepOf(page)).toBe(1);
    await page.keyboard.press('End');
    expect(await stepOf(page)).toBe(end);
    // Pixel check: at the end many more nodes (and the edges that carried them) are coloured.
    await page.waitForTimeout(100);
    const atEnd = await colouredPixels(page);
    expect(atEnd).toBeGreaterThan(atStart * 1.2);

    await page.keyboard.press('Home');
    await page.keyboard.press(' ');
    expect(await playingOf(page)).toBe(true);
    await page.keyboard.press(' ');
    expect(await playingOf(page)).toBe(false);

    // Typing in a field does not drive playback.
    await page.getByTestId('tab-model').click();
    const runs = page.getByTestId('param-runs');
    await runs.focus();
    const before = await stepOf(page);
    await page.keyboard.press('ArrowRight');
    expect(await stepOf(page)).toBe(before);

    // Scrub bar and buttons.
    // As a drag does: set the value, fire 'input' (Playwright's fill does not move range inputs).
    await page.getByTestId('playback-scrub').evaluate((input: HTMLInputElement) => {
      input.value = '3';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await stepOf(page)).toBe(3);
    await page.getByTestId('playback-back').click();
    expect(await stepOf(page)).toBe(2);
    await page.getByTestId('playback-forward').click();
    expect(await stepOf(page)).toBe(3);
    await page.getByTestId('playback-color').selectOption('step');
    // What the colours mean is in the graph's legend (also painted into the PNG export).
    expect(await page.getByTestId('legend').textContent()).toContain('step 1');

    // Closing restores the plain view.
    await page.getByTestId('playback-close').click();
    expect(await page.getByTestId('playback').count()).toBe(0);
    expect(await page.getByTestId('legend').textContent()).not.toContain('step 1');
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
  }, 240_000);

  it('on ego-Facebook the replay frames the reached accounts in the canvas, clear of every control', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watched = watchPage(page, served.url);
    await page.goto(`${served.url}#${FACEBOOK}`);
    await openApp(page, page.url());
    await layoutSettled(page);
    await page.getByTestId('run').click();
    await page.getByTestId('spread-mean').filter({ hasText: /\d/ }).waitFor({ timeout: 120_000 });

    await page.getByTestId('playback-open').click();
    await page.getByTestId('playback').waitFor();
    // The controls are in the bar under the canvas, not over it.
    const canvasBox = await page.getByTestId('graph-canvas').boundingBox();
    const barBox = await page.getByTestId('playback').boundingBox();
    expect(canvasBox && barBox && barBox.y >= canvasBox.y + canvasBox.height - 1).toBe(true);
    await page.getByTestId('playback-play').click(); // pause: the picture holds still
    await cameraSettled(page);
    const replay = await hiddenReached(page, 'replay');
    expect(replay.drawn).toBeGreaterThan(20);
    expect(replay.hidden).toEqual([]);
    // At its end the cascade's edges are drawn by the wide program over the 1-pixel lines of the
    // rest (the edge-program trick in playback.ts), and only those.
    await page.getByTestId('playback-scrub').evaluate((input: HTMLInputElement) => {
      input.value = input.max;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const types = await page.evaluate(() => {
      type Sigma = { getGraph(): { edges(): string[] }; getEdgeDisplayData(k: string): { type: string } };
      const w = window as unknown as { ripple: { view: { value: { sigma: Sigma } } } };
      const sigma = w.ripple.view.value.sigma;
      const count: Record<string, number> = {};
      for (const e of sigma.getGraph().edges()) {
        const type = sigma.getEdgeDisplayData(e).type;
        count[type] = (count[type] ?? 0) + 1;
      }
      return count;
    });
    expect(types.line).toBeGreaterThan(0);
    expect(types.line).toBeLessThan(replay.drawn);
    expect(types.thin).toBeGreaterThan(80_000);

    // Move away, then "Fit to reached" frames the replayed cascade again.
    await page.evaluate(() => {
      const w = window as unknown as {
        ripple: { view: { value: { sigma: { getCamera(): { setState(s: object): void } } } } };
      };
      w.ripple.view.value.sigma.getCamera().setState({ x: 0.05, y: 0.95, ratio: 0.1 });
    });
    await cameraSettled(page);
    expect((await hiddenReached(page, 'replay')).hidden.length).toBeGreaterThan(0);
    await page.getByTestId('fit-reached').click();
    await cameraSettled(page);
    expect((await hiddenReached(page, 'replay')).hidden).toEqual([]);

    // Playback closed: "Fit to reached" frames every account the result reached.
    await page.getByTestId('playback-close').click();
    await page.evaluate(() => {
      const w = window as unknown as {
        ripple: { view: { value: { sigma: { getCamera(): { setState(s: object): void } } } } };
      };
      w.ripple.view.value.sigma.getCamera().setState({ x: 0.05, y: 0.95, ratio: 0.1 });
    });
    await cameraSettled(page);
    expect((await hiddenReached(page, 'result')).hidden.length).toBeGreaterThan(0);
    await page.getByTestId('fit-reached').click();
    await cameraSettled(page);
    const all = await hiddenReached(page, 'result');
    expect(all.drawn).toBeGreaterThan(replay.drawn);
    expect(all.hidden).toEqual([]);
    expect(watched.errors).toEqual([]);
    await page.close();
  }, 300_000);
});
