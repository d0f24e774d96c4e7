/**
 * `npm start` as a user runs it on a machine with no browser opener: the app is served, nothing
 * like a stack trace is printed, and stopping npm (SIGTERM, as a process manager or a closed
 * terminal does) stops vite too, leaving nothing listening.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('npm start', () => {
  it('serves the app, prints no stack trace, and stops with npm', async () => {
    const port = 5600 + Math.floor(Math.random() * 300);
    const child = spawn('npm', ['start', '--', '--port', String(port), '--strictPort'], {
      env: { ...process.env, PATH: process.env.PATH, BROWSER: 'none', DISPLAY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const url = `http://127.0.0.1:${port}/`;
    let page = '';
    for (let i = 0; i < 120 && page === ''; i++) {
      await sleep(500);
      page = await fetch(url)
        .then((r) => (r.ok ? r.text() : ''))
        .catch(() => '');
    }
    expect(page).toContain('<main id="app"');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    await exited;
    let stillServing = true;
    for (let i = 0; i < 20 && stillServing; i++) {
      await sleep(250);
      stillServing = await fetch(url)
        .then(() => true)
        .catch(() => false);
    }
    expect(stillServing).toBe(false);
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+|ENOENT|Error:/);
  }, 90_000);
});
