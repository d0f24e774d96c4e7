// Screenshots of each classroom lesson in English and Chinese (docs/classroom/*.png), from the
// built app: `npx vite build --outDir .cache/e2e-dist && node docs/classroom/screenshots.mjs`.
// Each lesson opens on its last part, a few steps in, with the 100-run dots shown.
import { chromium } from 'playwright-core';
import { preview } from 'vite';

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
const KARATE =
  '#v=1&graph=bundled:karate.txt&direction=undirected&values=probability&model=ic&p=0.3&gamma=0.2&phi=0.18&steps=all&seeds=33@0&runs=200&rng=1';
const PARTS = { 1: 1, 2: 2, 3: 2, 4: 2, 5: 1, 6: 3 };

const server = await preview({
  preview: { port: 0, host: '127.0.0.1' },
  build: { outDir: '.cache/e2e-dist' },
  logLevel: 'error',
});
const url = `http://127.0.0.1:${server.httpServer.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: FLAGS,
});
for (const lang of ['en', 'zh-CN']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.addInitScript((tag) => localStorage.setItem('ripple.language', tag), lang);
  await page.goto(url + KARATE);
  await page.getByTestId('graph-summary').waitFor({ state: 'attached', timeout: 60_000 });
  await page.getByTestId('classroom-enter').click();
  for (const [lesson, part] of Object.entries(PARTS)) {
    await page.getByTestId('classroom-lesson').selectOption(lesson);
    if (part > 1) await page.getByTestId(`classroom-part-${part}`).click();
    await page.getByTestId('classroom-runs-start').click();
    await page.locator('[data-testid=classroom-runs][data-state=done]').waitFor();
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(1200);
    const name = `docs/classroom/lesson${lesson}-${lang === 'en' ? 'en' : 'zh'}.png`;
    await page.screenshot({ path: name });
    console.log(name);
  }
  await page.getByTestId('classroom-projector').click();
  await page.getByTestId('classroom-lesson').selectOption('3');
  await page.getByTestId('classroom-part-2').click();
  for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(400);
  const name = `docs/classroom/projector-${lang === 'en' ? 'en' : 'zh'}.png`;
  await page.screenshot({ path: name });
  console.log(name);
  await page.close();
}
await browser.close();
await server.close();
