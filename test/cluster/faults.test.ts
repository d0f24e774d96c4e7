/**
 * Cluster faults, each ending in one clear line and nothing half-merged: Redis unreachable, Redis
 * stopped mid-job, Redis restarted mid-job (its shards lost), no worker connected (a notice after
 * a few seconds, then --cluster-timeout gives up), Ctrl-C (the pending shards are removed), and a
 * password-protected Redis (the right password works, a wrong one is refused and never shown), and
 * TLS (rediss://, a test certificate in test/fixtures/tls).
 */
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';
import { jsonInProcess } from '../support/cli-in-process.ts';
import {
  type Child,
  comparable,
  type RunAs,
  rippleChild,
  startWorker,
  stopWorker,
} from '../support/cluster.ts';
import { freePort, startRedis, type TestRedis } from '../support/redis.ts';

const SIMULATE = [
  'simulate',
  '--graph',
  'datasets/facebook_combined.txt',
  '--p',
  '0.03',
  '--seeds',
  'random:2',
  '--json',
];

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => {});
});

async function redisServer(options: Parameters<typeof startRedis>[0] = {}): Promise<TestRedis> {
  const redis = await startRedis(options);
  cleanup.push(() => redis.stop());
  return redis;
}

async function worker(url: string, env: Record<string, string> = {}, runAs: RunAs = 'node'): Promise<Child> {
  const w = await startWorker(url, [], env, runAs);
  cleanup.push(async () => {
    w.signal('SIGKILL');
    await w.exited;
  });
  return w;
}

/** Waiting and active shard counts of a Redis's queue. */
async function queued(port: number): Promise<{ waiting: number; active: number }> {
  const queue = new Queue('shards', { connection: { host: '127.0.0.1', port }, prefix: 'ripple' });
  try {
    const counts = await queue.getJobCounts('waiting', 'active');
    return { waiting: counts.waiting, active: counts.active };
  } finally {
    await queue.close();
  }
}

// Each test has its own Redis: they run at once, mostly waiting.
describe.concurrent('cluster faults', () => {
  it('an unreachable Redis: one clear line, exit 1 (coordinator and worker)', async () => {
    const port = await freePort();
    const coordinator = rippleChild([...SIMULATE, '--runs', '10', '--cluster', `redis://127.0.0.1:${port}`]);
    const lone = rippleChild(['worker', '--cluster', `redis://127.0.0.1:${port}`]);
    expect(await coordinator.exited).toBe(1);
    expect(coordinator.stdout.join('')).toBe('');
    expect(coordinator.stderr).toEqual([
      expect.stringMatching(
        new RegExp(
          `^ripple simulate: cannot reach Redis at redis://127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED`,
        ),
      ),
    ]);
    expect(await lone.exited).toBe(1);
    expect(lone.stderr).toEqual([
      expect.stringMatching(/^ripple worker: cannot reach Redis at .*ECONNREFUSED/),
    ]);
  });

  it('Redis stopped mid-job: one clear line, nothing printed, exit 1', async () => {
    const redis = await redisServer();
    const w = await worker(redis.url);
    const coordinator = rippleChild([...SIMULATE, '--runs', '6000', '--cluster', redis.url], {
      RIPPLE_CLUSTER_LOST_MS: '1500',
    });
    await w.waitFor(/"event":"shard"/, 30_000);
    await redis.stop();
    expect(await coordinator.exited).toBe(1);
    expect(coordinator.stdout.join('')).toBe('');
    expect(coordinator.stderr).toEqual([
      expect.stringMatching(
        /^ripple simulate: lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+ \(.*\) for 1\.5 s, with \d+ of \d+ shards done; nothing was merged$/,
      ),
    ]);
  });

  it('Redis restarted mid-job (no persistence): the lost shards are named, exit 1', async () => {
    const redis = await redisServer();
    const w = await worker(redis.url);
    const coordinator = rippleChild([...SIMULATE, '--runs', '6000', '--cluster', redis.url]);
    await w.waitFor(/"event":"shard"/, 30_000);
    await redis.stop();
    await redisServer({ port: redis.port });
    expect(await coordinator.exited).toBe(1);
    expect(coordinator.stdout.join('')).toBe('');
    expect(coordinator.stderr).toEqual([
      expect.stringMatching(
        /^ripple simulate: Redis at redis:\/\/127\.0\.0\.1:\d+ lost shard \d+ of \d+ \(was it restarted without persistence, or flushed\?\); nothing was merged$/,
      ),
    ]);
  });

  it('no worker: a notice after a few seconds; --cluster-timeout gives up; Ctrl-C removes the pending shards', async () => {
    const redis = await redisServer();
    const timed = rippleChild([
      ...SIMULATE,
      '--runs',
      '100',
      '--cluster',
      redis.url,
      '--cluster-timeout',
      '4',
    ]);
    const interrupted = rippleChild([...SIMULATE, '--runs', '100', '--cluster', redis.url]);
    const notice =
      /^ripple simulate: warning: no worker is connected to redis:\/\/127\.0\.0\.1:\d+; waiting \(start one with: ripple worker --cluster redis:\/\/127\.0\.0\.1:\d+\)$/;
    await interrupted.waitFor(notice);
    // Its shards are queued (15 ranges of 7 runs, the last of 2), maybe the other's too.
    expect((await queued(redis.port)).waiting).toBeGreaterThanOrEqual(15);
    interrupted.signal('SIGINT');
    expect(await interrupted.exited).toBe(130);
    expect(interrupted.stderr).toEqual([expect.stringMatching(notice), 'ripple simulate: interrupted']);
    expect(await timed.exited).toBe(1);
    expect(timed.stdout.join('')).toBe('');
    expect(timed.stderr).toEqual([
      expect.stringMatching(notice),
      expect.stringMatching(
        /^ripple simulate: no worker connected to redis:\/\/127\.0\.0\.1:\d+ for 4 s \(--cluster-timeout\); gave up and removed the pending shards$/,
      ),
    ]);
    expect(await queued(redis.port)).toEqual({ waiting: 0, active: 0 });
  });

  it('a password-protected Redis: the password in the URL works; a wrong one is refused and never shown', async () => {
    const password = 'se cret:/@1';
    const redis = await redisServer({ password });
    expect(redis.url).toMatch(/^redis:\/\/:se%20cret%3A%2F%401@127\.0\.0\.1:\d+$/);
    const args = [...SIMULATE.slice(0, -1), '--runs', '300', '--rng', '2'];
    const [w, local] = await Promise.all([worker(redis.url), jsonInProcess(...args, '--workers', '1')]);
    // As a process, with the progress bar forced on: progress shows on stderr as in local runs.
    const remote = rippleChild([...args, '--json', '--cluster', redis.url], { RIPPLE_PROGRESS: 'always' });
    const wrong = rippleChild([
      ...SIMULATE,
      '--runs',
      '10',
      '--cluster',
      `redis://:hunter2@127.0.0.1:${redis.port}`,
    ]);
    const none = rippleChild([...SIMULATE, '--runs', '10', '--cluster', `redis://127.0.0.1:${redis.port}`]);
    expect(await remote.exited).toBe(0);
    expect(comparable(JSON.parse(remote.stdout.join('')))).toEqual(comparable(local));
    expect(remote.stderr.join('\n')).toMatch(/simulating \[#+\.*\] \d+\/300/);
    expect(w.stdout.some((l) => l.includes('"event":"shard"'))).toBe(true);

    expect(await wrong.exited).toBe(1);
    expect(wrong.stderr).toEqual([
      expect.stringMatching(
        /^ripple simulate: Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ refused the credentials \(WRONGPASS/,
      ),
    ]);
    expect(wrong.stderr.join('')).not.toContain('hunter2');
    expect(await none.exited).toBe(1);
    expect(none.stderr).toEqual([
      expect.stringMatching(/^ripple simulate: Redis at .* refused the credentials \(NOAUTH/),
    ]);
    await stopWorker(w);
  });

  it('TLS (rediss://): with the server CA trusted the results are the local ones; without it, one clear error', async () => {
    const tls = {
      cert: join(ROOT, 'test/fixtures/tls/localhost.crt'),
      key: join(ROOT, 'test/fixtures/tls/localhost.key'),
    };
    const redis = await redisServer({ tls });
    expect(redis.url).toMatch(/^rediss:\/\/127\.0\.0\.1:\d+$/);
    // The CA is trusted through NODE_EXTRA_CA_CERTS only, read by Node itself (`node
    // bin/ripple.mjs`) or, as the executable starts Node without it, by the connection.
    const ca = { NODE_EXTRA_CA_CERTS: tls.cert };
    const args = [...SIMULATE.slice(0, -1), '--runs', '200', '--rng', '4'];
    const [, local] = await Promise.all([
      worker(redis.url, ca, 'executable'),
      jsonInProcess(...args, '--workers', '1'),
    ]);
    const remote = rippleChild([...args, '--json', '--cluster', redis.url], ca);
    const remoteExecutable = rippleChild([...args, '--json', '--cluster', redis.url], ca, 'executable');
    const untrusted = rippleChild([...SIMULATE, '--runs', '10', '--cluster', redis.url], {}, 'executable');
    for (const run of [remote, remoteExecutable]) {
      expect(await run.exited).toBe(0);
      expect(run.stderr).toEqual([]);
      expect(comparable(JSON.parse(run.stdout.join('')))).toEqual(comparable(local));
    }
    expect(await untrusted.exited).toBe(1);
    expect(untrusted.stderr).toEqual([
      expect.stringMatching(
        /^ripple simulate: cannot reach Redis at rediss:\/\/127\.0\.0\.1:\d+ \(.*self-signed certificate/,
      ),
    ]);
  });
});
