/**
 * `ripple layout` at the command line: a layout file on stdout or in --out with a one-line note,
 * the app's reading of it, and one clear message with exit code 2 (usage) or 1 (bad file).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLayoutFile } from '../../src/graph/draw-layout.ts';
import { rippleInProcess } from '../support/cli-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'ripple-layout-'));

describe('ripple layout', () => {
  it('writes the layout to --out and says how many nodes it placed', async () => {
    const out = join(dir, 'karate.json');
    const r = await rippleInProcess(
      'layout',
      '--graph',
      'datasets/karate.txt',
      '--iterations',
      '50',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^ripple layout: 34 of 34 nodes laid out \(50 iterations, [\d.]+ s\) -> .*karate\.json\n$/,
    );
    const file = parseLayoutFile(readFileSync(out, 'utf8'));
    expect(file).toMatchObject({ graph: 'karate.txt', direction: 'undirected', iterations: 50, rng: 1 });
    expect(new Set(file.ids).size).toBe(34);
    // Without --out the same file goes to stdout; another --rng gives another layout.
    const again = await rippleInProcess('layout', '--graph', 'datasets/karate.txt', '--iterations', '50');
    expect(again.stdout).toBe(readFileSync(out, 'utf8'));
    const other = await rippleInProcess(
      'layout',
      '--graph',
      'datasets/karate.txt',
      '--iterations',
      '50',
      '--rng',
      '2',
    );
    expect(parseLayoutFile(other.stdout).xy).not.toEqual(file.xy);
  });

  it('refuses bad options and bad files with one message', async () => {
    const bad = async (code: number, message: RegExp, ...args: string[]) => {
      const r = await rippleInProcess('layout', ...args);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    };
    await bad(2, /^ripple layout: --graph FILE is required/);
    await bad(
      2,
      /--iterations: expected a whole number from 1 to 100000, got '0'/,
      '--graph',
      'datasets/karate.txt',
      '--iterations',
      '0',
    );
    const broken = join(dir, 'broken.txt');
    writeFileSync(broken, '1 2\n3\n');
    await bad(
      1,
      /^ripple: .*broken\.txt: an edge list does not say which way edges point/,
      '--graph',
      broken,
    );
    await bad(
      1,
      /^ripple: .*broken\.txt:2: only one column \("3"\)/,
      '--graph',
      broken,
      '--direction',
      'undirected',
    );
  });
});
