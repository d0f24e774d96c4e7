/** Groups files: both layouts, unknown members reported, empty groups and bad lines refused. */
import { describe, expect, it } from 'vitest';
import { communityGroups, parseGroups } from '../../src/ties/groups.ts';

const ids = new Map(['a', 'b', 'c', 'd'].map((id, v) => [id, v]));

describe('parseGroups', () => {
  it('reads group member lines and a CSV with a header alike', () => {
    const plain = parseGroups('# clubs\ng1 a\ng1\tc\n\ng2 d\ng1 a\n', 'g.txt', ids);
    expect(plain.groups).toEqual([[0, 2], [3]]);
    expect(plain.names).toEqual(['g1', 'g2']);
    const csv = parseGroups('group,member\ng1, a\ng1,c\ng2,d\n', 'g.csv', ids);
    expect(csv.groups).toEqual(plain.groups);
  });

  it('drops unknown members and reports their count and the first names', () => {
    const lines = ['g a', ...Array.from({ length: 7 }, (_, i) => `g x${i}`), 'g x0'].join('\n');
    const r = parseGroups(lines, 'g.txt', ids);
    expect(r.groups).toEqual([[0]]);
    expect(r.unknown.count).toBe(7);
    expect(r.unknown.first).toEqual(['x0', 'x1', 'x2', 'x3', 'x4']);
  });

  it.each([
    ['g1 a\ng2 zz\n', /g\.txt:2: group 'g2' is empty/],
    ['g1 a b\n', /g\.txt:1: expected 'group member'/],
    ['# nothing\n', /no groups/],
    ['group,member\ng1\n', /g\.txt:2: expected 'group,member'/],
  ])('refuses %j', (text, message) => {
    expect(() => parseGroups(text, 'g.txt', ids)).toThrow(message);
  });

  it('turns communities into groups, singletons dropped', () => {
    expect(communityGroups(Uint32Array.from([0, 1, 0, 2, 1]), 3)).toEqual([
      [0, 2],
      [1, 4],
    ]);
  });
});
