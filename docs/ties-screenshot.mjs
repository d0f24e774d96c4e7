/**
 * Take docs/ties-panel.png from the built app: `npm run build && node docs/ties-screenshot.mjs`
 * (or OUT_DIR=.cache/e2e-dist to use the end-to-end tests' build; LANG_TAG=zh-CN for Chinese, to
 * docs/ties-panel-zh.png). Headless Chromium at 1280x800 opens email-Eu-core (ic, p = 0.05, seeds
 * 0, 1, 2), turns the Ties lens on and runs the removal experiment (5 points per order, 50 runs).
 */
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const zh = process.env.LANG_TAG === 'zh-CN';
const server = await preview({
  preview: { port: 0, host: '127.0.0.1' },
  build: { outDir: process.env.OUT_DIR ?? 'dist' },
  logLevel: 'error',
});
const url = `http://127.0.0.1:${server.httpServer.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--disable-background-networking',
  ],
});
try {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: zh ? 'zh-CN' : 'en-US',
  });
  const page = await context.newPage();
  await page.goto(
    `${url}#v=1&graph=bundled:email-Eu-core.txt&direction=influences&values=probability&model=ic&p=0.05&gamma=0.2&phi=0.18&steps=all&seeds=0,1,2@0&runs=200&rng=1`,
  );
  await page
    .getByTestId('graph-summary')
    .filter({ hasText: /email/ })
    .waitFor({ state: 'attached', timeout: 120_000 });
  await page.waitForFunction(
    () => {
      const s = document.querySelector('[data-testid=layout-status]');
      return s && s.dataset.state !== 'running' && s.dataset.state !== 'none';
    },
    undefined,
    { timeout: 300_000 },
  );
  await page.getByTestId('tab-ties').click();
  await page.getByTestId('ties-lens').check();
  await page.getByTestId('ties-kinds').waitFor({ timeout: 120_000 });
  await page.getByTestId('ties-removal-steps').fill('5');
  await page.getByTestId('ties-removal-steps').dispatchEvent('change');
  await page.getByTestId('ties-removal-runs').fill('50');
  await page.getByTestId('ties-removal-runs').dispatchEvent('change');
  await page.getByTestId('ties-removal-run').click();
  await page.locator('[data-testid=ties-removal-task][data-state=done]').waitFor({ timeout: 120_000 });
  await page.getByTestId('ties-removal-component').scrollIntoViewIfNeeded();
  await page.waitForTimeout(800);
  await page.screenshot({ path: zh ? 'docs/ties-panel-zh.png' : 'docs/ties-panel.png' });
} finally {
  await browser.close();
  await server.close();
}
