/**
 * Build the app once per change of its sources (a stamp of every input's size and mtime; a lock
 * directory so e2e files running in parallel wait for one build), serve it with `vite preview`
 * (COOP/COEP headers on), and drive Debian's Chromium through playwright-core. Flags from
 * shared/PLATFORM.md: SwiftShader WebGL, and no background networking (no internet here).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const ROOT = process.cwd();
const OUT_DIR = join(ROOT, '.cache', 'e2e-dist');
const STAMP = join(OUT_DIR, '.stamp');
const LOCK = join(ROOT, '.cache', 'e2e-build.lock');
const INPUTS = ['src', 'workers', 'datasets', 'index.html', 'vite.config.ts', 'package-lock.json'];

function stampOf(): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    const s = statSync(path, { throwIfNoEntry: false });
    if (!s) return;
    if (s.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else hash.update(`${path}:${s.size}:${s.mtimeMs}\n`);
  };
  for (const input of INPUTS) visit(join(ROOT, input));
  return hash.digest('hex');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Build into .cache/e2e-dist unless the stamp says the build is current. */
export async function buildOnce(): Promise<string> {
  const stamp = stampOf();
  const current = () => readFileSync(STAMP, { encoding: 'utf8', flag: 'a+' }) === stamp;
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  for (;;) {
    try {
      if (statSync(OUT_DIR, { throwIfNoEntry: false }) && current()) return OUT_DIR;
    } catch {
      // no stamp yet
    }
    try {
      mkdirSync(LOCK);
    } catch {
      // Another test file is building; a lock older than 5 minutes is stale.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      if (statSync(OUT_DIR, { throwIfNoEntry: false }) && current()) return OUT_DIR;
      await build({ logLevel: 'error', build: { outDir: OUT_DIR, emptyOutDir: true } });
      writeFileSync(STAMP, stamp);
      return OUT_DIR;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

export interface Served {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Serve the built app to a new Chromium; `flags` are added to the usual ones (e.g. '--disable-webgl'). */
export async function serveApp(flags: string[] = []): Promise<Served> {
  const outDir = await buildOnce();
  const server: PreviewServer = await preview({
    preview: { port: 0, host: '127.0.0.1' },
    build: { outDir },
    logLevel: 'error',
  });
  const address = server.httpServer.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...FLAGS, ...flags],
    headless: true,
  });
  return {
    url: `http://127.0.0.1:${address.port}/`,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The built app served for the tests of one file: started before them, closed after them. Call at
 * the top level of a test file; the fields are usable inside its tests.
 */
export function serveAppForFile(flags: string[] = []): Served {
  let served: Served | null = null;
  beforeAll(async () => {
    served = await serveApp(flags);
  }, 300_000);
  afterAll(async () => {
    await served?.close();
  });
  const running = (): Served => {
    if (!served) throw new Error('the app is not served: its beforeAll hook failed or has not run');
    return served;
  };
  return {
    get url() {
      return running().url;
    },
    get browser() {
      return running().browser;
    },
    close: () => running().close(),
  };
}

/** Type a value into an input and fire its change event (the panels read their forms on change). */
/**
 * A fresh page in a zh-CN browser context on `query` (e.g. "?graph=…"), once the graph's summary
 * says it is loaded in Chinese (a bundled graph's summary starts with its name, here Zachary's
 * karate club unless `summary` says otherwise).
 */
export async function openInChinese(
  served: Served,
  query: string,
  summary = /^Zachary.*个节点/,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await served.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${served.url}${query}`);
  await page
    .getByTestId('graph-summary')
    .filter({ hasText: summary })
    .waitFor({ state: 'attached', timeout: 60_000 });
  return { context, page };
}

/**
 * The visible texts of the open tab panel, with its aria-labels, titles and placeholders, and
 * those of them holding a Latin word (two letters or more) that is not in `allowed` (lower case:
 * ids, file names, model names): what a Chinese page must not show.
 */
export async function latinLeft(
  page: Page,
  allowed: readonly string[],
): Promise<{ texts: string[]; left: string[] }> {
  const texts = await page.evaluate(() => {
    const panel = document.querySelector('[role=tabpanel]:not([hidden])') as HTMLElement;
    const out: string[] = [];
    const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text && node.parentElement?.checkVisibility()) out.push(text);
    }
    for (const el of panel.querySelectorAll('[aria-label], [title], [placeholder]'))
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const text = el.getAttribute(name);
        if (text) out.push(text);
      }
    return out;
  });
  const ok = new Set(allowed);
  const left = texts.filter((text) =>
    (text.match(/[A-Za-z]{2,}/g) ?? []).some((w) => !ok.has(w.toLowerCase())),
  );
  return { texts, left };
}

export async function fillField(page: Page, testid: string, value: string | number): Promise<void> {
  const input = page.getByTestId(testid);
  await input.fill(String(value));
  await input.dispatchEvent('change');
}

/**
 * Click a panel's start button and wait until its task bar (src/app/ui/TaskBar.tsx) has ended;
 * returns the final state: done, cancelled or error.
 */
export async function runTask(page: Page, button: string, task: string, timeout = 60_000): Promise<string> {
  await page.getByTestId(button).click();
  await page.waitForFunction(
    (testid) => {
      const s = document.querySelector(`[data-testid=${testid}]`) as HTMLElement | null;
      return s && s.dataset.state !== 'running' && s.dataset.state !== 'idle';
    },
    task,
    { timeout },
  );
  return (await page.getByTestId(task).getAttribute('data-state')) ?? '';
}

/** Requests to other origins and page errors, collected for assertions. */
export function watchPage(page: Page, origin: string): { foreign: string[]; errors: string[] } {
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { foreign, errors };
}

/** Open the app and wait until the default graph is loaded and laid out (or cached). */
/**
 * Open the app on a scenario link (hash), wait until the named graph is loaded (the link is read
 * by the app itself), and show a tab.
 */
export async function openOnTab(
  page: Page,
  url: string,
  hash: string,
  name: RegExp,
  tab: string,
): Promise<void> {
  await openApp(page, `${url}${hash}`);
  await page
    .getByTestId('graph-summary')
    .filter({ hasText: name })
    .waitFor({ state: 'attached', timeout: 60_000 });
  await page.getByTestId(`tab-${tab}`).click();
}

export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  try {
    await page
      .getByTestId('graph-summary')
      .filter({ hasText: /nodes/ })
      .waitFor({ state: 'attached', timeout: 60_000 });
  } catch (error) {
    // Say what the page shows instead (an alert, a load still running), not just "timeout".
    const state = await page
      .evaluate(() => ({
        alert: document.querySelector('[data-testid=alert]')?.textContent,
        loading: document.querySelector('[data-testid=load-status]')?.textContent,
        app: document.getElementById('app')?.textContent?.slice(0, 200),
      }))
      .catch(() => null);
    throw new Error(`the app did not show a loaded graph: ${JSON.stringify(state)}`, { cause: error });
  }
}

/** Wait until the layout is no longer running. */
export async function layoutSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = document.querySelector('[data-testid=layout-status]') as HTMLElement | null;
      return s && s.dataset.state !== 'running' && s.dataset.state !== 'none';
    },
    undefined,
    { timeout: 60_000 },
  );
}

/**
 * Pixels of a screenshot of the graph canvas, counted in the page (a 2D canvas can read an image):
 * 'inked' = not near-white (anything drawn), 'coloured' = clearly saturated (not grey, not white:
 * activated nodes and seeds, not the grey of plain accounts and edges).
 */
export async function graphPixels(
  page: Page,
  kind: 'inked' | 'coloured',
): Promise<{ count: number; total: number }> {
  const png = await page.getByTestId('graph-canvas').screenshot();
  return page.evaluate(
    async ({ b64, kind }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      g.drawImage(image, 0, 0);
      const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 0; i < d.length; i += 4) {
        const max = Math.max(d[i], d[i + 1], d[i + 2]);
        const min = Math.min(d[i], d[i + 1], d[i + 2]);
        if (kind === 'inked' ? min < 200 : max - min > 60) count++;
      }
      return { count, total: d.length / 4 };
    },
    { b64: png.toString('base64'), kind },
  );
}

/** How many drawn edges each of sigma's edge programs draws ('thin', 'line'). */
export function edgeTypeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    type Sigma = { getGraph(): { edges(): string[] }; getEdgeDisplayData(k: string): { type: string } };
    const sigma = (window as unknown as { ripple: { view: { value: { sigma: Sigma } } } }).ripple.view.value
      .sigma;
    const count: Record<string, number> = {};
    for (const e of sigma.getGraph().edges()) {
      const type = sigma.getEdgeDisplayData(e).type;
      count[type] = (count[type] ?? 0) + 1;
    }
    return count;
  });
}
