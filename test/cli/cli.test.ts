/**
 * The `ripple` command as users run it: a real process, JSON on stdout, errors on stderr with a
 * non-zero exit, results independent of --workers, counts of the bundled datasets, and the
 * executable itself (package.json's bin run through its shebang, as `ripple` on the PATH).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { json, ROOT, ripple, scratchFiles } from '../support/cli.ts';

const file = scratchFiles('ripple-cli-');

describe('ripple stats', () => {
  it('reports the published counts of the bundled datasets', () => {
    expect(json('stats', '--distances', 'none', '--graph', 'datasets/facebook_combined.txt')).toMatchObject({
      nodes: 4039,
      edges: 88234,
      directed: false,
      selfLoops: 0,
      duplicateEdges: 0,
    });
    expect(json('stats', '--distances', 'none', '--graph', 'datasets/Wiki-Vote.txt')).toMatchObject({
      nodes: 7115,
      edges: 103689,
      directed: true,
      selfLoops: 0,
    });
    expect(json('stats', '--distances', 'none', '--graph', 'datasets/email-Eu-core.txt')).toMatchObject({
      nodes: 1005,
      edges: 25571 - 642,
      selfLoops: 642,
    });
    expect(json('stats', '--distances', 'none', '--graph', 'datasets/karate.txt')).toMatchObject({
      nodes: 34,
      edges: 78,
      directed: false,
    });
  });

  it('counts self-loops and duplicates and keeps a node seen only in a self-loop', () => {
    const path = file('dups.txt', 'a b\nb a\na b\nc c\n');
    expect(json('stats', '--distances', 'none', '--graph', path, '--direction', 'undirected')).toMatchObject({
      nodes: 3,
      edges: 1,
      selfLoops: 1,
      duplicateEdges: 2,
    });
    expect(json('stats', '--distances', 'none', '--graph', path, '--direction', 'influences')).toMatchObject({
      nodes: 3,
      edges: 2,
      selfLoops: 1,
      duplicateEdges: 1,
    });
  });
});

describe('ripple simulate', () => {
  const base = [
    'simulate',
    '--graph',
    'datasets/karate.txt',
    '--model',
    'ic',
    '--p',
    '0.2',
    '--seeds',
    'top:degree:2',
    '--runs',
    '500',
  ];

  it('prints the documented fields', () => {
    const out = json(...base);
    for (const key of ['runs', 'mean', 'std', 'ci95', 'exposed', 'reachByHop', 'adoptionByStep', 'sizes'])
      expect(out).toHaveProperty(key);
    expect(out.runs).toBe(500);
    expect(out.ci95[0]).toBeLessThan(out.mean);
    expect(out.ci95[1]).toBeGreaterThan(out.mean);
    expect(out.sizes.histogram.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(500);
    expect(out.reachByHop[0]).toBe(2);
    expect(out.reachByHop.at(-1)).toBeCloseTo(out.mean, 9);
    expect(out.adoptionByStep.at(-1)).toBeCloseTo(out.mean, 9);
    expect(out.exposed).toBeGreaterThanOrEqual(out.mean);
    // top:degree:2 on the karate club: members 33 (degree 17) and 0 (degree 16)
    expect(out.seeds).toEqual([{ ids: ['33', '0'], start: 0 }]);
  });

  it('gives the same numbers with 1 or 2 workers and differs with another --rng', () => {
    const one = json(...base, '--workers', '1');
    const two = json(...base, '--workers', '2');
    const { seconds: _a, workers: _b, ...a } = one;
    const { seconds: _c, workers: _d, ...b } = two;
    expect(a).toEqual(b);
    expect(json(...base, '--rng', '2').mean).not.toBe(one.mean);
  });

  it('runs every model, staggered groups and a trace', () => {
    for (const model of ['wc', 'lt', 'sir', 'threshold']) {
      const out = json(
        'simulate',
        '--graph',
        'datasets/karate.txt',
        '--model',
        model,
        '--seeds',
        '0,33;5@2',
        '--runs',
        '50',
      );
      expect(out.mean).toBeGreaterThanOrEqual(3);
      expect(out.model).toBe(model);
    }
    const traced = json(
      'simulate',
      '--graph',
      'datasets/karate.txt',
      '--p',
      '0.3',
      '--seeds',
      '0',
      '--runs',
      '10',
      '--trace',
    );
    expect(traced.trace.activations[0]).toEqual({ id: '0', step: 0, hop: 0, parent: null });
  });

  it('reads direction: follows reverses the arcs', () => {
    const path = file('follow.txt', 'alice bob\ncarol bob\n');
    // alice and carol follow bob: bob's posts reach both, theirs reach nobody.
    expect(
      json('simulate', '--graph', path, '--direction', 'follows', '--p', '1', '--seeds', 'bob', '--runs', '3')
        .mean,
    ).toBe(3);
    expect(
      json(
        'simulate',
        '--graph',
        path,
        '--direction',
        'follows',
        '--p',
        '1',
        '--seeds',
        'alice',
        '--runs',
        '3',
      ).mean,
    ).toBe(1);
    expect(
      json(
        'simulate',
        '--graph',
        path,
        '--direction',
        'influences',
        '--p',
        '1',
        '--seeds',
        'alice',
        '--runs',
        '3',
      ).mean,
    ).toBe(2);
  });
});

describe('errors', () => {
  const cases: [string[], RegExp, number][] = [
    [['simulate', '--graph', 'datasets/karate.txt', '--seeds', 'nobody'], /no node with id 'nobody'/, 2],
    [
      ['simulate', '--graph', 'datasets/karate.txt', '--seeds', '0', '--p', '2'],
      /p: expected a probability between 0 and 1/,
      2,
    ],
    [
      ['simulate', '--graph', 'datasets/karate.txt', '--seeds', '0', '--runs', 'many'],
      /--runs: expected a whole number from 1 to 1000000000, got 'many'/,
      2,
    ],
    [
      ['simulate', '--graph', 'datasets/karate.txt', '--seeds', '0', '--model', 'xx'],
      /model: expected one of/,
      2,
    ],
    [['simulate', '--graph', 'datasets/karate.txt', '--sedes', '0'], /unknown option --sedes/, 2],
    [['simulate', '--graph', 'datasets/karate.txt'], /--seeds LIST is required/, 2],
    [['stats', '--graph', 'does-not-exist.txt', '--direction', 'undirected'], /does-not-exist.txt/, 1],
    [
      ['stats', '--graph', 'datasets/karate.txt', '--direction', 'sideways'],
      /--direction: expected one of undirected, influences, follows/,
      2,
    ],
    [['frobnicate'], /unknown command 'frobnicate'/, 2],
  ];
  for (const [args, message, code] of cases) {
    it(`${args.join(' ')} -> exit ${code}`, () => {
      const r = ripple(...args, '--json');
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('an edge list without a direction asks for one', () => {
    const path = file('plain.txt', '1 2\n2 3\n');
    const r = ripple('stats', '--graph', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/undirected/);
    expect(r.stderr).toMatch(/follows/);
  });

  it('a bad line names the file and the line', () => {
    const path = file('bad.txt', '1 2 0.5\n2 3 1.7\n');
    const r = ripple('stats', '--graph', path, '--direction', 'influences');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.txt:2');
  });
});

describe('the executable', () => {
  // `ripple` on the PATH, a symlink to package.json's bin as npm link and npm install -g make it.
  const bin = mkdtempSync(join(tmpdir(), 'ripple-bin-'));
  const target = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin.ripple;
  symlinkSync(join(ROOT, target), join(bin, 'ripple'));
  afterAll(() => rmSync(bin, { recursive: true, force: true }));
  const executable = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync('ripple', args, {
      cwd: bin,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, ...env },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
  };

  it('passes arguments and exit codes through, from any directory', () => {
    const path = file('two words.txt', 'a b\nb c\nc a\n');
    const r = executable(['stats', '--graph', path, '--direction', 'undirected', '--json']);
    expect(r.error).toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ nodes: 3, edges: 3 });
    const unknown = executable(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^ripple: unknown command 'frobnicate'/);
  });

  it('writes a large output whole through a full non-blocking pipe (src/cli/common/stdout.ts)', async () => {
    // Its stdout the non-blocking write end of a FIFO (set up by Python, since Node's spawn makes a
    // child's stdio blocking): the first 64 KiB fill it, writeSync then fails with EAGAIN, and the
    // rest must still arrive, in order, once a reader drains it a third of a second later.
    const fifo = join(bin, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const readEnd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const nonBlockingStdout =
      'import os, sys; fd = os.open(sys.argv[1], os.O_WRONLY | os.O_NONBLOCK); os.dup2(fd, 1); os.execv(sys.argv[2], sys.argv[2:])';
    const args = ['rank', '--graph', 'datasets/facebook_combined.txt', '--direction', 'undirected'];
    const command = spawn(
      'python3',
      [
        '-c',
        nonBlockingStdout,
        fifo,
        join(ROOT, 'bin', 'ripple.cjs'),
        ...args,
        '--metric',
        'degree',
        '--top',
        '4039',
        '--json',
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    command.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => command.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(1 << 16);
    for (let open = true; open; ) {
      try {
        const n = readSync(readEnd, buffer);
        chunks.push(Buffer.from(buffer.subarray(0, n)));
        // No writer (not yet, or no more): done once the command has exited.
        if (n === 0)
          open = command.exitCode === null && (await new Promise((resolve) => setTimeout(resolve, 5, true)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    closeSync(readEnd);
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    const stdout = Buffer.concat(chunks).toString();
    expect(stdout.length).toBeGreaterThan(1 << 16);
    const output = JSON.parse(stdout);
    expect(output.top).toHaveLength(4039);
    expect(output.top[0]).toEqual({ id: '107', score: 1045 });
  });

  it('starts Node without NODE_EXTRA_CA_CERTS, which `node bin/ripple.mjs` reads at start', () => {
    // Node warns at start when the file cannot be loaded: the executable's Node never sees it
    // (it passes it on as RIPPLE_EXTRA_CA_CERTS, for rediss:// only; test/cluster/faults.test.ts).
    const env = { NODE_EXTRA_CA_CERTS: join(bin, 'no-such-ca.pem') };
    const viaExecutable = executable(['--help'], env);
    expect(viaExecutable.code).toBe(0);
    expect(viaExecutable.stdout).toMatch(/^ripple: /);
    expect(viaExecutable.stderr).toBe('');
    const viaNode = spawnSync(process.execPath, [join(ROOT, 'bin', 'ripple.mjs'), '--help'], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    expect(viaNode.status).toBe(0);
    expect(viaNode.stderr).toContain('Ignoring extra certs');
  });
});
