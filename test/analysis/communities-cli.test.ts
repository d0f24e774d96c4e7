/** `ripple communities` as users run it: JSON shape, modularity, per-community reach. */
import { describe, expect, it } from 'vitest';
import { json, ripple } from '../support/cli.ts';

describe('ripple communities', () => {
  it('karate: counts, sizes, members partition the ids, modularity near the known 0.42', () => {
    const out = json('communities', '--graph', 'datasets/karate.txt', '--rng', '2');
    expect(out.modularity).toBeGreaterThan(0.4);
    expect(out.modularity).toBeLessThan(0.4198);
    expect(out.sizes.reduce((s: number, x: number) => s + x, 0)).toBe(34);
    expect(out.communities).toHaveLength(out.count);
    const ids = out.communities.flatMap((c: { members: string[] }) => c.members).sort();
    expect(ids).toEqual(Array.from({ length: 34 }, (_, i) => String(i)).sort());
    expect(json('communities', '--graph', 'datasets/karate.txt', '--rng', '2')).toMatchObject({
      modularity: out.modularity,
      communities: out.communities,
    });
  });

  it('per-community reach: with p = 1 every run reaches the whole club', () => {
    const out = json(
      'communities',
      '--graph',
      'datasets/karate.txt',
      '--seeds',
      '0',
      '--model',
      'ic',
      '--p',
      '1',
      '--runs',
      '20',
      '--workers',
      '1',
    );
    expect(out.mean).toBe(34);
    for (const r of out.reach) {
      expect(r.meanReached).toBe(r.size);
      expect(r.shareReached).toBe(1);
      expect(r.enteredAtLeast).toBe(1);
    }
    expect(out.reach.reduce((s: number, r: { seeds: number }) => s + r.seeds, 0)).toBe(1);
  });

  it('per-community reach sums to the mean reach and does not depend on --workers', () => {
    const args = [
      'communities',
      '--graph',
      'datasets/karate.txt',
      '--seeds',
      '0,33',
      '--p',
      '0.2',
      '--runs',
      '400',
    ];
    const one = json(...args, '--workers', '1');
    const two = json(...args, '--workers', '2');
    expect(two.reach).toEqual(one.reach);
    const total = one.reach.reduce((s: number, r: { meanReached: number }) => s + r.meanReached, 0);
    expect(total).toBeCloseTo(one.mean, 9);
  });

  it('bad usage: exit 2 with a message naming the option', () => {
    const r = ripple('communities', '--graph', 'datasets/karate.txt', '--runs', '10');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--runs needs --seeds/);
    const s = ripple('communities', '--graph', 'datasets/karate.txt', '--resolution', '0');
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/--resolution/);
  });
});
