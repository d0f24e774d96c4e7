/**
 * Take docs/screenshot.png from the built app: `npm run build && node docs/screenshot.mjs`.
 * Headless Chromium (CHROMIUM_PATH or /usr/bin/chromium) at 1280x800 opens the default dataset and
 * seed with random seed 3 (whose run 0, the one replayed, is a large cascade), runs it, and shows
 * the replayed cascade at step 12 (the view fits the replayed cascade by itself).
 */
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
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
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(
    `${url}#v=1&graph=bundled:facebook_combined.txt&direction=undirected&values=probability&model=ic&p=0.05&gamma=0.2&phi=0.18&steps=all&seeds=3437@0&runs=1000&rng=3`,
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
  await page.getByTestId('run').click();
  await page.getByTestId('spread-mean').filter({ hasText: /\d/ }).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1000);
  await page.getByTestId('playback-open').click();
  await page.getByTestId('playback').waitFor();
  if ((await page.getByTestId('playback').getAttribute('data-playing')) === 'true')
    await page.getByTestId('playback-play').click();
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Home');
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot.png' });
} finally {
  await browser.close();
  await server.close();
}
