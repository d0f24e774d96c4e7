#!/usr/bin/env node
/**
 * `npm test`: the whole suite on a fresh machine. First what npm cannot install: Debian's
 * Chromium for the browser tests (and a CJK font, so Chinese text renders in screenshots) and
 * redis-server for the cluster tests (which start their own on a loopback port), with apt-get
 * when running as root, else one line saying what to install. Then lint, type check and
 * vitest (unit, worker and CLI tests in parallel, then the browser tests one file at a time).
 * Extra arguments go to vitest (`npm test -- test/app`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const redisServer = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0) return false;
  return run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env }) === 0;
}

const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (
  spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim() === '' ||
  !existsSync('/usr/bin/fc-list')
)
  missing.push('fonts-wqy-microhei');
if (!existsSync(redisServer)) missing.push('redis-server');
if (missing.length > 0) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (root && apt && !process.env.CHROMIUM_PATH && !process.env.REDIS_SERVER) {
    console.log(
      `npm test: installing ${missing.join(' ')} with apt-get (the browser and cluster tests need them)`,
    );
    if (!aptInstall(missing)) {
      console.error(`npm test: apt-get could not install ${missing.join(' ')}`);
      process.exit(1);
    }
  } else if (missing.includes('chromium')) {
    console.error(
      `npm test: the browser tests need Chromium at ${chromium}: install it (Debian: apt-get install chromium fonts-wqy-microhei) or set CHROMIUM_PATH`,
    );
    process.exit(1);
  } else if (missing.includes('redis-server')) {
    console.error(
      `npm test: the cluster tests need redis-server at ${redisServer}: install it (Debian: apt-get install redis-server) or set REDIS_SERVER`,
    );
    process.exit(1);
  }
}

const steps = [
  ['npx', ['biome', 'check', '.']],
  ['npx', ['tsc', '--noEmit']],
  ['npx', ['vitest', 'run', ...process.argv.slice(2)]],
];
for (const [command, args] of steps) {
  const status = run(command, args);
  if (status !== 0) process.exit(status);
}
