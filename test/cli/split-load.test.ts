/**
 * Split loads as users run them: `ripple stats` on an edge list read on two threads (the tail by
 * the bundled worker, workers/load-tail.node.ts) says exactly what it says on one thread, for a
 * clean file and for files whose problem lies in the tail. RIPPLE_SPLIT_BYTES sets the smallest
 * file split (0: never), so small files exercise the split here. The worker's job itself is also
 * run in this thread on a real file.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraphFile } from '../../src/cli/common/read-graph-file.ts';
import { runTailJob } from '../../src/cli/common/split-load.ts';
import type { EdgeListPart } from '../../src/graph/edge-list.ts';
import { ROOT, scratchFiles } from '../support/cli.ts';

const file = scratchFiles('ripple-split-');

function stats(path: string, split: boolean) {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bin/ripple.mjs'),
      'stats',
      '--graph',
      path,
      '--direction',
      'follows',
      '--distances',
      'none',
      '--json',
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, RIPPLE_SPLIT_BYTES: split ? '1' : '0' } },
  );
  const stdout = r.stdout.replace(/"(load|distance)Seconds":[0-9.e-]+/g, '"$1Seconds":0');
  return { code: r.status, stdout, stderr: r.stderr };
}

/** About 400 KB of "user<i> <j>" lines (a few string ids, mostly integers). */
function lines(): string[] {
  return Array.from(
    { length: 30_000 },
    (_, i) => `${i % 11 === 0 ? `user${i % 503}` : (i * 7919) % 20011} ${(i * 104729) % 30011}`,
  );
}

describe('ripple stats on a split load', () => {
  it('gives the same counts and report on two threads as on one', () => {
    const path = file('clean.txt', `# a comment\n${lines().join('\n')}\n`);
    const one = stats(path, false);
    expect(one.code).toBe(0);
    expect(stats(path, true)).toEqual(one);
    // Node numbering too: ties in the ranking go to the node first in the file.
    const rank = (split: boolean) =>
      spawnSync(
        process.execPath,
        [
          join(ROOT, 'bin/ripple.mjs'),
          'rank',
          '--graph',
          path,
          '--direction',
          'follows',
          '--metric',
          'degree',
          '--top',
          '200',
          '--json',
        ],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, RIPPLE_SPLIT_BYTES: split ? '1' : '0' } },
      ).stdout.replace(/"seconds":[0-9.e-]+/g, '"seconds":0');
    const ranked = rank(false);
    expect(ranked).toContain('user');
    expect(rank(true)).toBe(ranked);
  });

  it('gives the same error when the problem is in the tail', () => {
    const body = lines();
    const cases: [string, string][] = [
      ['bad-line.txt', '1 2 3 4'],
      ['control.txt', 'a\u0001 b'],
      ['latin1.txt', 'caf\u00e9 x'],
    ];
    for (const [name, bad] of cases) {
      const copy = [...body];
      copy[25_000] = bad;
      const text = copy.join('\n');
      // Latin-1 text: the é as the one byte 0xe9, which is not UTF-8.
      const path = file(name, text);
      if (name === 'latin1.txt') writeFileSync(path, Buffer.from(text, 'latin1'));
      const one = stats(path, false);
      expect(one.code, name).toBe(1);
      expect(one.stderr, name).toContain(':25001:');
      expect(stats(path, true), name).toEqual(one);
    }
  });

  it('the worker job reads the tail of a real file and hands over its arrays', async () => {
    const text = `${lines().join('\n')}\n`;
    const path = file('job.txt', text);
    const at = text.indexOf('\n', text.length >> 1) + 1;
    let got: { part: EdgeListPart | null; transfer: ArrayBuffer[] } | null = null;
    await runTailJob(
      {
        path,
        at,
        options: {
          file: path,
          direction: 'influences',
          edgeValues: 'probability',
          header: 'auto',
          gzip: false,
        },
      },
      (part, transfer) => {
        got = { part, transfer };
      },
    );
    const { part, transfer } = got as unknown as { part: EdgeListPart; transfer: ArrayBuffer[] };
    const tailLines = text.slice(at).split('\n').length - 1;
    expect(part.count).toBe(tailLines);
    expect(part.dataLines).toBe(tailLines);
    expect(transfer).toContain(part.src.buffer);
    expect(transfer).toContain(part.pool.buffer);
    // The same graph as reading the file in this thread (no worker when running from source).
    const g = await readGraphFile(path, { direction: 'influences' });
    expect(g.report.edgeLines).toBe(30_000);
  });
});
