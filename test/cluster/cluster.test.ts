/**
 * The cluster on this machine, as in docs/cluster.md: a redis-server on a free loopback port and
 * two `ripple worker` processes. The four distributed commands give the JSON of their local run
 * (timings and thread counts aside); a bad shard fails with its message and is not retried; a
 * late duplicate result is ignored; a worker killed with SIGKILL mid-shard changes nothing, its
 * shard being run again by the other worker after BullMQ's stalled-job check.
 */
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { encodePayload } from '../../src/cluster/codec.ts';
import { putGraph } from '../../src/cluster/graph-store.ts';
import { PREFIX, QUEUE } from '../../src/cluster/protocol.ts';
import { ClusterRunner } from '../../src/cluster/runner.ts';
import { resolveParams } from '../../src/diffusion/defaults.ts';
import { createNodePool } from '../../src/engine/spawn-node.ts';
import { encodeSnapshot, snapshotHash } from '../../src/graph/snapshot.ts';
import { jsonInProcess } from '../support/cli-in-process.ts';
import { type Child, comparable, shardLines, startWorker, stopWorker } from '../support/cluster.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { ENGINE_WORKER } from '../support/workers.ts';

let redis: TestRedis;
let workers: Child[] = [];
const connection = () => ({ host: '127.0.0.1', port: redis.port });

beforeAll(async () => {
  redis = await startRedis();
  workers = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => stopWorker(w)));
  await redis?.stop();
});

describe('the four commands on the cluster equal their local runs', () => {
  const cases: [string, string[]][] = [
    [
      'simulate',
      [
        'simulate',
        '--graph',
        'datasets/facebook_combined.txt',
        '--p',
        '0.02',
        '--seeds',
        'top:degree:3',
        '--runs',
        '600',
        '--rng',
        '3',
        '--trace',
      ],
    ],
    [
      'tipping',
      [
        'tipping',
        '--graph',
        'datasets/karate.txt',
        '--vary',
        'p',
        '--from',
        '0.05',
        '--to',
        '0.5',
        '--steps',
        '4',
        '--runs',
        '200',
        '--refine',
        '1',
        '--rng',
        '4',
      ],
    ],
    [
      'seeds (IMM on RR sets)',
      [
        'seeds',
        '--graph',
        'datasets/NetHEPT.txt',
        '--k',
        '5',
        '--model',
        'wc',
        '--epsilon',
        '0.5',
        '--runs',
        '300',
        '--rng',
        '5',
      ],
    ],
    [
      'rank --metric influence',
      [
        'rank',
        '--graph',
        'datasets/NetHEPT.txt',
        '--metric',
        'influence',
        '--sets',
        '20000',
        '--top',
        '8',
        '--rng',
        '6',
      ],
    ],
  ];
  for (const [name, args] of cases) {
    it(name, async () => {
      const [local, cluster] = await Promise.all([
        jsonInProcess(...args, '--workers', '1'),
        jsonInProcess(...args, '--cluster', redis.url),
      ]);
      expect(comparable(cluster)).toEqual(comparable(local));
      expect(cluster.workers).toBe(2); // the two workers' threads
    });
  }
});

describe('shards', () => {
  it('a bad shard fails with its message and is not retried', async () => {
    const karate = await readGraphFile('datasets/karate.txt', { direction: 'undirected' });
    const bytes = encodeSnapshot({ csr: karate.csr });
    const hash = snapshotHash(bytes);
    const client = new Redis(connection());
    await putGraph(client, hash, () => bytes);
    client.disconnect();
    const request = {
      params: resolveParams({ model: 'ic', p: 0.1 }, karate.csr),
      seeds: { kind: 'groups', groups: [{ nodes: [0], start: 0 }] },
      rngSeed: 1,
      firstRun: 0,
      runCount: 10,
      traceRun: null,
      nodeCounts: false,
    };
    const shard = (change: Record<string, unknown>, input: unknown[] = [request]) => ({
      v: 1,
      run: 'bad-shard-test',
      shard: 0,
      of: 1,
      graph: hash,
      kind: 'simulateRuns',
      units: 10,
      input: encodePayload(input),
      ...change,
    });
    const cases: [Record<string, unknown>, RegExp][] = [
      [shard({ kind: 'outDegreeSum' }), /^bad shard: unknown job kind 'outDegreeSum'/],
      [shard({ extra: 1 }), /^bad shard: unknown field 'extra'/],
      [shard({ input: '{"not json' }), /^bad shard: the payload is not valid JSON$/],
      [
        shard({}, [{ ...request, runCount: 1e12 }]),
        /^bad shard: input\.runCount: expected a whole number from 1 to 100000000, got 1000000000000$/,
      ],
      [
        shard({}, [{ ...request, seeds: { kind: 'groups', groups: [{ nodes: [34], start: 0 }] } }]),
        /^bad shard: input\.seeds\.groups\[0\]\.nodes\[0\]: expected a whole number from 0 to 33, got 34$/,
      ],
      [
        shard({}, [{ ...request, params: { ...request.params, p: 2 } }]),
        /^bad shard: input\.params\.p: expected a number from 0 to 1, got 2$/,
      ],
      [shard({}, [{ ...request, rngSeed: 1, evil: true }]), /^bad shard: input: unknown field 'evil'$/],
      [shard({ graph: '0'.repeat(32) }), /^graph 0{32} is not in Redis/],
    ];
    const queue = new Queue(QUEUE, { connection: connection(), prefix: PREFIX });
    const events = new QueueEvents(QUEUE, { connection: connection(), prefix: PREFIX });
    await events.waitUntilReady();
    try {
      for (const [i, [data, message]] of cases.entries()) {
        // Three attempts allowed: a bad shard must use one.
        const job = await queue.add('simulateRuns', data, { jobId: `bad-shard-test.${i}`, attempts: 3 });
        // 45 s: under a loaded CI run the workers may still be busy with the shards of the tests
        // before (once more than 20 s); a bad shard itself fails at once.
        await expect(job.waitUntilFinished(events, 45_000)).rejects.toThrow(message);
        const failed = await queue.getJob(job.id as string);
        expect(failed?.attemptsMade, String(message)).toBe(1);
      }
    } finally {
      await events.close();
      await queue.close();
    }
    expect(workers.flatMap((w) => w.stdout).filter((l) => l.includes('"event":"failed"'))).toHaveLength(
      cases.length,
    );
  }, 180_000);

  it('a late duplicate result is ignored', async () => {
    const { csr } = await readGraphFile('datasets/facebook_combined.txt', { direction: 'undirected' });
    const request = {
      params: resolveParams({ model: 'ic', p: 0.03 }, csr),
      seeds: { kind: 'random', k: 3 } as const,
      runs: 1600,
      rngSeed: 11,
      traceRun: null,
    };
    const local = createNodePool(ENGINE_WORKER, 1);
    local.setGraph(csr);
    const expected = await local.simulate(request);
    local.terminate();

    const runner = new ClusterRunner({ url: redis.url, local: () => createNodePool(ENGINE_WORKER, 1) });
    runner.setGraph(csr);
    const queue = new Queue(QUEUE, { connection: connection(), prefix: PREFIX });
    const events = new QueueEvents(QUEUE, { connection: connection(), prefix: PREFIX });
    await events.waitUntilReady();
    // When the first shard is taken, keep its data; when it completes, queue it again (next in
    // line) under another job id with another rng seed: a result for a shard already merged,
    // which would change the numbers if it were used.
    let first: { id: string; data: Promise<Record<string, unknown>> } | null = null;
    let injected = false;
    events.on('active', ({ jobId }) => {
      if (first) return;
      first = { id: jobId, data: queue.getJob(jobId).then((job) => job?.data ?? {}) };
    });
    events.on('completed', async ({ jobId }) => {
      if (injected || !first || jobId !== first.id) return;
      injected = true;
      const data = await first.data;
      const input = JSON.parse(data.input as string);
      input[0].rngSeed += 1;
      await queue.add(
        'simulateRuns',
        { ...data, input: JSON.stringify(input) },
        { jobId: `${jobId}-late`, lifo: true },
      );
    });
    try {
      const result = await runner.simulate(request);
      expect(injected).toBe(true);
      expect(runner.duplicates).toBe(1);
      expect(result).toEqual(expected);
    } finally {
      await runner.terminate();
      await events.close();
      await queue.close();
    }
  });

  it('a worker killed mid-shard (SIGKILL): its shard runs again on the other worker, the result unchanged', async () => {
    const args = [
      'simulate',
      '--graph',
      'datasets/facebook_combined.txt',
      '--p',
      '0.03',
      '--seeds',
      'random:2',
      '--runs',
      '3200',
      '--rng',
      '8',
    ];
    const local = await jsonInProcess(...args, '--workers', '1');
    const [victim, survivor] = workers;
    const events = new QueueEvents(QUEUE, { connection: connection(), prefix: PREFIX });
    await events.waitUntilReady();
    let stalled = 0;
    events.on('stalled', () => {
      stalled++;
    });
    // Only the victim takes shards at first: it holds two at once when it is killed.
    // SIGTERM: a clean stop (exit 0) after the shards in hand, said in its log.
    expect(await stopWorker(survivor)).toBe(0);
    expect(survivor.stdout.at(-1)).toMatch(/"event":"stopped"/);
    const before = shardLines(victim).length;
    const running = jsonInProcess(...args, '--cluster', redis.url);
    const deadline = Date.now() + 30_000;
    while (shardLines(victim).length === before && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    victim.signal('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');
    const replacement = await startWorker(redis.url);
    workers = [replacement];
    try {
      const cluster = await running;
      expect(comparable(cluster)).toEqual(comparable(local));
      expect(stalled).toBeGreaterThanOrEqual(1);
    } finally {
      await events.close();
    }
  });
});
