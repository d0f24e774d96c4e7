/**
 * Build the app once, serve it with `vite preview` (COOP/COEP headers on), and drive Debian's
 * Chromium through playwright-core. Flags from shared/PLATFORM.md: SwiftShader WebGL, and no
 * background networking (the machine has no internet).
 */
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';

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

export interface Served {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function serveApp(): Promise<Served> {
  await build({ logLevel: 'error' });
  const server: PreviewServer = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  const address = server.httpServer.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  return {
    url: `http://127.0.0.1:${address.port}/`,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
