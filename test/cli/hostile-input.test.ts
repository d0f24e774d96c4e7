/**
 * The command line against hostile or awkward input, as users run it (a real process): numbers
 * out of range or underflowing to 0, start steps that would ask for gigabytes, more workers than
 * cores, seed ids holding ',', ';' or '@', repeated seeds, ids and labels that would take over a
 * terminal, one prefix per error, and Ctrl-C during a long run.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, ripple, scratchFiles } from '../support/cli.ts';

const file = scratchFiles('ripple-hostile-');
const karate = ['--graph', 'datasets/karate.txt'];
const cores = availableParallelism();

/** A graphology JSON graph: a path through the given ids (labels optional), read as influences. */
function pathGraph(ids: string[], labels: Record<string, string> = {}): string {
  const nodes = ids.map((key) => ({ key, attributes: labels[key] ? { label: labels[key] } : {} }));
  const edges = ids.slice(1).map((id, i) => ({ source: ids[i], target: id }));
  return file(
    `path-${ids.length}-${Object.keys(labels).length}.json`,
    JSON.stringify({ options: { type: 'directed' }, nodes, edges }),
  );
}

/** Whether text holds a raw control, DEL, C1 or bidi-control character. */
const hasRaw = (text: string) =>
  [...text].some((c) => {
    const x = c.codePointAt(0) as number;
    return (
      (x < 0x20 && c !== '\n') ||
      (x >= 0x7f && x <= 0x9f) ||
      (x >= 0x202a && x <= 0x202e) ||
      (x >= 0x2066 && x <= 0x2069)
    );
  });

/** Exit 2, nothing on stdout, one line on stderr with exactly one prefix. */
function refused(args: string[], message: RegExp): string {
  const r = ripple(...args);
  expect(r.code, args.join(' ')).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ripple \w+: /);
  expect(lines[0]).not.toMatch(/^ripple (\w+): \1:/);
  expect(lines[0]).toMatch(message);
  return lines[0];
}

describe('numbers', () => {
  it('--runs: a whole number from 1 to 1e9 (1e12 was taken and ran out of memory)', () => {
    refused(
      ['simulate', ...karate, '--seeds', '0', '--runs', '1e12'],
      /--runs: expected a whole number from 1 to 1000000000, got '1e12'/,
    );
    refused(['seeds', ...karate, '--k', '2', '--runs', '2e9'], /--runs: expected a whole number from 1/);
    refused(['tipping', ...karate, '--vary', 'p', '--from', '0', '--to', '1', '--runs', '1e10'], /--runs/);
  });

  it('probabilities lie in [0, 1], and a non-zero value may not be read as 0', () => {
    refused(
      ['simulate', ...karate, '--seeds', '0', '--p', '1e-400'],
      /--p: '1e-400' is too small to represent and would be read as 0/,
    );
    refused(
      ['simulate', ...karate, '--seeds', '0', '--model', 'sir', '--gamma', '-0.1'],
      /--gamma: expected a probability between 0 and 1, got '-0.1'/,
    );
    refused(['simulate', ...karate, '--seeds', '0', '--phi', '1.01'], /--phi: expected a probability/);
    refused(
      ['simulate', ...karate, '--seeds', '0', '--p', '0x1'],
      /--p: expected a probability between 0 and 1, got '0x1'/,
    );
    refused(['simulate', ...karate, '--seeds', '0', '--p', 'NaN'], /--p: expected a probability/);
    refused(['seeds', ...karate, '--k', '2', '--p', '1e-400'], /--p: '1e-400' is too small/);
  });

  it('the default p is 0.05 here as in the app', () => {
    const r = ripple('simulate', ...karate, '--seeds', '0', '--runs', '10', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).params.p).toBe(0.05);
  });
});

describe('start steps', () => {
  it('refuses a start beyond --max-steps, and beyond 100000 without it (10^9 used gigabytes)', () => {
    refused(
      ['simulate', ...karate, '--seeds', '0;1@1000000000', '--runs', '10'],
      /--seeds: start step '@1000000000' of group 2: expected a whole number from 0 to 100000 \(starts are capped at 100000 steps/,
    );
    refused(
      ['simulate', ...karate, '--seeds', '0;1@6', '--max-steps', '5', '--runs', '10'],
      /from 0 to 5 \(a group starting after --max-steps 5 would never launch\), got '6'/,
    );
    refused(['reach', ...karate, '--seeds', '0;1@200000', '--runs', '10'], /capped at 100000/);
    const ok = ripple(
      'simulate',
      ...karate,
      '--seeds',
      '0;1@5',
      '--max-steps',
      '5',
      '--runs',
      '10',
      '--json',
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).seeds).toEqual([
      { ids: ['0'], start: 0 },
      { ids: ['1'], start: 5 },
    ]);
  });
});

describe('--workers', () => {
  it('is capped at the core count with one line on stderr', () => {
    const r = ripple('simulate', ...karate, '--seeds', '0', '--runs', '50', '--workers', '1000', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `ripple simulate: warning: --workers 1000 is more than the ${cores} cores of this machine; using ${cores}\n`,
    );
    expect(JSON.parse(r.stdout).workers).toBe(cores);
    refused(
      ['simulate', ...karate, '--seeds', '0', '--workers', '0'],
      /--workers: expected a whole number >= 1/,
    );
  });
});

describe('seed ids given literally', () => {
  const ids = ['Smith, John', '@alice', 'semi;colon', 'tab\there', 'x\t5', 'plain'];
  const graph = pathGraph(ids);

  it('a JSON array gives ids verbatim, with optional start steps', () => {
    const r = ripple(
      'simulate',
      '--graph',
      graph,
      '--seeds',
      '["Smith, John","@alice",{"id":"semi;colon","step":2}]',
      '--p',
      '0',
      '--runs',
      '3',
      '--json',
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.seeds).toEqual([
      { ids: ['Smith, John', '@alice'], start: 0 },
      { ids: ['semi;colon'], start: 2 },
    ]);
    expect(out.mean).toBe(3);
    refused(
      ['simulate', '--graph', graph, '--seeds', '["Smith, John"'],
      /starts with '\[' but is not a JSON array/,
    );
    refused(
      ['simulate', '--graph', graph, '--seeds', '[{"id":"plain","at":2}]'],
      /item 1: unknown field 'at'/,
    );
    refused(
      ['simulate', '--graph', graph, '--seeds', '@alice'],
      /'@alice' in group 1 is not a start step; .* JSON array/,
    );
  });

  it('--seeds-file reads one id per line verbatim, id<TAB>step for a start step', () => {
    const seeds = file('seeds.txt', '\uFEFFSmith, John\r\n@alice\t3\ntab\there\n\nx\t5\t1\n');
    const r = ripple(
      'simulate',
      '--graph',
      graph,
      '--seeds-file',
      seeds,
      '--p',
      '0',
      '--runs',
      '3',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).seeds).toEqual([
      { ids: ['Smith, John', 'tab\there'], start: 0 },
      { ids: ['x\t5'], start: 1 },
      { ids: ['@alice'], start: 3 },
    ]);
    refused(
      ['simulate', '--graph', graph, '--seeds-file', file('bad.txt', 'plain\nnobody\n')],
      /--seeds-file .*bad\.txt: line 2: no node with id 'nobody'/,
    );
    refused(
      ['simulate', '--graph', graph, '--seeds-file', seeds, '--seeds', 'plain'],
      /--seeds or --seeds-file, not both/,
    );
    refused(
      ['simulate', '--graph', graph, '--seeds-file', join(ROOT, 'no-such-file.txt')],
      /--seeds-file: cannot read .*no such file/,
    );
  });

  it('every command that takes --seeds takes --seeds-file', () => {
    const seeds = file('karate-seeds.txt', '0\n33\t2\n');
    const common = ['--seeds-file', seeds, '--runs', '20', '--json'];
    const reach = JSON.parse(ripple('reach', ...karate, ...common).stdout);
    expect(reach.seeds).toEqual([
      { ids: ['0'], start: 0 },
      { ids: ['33'], start: 2 },
    ]);
    const communities = JSON.parse(ripple('communities', ...karate, ...common).stdout);
    expect(communities.seeds).toEqual(reach.seeds);
    const tipping = ripple(
      'tipping',
      ...karate,
      '--vary',
      'p',
      '--from',
      '0',
      '--to',
      '0.5',
      '--steps',
      '3',
      '--refine',
      '0',
      ...common,
    );
    expect(tipping.stderr).toBe('');
    expect(JSON.parse(tipping.stdout).seeds).toEqual(reach.seeds);
  });

  it('warns once about seeds listed more than once (they were merged silently)', () => {
    const r = ripple('simulate', ...karate, '--seeds', '0,0,1;1@2', '--runs', '10', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "ripple simulate: warning: seeds '0', '1' listed more than once; each starts once, at its earliest step\n",
    );
    expect(JSON.parse(r.stdout).seeds).toEqual([
      { ids: ['0', '0', '1'], start: 0 },
      { ids: ['1'], start: 2 },
    ]);
  });
});

describe('safe output', () => {
  const evil = 'ev\x1b[31mil\u202e';
  const ids = ['a', evil, 'c\u0085', 'd'];
  const graph = pathGraph(ids, { a: 'label\x07\u2066x' });
  const shown = 'ev\\x1b[31mil\\u202e';

  it('escapes control characters and bidi overrides in text output, never in JSON', () => {
    const rank = ripple('rank', '--graph', graph, '--metric', 'outdegree', '--top', '4');
    expect(rank.code).toBe(0);
    expect(rank.stdout).toContain(shown);
    expect(rank.stdout).toContain('c\\x85');
    expect(rank.stdout).toContain('label\\x07\\u2066x');
    expect(hasRaw(rank.stdout)).toBe(false);
    expect(
      JSON.parse(ripple('rank', '--graph', graph, '--metric', 'outdegree', '--json').stdout).top.map(
        (l: { id: string }) => l.id,
      ),
    ).toContain(evil);

    const communities = ripple('communities', '--graph', graph, '--members');
    expect(communities.stdout).toContain(shown);
    expect(hasRaw(communities.stdout)).toBe(false);

    const seeds = ripple('seeds', '--graph', graph, '--k', '2', '--method', 'degree', '--runs', '10');
    expect(hasRaw(seeds.stdout)).toBe(false);

    const trace = ripple(
      'simulate',
      '--graph',
      graph,
      '--seeds',
      JSON.stringify([evil]),
      '--p',
      '1',
      '--runs',
      '1',
      '--trace',
    );
    expect(trace.code).toBe(0);
    expect(trace.stdout).toContain(`${shown} (seed)`);
    expect(trace.stdout).toContain(`c\\x85 <- ${shown}`);
    expect(hasRaw(trace.stdout)).toBe(false);

    const missing = refused(
      ['simulate', '--graph', graph, '--seeds', JSON.stringify(['x\x1b]0;owned\x07'])],
      /no node with id/,
    );
    expect(missing).toContain("'x\\x1b]0;owned\\x07'");
  });
});

describe('messages', () => {
  it('carry one prefix each', () => {
    refused(['simulate', ...karate, '--sedes', '0'], /^ripple simulate: unknown option --sedes/);
    refused(['simulate', ...karate], /^ripple simulate: --seeds LIST is required/);
    refused(
      ['simulate', ...karate, '--seeds', 'nobody'],
      /^ripple simulate: --seeds: no node with id 'nobody' in the graph$/,
    );
    refused(
      ['tipping', ...karate, '--vary', 'p', '--from', '0', '--to', '1', '--p', '0.2'],
      /^ripple tipping: --p is swept by --vary p/,
    );
    refused(['reach', ...karate, '--seeds', 'random:2'], /^ripple reach: --seeds random:K draws new seeds/);
  });
});

describe('Ctrl-C', () => {
  it('clears the progress line and exits 130', async () => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin/ripple.mjs'),
        'simulate',
        '--graph',
        'datasets/facebook_combined.txt',
        '--seeds',
        'top:degree:3',
        '--p',
        '0.05',
        '--runs',
        '10000000',
        '--workers',
        '2',
      ],
      { cwd: ROOT, env: { ...process.env, RIPPLE_PROGRESS: 'always' } },
    );
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const started = new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes('simulating [')) resolve();
      });
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    await started;
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect(signal).toBeNull();
    expect(code).toBe(130);
    expect(stdout).toBe('');
    // After the last bar comes the clearing sequence, then one line, and nothing else.
    const tail = stderr.slice(stderr.lastIndexOf('simulating ['));
    const [bar, ...after] = tail.split('\r');
    expect(bar).toMatch(/^simulating \[[#.]+\] \d+\/10000000\b/);
    expect(bar.endsWith('\u001b[K')).toBe(true);
    expect(after).toEqual(['\u001b[Kripple simulate: interrupted\n']);
  }, 60_000);
});
