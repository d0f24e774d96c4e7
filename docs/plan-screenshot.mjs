/**
 * Take docs/plan-panel.png from the built app: `npm run build && node docs/plan-screenshot.mjs`
 * (or OUT_DIR=.cache/e2e-dist to use the end-to-end tests' build). Headless Chromium at 1024x720
 * opens the karate club (ic, p = 0.1, random seed 7), plans a budget of 30 with costs 2 + 1 per
 * follower, and shows the plan's seeds on the graph beside the panel's figures.
 */
import { chromium } from 'playwright-core';
import { preview } from 'vite';

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
  const page = await browser.newPage({ viewport: { width: 1024, height: 720 } });
  await page.goto(
    `${url}#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.1&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=7&budget=30&costs=formula:2:1&objective=reach&conversion=0.01&value=30&cpm=8`,
  );
  await page
    .getByTestId('graph-summary')
    .filter({ hasText: /nodes/ })
    .waitFor({ state: 'attached', timeout: 120_000 });
  await page.waitForFunction(
    () => {
      const s = document.querySelector('[data-testid=layout-status]');
      return s && s.dataset.state !== 'running' && s.dataset.state !== 'none';
    },
    undefined,
    { timeout: 300_000 },
  );
  await page.getByTestId('tab-plan').click();
  await page.getByTestId('plan-run').click();
  await page.getByTestId('plan-task').and(page.locator('[data-state=done]')).waitFor({ timeout: 120_000 });
  await page.getByTestId('plan-figures').scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/plan-panel.png' });
} finally {
  await browser.close();
  await server.close();
}
