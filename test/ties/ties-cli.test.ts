/**
 * `ripple ties` and simulate's tie options as users run them: the JSON fields, the removal
 * experiment, via in simulate's output, and bad input (unknown group members warned with count
 * and first names, empty groups and probabilities outside [0, 1] refused, no reciprocated arcs).
 */
import { describe, expect, it } from 'vitest';
import { scratchFiles } from '../support/cli.ts';
import { jsonInProcess, rippleInProcess } from '../support/cli-in-process.ts';

const file = scratchFiles('ripple-ties-');
// a <-> b <-> c mutual, c -> d weak, d <-> e mutual.
const graph = file('g.txt', 'a b\nb a\nb c\nc b\nc d\nd e\ne d\n');
const g = ['--graph', graph, '--direction', 'influences'];

describe('ripple ties', () => {
  it('summarises the ties as JSON', async () => {
    const out = await jsonInProcess('ties', ...g);
    expect(out).toMatchObject({ nodes: 5, arcs: 7, directed: true, mutualPairs: 3, strong: 6, weak: 1 });
    expect(out.bridges.splitting).toBe(7);
    expect(out.embeddedness.bins).toHaveLength(10);
    expect(out.removal).toBeUndefined();
  });

  it('runs the removal experiment with --removal', async () => {
    const out = await jsonInProcess(
      'ties',
      ...g,
      '--removal',
      '--removal-steps',
      '4',
      '--runs',
      '50',
      '--seeds',
      'a',
      '--p',
      '1',
    );
    expect(out.removal.weakFirst.map((p: { share: number }) => p.share)).toEqual([0, 0.25, 0.5, 0.75]);
    // With p = 1 the cascade from a reaches a's whole component.
    expect(out.removal.weakFirst[0].reach.mean).toBe(5);
    expect(out.removal.weakFirst[1].largestComponent).toBe(0.6);
    expect(out.removal.seeds).toEqual([{ ids: ['a'], start: 0 }]);
  });

  it('warns when no arc is reciprocated, and needs --removal for its options', async () => {
    const oneWay = file('one-way.txt', 'a b\nb c\n');
    const r = await rippleInProcess('ties', '--graph', oneWay, '--direction', 'influences');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/every tie is weak under mutual.*embeddedness/);
    const sim = await rippleInProcess(
      ...[
        'simulate',
        '--graph',
        oneWay,
        '--direction',
        'influences',
        '--seeds',
        'a',
        '--p-weak',
        '0.5',
        '--runs',
        '5',
      ],
    );
    expect(sim.code).toBe(0);
    expect(sim.stderr).toMatch(/every tie is weak under mutual.*embeddedness/);
    const bad = await rippleInProcess('ties', ...g, '--runs', '5');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--runs needs --removal/);
  });
});

describe('ripple simulate with tie options', () => {
  const groups = file('groups.txt', 'club a\nclub e\nclub ghost1\nclub ghost2\n');
  it('reports via and warns about unknown group members', async () => {
    const args = [...g, '--seeds', 'a', '--p-strong', '1', '--p-weak', '0', '--runs', '100', '--json'];
    const plain = await jsonInProcess('simulate', ...args.slice(0, -1));
    expect(plain.mean).toBe(3);
    expect(plain.via).toEqual({ strong: 2, weak: 0, group: 0 });
    const r = await rippleInProcess('simulate', ...args, '--groups', groups, '--p-group', '1');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 member\(s\) are not accounts of the graph.*ghost1, ghost2/);
    const out = JSON.parse(r.stdout);
    expect(out.mean).toBe(5);
    expect(out.via).toEqual({ strong: 3, weak: 0, group: 1 });
    expect(out.params.ties.groups).toBe(1);
  });

  it('uses the Louvain communities as groups with --groups communities', async () => {
    // Two triangles joined by one weak arc: with only groups carrying (p 0), a seed reaches its triangle.
    const two = file('two.txt', 'a b\nb c\nc a\nd e\ne f\nf d\nc d\n');
    const out = await jsonInProcess(
      'simulate',
      ...['--graph', two, '--direction', 'undirected', '--seeds', 'a', '--p', '0', '--runs', '20'],
      ...['--groups', 'communities', '--p-group', '1'],
    );
    expect(out.mean).toBe(3);
    expect(out.via).toEqual({ strong: 0, weak: 0, group: 2 });
  });

  it.each([
    [['--p-weak', '1.5'], 2, /--p-weak/],
    [['--groups', 'EMPTY', '--p-group', '0.1'], 1, /group 'g' is empty/],
    [['--p-group', '0.1'], 2, /--p-group needs --groups/],
    [['--strong-by', 'closeness'], 2, /--strong-by/],
    [['--model', 'sir', '--p-strong', '0.1'], 2, /apply to --model ic and threshold/],
  ])('refuses %j', async (extra, code, message) => {
    const empty = file('empty-group.txt', 'g nobody\n');
    const args = extra.map((a) => (a === 'EMPTY' ? empty : a));
    const r = await rippleInProcess('simulate', ...g, '--seeds', 'a', '--runs', '10', ...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
