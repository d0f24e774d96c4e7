/**
 * The closed and open platform presets (src/ties/presets.ts): `simulate --platform X` gives the
 * same JSON as the explicit tie options it stands for, for the same --rng (timing fields aside);
 * explicit options win over the preset; the preset needs the ic model.
 */
import { describe, expect, it } from 'vitest';
import { presetArgs } from '../../src/ties/presets.ts';
import { scratchFiles } from '../support/cli.ts';
import { jsonInProcess, rippleInProcess } from '../support/cli-in-process.ts';

const file = scratchFiles('ripple-presets-');
// Two mutual triangles joined by one weak arc, plus a one-way follower.
const graph = file('g.txt', 'a b\nb a\nb c\nc b\nc a\na c\nc d\nd e\ne d\ne f\nf e\nf d\nd f\ng a\n');
const base = ['--graph', graph, '--direction', 'influences', '--seeds', 'a', '--p', '0.4', '--runs', '400'];

/** simulate's JSON without the fields that time the run. */
async function simulate(...extra: string[]) {
  const out = await jsonInProcess('simulate', ...base, ...extra);
  delete out.seconds;
  delete out.workers;
  return out;
}

describe('platform presets', () => {
  it('spells out what each preset sets', () => {
    expect(presetArgs('closed', 0.4)).toEqual([
      ...['--strong-by', 'mutual', '--p-strong', '0.4', '--p-weak', '0'],
      ...['--groups', 'communities', '--p-group', '0.4'],
    ]);
    expect(presetArgs('closed', 0.4, 'clubs.txt')).toContain('clubs.txt');
    expect(presetArgs('open', 0.4)).toEqual([
      '--strong-by',
      'mutual',
      '--p-strong',
      '0.4',
      '--p-weak',
      '0.4',
    ]);
  });

  it.each(['closed', 'open'] as const)('--platform %s equals its explicit options', async (platform) => {
    for (const rng of ['1', '7']) {
      const preset = await simulate('--platform', platform, '--rng', rng);
      const explicit = await simulate(...presetArgs(platform, 0.4), '--rng', rng);
      expect(preset).toEqual(explicit);
      expect(preset.via).toBeDefined();
    }
  });

  it('closed carries nothing over weak arcs; open gives plain IC numbers', async () => {
    const closed = await simulate('--platform', 'closed');
    expect(closed.via.weak).toBe(0);
    const open = await simulate('--platform', 'open');
    const plain = await simulate();
    expect(open.mean).toBe(plain.mean);
    expect(open.via.strong + open.via.weak + open.via.group).toBeCloseTo(open.mean - 1, 9);
  });

  it('a groups file replaces communities, and explicit options win', async () => {
    const groups = file('groups.txt', 'club a\nclub f\n');
    const withFile = await simulate('--platform', 'closed', '--groups', groups);
    expect(withFile).toEqual(await simulate(...presetArgs('closed', 0.4, groups)));
    const weak = await simulate('--platform', 'closed', '--p-weak', '0.2');
    expect(weak.params.ties.pWeak).toBe(0.2);
  });

  it('--scenario FILE carries the tie settings of an app scenario', async () => {
    const scenario = {
      format: 'ripple-scenario',
      scenario: {
        version: 1,
        graph: { kind: 'file', name: 'g.txt' },
        direction: 'influences',
        edgeValues: 'probability',
        model: 'ic',
        params: { p: 0.4, gamma: 0.2, phi: 0.18, maxSteps: null },
        seeds: { kind: 'groups', groups: [{ ids: ['a'], start: 0 }] },
        runs: 400,
        rngSeed: 1,
        ties: {
          strongBy: 'mutual',
          pStrong: null,
          pWeak: 0,
          groups: { kind: 'communities' },
          pGroup: null,
          strongOnly: false,
        },
      },
    };
    const path = file('closed-scenario.json', JSON.stringify(scenario));
    expect(await simulate('--scenario', path)).toEqual(await simulate('--platform', 'closed'));
  });

  it('needs the ic model', async () => {
    const r = await rippleInProcess('simulate', ...base, '--platform', 'open', '--model', 'threshold');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--platform applies to --model ic/);
  });
});
