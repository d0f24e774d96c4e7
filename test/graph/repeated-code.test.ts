/**
 * The first repeated code of a table of u32 codes (src/graph/repeated-code.ts), against a Set:
 * distinct tables, a repeat anywhere (the index of its second appearance), the extreme codes 0
 * and 2^32 - 1, and sparse codes refused (null) when their bitmap would exceed the bound.
 */
import { describe, expect, it } from 'vitest';
import { firstRepeatedCode } from '../../src/graph/repeated-code.ts';

/** The index of the first code seen before, by a Set, or -1. */
function bySet(codes: Uint32Array): number {
  const seen = new Set<number>();
  for (let v = 0; v < codes.length; v++) {
    if (seen.has(codes[v])) return v;
    seen.add(codes[v]);
  }
  return -1;
}

describe('firstRepeatedCode', () => {
  it('finds the second appearance of the first repeat, as a Set does', () => {
    const tables = [
      [],
      [0],
      [0, 0],
      [7, 3, 9, 3, 7],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 8],
      [8, 16, 24, 9, 17, 25, 16],
      [0xffffffff, 0, 0xfffffffe, 0xffffffff],
    ];
    for (const t of tables) {
      const codes = Uint32Array.from(t);
      expect(firstRepeatedCode(codes, 2 ** 29 + 1), String(t)).toBe(bySet(codes));
    }
  });

  it('agrees with a Set on shuffled tables of 100,000 codes, with and without a repeat', () => {
    const n = 100_000;
    const codes = new Uint32Array(n);
    for (let v = 0; v < n; v++) codes[v] = (v * 7919) % n; // a permutation: 7919 is prime
    expect(firstRepeatedCode(codes, 4 * n)).toBe(-1);
    codes[77_777] = codes[12_345];
    expect(firstRepeatedCode(codes, 4 * n)).toBe(77_777);
    expect(bySet(codes)).toBe(77_777);
  });

  it('refuses codes whose bitmap exceeds the bound', () => {
    expect(firstRepeatedCode(Uint32Array.of(1, 2, 8 * 1024), 1024)).toBeNull();
    expect(firstRepeatedCode(Uint32Array.of(1, 2, 8 * 1024 - 1), 1024)).toBe(-1);
  });
});
