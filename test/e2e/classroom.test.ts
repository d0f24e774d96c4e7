/**
 * Classroom mode in the built app, driven as a teacher would (clicks, keys, sliders):
 * - lesson 3 step by step: the hand-offs pulsed at each step are the engine's trace of that step
 *   (the same network, settings and random stream run in Node), every person's colour is the
 *   legend's colour of their state, the lone seed fails in all 100 runs, the circle of five
 *   succeeds in at least 95, and two runs differ;
 * - lesson 4: the 100-run dots go from mostly "died out" at p = 0.2 to mostly "global" at 0.6,
 *   and follow the slider live;
 * - a network drawn by clicks and drags survives a reload, opens from its link, and is saved to
 *   and read from a file; "our class" lists make a network;
 * - leaving the mode finds the user's scenario, graph and result as they were, field for field;
 * - no control covers a person at 1280x800, nor in the projector view, in any lesson.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Classroom } from '../../src/app/panels/classroom/model.ts';
import { networkCsr } from '../../src/app/panels/classroom/network.ts';
import { classroomFromFile } from '../../src/app/panels/classroom/saved.ts';
import { classroomSimulator } from '../../src/app/panels/classroom/sim/cascade.ts';
import { type CascadeSteps, cascadeSteps, stateAt } from '../../src/app/panels/classroom/steps.ts';
import { openApp, serveAppForFile, watchPage } from './browser.ts';

const served = serveAppForFile();

const KARATE =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.3&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=1';

type Handle = {
  ripple: {
    classroom: {
      state(): Classroom;
      step(): number;
      screenOf(i: number): { x: number; y: number; size: number } | null;
      sigma(): { getNodeDisplayData(key: string): { color: string } | undefined } | null;
    };
    store: { scenario: { value: object }; result: { value: unknown }; graph: { value: { serial: number } } };
  };
};

const classroomOf = (page: Page) =>
  page.evaluate(() => (window as unknown as Handle).ripple.classroom.state()) as Promise<Classroom>;

/** The cascade the page shows, recomputed in Node by the engine from the page's own settings. */
async function engineCascade(page: Page, run?: number): Promise<{ c: Classroom; steps: CascadeSteps }> {
  const c = await classroomOf(page);
  const csr = networkCsr(c.network);
  const r = run ?? c.run;
  const { trace } = classroomSimulator(csr, c)(c.seeds, c.rng, r, 1, r);
  if (!trace) throw new Error('no trace');
  return { c, steps: cascadeSteps(trace, csr) };
}

const stepOf = async (page: Page) =>
  Number(await page.getByTestId('classroom-step').getAttribute('data-step'));

async function waitStep(page: Page, step: number): Promise<void> {
  await page.locator(`[data-testid=classroom-pulses][data-step="${step}"]`).waitFor({ state: 'attached' });
}

/** The pulsed hand-offs of the step shown, as "sharer>adopter", sorted. */
async function pulsed(page: Page): Promise<string[]> {
  const text = (await page.getByTestId('classroom-pulses').getAttribute('data-handoffs')) ?? '';
  return text.split(' ').filter(Boolean).sort();
}

function expected(steps: CascadeSteps, s: number): string[] {
  const list = steps.handoffs[s] ?? new Int32Array(0);
  const out: string[] = [];
  for (let k = 0; k < list.length; k += 2) out.push(`${list[k]}>${list[k + 1]}`);
  return out.sort();
}

/** Every person's colour on the stage against the legend's colour of their state at step s. */
async function coloursMatchLegend(page: Page, steps: CascadeSteps, s: number): Promise<string[]> {
  const legend = await page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid=classroom-legend] li[data-state]')].map((li) => [
        (li as HTMLElement).dataset.state,
        getComputedStyle(li.querySelector('.swatch') as HTMLElement).backgroundColor,
      ]),
    ),
  );
  const drawn = await page.evaluate((n) => {
    const probe = document.createElement('span');
    document.body.append(probe);
    const out: string[] = [];
    const sigma = (window as unknown as Handle).ripple.classroom.sigma();
    for (let i = 0; i < n; i++) {
      probe.style.color = sigma?.getNodeDisplayData(String(i))?.color ?? 'transparent';
      out.push(getComputedStyle(probe).color);
    }
    probe.remove();
    return out;
  }, steps.n);
  const wrong: string[] = [];
  for (let v = 0; v < steps.n; v++) {
    const state = stateAt(steps, v, s);
    if (drawn[v] !== legend[state]) wrong.push(`${v}: ${state} drawn ${drawn[v]}, legend ${legend[state]}`);
  }
  return wrong;
}

/** Click "Run 100 times" and wait for the dots; returns the sizes. */
async function hundredRuns(page: Page): Promise<{ sizes: number[]; people: number }> {
  const start = page.getByTestId('classroom-runs-start');
  if (await start.isEnabled()) await start.click();
  return waitRuns(page);
}

async function waitRuns(page: Page, notKey?: string): Promise<{ sizes: number[]; people: number }> {
  await page.waitForFunction(
    (old) => {
      const f = document.querySelector('[data-testid=classroom-runs]') as HTMLElement | null;
      return f?.dataset.state === 'done' && f.dataset.sizes !== old;
    },
    notKey,
    { timeout: 30_000 },
  );
  const sizes = ((await page.getByTestId('classroom-runs').getAttribute('data-sizes')) ?? '')
    .split(' ')
    .map(Number);
  const people = (await classroomOf(page)).network.people.length;
  return { sizes, people };
}

async function enter(page: Page): Promise<void> {
  await page.getByTestId('classroom-enter').click();
  await page.getByTestId('classroom').waitFor();
}

describe('classroom mode', () => {
  it('lesson 3: pulses are the engine hand-offs, colours match the legend, lone fails, circle succeeds', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, served.url);
    await openApp(page, `${served.url}${KARATE}`);
    await enter(page);
    await page.getByTestId('classroom-lesson').selectOption('3');
    await page.locator('[data-testid=classroom][data-lesson="3"][data-part="0"]').waitFor();

    // A lone seed: nobody joins; its friends only hear of it. Never "step 0 of 0".
    const lone = await engineCascade(page);
    expect(lone.c.seeds).toEqual([0]);
    expect(lone.steps.reached[lone.steps.lastStep]).toBe(1);
    await expect.poll(() => page.getByTestId('classroom-bar').textContent()).not.toMatch(/of 0\b/);
    expect(await coloursMatchLegend(page, lone.steps, 0)).toEqual([]);
    await page.keyboard.press('Space');
    await waitStep(page, 1);
    expect(await pulsed(page)).toEqual([]);
    expect(await coloursMatchLegend(page, lone.steps, 1)).toEqual([]);
    const loneRuns = await hundredRuns(page);
    expect(loneRuns.sizes.length).toBe(100);
    expect(loneRuns.sizes.filter((s) => s === 1).length).toBe(100);

    // The circle of five, step by step with the keys.
    await page.getByTestId('classroom-part-2').click();
    await page.locator('[data-testid=classroom][data-part="1"]').waitFor();
    const circle = await engineCascade(page);
    expect(circle.c.seeds.length).toBe(5);
    expect(circle.steps.lastStep).toBeGreaterThan(5);
    expect(await stepOf(page)).toBe(0);
    for (let s = 1; s <= circle.steps.lastStep; s++) {
      await page.keyboard.press(s % 2 ? 'ArrowRight' : 'Space');
      await waitStep(page, s);
      expect(await pulsed(page)).toEqual(expected(circle.steps, s));
      if (s % 3 === 0 || s === circle.steps.lastStep)
        expect(await coloursMatchLegend(page, circle.steps, s)).toEqual([]);
      expect(Number(await page.getByTestId('classroom-reached').textContent())).toBe(circle.steps.reached[s]);
    }
    expect(expected(circle.steps, 3).length).toBeGreaterThan(0);
    await page.keyboard.press('ArrowLeft');
    await waitStep(page, circle.steps.lastStep - 1);
    await page.keyboard.press('r');
    await waitStep(page, 0);

    const circleRuns = await hundredRuns(page);
    const n = circleRuns.people;
    expect(circleRuns.sizes.filter((s) => s >= 0.9 * n).length).toBeGreaterThanOrEqual(95);

    // Another run differs (the model is random): other hand-offs, same setting.
    await page.getByTestId('classroom-again').click();
    await expect.poll(async () => (await classroomOf(page)).run).toBe(1);
    const again = await engineCascade(page);
    const all = (c: CascadeSteps) => c.handoffs.map((_, s) => expected(c, s).join(',')).join('|');
    expect(all(again.steps)).not.toBe(all(circle.steps));
    await page.keyboard.press('ArrowRight');
    await waitStep(page, 1);
    expect(await pulsed(page)).toEqual(expected(again.steps, 1));
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('lesson 4: the 100 runs go from dying out at 0.2 to going global at 0.6, and follow the slider', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openApp(page, `${served.url}${KARATE}`);
    await enter(page);
    await page.getByTestId('classroom-lesson').selectOption('4');
    await page.locator('[data-testid=classroom][data-lesson="4"]').waitFor();
    expect((await classroomOf(page)).p).toBe(0.2);
    const low = await hundredRuns(page);
    expect(low.sizes.filter((s) => s <= low.people / 10).length).toBeGreaterThanOrEqual(80);
    await page.getByTestId('classroom-part-2').click();
    const high = await hundredRuns(page);
    expect((await classroomOf(page)).p).toBe(0.6);
    expect(high.sizes.filter((s) => s >= high.people / 2).length).toBeGreaterThanOrEqual(80);
    // The slider re-runs at once: back to 0.2 by hand, the dots follow without another click.
    const before = high.sizes.join(' ');
    await page.getByTestId('classroom-p').fill('0.2');
    const live = await waitRuns(page, before);
    expect(live.sizes.join(' ')).toBe(low.sizes.join(' '));
    await expect.poll(() => page.getByTestId('classroom-p-value').textContent()).toBe('0.2');
    await page.close();
  });

  it('a drawn network survives a reload and a link; leaving restores the user scenario field for field', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, served.url);
    await openApp(page, `${served.url}${KARATE}`);
    await page.getByTestId('run').click();
    await page.getByTestId('spread-mean').waitFor({ timeout: 60_000 });
    const before = await page.evaluate(() => ({
      scenario: JSON.stringify((window as unknown as Handle).ripple.store.scenario.value),
      hash: location.hash,
    }));

    await enter(page);
    await page.getByTestId('classroom-network').selectOption('empty');
    await expect.poll(async () => (await classroomOf(page)).network.people.length).toBe(0);
    await page.getByTestId('classroom-tool-draw').click();
    const box = await page.getByTestId('classroom-canvas').boundingBox();
    if (!box) throw new Error('no stage');
    const spots = [
      [0.3, 0.35],
      [0.6, 0.3],
      [0.5, 0.7],
      [0.25, 0.7],
    ];
    for (const [fx, fy] of spots) await page.mouse.click(box.x + fx * box.width, box.y + fy * box.height);
    await expect.poll(async () => (await classroomOf(page)).network.people.length).toBe(4);
    const at = async (i: number) => {
      const p = await page.evaluate((k) => (window as unknown as Handle).ripple.classroom.screenOf(k), i);
      if (!p) throw new Error(`person ${i} not drawn`);
      return { x: box.x + p.x, y: box.y + p.y };
    };
    for (const [a, b] of [
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 3],
    ]) {
      const from = await at(a);
      const to = await at(b);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
      await page.mouse.move(to.x, to.y, { steps: 4 });
      await page.mouse.up();
    }
    await expect.poll(async () => (await classroomOf(page)).network.ties.length).toBe(4);
    // Erase one tie (2-0) by clicking its middle, and make person 3 a seed.
    await page.getByTestId('classroom-tool-erase').click();
    const a = await at(2);
    const b = await at(0);
    await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
    await expect.poll(async () => (await classroomOf(page)).network.ties.length).toBe(3);
    await page.getByTestId('classroom-tool-play').click();
    const seedAt = await at(3);
    await page.mouse.click(seedAt.x, seedAt.y);
    await expect.poll(async () => (await classroomOf(page)).seeds).toContain(3);
    const drawn = await classroomOf(page);
    expect(drawn.network.ties).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);

    // The link holds it: a reload and a fresh page on the link show the same network.
    await page.waitForFunction(() => location.hash.includes('&class='));
    const link = page.url();
    await page.reload();
    await page.getByTestId('classroom').waitFor({ timeout: 60_000 });
    expect(await classroomOf(page)).toEqual(drawn);
    const other = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await other.goto(link);
    await other.getByTestId('classroom').waitFor({ timeout: 60_000 });
    expect(await classroomOf(other)).toEqual(drawn);

    // The file: saved from the first page, opened in the second after another network.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('classroom-save').click(),
    ]);
    const saved = await readFile(await download.path(), 'utf8');
    expect(classroomFromFile(saved, 'saved')).toEqual(drawn);
    await other.getByTestId('classroom-network').selectOption('class');
    await other.getByTestId('classroom-class-list').fill('Ana: Ben, Chen\n小明：小红，Ana\nBen: Chen');
    await other.getByTestId('classroom-class-make').click();
    await expect
      .poll(async () => (await classroomOf(other)).network.people.map((q) => q.label))
      .toEqual(['Ana', 'Ben', 'Chen', '小明', '小红']);
    expect((await classroomOf(other)).network.ties.length).toBe(5);
    await other.getByTestId('classroom-open').setInputFiles({
      name: 'our-network.json',
      mimeType: 'application/json',
      buffer: Buffer.from(saved),
    });
    await expect.poll(() => classroomOf(other)).toEqual(drawn);
    await other.close();

    // Leaving: the user's scenario, graph and result, as they were (a fresh page: its own run).
    await page.getByTestId('classroom-lesson').selectOption('6');
    await page.getByTestId('classroom-seeds').fill('7');
    await page.getByTestId('classroom-leave').click();
    await page.getByTestId('classroom').waitFor({ state: 'detached' });
    await page.waitForFunction(() => !location.hash.includes('class='));
    const after = await page.evaluate(() => {
      const { store } = (window as unknown as Handle).ripple;
      return {
        scenario: JSON.stringify(store.scenario.value),
        hash: location.hash,
      };
    });
    expect(after.scenario).toBe(before.scenario);
    expect(after.hash).toBe(before.hash);
    await page.close();

    // The same on a page that kept its result in memory: entering and leaving never touch it.
    const third = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openApp(third, `${served.url}${KARATE}`);
    await third.getByTestId('run').click();
    await third.getByTestId('spread-mean').waitFor({ timeout: 60_000 });
    const snapshot = () =>
      third.evaluate(() => {
        const { store } = (window as unknown as Handle).ripple;
        return {
          scenario: store.scenario.value,
          result: store.result.value,
          serial: store.graph.value.serial,
          hash: location.hash,
          mean: document.querySelector('[data-testid=spread-mean]')?.textContent,
        };
      });
    const was = await snapshot();
    const same = await third.evaluate(() => {
      const w = window as unknown as Handle & { kept: unknown };
      w.kept = w.ripple.store.result.value;
      return true;
    });
    expect(same).toBe(true);
    await enter(third);
    await third.getByTestId('classroom-lesson').selectOption('2');
    await third.getByTestId('classroom-part-2').click();
    await third.keyboard.press('Space');
    await third.getByTestId('classroom-leave').click();
    await third.getByTestId('classroom').waitFor({ state: 'detached' });
    expect(await snapshot()).toEqual(was);
    expect(
      await third.evaluate(
        () =>
          (window as unknown as Handle & { kept: unknown }).kept ===
          (window as unknown as Handle).ripple.store.result.value,
      ),
    ).toBe(true);
    await third.close();
    expect(watch.errors).toEqual([]);
  });

  it('no control covers a person at 1280x800 or in the projector view, in any lesson', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openApp(page, `${served.url}${KARATE}`);
    await enter(page);
    const parts: Record<string, number> = { 1: 1, 2: 2, 3: 2, 4: 2, 5: 2, 6: 4 };
    for (const view of ['normal', 'projector'] as const) {
      if (view === 'projector') {
        await page.getByTestId('classroom-projector').click();
        await page.locator('.classroom.projector').waitFor();
      }
      for (const [lesson, count] of Object.entries(parts)) {
        await page.getByTestId('classroom-lesson').selectOption(lesson);
        for (let part = 0; part < count; part++) {
          if (count > 1) await page.getByTestId(`classroom-part-${part + 1}`).click();
          await page
            .locator(`[data-testid=classroom][data-lesson="${lesson}"][data-part="${part}"]`)
            .waitFor();
          await page.keyboard.press('ArrowRight');
          const hidden = await coveredPeople(page);
          expect(hidden, `${view} lesson ${lesson} part ${part + 1}`).toEqual([]);
        }
      }
    }
    await page.close();
  });
});

/**
 * People drawn outside the stage or under anything painted on the page (a control, a text, an
 * element with a background), from sigma's positions and the elements' boxes.
 */
function coveredPeople(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const handle = (window as unknown as Handle).ripple.classroom;
    const stage = (document.querySelector('.cls-stage') as HTMLElement).getBoundingClientRect();
    const canvas = (
      document.querySelector('[data-testid=classroom-canvas]') as HTMLElement
    ).getBoundingClientRect();
    const painted = [...document.querySelectorAll('.classroom *')]
      .filter((el) => !el.closest('.cls-stage'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none')
          return false;
        const ownText = [...el.childNodes].some(
          (n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '',
        );
        const paint = style.backgroundColor !== 'rgba(0, 0, 0, 0)' || style.backgroundImage !== 'none';
        return el.matches('button, input, select, label, textarea, svg, canvas') || ownText || paint;
      })
      .map((el) => ({ el, r: el.getBoundingClientRect() }));
    const n = handle.state().network.people.length;
    const bad: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = handle.screenOf(i);
      if (!p) {
        bad.push(`${i} not drawn`);
        continue;
      }
      const x = canvas.left + p.x;
      const y = canvas.top + p.y;
      const r = p.size;
      if (x - r < stage.left || x + r > stage.right || y - r < stage.top || y + r > stage.bottom)
        bad.push(`${i} outside the stage at ${Math.round(x)},${Math.round(y)}`);
      const under = painted.find(
        ({ r: b }) => x + r > b.left && x - r < b.right && y + r > b.top && y - r < b.bottom,
      );
      if (under)
        bad.push(`${i} under ${under.el.tagName}.${under.el.className} at ${Math.round(x)},${Math.round(y)}`);
    }
    return bad;
  });
}
